"""Scrapy extensions: record each run in the archive, run the watchlists at its end, and show
progress on long crawls."""

from __future__ import annotations

import logging
import os
import statistics
import sys
import time
from dataclasses import dataclass
from typing import Any, Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet import task

from orthocrawl import lock
from orthocrawl.archive import Archive, ArchiveError
from orthocrawl.errors import UserError

logger = logging.getLogger(__name__)

FIELD_NAMES = ("title", "author", "date", "body")
# A run in which more than this share of a site's article pages got their body from the
# generic fallback (on FALLBACK_MIN_PAGES pages or more) fails, whatever the site's history:
# its page object no longer fits the site (the fallback keeps the field shares up, so they
# alone would not say so).
MAX_FALLBACK_SHARE = 0.2
FALLBACK_MIN_PAGES = 5
COMPLETED_REASONS = ("finished", "closespider_itemcount", "closespider_pagecount",
                     "closespider_timeout")


def run_figures(stats: dict[str, Any]) -> dict[str, Any]:
    """The figures a crawl_runs row holds, read from Scrapy's stats."""
    prefix = "orthocrawl/dropped/"
    drops = {k[len(prefix):]: v for k, v in stats.items() if k.startswith(prefix)}
    http_errors = {
        k.rsplit("/", 1)[1]: v for k, v in stats.items()
        if k.startswith("downloader/response_status_count/") and int(k.rsplit("/", 1)[1]) >= 400
    }
    for key, value in stats.items():
        if key.startswith("downloader/exception_type_count/"):
            http_errors[key.rsplit(".", 1)[-1]] = value
    failed = "orthocrawl/failed/"
    fields = "orthocrawl/fields/"
    pages = stats.get(fields + "pages", 0)
    shares = {k[len(fields):]: round(v / pages, 4) for k, v in stats.items()
              if k.startswith(fields) and k != fields + "pages"} if pages else {}
    if pages:
        shares = {name: shares.get(name, 0.0) for name in (*FIELD_NAMES, "fallback")} | {
            "pages": pages}
    return {
        "requests": stats.get("downloader/request_count", 0),
        "failures": {k[len(failed):]: v for k, v in stats.items() if k.startswith(failed)},
        "field_shares": shares,
        "articles_gone": stats.get("orthocrawl/articles_gone", 0),
        "responses": stats.get("downloader/response_count", 0),
        "articles_new": stats.get("orthocrawl/articles_new", 0),
        "articles_changed": stats.get("orthocrawl/articles_changed", 0),
        "articles_unchanged": stats.get("orthocrawl/articles_unchanged", 0),
        "articles_dropped": stats.get("orthocrawl/dropped", 0),
        "drop_reasons": drops,
        "http_errors": http_errors,
        "errors": stats.get("log_count/ERROR", 0),
    }


# Why a site could not be reached, by the exception Scrapy's downloader counted.
UNREACHABLE = {
    "DownloadConnectionRefusedError": "connection refused",
    "CannotResolveHostError": "DNS lookup failed",
    "DownloadTimeoutError": "timed out",
    "DownloadFailedError": "the connection failed (TLS error or connection lost)",
    "ResponseDataLossError": "the connection was cut",
    "ConnectionRefusedError": "connection refused",
    "DNSLookupError": "DNS lookup failed",
    "TimeoutError": "timed out",
    "TCPTimedOutError": "timed out",
    "NoRouteError": "no route to host",
    "ConnectError": "cannot connect",
    "ConnectionLost": "the connection was lost",
    "ResponseNeverReceived": "no response (connection lost or TLS error)",
    "SSLError": "TLS error",
}


@dataclass
class Evidence:
    """What discovery and the downloader saw, beyond the run row's figures: how many
    article entries discovery found (sitemap, feed, listing; None: not counted), and why
    the site could not be reached at all (None: it answered)."""

    entries: int | None = None
    unreachable: str | None = None
    known: int | None = None  # the site's articles in the archive before the run
    archive_error: str | None = None
    sitemap_failure: str | None = None  # the first sitemap that could not be read, and why
    article_failures: int = 0  # article pages that failed for good (after retries)

    @classmethod
    def from_stats(cls, stats: dict[str, Any], host: str) -> Evidence:
        unreachable = None
        if not stats.get("downloader/response_count", 0):
            prefix = "downloader/exception_type_count/"
            kinds = sorted((v, k[len(prefix):].rsplit(".", 1)[-1]) for k, v in stats.items()
                           if k.startswith(prefix))
            if kinds:
                name = kinds[-1][1]
                unreachable = f"cannot reach {host}: {UNREACHABLE.get(name, name)}"
        return cls(entries=stats.get("orthocrawl/discovery/entries", 0),
                   unreachable=unreachable, known=stats.get("orthocrawl/known_articles"),
                   archive_error=stats.get("orthocrawl/archive_error"),
                   sitemap_failure=stats.get("orthocrawl/discovery/sitemap_failure"),
                   article_failures=stats.get("orthocrawl/article_failures", 0))


def judge(reason: str, figures: dict[str, Any], recent: list[dict[str, float]],
          min_pages: int = 10, max_drop: float = 0.25,
          evidence: Evidence | None = None, site: str = "") -> tuple[str, str]:
    """A run's outcome: ("ok" | "failed", why).

    A run that found the site's sitemaps, feed or listing and saw only known articles is
    ok; "no articles" fails only when discovery found nothing at all. recent: the field
    shares of the site's last successful runs; a share that falls more than max_drop below
    their median (on at least min_pages article pages) is the sign of a publisher's layout
    change breaking extraction.
    """
    evidence = evidence or Evidence()
    if evidence.unreachable:
        return "failed", evidence.unreachable
    if evidence.archive_error:
        return "failed", evidence.archive_error
    if reason not in COMPLETED_REASONS:
        return "failed", f"crawl stopped early ({reason})"
    seen = figures["articles_new"] + figures["articles_changed"] + figures["articles_unchanged"]
    if seen == 0 and evidence.entries == 0:
        if evidence.sitemap_failure:
            return "failed", f"discovery found no articles: cannot read sitemap " \
                             f"{evidence.sitemap_failure}"
        return "failed", "discovery found no articles (no sitemap, feed or listing entries)"
    if seen == 0 and not figures.get("articles_dropped") and evidence.article_failures:
        return "failed", f"no article page could be fetched ({evidence.article_failures} " \
                         "failed)"
    if seen == 0 and evidence.known == 0:
        return "failed", "the site returned no articles (every page found was dropped)"
    shares = figures.get("field_shares") or {}
    fell_back = shares.get("fallback", 0.0)
    if shares.get("pages", 0) >= FALLBACK_MIN_PAGES and fell_back > MAX_FALLBACK_SHARE:
        return "failed", (f"{site or 'the site'}: layout changed: {fell_back:.0%} of article "
                          "pages had no body where its page object looks (taken from the "
                          "generic extractor instead)")
    if recent and shares.get("pages", 0) >= min_pages:
        for name in FIELD_NAMES:
            usual = statistics.median(r.get(name, 0.0) for r in recent)
            if shares.get(name, 0.0) < usual - max_drop:
                return "failed", (f"{name} found on {shares.get(name, 0.0):.0%} of article "
                                  f"pages against {usual:.0%} in recent runs: has the site's "
                                  "layout changed?")
    if seen == 0:
        return "ok", "nothing new"
    return "ok", reason


class _ArchiveExtension:
    """An extension of runs that write an archive: not configured without ORTHOCRAWL_DB;
    hears the spider open and close."""

    def __init__(self, crawler: Crawler) -> None:
        raise NotImplementedError

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.get("ORTHOCRAWL_DB"):
            raise NotConfigured("no ORTHOCRAWL_DB")
        extension: Any = cls(crawler)  # each subclass has its spider_opened and _closed
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension


class RunRecorder(_ArchiveExtension):
    """One row in crawl_runs per crawl, opened at start and completed at the end."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.path = crawler.settings.get("ORTHOCRAWL_DB")
        self.run_id: int | None = None
        self.started = time.monotonic()
        self.recent: list[dict[str, float]] = []

    def spider_opened(self, spider: Spider) -> None:
        if not lock.held_here(self.path, spider.name):
            return  # another run is writing this site (see StorePipeline): no row
        with Archive(self.path) as archive:
            self.run_id = archive.start_run([spider.name])
            archive.finish_run(self.run_id, finished_at=None, pid=os.getpid())
            self.recent = archive.recent_field_shares(spider.name)
        self.crawler.stats.set_value("orthocrawl/run_id", self.run_id)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        stats = self.crawler.stats
        figures = run_figures(stats.get_stats())
        settings = self.crawler.settings
        host = (getattr(spider, "allowed_domains", None) or [spider.name])[0]
        status, why = judge(reason, figures, self.recent,
                            settings.getint("ORTHOCRAWL_SHARE_MIN_PAGES", 10),
                            settings.getfloat("ORTHOCRAWL_SHARE_DROP", 0.25),
                            Evidence.from_stats(stats.get_stats(), host), site=spider.name)
        stats.set_value("orthocrawl/run_status", status)
        stats.set_value("orthocrawl/run_reason", why)
        if self.run_id is None:
            return
        try:
            with Archive(self.path) as archive:
                archive.finish_run(self.run_id, status=status, finish_reason=why,
                                   elapsed_seconds=round(time.monotonic() - self.started, 3),
                                   **figures)
        except ArchiveError as error:  # the next run marks this one interrupted
            logger.error("cannot record the run: %s", error)


class WatchRunner(_ArchiveExtension):
    """At the end of every run (`orthocrawl crawl`, `scrapy crawl`, scrapyd alike: it runs in
    the Scrapy process, after the store pipeline's last write), each watch's new matches are
    recorded, fed and notified (orthocrawl.watchlists); the stats keep them for the summary
    (`orthocrawl/watches`)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        settings = crawler.settings
        self.path = settings.get("ORTHOCRAWL_DB")
        self.feeds = settings.get("ORTHOCRAWL_WATCH_FEEDS") or None
        self.notify = settings.get("ORTHOCRAWL_WATCH_NOTIFY") or None
        self.wrote = False

    def spider_opened(self, spider: Spider) -> None:
        self.wrote = lock.held_here(self.path, spider.name)  # else another run is writing

    def spider_closed(self, spider: Spider) -> None:
        from orthocrawl.watchlists import check_feeds_dir, run_watches, summary_lines

        stats = self.crawler.stats
        if not self.wrote or stats.get_value("orthocrawl/archive_error"):
            return
        try:
            feeds = check_feeds_dir(self.feeds) if self.feeds else None
            with Archive(self.path) as archive:
                results = run_watches(archive, run_id=stats.get_value("orthocrawl/run_id"),
                                      feeds=feeds, notify=self.notify)
        except UserError as error:
            logger.error("cannot run the watchlists: %s", error)
            stats.set_value("orthocrawl/watches_error", str(error))
            return
        report = [result.as_stat() for result in results]
        stats.set_value("orthocrawl/watches", report)
        for line in summary_lines(report):
            logger.info(line.strip())
        for result in results:
            for problem in result.problems:
                logger.error("watch %s: %s", result.name, problem)


class Progress:
    """A line on stderr every few seconds: requests, articles stored, pages per second."""

    def __init__(self, crawler: Crawler, interval: float) -> None:
        self.crawler = crawler
        self.interval = interval
        self.loop: task.LoopingCall | None = None
        self.started = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Progress:
        interval = crawler.settings.getfloat("ORTHOCRAWL_PROGRESS_INTERVAL", 0)
        if interval <= 0:
            raise NotConfigured("progress off")
        progress = cls(crawler, interval)
        crawler.signals.connect(progress.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(progress.spider_closed, signal=signals.spider_closed)
        return progress

    def spider_opened(self, spider: Spider) -> None:
        self.started = time.monotonic()
        self.loop = task.LoopingCall(self.report, spider)
        self.loop.start(self.interval, now=False)

    def report(self, spider: Spider) -> None:
        stats = self.crawler.stats
        pages = stats.get_value("response_received_count", 0)
        stored = sum(stats.get_value(f"orthocrawl/articles_{k}", 0)
                     for k in ("new", "changed", "unchanged"))
        rate = pages / max(time.monotonic() - self.started, 1e-9)
        print(f"{spider.name}: {pages:,} pages fetched, {stored:,} articles stored, "
              f"{rate:,.0f} pages/s", file=sys.stderr, flush=True)

    def spider_closed(self, spider: Spider) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
