"""`scrapy crawl` (and scrapyd jobs) as `orthocrawl crawl` runs: checked before Scrapy
starts, the archive held, exit 1 when the run failed (crawl.check_scrapy_crawl, scrapy_crawl)."""

from __future__ import annotations

import argparse

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError

from orthocrawl.crawl import check_scrapy_crawl, scrapy_crawl, scrapy_exit


class Command(ScrapyCrawlCommand):
    def short_desc(self) -> str:
        return "Run a spider into the archive (orthocrawl: checked first, archive held)"

    @scrapy_exit()
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        check_scrapy_crawl(self.settings, opts.spargs)

    @scrapy_exit()
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give one spider name (see `scrapy list`)")
        assert self.crawler_process is not None
        scrapy_crawl(self.crawler_process, self._create_crawler, args[0], opts.spargs)
