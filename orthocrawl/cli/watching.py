"""`orthocrawl watch`: saved searches whose new matches every crawl reports (the logic is in
orthocrawl.watchlists)."""

from __future__ import annotations

from pathlib import Path

import click

from orthocrawl.cli.common import (
    DB_OPTION,
    FEEDS_OPTION,
    NOTIFY_OPTION,
    echo_lines,
    user_errors,
    watch_settings,
)


@click.group("watch")
def watch() -> None:
    """Watchlists: saved searches whose new matches each crawl reports.

    After every crawl run (`orthocrawl crawl`, `scrapy crawl`, scrapyd) each watch's new
    matches, new stories and not new copies of one it has reported, are recorded in the
    archive, printed in the run's summary, written to DIR/NAME.xml (Atom, its latest 50
    matches) with --feeds or $ORTHOCRAWL_WATCH_FEEDS, and given as JSON on standard
    input to --notify-command or $ORTHOCRAWL_WATCH_NOTIFY, once per watch.

    \b
    Examples:
      orthocrawl watch add robotics 'robot* OR navigation'
      orthocrawl watch add mazor-everywhere Mazor --min-sites 2
      orthocrawl watch list
      orthocrawl watch run --feeds feeds --notify-command 'mail -s news ops@example.com'
    """


@watch.command("add")
@click.argument("name")
@click.argument("query")
@DB_OPTION
@click.option("--site", "sites", multiple=True, help="Only this site's articles (repeated: "
              "any of these sites).")
@click.option("--min-sites", type=int, default=1, show_default=True,
              help="Only stories carried by at least this many sites.")
@user_errors
def watch_add(name: str, query: str, db: Path, sites: tuple[str, ...], min_sites: int) -> None:
    """Save a watch: QUERY in `orthocrawl search`'s language (FTS5: words, "phrases",
    prefix*, AND/OR/NOT, NEAR). What the archive holds already is known, not new.

    \b
    Example:
      orthocrawl watch add robotics 'robot* OR navigation' --site beckers
    """
    from orthocrawl.watchlists import add_watch

    watch, known = add_watch(db, name, query, list(sites), min_sites)
    where = f" on {', '.join(watch['sites'])}" if watch["sites"] else ""
    click.echo(f"added watch {name}: {query}{where}; {known} matching stories in the archive "
               "already (not reported); new ones are reported after each crawl")


@watch.command("list")
@DB_OPTION
@user_errors
def watch_list(db: Path) -> None:
    """The watches: query, sites, stories reported, latest match.

    \b
    Example:
      orthocrawl watch list
    """
    from orthocrawl.watchlists import list_watches

    watches = list_watches(db)
    if not watches:
        click.echo(f"no watches in {db} (add one: orthocrawl watch add NAME QUERY)")
    for watch in watches:
        limits = [f"sites {', '.join(watch['sites'])}"] if watch["sites"] else []
        if watch["min_sites"] > 1:
            limits.append(f"on {watch['min_sites']}+ sites")
        click.echo(f"{watch['name']}: {watch['query']}"
                   + (f" ({'; '.join(limits)})" if limits else "")
                   + f"; {watch['reported']} reported, latest {watch['last_match'] or 'never'}"
                   + f"; {watch['known']} known when added")


@watch.command("remove")
@click.argument("name")
@DB_OPTION
@user_errors
def watch_remove(name: str, db: Path) -> None:
    """Delete a watch and what it has matched (its feed file is left where it is).

    \b
    Example:
      orthocrawl watch remove robotics
    """
    from orthocrawl.watchlists import remove_watch

    reported = remove_watch(db, name)
    click.echo(f"removed watch {name} ({reported} reported stories forgotten)")


@watch.command("run")
@DB_OPTION
@click.option("--since", metavar="DATE", help="Backfill: also report what the archive held "
              "when the watch was added, published on or after DATE (as search's --since).")
@FEEDS_OPTION
@NOTIFY_OPTION
@user_errors
def watch_run(db: Path, since: str | None, feeds: Path | None,
              notify_command: str | None) -> None:
    """Run every watch now, as after a crawl: new matches recorded, printed, fed and
    notified.

    \b
    Examples:
      orthocrawl watch run --feeds feeds
      orthocrawl watch run --since 2024-01 --notify-command 'python notify.py'
    """
    from orthocrawl.config import setting
    from orthocrawl.watchlists import run_on_demand, summary_lines

    given = watch_settings(feeds, notify_command)
    results = run_on_demand(db, since, setting("ORTHOCRAWL_WATCH_FEEDS", given) or None,
                            setting("ORTHOCRAWL_WATCH_NOTIFY", given) or None)
    if not results:
        click.echo(f"no watches in {db} (add one: orthocrawl watch add NAME QUERY)")
    for result in results:
        lines = [line[2:] for line in summary_lines([result.as_stat()])]
        echo_lines(lines or [f"watch {result.name}: nothing new"])
        if result.feed:
            click.echo(f"  feed: {result.feed}")
    if any(result.problems for result in results):
        raise SystemExit(1)
