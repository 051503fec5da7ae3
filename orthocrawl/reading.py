"""The commands that only read the archive, as the lines they print (orthocrawl.output):
search, export, stats, runs, history and export-warc, and opening the archive for them
(never created, migrated or written; a hint at where archives are when there is none)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

from orthocrawl.archive import DEFAULT_DB, Archive, open_to_read
from orthocrawl.archive.query import Filters
from orthocrawl.errors import UserError
from orthocrawl.output import Note, Raw, coloured, style

# Every command but `demo` (which keeps its own file, so that a demo never lands in a real
# archive) reads the archive's path from --db, else $ORTHOCRAWL_DB, else the default.
DB_ENV = "ORTHOCRAWL_DB"
DEMO_DB = Path("data") / "demo.db"


def read(db: Path, where: Filters | list[str] | tuple[str, ...] = ()) -> Archive:
    """Open the archive for a command that only reads it (see archive.open_to_read), with a
    hint at where the archives are when there is none at db; the filters' sites checked and
    their companies resolved to the archive's names (whatever name the analyst used)."""
    if db == DEFAULT_DB and DEMO_DB.exists():
        hint = (f"the demo's archive is {DEMO_DB}: give --db {DEMO_DB}, or "
                f"`export {DB_ENV}={DEMO_DB}` once")
    else:
        hint = (f"give --db or set {DB_ENV}; `orthocrawl crawl` writes {DEFAULT_DB}, "
                f"`orthocrawl demo` {DEMO_DB}")
    archive = open_to_read(db, where.site if isinstance(where, Filters) else where, hint)
    if isinstance(where, Filters) and where.company:
        from orthocrawl.industry import company_names

        where.company = [n for name in where.company for n in company_names(archive, name)]
    return archive


def filtered(given: dict[str, Any]) -> dict[str, Any]:
    """A command's options with the filter options (Filters' fields, lists given as tuples)
    taken out as one Filters, `where` (companies by the analyst's names: read resolves them)."""
    chosen: dict[str, Any] = {field.name: given.pop(field.name) for field in fields(Filters)}
    lists = {name: list(value) for name, value in chosen.items() if isinstance(value, tuple)}
    return {**given, "where": Filters(**(chosen | lists))}


def more(total: int, limit: int) -> Iterator[str]:
    if total > limit:
        yield Note(f"... {total - limit} more (--limit)")


def search(db: Path, query: str, where: Filters, limit: int, fmt: str,
           one_per_story: bool) -> Iterator[str]:
    """Hits as a table (title bold, a gone mark red; the count on stderr), JSON or CSV."""
    from orthocrawl.reports import hit_parts, hits_as

    with read(db, where) as archive:
        hits = archive.search(query, where, limit, one_per_story)
    if fmt != "table":
        yield hits_as(hits, fmt) if fmt == "json" else Raw(hits_as(hits, fmt))
        return
    for hit in hits:
        head, title, authors, gone, rest = hit_parts(hit)
        yield (head + style(title, bold=True) + authors + (style(gone, fg="red") if gone else "")
               + rest)
    yield Note(f"{len(hits)} result{'s' if len(hits) != 1 else ''}")


def export(db: Path, where: Filters, text: str | None, fmt: str, columns: str | None,
           output: Path | None, excel: bool, raw: bool, one_per_story: bool) -> Iterator[str]:
    """Write the rows (to output, else standard output); their count on stderr."""
    from orthocrawl.export import choose_columns, write

    chosen = choose_columns(columns)
    with read(db, where) as archive:
        archive.for_streaming()
        # a bad query fails here, unwritten
        rows = archive.export_rows(chosen, where, text, one_per_story)
        if one_per_story:
            chosen = [*chosen, "story_articles", "story_sites"]
        count = write(rows, chosen, fmt, output, excel, raw)
    what = "stories" if one_per_story else "articles"
    yield Note(f"{count} {what} exported{f' to {output}' if output else ''}")


def stats(db: Path, where: Filters, by: str, limit: int, chart: Path | None,
          unique: bool) -> Iterator[str]:
    """Counts of articles (or with unique, of stories) by a column; a chart when asked."""
    from orthocrawl.chart import check_path, draw
    from orthocrawl.reports import stats_table
    from orthocrawl.syndication import story_stats_table

    if chart is not None:
        check_path(chart)
    if unique and by not in ("site", "month"):
        raise UserError(f"--stories counts by site or month, not by {by}", 2)
    if unique and chart is not None:
        raise UserError("--chart draws articles per month, not stories: leave out one of "
                        "them", 2)
    with read(db, where) as archive:
        counts = archive.story_counts(by, where) if unique else archive.stats(by, where)
        monthly = archive.per_month(where) if chart else []
    if unique:
        yield from story_stats_table(counts[:limit], by)
    else:
        yield from stats_table(counts[:limit], by, where.status == "all")
    yield from more(len(counts), limit)
    if chart is not None:
        draw(monthly, chart, "Articles per month by site")
        yield Note(f"chart: {chart}")


def runs(db: Path, limit: int) -> Iterator[str]:
    from orthocrawl.reports import runs_table

    with read(db) as archive:
        yield from runs_table(archive.runs(limit))


def serve(db: Path, host: str, port: int) -> Iterator[str]:
    """Datasette on the archive until Ctrl-C or SIGTERM; its URL on stderr once it listens."""
    from orthocrawl.browse import serve_archive

    read(db).close()  # a missing or broken archive: one line, not a server error page
    serve_archive(db, host, port, lambda url: print(f"Datasette on {url} (Ctrl-C stops it)",
                                                    file=sys.stderr, flush=True))
    yield from ()


def history(db: Path, url: str, context: int) -> Iterator[str]:
    """Every version of the article at (a variant of) url, with a coloured diff."""
    from orthocrawl.reports import history

    with read(db) as archive:
        key, article, versions = archive.history(url)
    yield from coloured(history(article, key, versions, context))


def export_warc(db: Path, output: Path, site: str | None) -> Iterator[str]:
    from orthocrawl.warc import write_warc

    with read(db, [site] if site else []) as archive:
        archive.for_streaming()
        try:
            count = write_warc(archive, output, site)
        except OSError as error:
            raise UserError(f"cannot write {output}: {error.strerror}") from None
    yield f"{count} response records written to {output}"
