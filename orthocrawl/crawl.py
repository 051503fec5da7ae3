"""Run crawls in this process: settings assembled, spiders run, run outcomes returned."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings

from orthocrawl.archive import Archive
from orthocrawl.lock import archive_lock
from orthocrawl.sites import spider_for

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
                for k in ("new", "changed", "unchanged")}


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def project_settings(db: str | os.PathLike[str], *, log_level: str = "WARNING",
                     progress: float = 0, extra: dict[str, Any] | None = None) -> Settings:
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "orthocrawl.settings")
    settings = get_project_settings()
    settings.set("ORTHOCRAWL_DB", str(Path(db)), priority="cmdline")
    settings.set("LOG_LEVEL", log_level, priority="cmdline")
    settings.set("ORTHOCRAWL_PROGRESS_INTERVAL", progress, priority="cmdline")
    for key, value in (extra or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def run_crawls(sites: list[str], db: str | os.PathLike[str], *,
               base_urls: dict[str, str] | None = None, discover: str = "sitemap",
               urls: list[str] | None = None, log_level: str = "WARNING",
               progress: float = 0, extra: dict[str, Any] | None = None,
               spider_args: dict[str, Any] | None = None,
               wait: bool = False) -> list[RunOutcome]:
    """Crawl each site into the archive at db; returns each run's outcome.

    base_urls maps a site name to a mirror of it (such as a running replica); a
    mirror on this machine is crawled without the politeness delay. Holds the
    archive's lock for the whole run (ArchiveBusyError, or waits with `wait`).
    """
    with archive_lock(db, wait):
        with Archive(db) as archive:
            archive.close_stale_runs()
        return _run(sites, db, base_urls or {}, discover, urls, log_level, progress,
                    extra, spider_args or {})


def _run(sites: list[str], db: str | os.PathLike[str], base_urls: dict[str, str],
         discover: str, urls: list[str] | None, log_level: str, progress: float,
         extra: dict[str, Any] | None, spider_args: dict[str, Any]) -> list[RunOutcome]:
    spiders = [spider_for(site) for site in sites]
    mirrors: dict[str, str] = {}
    for spider in spiders:
        if spider.name in base_urls:
            for domain in spider.allowed_domains:
                mirrors[domain] = base_urls[spider.name].rstrip("/")
    overrides = dict(extra or {})
    overrides["ORTHOCRAWL_MIRRORS"] = mirrors
    if mirrors and all(is_loopback(url) for url in mirrors.values()):
        overrides = {**MIRROR_OVERRIDES, **overrides}
    settings = project_settings(db, log_level=log_level, progress=progress, extra=overrides)
    process = CrawlerProcess(settings)
    crawlers = []
    for spider in spiders:
        crawler = process.create_crawler(spider)
        crawlers.append(crawler)
        process.crawl(crawler, discover=discover, urls=urls or [], **spider_args)
    process.start()
    outcomes = []
    for crawler in crawlers:
        stats = crawler.stats.get_stats() if crawler.stats else {}
        outcomes.append(RunOutcome(
            site=crawler.spidercls.name,
            status=stats.get("orthocrawl/run_status", "failed"),
            reason=stats.get("orthocrawl/run_reason", "the crawl did not run"),
            stats=stats,
        ))
    return outcomes
