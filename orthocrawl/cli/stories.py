"""The stories commands: stories (the list, and --rebuild) and story (one story's copies)."""

from __future__ import annotations

from pathlib import Path

import click

from orthocrawl.cli.common import DB_OPTION, WAIT_OPTION, fail, read, user_errors


@click.command("stories")
@DB_OPTION
@click.option("--since", metavar="DATE", help="Only stories with a copy published since DATE "
              "(YYYY, YYYY-MM, YYYY-MM-DD or a time).")
@click.option("--site", "sites", multiple=True, help="Only stories with a copy on this site "
              "(repeatable: any of them).")
@click.option("--min-sites", type=click.IntRange(1, 1000), default=1, show_default=True,
              help="Only stories carried by at least N sites.")
@click.option("--limit", type=click.IntRange(1, 1_000_000), default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
@click.option("--rebuild", is_flag=True, help="Group every archived article afresh (needed "
              "only when orthocrawl's grouping method changed, or for articles archived "
              "before stories existed); each story keeps its id.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="With --rebuild: processes making signatures.")
@WAIT_OPTION
@user_errors
def stories_command(db: Path, since: str | None, sites: tuple[str, ...], min_sites: int,
                    limit: int, fmt: str, rebuild: bool, workers: int, wait: bool) -> None:
    """Stories (an article and its syndicated copies on other sites), newest first, with
    their sites in the order they published and the first publisher.

    \b
    Examples:
      orthocrawl stories --min-sites 2 --since 2025-01
      orthocrawl stories --site beckersspine --format json
      orthocrawl stories --rebuild
    """
    from orthocrawl.industry import render, since_day
    from orthocrawl.syndication import LIST_COLUMNS, rebuild_archive, stories_hint

    if rebuild:
        import time

        started = time.perf_counter()
        count = rebuild_archive(db, wait, workers)
        with read(db) as archive:
            made = len(archive.stories())
        click.echo(f"{count} articles grouped into {made} stories in "
                   f"{time.perf_counter() - started:.1f} s")
        return
    day = since_day(since)
    with read(db, sites) as archive:
        archive.require_stories()
        rows = archive.stories(day, sites, min_sites, limit)
        hint = stories_hint(archive)
    click.echo(render(rows, LIST_COLUMNS, fmt), nl=fmt != "csv")
    if hint:
        click.echo(hint, err=True)


@click.command("story")
@click.argument("ref", metavar="ID|URL")
@DB_OPTION
@click.option("--context", type=click.IntRange(0, 20), default=0, show_default=True,
              help="Unchanged paragraphs shown around each difference.")
@user_errors
def story_command(ref: str, db: Path, context: int) -> None:
    """Every copy of a story, with its date and site and what it adds to (+) or lacks of
    (-) the canonical copy's text. The story is named by its id or by the URL of any copy.

    \b
    Examples:
      orthocrawl story 42
      orthocrawl story https://www.orthospinenews.com/2025/03/04/some-story/
    """
    from orthocrawl.syndication import story_id, story_lines

    with read(db) as archive:
        archive.require_stories()
        found = story_id(archive, ref)
        story, copies = archive.story(found), archive.story_copies(found)
    if story is None or not copies:
        fail(f"story {found} has no articles", 1)
    colours = {"+": "green", "-": "red", "@": "cyan"}
    for kind, line in story_lines(story, copies, context):
        if kind == "head":
            click.echo(click.style(line, bold=True))
        else:
            click.echo(click.style(line, fg=colours[kind]) if kind in colours else line)
