"""The OrthoSpineNews replica: deterministic, truthful, and shaped like the real site."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import etree
from lxml import html as lxml_html

from orthocrawl.replica import ReplicaServer, build_site, spawn_replica

ORIGIN = "https://www.orthospinenews.com"
ROOT = Path(__file__).resolve().parents[1]
# What a page holds of an article; the truth adds its place on the wire (replica/wire.py).
PAGE_KEYS = {"url", "site", "title", "authors", "posted_by", "published_at", "modified_at",
             "categories", "tags", "description", "lead_image", "language", "body_text",
             "word_count", "source"}
TRUTH_KEYS = PAGE_KEYS | {"story", "copy", "decoy_of"}
ISO_Z = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')


@pytest.fixture(scope="module")
def site():
    return build_site(articles=120)


def get(site, url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    status, head, body = site.handle("GET", url, headers or {})
    return status, dict(head), body


def follow(site, url: str, hops: int = 4) -> tuple[int, str, bytes, int]:
    """Follow redirects through site.handle: (status, final URL, body, redirects taken)."""
    for n in range(hops):
        status, head, body = get(site, url)
        if status != 301:
            return status, url, body, n
        url = head["Location"]
    raise AssertionError(f"redirect loop at {url}")


def page_text(body: bytes) -> str:
    doc = lxml_html.fromstring(body)
    for bad in doc.xpath("//script|//style"):
        bad.drop_tree()
    return " ".join(" ".join(doc.itertext()).split())


# -- determinism and truth -------------------------------------------------------------------
def test_same_arguments_give_the_same_site(site):
    other = build_site(articles=120)
    assert other.truth() == site.truth()
    for url in [*site.article_urls()[:5], f"{ORIGIN}/feed/", f"{ORIGIN}/post-sitemap.xml",
                f"{ORIGIN}/", f"{ORIGIN}/category/spine/"]:
        assert get(other, url)[2] == get(site, url)[2], url
    assert build_site(articles=120, seed=8).truth() != site.truth()


def test_truth_records_have_exactly_the_documented_fields(site):
    truth = site.truth()
    assert len(truth) == 120
    assert [t["url"] for t in truth] == site.article_urls()
    published = [t["published_at"] for t in truth]
    assert published == sorted(published, reverse=True)  # newest first
    assert published[-1] < "2013" and published[0] > "2026-11-13"
    for t in truth:
        assert set(t) == TRUTH_KEYS
        assert t["site"] == "orthospinenews" and t["language"] == "en"
        assert t["url"].startswith(ORIGIN + "/") and t["url"].endswith("/")
        assert ISO_Z.match(t["published_at"]) and ISO_Z.match(t["modified_at"])
        assert t["modified_at"] >= t["published_at"]
        assert t["word_count"] == len(re.findall(r"\w+", t["body_text"]))
        assert t["body_text"] == t["body_text"].strip() and "\n\n\n" not in t["body_text"]
        assert t["authors"] and t["categories"] and t["description"]
        assert t["posted_by"] is None or t["posted_by"] not in t["authors"]
        lead = t["lead_image"]
        assert lead is None or re.match(
            r"^https://i[0-2]\.wp\.com/www\.orthospinenews\.com/wp-content/uploads/\d{4}/\d{2}/"
            r"[a-z0-9-]+\.jpg\?fit=\d+%2C\d+&ssl=1$", lead)


def test_truth_covers_the_hard_cases(site):
    truth = build_site(articles=400).truth()
    assert any(t["posted_by"] and len(t["authors"]) == 2 for t in truth)
    assert any(t["posted_by"] and t["source"] for t in truth)
    assert any(t["posted_by"] and t["source"] is None for t in truth)
    assert any(t["lead_image"] is None for t in truth)
    assert any(not t["tags"] for t in truth)
    assert any(urlsplit(t["url"]).path.count("/") == 2 for t in truth)  # /slug-2/
    bodies = [t["body_text"] for t in truth]
    assert any(" | " in b for b in bodies)  # a table
    assert any("\n- " in b for b in bodies) and any("\n1. " in b for b in bodies)
    assert any(len(b.split("\n\n")) <= 2 for b in bodies)
    assert any(len(b.split("\n\n")) >= 40 for b in bodies)
    assert any("’" in t["title"] or "&" in t["title"] or "“" in t["title"] for t in truth)
    assert any("ü" in b or "é" in b or "ô" in b for b in bodies)


def _body_by_the_rules(page: bytes) -> str:
    """An independent reading of docs/body-text.md over the served HTML."""
    doc = lxml_html.fromstring(page)
    content = doc.cssselect("div.entry-content")[0]
    chrome = ("stream-item", "sharedaddy", "jp-relatedposts", "printfriendly", "mc4wp-form",
              "addtoany_share_save_container", "post-bottom-meta", "post-shortlink")
    for el in list(content.iter()):
        if set((el.get("class") or "").split()) & set(chrome) or el.get("id") in (
                "story-highlights", "jp-relatedposts"):
            el.drop_tree()

    def text(el) -> str:
        parts = [el.text or ""]
        for child in el:
            if child.tag == "br":
                parts.append("\n")
            elif isinstance(child.tag, str) and child.tag not in ("script", "iframe"):
                parts.append(text(child))
            parts.append(child.tail or "")
        lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
        return "\n".join(line for line in lines if line)

    def blocks(el):
        for c in el:
            if c.tag in ("p", "h2", "h3", "h4"):
                yield text(c)
            elif c.tag in ("ul", "ol"):
                lines = [" ".join(text(li).split()) for li in c]
                marks = [f"{n}." if c.tag == "ol" else "-" for n in range(1, len(lines) + 1)]
                yield "\n".join(f"{m} {line}" for m, line in zip(marks, lines, strict=True))
            elif c.tag == "blockquote":
                yield from (text(p) for p in c.iter("p"))
            elif c.tag == "figure":
                yield from (text(cap) for cap in c.iter("figcaption"))
            elif c.tag == "table":
                yield "\n".join(" | ".join(text(td) for td in tr) for tr in c.iter("tr"))
            elif c.tag == "div":
                yield from blocks(c)

    out = [b for b in blocks(content) if b]
    if out and re.match(r"^(Written by|By) [A-Z][^.]{2,60}$", out[0]):
        out = out[1:]  # the syndicated byline
    return "\n\n".join(out)


def test_truth_body_is_what_the_page_shows_by_the_rules(site):
    for t in site.truth():
        assert _body_by_the_rules(get(site, t["url"])[2]) == t["body_text"], t["url"]


def test_page_metadata_agrees_with_truth(site):
    for t in site.truth()[:40]:
        body = get(site, t["url"])[2].decode()
        assert CANONICAL.search(body).group(1) == t["url"]
        doc = lxml_html.fromstring(body)
        assert doc.cssselect("h1.post-title.entry-title")[0].text_content() == t["title"]
        og = {m.get("property"): m.get("content") for m in doc.xpath("//meta[@property]")}
        assert og["og:type"] == "article" and og["og:description"] == t["description"]
        assert og.get("og:image") == t["lead_image"]
        assert og["article:published_time"] == t["published_at"].replace("Z", "+00:00")
        if t["posted_by"]:  # the writer is named in a byline paragraph, not in the meta
            first = t["authors"][0]
            assert f"Written by  {first}" in body or f"By {first}" in body
            assert doc.xpath("//meta[@name='author']/@content") == [t["posted_by"]]
        assert ('id="post-bottom-source"' in body) == (t["source"] is not None)


# -- machine documents -----------------------------------------------------------------------
@pytest.mark.slow  # a replica of over a thousand articles
def test_sitemaps_split_at_a_thousand_urls():
    big = build_site(articles=1200)
    status, head, index = get(big, f"{ORIGIN}/sitemap_index.xml")
    assert status == 200 and head["Content-Type"].startswith("text/xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    maps = etree.fromstring(index).xpath("//s:loc/text()", namespaces=ns)
    posts = [m for m in maps if "/post-sitemap" in m]
    assert posts == [f"{ORIGIN}/post-sitemap.xml", f"{ORIGIN}/post-sitemap2.xml"]
    assert f"{ORIGIN}/page-sitemap.xml" in maps and f"{ORIGIN}/category-sitemap.xml" in maps
    found: list[str] = []
    for name, size in zip(posts, (1000, 200), strict=True):
        doc = etree.fromstring(get(big, name)[2])
        locs = doc.xpath("//s:url/s:loc/text()", namespaces=ns)
        assert len(locs) == size
        assert doc.xpath("//s:url/s:lastmod", namespaces=ns)
        assert doc.xpath("//*[local-name()='image']")
        found += locs
    assert sorted(found) == sorted(big.article_urls())
    modified = {t["url"]: t["modified_at"].replace("Z", "+00:00") for t in big.truth()}
    doc = etree.fromstring(get(big, posts[1])[2])
    for url in doc.xpath("//s:url", namespaces=ns):
        assert url.findtext("s:lastmod", namespaces=ns) == modified[url.findtext(
            "s:loc", namespaces=ns)]
    assert get(big, f"{ORIGIN}/post-sitemap3.xml")[0] == 404


def test_feed_has_the_ten_newest_items(site):
    status, head, body = get(site, f"{ORIGIN}/feed/")
    assert status == 200 and "rss+xml" in head["Content-Type"]
    items = etree.fromstring(body).findall("channel/item")
    assert len(items) == 10
    content = "{http://purl.org/rss/1.0/modules/content/}encoded"
    creator = "{http://purl.org/dc/elements/1.1/}creator"
    for item, truth in zip(items, site.truth()[:10], strict=True):
        status, _, page, _ = follow(site, item.findtext("link"))
        assert status == 200 and CANONICAL.search(page.decode()).group(1) == truth["url"]
        assert item.findtext(creator) == (truth["posted_by"] or truth["authors"][0])
        assert item.findtext(content).startswith("<")
        assert item.findall("category")


def test_robots_names_the_sitemap_index(site):
    status, _, body = get(site, f"{ORIGIN}/robots.txt")
    text = body.decode()
    assert status == 200
    assert f"Sitemap: {ORIGIN}/sitemap_index.xml" in text
    assert "Disallow: /wp-admin/" in text and "Allow: /wp-admin/admin-ajax.php" in text


# -- URL handling ------------------------------------------------------------------------------
def test_variant_urls_collapse_to_the_canonical(site):
    variants = site.variant_urls()
    kinds = {"utm": 0, "redirect": 0}
    for url, canonical in variants.items():
        status, final, body, hops = follow(site, url)
        assert status == 200, url
        assert CANONICAL.search(body.decode()).group(1) == canonical, url
        assert urlsplit(final).path == urlsplit(canonical).path or "?p=" in url
        kinds["redirect" if hops else "utm"] += 1
        if hops:
            assert hops == 1, url  # one hop, straight to the canonical form
    assert kinds["utm"] and kinds["redirect"]
    assert any(u.startswith("http://orthospinenews.com/") for u in variants)
    assert any("utm_source=" in u for u in variants)
    assert any(not u.endswith("/") and "?" not in u for u in variants)


def test_listings_link_with_variants_that_still_resolve(site):
    body = get(site, f"{ORIGIN}/")[2]
    doc = lxml_html.fromstring(body)
    items = doc.cssselect("ul#posts-container > li.post-item")
    assert len(items) == 10
    assert [i.cssselect("p.post-excerpt") for i in items]
    assert doc.cssselect("div.pages-nav ul.pages-numbers li.the-next-page a")
    seen, url, pages = set(), f"{ORIGIN}/", 0
    while url:
        doc = lxml_html.fromstring(get(site, url)[2])
        for a in doc.cssselect("ul#posts-container h2.post-title a"):
            seen.add(follow(site, a.get("href"))[1].split("?")[0])
        nxt = doc.cssselect("li.the-next-page a")
        url, pages = (nxt[0].get("href") if nxt else None), pages + 1
    assert pages == 12 and seen == set(site.article_urls())
    counts = Counter(name for t in site.truth() for name in t["tags"])
    tag = next(t for t in site.tags.values() if t.name == counts.most_common(1)[0][0])
    assert counts[tag.name] > 10
    body = get(site, tag.url)[2].decode()
    assert ">Next page</a>" in body and "the-next-page" not in body
    assert get(site, f"{ORIGIN}/page/99/")[0] == 404


def test_unknown_paths_answer_404(site):
    for path in ("/no-such-post/", "/2016/08/26/no-such-post/", "/tag/not-a-tag/",
                 "/wp-json/wp/v2/posts"):
        status, _, body = get(site, ORIGIN + path)
        assert status == 404, path
        assert b"error404" in body or path.startswith("/wp-json")


def test_conditional_get_and_head(site):
    url = site.article_urls()[3]
    status, head, body = get(site, url)
    assert status == 200 and head["Last-Modified"]
    assert head["Content-Type"] == "text/html; charset=UTF-8"
    assert get(site, url, {"If-Modified-Since": head["Last-Modified"]})[0] == 304
    status, head2, empty = site.handle("HEAD", url, {})
    assert status == 200 and empty == b"" and dict(head2)["Content-Length"] == str(len(body))


def test_non_article_pages_carry_their_markers(site):
    urls = site.non_article_urls()
    assert f"{ORIGIN}/about-us/" in urls and f"{ORIGIN}/?s=spine" in urls
    attachments = [u for u in urls if "/attachment/" in u]
    assert attachments
    for url in urls[:3] + attachments[:5]:
        status, _, body = get(site, url)
        assert status == 200, url
        doc = lxml_html.fromstring(body)
        css = doc.xpath("//body/@class")[0].split()
        og = doc.xpath("//meta[@property='og:type']/@content")
        if "/attachment/" in url:
            assert "attachment" in css and og == ["article"]
        elif "?s=" in url:
            assert "search" in css
        else:
            assert "page" in css and og == ["website"]
        assert "single-post" not in css
        assert not doc.xpath("//meta[@property='article:published_time']")
    linked = [a for t in site.truth() for a in re.findall(
        r'href="([^"]+/attachment/[^"]+)"', get(site, t["url"])[2].decode())]
    assert linked and set(linked) <= set(urls)


def test_chrome_texts_are_on_the_page_but_not_in_the_body(site):
    truth = {t["url"]: t for t in site.truth()}
    everything: set[str] = set()
    for url in site.article_urls()[:60]:
        texts = site.chrome_texts(url)
        page = page_text(get(site, url)[2])
        for line in texts:
            assert len(line) >= 12 and line == " ".join(line.split())
            assert line in page, (url, line)
            assert line not in truth[url]["body_text"], (url, line)
        everything.update(texts)
    for expected in ("Back to top button", "Related Articles", "Leave a Reply",
                     "Print Friendly, PDF & Email", "Your email address will not be published. "
                     "Required fields are marked *", "Story Highlights",
                     "Share this article with your colleagues:"):
        assert expected in everything, expected
    assert any(line.endswith("since 2009.") for line in everything)  # the author bio


# -- serving -----------------------------------------------------------------------------------
def test_server_serves_pages_on_a_free_port(site):
    url = site.article_urls()[0]
    path = urlsplit(url).path
    with ReplicaServer(site, host="127.0.0.1", port=0) as srv:
        assert re.match(r"^http://127\.0\.0\.1:\d+$", srv.base_url) and srv.port
        request = urllib.request.Request(srv.base_url + path, headers={
            "X-Forwarded-Proto": "https", "X-Forwarded-Host": "www.orthospinenews.com"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200
            assert response.headers["Content-Type"] == "text/html; charset=UTF-8"
            assert response.read() == get(site, url)[2]
        with urllib.request.urlopen(srv.base_url + path, timeout=10) as response:  # browser
            assert response.status == 200
        request = urllib.request.Request(srv.base_url + path.rstrip("/"), headers={
            "X-Forwarded-Proto": "http", "X-Forwarded-Host": "orthospinenews.com"})
        opener = urllib.request.build_opener(NoRedirect)
        with pytest.raises(urllib.error.HTTPError) as redirect:
            opener.open(request, timeout=10)
        assert redirect.value.code == 301 and redirect.value.headers["Location"] == url
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(srv.base_url + "/no-such-page/", timeout=10)
        assert missing.value.code == 404


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.mark.slow  # a replica process of its own
def test_spawned_replica_runs_in_its_own_process():
    with spawn_replica(articles=30) as base_url:
        assert re.match(r"^http://127\.0\.0\.1:\d+$", base_url)
        with urllib.request.urlopen(base_url + "/robots.txt", timeout=10) as response:
            assert b"sitemap_index.xml" in response.read()


@pytest.mark.slow  # a parent and a replica process of their own
def test_spawned_replica_stops_when_its_parent_is_killed():
    """A benchmark or test killed with SIGKILL runs no cleanup: the replica it spawned must
    not keep serving (and holding its port) after it."""
    code = ("import time\nfrom orthocrawl.replica import spawn_replica\n"
            "with spawn_replica(articles=20) as url:\n    print(url, flush=True)\n"
            "    time.sleep(120)\n")
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    url = parent.stdout.readline().strip()
    urllib.request.urlopen(url + "/robots.txt", timeout=10).close()
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/robots.txt", timeout=2).close()
        except OSError:
            break  # refused: the replica has stopped
        time.sleep(0.2)
    else:
        pytest.fail("the replica kept serving after its parent was killed")


def imports(path: Path) -> set[str]:
    """Every module a file imports, relative imports resolved against its package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(p for p in (base, node.module or "") if p)
            found |= {module} | {f"{module}.{alias.name}" for alias in node.names}
    return found


def test_the_replica_and_the_product_keep_apart():
    """The replica imports nothing of the crawler; the product imports the replica only for
    the demo and the replica commands, and never the replica's testing hooks."""
    crawler = ("orthocrawl.pages", "orthocrawl.spiders", "orthocrawl.pipelines",
               "orthocrawl.archive")
    replica = ROOT / "orthocrawl" / "replica"
    for path in replica.rglob("*.py"):
        bad = {m for m in imports(path) if m.startswith(crawler)}
        assert not bad, (path, bad)
    users = set()
    for path in (ROOT / "orthocrawl").rglob("*.py"):
        if replica in path.parents:
            continue
        used = {m for m in imports(path) if m.startswith("orthocrawl.replica")}
        assert not {m for m in used if m.startswith("orthocrawl.replica.testing")}, path
        if used:
            users.add(path.relative_to(ROOT).as_posix())
    assert users <= {"orthocrawl/demo.py"}


@pytest.mark.parametrize("name", ["orthospinenews", "beckersspine", "ryortho", "orthobuzz",
                                  "spinemarketgroup"])
def test_every_replica_offers_the_protocol_and_every_fixture_case(name):
    from orthocrawl.replica import build
    from orthocrawl.replica.protocol import Replica
    from orthocrawl.replica.testing import CASES, fixture_cases

    site = build(name, articles=500)
    assert isinstance(site, Replica)
    chosen = fixture_cases(site)
    assert set(chosen) == set(CASES[name])
    assert len(set(chosen.values())) == len(chosen)  # one page per case


def test_a_study_title_and_its_body_agree_on_the_number_of_patients():
    from orthocrawl.replica.registry import available, build

    checked = 0
    for name in available():
        for record in build(name, articles=300).truth():
            size = re.search(r"(\d+)-patient", record["title"])
            if not size:
                continue
            stated = set(re.findall(r"(?:reviewed|in) (\d+) patients", record["body_text"]))
            checked += bool(stated)
            assert stated <= {size.group(1)}, (record["url"], stated)
    assert checked >= 5
