"""Scheduled runs as cron, systemd and scrapyd meet them: quiet runs, failing sitemaps,
dropped pages, URL variants, unreachable sites, politeness, bad settings, killed runs,
feed exports."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from conftest import orthocrawl
from conftest import scrapy as forked_scrapy

from orthocrawl.archive import Archive
from orthocrawl.lock import site_locks
from orthocrawl.replica import ReplicaServer, build, build_site

ROOT = Path(__file__).resolve().parents[1]
BAD_SETTINGS = ["ORTHOCRAWL_MIN_WORDS=abc", "DOWNLOAD_DELAY=x", "ORTHOCRAWL_LOCK_WAIT=maybe",
                "ORTHOCRAWL_RECHECK_DAYS=x", "ORTHOCRAWL_RECHECK_MAX=x",
                "ORTHOCRAWL_SHARE_DROP=abc", "ORTHOCRAWL_MIN_WORD=3",
                "CONCURRENT_REQUESTS_PER_DOMAIN=0", "DOWNLOAD_TIMEOUT=soon", "RETRY_TIMES=-1",
                "AUTOTHROTTLE_ENABLED=perhaps"]


def run(*args: str, env: dict[str, str] | None = None,
        timeout: float = 300) -> subprocess.CompletedProcess:
    return orthocrawl(*args, env=env, timeout=timeout)  # crawls forked, the rest in process


def crawl(name: str, base_url: str, db: Path, *args: str,
          env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return run("crawl", name, "--db", str(db), "--base-url", base_url, *args, env=env)


def scrapy(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """`scrapy` from the repository root, as scrapyd runs a job (forked)."""
    return forked_scrapy(*args, cwd=ROOT, timeout=timeout)


def scrapy_crawl(name: str, db: Path, base_url: str, *args: str) -> subprocess.CompletedProcess:
    domain = {"ryortho": "ryortho.com", "orthospinenews": "orthospinenews.com"}[name]
    return scrapy("crawl", name, "-s", f"ORTHOCRAWL_DB={db}", "-s",
                  f"ORTHOCRAWL_MIRRORS={json.dumps({domain: base_url})}", "-s",
                  "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", *args)


def runs(db: Path) -> list[dict[str, Any]]:
    return list(sqlite_utils.Database(db).query("SELECT * FROM crawl_runs ORDER BY id"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Tweaked:
    """A replica whose answers a test changes (`tweak(url, status, headers, body)`), and that
    logs when each URL was asked for and with which headers."""

    def __init__(self, site: Any, tweak: Any = None) -> None:
        self.site, self.tweak = site, tweak
        self.asked: list[tuple[float, str, dict[str, str]]] = []
        self.lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.site, name)

    def handle(self, method: str, url: str, headers: Any) -> Any:
        with self.lock:
            self.asked.append((time.monotonic(), url, dict(headers.items())))
        status, answer, body = self.site.handle(method, url, headers)
        if self.tweak is not None:
            status, answer, body = self.tweak(url, status, list(answer), body)
        return status, answer, body

    def hits(self, urls: set[str]) -> int:
        """Requests for any variant of these URLs (scheme, www, slash)."""
        keys = {_key(u) for u in urls}
        return sum(_key(url) in keys for _, url, _ in self.asked)


def _key(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url.split("?")[0]).rstrip("/")


def _retyped(answer: list[tuple[str, str]], body: bytes) -> list[tuple[str, str]]:
    return [(k, str(len(body)) if k.lower() == "content-length" else v) for k, v in answer]


# ---- quiet runs ----

@pytest.mark.slow  # crawls
@pytest.mark.parametrize(("name", "discover"), [
    ("ryortho", "feed"), ("ryortho", "listing"), ("orthospinenews", "feed"),
    ("beckersspine", "listing")])
def test_a_quiet_run_that_found_only_known_articles_is_ok(name, discover, tmp_path):
    site = build(name, articles=40)
    db = tmp_path / "a.db"
    with ReplicaServer(site) as server:
        assert crawl(name, server.base_url, db, "--discover", discover).returncode == 0
        second = crawl(name, server.base_url, db, "--discover", discover)
    assert second.returncode == 0, second.stdout + second.stderr[-2000:]
    assert f"{name}: ok (nothing new); 0 new" in second.stdout
    assert [r["status"] for r in runs(db)] == ["ok", "ok"]


@pytest.mark.slow  # crawls
def test_discovery_that_finds_nothing_fails_the_run(tmp_path):
    def no_feed(url, status, answer, body):
        return (404, [("Content-Length", "0")], b"") if "/feed" in url else \
            (status, answer, body)

    with ReplicaServer(Tweaked(build("ryortho", articles=20), no_feed)) as server:
        result = crawl("ryortho", server.base_url, tmp_path / "a.db", "--discover", "feed")
    assert result.returncode == 1
    assert "failed (discovery found no articles" in result.stdout


@pytest.mark.slow  # crawls
def test_a_second_scrapy_crawl_with_a_feed_export_is_ok_and_exports_articles_only(tmp_path):
    db, items = tmp_path / "a.db", tmp_path / "items.jsonl"
    site = build("ryortho", articles=30)
    with ReplicaServer(site) as server:
        first = scrapy_crawl("ryortho", db, server.base_url, "-a", "discover=feed", "-O",
                             str(items))
        rows = [json.loads(line) for line in items.read_text().splitlines()]
        second = scrapy_crawl("ryortho", db, server.base_url, "-a", "discover=feed", "-O",
                              str(items))
    assert first.returncode == 0, first.stderr[-3000:]
    assert len(rows) == 10  # the feed's ten articles, no marker rows
    for row in rows:
        assert row["url"].startswith("https://ryortho.com/breaking/") and row["title"]
        assert row["first_seen"] and row["last_seen"] and row["last_changed"]
        assert row["first_seen"] == row["last_changed"]
    stored = {r["url"]: r for r in sqlite_utils.Database(db).query("SELECT * FROM articles")}
    assert all(stored[r["url"]]["first_seen"] == r["first_seen"] for r in rows)
    assert second.returncode == 0, second.stderr[-3000:]
    assert items.read_text() == ""  # nothing new, and no "seen" or "gone" rows
    assert [r["status"] for r in runs(db)] == ["ok", "ok"]


# ---- killed runs ----

@pytest.mark.slow  # crawls
@pytest.mark.usefixtures("short_probe_grace")
def test_stale_runs_are_marked_only_by_a_writer_that_holds_the_lock(tmp_path):
    db = tmp_path / "a.db"
    with Archive(db) as archive:  # what a `scrapy crawl` killed mid-run leaves
        stale = archive.start_run(["ryortho"])
    Archive(db).close()  # merely opening marks nothing
    site = build("ryortho", articles=20)
    with ReplicaServer(site) as server:
        with site_locks(db, ["ryortho"], wait=False):  # a live run holds it: never marked
            busy = crawl("ryortho", server.base_url, db, "--discover", "feed")
            assert busy.returncode == 1 and "a crawl of ryortho is writing" in busy.stderr
            assert runs(db)[0]["status"] == "running"
        done = scrapy_crawl("ryortho", db, server.base_url, "-a", "discover=feed")
    assert done.returncode == 0, done.stderr[-3000:]
    rows = {r["id"]: r for r in runs(db)}
    assert rows[stale]["status"] == "interrupted"
    assert [r["status"] for i, r in rows.items() if i != stale] == ["ok"]


# ---- sitemaps that fail ----

@pytest.fixture(scope="module")
def osn():
    """OrthoSpineNews with 40 articles, and an archive of a first crawl of it."""
    return build_site(articles=40)


@pytest.fixture(scope="module")
def crawled_once(osn, tmp_path_factory):
    db = tmp_path_factory.mktemp("first") / "a.db"
    with ReplicaServer(osn) as server:
        result = crawl("orthospinenews", server.base_url, db, "--discover", "sitemap,feed")
    assert result.returncode == 0, result.stderr[-2000:]
    return db


@pytest.fixture
def first(crawled_once, tmp_path):
    """A copy of the archive of a first crawl (one crawl for every test)."""
    db = tmp_path / "a.db"
    shutil.copy(crawled_once, db)
    return db


@pytest.mark.slow  # crawls
@pytest.mark.parametrize("failure", ["http_503", "connection_drop", "robots_500"])
def test_a_sitemap_that_fails_in_transport_makes_nothing_vanish(osn, first, failure):
    def broken(url, status, answer, body):
        if failure == "robots_500" and url.endswith("/robots.txt"):
            return 500, [("Content-Length", "0")], b""
        if "post-sitemap" in url:
            if failure == "http_503":
                return 503, [("Content-Length", "0")], b""
            return 200, [("X-Replica-Action", "drop")], b""
        return status, answer, body

    tweaked = Tweaked(osn, broken)
    with ReplicaServer(tweaked) as server:
        result = crawl("orthospinenews", server.base_url, first, "--discover", "sitemap,feed",
                       "--set", "RETRY_TIMES=1")
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    # Not one known article re-requested as "vanished", none marked gone.
    assert tweaked.hits(set(osn.article_urls())) == 0
    assert "0 gone" in result.stdout
    database = sqlite_utils.Database(first)
    assert database.execute("SELECT count(*) FROM articles WHERE status = 'gone'").fetchone() \
        == (0,)


@pytest.mark.slow  # crawls
def test_a_site_file_without_sitemaps_discovers_by_its_feed_and_nothing_vanishes(osn, tmp_path):
    sites = tmp_path / "sites"
    sites.mkdir()
    (sites / "osnfeed.toml").write_text(
        'name = "osnfeed"\norigin = "https://www.orthospinenews.com"\n'
        '[discovery]\nsitemaps = []\nfeeds = ["/feed/"]\n')
    env = {"ORTHOCRAWL_SITES_DIR": str(sites)}
    db = tmp_path / "a.db"
    with ReplicaServer(osn) as server:
        first = crawl("osnfeed", server.base_url, db, env=env)
        tweaked = Tweaked(osn)
        with ReplicaServer(tweaked) as again:
            second = crawl("osnfeed", again.base_url, db, "--discover", "sitemap", env=env)
    assert first.returncode == 0 and "10 new" in first.stdout, first.stdout + first.stderr
    # --discover sitemap on a site file with no sitemaps: no sitemap was read, so the
    # archive's articles cannot count as vanished.
    assert tweaked.hits(set(osn.article_urls())) == 0
    assert second.returncode == 1 and "discovery found no articles" in second.stdout


@pytest.mark.slow  # crawls
def test_a_post_whose_slug_says_sitemap_is_an_article(tmp_path):
    site = build_site(articles=20)
    url = site.article_urls()[0]
    renamed = url.rstrip("/") + "-sitemap-of-spine-care/"

    def slug(url_, status, answer, body):
        old = url.encode()
        if url_.rstrip("/") == renamed.rstrip("/"):
            status, answer, body = site.handle("GET", url, {})
            body = body.replace(old, renamed.encode())
            return status, _retyped(list(answer), body), body
        if url_.endswith(".xml") or url_.endswith("/feed/"):
            body = body.replace(old, renamed.encode())
            return status, _retyped(answer, body), body
        return status, answer, body

    tweaked = Tweaked(site, slug)
    db = tmp_path / "a.db"
    with ReplicaServer(tweaked) as server:
        first = crawl("orthospinenews", server.base_url, db)
        tweaked.asked.clear()
        second = crawl("orthospinenews", server.base_url, db)
    assert first.returncode == 0 and "20 new" in first.stdout, first.stdout
    assert second.returncode == 0 and "20 unchanged" in second.stdout, second.stdout
    assert tweaked.hits({renamed}) == 0  # listed unchanged: not asked for again


# ---- dropped pages ----

@pytest.mark.slow  # crawls
def test_dropped_urls_are_remembered_and_fetched_again_only_when_due(tmp_path):
    site = build_site(articles=20)
    extra = [u for u in site.non_article_urls() if u.endswith(("/about-us/", "/contact/"))]
    assert len(extra) == 2
    lastmod = ["2024-01-01T00:00:00+00:00"]

    def listed(url, status, answer, body):
        if url.endswith("/post-sitemap.xml"):
            more = "".join(f"<url><loc>{u}</loc><lastmod>{lastmod[0]}</lastmod></url>"
                           for u in extra).encode()
            body = body.replace(b"</urlset>", more + b"</urlset>")
            return status, _retyped(answer, body), body
        return status, answer, body

    tweaked = Tweaked(site, listed)
    db = tmp_path / "a.db"
    with ReplicaServer(tweaked) as server:
        first = crawl("orthospinenews", server.base_url, db)
        hits = [tweaked.hits(set(extra))]
        again = crawl("orthospinenews", server.base_url, db)
        hits.append(tweaked.hits(set(extra)) - sum(hits))
        forced = crawl("orthospinenews", server.base_url, db, "--recheck", "dropped")
        hits.append(tweaked.hits(set(extra)) - sum(hits))
        lastmod[0] = "2025-06-01T00:00:00+00:00"  # the sitemap says they changed
        changed = crawl("orthospinenews", server.base_url, db)
        hits.append(tweaked.hits(set(extra)) - sum(hits))
    for result in (first, again, forced, changed):
        assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    assert "dropped (not_article_page: 2)" in first.stdout
    assert hits == [2, 0, 2, 2]
    rows = list(sqlite_utils.Database(db).query("SELECT * FROM dropped_urls ORDER BY url"))
    assert [r["url"] for r in rows] == sorted(extra)
    assert all(r["reason"] == "not_article_page" and r["site"] == "orthospinenews"
               and r["lastmod"] == "2025-06-01T00:00:00Z" and r["dropped_at"] <= r["checked_at"]
               for r in rows)


# ---- URL variants ----

@pytest.mark.slow  # crawls
def test_an_unchanged_article_listed_under_a_variant_url_is_seen_and_confirmed(tmp_path):
    site = build_site(articles=20)
    variant = [False]

    def varied(url, status, answer, body):
        if variant[0] and "sitemap" in url and url.endswith(".xml"):
            body = body.replace(b"<loc>https://www.orthospinenews.com/20",
                                b"<loc>http://orthospinenews.com/20")
            return status, _retyped(answer, body), body
        return status, answer, body

    tweaked = Tweaked(site, varied)
    db = tmp_path / "a.db"
    with ReplicaServer(tweaked) as server:
        assert crawl("orthospinenews", server.base_url, db).returncode == 0
        variant[0] = True
        tweaked.asked.clear()
        seen = crawl("orthospinenews", server.base_url, db)
        assert tweaked.hits(set(site.article_urls())) == 0
        before = dict(sqlite_utils.Database(db).execute("SELECT url, checked_at FROM pages"))
        time.sleep(1.1)
        checked = crawl("orthospinenews", server.base_url, db, "--recheck", "all")
    assert "20 unchanged" in seen.stdout, seen.stdout
    assert checked.returncode == 0 and "20 unchanged" in checked.stdout, checked.stdout
    after = dict(sqlite_utils.Database(db).execute("SELECT url, checked_at FROM pages"))
    assert after.keys() == before.keys()
    assert all(after[url] > before[url] for url in before)  # the 304s cleared the re-checks


# ---- unreachable sites ----

@pytest.mark.slow  # a crawl that retries
def test_an_unreachable_site_is_one_line_with_the_reason(tmp_path):
    log = tmp_path / "crawl.log"
    result = crawl("ryortho", f"http://127.0.0.1:{free_port()}/", tmp_path / "a.db",
                   "--log-file", str(log), "--set", "RETRY_TIMES=1")  # a retry, not three
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("ryortho:")]
    assert lines == [line for line in lines if "cannot reach ryortho.com: connection refused"
                     in line] and len(lines) == 1
    assert len(result.stdout.splitlines()) + len(result.stderr.splitlines()) <= 3
    assert "ConnectionRefusedError" in log.read_text()  # Scrapy's own log is kept there


# ---- politeness ----

def _crawl_delay(url, status, answer, body):
    if url.endswith("/robots.txt"):
        body = body.replace(b"User-agent: *\n", b"User-agent: *\nCrawl-delay: 0.5\n", 1)
        return status, _retyped(answer, body), body
    return status, answer, body


@pytest.mark.slow  # crawls
@pytest.mark.parametrize("polite", [True, False])
def test_a_robots_crawl_delay_is_honoured_except_on_a_loopback_mirror(polite, tmp_path):
    site = build_site(articles=20)
    tweaked = Tweaked(site, _crawl_delay)
    urls = site.article_urls()[:3]
    args = [a for u in urls for a in ("--url", u)] + [
        "--set", "DOWNLOAD_DELAY=0", "--set", "AUTOTHROTTLE_ENABLED=False",
        "--set", "CONCURRENT_REQUESTS_PER_DOMAIN=8", "--set",
        f"ORTHOCRAWL_POLITE_MIRRORS={polite}"]
    with ReplicaServer(tweaked) as server:
        result = crawl("orthospinenews", server.base_url, tmp_path / "a.db", *args,
                       env={"ORTHOCRAWL_CONTACT": "ops@example.com"})
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    times = [t for t, _, _ in tweaked.asked]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert len(times) == 4  # robots.txt and three articles
    if polite:
        assert min(gaps) >= 0.45 and "robots.txt Crawl-delay: 0.5 s" in result.stdout
    else:  # gaps of about 0.02 s, under load too
        assert max(gaps) < 0.45 and "Crawl-delay" not in result.stdout
    (agent,) = {headers.get("User-Agent") for _, _, headers in tweaked.asked}
    assert "+ops@example.com" in agent


def test_a_crawl_delay_above_a_minute_is_capped_with_a_warning(caplog):
    from protego import Protego
    from scrapy.http import Request
    from scrapy.utils.test import get_crawler

    from orthocrawl.politeness import CrawlDelay

    crawler = get_crawler(settings_dict={"USER_AGENT": "orthocrawl/1"})
    slots: dict[str, Any] = {}

    class Downloader:
        per_slot_settings: dict[str, Any] = {}

    Downloader.slots = slots  # type: ignore[attr-defined]
    crawler.engine = type("Engine", (), {"downloader": Downloader()})()
    extension = CrawlDelay(crawler)

    class Parser:
        def crawl_delay(self, agent: str) -> float | None:
            return Protego.parse("User-agent: *\nCrawl-delay: 120\n").crawl_delay(agent)

    extension.robots_parsed(Parser(), Request("https://www.example.com/a"))
    assert Downloader.per_slot_settings["www.example.com"] == {"delay": 60.0, "jitter": 0}
    assert "capped at 60 s" in caplog.text


def test_a_real_site_without_a_contact_gets_one_warning_line():
    from scrapy.settings import Settings

    from orthocrawl.politeness import Addon, user_agent

    settings = Settings({"ORTHOCRAWL_CONTACT": "https://example.org/crawler"})
    Addon().update_settings(settings)
    assert settings["USER_AGENT"] == user_agent("https://example.org/crawler")
    assert "+https://example.org/crawler;" in settings["USER_AGENT"]
    # The CLI's warning: a real site (no mirror on this machine) and no contact.
    from orthocrawl.reports import contact_warning as _contact_warning

    assert _contact_warning(["ryortho"], {}, {}, {}) is not None
    assert _contact_warning(["ryortho"], {"ryortho": "http://127.0.0.1:1"}, {}, {}) is None
    assert _contact_warning(["ryortho"], {}, {"ORTHOCRAWL_CONTACT": "a@b.c"}, {}) is None
    assert _contact_warning(["ryortho"], {}, {}, {"ORTHOCRAWL_CONTACT": "a@b.c"}) is None


# ---- bad settings and arguments ----

@pytest.mark.parametrize("setting", BAD_SETTINGS)
def test_a_bad_setting_is_one_line_and_exit_2_everywhere(setting, tmp_path):
    name = setting.split("=")[0]
    closed = f"http://127.0.0.1:{free_port()}/"
    for result in (crawl("ryortho", closed, tmp_path / "a.db", "-s", setting),
                   scrapy_crawl("ryortho", tmp_path / "b.db", closed, "-s", setting),
                   run("reparse", "--db", str(tmp_path / "a.db"), "-s", setting)
                   if name.startswith("ORTHOCRAWL_") else None):
        if result is None:
            continue
        assert result.returncode == 2, result.stderr[-2000:]
        assert "Traceback" not in result.stderr
        (line,) = [line for line in result.stderr.splitlines() if line.strip()]
        assert line.startswith("orthocrawl: error:") and name in line
    assert not (tmp_path / "b.db").exists()  # nothing started


@pytest.mark.parametrize("argument", ["discover=bogus", "recheck=soon", "max_pages=many",
                                      "colour=blue"])
def test_a_bad_spider_argument_fails_before_crawling(argument, tmp_path):
    result = scrapy_crawl("ryortho", tmp_path / "a.db", f"http://127.0.0.1:{free_port()}/",
                          "-a", argument)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    (line,) = [line for line in result.stderr.splitlines() if line.strip()]
    assert line.startswith("orthocrawl: error:") and argument.split("=")[0] in line
    assert not (tmp_path / "a.db").exists()
