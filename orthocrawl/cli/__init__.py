"""The `orthocrawl` command: thin click wrappers over the library. crawling.py writes the
archive, reading.py reads it, extracting.py extracts one page, industry.py and stories.py
show the derived layers; the replica's commands are in orthocrawl/replica/cli.py. A user's
error is one line and exit code 1 or 2 (common.py).
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from orthocrawl.cli import crawling, extracting, industry, reading, stories, watching


class _Commands(click.Group):
    """The command group, with groups that live elsewhere loaded only when asked for (the
    replica's commands are the test world's: the product does not import it otherwise)."""

    lazy = {"replica": "orthocrawl.replica.cli:replica"}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.lazy])

    def get_command(self, ctx: click.Context, name: str) -> Any:
        if name in self.lazy:
            module, attribute = self.lazy[name].split(":")
            return getattr(importlib.import_module(module), attribute)
        return super().get_command(ctx, name)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="orthocrawl")
def main() -> None:
    """Crawl the orthopaedic and spine trade press into one SQLite archive.

    \b
    Start here:
      orthocrawl demo                 crawl a local replica into data/demo.db
      orthocrawl crawl orthospinenews crawl the real site into data/orthocrawl.db
    """


for command in (crawling.crawl, crawling.demo, crawling.sites, extracting.extract_command,
                reading.search_command, reading.export_command, reading.stats_command,
                reading.runs_command, reading.serve_command, reading.history_command,
                crawling.migrate_command, crawling.merge_command, crawling.reparse_command,
                reading.export_warc_command, industry.entities_command,
                industry.trend_command, industry.events_command, stories.stories_command,
                stories.story_command, watching.watch):
    main.add_command(command)
