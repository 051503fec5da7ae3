"""`scrapy crawl` (and scrapyd jobs) as `orthocrawl crawl` runs: checked before Scrapy
starts, the archive held, exit 1 when the run failed (crawl.check_scrapy_crawl, scrapy_crawl)."""

from __future__ import annotations

import argparse
import sys

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError

from orthocrawl.crawl import CrawlCommandError, check_scrapy_crawl, scrapy_crawl


class Command(ScrapyCrawlCommand):
    def short_desc(self) -> str:
        return "Run a spider into the archive (orthocrawl: checked first, archive held)"

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        self._checked(check_scrapy_crawl, self.settings, opts.spargs)

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give one spider name (see `scrapy list`)")
        assert self.crawler_process is not None
        self._checked(scrapy_crawl, self.crawler_process, self._create_crawler, args[0],
                      opts.spargs)

    def _checked(self, step: object, *args: object) -> None:
        try:
            step(*args)  # type: ignore[operator]
        except CrawlCommandError as error:
            print(f"orthocrawl: error: {error}", file=sys.stderr)
            raise SystemExit(error.code) from None
