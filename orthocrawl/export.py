"""Writing archive rows as CSV (RFC 4180, Excel-safe) or JSON Lines, streamed row by row."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

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
