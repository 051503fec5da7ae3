"""The archive: schema, upserts, raw pages, runs, FTS sync, bad files."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from orthocrawl.archive import SCHEMA_VERSION, Archive, ArchiveError
from orthocrawl.items import RawPage


def record(url: str = "https://example.com/a/", body: str = "Spinal fusion outcomes improved.",
           title: str = "Fusion study") -> dict:
    return {"url": url, "site": "example", "title": title, "authors": ["Ana Ruiz"],
            "posted_by": None, "published_at": "2024-01-02T03:04:05Z", "modified_at": None,
            "categories": ["Spine"], "tags": [], "description": None, "lead_image": None,
            "language": "en", "body_text": body, "body_html": f"<p>{body}</p>",
            "word_count": len(body.split()), "source": None,
            "content_hash": str(hash((title, body)))}


def page(body: bytes = b"<html>x</html>") -> RawPage:
    return RawPage("https://example.com/a/", 200, {"content-type": "text/html"}, body,
                   "2024-01-02T03:04:05Z")


def test_new_unchanged_changed(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        assert archive.store([(record(), page())], now="2024-01-01T00:00:00Z") == ["new"]
        assert archive.store([(record(), page())], now="2024-02-01T00:00:00Z") == ["unchanged"]
        row = archive.article("https://example.com/a/")
        assert row["first_seen"] == "2024-01-01T00:00:00Z"
        assert row["last_seen"] == "2024-02-01T00:00:00Z"
        assert row["last_changed"] == "2024-01-01T00:00:00Z"
        assert row["authors"] == ["Ana Ruiz"]
        changed = record(body="Spinal fusion outcomes improved a lot.")
        assert archive.store([(changed, None)], now="2024-03-01T00:00:00Z") == ["changed"]
        row = archive.article("https://example.com/a/")
        assert row["body_text"].endswith("a lot.")
        assert row["last_changed"] == "2024-03-01T00:00:00Z"
        assert archive.count() == 1


def test_sites_lists_each_site_once_in_order(tmp_path):
    names = ["zeta", "alpha", "mid", "alpha", "zeta", "zeta"]
    with Archive(tmp_path / "a.db") as archive:
        assert archive.sites() == []
        archive.store([(record(f"https://example.com/{i}/") | {"site": name}, None)
                       for i, name in enumerate(names)])
        assert archive.sites() == ["alpha", "mid", "zeta"]


def test_raw_page_round_trip_compressed(tmp_path):
    body = b"<html>" + b"spine " * 5000 + b"</html>"
    with Archive(tmp_path / "a.db") as archive:
        archive.store([(record(), page(body))])
        assert archive.raw_page("https://example.com/a/").body == body
        stored = archive.db.execute("SELECT length(body) FROM page_bodies").fetchone()[0]
        assert stored < len(body) / 10


def test_a_batch_is_written_whole_or_not_at_all(tmp_path, monkeypatch):
    with Archive(tmp_path / "a.db") as archive:
        archive.store([(record(), page())])

        def fail_midway(self, url, raw, site=None):  # as if the process died between two statements
            raise sqlite3.OperationalError("disk I/O error")

        monkeypatch.setattr(Archive, "_store_page", fail_midway)
        batch = [(record(url=f"https://example.com/{n}/"), page()) for n in range(3)]
        with pytest.raises(ArchiveError):
            archive.store(batch)
        assert archive.count() == 1  # the article rows of the failed batch were rolled back
        assert not archive.db.conn.in_transaction
        monkeypatch.undo()
        assert archive.store(batch) == ["new"] * 3


FIXTURES = Path(__file__).parent / "fixtures" / "archives"
# Real archives made by earlier releases (`orthocrawl demo --articles 4` at each schema
# version; v4-early: a v4 release made before migration 4 gained pages.sitemap_lastmod).
OLD_ARCHIVES = ["v1", "v2", "v3", "v4-early", "v4"]


def _shape(path: Path) -> dict[str, list[tuple[str, str]]]:
    """Every table's and view's columns (name, type), triggers and indexes by name."""
    conn = sqlite3.connect(path)
    shape = {}
    for name, kind in conn.execute(
            "SELECT name, type FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'articles_fts_%' ORDER BY name"):
        shape[f"{kind} {name}"] = [tuple(row[1:3]) for row in
                                   conn.execute(f'PRAGMA table_info("{name}")')]
    conn.close()
    return shape


@pytest.mark.parametrize("old", OLD_ARCHIVES)
def test_a_real_old_archive_migrates_to_todays_schema_with_its_data(old, tmp_path):
    path = tmp_path / f"{old}.db"
    shutil.copy(FIXTURES / f"{old}.db", path)
    before = sqlite3.connect(path)
    (version,) = before.execute("PRAGMA user_version").fetchone()
    articles = before.execute("SELECT url, title, body_text FROM articles ORDER BY url").fetchall()
    pages = before.execute("SELECT url, body FROM pages ORDER BY url").fetchall()
    before.close()
    assert version == int(old[1]) and articles
    with Archive(path) as archive:
        assert archive.version == SCHEMA_VERSION
        assert [(a["url"], a["title"], a["body_text"]) for a in archive.articles()] == articles
        for url, _ in pages:
            assert archive.raw_page(url).body  # raw pages still decompress
        for url, _, _ in articles:
            assert [v["version"] for v in archive.versions(url)] == [1]
        assert archive.search("implant") or archive.search("spine")
    Archive(tmp_path / "fresh.db").close()
    assert _shape(path) == _shape(tmp_path / "fresh.db")


def test_read_only_opening_neither_creates_nor_migrates(tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    with pytest.raises(ArchiveError, match="empty file, not an orthocrawl archive"):
        Archive(empty, read_only=True)
    assert empty.read_bytes() == b""
    old = tmp_path / "v2.db"
    shutil.copy(FIXTURES / "v2.db", old)
    with pytest.raises(ArchiveError, match="orthocrawl migrate"):
        Archive(old, read_only=True)
    assert old.read_bytes() == (FIXTURES / "v2.db").read_bytes()
    v4 = tmp_path / "v4.db"
    shutil.copy(FIXTURES / "v4.db", v4)
    with Archive(v4, read_only=True) as archive:  # readable as it is
        assert archive.version == 4 and archive.count() == 20
    assert v4.read_bytes() == (FIXTURES / "v4.db").read_bytes()


def test_search_folds_letters_the_tokenizer_keeps(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        archive.store([(record(url="https://example.com/s/", title="Søren Ærøskøbing joins",
                               body="Dr. Søren Dahl and Dr. Tomás Ruiz of Straße Klinik."),
                        None)])
        for query in ("Soren", "Søren", "Tomas", "Tomás", "Aeroskobing", "Strasse"):
            assert [h["url"] for h in archive.search(query)] == ["https://example.com/s/"], query
        # the index follows edits of folded text too
        archive.store([(record(url="https://example.com/s/", title="Another", body="Plain."),
                        None)])
        assert archive.search("Soren") == [] and archive.search("plain")


def test_iter_pages_reads_in_chunks_and_tolerates_writes(tmp_path):
    urls = [f"https://example.com/{n}/" for n in range(7)]
    with Archive(tmp_path / "a.db") as archive:
        for n, url in enumerate(urls):
            raw = RawPage(url, 200, {}, f"<html>{n}</html>".encode(), "2024-01-02T03:04:05Z")
            archive.store([(record(url=url) | {"site": "odd" if n % 2 else "even"}, raw)])
        assert [u for u, _ in archive.iter_pages("odd", chunk=2)] == sorted(urls[1::2])
        seen = []
        for url, raw in archive.iter_pages(chunk=3):
            seen.append(url)
            # Writing between chunks (as reparse does) neither repeats nor skips a page.
            archive.store([(record(url=url, body="Rewritten spinal fusion text."), None)])
            assert raw.body == f"<html>{urls.index(url)}</html>".encode()
        assert seen == sorted(urls)


def test_fts_follows_inserts_and_updates(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        archive.store([(record(), None)])
        assert [h["url"] for h in archive.search("fusion")] == ["https://example.com/a/"]
        archive.store([(record(body="Cervical disc replacement news today.", title="Disc"),
                        None)])
        assert archive.search("fusion") == []
        assert len(archive.search("cervical")) == 1


def test_wal_and_schema_version(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        assert archive.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert archive.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_runs_recorded(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        run = archive.start_run(["example"])
        archive.finish_run(run, status="ok", requests=3, drop_reasons={"duplicate": 1})
        (row,) = archive.runs()
        assert row["status"] == "ok" and row["requests"] == 3
        assert row["drop_reasons"] == '{"duplicate": 1}'


def test_corrupt_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "bad.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(ArchiveError, match="cannot use"):
        Archive(path)
    assert path.read_bytes() == b"this is not sqlite" * 100


def test_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(ArchiveError, match="not an orthocrawl archive"):
        Archive(path)


def test_directory_and_missing_archive(tmp_path):
    with pytest.raises(ArchiveError, match="directory"):
        Archive(tmp_path)
    with pytest.raises(ArchiveError, match="no archive"):
        Archive(tmp_path / "missing.db", create=False)


def test_bad_query_is_one_line_error(tmp_path):
    with Archive(tmp_path / "a.db") as archive, pytest.raises(ArchiveError):
        archive.search('"unbalanced')
