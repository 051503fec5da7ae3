"""Writing archive rows as CSV (RFC 4180, Excel-safe) or JSON Lines, streamed row by row."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from orthocrawl.archive import ArchiveError
from orthocrawl.archive.query import QueryError
from orthocrawl.items import EXPORT_COLUMNS, LIST_FIELDS

__all__ = ["EXPORT_COLUMNS", "neutralise", "write_csv", "write_jsonl"]

LIST_COLUMNS = LIST_FIELDS
LIST_SEPARATOR = "; "
# A cell starting with one of these is a formula to Excel, LibreOffice and Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """Make a cell that a spreadsheet would run as a formula read as text (OWASP's advice)."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _cell(column: str, value: Any, raw: bool) -> Any:
    if value is None:
        return ""
    if column in LIST_COLUMNS:
        value = LIST_SEPARATOR.join(json.loads(value) if isinstance(value, str) else value)
    if isinstance(value, str) and not raw:
        return neutralise(value)
    return value


def write_csv(rows: Iterable[dict[str, Any]], columns: list[str], out: TextIO,
              raw: bool = False) -> int:
    """RFC 4180: comma-separated, CRLF line ends, fields quoted when they need it."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([_cell(c, row[c], raw) for c in columns])
        count += 1
    return count


def write_jsonl(rows: Iterable[dict[str, Any]], columns: list[str], out: TextIO,
                raw: bool = False) -> int:
    """One JSON object per line (raw: accepted for write_csv's signature; JSON needs no
    formula neutralising)."""
    count = 0
    for row in rows:
        record = {c: (json.loads(row[c]) if c in LIST_COLUMNS and isinstance(row[c], str)
                      else row[c]) for c in columns}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def choose_columns(columns: str | None) -> list[str]:
    """`--columns a,b,c` checked against the export columns (all of them when None)."""
    chosen = [c.strip() for c in columns.split(",")] if columns else list(EXPORT_COLUMNS)
    unknown = [c for c in chosen if c not in EXPORT_COLUMNS]
    if unknown:
        raise QueryError(f"--columns: unknown column {unknown[0]!r} (columns: "
                         f"{', '.join(EXPORT_COLUMNS)})")
    return chosen


def write(rows: Iterable[dict[str, Any]], columns: list[str], fmt: str, output: Path | None,
          excel: bool = False, raw: bool = False) -> int:
    """Write rows as CSV or JSON Lines to output (standard output when None); how many.
    `excel`: UTF-8 with a byte-order mark. ArchiveError when the file cannot be written."""
    encoding = "utf-8-sig" if excel else "utf-8"
    writer = write_csv if fmt == "csv" else write_jsonl
    if output is None:
        sys.stdout.flush()
        out = io.TextIOWrapper(sys.stdout.buffer, encoding=encoding, newline="")
        try:
            return writer(rows, columns, out, raw)
        finally:
            out.flush()
            out.detach()  # leave standard output open
    try:
        with output.open("w", encoding=encoding, newline="") as out:
            return writer(rows, columns, out, raw)
    except OSError as error:
        raise ArchiveError(f"cannot write {output}: {error.strerror}") from None
