"""`orthocrawl merge`: archives crawled apart, united. Crawling sites A and B into one archive
and C into another, then merging, gives what crawling all three into one gives; merging again
changes nothing; sources are never modified; bad sources are refused with one line."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import forked, start_cli

from orthocrawl.archive import Archive
from orthocrawl.items import RawPage
from orthocrawl.replica import ReplicaServer, build_hub

SITES = ["orthospinenews", "ryortho", "beckersspine"]
ARTICLES = 20  # a site: every table the merge test compares still has rows (asserted)
FIXTURES = Path(__file__).parent / "fixtures" / "archives"


def cli(*args: str | Path) -> subprocess.CompletedProcess:
    """Another process (forked from this one): merge takes the archives' locks."""
    return forked(*args)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def dump(db: Path) -> list[str]:
    """Everything in the archive, as SQL (the full-text index's own tables included)."""
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def query(db: Path, sql: str) -> list[tuple[Any, ...]]:
    if sql == "body_html":  # compressed in article_html (schema 11): read through the archive
        with Archive(db, read_only=True) as archive:
            return [(a["url"], a["body_html"]) for a in archive.articles()]
    conn = sqlite3.connect(db)
    try:
        return [tuple(row) for row in conn.execute(sql)]
    finally:
        conn.close()


# What must be the same whichever way the sites were crawled: everything but row ids and the
# times a crawl stamps (first_seen, last_seen, last_changed, a version's fetched_at, a page's
# fetched_at and checked_at), which differ between any two crawls of one site.
CONTENT = {
    "articles": "SELECT url, site, title, authors, posted_by, published_at, modified_at, "
                "categories, tags, description, lead_image, language, body_text, "
                "word_count, source, content_hash, version, status, gone_since, search_folded, "
                "body_source FROM articles ORDER BY url",
    "body_html": "body_html",
    "versions": "SELECT url, version, content_hash, title, body_text, modified_at, via "
                "FROM article_versions ORDER BY url, version",
    "pages": "SELECT url, article_url, status, body_sha256, fetched_url, sitemap_lastmod "
             "FROM pages ORDER BY url",
    "entities": "SELECT m.article_url, e.kind, e.name, m.count, m.first_sentence FROM mentions m "
                "JOIN entities e ON e.id = m.entity_id ORDER BY 1, 2, 3",
    "events": "SELECT article_url, kind, date, company, target, product, amount, sentence "
              "FROM events ORDER BY 1, 2, 8",
    "search": "SELECT a.url FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
              "WHERE articles_fts MATCH 'spine OR implant' ORDER BY a.url",
}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> dict[str, Path]:
    """A and B crawled into ab.db, C into c.db, all three into abc.db."""
    folder = tmp_path_factory.mktemp("merge")
    with ReplicaServer(build_hub(SITES, articles=ARTICLES)) as server:
        plans = {"ab.db": SITES[:2], "c.db": SITES[2:], "abc.db": SITES}
        processes = []
        for name, sites in plans.items():
            mirrors = [a for s in sites for a in ("--base-url", f"{s}={server.base_url}")]
            processes.append(start_cli("crawl", *sites, "--db", folder / name, *mirrors))
        for process in processes:
            done = process.wait(timeout=600)
            assert done.returncode == 0, done.stderr[-2000:]
    return {name: folder / name for name in plans}


@pytest.mark.slow
def test_merging_apart_crawled_archives_equals_crawling_into_one(crawled, tmp_path):
    sources = [crawled["ab.db"], crawled["c.db"]]
    before = [digest(source) for source in sources]
    target = tmp_path / "merged.db"
    done = cli("merge", *sources, "--into", target)
    assert done.returncode == 0, done.stderr
    assert f"{target}: {ARTICLES * 3} articles of 3 sites" in done.stdout
    assert [digest(source) for source in sources] == before  # sources never written
    for name, sql in CONTENT.items():
        assert query(target, sql) == query(crawled["abc.db"], sql), name
    assert len(query(target, CONTENT["articles"])) == ARTICLES * 3
    assert len(query(target, CONTENT["versions"])) == len(query(target, CONTENT["pages"])) \
        == ARTICLES * 3
    assert query(target, CONTENT["search"])
    assert query(target, CONTENT["entities"])  # the derived layer is there, not just equal
    assert query(target, CONTENT["events"])
    # The run rows are the two sources' (one run each), not the single crawl's.
    runs = "SELECT started_at, sites, status FROM crawl_runs ORDER BY started_at, sites"
    assert query(target, runs) == sorted(query(sources[0], runs) + query(sources[1], runs))
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    conn.close()
    # Merging again, or merging the other way round, changes nothing.
    merged = dump(target)
    again = cli("merge", *reversed(sources), "--into", target)
    assert again.returncode == 0, again.stderr
    assert again.stdout.count("(nothing new)") == 2
    assert dump(target) == merged
    # And a source merged into an archive that already has it all, also nothing.
    whole = tmp_path / "whole.db"
    shutil.copy(crawled["abc.db"], whole)
    assert cli("merge", crawled["c.db"], "--into", whole).returncode == 0
    for name, sql in CONTENT.items():
        assert query(whole, sql) == query(crawled["abc.db"], sql), name


# ---- the rules, on small archives written through the archive's API ----

URL = "https://example.com/a/"


def record(body: str, title: str = "Fusion study") -> dict[str, Any]:
    return {"url": URL, "site": "example", "title": title, "authors": ["Ana Ruiz"],
            "posted_by": None, "published_at": "2024-01-02T03:04:05Z", "modified_at": None,
            "categories": ["Spine"], "tags": [], "description": None, "lead_image": None,
            "language": "en", "body_text": body, "body_html": f"<p>{body}</p>",
            "word_count": len(body.split()), "source": None,
            "content_hash": hashlib.sha256(f"{title}\n{body}".encode()).hexdigest()}


def page(body: bytes, at: str) -> RawPage:
    return RawPage(URL, 200, {"content-type": "text/html"}, body, at)


FIRST = "Spinal fusion outcomes improved in the trial."
SECOND = "Spinal fusion outcomes improved in the trial, the surgeons said."


def merge(*sources: Path, into: Path) -> None:
    from orthocrawl.merge import merge_archives

    merge_archives(list(sources), into)


def article(db: Path) -> dict[str, Any]:
    with Archive(db, read_only=True) as archive:
        row = archive.article(URL)
        assert row is not None
        return {**row, "versions": [(v["version"], v["content_hash"], v["fetched_at"])
                                    for v in archive.versions(URL)]}


def test_versions_unite_by_text_and_time_and_the_newest_text_wins(tmp_path):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    with Archive(one) as archive:  # saw the first text on the 1st and the 3rd
        archive.store([(record(FIRST), page(b"<p>1</p>", "2026-01-01T00:00:00Z"))],
                      now="2026-01-01T00:00:00Z")
        archive.store([(record(FIRST), None)], now="2026-01-03T00:00:00Z")
    with Archive(two) as archive:  # the first text on the 2nd, the second on the 10th
        archive.store([(record(FIRST), None)], now="2026-01-02T00:00:00Z")
        archive.store([(record(SECOND), page(b"<p>2</p>", "2026-01-10T00:00:00Z"))],
                      now="2026-01-10T00:00:00Z")
    merge(two, into=one)
    merged = article(one)
    assert merged["body_text"] == SECOND  # the newest text
    assert merged["versions"] == [(1, record(FIRST)["content_hash"], "2026-01-01T00:00:00Z"),
                                  (2, record(SECOND)["content_hash"], "2026-01-10T00:00:00Z")]
    assert (merged["version"], merged["first_seen"], merged["last_seen"],
            merged["last_changed"]) == (2, "2026-01-01T00:00:00Z", "2026-01-10T00:00:00Z",
                                        "2026-01-10T00:00:00Z")
    with Archive(one, read_only=True) as archive:
        assert archive.raw_page(URL).body == b"<p>2</p>"  # the newer fetch
        assert archive.search("surgeons")  # the index follows the text
    # The other way round gives the same article.
    other = tmp_path / "other.db"
    shutil.copy(two, other)
    source = tmp_path / "one-before.db"
    with Archive(source) as archive:
        archive.store([(record(FIRST), page(b"<p>1</p>", "2026-01-01T00:00:00Z"))],
                      now="2026-01-01T00:00:00Z")
        archive.store([(record(FIRST), None)], now="2026-01-03T00:00:00Z")
    merge(source, into=other)
    # (story_id is derived: assigned where merge redid the derived layers of a new text)
    assert {k: v for k, v in article(other).items() if k not in ("rowid", "story_id")} == \
        {k: v for k, v in merged.items() if k not in ("rowid", "story_id")}


@pytest.mark.parametrize(("seen_again", "status"), [
    ("2026-01-09T00:00:00Z", "live"),  # seen alive after it was found gone: live
    ("2026-01-04T00:00:00Z", "gone"),  # found gone after the last sighting: gone
])
def test_gone_or_live_by_the_later_observation(tmp_path, seen_again, status):
    gone, live = tmp_path / "gone.db", tmp_path / "live.db"
    with Archive(gone) as archive:
        archive.store([(record(FIRST), None)], now="2026-01-01T00:00:00Z")
        archive.mark_gone([URL], now="2026-01-05T00:00:00Z")
    with Archive(live) as archive:
        archive.store([(record(FIRST), None)], now="2026-01-02T00:00:00Z")
        archive.touch([URL], now=seen_again)
    for source, target in ((live, gone), (gone, live)):
        copy = tmp_path / f"into-{target.name}"
        shutil.copy(target, copy)
        merge(source, into=copy)
        merged = article(copy)
        assert merged["status"] == status
        assert merged["gone_since"] == (None if status == "live" else "2026-01-05T00:00:00Z")
        assert merged["last_seen"] == seen_again
        assert len(merged["versions"]) == 1


def test_runs_and_dropped_urls_come_along_once(tmp_path):
    source, target = tmp_path / "source.db", tmp_path / "target.db"
    with Archive(source) as archive:
        run = archive.start_run(["example"], now="2026-01-01T00:00:00Z")
        archive.remember_dropped([{"url": "https://example.com/tag/x/", "site": "example",
                                   "reason": "not_article", "lastmod": None}],
                                 now="2026-01-01T00:00:00Z")
    merge(source, into=target)  # while the run is going on
    with Archive(source) as archive:
        archive.finish_run(run, status="ok", finished_at="2026-01-01T01:00:00Z")
    merge(source, into=target)
    merge(source, into=target)
    runs = query(target, "SELECT started_at, sites, status, finished_at FROM crawl_runs")
    assert runs == [("2026-01-01T00:00:00Z", '["example"]', "ok", "2026-01-01T01:00:00Z")]
    assert query(target, "SELECT url, reason FROM dropped_urls") == [
        ("https://example.com/tag/x/", "not_article")]


def test_watches_and_what_they_reported_come_along_once(tmp_path):
    source, target = tmp_path / "source.db", tmp_path / "target.db"
    with Archive(source) as archive:
        archive.store([(record(FIRST), page(b"<p>x</p>", "2026-01-01T00:00:00Z"))],
                      now="2026-01-01T00:00:00Z")
        archive.add_watch("fusion", "fusion", [], 1)  # knows the article: not reported
    with Archive(target) as archive:
        archive.add_watch("fusion", "fusion", ["example"], 1)  # the target's own wins
        archive.add_watch("other", "cage", [], 1)
    merge(source, into=target)
    merge(source, into=target)
    assert query(target, "SELECT name, sites FROM watches ORDER BY name") == [
        ("fusion", '["example"]'), ("other", "[]")]
    assert query(target, "SELECT w.name, m.story_key, m.reported FROM watch_matches m "
                         "JOIN watches w ON w.id = m.watch_id") == [
        ("fusion", f"article:{URL}", 0)]
    with Archive(target) as archive:  # a story it knew of is not new after the merge
        assert archive.record_matches(archive.watch("fusion")) == []


def test_an_older_schema_is_migrated_in_a_copy(tmp_path):
    source = tmp_path / "v1.db"
    shutil.copy(FIXTURES / "v1.db", source)
    before = digest(source)
    target = tmp_path / "target.db"
    done = cli("merge", source, "--into", target)
    assert done.returncode == 0, done.stderr
    assert digest(source) == before
    assert query(source, "PRAGMA user_version") == [(1,)]  # still its own version
    assert query(target, "SELECT count(*) FROM articles") == \
        query(source, "SELECT count(*) FROM articles")
    assert list(tmp_path.glob(".target.db.merge-*")) == []  # the copies are gone


def test_a_table_merge_does_not_know_stops_it(tmp_path):
    source, target = tmp_path / "source.db", tmp_path / "target.db"
    for db in (source, target):
        with Archive(db) as archive:
            archive.db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    sqlite3.connect(source).executescript("INSERT INTO notes (text) VALUES ('x');")
    done = cli("merge", source, "--into", target)
    assert done.returncode == 1
    assert "table 'notes'" in done.stderr and "Traceback" not in done.stderr


def _foreign(path: Path) -> None:
    sqlite3.connect(path).executescript("CREATE TABLE x (a);")


def _newer(path: Path) -> None:
    shutil.copy(FIXTURES / "v4.db", path)
    sqlite3.connect(path).executescript("PRAGMA user_version = 99;")


def _damaged(path: Path) -> None:
    shutil.copy(FIXTURES / "v4.db", path)
    data = bytearray(path.read_bytes())
    data[8192:12288] = b"\xff" * 4096  # a page of the file overwritten
    path.write_bytes(bytes(data))


def _text(path: Path) -> None:
    path.write_text("not an archive\n")


@pytest.mark.parametrize(("make", "says"), [
    (_text, "file is not a database"),
    (_foreign, "not an orthocrawl archive"),
    (_newer, "newer than this orthocrawl"),
    (_damaged, "damaged"),
    (None, "no archive at"),
])
def test_a_bad_source_is_refused_and_nothing_merged(tmp_path, make, says):
    from orthocrawl.errors import BadInput

    good, bad, target = tmp_path / "good.db", tmp_path / "bad.db", tmp_path / "target.db"
    shutil.copy(FIXTURES / "v4.db", good)
    if make is not None:
        make(bad)
    with pytest.raises(BadInput) as refused:
        merge(good, bad, into=target)
    assert says in str(refused.value) and "\n" not in str(refused.value)
    assert refused.value.code == 2
    assert not target.exists()  # nothing merged, not even the good source


def test_a_bad_source_is_one_line_and_exit_2(tmp_path):
    good, bad, target = tmp_path / "good.db", tmp_path / "bad.db", tmp_path / "target.db"
    shutil.copy(FIXTURES / "v4.db", good)
    _damaged(bad)
    done = cli("merge", good, bad, "--into", target)
    assert done.returncode == 2
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(f"orthocrawl: error: {bad} is damaged (")
    assert line.endswith("; not merged")


def test_the_target_itself_is_refused(tmp_path):
    target = tmp_path / "target.db"
    shutil.copy(FIXTURES / "v4.db", target)
    done = cli("merge", target, "--into", target)
    assert done.returncode == 2 and "is the target archive itself" in done.stderr
    assert done.stdout == ""


def _two_texts(tmp_path: Path) -> tuple[Path, Path]:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    with Archive(one) as archive:
        archive.store([(record(FIRST), None)], now="2026-01-01T00:00:00Z")
    with Archive(two) as archive:
        archive.store([(record(SECOND), None)], now="2026-01-10T00:00:00Z")
    return one, two


def test_a_current_text_kept_only_in_articles_is_kept_so(tmp_path):
    """An archive may store the current version's text in `articles` only (its version row
    without title and body_text): the merged versions keep every older text, and the current
    one the same way."""
    one, two = _two_texts(tmp_path)
    for db in (one, two):
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE article_versions SET title = NULL, body_text = NULL")
    merge(two, into=one)
    assert query(one, "SELECT version, title, body_text FROM article_versions ORDER BY version") \
        == [(1, "Fusion study", FIRST), (2, None, None)]
    assert article(one)["body_text"] == SECOND


def test_a_source_being_written_is_read_as_committed(tmp_path):
    one, two = _two_texts(tmp_path)
    writer = sqlite3.connect(two, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # a crawl's batch, not committed yet
    writer.execute("UPDATE articles SET title = 'half-written'")
    try:
        done = cli("merge", two, "--into", one)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert done.returncode == 0, done.stderr
    assert article(one)["title"] == "Fusion study"


@pytest.mark.slow
@pytest.mark.usefixtures("short_probe_grace")
def test_a_site_being_crawled_into_the_target_is_waited_for_or_refused(tmp_path):
    from orthocrawl.lock import acquire, release

    one, two = _two_texts(tmp_path)
    before = dump(one)
    assert acquire(one, "example", wait=True)  # as a crawl of the site holds it
    try:
        done = cli("merge", two, "--into", one)
    finally:
        release(one, "example")
    assert done.returncode == 1 and "a crawl of example is writing" in done.stderr
    assert dump(one) == before
    assert cli("merge", two, "--into", one, "--wait").returncode == 0


def test_a_killed_merge_leaves_no_copies_behind_after_the_next(tmp_path):
    """A merge killed while copying leaves its folder of copies; the next merge into the same
    target removes it, but never the folder of a merge still running."""
    import os
    import signal
    import time

    one, two = _two_texts(tmp_path)
    stalled = subprocess.Popen([sys.executable, "-c", (
        "import sys, time, orthocrawl.merge as m\n"
        "m.snapshot = lambda source, copy: time.sleep(600)\n"
        "m.merge_archives([__import__('pathlib').Path(sys.argv[1])], "
        "__import__('pathlib').Path(sys.argv[2]))\n"), str(two), str(one)])
    try:
        deadline = time.monotonic() + 30
        while not list(tmp_path.glob(".one.db.merge-*/owner.lock")):
            assert time.monotonic() < deadline and stalled.poll() is None
            time.sleep(0.05)
        [folder] = tmp_path.glob(".one.db.merge-*")
        merge(two, into=one)  # the stalled merge is alive: its folder stays
        assert folder.is_dir()
    finally:
        os.kill(stalled.pid, signal.SIGKILL)
        stalled.wait()
    assert folder.is_dir()  # a SIGKILL cleans nothing up
    merge(two, into=one)
    assert list(tmp_path.glob(".one.db.merge-*")) == []
