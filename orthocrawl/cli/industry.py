"""The industry commands: entities, trend, events (over the archive's entities layer)."""

from __future__ import annotations

from pathlib import Path

import click

from orthocrawl.cli.common import DB_OPTION, read, user_errors
from orthocrawl.entities import EVENT_KINDS, KINDS

FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]),
                      default="table", show_default=True)
SINCE = click.option("--since", metavar="DATE", help="Only articles published since DATE.")


@click.command("entities")
@DB_OPTION
@click.option("--kind", type=click.Choice(KINDS), help="Only this kind of entity.")
@SINCE
@click.option("--site", "sites", multiple=True, help="Only this site's articles (repeatable).")
@click.option("--candidates", is_flag=True, help="Only companies no gazetteer lists (review).")
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True)
@FORMAT
@user_errors
def entities_command(db: Path, kind: str | None, since: str | None, sites: tuple[str, ...],
                     candidates: bool, limit: int, fmt: str) -> None:
    """Companies, people, products and institutions in the news, most mentioned first, with
    their articles and unique stories.

    \b
    Examples:
      orthocrawl entities --kind company --since 2025-01
      orthocrawl entities --candidates --format csv
    """
    from orthocrawl.industry import ENTITY_COLUMNS, render, since_day

    with read(db, sites) as archive:
        rows = archive.entity_counts(kind, candidates, since_day(since), list(sites), limit)
    click.echo(render(rows, ENTITY_COLUMNS, fmt))


@click.command("trend")
@click.argument("names", nargs=-1, required=True)
@DB_OPTION
@click.option("--by", type=click.Choice(["month", "quarter"]), default="month",
              show_default=True)
@click.option("--as-today", is_flag=True, help="Count a former company name for its parent.")
@click.option("--chart", type=click.Path(dir_okay=False, path_type=Path),
              help="Also draw the trend to this .png or .svg file.")
@user_errors
def trend_command(names: tuple[str, ...], db: Path, by: str, as_today: bool,
                  chart: Path | None) -> None:
    """Stories mentioning each NAME over time (a story counted once however many sites
    carried it).

    \b
    Example:
      orthocrawl trend Stryker "Globus Medical" --by quarter --chart trend.png
    """
    from orthocrawl.chart import check_path, draw_trend
    from orthocrawl.industry import trend

    if chart is not None:
        check_path(chart)
    with read(db) as archive:
        series = trend(archive, list(names), by, as_today)
    periods = sorted({p for counts in series.values() for p in counts})
    click.echo("\t".join([by, *series]))
    for period in periods:
        click.echo("\t".join([period, *(str(c.get(period, 0)) for c in series.values())]))
    if chart is not None:
        draw_trend(series, chart, f"Stories mentioning {', '.join(series)}", by)
        click.echo(f"chart: {chart}", err=True)


@click.command("events")
@DB_OPTION
@click.option("--kind", type=click.Choice(EVENT_KINDS), help="Only this kind of event.")
@click.option("--company", help="Only this company's events (any name it goes by).")
@SINCE
@FORMAT
@click.option("--excel", is_flag=True, help="CSV for Excel: UTF-8 with a byte-order mark.")
@user_errors
def events_command(db: Path, kind: str | None, company: str | None, since: str | None,
                   fmt: str, excel: bool) -> None:
    """The trackers: acquisitions, financings, FDA clearances, launches, appointments and
    partnerships, newest first, each with its article and sentence.

    \b
    Examples:
      orthocrawl events --kind clearance --since 2025 --format csv --excel > fda.csv
      orthocrawl events --kind acquisition --company Stryker
    """
    from orthocrawl.industry import EVENT_COLUMNS, company_names, render, since_day

    with read(db) as archive:
        name = company_names(archive, company)[0] if company else None
        rows = list(archive.events_of(kind, name, since_day(since)))
    click.echo(render(rows, EVENT_COLUMNS, fmt, excel), nl=fmt != "csv")
