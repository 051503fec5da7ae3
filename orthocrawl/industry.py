"""The analysts' questions about the industry, over the archive's entities layer: who is in
the news (entities), how that changes (trend), what happened (events). The CLI prints what
these return."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from orthocrawl.archive import Archive
from orthocrawl.archive.query import date_bound
from orthocrawl.errors import BadInput
from orthocrawl.export import neutralise
from orthocrawl.output import Note, Raw
from orthocrawl.reading import read

ENTITY_COLUMNS = ("name", "kind", "articles", "stories")
EVENT_COLUMNS = ("date", "kind", "company", "target", "product", "number", "amount",
                 "currency", "round", "status", "investors", "person", "title", "site",
                 "article_url", "sentence")


def company_names(archive: Archive, name: str) -> list[str]:
    """The canonical company names an analyst's name means: as the archive knows it (name
    or alias), else as the gazetteers resolve it (alias, ticker); BadInput when none."""
    names = archive.entity_names(name)
    if not names:
        from orthocrawl.derived import Derivations
        from orthocrawl.entities.gazetteer import fold

        gazetteer = Derivations().gazetteer
        entry = gazetteer.surfaces.get(fold(name))
        symbol = re.sub(r"\s+", "", name).upper().rsplit(":", 1)[-1]  # "NYSE: SYK" -> SYK
        entry = entry or next((e for e in gazetteer.entries.values() if symbol in
                               {t.upper().rsplit(":", 1)[-1] for t in e.tickers}), None)
        names = archive.entity_names(entry.name) if entry is not None else []
    if not names:
        raise BadInput(f"no company or other entity named {name!r} in {archive.path}")
    return names


def since_day(since: str | None) -> str | None:
    return date_bound(since, "--since")[1] if since else None


def trend(archive: Archive, names: list[str], by: str,
          as_today: bool) -> dict[str, dict[str, int]]:
    """Stories mentioning each name, by period (month or quarter): name -> period -> n."""
    canonical = {name: company_names(archive, name)[0] for name in names}
    series: dict[str, dict[str, int]] = {name: {} for name in canonical.values()}
    for period, label, stories in archive.trend(list(series), by, as_today):
        series.setdefault(label, {})[period] = stories
    return series


def render(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], fmt: str,
           excel: bool = False) -> str:
    """Rows as a table, CSV (formula-safe, as `export` writes it) or one JSON array."""
    rows = list(rows)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([neutralise(v) if isinstance(v, str) else ("" if v is None else v)
                             for v in (row.get(c) for c in columns)])
        return ("\ufeff" if excel else "") + out.getvalue()
    widths = {c: max([len(c), *(len(str(r.get(c) or "")) for r in rows)]) for c in columns}
    lines = ["  ".join(f"{c:<{min(widths[c], 40)}}" for c in columns)]
    lines += ["  ".join(f"{str(r.get(c) or '')[:40]:<{min(widths[c], 40)}}" for c in columns)
              for r in rows]
    return "\n".join(lines)


def table(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], fmt: str,
          excel: bool = False) -> str:
    """render's text as a command prints it: CSV ends its own lines."""
    text = render(rows, columns, fmt, excel)
    return Raw(text) if fmt == "csv" else text


def entities(db: Path, kind: str | None, since: str | None, sites: tuple[str, ...],
             candidates: bool, limit: int, fmt: str) -> Iterator[str]:
    with read(db, sites) as archive:
        rows = archive.entity_counts(kind, candidates, since_day(since), list(sites), limit)
    yield render(rows, ENTITY_COLUMNS, fmt)


def trend_table(db: Path, names: tuple[str, ...], by: str, as_today: bool,
                chart: Path | None) -> Iterator[str]:
    """`orthocrawl trend`: a tab-separated row per period, a column per name; a chart."""
    from orthocrawl.chart import check_path, draw_trend

    if chart is not None:
        check_path(chart)
    with read(db) as archive:
        series = trend(archive, list(names), by, as_today)
    yield "\t".join([by, *series])
    for period in sorted({p for counts in series.values() for p in counts}):
        yield "\t".join([period, *(str(c.get(period, 0)) for c in series.values())])
    if chart is not None:
        draw_trend(series, chart, f"Stories mentioning {', '.join(series)}", by)
        yield Note(f"chart: {chart}")


def events(db: Path, kind: str | None, company: str | None, since: str | None, fmt: str,
           excel: bool) -> Iterator[str]:
    with read(db) as archive:
        name = company_names(archive, company)[0] if company else None
        rows = list(archive.events_of(kind, name, since_day(since)))
    yield table(rows, EVENT_COLUMNS, fmt, excel)
