"""Becker's Spine Review: the replica's site behaviour and the page object's traps on
hand-made pages (the end-to-end crawl is in test_crawl_replica.py)."""

from __future__ import annotations

import asyncio

import pytest
from web_poet import HttpResponse

from orthocrawl.pages.beckers import BeckersPage
from orthocrawl.replica import build
from orthocrawl.spiders.beckers import BeckersSpineSpider

ORIGIN = "https://www.beckersspine.com"


def extract(url: str, html: str):
    page = BeckersPage(response=HttpResponse(url, body=html.encode(), encoding="utf-8"))
    return asyncio.run(page.to_item())


@pytest.fixture(scope="module")
def site():
    return build("beckersspine", articles=300)


def test_build_is_deterministic_and_covers_every_era(site):
    again = build("beckersspine", articles=300)
    assert site.truth() == again.truth()
    url = site.article_urls()[-1]
    assert site.handle("GET", url, {})[2] == again.handle("GET", url, {})[2]
    paths = site.article_urls()
    assert any("/item/" in u for u in paths)  # K2
    assert any(u.endswith(".html") and "/item/" not in u for u in paths)  # Joomla 3
    assert any(u.endswith("/") for u in paths)  # new CMS


def test_variants_redirect_or_carry_tracking(site):
    for url, canonical in site.variant_urls().items():
        status, headers, body = site.handle("GET", url, {})
        head = dict(headers)
        assert head["Content-Length"] == str(len(body))
        if status == 301:
            assert head["Location"].split("?")[0] in (canonical, canonical.rstrip("/"))
        else:
            assert status == 200 and "utm_source" in url


def test_machine_documents(site):
    status, _, robots = site.handle("GET", f"{ORIGIN}/robots.txt", {})
    assert status == 200 and f"Sitemap: {ORIGIN}/sitemap.xml".encode() in robots
    status, _, index = site.handle("GET", f"{ORIGIN}/sitemap.xml", {})
    assert status == 200 and b"/sitemaps/articles-2026.xml" in index
    status, headers, feed = site.handle("GET", f"{ORIGIN}/rss", {})
    assert status == 200 and b'<rss version="2.0"' in feed
    status, headers, body = site.handle("HEAD", f"{ORIGIN}/rss", {})
    assert body == b"" and dict(headers)["Content-Length"] == str(len(feed))
    assert site.handle("POST", f"{ORIGIN}/rss", {})[0] == 405
    assert site.handle("GET", f"{ORIGIN}/spine/?page=999", {})[0] == 404


def test_k2_og_url_echoes_the_request_and_still_collapses(site):
    k2 = next(a for a in site.articles if a.era == "k2")
    asked = f"{k2.url}?origin=SpineE&utm_source=SpineE&utm_medium=email"
    body = site.handle("GET", asked, {})[2].decode()
    assert "origin=SpineE&amp;utm_source=SpineE" in body
    assert extract(asked, body).url == k2.url


def test_spider_tells_articles_from_listings():
    spider = BeckersSpineSpider()
    for path in ("/spine/item/24081-some-story.html", "/spinal-tech/44584-x.html",
                 "/orthopedic/some-story/", "/spine/some-story"):
        assert spider.is_article_url(ORIGIN + path), path
    for path in ("/spine/", "/authors/jo-park/", "/about-us.html", "/search", "/"):
        assert not spider.is_article_url(ORIGIN + path), path


K2_PAGE = """<html lang="en-gb"><head><meta property="og:image"
content="https://www.beckersspine.com/templates/beckers/images/bsr-share-default.png" /></head>
<body><h1 class="logo">Becker's Spine Review</h1><div class="itemView"><div class="itemHeader">
<span class="itemDateCreated">Sunday, 09 March 2014 10:30</span>
<div class="itemCategory"><span>Published in</span> <a href="/spine/">Spine</a></div>
<h2 class="itemTitle">A K2 story</h2></div>
<div class="itemBody"><div class="itemToolbar"><span class="itemAuthor">Written by Jo Park and
Ana Lind</span> - <a class="itemPrintLink">Print</a> | <a>Email</a></div>
<div class="itemIntroText">{body}</div>
<div class="itemDateModified">Last modified on Sunday, 02 November 2014 09:15</div></div>
</div></body></html>"""


def test_k2_byline_dates_and_default_image():
    article = extract(f"{ORIGIN}/spine/item/1-a.html", K2_PAGE.format(body="<p>Words.</p>"))
    assert article.title == "A K2 story"
    assert article.authors == ["Jo Park", "Ana Lind"]
    assert article.posted_by is None
    # Chicago time: daylight saving began that morning (CDT, -5); it ended by November (-6).
    assert article.published_at == "2014-03-09T15:30:00Z"
    assert article.modified_at == "2014-11-02T15:15:00Z"
    assert article.categories == ["Spine"]
    assert article.lead_image is None
    assert article.body_text == "Words."
    assert article.page_type == "article"


def test_series_boilerplate_and_typed_related_lists_are_not_body():
    body = (
        "<p>&nbsp;<em>Ask Spine Surgeons is a weekly series about one question.</em></p>"
        "<p><strong>Question: What changed?</strong></p><p>Real answer stays.</p>"
        "<p><strong>Next question:</strong> What next?</p>"
        "<p>Please send responses to Jo Park at jp@example.com by Friday.</p>"
        "<p><em>Editor’s note: Responses were lightly edited for clarity and length.</em></p>"
        "<p>Another <a href='/x'>linked</a> paragraph stays.</p>"
        "<p><strong>MORE ARTICLES ON SPINE:</strong></p>"
        "<p><a href='/a'>First related</a></p><p><a href='/b'>Second related</a></p>")
    article = extract(f"{ORIGIN}/spine/item/1-a.html", K2_PAGE.format(body=body))
    assert article.body_text == ("Question: What changed?\n\nReal answer stays.\n\n"
                                 "Another linked paragraph stays.")


def test_about_page_is_a_joomla_article_view_but_not_an_article(site):
    body = site.handle("GET", f"{ORIGIN}/about-us.html", {})[2].decode()
    assert 'itemprop="articleBody"' in body and 'og:type" content="article"' in body
    assert extract(f"{ORIGIN}/about-us.html", body).page_type == "page"


def test_conditional_get_answers_304(site):
    url = site.article_urls()[5]
    headers = site.handle("GET", url, {})[1]
    stamp = dict(headers)["Last-Modified"]
    assert site.handle("GET", url, {"If-Modified-Since": stamp})[0] == 304
    old = "Mon, 01 Jan 2001 00:00:00 GMT"
    assert site.handle("GET", url, {"if-modified-since": old})[0] == 200
