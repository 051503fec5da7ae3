"""The `orthocrawl` command: thin click wrappers over the library (a module per group of
commands: crawling.py writes the archive, reading.py reads it, extracting.py extracts one
page, replica.py serves the test world).

Errors a user can cause end with one line on stderr and exit code 1 (the command
ran but could not finish) or 2 (the command line itself was wrong).
"""

from __future__ import annotations

import click

from orthocrawl.cli import crawling, extracting, reading, replica


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
                crawling.migrate_command, crawling.reparse_command,
                reading.export_warc_command, replica.replica):
    main.add_command(command)
