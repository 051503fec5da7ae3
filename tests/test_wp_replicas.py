"""The OrthoBuzz and Spine Market Group replicas, their page objects and their spiders,
checked in-process (no crawl): truthful, deterministic, shaped like the real sites.

The end-to-end crawls are in test_crawl_replica.py; these tests say which trap broke.
"""

from __future__ import annotations

import asyncio
import re
from urllib.parse import urlsplit

import feedparser
import pytest
from lxml import html as lxml_html
from parsel import Selector
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from web_poet import HttpResponse, default_registry

import orthocrawl.pages  # noqa: F401  (registers the page objects)
from orthocrawl.items import Article
from orthocrawl.replica import build
from orthocrawl.sites import spider_for

SITES = ("orthobuzz", "spinemarketgroup")
# What a page holds of an article; the truth adds its place on the wire (replica/wire.py).
PAGE_KEYS = {"url", "site", "title", "authors", "posted_by", "published_at", "modified_at",
             "categories", "tags", "description", "lead_image", "language", "body_text",
             "word_count", "source"}
TRUTH_KEYS = PAGE_KEYS | {"story", "copy", "decoy_of"}
ISO_Z = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


@pytest.fixture(scope="module", params=SITES)
def site(request):
    return build(request.param, articles=120)


@pytest.fixture(scope="module")
def ob():
    return build("orthobuzz", articles=300)


@pytest.fixture(scope="module")
def smg():
    return build("spinemarketgroup", articles=300)


def get(site, url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    status, head, body = site.handle("GET", url, headers or {})
    return status, dict(head), body


def follow(site, url: str, hops: int = 4) -> tuple[int, str, bytes]:
    for _ in range(hops):
        status, head, body = get(site, url)
        if status != 301:
            return status, url, body
        url = head["Location"]
    raise AssertionError(f"redirect loop at {url}")


def extract(site, url: str) -> Article:
    status, _, body = follow(site, url)
    assert status == 200, url
    page_cls = default_registry.page_cls_for_item(url, Article)
    page = page_cls(response=HttpResponse(url, body=body, encoding="utf-8"))
    return asyncio.run(page.to_item())


def page_text(body: bytes) -> str:
    doc = lxml_html.fromstring(body)
    for bad in doc.xpath("//script|//style"):
        bad.drop_tree()
    alts = " ".join(doc.xpath("//img/@alt"))
    return " ".join(" ".join([*doc.itertext(), alts]).split())


# -- both sites ------------------------------------------------------------------------------
def test_same_arguments_give_the_same_site(site):
    other = build(site.name, articles=120)
    assert other.truth() == site.truth()
    for url in [*site.article_urls()[:5], f"{site.origin}/", f"{site.origin}/robots.txt"]:
        assert get(other, url)[2] == get(site, url)[2], url
    assert build(site.name, articles=120, seed=8).truth() != site.truth()


def test_truth_records_have_exactly_the_documented_fields(site):
    for record in site.truth():
        assert set(record) == TRUTH_KEYS
        assert record["site"] == site.name and record["language"] == "en"
        assert ISO_Z.match(record["published_at"])
        assert record["modified_at"] is None or ISO_Z.match(record["modified_at"])
        assert record["url"].startswith(site.origin + "/")
        assert record["word_count"] >= 10 and record["body_text"] == record["body_text"].strip()


def test_page_object_extracts_every_field_of_every_article(site):
    fields = PAGE_KEYS - {"word_count"}
    for record in site.truth():
        article = extract(site, record["url"])
        assert article.page_type == "article"
        got = {name: getattr(article, name) for name in fields}
        assert got == {name: record[name] for name in fields}, record["url"]


def test_chrome_texts_are_on_the_page_but_never_in_the_body(site):
    for url in site.article_urls()[:12]:
        text = page_text(get(site, url)[2])
        body = extract(site, url).body_text
        lines = site.chrome_texts(url)
        assert len(lines) > 20
        for line in lines:
            assert line in text, (url, line)
            assert line not in body, (url, line)


def test_variant_urls_collapse_to_the_canonical(site):
    for variant, canonical in site.variant_urls().items():
        status, _, body = follow(site, variant)
        assert status == 200, variant
        assert f'<link rel="canonical" href="{canonical}"' in body.decode(), variant


def test_http_details(site):
    url = site.article_urls()[0]
    assert site.handle("POST", url, {})[0] == 405
    assert get(site, f"{site.origin}/no-such-page-at-all/")[0] == 404
    assert get(site, "https://elsewhere.example/")[0] == 404
    status, head, body = site.handle("HEAD", url, {})
    assert status == 200 and body == b"" and int(head[1][1]) > 1000
    status, head, _ = get(site, url)
    assert get(site, url, {"If-Modified-Since": head["Last-Modified"]})[0] == 304
    for path in ("/page/1/", "/category/no-such-category/"):
        assert get(site, site.origin + path)[0] in (301, 404)


def test_non_article_pages_are_no_articles(site):
    urls = site.non_article_urls()
    assert len(urls) >= 5
    kinds = {extract(site, url).page_type for url in urls}
    assert "article" not in kinds and {"page", "search", "attachment"} <= kinds


def test_spider_discovers_every_article_through_its_sitemaps(site):
    spider = spider_for(site.name)
    robots = get(site, f"{spider.origin}/robots.txt")[2]
    (index_url,) = sitemap_urls_from_robots(robots)
    found = set()
    for entry in Sitemap(get(site, index_url)[2]):
        if any(re.search(rule, entry["loc"]) for rule in spider.sitemap_follow):
            found |= {e["loc"] for e in Sitemap(get(site, entry["loc"])[2])}
    assert found == set(site.article_urls())


def test_spider_reads_the_feed_and_walks_the_archive(site):
    spider = spider_for(site.name)
    feed = feedparser.parse(follow(site, spider.absolute(spider.feed_paths[0]))[2])
    assert len(feed.entries) == 10
    assert {follow(site, e.link)[1].split("?")[0] for e in feed.entries} <= set(site.article_urls())
    listing = spider.absolute(spider.listing_paths[0])
    seen: list[str] = []
    for _ in range(3):
        page = Selector(text=get(site, listing)[2].decode())
        links = page.css(spider.listing_article_css).getall()
        assert len(links) == 10 and all(spider.article_path.match(urlsplit(u).path) for u in links)
        seen += links
        listing = page.css(spider.listing_next_css).get()
    assert set(seen) <= set(site.article_urls()) and len(set(seen)) == 30
    for path in ("/category/x/", "/tag/x/", "/page/2/", "/author/x/", "/feed/"):
        for form in (path, path.rstrip("/")):
            assert not spider.article_path.match(form), form


# -- OrthoBuzz -------------------------------------------------------------------------------
def test_orthobuzz_alt_text_of_images_opening_paragraphs_is_never_body_text(ob):
    opening = [p for p in ob.posts if any(b.html.startswith(("<p><img", "<p><a href"))
                                          and "<img" in b.html[:250] for b in p.blocks)]
    assert len(opening) >= 30
    for post in opening:
        shown = set(lxml_html.fromstring(get(ob, post.url)[2]).xpath("//img/@alt"))
        body = extract(ob, post.url).body_text
        assert post.alts
        for alt in post.alts:
            assert alt in shown
            assert alt not in body, (post.url, alt)


def test_orthobuzz_guest_byline_names_the_author_and_leaves_the_body(ob):
    guests = [p for p in ob.posts if p.bylines]
    assert len(guests) >= 10 and any(len(p.bylines) == 2 for p in guests)
    assert any("<img" in p.byline_block.html for p in guests)  # headshot before the byline
    for post in guests:
        article = extract(ob, post.url)
        assert article.authors == post.bylines
        assert article.posted_by == post.account.name
        assert not article.body_text.startswith("By ")


def test_orthobuzz_yoast_names_the_editor_by_id_only(ob):
    html = get(ob, ob.article_urls()[0])[2].decode()
    assert '"author":{"@id":' in html and '<meta name="author"' not in html


# -- The Spine Market Group ------------------------------------------------------------------
def test_spinemarket_permalinks_have_no_trailing_slash_but_archives_do(smg):
    post = smg.posts[0]
    assert not post.url.endswith("/")
    status, head, _ = get(smg, post.url + "/")
    assert status == 301 and head["Location"] == post.url
    status, head, _ = get(smg, f"{smg.origin}/category/articles")
    assert status == 301 and head["Location"] == f"{smg.origin}/category/articles/"
    assert get(smg, f"https://www.{urlsplit(smg.origin).hostname}/")[0] == 301


def test_spinemarket_has_genesis_markup_and_no_seo_metadata(smg):
    html = get(smg, smg.article_urls()[0])[2].decode()
    text = page_text(html.encode())
    for line in ("Skip to main content", "Skip to secondary menu", "Skip to primary sidebar",
                 "Skip to footer", "MANUFACTURERS HEADHUNTERS PRODUCT SECTIONS COMPANIES"):
        assert line in text
    assert re.search(r"[A-Z][a-z]+ \d{1,2}, \d{4} By SPINEMarketGroup", text)
    assert 'property="og:' not in html and "application/ld+json" not in html
    assert all(r["modified_at"] is None for r in smg.truth())


def test_spinemarket_source_is_the_closing_line_never_a_data_note(smg):
    sourced = [p for p in smg.posts if p.source]
    notes = [p for p in smg.posts if "Source: SPINEMarketGroup estimates" in p.body_text]
    assert len(sourced) >= 100 and len(notes) >= 10
    for post in sourced[:60] + notes:
        article = extract(smg, post.url)
        assert article.source == post.source
        assert article.body_text.endswith(f"Source: {post.source}") == bool(post.source)


def test_spinemarket_core_sitemaps_list_urls_without_lastmod(smg):
    index = get(smg, f"{smg.origin}/wp-sitemap.xml")[2].decode()
    assert "wp-sitemap-posts-post-1.xml" in index and "wp-sitemap-posts-page-1.xml" in index
    posts = get(smg, f"{smg.origin}/wp-sitemap-posts-post-1.xml")[2].decode()
    assert "<lastmod>" not in posts and posts.count("<url>") == len(smg.posts)
