"""Item pipelines, one concern each: clean -> validate -> de-duplicate -> store.

Every dropped item is counted in the crawl stats under
``orthocrawl/dropped/<reason>`` and ends up in the run's row in the archive.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider, DropItem
from scrapy.http import Response
from scrapy.utils.defer import deferred_from_coro

from orthocrawl import lock
from orthocrawl import signals as oc_signals
from orthocrawl.archive import Archive, ArchiveError
from orthocrawl.cleaning import clean, drop_reason
from orthocrawl.dates import utc_now
from orthocrawl.derived import Derivations
from orthocrawl.items import STORED_FIELDS, Article, RawPage
from orthocrawl.urls import canonical_url

logger = logging.getLogger(__name__)


class _CountingPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler)

    def drop(self, reason: str, article: Article) -> ArticleDropped:
        self.stats.inc_value(f"orthocrawl/dropped/{reason}")
        self.stats.inc_value("orthocrawl/dropped")
        return ArticleDropped(reason, article.url)


class ArticleDropped(DropItem):
    """A page that is not archived, and why (``orthocrawl/dropped/<reason>`` in the stats)."""

    def __init__(self, reason: str, url: str) -> None:
        super().__init__(f"{reason}: {url}")
        self.reason = reason


class CleanPipeline(_CountingPipeline):
    def process_item(self, article: Any) -> Any:
        return clean(article)


class FieldSharesPipeline(_CountingPipeline):
    """Count, per extracted article page, which key fields it has: a layout change that
    breaks extraction shows as a share that falls against the site's recent runs."""

    def process_item(self, article: Any) -> Any:
        if article.page_type != "article":
            return article
        self.stats.inc_value("orthocrawl/fields/pages")
        for name, present in (("title", bool(article.title)), ("author", bool(article.authors)),
                              ("date", bool(article.published_at)),
                              ("body", article.word_count >= 50),
                              ("fallback", article.body_source == "fallback")):
            if present:
                self.stats.inc_value(f"orthocrawl/fields/{name}")
        return article


class ValidatePipeline(_CountingPipeline):
    """Keep articles only: a page of another kind, or one without title or text, is dropped."""

    min_words = 10

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.min_words = crawler.settings.getint("ORTHOCRAWL_MIN_WORDS", self.min_words)

    def process_item(self, article: Any) -> Any:
        reason = drop_reason(article, self.min_words)
        if reason:
            raise self.drop(reason, article)
        return article


class DeduplicatePipeline(_CountingPipeline):
    """One article per canonical URL in a run, however many URL variants led to it."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.seen: set[str] = set()

    def process_item(self, article: Any) -> Any:
        if article.url in self.seen:
            raise self.drop("duplicate", article)
        self.seen.add(article.url)
        return article


class StorePipeline(_CountingPipeline):
    """Write articles and their raw pages to the archive, in batched transactions; and what
    the incremental middlewares report (orthocrawl.signals: articles seen unchanged,
    confirmed, gone) and the pages dropped (remembered, so later runs skip them)."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        settings = crawler.settings
        self.path = settings.get("ORTHOCRAWL_DB")
        self.batch_size = settings.getint("ORTHOCRAWL_BATCH_SIZE", 200)
        self.batch_seconds = settings.getfloat("ORTHOCRAWL_BATCH_SECONDS", 2.0)
        self.buffer: list[tuple[dict[str, Any], RawPage | None]] = []
        self.seen: list[str] = []
        # of those, the ones the site answered 304 for, with the <lastmod> asked with
        self.checked: list[tuple[str, str | None]] = []
        self.gone: list[str] = []
        self.dropped: list[dict[str, Any]] = []
        self.accounted: set[str] = set()
        self.last_flush = time.monotonic()
        self.archive: Archive | None = None
        self.derive = Derivations()  # entities of each new or changed article
        self.wait = settings.getbool("ORTHOCRAWL_LOCK_WAIT", False)
        self.locked = False
        crawler.signals.connect(self.on_seen, signal=oc_signals.article_seen)
        crawler.signals.connect(self.on_gone, signal=oc_signals.article_gone)
        crawler.signals.connect(self.on_dropped, signal=signals.item_dropped)

    def open_spider(self) -> None:
        # Under `orthocrawl crawl` and `scrapy crawl` (orthocrawl's crawl command) the
        # command holds the site's lock already; a crawl started some other way (a
        # script's CrawlerProcess) takes it here, before its first write.
        self.site = self.crawler.spider.name if self.crawler.spider else ""
        try:
            self.locked = lock.acquire(self.path, self.site, self.wait,
                                       "set ORTHOCRAWL_LOCK_WAIT=True")
        except lock.ArchiveBusyError as error:
            logger.error("%s: this run stores nothing", error)
            raise CloseSpider("archive_busy") from None
        self.archive = Archive(self.path)
        self.derive.start(self.archive)
        if self.crawler.settings.getbool("ORTHOCRAWL_DERIVE_WORKER", True):
            self.derive.start_worker()
        if self.locked:
            self.archive.close_stale_runs(lambda names: all(
                lock.held_here(self.path, name) or lock.is_free(self.path, name)
                for name in names))

    # ---- what the incremental middlewares and the other pipelines report ----

    def on_seen(self, url: str, checked: bool, sitemap_lastmod: str | None) -> None:
        if url not in self.accounted:  # counted once per run however often it is seen
            self.accounted.add(url)
            self.seen.append(url)
        if checked:
            self.checked.append((url, sitemap_lastmod))
        self._maybe_flush()

    def on_gone(self, url: str) -> None:
        self.gone.append(url)

    def on_dropped(self, item: Any, response: Response | None, exception: Exception,
                   spider: Spider) -> None:
        """Remember a page that was fetched and not archived, under the URL it was asked
        for (the one discovery lists), so that later runs skip it until it changes."""
        if not isinstance(exception, ArticleDropped) or response is None:
            return
        asked = (response.meta.get("redirect_urls") or [response.url])[0]
        self.dropped.append({"url": canonical_url(asked), "site": getattr(spider, "site_name",
                             "") or spider.name, "reason": exception.reason,
                             "lastmod": response.meta.get("sitemap_lastmod")})

    # ---- articles ----

    def process_item(self, article: Any) -> Any:
        if self.archive is None:  # the archive failed (see flush): the crawl is closing
            return article
        self.accounted.add(article.url)
        self._stamp(article)
        record = {name: getattr(article, name) for name in STORED_FIELDS}
        self.buffer.append((record, article.raw_page))
        article.raw_page = None  # the buffer holds it; free the item
        self.derive.prepare(record)  # its entities and story signature, while it waits
        self._maybe_flush()
        return article

    def _stamp(self, article: Article) -> None:
        """first_seen, last_seen and last_changed as the archive will hold them, so that a
        feed export (`scrapy crawl -O`) carries them too."""
        assert self.archive is not None
        now = utc_now()
        known = self.archive.stamps(article.url)
        if known is None:
            article.first_seen = article.last_changed = now
        else:
            content_hash, article.first_seen, last_changed = known
            article.last_changed = last_changed if content_hash == article.content_hash \
                else now
        article.last_seen = now

    def _maybe_flush(self) -> None:
        if (len(self.buffer) + len(self.seen) >= self.batch_size
                or time.monotonic() - self.last_flush >= self.batch_seconds):
            self.flush()

    def flush(self) -> None:
        if self.archive is None:
            return
        try:
            self._write()
        except ArchiveError as error:
            # The archive cannot take writes (disk full, file gone read-only...): say so
            # in one line and stop the crawl; every batch already committed stays.
            logger.error("%s: stopping the crawl (%d articles not stored)", error,
                         len(self.buffer))
            self.stats.inc_value("orthocrawl/failed/archive_write")
            self.stats.set_value("orthocrawl/archive_error", f"{error}: the crawl stopped; "
                                 f"{len(self.buffer)} articles not stored, the rest kept")
            self.buffer.clear()
            self.archive.close()
            self.archive = None
            engine = self.crawler.engine
            deferred_from_coro(engine.close_spider_async(reason="archive_error"))

    def _write(self) -> None:
        assert self.archive is not None
        if self.buffer:
            try:
                for outcome in self.archive.store(self.buffer, derive=self.derive):
                    self.stats.inc_value(f"orthocrawl/articles_{outcome}")
            finally:
                self.derive.settle()
            self.buffer.clear()
            self._compact()  # trained as soon as the site has enough pages: few to redo
        if self.seen:
            touched = self.archive.touch(self.seen)
            self.stats.inc_value("orthocrawl/articles_unchanged", touched)
            self.seen.clear()
        if self.checked:
            self.archive.confirm(self.checked)
            self.checked.clear()
        if self.gone:
            self.stats.inc_value("orthocrawl/articles_gone", self.archive.mark_gone(self.gone))
            self.gone.clear()
        if self.dropped:
            self.archive.remember_dropped(self.dropped)
            self.dropped.clear()
        self.last_flush = time.monotonic()

    def close_spider(self) -> None:
        try:
            self.flush()
        finally:
            self.derive.stop_worker()
        if self.archive is not None:
            self._compact()
            self.archive.close()
        if self.locked:
            lock.release(self.path, self.site)

    def _compact(self) -> None:
        """Once the site has enough raw pages: its compression dictionary trained and its
        pages recompressed (archive/bodies.py), under the run's own lock of the site. Tried
        after each batch (the pages stored before are few then) and when the run closes
        (an archive that has its pages already: a migrated one); once the site has its
        dictionary this costs nothing."""
        assert self.archive is not None
        spider = self.crawler.spider
        site = (getattr(spider, "site_name", "") or getattr(spider, "name", "")) if spider \
            else ""
        if not site or not (self.locked or lock.held_here(self.path, self.site)):
            return
        try:
            done = self.archive.compact(site)
        except ArchiveError as error:
            logger.error("%s: the raw pages stay compressed as they were", error)
            return
        if done.trained:
            logger.info("trained %s's compression dictionary; %d raw pages recompressed",
                        site, done.recompressed)
            self.stats.set_value("orthocrawl/pages_recompressed", done.recompressed)
