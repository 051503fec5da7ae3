"""Orthopedics This Week: the replica's traps, and the page object and spider that get past them."""

from __future__ import annotations

import asyncio
import gzip
import json
from pathlib import Path

import pytest
from web_poet import HttpResponse

from orthocrawl.items import Article
from orthocrawl.pages import RyorthoPage, WordPressPage
from orthocrawl.replica.ryortho import build_site
from orthocrawl.replica.testing import CASES, fixture_cases
from orthocrawl.spiders.ryortho import RyorthoSpider

FIXTURES = Path(__file__).parent / "fixtures" / "pages" / "ryortho"


@pytest.fixture(scope="module")
def site():
    return build_site(articles=500)


def saved(case: str) -> tuple[dict, bytes]:
    expected = json.loads((FIXTURES / f"{case}.json").read_text(encoding="utf-8"))
    return expected, gzip.decompress((FIXTURES / f"{case}.html.gz").read_bytes())


def extract(url: str, html: bytes, page_cls=RyorthoPage) -> Article:
    return asyncio.run(page_cls(response=HttpResponse(url, body=html,
                                                      encoding="utf-8")).to_item())


def test_every_case_has_a_fixture(site):
    assert set(fixture_cases(site)) == set(CASES["ryortho"])
    assert {p.name.removesuffix(".json") for p in FIXTURES.glob("*.json")} == set(CASES["ryortho"])


@pytest.mark.parametrize("case", ["credit_in_old_caption_div", "credit_in_html5_caption",
                                  "credit_in_italic_paragraph", "credit_after_line_break",
                                  "block_caption_and_credit", "featured_image_credit"])
def test_image_credits_are_chrome(case, site):
    url = fixture_cases(site)[case]
    post = site.by_path[url.removeprefix(site.origin)]
    html = site.handle("GET", url, {})[2]
    assert post.credits
    article = extract(url, html)
    assert article.body_text == post.truth()["body_text"]
    assert not any(credit in article.body_text for credit in post.credits)
    # The WordPress base, which knows nothing of the convention, keeps them.
    naive = extract(url, html, WordPressPage)
    assert any(credit in naive.body_text for credit in post.credits)


def test_block_editor_caption_is_text_and_its_credit_is_not():
    expected, html = saved("block_caption_and_credit")
    assert 'class="wp-element-caption"' in html.decode()
    assert extract(expected["url"], html).body_text == expected["body_text"]


def test_byline_names_every_writer_while_yoast_names_one():
    expected, html = saved("two_writers")
    assert len(expected["authors"]) == 2
    assert extract(expected["url"], html).authors == expected["authors"]
    assert extract(expected["url"], html, WordPressPage).authors == expected["authors"][:1]


def test_title_badge_is_not_title():
    expected, html = saved("title_badge")
    assert extract(expected["url"], html).title == expected["title"]
    assert extract(expected["url"], html, WordPressPage).title == f"Video {expected['title']}"


def test_category_links_are_not_tags():
    expected, html = saved("no_featured_image")
    assert expected["tags"] == [] and 'rel="category tag"' in html.decode()
    assert extract(expected["url"], html).tags == []


def test_paywall_and_ad_slot_inside_content_are_removed():
    expected, html = saved("paywall_and_ad_in_body")
    text = extract(expected["url"], html).body_text
    assert text == expected["body_text"]
    assert "Subscribe Now" not in text and "Advertisement" not in text


@pytest.mark.parametrize(("path", "article"), [
    ("/breaking/some-story/", True), ("/breaking/some-story", True),
    ("/breaking/page/2/", False), ("/breaking/", False),
    ("/breaking/some-story/some-image-1/", False), ("/category/spine/", False),
])
def test_spider_article_paths(path, article):
    assert RyorthoSpider().is_article_url(f"https://ryortho.com{path}") is article


def test_www_and_http_redirect_to_the_bare_https_host(site):
    post = site.posts[0]
    for url in (post.url.replace("https://", "https://www."), post.url.replace("https", "http")):
        status, headers, _ = site.handle("GET", url, {})
        assert status == 301 and dict(headers)["Location"] == post.url


def test_non_article_pages_say_so(site):
    for url in site.non_article_urls():
        status, _, body = site.handle("GET", url, {})
        assert status == 200
        assert extract(url, body).page_type != "article"


def test_same_arguments_same_site():
    one, two = build_site(articles=60), build_site(articles=60)
    assert one.truth() == two.truth()
    url = one.article_urls()[7]
    assert one.handle("GET", url, {})[2] == two.handle("GET", url, {})[2]
