"""The incremental policy inside Scrapy: one spider middleware and one downloader
middleware over a shared per-crawl state, built from_crawler from a narrow archive reader
(as scrapy-deltafetch does). Spiders only discover; they neither open the archive nor know
this component.

- Spider side: every request for an article page (callback ``parse_article``) that
  discovery yields is decided here (known.Revisits): skipped as seen, waiting, dropped or a
  repeat, or sent (conditionally, for a known article). Sitemap entries' <lastmod> arrive
  with the ``sitemap_listed`` signal. A listing walk stops at a page of known articles.
  Once the spider is idle, due and vanished articles are re-checked.
- Downloader side: a sitemap (or robots.txt) that fails in transport, with an error
  status or an unreadable body marks this run's sitemaps incomplete (then no article
  counts as vanished); a 304 for a known article is reported seen and confirmed, a 404 or
  410 gone, through orthocrawl's signals; neither reaches the spider.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import AsyncIterator, Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap

from orthocrawl import signals as oc_signals
from orthocrawl.incremental.known import Decision, KnownPages, Revisits
from orthocrawl.signals import FORCE, SITEMAP

logger = logging.getLogger(__name__)

# request.meta keys of this component (SITEMAP and FORCE are set by spiders)
KNOWN = "orthocrawl_known"  # the archive's key of the known article asked for
LASTMOD = "sitemap_lastmod"  # the <lastmod> the article was listed with


class KnownSource(Protocol):
    """What this component reads from the archive (and nothing else)."""

    def known(self, site: str) -> Iterable[dict[str, Any]]: ...

    def dropped(self, site: str) -> Iterable[dict[str, Any]]: ...


def archive_source(path: str) -> KnownSource | None:
    """The archive at path as a KnownSource, or None when there is no archive yet."""
    if not path or not Path(path).exists():
        return None
    from orthocrawl.archive import Archive

    return _ArchiveSource(Archive, path)


class _ArchiveSource:
    def __init__(self, opener: Any, path: str) -> None:
        self.opener, self.path = opener, path

    # Rows streamed, not listed: a large archive's rows are never all in memory at once.
    def known(self, site: str) -> Iterator[dict[str, Any]]:
        with self.opener(self.path) as archive:
            yield from archive.known(site)

    def dropped(self, site: str) -> Iterator[dict[str, Any]]:
        with self.opener(self.path) as archive:
            yield from archive.dropped(site)


class RunState:
    """One crawl's incremental state, shared by the two middlewares."""

    _of: weakref.WeakKeyDictionary[Crawler, RunState] = weakref.WeakKeyDictionary()

    @classmethod
    def of(cls, crawler: Crawler) -> RunState:
        if crawler not in cls._of:
            cls._of[crawler] = cls(crawler)
        return cls._of[crawler]

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.revisits: Revisits | None = None
        self.sitemaps_complete = True
        self.sitemaps_read = 0  # article sitemaps (urlsets) read whole this run
        self.idle_done = False
        self.fresh_on: weakref.WeakKeyDictionary[Response, int] = weakref.WeakKeyDictionary()
        crawler.signals.connect(self.on_listed, signal=oc_signals.sitemap_listed)
        crawler.signals.connect(self.on_idle, signal=signals.spider_idle)
        crawler.signals.connect(self.on_opened, signal=signals.spider_opened)

    def on_opened(self, spider: Spider) -> None:
        self.stats.set_value("orthocrawl/known_articles", len(self.policy().known.articles))

    @property
    def spider(self) -> Spider:
        assert self.crawler.spider is not None
        return self.crawler.spider

    def policy(self) -> Revisits:
        """The run's Revisits, read from the archive on first use."""
        if self.revisits is None:
            self.revisits = self._load()
        return self.revisits

    def _load(self) -> Revisits:
        settings = self.crawler.settings
        spider = self.spider
        args = getattr(spider, "args", None)
        site = getattr(spider, "site_name", "") or spider.name
        source = archive_source(settings.get("ORTHOCRAWL_DB", ""))
        known = KnownPages.from_rows(source.known(site), source.dropped(site)) if source \
            else KnownPages()
        days: float | None = settings.getfloat("ORTHOCRAWL_RECHECK_DAYS", 30)
        cap: int | None = settings.getint("ORTHOCRAWL_RECHECK_MAX", 500) or None
        full = bool(args and args.full)
        recheck = args.recheck if args else ""
        if recheck == "all" or full:
            days, cap = 0, None  # every known page, now
        elif args and args.recheck_days is not None:
            days, cap = args.recheck_days, None  # asked for: no cap
        return Revisits(known, due_days=days, cap=cap, full=full,
                        dropped_now=recheck == "dropped")

    # ---- signals ----

    def on_listed(self, entries: list[tuple[str, str | None]], **_: Any) -> None:
        self.sitemaps_read += 1
        policy = self.policy()
        for url, lastmod in entries:
            policy.listed(url, lastmod)
        self.stats.inc_value("orthocrawl/discovery/entries", len(entries))

    def sitemap_failed(self, url: str, why: str) -> None:
        if self.sitemaps_complete:
            logger.warning("sitemap %s could not be read (%s): no article counts as vanished "
                           "this run", url, why)
            self.stats.set_value("orthocrawl/discovery/sitemap_failure", f"{url}: {why}")
        self.sitemaps_complete = False
        self.stats.inc_value("orthocrawl/discovery/bad_sitemap")
        self.crawler.signals.send_catch_log(oc_signals.sitemap_failed, url=url)

    def on_idle(self, spider: Spider) -> None:
        """Once discovery is over: re-check the known articles that are due or vanished."""
        args = getattr(spider, "args", None)
        if spider is not self.crawler.spider or self.idle_done or (args and args.urls):
            return
        self.idle_done = True
        discover = args.discover if args else ()
        # Only sitemaps read whole, and at least one, tell which articles vanished.
        complete = "sitemap" in discover and self.sitemaps_complete and self.sitemaps_read > 0
        urls = self.policy().to_recheck(complete)
        for url in urls:
            self.crawler.engine.crawl(self.article_request(url, known=url))
        if urls:
            self.stats.set_value("orthocrawl/rechecked", len(urls))
            raise DontCloseSpider

    # ---- requests ----

    def article_request(self, url: str, known: str | None, request: Request | None = None,
                        lastmod: str | None = None) -> Request:
        """The request for an article page: for a known one, validators (none under
        `full`) and 304/404/410 handed to the downloader middleware."""
        spider = self.spider
        request = request or Request(url, callback=getattr(spider, "parse_article"),  # noqa: B009
                                     errback=getattr(spider, "on_error", None))
        meta: dict[str, Any] = {LASTMOD: lastmod}
        if request.errback is None:  # SitemapSpider's requests come without one
            request = request.replace(errback=getattr(spider, "on_error", None))
        if known is None:
            return request.replace(meta={**request.meta, **meta})
        headers = dict(request.headers.to_unicode_dict())
        headers.update(self.policy().validators(url))
        meta.update({KNOWN: known, "handle_httpstatus_list": [304, 404, 410]})
        return request.replace(headers=headers, meta={**request.meta, **meta})


class IncrementalSpiderMiddleware:
    """Decides each article request discovery yields (see the module's docstring)."""

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.get("ORTHOCRAWL_DB"):
            raise NotConfigured("no ORTHOCRAWL_DB")
        self.state = RunState.of(crawler)
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IncrementalSpiderMiddleware:
        return cls(crawler)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for item in start:
            out = self._one(item, None)
            if out is not None:
                yield out

    def process_spider_output(self, response: Response, result: Iterable[Any]
                              ) -> Iterable[Any]:
        count = 0
        for item in result:
            out = self._one(item, response)
            count += 1
            if out is not None:
                yield out
        self._after(response, count)

    async def process_spider_output_async(self, response: Response,
                                          result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        count = 0
        async for item in result:
            out = self._one(item, response)
            count += 1
            if out is not None:
                yield out
        self._after(response, count)

    def _one(self, item: Any, response: Response | None) -> Any:
        if not isinstance(item, Request):
            return item
        spider = self.state.spider
        from_sitemap = bool(response is not None and response.meta.get(SITEMAP))
        if item.callback == getattr(spider, "parse_article", None):
            return self._article(item, response, from_sitemap)
        if from_sitemap or item.meta.get(SITEMAP):
            return item.replace(meta={**item.meta, SITEMAP: True})  # a sitemap of an index
        if response is not None and item.callback == getattr(spider, "parse_listing", None) \
                and self._stop_listing(response):
            self.stats.inc_value("orthocrawl/discovery/listing_stopped_early")
            return None
        return item

    def _article(self, request: Request, response: Response | None,
                 from_sitemap: bool) -> Request | None:
        state, policy = self.state, self.state.policy()
        url = request.url
        if request.meta.get(FORCE):
            return request
        if not from_sitemap:
            self.stats.inc_value("orthocrawl/discovery/entries")
        decision = policy.decide(url, from_sitemap)
        known = policy.archive_url(url)
        if response is not None and known is None and decision is not Decision.REPEAT:
            state.fresh_on[response] = state.fresh_on.get(response, 0) + 1
        if decision is Decision.FETCH:
            self.stats.inc_value("orthocrawl/article_requests")
            return state.article_request(url, None, request, policy.lastmod(url))
        if decision is Decision.REVISIT:
            self.stats.inc_value("orthocrawl/article_requests")
            return state.article_request(url, known, request, policy.lastmod(url))
        if decision is Decision.SEEN:
            self.stats.inc_value("orthocrawl/skipped_known")
            self.state.crawler.signals.send_catch_log(
                oc_signals.article_seen, url=known, checked=False, sitemap_lastmod=None)
        elif decision is Decision.WAIT:
            self.stats.inc_value("orthocrawl/skipped_known")
        elif decision is Decision.DROPPED:
            self.stats.inc_value("orthocrawl/skipped_dropped")
        return None

    def _stop_listing(self, response: Response) -> bool:
        """An incremental listing walk stops at the first page that holds only known
        articles (not under `full`, not on a first crawl)."""
        policy = self.state.policy()
        return not self.state.fresh_on.get(response) and bool(policy.known) and not policy.full

    def _after(self, response: Response, count: int) -> None:
        """A sitemap response that gave nothing: a robots.txt without Sitemap lines, or a
        body that is not a sitemap, leaves this run's sitemaps incomplete."""
        if count or not response.meta.get(SITEMAP):
            return
        if response.url.endswith("/robots.txt"):
            self.state.sitemap_failed(response.url, "robots.txt lists no sitemap")
        elif not _is_sitemap(response.body):
            self.state.sitemap_failed(response.url, "not a sitemap")


def _is_sitemap(body: bytes) -> bool:
    try:
        if gzip_magic_number_bytes(body):
            body = gunzip(body)
        return Sitemap(body).type in ("urlset", "sitemapindex")
    except Exception:
        return False


def gzip_magic_number_bytes(body: bytes) -> bool:
    return body[:3] == b"\x1f\x8b\x08"


class IncrementalDownloaderMiddleware:
    """Sits after RetryMiddleware on the way back (priority below 550): it sees a request's
    final outcome, after retries."""

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.get("ORTHOCRAWL_DB"):
            raise NotConfigured("no ORTHOCRAWL_DB")
        self.state = RunState.of(crawler)
        self.signals = crawler.signals

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IncrementalDownloaderMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if request.meta.get(SITEMAP) and response.status != 200:
            self.state.sitemap_failed(request.url, f"HTTP {response.status}")
            return response
        known = request.meta.get(KNOWN)
        if known is None:
            return response
        if response.status == 304:
            self.signals.send_catch_log(oc_signals.article_seen, url=known, checked=True,
                                        sitemap_lastmod=request.meta.get(LASTMOD))
            raise IgnoreRequest("not modified")
        if response.status in (404, 410):
            self.signals.send_catch_log(oc_signals.article_gone, url=known)
            raise IgnoreRequest(f"gone ({response.status})")
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        if request.meta.get(SITEMAP):  # also a sitemap robots.txt forbids (IgnoreRequest)
            self.state.sitemap_failed(request.url, type(exception).__name__)
