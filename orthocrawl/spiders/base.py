"""Discovery shared by every publisher: sitemaps (through robots.txt), feeds, listings.

A spider finds article URLs and hands each response to the page object that
scrapy-poet picks for its domain; it extracts nothing itself, and it knows nothing of the
archive: what is already known, and what to fetch again, is decided by the incremental
middlewares (orthocrawl/incremental/). A publisher's spider only sets where to start and
which links are articles.
"""

# No `from __future__ import annotations` here: scrapy-poet reads parse_article's
# annotations on every request, and string annotations would be re-evaluated each time.

import re
from collections.abc import AsyncIterator, Iterable, Sequence
from typing import Any, ClassVar
from urllib.parse import urlsplit

import feedparser
import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.spiders import SitemapSpider
from twisted.python.failure import Failure

from orthocrawl.items import Article
from orthocrawl.signals import FORCE, SITEMAP, sitemap_listed
from orthocrawl.spiderargs import DISCOVERY_MODES, SpiderArgs, parse_spider_args

__all__ = ["DISCOVERY_MODES", "PublisherSpider"]


class PublisherSpider(SitemapSpider):
    """Base spider. Arguments (``-a`` on the scrapy command line, options in the CLI;
    checked by orthocrawl.spiderargs):

    discover: comma-separated discovery modes, from sitemap, feed, listing, or ``all``
        (default: the site's, ``default_discover``).
    urls: comma-separated article URLs to fetch directly, instead of discovering.
    max_pages: how many pages of each listing to walk at most (default 50).
    full: fetch every article again, without validators.
    recheck: re-check known articles unconfirmed for this many days, ``all`` of them, or
        every ``dropped`` URL met.
    """

    site_name: ClassVar[str] = ""
    origin: ClassVar[str] = ""
    allowed_domains: ClassVar[list[str]] = []  # e.g. https://www.orthospinenews.com
    # Start points: paths on the origin, or full URLs.
    sitemap_paths: ClassVar[tuple[str, ...]] = ("/robots.txt",)
    feed_paths: ClassVar[tuple[str, ...]] = ("/feed/",)
    listing_paths: ClassVar[tuple[str, ...]] = ("/",)
    default_discover: ClassVar[tuple[str, ...]] = ("sitemap",)
    # Links on a listing page that lead to articles, and to the next listing page.
    listing_article_css: ClassVar[str] = "h2.entry-title a::attr(href), h2.post-title a::attr(href)"
    listing_next_css: ClassVar[str] = "a.next::attr(href), a[rel=next]::attr(href)"
    # Sitemaps named in a sitemap index that hold articles.
    sitemap_follow: Sequence[str] = [r"post-sitemap"]
    # Which URLs found in sitemaps, feeds and listings are articles (matched against the path).
    article_path: ClassVar[re.Pattern[str]] = re.compile(r"^/\d{4}/\d{2}/\d{2}/[^/]+/?$")

    def __init__(self, **kwargs: Any) -> None:
        spider_kwargs = {k: kwargs.pop(k) for k in ("name",) if k in kwargs}
        self.args: SpiderArgs = parse_spider_args(default_discover=self.default_discover,
                                                  **kwargs)
        # SitemapSpider compiles these in its __init__.
        self.sitemap_urls = [self.absolute(path) for path in self.sitemap_paths]
        self.sitemap_rules = [("", "parse_article")]
        super().__init__(**spider_kwargs)
        self.discover = self.args.discover

    async def start(self) -> AsyncIterator[Any]:
        for url in self.args.urls:
            yield scrapy.Request(url, self.parse_article, errback=self.on_error,
                                 meta={FORCE: True}, dont_filter=True)
        if self.args.urls:
            return
        if "sitemap" in self.discover:
            async for request in super().start():  # SitemapSpider's, for sitemap_urls
                yield request.replace(errback=self.on_error, meta={SITEMAP: True})
        if "feed" in self.discover:
            for path in self.feed_paths:
                yield scrapy.Request(self.absolute(path), self.parse_feed, errback=self.on_error)
        if "listing" in self.discover:
            for path in self.listing_paths:
                yield scrapy.Request(self.absolute(path), self.parse_listing,
                                     errback=self.on_error, cb_kwargs={"depth": 1})

    @classmethod
    def absolute(cls, path: str) -> str:
        return path if "://" in path else cls.origin + path

    def is_article_url(self, url: str) -> bool:
        return bool(self.article_path.match(urlsplit(url).path))

    def article_request(self, url: str) -> scrapy.Request:
        return scrapy.Request(url, self.parse_article, errback=self.on_error)

    # ---- discovery callbacks ----

    def parse_feed(self, response: Response) -> Iterable[scrapy.Request]:
        feed = feedparser.parse(response.body)
        if feed.bozo and not feed.entries:
            self.crawler.stats.inc_value("orthocrawl/discovery/bad_feed")
            self.logger.warning("unreadable feed %s: %s", response.url, feed.bozo_exception)
            return
        for entry in feed.entries:
            link = entry.get("link")
            if link:
                yield self.article_request(response.urljoin(link))

    def parse_listing(self, response: Response, depth: int) -> Iterable[scrapy.Request]:
        for href in response.css(self.listing_article_css).getall():
            url = response.urljoin(href.strip())
            if self.is_article_url(url):
                yield self.article_request(url)
        # After the page's articles: the incremental middleware drops this request when
        # the page held only known articles (an incremental walk stops there).
        next_page = response.css(self.listing_next_css).get()
        if next_page and depth < self.args.max_pages:
            yield response.follow(next_page.strip(), self.parse_listing, errback=self.on_error,
                                  cb_kwargs={"depth": depth + 1})

    def sitemap_filter(self, entries: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
        """A sitemap index's sitemaps go on to `sitemap_follow`; a urlset's entries are
        kept when their path is an article's, and announced with their <lastmod> (the
        incremental middleware decides which need a request)."""
        if getattr(entries, "type", None) == "sitemapindex":
            yield from entries
            return
        listed = [entry for entry in entries
                  if entry.get("loc") and self.is_article_url(entry["loc"])]
        self.crawler.signals.send_catch_log(
            sitemap_listed, entries=[(e["loc"], e.get("lastmod")) for e in listed])
        yield from listed

    # ---- the article ----

    async def parse_article(self, response: Response,
                            article: Article) -> AsyncIterator[Article]:
        # `article` is built by the page object that scrapy-poet picked for this URL.
        yield article

    def on_error(self, failure: Failure) -> None:
        """Count a request that failed for good (after retries) by its kind; never raise."""
        error = failure.value
        if isinstance(error, IgnoreRequest) and not isinstance(error, HttpError):
            return  # robots.txt forbids it, or the archive has it (304, gone): not a failure
        response = getattr(error, "response", None)
        kind = f"http_{response.status}" if response is not None else type(error).__name__
        self.crawler.stats.inc_value(f"orthocrawl/failed/{kind}")
        request = getattr(failure, "request", None)
        if request is not None and request.callback == self.parse_article:
            self.crawler.stats.inc_value("orthocrawl/article_failures")
        url = request.url if request is not None else "?"
        self.logger.warning("failed %s: %s", url, kind)
