"""Discovery shared by every publisher: sitemaps (through robots.txt), feeds, listings.

A spider finds article URLs and hands each response to the page object that
scrapy-poet picks for its domain; it extracts nothing itself. A publisher's
spider only sets where to start and which links are articles.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable
from typing import Any, ClassVar
from urllib.parse import urlsplit

import feedparser
import scrapy
from scrapy.http import Response
from scrapy.spiders import SitemapSpider
from twisted.python.failure import Failure

from orthocrawl.dates import utc_now
from orthocrawl.items import Article, RawPage

DISCOVERY_MODES = ("sitemap", "feed", "listing")


class PublisherSpider(SitemapSpider):
    """Base spider. Arguments (``-a`` on the scrapy command line, options in the CLI):

    discover: comma-separated discovery modes, from sitemap, feed, listing, or ``all``
        (default: sitemap).
    urls: comma-separated article URLs to fetch directly, instead of discovering.
    max_pages: how many pages of each listing to walk at most (default 50).
    """

    site_name: ClassVar[str] = ""
    origin: ClassVar[str] = ""  # e.g. https://www.orthospinenews.com
    # Start points: paths on the origin, or full URLs.
    sitemap_paths: ClassVar[tuple[str, ...]] = ("/robots.txt",)
    feed_paths: ClassVar[tuple[str, ...]] = ("/feed/",)
    listing_paths: ClassVar[tuple[str, ...]] = ("/",)
    # Links on a listing page that lead to articles, and to the next listing page.
    listing_article_css: ClassVar[str] = "h2.entry-title a::attr(href), h2.post-title a::attr(href)"
    listing_next_css: ClassVar[str] = "a.next::attr(href), a[rel=next]::attr(href)"
    # Sitemaps named in a sitemap index that hold articles.
    sitemap_follow: ClassVar[list[str]] = [r"post-sitemap"]
    # Which URLs found in feeds and listings are articles (matched against the path).
    article_path: ClassVar[re.Pattern[str]] = re.compile(r"^/\d{4}/\d{2}/\d{2}/[^/]+/?$")

    def __init__(self, discover: str = "sitemap", urls: str | Iterable[str] = "",
                 max_pages: int | str = 50, **kwargs: Any) -> None:
        # SitemapSpider compiles these in its __init__.
        self.sitemap_urls = [self.absolute(path) for path in self.sitemap_paths]
        self.sitemap_rules = [("", "parse_article")]
        super().__init__(**kwargs)
        modes = [m.strip() for m in discover.split(",") if m.strip()]
        if modes == ["all"]:
            modes = list(DISCOVERY_MODES)
        unknown = [m for m in modes if m not in DISCOVERY_MODES]
        if unknown:
            raise ValueError(f"unknown discovery mode {unknown[0]!r} "
                             f"(choose from {', '.join(DISCOVERY_MODES)}, all)")
        self.discover = modes
        self.article_urls = [u for u in (urls.split(",") if isinstance(urls, str) else urls) if u]
        self.max_pages = int(max_pages)

    async def start(self) -> AsyncIterator[Any]:
        for url in self.article_urls:
            yield self.article_request(url)
        if self.article_urls:
            return
        if "sitemap" in self.discover:
            for url in self.sitemap_urls:
                yield scrapy.Request(url, self._parse_sitemap, errback=self.on_error)
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

    def article_request(self, url: str) -> scrapy.Request:
        return scrapy.Request(url, self.parse_article, errback=self.on_error)

    def is_article_url(self, url: str) -> bool:
        return bool(self.article_path.match(urlsplit(url).path))

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
        next_page = response.css(self.listing_next_css).get()
        if next_page and depth < self.max_pages:
            yield response.follow(next_page.strip(), self.parse_listing, errback=self.on_error,
                                  cb_kwargs={"depth": depth + 1})

    def sitemap_filter(self, entries: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
        # Hook for incremental crawls (<lastmod> against the archive); passes all for now.
        yield from entries

    # ---- the article ----

    async def parse_article(self, response: Response, article: Article) -> AsyncIterator[Article]:
        # `article` is built by the page object that scrapy-poet picked for this URL.
        article.raw_page = RawPage(
            url=response.url,
            status=response.status,
            headers={k.decode("latin-1").lower(): b", ".join(v).decode("latin-1")
                     for k, v in response.headers.items()},
            body=response.body,
            fetched_at=utc_now(),
        )
        yield article

    def on_error(self, failure: Failure) -> None:
        """Count a request that failed for good (after retries) by its kind; never raise."""
        error = failure.value
        response = getattr(error, "response", None)
        kind = f"http_{response.status}" if response is not None else type(error).__name__
        self.crawler.stats.inc_value(f"orthocrawl/failed/{kind}")
        url = failure.request.url if hasattr(failure, "request") else "?"
        self.logger.warning("failed %s: %s", url, kind)
