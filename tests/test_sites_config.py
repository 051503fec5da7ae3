"""Sites added without Python: site files, `sites add`, `sites check`, and `extract`."""

from __future__ import annotations

import asyncio
import gzip
import json
import subprocess
from pathlib import Path

import pytest
from conftest import forked

from orthocrawl.replica import ReplicaServer, build_site
from orthocrawl.siteconfig import SiteConfigError, load

GOOD = """\
name = "spinewire"
origin = "https://www.spinewire.example"

[discovery]
feeds = ["/feed/"]
article_pattern = '^/\\d{4}/'

[extract]
body = "div.post-body"
chrome = ["div.share-row"]
byline = "p.post-byline"
"""


def run(*args: str, sites: Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Forked, every command: the site files it loads stay out of this process."""
    return forked(*args, env={"ORTHOCRAWL_SITES_DIR": str(sites)}, cwd=cwd, timeout=300)


def test_good_file_loads_with_defaults(tmp_path):
    path = tmp_path / "spinewire.toml"
    path.write_text(GOOD)
    config = load(path)
    assert config.domains == ["spinewire.example"]
    assert config.sitemaps == ["/robots.txt"]
    assert config.feeds == ["/feed/"] and config.body == "div.post-body"


PARAGRAPH = ("The county hospital opened its new spine centre this week, with two operating "
             "rooms, a recovery ward and a clinic for follow-up visits. ")


def _site_page(body: str) -> bytes:
    person = {"@context": "https://schema.org", "@type": "NewsArticle",
              "headline": "A spine centre opens", "datePublished": "2024-05-02T08:00:00Z",
              "author": {"@type": "Person", "name": "Nora Field"}}
    return (f"<html lang='en'><head><title>A spine centre opens</title><script type="
            f"'application/ld+json'>{json.dumps(person)}</script></head><body><main><article>"
            f"<h1>A spine centre opens</h1>{body}</article></main></body></html>").encode()


@pytest.mark.parametrize("with_body_selector", [True, False])
def test_a_css_byline_reads_its_element_and_falls_back_without_recursing(
        tmp_path, with_body_selector):
    """A site file's CSS `byline` names the authors when its element is there; on a page
    without it the base page's rule answers (it used to re-enter the same cached field and
    raise RecursionError)."""
    from web_poet import HttpResponse

    from orthocrawl.pages.configured import page_class

    text = GOOD if with_body_selector else GOOD.replace('body = "div.post-body"\n', "")
    name = "bylinebody" if with_body_selector else "bylinegeneric"
    path = tmp_path / f"{name}.toml"
    path.write_text(text.replace('name = "spinewire"', f'name = "{name}"').replace(
        "www.spinewire.example", f"www.{name}.example"))
    cls = page_class(load(path))
    prose = "".join(f"<p>{PARAGRAPH}</p>" for _ in range(4))
    with_byline = _site_page(f"<p class='post-byline'>By Ada Stone and Ben Hale</p>"
                             f"<div class='post-body'>{prose}</div>")
    without = _site_page(f"<div class='post-body'>{prose}</div>")
    url = f"https://www.{name}.example/2024/05/a-spine-centre-opens/"

    def authors(html: bytes) -> list[str]:
        return asyncio.run(cls(response=HttpResponse(url, body=html)).to_item()).authors

    assert authors(with_byline) == ["Ada Stone", "Ben Hale"]
    assert authors(without) == ["Nora Field"]  # the page's JSON-LD, through the base rule


@pytest.mark.parametrize(("text", "line", "reason"), [
    (GOOD.replace('origin = "https', 'origin = "https'.replace('"', "")), 2, "Invalid"),
    (GOOD + "colour = 'blue'\n", 12, "unknown key 'colour'"),
    (GOOD.replace('body = "div.post-body"', 'body = "div..post"'), 9, "not a CSS selector"),
    (GOOD.replace("'^/\\d{4}/'", "'^/(unclosed'"), 6, "not a regex"),
    (GOOD.replace('name = "spinewire"', 'name = "Spine Wire!"'), 1, "name must be"),
    (GOOD.replace('feeds = ["/feed/"]', 'feeds = "/feed/"'), 5, "must be a list"),
])
def test_bad_file_names_file_line_and_reason(tmp_path, text, line, reason):
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(SiteConfigError) as caught:
        load(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}: "), message
    assert reason in message


def test_cli_rejects_a_broken_site_file_in_one_line(tmp_path):
    (tmp_path / "bad.toml").write_text("name = 'x\n")
    result = run("sites", sites=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"{tmp_path / 'bad.toml'}:1:" in result.stderr


@pytest.fixture(scope="module")
def replica():
    site = build_site(articles=40)
    with ReplicaServer(site) as server:
        yield site, server


@pytest.mark.slow  # crawls
def test_add_then_check_then_crawl_a_site_without_python(replica, tmp_path):
    site, server = replica
    sites = tmp_path / "sites"
    added = run("sites", "add", "osncopy", site.origin + "/", "--base-url", server.base_url,
                sites=sites)
    assert added.returncode == 0, added.stderr
    text = (sites / "osncopy.toml").read_text()
    assert "'/robots.txt'" in text and "'/feed/'" in text
    listed = run("sites", sites=sites)
    assert "osncopy" in listed.stdout and "site file" in listed.stdout

    checked = run("sites", "check", "osncopy", "--base-url", server.base_url, "--limit", "2",
                  sites=sites)
    assert checked.returncode == 0, checked.stderr[-2000:]
    assert "2 articles extracted" in checked.stdout
    assert checked.stdout.count("title:") == 2

    db = tmp_path / "a.db"
    crawled = run("crawl", "osncopy", "--db", str(db), "--base-url", server.base_url,
                  "--discover", "feed", sites=sites)
    assert crawled.returncode == 0, crawled.stderr[-2000:]
    assert "10 new" in crawled.stdout


@pytest.mark.slow  # crawls
def test_reparse_uses_the_site_files_page_object(replica, tmp_path):
    """Every entry point loads site files the same way: reparse must not fall back to the
    generic page for a configured site (it would re-extract every article differently)."""
    _, server = replica
    sites = tmp_path / "sites"
    sites.mkdir()
    (sites / "osncopy.toml").write_text(
        'name = "osncopy"\norigin = "https://www.orthospinenews.com"\n'
        '[discovery]\nfeeds = ["/feed/"]\n[extract]\nbody = "div.entry-content"\n'
        'byline = "span.meta-author a.author-name"\n')
    db = tmp_path / "a.db"
    crawled = run("crawl", "osncopy", "--db", str(db), "--base-url", server.base_url,
                  sites=sites)
    assert crawled.returncode == 0 and "40 new" in crawled.stdout, crawled.stdout
    reparsed = run("reparse", "--db", str(db), sites=sites)
    assert reparsed.returncode == 0, reparsed.stderr
    assert reparsed.stdout.startswith("40 pages re-parsed: 0 changed")
    strict = run("reparse", "--db", str(db), "-s", "ORTHOCRAWL_MIN_WORDS=100000", sites=sites)
    assert "40 no longer articles" in strict.stdout  # reparse honours ORTHOCRAWL_MIN_WORDS


def test_a_site_file_named_like_a_built_in_publisher_is_refused(tmp_path):
    (tmp_path / "orthospinenews.toml").write_text(
        'name = "orthospinenews"\norigin = "https://www.orthospinenews.com"\n')
    for args in (("sites",), ("crawl", "orthospinenews", "--db", str(tmp_path / "a.db"))):
        result = run(*args, sites=tmp_path)
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert result.stderr.strip() == (
            f"orthocrawl: error: {tmp_path / 'orthospinenews.toml'}:1: 'orthospinenews' is a "
            "built-in publisher; give the site file another name")


def test_add_refuses_to_overwrite(replica, tmp_path):
    site, server = replica
    (tmp_path / "osncopy.toml").write_text(GOOD)
    result = run("sites", "add", "osncopy", site.origin + "/", "--base-url", server.base_url,
                 sites=tmp_path)
    assert result.returncode == 1 and "exists" in result.stderr


def test_extract_a_saved_file_with_the_publishers_page_object(tmp_path):
    fixture = Path(__file__).parent / "fixtures/pages/orthospinenews/syndicated_written_by"
    expected = json.loads(fixture.with_suffix(".json").read_text())
    result = run("extract", str(fixture.with_suffix(".html.gz")), sites=tmp_path)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    for name in ("url", "title", "authors", "posted_by", "body_text", "source"):
        assert record[name] == expected[name]
    assert record["page_type"] == "article"


def test_extract_a_live_url_through_a_mirror(replica, tmp_path):
    site, server = replica
    url = site.article_urls()[0]
    result = run("extract", url, "--base-url", server.base_url, sites=tmp_path)
    assert result.returncode == 0, result.stderr
    truth = next(r for r in site.truth() if r["url"] == url)
    assert json.loads(result.stdout)["body_text"] == truth["body_text"]


def test_extract_says_when_a_page_is_not_an_article(replica, tmp_path):
    site, server = replica
    result = run("extract", site.origin + "/about-us/", "--base-url", server.base_url,
                 sites=tmp_path)
    assert result.returncode == 0
    assert json.loads(result.stdout)["page_type"] == "page"
    assert "not an article" in result.stderr


@pytest.mark.parametrize("source", ["missing.html", "broken.html.gz"])
def test_extract_bad_input_is_one_line(tmp_path, source):
    (tmp_path / "broken.html.gz").write_bytes(gzip.compress(b"<html>")[:10])
    result = run("extract", str(tmp_path / source), sites=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "cannot read" in result.stderr


class ShopSite:
    """A small shop: robots.txt, a sitemap, product pages and an index. No articles."""

    name, origin, domains = "shop", "https://shop.example", ["shop.example"]

    def handle(self, method, url, headers):
        path = "/" + url.split("://", 1)[1].split("/", 1)[1]
        pages = [f"/product/{n}/" for n in range(5)]
        if path == "/robots.txt":
            body = b"User-agent: *\nSitemap: https://shop.example/sitemap.xml\n"
        elif path == "/sitemap.xml":
            locs = "".join(f"<url><loc>https://shop.example{p}</loc></url>" for p in pages)
            body = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/'
                    f'sitemap/0.9">{locs}<url><loc>https://shop.example/</loc></url>'
                    "</urlset>").encode()
        elif path in pages:
            product = json.dumps({"@type": "Product", "name": "Brace",
                                  "offers": {"price": "49.00"}})
            body = (f"<html><head><title>Spinal brace model {path}</title><script type="
                    f"'application/ld+json'>{product}</script></head><body><h1>Brace</h1>"
                    "<p>Adjustable lumbar support brace. Add to cart.</p><p>Price $49.00</p>"
                    "</body></html>").encode()
        elif path == "/":
            links = "".join(f"<li><a href='{p}'>Product {p}</a></li>" for p in pages)
            body = f"<html><body><h1>Shop</h1><ul>{links}</ul></body></html>".encode()
        else:
            return 404, [("Content-Length", "0")], b""
        return 200, [("Content-Type", "text/html; charset=utf-8"),
                     ("Content-Length", str(len(body)))], body


@pytest.mark.slow  # crawls
def test_a_site_without_articles_stores_nothing_and_says_why(tmp_path):
    sites = tmp_path / "sites"
    sites.mkdir()
    (sites / "shop.toml").write_text('name = "shop"\norigin = "https://shop.example"\n')
    db = tmp_path / "shop.db"
    with ReplicaServer(ShopSite()) as server:
        result = run("crawl", "shop", "--db", str(db), "--base-url", server.base_url,
                     sites=sites)
    assert result.returncode == 1
    assert "returned no articles" in result.stdout
    assert "not_article_product: 5" in result.stdout
    from orthocrawl.archive import Archive

    with Archive(db) as archive:
        assert archive.count() == 0
        (row,) = archive.runs()
        reasons = json.loads(row["drop_reasons"])
        assert reasons.pop("not_article_product") == 5
        # The sitemap lists the home page too: not an article path (`^/.+`), not fetched.
        assert reasons == {}
