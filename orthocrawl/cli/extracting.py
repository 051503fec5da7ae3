"""`orthocrawl extract`: what orthocrawl extracts from pages outside a crawl: saved files,
WARC files and live URLs, one or many in one process."""

from __future__ import annotations

from pathlib import Path

import click

from orthocrawl.cli.common import user_errors
from orthocrawl.sites import load_sites


@click.command("extract")
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE [SOURCE ...]")
@click.option("--url", "page_url", help="The page's URL, for one saved file (default: its "
              "canonical link).")
@click.option("--urls", "urls_file", type=click.Path(dir_okay=False, path_type=Path),
              help="A file of PATH<tab>URL lines giving each saved file's URL.")
@click.option("--jsonl", is_flag=True, help="One JSON object per line, with \"file\", even "
              "for one file.")
@click.option("--record", type=click.IntRange(min=1), help="Only the N-th response record of a "
              "WARC file (1 is the first).")
@click.option("--site", help="Extract with this site's page object.")
@click.option("--base-url", help="Fetch a live URL through this mirror (e.g. a replica).")
@user_errors
def extract_command(sources: tuple[str, ...], page_url: str | None, urls_file: Path | None,
                    jsonl: bool, record: int | None, site: str | None,
                    base_url: str | None) -> None:
    """Print the Article orthocrawl extracts from pages, as JSON.

    Each SOURCE is a saved HTML file (gzip-compressed or not), a WARC file (every response
    record, or --record N) or a live http(s) URL. The publisher's page object is used when
    the URL's domain has one (or --site names it), the generic fallback otherwise. One page
    prints one JSON object; several (or --jsonl) print one object per line, each with
    "file" as given. A source that cannot be read or is not HTML gives a line
    {"file": ..., "error": ...} (one line on stderr for a single page), the others are still
    extracted, and the exit status is 1.

    \b
    Examples:
      orthocrawl extract page.html.gz --url https://www.orthospinenews.com/2024/05/02/x/
      orthocrawl extract saved/*.html --urls saved/urls.tsv > articles.jsonl
      orthocrawl extract crawl.warc.gz --record 3
      orthocrawl extract https://www.spinewire.example/news/some-story/
    """
    from orthocrawl.extract import run

    load_sites()  # a site file's page object, as a crawl uses it
    for line, to_stderr in run(sources, page_url, urls_file, record, site, base_url, jsonl):
        click.echo(line, err=to_stderr)
