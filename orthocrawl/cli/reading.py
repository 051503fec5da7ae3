"""Commands that only read the archive: search, export, stats, runs, history, serve,
export-warc. They never create, migrate or write it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from orthocrawl.cli.common import (
    DB_OPTION,
    echo_lines,
    fail,
    filter_options,
    filters,
    read,
    user_errors,
)


@click.command("search")
@click.argument("query")
@DB_OPTION
@filter_options
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
@click.option("--one-per-story", is_flag=True, help="One copy of each story (syndicated "
              "copies grouped): its canonical copy when that matches, with the story's size.")
@user_errors
def search_command(query: str, db: Path, limit: int, fmt: str, one_per_story: bool,
                   **kwargs: Any) -> None:
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
    from orthocrawl.reports import hit_parts, hits_as

    chosen = filters(kwargs)
    with read(db, chosen) as archive:
        hits = archive.search(query, chosen, limit, one_per_story)
    if fmt != "table":
        click.echo(hits_as(hits, fmt), nl=fmt == "json")
    else:
        for hit in hits:
            head, title, authors, gone, rest = hit_parts(hit)
            click.echo(head + click.style(title, bold=True) + authors +
                       (click.style(gone, fg="red") if gone else "") + rest)
        click.echo(f"{len(hits)} result{'s' if len(hits) != 1 else ''}", err=True)


@click.command("export")
@DB_OPTION
@filter_options
@click.option("--query", "text", help="Only articles matching this full-text search.")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv",
              show_default=True)
@click.option("--columns", help="Comma-separated columns (default: all, in the documented "
              "order).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default: standard output).")
@click.option("--excel", is_flag=True, help="CSV for Excel: UTF-8 with a byte-order mark.")
@click.option("--raw", is_flag=True, help="Do not neutralise cells that start with = + - @.")
@click.option("--one-per-story", is_flag=True, help="One row per story (syndicated copies "
              "grouped): its canonical copy, with two more columns, story_articles and "
              "story_sites (its copies and their sites).")
@user_errors
def export_command(db: Path, text: str | None, fmt: str, columns: str | None,
                   output: Path | None, excel: bool, raw: bool, one_per_story: bool,
                   **kwargs: Any) -> None:
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
    from orthocrawl.export import choose_columns, write

    chosen = choose_columns(columns)
    where = filters(kwargs)
    with read(db, where) as archive:
        archive.for_streaming()
        # a bad query fails here, unwritten
        rows = archive.export_rows(chosen, where, text, one_per_story)
        if one_per_story:
            chosen = [*chosen, "story_articles", "story_sites"]
        count = write(rows, chosen, fmt, output, excel, raw)
    what = "stories" if one_per_story else "articles"
    click.echo(f"{count} {what} exported{f' to {output}' if output else ''}", err=True)


@click.command("stats")
@DB_OPTION
@filter_options
@click.option("--by", type=click.Choice(["site", "month", "author", "tag", "category"]),
              default="site", show_default=True)
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True,
              help="Rows to show at most.")
@click.option("--chart", type=click.Path(dir_okay=False, path_type=Path),
              help="Also draw articles per month per site to this .png or .svg file.")
@click.option("--stories", "unique", is_flag=True, help="Count unique stories (syndicated "
              "copies once) instead of articles, and which site published first: by site, "
              "the stories it had first; by month, the site first most often.")
@user_errors
def stats_command(db: Path, by: str, limit: int, chart: Path | None, unique: bool,
                  **kwargs: Any) -> None:
    """Count articles by site, month (newest first), author, tag or category.

    \b
    Examples:
      orthocrawl stats --by month --site orthospinenews --since 2024-01-01
      orthocrawl stats --by author --limit 20 --chart per-month.png
      orthocrawl stats --by site --stories
    """
    from orthocrawl.chart import check_path, draw
    from orthocrawl.reports import stats_table

    if chart is not None:
        check_path(chart)
    if unique and by not in ("site", "month"):
        fail(f"--stories counts by site or month, not by {by}", 2)
    if unique and chart is not None:
        fail("--chart draws articles per month, not stories: leave out one of them", 2)
    where = filters(kwargs)
    if unique:
        from orthocrawl.syndication import story_stats_table

        with read(db, where) as archive:
            counts = archive.story_counts(by, where)
        echo_lines(story_stats_table(counts[:limit], by))
        if len(counts) > limit:
            click.echo(f"... {len(counts) - limit} more (--limit)", err=True)
        return
    with read(db, where) as archive:
        counts = archive.stats(by, where)
        monthly = archive.per_month(where) if chart else []
    echo_lines(stats_table(counts[:limit], by, where.status == "all"))
    if len(counts) > limit:
        click.echo(f"... {len(counts) - limit} more (--limit)", err=True)
    if chart is not None:
        draw(monthly, chart, "Articles per month by site")
        click.echo(f"chart: {chart}", err=True)


@click.command("runs")
@DB_OPTION
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True)
@user_errors
def runs_command(db: Path, limit: int) -> None:
    """List recent crawl runs with their counts and outcome.

    Columns: requests; articles new, changed, unchanged (same), dropped, gone from the
    site; errors (HTTP responses of 400 and above, and transport errors).

    \b
    Example:
      orthocrawl runs --limit 5
    """
    from orthocrawl.reports import runs_table

    with read(db) as archive:
        echo_lines(runs_table(archive.runs(limit)))


@click.command("serve")
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
@user_errors
def serve_command(db: Path, host: str, port: int) -> None:
    """Browse and search the archive in Datasette (facets, canned queries, CSV download).

    Runs until Ctrl-C or SIGTERM, which stop it and free the port.

    \b
    Example:
      orthocrawl serve --db data/orthocrawl.db --port 8001
    """
    from orthocrawl.browse import serve_archive

    read(db).close()  # a missing or broken archive: one line, not a server error page
    serve_archive(db, host, port, lambda url: click.echo(f"Datasette on {url} (Ctrl-C "
                                                         "stops it)", err=True))


@click.command("history")
@click.argument("url")
@DB_OPTION
@click.option("--context", type=click.IntRange(0, 20), default=1, show_default=True,
              help="Unchanged paragraphs shown around each change.")
@user_errors
def history_command(url: str, db: Path, context: int) -> None:
    """Print every version of an article with a readable diff of its text.

    URL may be any variant of the archived one: http or https, with or without www.
    or the trailing slash, with tracking parameters (utm_*, fbclid...).

    \b
    Example:
      orthocrawl history https://www.orthospinenews.com/2024/05/02/some-story/
    """
    from orthocrawl.reports import history

    with read(db) as archive:
        key, article, versions = archive.history(url)
    colours = {"+": "green", "-": "red", "@": "cyan"}
    for kind, line in history(article, key, versions, context):
        if kind == "head":
            click.echo(click.style(line, bold=True))
        else:
            click.echo(click.style(line, fg=colours[kind]) if kind in colours else line)


@click.command("export-warc")
@DB_OPTION
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The .warc.gz file to write.")
@click.option("--site", help="Only this site's pages.")
@user_errors
def export_warc_command(db: Path, output: Path, site: str | None) -> None:
    """Write the stored raw responses as WARC 1.1 records (readable by warcio and other
    web-archive tools).

    \b
    Example:
      orthocrawl export-warc -o orthocrawl.warc.gz
    """
    from orthocrawl.warc import write_warc

    with read(db, [site] if site else []) as archive:
        archive.for_streaming()
        try:
            count = write_warc(archive, output, site)
        except OSError as error:
            fail(f"cannot write {output}: {error.strerror}")
    click.echo(f"{count} response records written to {output}")
