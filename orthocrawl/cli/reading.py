"""Commands that read the archive: search, export, stats, runs, history, serve, export-warc
(orthocrawl.reading) never create, migrate or write it; entities, trend, events (industry),
stories and story (syndication) read its derived layers."""

from __future__ import annotations

from typing import Any

import click

from orthocrawl.cli.common import FILE, SITES_OPTION, WAIT_OPTION, command
from orthocrawl.entities import EVENT_KINDS, KINDS

SINCE_OPTION = click.option("--since", metavar="DATE", help="Only articles published since "
                            "DATE.")
EXCEL_OPTION = click.option("--excel", is_flag=True, help="CSV for Excel: UTF-8 with a "
                            "byte-order mark.")


def fmt_option(*choices: str) -> Any:
    return click.option("--format", "fmt", type=click.Choice(choices), default=choices[0],
                        show_default=True)


def limit_option(default: int, most: int, **attrs: Any) -> Any:
    return click.option("--limit", type=click.IntRange(1, most), default=default,
                        show_default=True, **attrs)


@command("search", "orthocrawl.reading:search", where=True)
@click.argument("query")
@limit_option(20, 10_000)
@fmt_option("table", "json", "csv")
@click.option("--one-per-story", is_flag=True, help="One copy of each story (syndicated "
              "copies grouped): its canonical copy when that matches, with the story's size.")
def search_command() -> None:
    """Full-text search of the archive, best matches first (bm25; title counts most).

    QUERY uses FTS5 syntax: words (all must match), "exact phrases", prefix*,
    OR, NOT, parentheses, NEAR(a b, 5), title:word. Words with punctuation
    (Perez-Cruet, O'Brien, L4-L5) are searched as written.

    \b
    Examples:
      orthocrawl search "outpatient spine" --since 2024-01-01
      orthocrawl search 'robot* NOT knee' --site orthospinenews --format csv
      orthocrawl search Stryker --one-per-story
    """


@command("export", "orthocrawl.reading:export", where=True)
@click.option("--query", "text", help="Only articles matching this full-text search.")
@fmt_option("csv", "jsonl")
@click.option("--columns", help="Comma-separated columns (default: all, in the documented "
              "order).")
@click.option("-o", "--output", type=FILE, help="File to write (default: standard output).")
@EXCEL_OPTION
@click.option("--raw", is_flag=True, help="Do not neutralise cells that start with = + - @.")
@click.option("--one-per-story", is_flag=True, help="One row per story (syndicated copies "
              "grouped): its canonical copy, with two more columns, story_articles and "
              "story_sites (its copies and their sites).")
def export_command() -> None:
    """Export articles, one row each, as CSV (RFC 4180) or JSON Lines.

    Columns in the order README documents, ending with status (live, or gone from
    the site), gone_since and body_source. Authors, categories and tags are joined with "; " in
    CSV (lists in JSON Lines).

    \b
    Examples:
      orthocrawl export --site orthospinenews --since 2025-01-01 --excel -o spine.csv
      orthocrawl export --query "FDA 510(k)" --columns url,title,published_at
      orthocrawl export --one-per-story --since 2025 -o stories.csv
    """


@command("stats", "orthocrawl.reading:stats", where=True)
@click.option("--by", type=click.Choice(["site", "month", "author", "tag", "category"]),
              default="site", show_default=True)
@limit_option(50, 100_000, help="Rows to show at most.")
@click.option("--chart", type=FILE,
              help="Also draw articles per month per site to this .png or .svg file.")
@click.option("--stories", "unique", is_flag=True, help="Count unique stories (syndicated "
              "copies once) instead of articles, and which site published first: by site, "
              "the stories it had first; by month, the site first most often.")
def stats_command() -> None:
    """Count articles by site, month (newest first), author, tag or category.

    \b
    Examples:
      orthocrawl stats --by month --site orthospinenews --since 2024-01-01
      orthocrawl stats --by author --limit 20 --chart per-month.png
      orthocrawl stats --by site --stories
    """


@command("runs", "orthocrawl.reading:runs")
@limit_option(20, 10_000)
def runs_command() -> None:
    """List recent crawl runs with their counts and outcome.

    Columns: requests; articles new, changed, unchanged (same), dropped, gone from the
    site; errors (HTTP responses of 400 and above, and transport errors).

    \b
    Example:
      orthocrawl runs --limit 5
    """


@command("serve", "orthocrawl.reading:serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
def serve_command() -> None:
    """Browse and search the archive in Datasette (facets, canned queries, CSV download).

    Runs until Ctrl-C or SIGTERM, which stop it and free the port.

    \b
    Example:
      orthocrawl serve --db data/orthocrawl.db --port 8001
    """


@command("history", "orthocrawl.reading:history")
@click.argument("url")
@click.option("--context", type=click.IntRange(0, 20), default=1, show_default=True,
              help="Unchanged paragraphs shown around each change.")
def history_command() -> None:
    """Print every version of an article with a readable diff of its text.

    URL may be any variant of the archived one: http or https, with or without www.
    or the trailing slash, with tracking parameters (utm_*, fbclid...).

    \b
    Example:
      orthocrawl history https://www.orthospinenews.com/2024/05/02/some-story/
    """


@command("export-warc", "orthocrawl.reading:export_warc")
@click.option("-o", "--output", required=True, type=FILE, help="The .warc.gz file to write.")
@click.option("--site", help="Only this site's pages.")
def export_warc_command() -> None:
    """Write the stored raw responses as WARC 1.1 records (readable by warcio and other
    web-archive tools).

    \b
    Example:
      orthocrawl export-warc -o orthocrawl.warc.gz
    """


@command("entities", "orthocrawl.industry:entities")
@click.option("--kind", type=click.Choice(KINDS), help="Only this kind of entity.")
@SINCE_OPTION
@SITES_OPTION
@click.option("--candidates", is_flag=True, help="Only companies no gazetteer lists (review).")
@limit_option(50, 100_000)
@fmt_option("table", "csv", "json")
def entities_command() -> None:
    """Companies, people, products and institutions in the news, most mentioned first, with
    their articles and unique stories.

    \b
    Examples:
      orthocrawl entities --kind company --since 2025-01
      orthocrawl entities --candidates --format csv
    """


@command("trend", "orthocrawl.industry:trend_table")
@click.argument("names", nargs=-1, required=True)
@click.option("--by", type=click.Choice(["month", "quarter"]), default="month",
              show_default=True)
@click.option("--as-today", is_flag=True, help="Count a former company name for its parent.")
@click.option("--chart", type=FILE, help="Also draw the trend to this .png or .svg file.")
def trend_command() -> None:
    """Stories mentioning each NAME over time (a story counted once however many sites
    carried it).

    \b
    Example:
      orthocrawl trend Stryker "Globus Medical" --by quarter --chart trend.png
    """


@command("events", "orthocrawl.industry:events")
@click.option("--kind", type=click.Choice(EVENT_KINDS), help="Only this kind of event.")
@click.option("--company", help="Only this company's events (any name it goes by).")
@SINCE_OPTION
@fmt_option("table", "csv", "json")
@EXCEL_OPTION
def events_command() -> None:
    """The trackers: acquisitions, financings, FDA clearances, launches, appointments and
    partnerships, newest first, each with its article and sentence.

    \b
    Examples:
      orthocrawl events --kind clearance --since 2025 --format csv --excel > fda.csv
      orthocrawl events --kind acquisition --company Stryker
    """


@command("stories", "orthocrawl.syndication:list_stories")
@click.option("--since", metavar="DATE", help="Only stories with a copy published since DATE "
              "(YYYY, YYYY-MM, YYYY-MM-DD or a time).")
@click.option("--site", "sites", multiple=True, help="Only stories with a copy on this site "
              "(repeatable: any of them).")
@click.option("--min-sites", type=click.IntRange(1, 1000), default=1, show_default=True,
              help="Only stories carried by at least N sites.")
@limit_option(50, 1_000_000)
@fmt_option("table", "json", "csv")
@click.option("--rebuild", is_flag=True, help="Group every archived article afresh (needed "
              "only when orthocrawl's grouping method changed, or for articles archived "
              "before stories existed); each story keeps its id.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="With --rebuild: processes making signatures.")
@WAIT_OPTION
def stories_command() -> None:
    """Stories (an article and its syndicated copies on other sites), newest first, with
    their sites in the order they published and the first publisher.

    \b
    Examples:
      orthocrawl stories --min-sites 2 --since 2025-01
      orthocrawl stories --site beckersspine --format json
      orthocrawl stories --rebuild
    """


@command("story", "orthocrawl.syndication:show_story")
@click.argument("ref", metavar="ID|URL")
@click.option("--context", type=click.IntRange(0, 20), default=0, show_default=True,
              help="Unchanged paragraphs shown around each difference.")
def story_command() -> None:
    """Every copy of a story, with its date and site and what it adds to (+) or lacks of
    (-) the canonical copy's text. The story is named by its id or by the URL of any copy.

    \b
    Examples:
      orthocrawl story 42
      orthocrawl story https://www.orthospinenews.com/2025/03/04/some-story/
    """
