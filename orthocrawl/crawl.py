"""Run crawls in this process: settings assembled and checked, the archive held, spiders run,
run outcomes returned. Used by `orthocrawl crawl`, `orthocrawl demo`, `sites check` and
orthocrawl's `scrapy crawl` command alike."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess, CrawlerProcessBase
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings

from orthocrawl.archive import Archive, ArchiveError
from orthocrawl.config import SettingError, from_environment, validate_scrapy_settings
from orthocrawl.lock import held_here, is_free, site_locks
from orthocrawl.sites import spider_for
from orthocrawl.spiderargs import SpiderArgError, parse_discover, parse_spider_args
from orthocrawl.spiders.base import PublisherSpider
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


def crawl_sites(sites: list[str], db: Path, *, mirrors: tuple[str, ...] = (),
                discover: str | None = None, urls: list[str] | None = None,
                spider_args: dict[str, Any] | None = None,
                settings: dict[str, str] | None = None, wait: bool = False,
                log_level: str = "", log_file: Path | None = None,
                warn: Callable[[str], None] = print) -> list[RunOutcome]:
    """`orthocrawl crawl`: sites (default: every known site, site files included) checked
    with their mirrors (`--base-url [SITE=]URL`), settings and spider arguments before
    anything starts (BadInput), then crawled with progress lines; each run's outcome."""
    from orthocrawl.config import validate
    from orthocrawl.reports import contact_warning
    from orthocrawl.sites import load_sites, spiders

    load_sites()  # a broken site file stops here, with file, line and reason
    names = [spider_for(name).name for name in sites or list(spiders())]
    base_urls = mirror_urls(mirrors, names)
    extra = validate(settings or {})
    for name in names:  # the same check `scrapy crawl -a` gets
        parse_spider_args(default_discover=spider_for(name).default_discover,
                          discover=discover, urls=urls or [], **(spider_args or {}))
    Archive(db).close()  # fails fast, with one line, on a bad archive path
    check_watch_feeds({**from_environment(), **extra})
    warning = contact_warning(names, base_urls, extra, from_environment())
    if warning:
        warn(warning)
    return run_crawls(names, db, base_urls=base_urls, discover=discover, urls=urls,
                      log_level=log_level, log_file=str(log_file) if log_file else None,
                      progress=5.0, extra=extra, wait=wait, spider_args=spider_args)


def check_watch_feeds(settings: Any) -> None:
    """A watch feeds folder (ORTHOCRAWL_WATCH_FEEDS) must be writable before a crawl starts
    (WatchError: one line), not found wanting at its end."""
    from orthocrawl.watchlists import check_feeds_dir

    if settings.get("ORTHOCRAWL_WATCH_FEEDS"):
        check_feeds_dir(settings.get("ORTHOCRAWL_WATCH_FEEDS"))


def spread(sites: list[str], sizes: dict[str, int], jobs: int) -> list[list[str]]:
    """Sites spread over `jobs` groups, the largest first, each to the group with the least
    so far (sizes: articles archived, a proxy for the work); no empty group."""
    groups: list[list[str]] = [[] for _ in range(min(jobs, len(sites)))]
    loads = [0] * len(groups)
    for site in sorted(sites, key=lambda s: (-sizes.get(s, 0), s)):
        least = loads.index(min(loads))
        groups[least].append(site)
        loads[least] += max(sizes.get(site, 0), 1)
    return groups


def crawl_in_processes(db: Path, sites: list[str], jobs: int,
                       arguments: Callable[[list[str]], list[str]]) -> tuple[list[str], int]:
    """`orthocrawl crawl --jobs N`: the sites spread over N crawler processes (each its own
    Scrapy process, its own sites' locks and run rows, all writing one archive); their
    summary lines and the worst exit status. Progress lines pass through on stderr."""
    import subprocess
    import sys

    with Archive(db) as archive:
        sizes = {site: archive.count(site) for site in sites}
    processes = [subprocess.Popen(
        [sys.executable, "-m", "orthocrawl.cli", "crawl", *group, *arguments(group)],
        stdout=subprocess.PIPE, text=True) for group in spread(sites, sizes, jobs)]
    lines, status = [], 0
    for process in processes:
        out, _ = process.communicate()
        status = max(status, process.returncode)
        lines += [line for line in out.splitlines() if not line.startswith("archive: ")]
    return lines, status


def mirror_urls(values: tuple[str, ...] | list[str], sites: list[str]) -> dict[str, str]:
    """`--base-url [SITE=]URL` values as site -> mirror URL (SpiderArgError when one is not
    an http(s) URL, names no site crawled, or leaves out SITE= with several sites)."""
    mirrors: dict[str, str] = {}
    for value in values:
        site, sep, url = value.partition("=")
        if not sep or "://" in site:
            if len(sites) != 1:
                raise SpiderArgError("--base-url: with several sites, write SITE=URL")
            site, url = sites[0], value
        if site not in sites:
            raise SpiderArgError(f"--base-url: {site!r} is not among the sites crawled")
        if not url.startswith(("http://", "https://")):
            raise SpiderArgError(f"--base-url: {url!r} is not an http(s) URL")
        mirrors[site] = url
    return mirrors


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
def holding_sites(db: str | os.PathLike[str], sites: list[str], wait: bool,
                  hint: str = "use --wait") -> Iterator[None]:
    """Hold the sites' locks for a run (ArchiveBusyError, or waits with `wait`), the archive
    created or migrated first; runs left `running` whose sites' locks are free (their
    crawler died) are marked interrupted, and only by such a holder."""
    with site_locks(db, sites, wait, hint):
        with Archive(db) as archive:
            archive.close_stale_runs(lambda names: all(
                held_here(db, name) or is_free(db, name) for name in names))
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
    with holding_sites(db, [spider.name for spider in spiders], wait):
        process = CrawlerProcess(settings)  # no log: a NullHandler, nothing on stderr
        crawlers = []
        for spider in spiders:
            crawler = process.create_crawler(spider)
            crawlers.append(crawler)
            process.crawl(crawler, **arguments)
        process.start()
    return [RunOutcome.of(crawler) for crawler in crawlers]


def sample(name: str, base_url: str | None, limit: int,
           discover: str) -> tuple[list[dict[str, Any]], RunOutcome]:
    """A few articles of a site crawled into a temporary archive (`sites check`): the
    archived rows and the run's outcome; the user's archive is not touched."""
    import tempfile

    parse_discover(discover)
    extra: dict[str, Any] = {"CLOSESPIDER_ITEMCOUNT": limit, "CONCURRENT_REQUESTS": 4}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "check.db"
        outcome = run_crawls([name], db, base_urls={name: base_url} if base_url else None,
                             discover=discover, extra=extra)[0]
        with Archive(db) as archive:
            return list(archive.articles())[:limit], outcome


class CrawlCommandError(Exception):
    """Why orthocrawl's `scrapy crawl` stops (one line), with its exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


@contextmanager
def scrapy_exit() -> Iterator[None]:
    """A CrawlCommandError as orthocrawl's `scrapy crawl` ends on it: the line on stderr, the
    exit code."""
    try:
        yield
    except CrawlCommandError as error:
        print(f"orthocrawl: error: {error}", file=sys.stderr)
        raise SystemExit(error.code) from None


def check_scrapy_crawl(settings: Settings, spider_args: dict[str, Any]) -> None:
    """Before Scrapy starts (or logs) anything: the environment's settings applied, every
    setting and spider argument checked (CrawlCommandError, exit 2)."""
    for name, value in from_environment().items():
        settings.set(name, value, priority="project")
    from orthocrawl.watchlists import WatchError

    try:
        validate_scrapy_settings(settings)
        parse_spider_args(**spider_args)
        check_watch_feeds(settings)
    except (SettingError, SpiderArgError, WatchError) as error:
        raise CrawlCommandError(str(error), 2) from None


def scrapy_crawl(process: CrawlerProcessBase, create: Any, name: str,
                 spider_args: dict[str, Any]) -> None:
    """Run spider `name` holding the archive (a busy archive: exit 1 before any feed is
    opened, so an -O file stays as it was); exit 1 when the run failed."""
    from orthocrawl.lock import ArchiveBusyError
    from orthocrawl.siteconfig import SiteConfigError
    from orthocrawl.sites import load_sites

    settings = process.settings
    try:
        load_sites()
        spidercls = process.spider_loader.load(name)
        if issubclass(spidercls, PublisherSpider):
            parse_spider_args(default_discover=spidercls.default_discover, **spider_args)
    except KeyError:
        raise CrawlCommandError(f"unknown spider {name!r} (see `scrapy list`)", 2) from None
    except (SpiderArgError, SiteConfigError) as error:
        raise CrawlCommandError(str(error), 2) from None
    try:
        with holding_sites(settings.get("ORTHOCRAWL_DB"), [spidercls.name],
                           settings.getbool("ORTHOCRAWL_LOCK_WAIT"),
                           "set ORTHOCRAWL_LOCK_WAIT=True"):
            crawler = create(spidercls)
            process.crawl(crawler, **spider_args)
            process.start()
    except (ArchiveBusyError, ArchiveError) as error:
        raise CrawlCommandError(str(error), 1) from None
    outcome = RunOutcome.of(crawler)
    if process.bootstrap_failed or outcome.status != "ok":
        raise CrawlCommandError(f"{outcome.site}: {outcome.status} ({outcome.reason})", 1)
