"""`scrapy crawl` (and scrapyd jobs) the way `orthocrawl crawl` runs: settings, site files and
spider arguments checked before anything starts (one line, exit 2), the archive held for
the whole run (a busy archive: one line, exit 1, and an `-O` file left untouched, since no
feed is opened), and exit 1 when the run failed."""

from __future__ import annotations

import argparse
import sys

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError

from orthocrawl.archive import ArchiveError
from orthocrawl.config import SettingError, from_environment, validate_scrapy_settings
from orthocrawl.crawl import RunOutcome, holding_archive
from orthocrawl.lock import ArchiveBusyError
from orthocrawl.siteconfig import SiteConfigError
from orthocrawl.sites import load_sites
from orthocrawl.spiderargs import SpiderArgError, parse_spider_args
from orthocrawl.spiders.base import PublisherSpider


def _error(message: str) -> None:
    print(f"orthocrawl: error: {message}", file=sys.stderr)


class Command(ScrapyCrawlCommand):
    def short_desc(self) -> str:
        return "Run a spider into the archive (orthocrawl: checked first, archive held)"

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        """Settings and spider arguments are checked here, before Scrapy starts (and logs)
        anything: a mistake is one line and exit 2."""
        super().process_options(args, opts)
        assert self.settings is not None
        for name, value in from_environment().items():
            self.settings.set(name, value, priority="project")
        try:
            validate_scrapy_settings(self.settings)
            parse_spider_args(**opts.spargs)
        except (SettingError, SpiderArgError) as error:
            _error(str(error))
            raise SystemExit(2) from None

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give one spider name (see `scrapy list`)")
        assert self.settings is not None and self.crawler_process is not None
        settings = self.settings
        try:
            load_sites()
            try:
                spidercls = self.crawler_process.spider_loader.load(args[0])
            except KeyError:
                raise SpiderArgError(f"unknown spider {args[0]!r} (see `scrapy list`)") \
                    from None
            if issubclass(spidercls, PublisherSpider):
                parse_spider_args(default_discover=spidercls.default_discover, **opts.spargs)
        except (SettingError, SpiderArgError, SiteConfigError) as error:
            _error(str(error))
            self.exitcode = 2
            return
        try:
            with holding_archive(settings.get("ORTHOCRAWL_DB"),
                                 settings.getbool("ORTHOCRAWL_LOCK_WAIT"),
                                 "set ORTHOCRAWL_LOCK_WAIT=True"):
                crawler = self._create_crawler(spidercls)
                self.crawler_process.crawl(crawler, **opts.spargs)
                self.crawler_process.start()
        except (ArchiveBusyError, ArchiveError) as error:
            _error(str(error))
            self.exitcode = 1
            return
        outcome = RunOutcome.of(crawler)
        if self.crawler_process.bootstrap_failed or outcome.status != "ok":
            _error(f"{outcome.site}: {outcome.status} ({outcome.reason})")
            self.exitcode = 1
