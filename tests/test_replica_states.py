"""The OrthoSpineNews replica's later state, its conditional GETs and its fault modes."""

from __future__ import annotations

import asyncio
import http.client
import re
import socket
import time
from urllib.parse import urlsplit

import pytest
from web_poet import HttpResponse

from orthocrawl.pages import OrthoSpineNewsPage
from orthocrawl.replica import ReplicaServer, available, build, build_site, spawn_replica
from orthocrawl.replica.faults import DISCOVERY_MODES, KNOWN, MODES, FaultySite
from orthocrawl.replica.testing import Logged, fault_report, lost_urls

ORIGIN = "https://www.orthospinenews.com"
SLOW = 0.5  # seconds: how late the slow pages of the faulty replica answer
KINDS = ("new", "edited", "silently_edited", "deleted")


@pytest.fixture(scope="module")
def first():
    return Logged(build_site(articles=120))


@pytest.fixture(scope="module")
def later():
    return Logged(build_site(articles=120, state=2))


def get(site, url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    status, head, body = site.handle("GET", url, headers or {})
    return status, dict(head), body


def lastmods(site) -> dict[str, str]:
    xml = get(site, f"{ORIGIN}/post-sitemap.xml")[2].decode()
    return dict(re.findall(r"<loc>([^<]+)</loc>\s*<lastmod>([^<]+)</lastmod>", xml))


def extract(url: str, html: bytes):
    page = OrthoSpineNewsPage(response=HttpResponse(url, body=html, encoding="utf-8"))
    return asyncio.run(page.to_item())


# -- states ------------------------------------------------------------------------------------
def test_state_one_is_the_site_as_before(first):
    again = build_site(articles=120, state=1)
    assert again.truth() == first.truth()
    assert again.changes() == {kind: [] for kind in KINDS}
    urls = [*first.article_urls()[:4], f"{ORIGIN}/", f"{ORIGIN}/feed/", f"{ORIGIN}/page/3/",
            f"{ORIGIN}/post-sitemap.xml", f"{ORIGIN}/sitemap_index.xml", f"{ORIGIN}/robots.txt",
            f"{ORIGIN}/category/spine/"]
    for url in urls:
        assert get(again, url) == get(first, url), url
    with pytest.raises(ValueError):
        build_site(articles=120, state=3)


@pytest.mark.parametrize("articles", [40, 120, pytest.param(2000, marks=pytest.mark.slow)])
def test_every_kind_of_change_happens_in_proportion(articles):
    counts = {kind: len(urls) for kind, urls in build_site(articles, state=2).changes().items()}
    assert min(counts.values()) >= 1
    if articles == 2000:
        assert counts == {"new": 40, "edited": 60, "silently_edited": 20, "deleted": 10}


def test_truth_differs_exactly_on_the_reported_urls(first, later):
    changes = later.changes()
    before = {t["url"]: t for t in first.truth()}
    after = {t["url"]: t for t in later.truth()}
    assert set(after) - set(before) == set(changes["new"])
    assert set(before) - set(after) == set(changes["deleted"])
    changed = {u for u in after if u in before and after[u] != before[u]}
    assert changed == set(changes["edited"]) | set(changes["silently_edited"])
    for url in changes["edited"]:
        old, new = before[url], after[url]
        assert new["body_text"] != old["body_text"]
        assert new["modified_at"] > old["modified_at"]
        assert new["published_at"] == old["published_at"]
    for url in changes["silently_edited"]:
        old, new = before[url], after[url]
        assert new["body_text"] != old["body_text"] and new["modified_at"] == old["modified_at"]
    newest = [t["published_at"] for t in later.truth()]
    assert newest == sorted(newest, reverse=True)
    assert later.article_urls()[:len(changes["new"])] == changes["new"]
    assert min(after[u]["published_at"] for u in changes["new"]) > max(
        t["published_at"] for t in before.values())


def test_sitemaps_feed_and_listings_show_the_later_state(first, later):
    changes = later.changes()
    old, new = lastmods(first), lastmods(later)
    assert set(new) == set(later.article_urls())
    moved = {u for u in new if u in old and new[u] != old[u]}
    assert moved == set(changes["edited"])
    assert list(new)[-len(changes["new"]):] == changes["new"][::-1]  # Yoast: oldest first
    feed = get(later, f"{ORIGIN}/feed/")[2].decode()
    home = get(later, f"{ORIGIN}/")[2].decode()
    for url in changes["new"]:
        assert url in feed and url.removeprefix(ORIGIN).rstrip("/") in home
    assert "Wednesday, November 25, 2026" in home  # the later clock
    pages = [get(later, f"{ORIGIN}/page/{n}/")[2].decode() for n in range(1, 13)]
    for url in changes["deleted"]:
        assert get(later, url)[0] == 404
        path = url.removeprefix(ORIGIN).rstrip("/")
        assert path not in feed and url not in new
        assert not any(path in page for page in pages)


def test_pages_change_only_where_the_article_changed(first, later):
    changes = later.changes()
    changed = set(changes["edited"]) | set(changes["silently_edited"])
    for url in later.article_urls():
        if url in changed or url in changes["new"]:
            continue
        assert get(later, url)[2] == get(first, url)[2], url  # as the page cache served it
    truth = {t["url"]: t for t in later.truth()}
    for url in [*changes["new"], *changed]:
        article = extract(url, get(later, url)[2])
        assert (article.title, article.body_text) == (truth[url]["title"], truth[url]["body_text"])
        assert article.modified_at == truth[url]["modified_at"]


# -- conditional GET -----------------------------------------------------------------------
def test_conditional_get_by_etag_and_date(first, later):
    first.request_log.reset()
    url = first.article_urls()[5]
    status, head, _ = get(first, url)
    assert status == 200 and re.fullmatch(r'"[0-9a-f]{24}"', head["ETag"])
    etag, stamp = head["ETag"], head["Last-Modified"]
    assert get(first, url, {"If-None-Match": etag})[:1] == (304,)
    assert get(first, url, {"If-None-Match": f'"x", W/{etag}'})[0] == 304
    assert get(first, url, {"If-None-Match": '"other"', "If-Modified-Since": stamp})[0] == 200
    assert get(first, url, {"If-Modified-Since": stamp})[0] == 304
    assert get(first, url, {"If-None-Match": etag})[2] == b""
    log = first.request_log
    assert (log.count(200), log.count(304), log.count(url=url)) == (2, 4, 6)
    assert log.urls(304) == {url}
    log.reset()
    assert log.count() == 0

    changes = later.changes()
    unchanged = next(u for u in first.article_urls() if u in later.article_urls()
                     and u not in changes["edited"] + changes["silently_edited"])
    for changed_url, expect_date in ((changes["silently_edited"][0], 304),
                                     (changes["edited"][0], 200), (unchanged, 304)):
        _, old, _ = get(first, changed_url)
        _, new, _ = get(later, changed_url)
        assert (new["ETag"] == old["ETag"]) == (changed_url == unchanged)
        assert get(later, changed_url, {"If-None-Match": old["ETag"]})[0] == (
            304 if changed_url == unchanged else 200)
        assert get(later, changed_url, {"If-Modified-Since": old["Last-Modified"]})[0] == \
            expect_date  # a silent edit keeps its date: only a re-fetch sees it
    gone = changes["deleted"][0]
    later.request_log.reset()
    assert get(later, gone, {"If-None-Match": '"x"'})[0] == 404
    assert later.request_log.statuses() == {404: 1}


# -- fault modes, over HTTP ----------------------------------------------------------------
@pytest.fixture(scope="module")
def faulty():
    return Logged(FaultySite(build_site(articles=120), MODES, slow_seconds=SLOW))


@pytest.fixture(scope="module")
def server(faulty):
    with ReplicaServer(faulty) as running:
        yield running


def fetch(server, url: str, timeout: float = 5, headers: dict | None = None):
    """(status, headers, body) of one request on a fresh connection."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(server.host, server.port, timeout=timeout)
    try:
        conn.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""),
                     headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def test_fault_choice_is_deterministic_and_delegates(faulty):
    report = fault_report(faulty)
    assert list(report) == list(MODES) and all(report.values())
    again = FaultySite(build_site(articles=120), {"slow", "drop"})
    assert fault_report(again) == {m: report[m] for m in ("slow", "drop")}
    assert faulty.truth() == faulty.site.site.truth() and faulty.name == "orthospinenews"
    broken = [u for mode, urls in report.items() if mode != "robots_disallow" for u in urls
              if u in faulty.article_urls()]
    assert len(broken) == len(set(broken))  # one fault per article
    assert lost_urls(faulty) <= set(faulty.article_urls())
    with pytest.raises(ValueError):
        FaultySite(faulty.site.site, {"no_such_mode"})


def test_server_errors_then_recovery(faulty, server):
    *passing, failing = fault_report(faulty)["server_errors"]
    for url in passing:
        statuses = [fetch(server, url)[0] for _ in range(3)]
        assert statuses[:2] in ([500, 500], [502, 502], [503, 503]) and statuses[2] == 200
    assert [fetch(server, failing)[0] for _ in range(3)] == [503, 503, 503]


def test_rate_limit_asks_to_retry_after_a_second(faulty, server):
    url = fault_report(faulty)["rate_limit"][0]
    status, head, _ = fetch(server, url)
    assert (status, head["Retry-After"]) == (429, "1")
    assert fetch(server, url)[0] == 200


def test_slow_and_timeout(faulty, server):
    started = time.monotonic()
    assert fetch(server, fault_report(faulty)["slow"][0])[0] == 200
    assert time.monotonic() - started >= SLOW - 0.05
    started = time.monotonic()
    with pytest.raises((TimeoutError, socket.timeout)):
        fetch(server, fault_report(faulty)["timeout"][0], timeout=0.5)
    assert time.monotonic() - started < 2.5


def test_dropped_connections(faulty, server):
    *once, always = fault_report(faulty)["drop"]
    with pytest.raises(http.client.RemoteDisconnected):
        fetch(server, once[0])
    assert fetch(server, once[0])[0] == 200
    for _ in range(2):
        with pytest.raises(http.client.RemoteDisconnected):
            fetch(server, always)
    assert faulty.requests.count(0, url=always) >= 2


def test_truncated_body(faulty, server):
    with pytest.raises(http.client.IncompleteRead) as caught:
        fetch(server, fault_report(faulty)["truncate"][0])
    assert len(caught.value.partial) > 0 and caught.value.expected > 0  # bytes missing


def test_wrong_charset_header(faulty, server):
    status, head, body = fetch(server, fault_report(faulty)["wrong_charset"][0])
    assert status == 200 and head["Content-Type"] == "text/html; charset=ISO-8859-1"
    text = body.decode("utf-8")  # the body is UTF-8 all the same
    assert re.search("[À-ÿ]", text) and b'<meta charset="UTF-8"' in body


def test_huge_page_linked_from_the_feed(faulty, server):
    url = fault_report(faulty)["huge"][0]
    feed = fetch(server, f"{ORIGIN}/feed/")[2].decode("utf-8", "replace")
    assert url.removeprefix(ORIGIN) in feed
    status, head, body = fetch(server, url, timeout=20)
    assert status == 200 and len(body) == int(head["Content-Length"]) >= 20 * 2**20


def test_redirect_loop(faulty, server):
    first, second = fault_report(faulty)["redirect_loop"]
    status, head, _ = fetch(server, first)
    assert status == 301 and head["Location"].endswith(urlsplit(second).path)
    status, head, _ = fetch(server, second)
    assert status == 301 and head["Location"].endswith(urlsplit(first).path)
    listed = fetch(server, f"{ORIGIN}/page/2/")[2].decode()
    assert first.removeprefix(ORIGIN).rstrip("/") in listed


def test_endless_calendar(faulty, server):
    home = fetch(server, f"{ORIGIN}/")[2].decode()
    url = re.search(r'href="([^"]*/calendar/\?date=[^"]+)"', home).group(1)
    assert url == fault_report(faulty)["calendar"][0]
    for _ in range(3):
        status, _, body = fetch(server, url)
        day = url.rsplit("=", 1)[1]
        following = re.search(r'href="([^"]+)" rel="next"', body.decode()).group(1)
        assert status == 200 and following.rsplit("=", 1)[1] > day
        url = following


def test_bad_sitemap_and_bad_feed(faulty, server):
    from lxml import etree

    for mode in ("bad_sitemap", "bad_feed"):
        status, _, body = fetch(server, fault_report(faulty)[mode][0])
        assert status == 200
        with pytest.raises(etree.XMLSyntaxError):
            etree.fromstring(body)
    status, _, body = fetch(server, fault_report(faulty)["bad_sitemap"][0])
    assert re.search(rb"<[a-z]*$", body)  # cut inside a tag


def test_challenge_and_login_wall(faulty, server):
    status, head, body = fetch(server, fault_report(faulty)["challenge"][0])
    text = body.decode()
    assert status == 200 and "<title>Just a moment...</title>" in text
    assert "Checking your browser before accessing" in text and 'id="challenge-form"' in text
    assert "cf-challenge" in text and head["cf-mitigated"] == "challenge"
    url = fault_report(faulty)["login_wall"][0]
    status, _, body = fetch(server, url)
    text = body.decode()
    truth = next(t for t in faulty.truth() if t["url"] == url)
    assert status == 200 and "Please log in to read this article" in text
    assert 'type="password"' in text and f'<link rel="canonical" href="{url}"' in text
    content = text[text.index('<div class="entry-content'):text.index("<!-- .entry-content")]
    assert "Please log in" in content and "articleBody" not in text
    assert not any(para[:40] in content for para in truth["body_text"].split("\n\n"))


def test_robots_disallows_a_prefix(faulty, server):
    robots = fetch(server, f"{ORIGIN}/robots.txt")[2].decode()
    prefix = re.findall(r"^Disallow: (/\d{4}/(?:\d{2}/)?)$", robots, re.M)
    blocked = fault_report(faulty)["robots_disallow"]
    assert len(prefix) == 1 and 1 <= len(blocked) <= 5
    assert blocked == [u for u in faulty.article_urls() if u.startswith(ORIGIN + prefix[0])]


# -- discovery faults: robots.txt and sitemaps, on every publisher -----------------------------
@pytest.fixture(scope="module", params=["orthospinenews", "beckersspine", "ryortho", "orthobuzz",
                                        "spinemarketgroup"])
def publisher(request):
    return build(request.param, articles=60)


def first_article_sitemap(site) -> str:
    """The first sitemap under robots.txt that lists an article, read from the plain site."""
    from lxml import etree

    queue = re.findall(r"(?m)^Sitemap: (\S+)$", get(site, site.origin + "/robots.txt")[2].decode())
    while queue:
        url = queue.pop(0)
        doc = etree.fromstring(get(site, url)[2])
        locs = [e.text for e in doc.iter("{*}loc")]
        if doc.tag.endswith("sitemapindex"):
            queue[:0] = locs
        elif set(locs) & set(site.article_urls()):
            return url
    raise AssertionError("no sitemap lists an article")


def test_discovery_modes_are_enabled_only_by_name():
    assert not set(DISCOVERY_MODES) & set(MODES) and KNOWN == MODES + DISCOVERY_MODES + (
        "redesign",)
    plain = FaultySite(build_site(articles=60), MODES)
    every = FaultySite(build_site(articles=60), KNOWN)
    assert {m: v for m, v in fault_report(every).items() if m in MODES} == fault_report(plain)
    with pytest.raises(ValueError):
        FaultySite(build_site(articles=60), {"crawl_delay"}, crawl_delay=0)


def test_crawl_delay_in_robots_txt_keeps_its_rules_and_sitemaps(publisher):
    from protego import Protego

    plain = get(publisher, publisher.origin + "/robots.txt")[2].decode()
    for delay, modes in ((2, {"crawl_delay"}), (90, {"crawl_delay", "robots_disallow"})):
        faulty = FaultySite(publisher, modes, crawl_delay=delay)
        status, _, body = get(faulty, publisher.origin + "/robots.txt")
        robots = Protego.parse(body.decode())
        assert status == 200 and robots.crawl_delay("orthocrawl") == delay
        assert list(robots.sitemaps) == re.findall(r"(?m)^Sitemap: (\S+)$", plain)
        assert all(line in body.decode().splitlines() for line in plain.splitlines())
        blocked = fault_report(faulty).get("robots_disallow", [])
        assert all(not robots.can_fetch(url, "orthocrawl") for url in blocked)
        assert fault_report(faulty)["crawl_delay"] == [publisher.origin + "/robots.txt"]


@pytest.mark.parametrize("where", ["robots", "sitemap"])
def test_robots_and_sitemap_fail_in_transport(publisher, where):
    sitemap = first_article_sitemap(publisher)
    url = publisher.origin + "/robots.txt" if where == "robots" else sitemap
    errors = FaultySite(publisher, {f"{where}_5xx", "bad_sitemap", "robots_disallow"})
    dropped = Logged(FaultySite(publisher, {f"{where}_drop"}))
    assert fault_report(errors)[f"{where}_5xx"] == [url]
    assert fault_report(dropped)[f"{where}_drop"] == [url]
    assert fault_report(errors)["bad_sitemap"] == [sitemap]
    for _ in range(3):  # always: no retry gets through
        assert get(errors, url)[0] == 503
        assert get(dropped, url)[1] == {"X-Replica-Action": "drop"}
    assert dropped.requests.count(0, url=url) == 3
    other = sitemap if where == "robots" else publisher.origin + "/robots.txt"
    assert get(dropped, other) == get(publisher, other)


def test_a_dropped_sitemap_connection_over_http():
    site = build("ryortho", articles=60)
    faulty = FaultySite(site, {"sitemap_drop"})
    (url,) = fault_report(faulty)["sitemap_drop"]
    with ReplicaServer(faulty) as running:
        with pytest.raises(http.client.RemoteDisconnected):
            fetch(running, url, headers={"X-Forwarded-Host": "ryortho.com"})
        status, _, body = fetch(running, site.origin + "/robots.txt",
                                headers={"X-Forwarded-Host": "ryortho.com"})
    assert status == 200 and b"Sitemap:" in body


@pytest.mark.slow  # a replica process of its own
def test_spawned_replica_takes_state_and_faults():
    with spawn_replica(articles=60, state=2, faults=["bad_feed", "robots_disallow"]) as url:
        conn = http.client.HTTPConnection(urlsplit(url).hostname, urlsplit(url).port, timeout=5)
        conn.request("GET", "/feed/", headers={"X-Forwarded-Proto": "https",
                                               "X-Forwarded-Host": "www.orthospinenews.com"})
        feed = conn.getresponse().read()
        conn.close()
    later = build_site(articles=60, state=2)
    assert feed.startswith(b"<br />") and later.changes()["new"][0].encode() in feed


@pytest.mark.slow  # a replica process per publisher
def test_spawned_replicas_of_every_publisher_take_discovery_faults():
    names = available()
    with spawn_replica(articles=40, sites=names, faults=["crawl_delay", "sitemap_5xx"],
                       crawl_delay=7) as url:
        parts = urlsplit(url)
        for name in names:
            host = urlsplit(build(name, articles=40).origin).netloc
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
            conn.request("GET", "/robots.txt",
                         headers={"X-Forwarded-Proto": "https", "X-Forwarded-Host": host})
            robots = conn.getresponse().read().decode()
            conn.close()
            assert "\nCrawl-delay: 7\n" in robots, name
