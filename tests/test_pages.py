"""Page objects on saved pages: fixtures (replica HTML + expected JSON) and hand-made HTML."""

from __future__ import annotations

import asyncio
import gzip
import json
from pathlib import Path

import pytest
from web_poet import HttpResponse, default_registry

from orthocrawl.items import Article
from orthocrawl.pages import OrthoSpineNewsPage, WordPressPage
from orthocrawl.pages.byline import split_byline

FIXTURES = Path(__file__).parent / "fixtures" / "pages"
# "<site>/<case>", one per saved page (tests/fixtures/make_page_fixtures.py writes them).
CASES = sorted(str(p.relative_to(FIXTURES)).removesuffix(".json")
               for p in FIXTURES.glob("*/*.json"))
FIELDS = ("url", "site", "title", "authors", "posted_by", "published_at", "modified_at",
          "categories", "tags", "description", "lead_image", "language", "body_text",
          "word_count", "source")


def extract(url: str, html: bytes, page_cls=OrthoSpineNewsPage) -> Article:
    page = page_cls(response=HttpResponse(url, body=html, encoding="utf-8"))
    return asyncio.run(page.to_item())


def test_fixture_set_is_complete():
    assert {"orthospinenews/syndicated_written_by", "orthospinenews/every_optional_block",
            "orthospinenews/bare_post"} <= set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_fixture(case):
    expected = json.loads((FIXTURES / f"{case}.json").read_text(encoding="utf-8"))
    html = gzip.decompress((FIXTURES / f"{case}.html.gz").read_bytes())
    # The page object web-poet picks for the URL, as in a crawl.
    page_cls = default_registry.page_cls_for_item(expected["url"], Article)
    assert page_cls is not None, f"no page object for {expected['url']}"
    article = extract(expected["url"] + "?utm_source=rss&utm_medium=rss", html, page_cls)
    got = {name: getattr(article, name) for name in FIELDS}
    assert got == {name: expected[name] for name in FIELDS}
    assert article.page_type == "article"
    assert "<script" not in article.body_html and "class=" not in article.body_html


def test_syndicated_byline_is_author_not_body():
    case = FIXTURES / "orthospinenews" / "syndicated_written_by"
    expected = json.loads(case.with_suffix(".json").read_text())
    html = gzip.decompress(case.with_suffix(".html.gz").read_bytes())
    article = extract(expected["url"], html)
    assert article.posted_by and article.posted_by not in article.authors
    assert not article.body_text.startswith(("Written by", "By "))
    assert "Written by" in html.decode()


PAGE = """<html lang="en-GB"><head>
<link rel="canonical" href="https://www.orthospinenews.com/2020/01/02/test-post/">
<meta property="article:published_time" content="2020-01-02T09:00:00-05:00">
<meta name="author" content="Dana Whitcomb"></head>
<body class="single single-post"><h1 class="post-title entry-title">A &amp; B</h1>
<div class="entry-content">{body}</div>
<div id="comments"><p>A comment that is not body.</p></div></body></html>"""


def page(body: str) -> Article:
    return extract("https://www.orthospinenews.com/2020/01/02/test-post/",
                   PAGE.format(body=body).encode())


def test_body_text_rules():
    article = page(
        "<p>First&nbsp;para with <a href='/x'>a link</a>.</p><h3>Heading</h3>"
        "<ul><li>one</li><li>two <em>2</em></li></ul><ol><li>a</li><li>b</li></ol>"
        "<blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote>"
        "<figure><img src='i.jpg'><figcaption>Caption text</figcaption></figure>"
        "<table><tr><th>Year</th><th>Sales</th></tr><tr><td>2024</td><td>$1 M</td></tr></table>"
        "<p>Line one<br>line two</p><p> </p><iframe src='x'></iframe>")
    assert article.body_text == (
        "First para with a link.\n\nHeading\n\n- one\n- two 2\n\n1. a\n2. b\n\n"
        "Quoted one.\n\nQuoted two.\n\nCaption text\n\nYear | Sales\n2024 | $1 M\n\n"
        "Line one\nline two")
    assert 'href="https://www.orthospinenews.com/x"' in article.body_html
    assert article.published_at == "2020-01-02T14:00:00Z"
    assert article.language == "en"
    assert article.title == "A & B"


def test_unknown_plugin_blocks_are_removed_by_their_markers():
    article = page(
        "<p>Real text stays here.</p>"
        "<div class='wp-socializer-buttons sharing-row'><a>Share on Facebook</a></div>"
        "<div class='crp_related'><h3>You may also like</h3><ul><li>Other story</li></ul></div>"
        "<div class='newsletter-signup-box'><p>Get our newsletter every week</p></div>"
        "<div class='advert-slot'>Advertisement</div><form><p>Subscribe form</p></form>"
        "<div class='entry-content-inner'><p>Nested real text.</p></div>")
    assert article.body_text == "Real text stays here.\n\nNested real text."


def test_comments_outside_body_never_leak():
    assert "comment" not in page("<p>Only this.</p>").body_text


@pytest.mark.parametrize(("text", "names"), [
    ("Written by  Megan Wood", ["Megan Wood"]),
    ("By Laura Dyrda and Alan Condon", ["Laura Dyrda", "Alan Condon"]),
    ("By Ana María López, Tom Ng and Jo Park", ["Ana María López", "Tom Ng", "Jo Park"]),
    ("Written by Dr. Priya Halvorsen, MD", ["Dr. Priya Halvorsen"]),
    ("By 2032, the market will double.", []),
    ("By the way, surgeons disagree", []),
    ("Bypass surgery rates rose", []),
])
def test_split_byline(text, names):
    assert split_byline(text) == names


@pytest.mark.parametrize(("body_class", "kind"), [
    ("attachment single", "attachment"), ("page page-id-2", "page"), ("search", "search"),
    ("archive category", "listing"), ("home blog", "listing"), ("error404", "error"),
])
def test_page_type_from_body_class(body_class, kind):
    html = f"<html><body class='{body_class}'><h1 class='entry-title'>X</h1></body></html>"
    assert extract("https://example.com/x/", html.encode(), WordPressPage).page_type == kind


@pytest.mark.parametrize("html", [
    b"", b"<html>", b"\xff\xfe\x00garbage\x00", b"<html><body><div class='entry-content'>",
    b"<html><head><script type='application/ld+json'>{broken</script></head></html>",
])
def test_broken_pages_do_not_raise(html):
    article = extract("https://www.orthospinenews.com/x/", html)
    assert article.title is None
    assert article.body_text == ""
