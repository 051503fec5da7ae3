"""Scheduled-run machinery: versions and history, reparse, WARC export, the archive lock,
field-share monitoring, and a crawler killed mid-run."""

from __future__ import annotations

import gzip
import json
import shutil
import signal
import subprocess
import threading
import time

import pytest
import sqlite_utils
from conftest import cli, forked, scrapy, start_cli, start_forked

from orthocrawl.archive import Archive
from orthocrawl.extensions import judge
from orthocrawl.lock import site_locks
from orthocrawl.replica import ReplicaServer, build_site

ARTICLES = 60
KILLED = 80  # articles of the site whose crawl is killed after two batches


def run(*args: str) -> subprocess.CompletedProcess:
    """A crawl in a forked child; any other command in this process."""
    return forked(*args) if args[0] == "crawl" else cli(*args)


@pytest.fixture(scope="module")
def site():
    return build_site(articles=ARTICLES)


@pytest.fixture(scope="module")
def server(site):
    with ReplicaServer(site) as running:
        yield running


@pytest.fixture(scope="module")
def crawled_once(server, tmp_path_factory):
    db = tmp_path_factory.mktemp("crawled") / "a.db"
    result = run("crawl", "orthospinenews", "--db", str(db), "--base-url", server.base_url)
    assert result.returncode == 0, result.stderr[-2000:]
    return db


@pytest.fixture
def crawled(crawled_once, tmp_path):
    """A copy of one crawl of the replica, for a test to change."""
    db = tmp_path / "a.db"
    shutil.copyfile(crawled_once, db)
    return db


@pytest.mark.slow  # crawls
def test_reparse_heals_a_damaged_article_and_keeps_its_history(crawled, site):
    url = site.article_urls()[2]
    truth = next(r for r in site.truth() if r["url"] == url)
    database = sqlite_utils.Database(crawled)
    # An old extractor's mistake: chrome left in the text.
    database.execute("UPDATE articles SET body_text = body_text || ?, content_hash = 'old' "
                     "WHERE url = ?", ["\n\nRelated Articles\n\nBack to top button", url])
    database.conn.commit()
    result = run("reparse", "--db", str(crawled))
    assert result.returncode == 0, result.stderr
    assert f"{ARTICLES} pages re-parsed: 1 changed" in result.stdout
    with Archive(crawled) as archive:
        article = archive.article(url)
        assert article["body_text"] == truth["body_text"]
        assert article["version"] == 2
        assert [v["via"] for v in archive.versions(url)] == ["crawl", "reparse"]
    history = run("history", url, "--db", str(crawled))
    assert history.returncode == 0
    assert "2 version(s)" in history.stdout and "version 2" in history.stdout
    assert run("history", "https://www.orthospinenews.com/nope/", "--db",
               str(crawled)).returncode == 1


def test_history_shows_a_readable_diff(tmp_path):
    record = {"url": "https://example.com/a/", "site": "example", "title": "Fusion study",
              "authors": ["Ana Ruiz"], "body_text": "First paragraph.\n\nSecond paragraph.",
              "content_hash": "h1", "word_count": 4}
    db = tmp_path / "h.db"
    with Archive(db) as archive:
        archive.store([(record, None)], now="2024-01-01T00:00:00Z")
        changed = {**record, "body_text": "First paragraph.\n\nSecond paragraph, corrected.",
                   "content_hash": "h2"}
        archive.store([(changed, None)], now="2024-02-01T00:00:00Z")
    result = run("history", record["url"], "--db", str(db))
    assert "-Second paragraph." in result.stdout
    assert "+Second paragraph, corrected." in result.stdout


@pytest.mark.slow  # crawls
def test_export_warc_reads_back_with_warcio(crawled, tmp_path):
    from warcio.archiveiterator import ArchiveIterator

    out = tmp_path / "a.warc.gz"
    result = run("export-warc", "--db", str(crawled), "-o", str(out))
    assert result.returncode == 0, result.stderr
    with Archive(crawled) as archive:
        stored = {page.url: page.body for _, page in archive.iter_pages()}
    found = {}
    with out.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type == "response":
                assert record.rec_headers.get_header("WARC-Date")
                assert record.http_headers.get_statuscode() == "200"
                found[record.rec_headers.get_header("WARC-Target-URI")] = \
                    record.content_stream().read()
    assert found == stored and len(found) == ARTICLES
    assert gzip.open(out).read(8) == b"WARC/1.1"


@pytest.mark.slow  # crawls
@pytest.mark.usefixtures("short_probe_grace")
def test_two_runs_never_write_at_once(server, tmp_path):
    db = tmp_path / "locked.db"
    with site_locks(db, ["orthospinenews"], wait=False):
        result = run("crawl", "orthospinenews", "--db", str(db), "--base-url", server.base_url)
    assert result.returncode == 1
    assert "a crawl of orthospinenews is writing" in result.stderr
    assert "Traceback" not in result.stderr
    after = run("crawl", "orthospinenews", "--db", str(db), "--base-url", server.base_url)
    assert after.returncode == 0


def scrapy_crawl(db, base_url: str, *args: str) -> subprocess.CompletedProcess:
    """`scrapy crawl` from the repository root, as scrapyd runs a job."""
    mirrors = json.dumps({"orthospinenews.com": base_url})
    return scrapy("crawl", "orthospinenews", "-s", f"ORTHOCRAWL_DB={db}",
                  "-s", f"ORTHOCRAWL_MIRRORS={mirrors}", "-s", "DOWNLOAD_DELAY=0",
                  "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8",
                  *args)


@pytest.mark.slow  # crawls
@pytest.mark.usefixtures("short_probe_grace")
def test_scrapy_crawl_takes_the_archive_lock_too(server, tmp_path):
    db = tmp_path / "scrapyd.db"
    output = tmp_path / "items.jsonl"
    output.write_text("kept\n")
    with site_locks(db, ["orthospinenews"], wait=False):
        busy = scrapy_crawl(db, server.base_url, "-O", str(output))
    # As the CLI: exit non-zero with one line, store nothing, open no feed.
    assert busy.returncode == 1 and "Traceback" not in busy.stderr
    assert busy.stderr.strip().splitlines()[-1].startswith(
        "orthocrawl: error: a crawl of orthospinenews is writing")
    assert "ORTHOCRAWL_LOCK_WAIT" in busy.stderr
    assert output.read_text() == "kept\n"
    assert not db.exists() or not Archive(db).db["articles"].count
    assert not db.exists() or not Archive(db).db["crawl_runs"].count
    done = scrapy_crawl(db, server.base_url)
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    database = sqlite_utils.Database(db)
    assert database["articles"].count == ARTICLES
    assert [r["status"] for r in database.query("SELECT status FROM crawl_runs")] == ["ok"]


@pytest.mark.slow  # crawls
def test_reparse_of_a_site_not_in_the_archive_is_an_error(crawled):
    result = run("reparse", "--db", str(crawled), "--site", "nosuchsite")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "no articles of site 'nosuchsite'" in result.stderr and "orthospinenews" in result.stderr


@pytest.mark.slow  # crawls
@pytest.mark.usefixtures("short_probe_grace")
def test_reparse_waits_its_turn(crawled):
    with site_locks(crawled, ["orthospinenews"], wait=False):  # held by this process
        result = forked("reparse", "--db", str(crawled))
    assert result.returncode == 1 and "a crawl of orthospinenews is writing" in result.stderr
    assert run("reparse", "--db", str(crawled)).returncode == 0


@pytest.mark.parametrize(("shares", "status"), [
    ({"title": 1.0, "author": 1.0, "date": 1.0, "body": 0.95, "pages": 40}, "ok"),
    ({"title": 1.0, "author": 0.1, "date": 1.0, "body": 0.95, "pages": 40}, "failed"),
    ({"title": 1.0, "author": 0.1, "date": 1.0, "body": 0.95, "pages": 3}, "ok"),  # too few
])
def test_layout_change_is_judged_against_recent_runs(shares, status):
    recent = [{"title": 1.0, "author": 0.98, "date": 1.0, "body": 0.97}] * 3
    figures = {"articles_new": 40, "articles_changed": 0, "articles_unchanged": 0,
               "field_shares": shares}
    outcome, why = judge("finished", figures, recent)
    assert outcome == status
    if status == "failed":
        assert "author found on 10%" in why and "layout" in why


@pytest.mark.slow  # crawls
def test_a_site_that_loses_its_bylines_fails_the_run(crawled, site):
    db = crawled  # one ok run of the site as it was

    class NoAuthors:
        """The same site after a redesign that dropped every author marker."""

        def __getattr__(self, name):
            return getattr(site, name)

        def handle(self, method, url, headers):
            status, head, body = site.handle(method, url, headers)
            if b"single-post" in body:
                text = body.decode()
                for marker in ('name="author"', '"author"', "author-name", "Written by",
                               ">By "):
                    text = text.replace(marker, "x-removed")
                body = text.encode()
                head = [(k, str(len(body)) if k == "Content-Length" else v) for k, v in head]
            return status, head, body

    with ReplicaServer(NoAuthors()) as broken:
        result = run("crawl", "orthospinenews", "--db", str(db), "--base-url", broken.base_url,
                     "--full")
    assert result.returncode == 1
    assert "author found on" in result.stdout and "layout" in result.stdout
    runs = list(sqlite_utils.Database(db).query("SELECT * FROM crawl_runs ORDER BY id"))
    assert [r["status"] for r in runs] == ["ok", "failed"]
    assert json.loads(runs[1]["field_shares"])["author"] < 0.5


@pytest.mark.slow  # crawls
def test_an_archive_that_stops_taking_writes_stops_the_run_cleanly(server, tmp_path):
    """`orthocrawl crawl` with an archive whose writes start failing after two batches (as on
    a full disk): the run stops with one line, and what was stored stays."""
    from orthocrawl import archive
    from orthocrawl.cli import main

    db = tmp_path / "full.db"
    words = ["crawl", "orthospinenews", "--db", str(db), "--base-url", server.base_url,
             "--set", "ORTHOCRAWL_BATCH_SIZE=10", "--set", "CONCURRENT_REQUESTS=2",
             "--set", "ORTHOCRAWL_BATCH_SECONDS=600"]  # batches by size only, however slow

    def crawl_onto_a_full_disk():  # in the forked child only
        calls, real = [0], archive.Archive.store

        def store(self, *args, **kwargs):
            calls[0] += 1
            if calls[0] > 2:
                raise archive.ArchiveError(
                    f"cannot write to {self.path}: database or disk is full")
            return real(self, *args, **kwargs)

        archive.Archive.store = store
        main.main(words, prog_name="orthocrawl")

    result = start_forked(crawl_onto_a_full_disk, words).wait()
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert "failed (cannot write to" in result.stdout
    assert "database or disk is full: the crawl stopped" in result.stdout
    database = sqlite_utils.Database(db)
    assert database["articles"].count == 20  # the two batches written before it failed
    assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    (run,) = database.query("SELECT status, finish_reason FROM crawl_runs")
    assert run["status"] == "failed" and "disk is full" in run["finish_reason"]


class Stalling:
    """A replica that answers the first `after` article pages, then holds the rest until
    `go` is set (a minute at most): a crawl of it is still running when the test kills it,
    however loaded the machine."""

    def __init__(self, site, after: int) -> None:
        self.site, self.after = site, after
        self.articles = {url.rstrip("/") for url in site.article_urls()}
        self.go = threading.Event()
        self.lock = threading.Lock()
        self.answered = 0

    def __getattr__(self, name):
        return getattr(self.site, name)

    def handle(self, method, url, headers):
        if url.split("?")[0].rstrip("/") in self.articles:
            with self.lock:
                self.answered += 1
                late = self.answered > self.after
            if late:
                self.go.wait(timeout=60)
        return self.site.handle(method, url, headers)


@pytest.mark.slow  # crawls
def test_killed_mid_run_then_completed(tmp_path):
    site = Stalling(build_site(articles=KILLED), after=60)
    db = tmp_path / "killed.db"
    with ReplicaServer(site) as server:
        crawler = start_cli("crawl", "orthospinenews", "--db", db, "--base-url", server.base_url,
                            "--set", "ORTHOCRAWL_BATCH_SIZE=20", "--set", "CONCURRENT_REQUESTS=4")
        deadline = time.monotonic() + 120
        stored = 0
        while stored < 40 and time.monotonic() < deadline and crawler.poll() is None:
            time.sleep(0.05)
            if db.exists():
                try:
                    stored = sqlite_utils.Database(db)["articles"].count
                except Exception:  # the schema is not there yet
                    stored = 0
        assert crawler.poll() is None, "the crawl ended before it could be killed"
        crawler.kill(signal.SIGKILL)
        crawler.wait()
        site.go.set()
        database = sqlite_utils.Database(db)
        assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        partial = database["articles"].count
        assert 0 < partial < KILLED
        pages = database.execute("SELECT count(*) FROM pages").fetchone()[0]
        assert pages == partial  # an article and its raw page land in one transaction
        database.conn.close()
        result = run("crawl", "orthospinenews", "--db", str(db), "--base-url",
                     server.base_url)
    assert result.returncode == 0, result.stderr[-2000:]
    database = sqlite_utils.Database(db)
    assert database["articles"].count == KILLED
    assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert database.execute("SELECT count(DISTINCT url) FROM articles").fetchone()[0] == KILLED
    statuses = [r[0] for r in database.execute("SELECT status FROM crawl_runs ORDER BY id")]
    assert statuses == ["interrupted", "ok"]
