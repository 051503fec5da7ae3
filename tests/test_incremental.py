"""Scheduled runs against the replica: an unchanged site costs only discovery; a later
state's changes are all found, with no false change; faults never lose good articles."""

from __future__ import annotations

import json
import subprocess

import pytest
import sqlite_utils
from conftest import cli, forked, orthocrawl

from orthocrawl.replica import ReplicaServer, available, build, build_site
from orthocrawl.replica.faults import MODES, FaultySite
from orthocrawl.replica.testing import Logged, fault_report, lost_urls

pytestmark = pytest.mark.slow  # every test crawls

ARTICLES = 100
PER_PUBLISHER = 30  # each publisher's replica in the second-run test


def crawl(base_url: str, db, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return forked("crawl", "orthospinenews", "--db", str(db), "--base-url", base_url, *args,
                  timeout=timeout)


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return orthocrawl(*args)


def last_run(db) -> dict:
    return next(sqlite_utils.Database(db).query(
        "SELECT * FROM crawl_runs ORDER BY id DESC LIMIT 1"))


@pytest.fixture(scope="module")
def first(tmp_path_factory):
    """An archive after one full crawl of state 1, and that state's site."""
    site = Logged(build_site(articles=ARTICLES))
    db = tmp_path_factory.mktemp("inc") / "a.db"
    with ReplicaServer(site) as server:
        result = crawl(server.base_url, db, "--discover", "all")
        assert result.returncode == 0, result.stderr[-2000:]
    return db, site


def test_second_run_fetches_no_known_unchanged_article(first, tmp_path):
    db, site = first
    copy = tmp_path / "copy.db"
    copy.write_bytes(db.read_bytes())
    site.request_log.reset()
    with ReplicaServer(site) as server:
        result = crawl(server.base_url, copy, "--discover", "all")
    assert result.returncode == 0, result.stderr[-2000:]
    assert site.request_log.count() == 0  # not one article page
    run = last_run(copy)
    first_run = next(sqlite_utils.Database(copy).query("SELECT * FROM crawl_runs LIMIT 1"))
    assert run["requests"] < 0.1 * first_run["requests"]
    assert run["articles_unchanged"] == ARTICLES and run["articles_new"] == 0


class CountingSite:
    """A replica that counts the requests for its article pages (any URL variant)."""

    def __init__(self, site):
        self.site, self.articles = site, set(site.article_urls())
        self.hits = 0

    def __getattr__(self, name):
        return getattr(self.site, name)

    def handle(self, method, url, headers):
        self.hits += url.split("?")[0].rstrip("/") in {u.rstrip("/") for u in self.articles}
        return self.site.handle(method, url, headers)


@pytest.mark.parametrize("name", available())
def test_every_publisher_second_run_fetches_discovery_only(name, tmp_path):
    """Whatever a publisher's sitemaps give (Yoast <lastmod>, dates the pages never show,
    no <lastmod> at all), an unchanged site costs a second run no article page."""
    site = CountingSite(build(name, articles=PER_PUBLISHER))
    db = tmp_path / "a.db"
    with ReplicaServer(site) as server:
        command = ["crawl", name, "--db", str(db), "--base-url", server.base_url]
        assert run_cli(*command).returncode == 0
        assert site.hits >= PER_PUBLISHER
        site.hits = 0
        assert run_cli(*command).returncode == 0
    assert site.hits == 0
    assert last_run(db)["articles_unchanged"] == PER_PUBLISHER


def test_recheck_all_uses_conditional_requests(first, tmp_path):
    db, site = first
    copy = tmp_path / "copy.db"
    copy.write_bytes(db.read_bytes())
    site.request_log.reset()
    with ReplicaServer(site) as server:
        result = crawl(server.base_url, copy, "--recheck", "all")
    assert result.returncode == 0, result.stderr[-2000:]
    assert site.request_log.count(304) == ARTICLES
    assert site.request_log.count(200) == 0
    assert last_run(copy)["articles_unchanged"] == ARTICLES


def test_recheck_comes_due_by_the_last_check_not_the_last_sighting(first, tmp_path):
    """Runs every few hours see every article in the sitemap, unchanged; re-checks still
    come round once the site has not vouched for a page in ORTHOCRAWL_RECHECK_DAYS."""
    db, site = first
    copy = tmp_path / "copy.db"
    copy.write_bytes(db.read_bytes())
    stale = site.article_urls()[:7]
    database = sqlite_utils.Database(copy)
    database.execute("UPDATE articles SET last_seen = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')")
    database.execute(f"UPDATE pages SET checked_at = '2000-01-01T00:00:00Z' "
                     f"WHERE url IN ({', '.join('?' * len(stale))})", stale)
    database.conn.commit()
    fetched_before = dict(database.execute(
        "SELECT url, checked_at || ' ' || fetched_at FROM pages").fetchall())
    database.conn.close()
    site.request_log.reset()
    with ReplicaServer(site) as server:
        assert crawl(server.base_url, copy).returncode == 0
        assert site.request_log.count(304) == len(stale)
        assert site.request_log.count(200) == 0
        after = dict(sqlite_utils.Database(copy).execute(
            "SELECT url, checked_at || ' ' || fetched_at FROM pages").fetchall())
        assert all(after[url].split()[0] > "2000-01-01" for url in stale)
        assert all(after[url].split()[1] == fetched_before[url].split()[1] for url in stale)
        assert after == fetched_before | {url: after[url] for url in stale}  # bodies' times kept
        site.request_log.reset()
        assert crawl(server.base_url, copy).returncode == 0
        assert site.request_log.count() == 0  # re-checked now: not due again


def test_rechecks_are_capped_per_run_longest_unconfirmed_first(first, tmp_path):
    db, site = first
    copy = tmp_path / "copy.db"
    copy.write_bytes(db.read_bytes())
    stale = site.article_urls()[10:17]
    database = sqlite_utils.Database(copy)
    for year, url in enumerate(stale, start=2001):  # stale[0] unconfirmed the longest
        database.execute("UPDATE pages SET checked_at = ? WHERE url = ?",
                         [f"{year}-01-01T00:00:00Z", url])
    database.conn.commit()
    database.conn.close()
    with ReplicaServer(site) as server:
        for batch in (stale[:3], stale[3:6], stale[6:], []):
            site.request_log.reset()
            result = crawl(server.base_url, copy, "--set", "ORTHOCRAWL_RECHECK_MAX=3")
            assert result.returncode == 0, result.stderr[-2000:]
            assert {url for url in stale if site.request_log.count(304, url)} == set(batch)
            assert site.request_log.count() == len(batch)


@pytest.mark.parametrize("recheck", [False, True])
def test_later_state_changes_found_without_false_changes(first, tmp_path, recheck):
    db, _ = first
    copy = tmp_path / "copy.db"
    copy.write_bytes(db.read_bytes())
    later = build_site(articles=ARTICLES, state=2)
    changes = later.changes()
    truth = {r["url"]: r for r in later.truth()}
    with ReplicaServer(later) as server:
        result = crawl(server.base_url, copy, *(["--recheck", "all"] if recheck else []))
    assert result.returncode == 0, result.stderr[-2000:]
    rows = {r["url"]: r for r in sqlite_utils.Database(copy).query("SELECT * FROM articles")}
    for url in changes["new"] + changes["edited"]:
        assert rows[url]["body_text"] == truth[url]["body_text"], url
    assert all(rows[u]["version"] == 2 for u in changes["edited"])
    assert all(rows[u]["status"] == "gone" for u in changes["deleted"])
    silently = [rows[u]["version"] == 2 for u in changes["silently_edited"]]
    assert all(silently) if recheck else not any(silently)  # only a re-fetch can see those
    expected = set(changes["edited"]) | (set(changes["silently_edited"]) if recheck else set())
    assert {u for u, r in rows.items() if r["version"] > 1} == expected
    assert {u for u, r in rows.items() if r["status"] == "gone"} == set(changes["deleted"])
    history = cli("history", changes["edited"][0], "--db", str(copy))
    assert "2 version(s)" in history.stdout and "\n+" in history.stdout


# Slow pages answer in SLOW s (four times as long is allowed: a slow page lost to the
# timeout fails the first test); the held connection never does, and it is what the run
# waits on: DOWNLOAD_TIMEOUT once per attempt. Two retries are what the server errors (a 5xx
# the first two times) need.
SLOW = 0.5
FAST = ["--set", f"DOWNLOAD_TIMEOUT={4 * SLOW:g}", "--set", "RETRY_TIMES=2", "--discover", "all"]


@pytest.fixture(scope="module")
def faulty(tmp_path_factory):
    site = Logged(FaultySite(build_site(articles=ARTICLES), MODES, slow_seconds=SLOW))
    db = tmp_path_factory.mktemp("faults") / "f.db"
    with ReplicaServer(site) as server:
        result = crawl(server.base_url, db, *FAST)
    return site, db, result


def test_faulty_site_run_finishes_and_keeps_every_good_article(faulty):
    site, db, result = faulty
    assert "Traceback" not in result.stderr
    truth = {r["url"] for r in site.truth()}
    archived = {r["url"] for r in sqlite_utils.Database(db).query("SELECT url FROM articles")}
    assert archived == truth - lost_urls(site)
    assert sqlite_utils.Database(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_faulty_site_run_row_says_what_happened(faulty):
    _, db, _ = faulty
    run = last_run(db)
    reasons = json.loads(run["drop_reasons"])
    assert reasons.get("not_article_challenge") == 1
    assert reasons.get("not_article_login_wall") == 1
    failures = json.loads(run["failures"])
    assert failures, "failed requests are counted by kind"
    assert any(key.startswith("http_503") for key in failures)
    errors = json.loads(run["http_errors"])
    assert errors.get("429", 0) >= 1 and errors.get("503", 0) >= 1


def test_faulty_site_traps_are_not_entered(faulty):
    site, db, _ = faulty
    calendar = [u for u in site.requests.urls() if "/calendar/" in u]
    assert len(calendar) <= 1  # the trap's first page at most, never its endless days
    disallowed = fault_report(site)["robots_disallow"]
    archived = {r["url"] for r in sqlite_utils.Database(db).query("SELECT url FROM articles")}
    assert not set(disallowed) & archived


def test_wrong_charset_is_read_as_utf8(faulty):
    site, db, _ = faulty
    (url,) = fault_report(site)["wrong_charset"]
    truth = next(r for r in site.truth() if r["url"] == url)
    row = next(sqlite_utils.Database(db).query("SELECT * FROM articles WHERE url = ?", [url]))
    assert row["body_text"] == truth["body_text"]
