"""Discovery shared by every publisher: sitemaps (through robots.txt), feeds, listings.

A spider finds article URLs and hands each response to the page object that
scrapy-poet picks for its domain; it extracts nothing itself. A publisher's
spider only sets where to start and which links are articles.
"""

# No `from __future__ import annotations` here: scrapy-poet reads parse_article's
# annotations on every request, and string annotations would be re-evaluated each time.

import re
from collections.abc import AsyncIterator, Iterable
from typing import Any, ClassVar
from urllib.parse import urlsplit

import feedparser
import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response
from scrapy.spiders import SitemapSpider
from twisted.python.failure import Failure

from orthocrawl.dates import to_utc_iso, utc_now
from orthocrawl.items import Article, Gone, RawPage, SeenUnchanged
from orthocrawl.spiders.incremental import KnownArticles
from orthocrawl.urls import variant_key

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
                 max_pages: int | str = 50, full: bool | str = False,
                 recheck: str = "", **kwargs: Any) -> None:
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
        # Incremental by default. `full` fetches every article again without validators:
        # a theme change alters the HTML but not a post's Last-Modified, which many
        # WordPress caches derive from the post. `recheck` = "all" or a number of days
        # re-checks known articles with conditional requests.
        self.full = str(full).lower() in ("1", "true", "yes")
        self.recheck = recheck
        self.known = KnownArticles()
        self.sitemaps_complete = True
        self.idle_done = False
        self.listed_unchanged: list[str] = []

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> "PublisherSpider":
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        return spider

    def _load_known(self) -> None:
        settings = self.crawler.settings
        days: float | None = settings.getfloat("ORTHOCRAWL_RECHECK_DAYS", 30)
        limit: int | None = settings.getint("ORTHOCRAWL_RECHECK_MAX", 500) or None
        if self.recheck == "all" or self.full:
            days, limit = 0, None  # every known article, now
        elif self.recheck:
            days, limit = float(self.recheck), None  # asked for: no cap
        self.known = KnownArticles.load(settings.get("ORTHOCRAWL_DB"), self.site_name or
                                        self.name, days, limit)

    async def start(self) -> AsyncIterator[Any]:
        self._load_known()
        for url in self.article_urls:
            yield self.article_request(url, force=True)
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

    def article_request(self, url: str, force: bool = False) -> scrapy.Request | None:
        """The request for an article, or None when the archive already has it (a known
        article found by feed or listing waits for its re-check, made once discovery ends)."""
        key = variant_key(url)
        known = self.known.get(url)
        if not force and key in self.known.requested:
            return None  # another link to an article already asked for (a URL variant)
        if known and not force and not self.full:
            self.crawler.stats.inc_value("orthocrawl/skipped_known")
            return None
        self.known.requested.add(key)
        return scrapy.Request(url, self.parse_article, errback=self.on_error,
                              **self.revisit(url) if known else {})

    def revisit(self, url: str) -> dict[str, Any]:
        """Request arguments for a known article: validators (304 when unchanged, except
        under `full`), and 404/410 handed to parse_article to mark it gone."""
        return {"headers": {} if self.full else self.known.conditional_headers(url),
                "meta": {"handle_httpstatus_list": [304, 404, 410],
                         "sitemap_lastmod": self.known.lastmod(url)}}

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
            request = self.article_request(response.urljoin(link)) if link else None
            if request is not None:
                yield request

    def parse_listing(self, response: Response, depth: int) -> Iterable[scrapy.Request]:
        fresh = 0
        for href in response.css(self.listing_article_css).getall():
            url = response.urljoin(href.strip())
            if self.is_article_url(url):
                fresh += self.known.get(url) is None
                request = self.article_request(url)
                if request is not None:
                    yield request
        # An incremental walk stops at the first page that holds only known articles.
        if not fresh and self.known.articles and not self.full:
            self.crawler.stats.inc_value("orthocrawl/discovery/listing_stopped_early")
            return
        next_page = response.css(self.listing_next_css).get()
        if next_page and depth < self.max_pages:
            yield response.follow(next_page.strip(), self.parse_listing, errback=self.on_error,
                                  cb_kwargs={"depth": depth + 1})

    def sitemap_filter(self, entries: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
        """Sitemap entries worth a request: unknown, or newer than what the archive holds."""
        for entry in entries:
            loc = entry.get("loc")
            if not loc or "sitemap" in loc.rsplit("/", 1)[-1]:
                yield entry  # a sitemap of a sitemap index: always followed
                continue
            key = variant_key(loc)
            self.known.in_sitemaps.add(key)
            raw = entry.get("lastmod")
            stamp = (to_utc_iso(raw) or "") if raw else None  # "": given, but not a date
            self.known.listed_lastmod[key] = stamp or None
            if self.full or not self.known.unchanged_since(key, stamp):
                if key not in self.known.requested:
                    self.known.requested.add(key)
                    yield entry
            else:
                self.crawler.stats.inc_value("orthocrawl/skipped_known")
                self.listed_unchanged.append(loc)

    def _parse_sitemap(self, response: Response) -> Iterable[Any]:
        for item in super()._parse_sitemap(response):
            if isinstance(item, scrapy.Request) and item.callback == self.parse_article:
                # Known articles are asked for conditionally (304 when unchanged).
                known = self.known.get(item.url) is not None
                item = item.replace(errback=self.on_error, **self.revisit(item.url) if known
                                    else {"meta": {"sitemap_lastmod":
                                                   self.known.lastmod(item.url)}})
            yield item
        # Known articles the sitemap lists unchanged: seen today, no request needed.
        while self.listed_unchanged:
            yield SeenUnchanged(self.listed_unchanged.pop())

    def _get_sitemap_body(self, response: Response) -> bytes | None:
        body = super()._get_sitemap_body(response)
        if body is None and not response.url.endswith("/robots.txt"):
            self.sitemaps_complete = False  # gone articles cannot be told from a broken sitemap
            self.crawler.stats.inc_value("orthocrawl/discovery/bad_sitemap")
        return body

    def on_idle(self, spider: scrapy.Spider) -> None:
        """Once discovery is over: re-check the known articles that are due or vanished."""
        if spider is not self or self.idle_done or self.article_urls:
            return
        self.idle_done = True
        complete = "sitemap" in self.discover and self.sitemaps_complete
        urls = self.known.to_recheck(complete)
        for url in urls:
            self.known.requested.add(variant_key(url))
            request = scrapy.Request(url, self.parse_article, errback=self.on_error,
                                     **self.revisit(url))
            self.crawler.engine.crawl(request)
        if urls:
            self.crawler.stats.set_value("orthocrawl/rechecked", len(urls))
            raise DontCloseSpider

    # ---- the article ----

    async def parse_article(self, response: Response,
                            article: Article) -> AsyncIterator[Article | SeenUnchanged | Gone]:
        # `article` is built by the page object that scrapy-poet picked for this URL.
        lastmod = response.meta.get("sitemap_lastmod")
        if response.status == 304:
            yield SeenUnchanged(response.url, checked=True, sitemap_lastmod=lastmod)
            return
        if response.status in (404, 410):
            yield Gone(response.url)
            return
        article.raw_page = RawPage(
            url=response.url,
            status=response.status,
            headers={k.decode("latin-1").lower(): b", ".join(v).decode("latin-1")
                     for k, v in response.headers.items()},
            body=response.body,
            fetched_at=utc_now(),
            sitemap_lastmod=lastmod,
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
