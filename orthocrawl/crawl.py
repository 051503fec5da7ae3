"""Run crawls in this process: settings assembled and checked, the archive held, spiders run,
run outcomes returned. Used by `orthocrawl crawl`, `orthocrawl demo`, `sites check` and
orthocrawl's `scrapy crawl` command alike."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings

from orthocrawl.archive import Archive
from orthocrawl.config import from_environment, validate_scrapy_settings
from orthocrawl.lock import archive_lock
from orthocrawl.sites import spider_for
from orthocrawl.urls import is_loopback

# For a local replica or mirror: no politeness delay, full concurrency.
MIRROR_OVERRIDES: dict[str, Any] = {
    "DOWNLOAD_DELAY": 0,
    "DOWNLOAD_DELAY_JITTER": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS": 32,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 32,
}

@dataclass
class RunOutcome:
    site: str
    status: str  # "ok" | "failed"
    reason: str
    stats: dict[str, Any]

    @property
    def figure(self) -> dict[str, int]:
        return {k: self.stats.get(f"orthocrawl/articles_{k}", 0)
                for k in ("new", "changed", "unchanged", "gone")}

    @classmethod
    def of(cls, crawler: Crawler) -> RunOutcome:
        stats = crawler.stats.get_stats() if crawler.stats else {}
        return cls(site=crawler.spidercls.name,
                   status=stats.get("orthocrawl/run_status", "failed"),
                   reason=stats.get("orthocrawl/run_reason", "the crawl did not run"),
                   stats=stats)


def project_settings(db: str | os.PathLike[str] | None = None, *, log_level: str = "WARNING",
                     log_file: str | None = None, progress: float = 0,
                     extra: dict[str, Any] | None = None) -> Settings:
    """orthocrawl's Scrapy settings for a crawl, checked (SettingError: one line).

    The environment's ORTHOCRAWL_* variables (ORTHOCRAWL_DB, ORTHOCRAWL_CONTACT) count as
    project settings; `extra` (the user's -s) as the command line's. Scrapy's log goes to
    log_file, else to stderr at log_level ("" for no log at all)."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "orthocrawl.settings")
    settings = get_project_settings()
    settings.setdict(from_environment(), priority="project")
    for key, value in (extra or {}).items():
        settings.set(key, value, priority="cmdline")
    if db is not None:
        settings.set("ORTHOCRAWL_DB", str(Path(db)), priority="cmdline")
    settings.set("LOG_ENABLED", bool(log_level or log_file), priority="cmdline")
    settings.set("LOG_LEVEL", log_level or "INFO", priority="cmdline")
    if log_file:
        settings.set("LOG_FILE", log_file, priority="cmdline")
        settings.set("LOG_FILE_APPEND", True, priority="cmdline")
    settings.set("ORTHOCRAWL_PROGRESS_INTERVAL", progress, priority="cmdline")
    validate_scrapy_settings(settings)
    return settings


@contextmanager
def holding_archive(db: str | os.PathLike[str], wait: bool,
                    hint: str = "use --wait") -> Iterator[None]:
    """Hold the archive's lock for a run (ArchiveBusyError, or waits with `wait`), the
    archive created or migrated first; runs left `running` by a killed crawler are marked
    interrupted (only a holder of the lock may: no other run can be live)."""
    with archive_lock(db, wait, hint):
        with Archive(db) as archive:
            archive.close_stale_runs()
        yield


def run_crawls(sites: list[str], db: str | os.PathLike[str], *,
               base_urls: dict[str, str] | None = None, discover: str | None = None,
               urls: list[str] | None = None, log_level: str = "WARNING",
               log_file: str | None = None, progress: float = 0,
               extra: dict[str, Any] | None = None,
               spider_args: dict[str, Any] | None = None,
               wait: bool = False) -> list[RunOutcome]:
    """Crawl each site into the archive at db; returns each run's outcome.

    base_urls maps a site name to a mirror of it (such as a running replica); a
    mirror on this machine is crawled without the politeness delay (unless
    ORTHOCRAWL_POLITE_MIRRORS). discover None: each site's own default. Holds the
    archive's lock for the whole run (ArchiveBusyError, or waits with `wait`).
    """
    base_urls = base_urls or {}
    spiders = [spider_for(site) for site in sites]
    mirrors: dict[str, str] = {}
    for spider in spiders:
        if spider.name in base_urls:
            for domain in spider.allowed_domains:
                mirrors[domain] = base_urls[spider.name].rstrip("/")
    overrides = dict(extra or {})
    overrides["ORTHOCRAWL_MIRRORS"] = mirrors
    polite = str(overrides.get("ORTHOCRAWL_POLITE_MIRRORS", "")).lower() in ("1", "true", "yes")
    if mirrors and all(is_loopback(url) for url in mirrors.values()) and not polite:
        overrides = {**MIRROR_OVERRIDES, **overrides}
    settings = project_settings(db, log_level=log_level, log_file=log_file, progress=progress,
                                extra=overrides)
    arguments: dict[str, Any] = {**(spider_args or {}), "urls": urls or []}
    if discover:
        arguments["discover"] = discover
    with holding_archive(db, wait):
        process = CrawlerProcess(settings)  # no log: a NullHandler, nothing on stderr
        crawlers = []
        for spider in spiders:
            crawler = process.create_crawler(spider)
            crawlers.append(crawler)
            process.crawl(crawler, **arguments)
        process.start()
    return [RunOutcome.of(crawler) for crawler in crawlers]
