"""Gazetteers: the industry's known companies, products and institutions, from data files.

One ships with orthocrawl (data/gazetteer.csv); users add CSV or TOML files without code,
listed in ORTHOCRAWL_GAZETTEERS (separated by os.pathsep), loaded after it. A row names an
entity (kind, canonical name), the other names it goes by (aliases, tickers), and the company
it became part of (parent) from a date (since): former names after mergers.

CSV columns (header row first; lines starting with '#' are comments):
    kind,name,aliases,tickers,parent,since,source   (only kind and name are required;
    aliases and tickers are ';'-separated)
TOML: one array of tables per kind:
    [[company]]
    name = "Acme Spine"
    aliases = ["Acme"]
    tickers = ["NASDAQ:ACME"]
    parent = "Globus Medical"      # optional, with since = "2024-05-01" (or "2024-05", "2024")
    source = "Acme press release, May 2024"

A file that cannot be used raises GazetteerError naming the file, the line and the reason.
A row naming an entity again (same kind and name) extends it; an alias or ticker that already
names another entity is an error (a name never silently means two things).
"""

from __future__ import annotations

import csv
import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from orthocrawl.errors import BadInput

from .records import KINDS

ENV_VAR = "ORTHOCRAWL_GAZETTEERS"
# Read through importlib.resources, not __file__: a scrapyd job imports orthocrawl from a
# zipped egg, where data/ is no directory (tests/test_scrapyd.py).
SHIPPED = files("orthocrawl.entities").joinpath("data", "gazetteer.csv")

_COLUMNS = ("kind", "name", "aliases", "tickers", "parent", "since", "source")
_TICKER = re.compile(r"^(?:([A-Za-z][A-Za-z ]{0,20}):)?\s*([A-Z0-9][A-Z0-9.\-]{0,7})$")
_SINCE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_TOML_LINE = re.compile(r"at line (\d+)")


class GazetteerError(BadInput):
    """A gazetteer file that cannot be used: str() is one line, 'FILE:LINE: reason'."""

    def __init__(self, path: str | os.PathLike[str] | Traversable, line: int | None,
                 reason: str):
        self.path, self.line, self.reason = str(path), line, reason
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {reason}")


def fold(name: str) -> str:
    """The matching key of a name: lowercase, offset for offset (str.lower, unless it would
    change the length, as for "İ": then ASCII letters alone are lowered)."""
    if not name.isascii():
        # str.lower of a text with any character beyond Latin-1 ("’", "™") looks up every
        # character's case (about 50 instructions each, 5% of an article's extraction); when
        # lowering changes none of its non-ASCII characters, lowering the ASCII ones alone,
        # in its UTF-8 bytes, gives the same string at a fifth of the cost
        data = name.encode("utf-8", "surrogatepass")
        rest = data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
        if rest.lower() == rest:
            return data.lower().decode("utf-8", "surrogatepass")
    lowered = name.lower()
    return lowered if len(lowered) == len(name) else name.translate(_ASCII_LOWER)


_ASCII_LOWER = {c: c + 32 for c in range(65, 91)}
_ASCII_BYTES = bytes(range(128))


@dataclass
class Entry:
    """One known entity; `since` is an ISO date, `origin` the 'file:line' it was read from."""

    kind: str
    name: str
    aliases: list[str] = field(default_factory=list)
    tickers: list[str] = field(default_factory=list)
    parent: str | None = None
    since: str | None = None
    source: str = ""
    origin: str = ""


class Gazetteer:
    """Known entities by every name they go by; merger-aware company resolution."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], Entry] = {}
        self.surfaces: dict[str, Entry] = {}  # fold(name or alias) -> entry
        self.tickers: dict[str, Entry] = {}  # symbol -> entry

    # -- building ---------------------------------------------------------------------------
    def add(self, entry: Entry, path: str, line: int | None) -> None:
        key = (entry.kind, entry.name)
        known = self.entries.get(key)
        if known is None:
            known = self.entries[key] = entry
        else:  # a later row extends a known entity
            known.aliases += [a for a in entry.aliases if a not in known.aliases]
            known.tickers += [t for t in entry.tickers if t not in known.tickers]
            if entry.parent:
                known.parent, known.since = entry.parent, entry.since
            known.source = entry.source or known.source
        for surface in (entry.name, *entry.aliases):
            other = self.surfaces.setdefault(fold(surface), known)
            if other is not known:
                raise GazetteerError(path, line, f"{surface!r} already names {other.kind} "
                                     f"{other.name!r} ({other.origin})")
        for ticker in entry.tickers:
            symbol = ticker.rpartition(":")[2].strip()
            other = self.tickers.setdefault(symbol, known)
            if other is not known:
                raise GazetteerError(path, line, f"ticker {symbol!r} already names "
                                     f"{other.name!r} ({other.origin})")

    def check(self) -> None:
        """Every parent is a known company and no chain of parents loops."""
        for entry in self.entries.values():
            if entry.parent is None:
                continue
            path, _, line = entry.origin.rpartition(":")
            if ("company", entry.parent) not in self.entries:
                raise GazetteerError(path, int(line), f"parent {entry.parent!r} is not a company "
                                     "in any gazetteer")
            seen, name = {entry.name}, entry.parent
            while (nxt := self.entries[("company", name)].parent) is not None:
                if nxt in seen:
                    raise GazetteerError(path, int(line), f"parents of {entry.name!r} loop")
                seen.add(name)
                name = nxt

    # -- reading ----------------------------------------------------------------------------
    def entry(self, kind: str, name: str) -> Entry | None:
        return self.entries.get((kind, name))

    def resolve(self, name: str, published: str | None, as_today: bool = False) -> str:
        """A company's name as of `published` (ISO date): former names count for the company
        they became part of from the merger's date on; `as_today` applies every merger."""
        for _ in range(10):
            entry = self.entries.get(("company", name))
            if entry is None or entry.parent is None:
                return name
            if not (as_today or (entry.since and published and published[:10] >= entry.since)):
                return name
            name = entry.parent
        return name

    def today(self, name: str) -> str:
        """The company a name belongs to today (every merger applied)."""
        return self.resolve(name, None, as_today=True)


# -- loading ---------------------------------------------------------------------------------
def paths_from_env(environ: Mapping[str, str] | None = None) -> list[Path]:
    """The user gazetteers listed in ORTHOCRAWL_GAZETTEERS (os.pathsep-separated)."""
    value = (os.environ if environ is None else environ).get(ENV_VAR, "")
    return [Path(p) for p in value.split(os.pathsep) if p.strip()]


def load_gazetteer(paths: Iterable[str | os.PathLike[str]] = (), shipped: bool = True
                   ) -> Gazetteer:
    """The shipped gazetteer (unless shipped=False), then each of `paths` in order."""
    gazetteer = Gazetteer()
    sources: list[Path | Traversable] = [SHIPPED] if shipped else []
    for path in sources + [Path(p) for p in paths]:
        for entry, line in _read(path):
            gazetteer.add(entry, str(path), line)
    gazetteer.check()
    return gazetteer


def _read(path: Path | Traversable) -> list[tuple[Entry, int]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise GazetteerError(path, None, exc.strerror or "cannot read") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise GazetteerError(path, line, "not UTF-8 text") from None
    suffix = Path(path.name).suffix.lower()
    if suffix == ".toml":
        rows = _read_toml(path, text)
    elif suffix == ".csv":
        rows = _read_csv(path, text)
    else:
        raise GazetteerError(path, None, "not a .csv or .toml file")
    if not rows:
        raise GazetteerError(path, 1, "no entries")
    return rows


def _read_csv(path: Path | Traversable, text: str) -> list[tuple[Entry, int]]:
    # comment lines become empty ones, so the reader's line numbers stay the file's
    lines = ["" if ln.lstrip().startswith("#") else ln for ln in text.splitlines()]
    reader = csv.reader(lines)
    header: list[str] | None = None
    rows = []
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            line = reader.line_num
            if header is None:
                header = [c.strip().lower() for c in row]
                unknown = [c for c in header if c not in _COLUMNS]
                if unknown:
                    raise GazetteerError(path, line, f"unknown column {unknown[0]!r} (expected "
                                         f"some of: {', '.join(_COLUMNS)})")
                for needed in ("kind", "name"):
                    if needed not in header:
                        raise GazetteerError(path, line, f"no {needed!r} column in the header")
                continue
            if len(row) > len(header):
                raise GazetteerError(path, line, f"{len(row)} fields, the header has "
                                     f"{len(header)}")
            row += [""] * (len(header) - len(row))  # empty trailing fields may be left out
            cells = dict(zip(header, (c.strip() for c in row), strict=True))
            fields = {k: _split(v) if k in ("aliases", "tickers") else v
                      for k, v in cells.items() if k != "kind"}
            rows.append((_entry(path, line, cells["kind"], fields), line))
    except csv.Error as exc:
        raise GazetteerError(path, reader.line_num, f"not CSV: {exc}") from None
    return rows


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def _read_toml(path: Path | Traversable, text: str) -> list[tuple[Entry, int]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        line = int(found.group(1)) if found else max(len(text.splitlines()), 1)
        reason = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", str(exc))
        raise GazetteerError(path, line, f"not TOML: {reason}") from None
    lines = text.splitlines()
    rows = []
    for kind, tables in data.items():
        headers = [i + 1 for i, ln in enumerate(lines)
                   if re.match(rf"\s*\[\[\s*\"?{re.escape(kind)}\"?\s*\]\]", ln)]
        first = headers[0] if headers else _line_of(lines, kind)
        if kind not in KINDS:
            raise GazetteerError(path, first, f"unknown kind {kind!r} (expected one of: "
                                 f"{', '.join(KINDS)})")
        if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
            raise GazetteerError(path, first, f"{kind!r} must be an array of tables "
                                 f"([[{kind}]])")
        for n, table in enumerate(tables):
            line = headers[n] if n < len(headers) else first
            fields: dict[str, str | list[str]] = {}
            for key, value in table.items():
                if key not in _COLUMNS or key == "kind":
                    raise GazetteerError(path, line, f"unknown key {key!r} in [[{kind}]]")
                if key in ("aliases", "tickers"):
                    value = [value] if isinstance(value, str) else value
                    if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                        raise GazetteerError(path, line, f"{key} must be a list of strings")
                    fields[key] = [v.strip() for v in value if v.strip()]
                elif isinstance(value, str):
                    fields[key] = value.strip()
                elif isinstance(value, date) and key == "since":
                    fields[key] = value.isoformat()
                else:
                    raise GazetteerError(path, line, f"{key} must be a string")
            rows.append((_entry(path, line, kind, fields), line))
    return rows


def _line_of(lines: list[str], word: str) -> int:
    return next((i + 1 for i, ln in enumerate(lines) if word in ln), 1)


def _entry(path: Path | Traversable, line: int, kind: str,
           fields: Mapping[str, str | list[str]]) -> Entry:
    def text(key: str) -> str:
        value = fields.get(key, "")
        return value if isinstance(value, str) else ""

    def many(key: str) -> list[str]:
        value = fields.get(key, [])
        return value if isinstance(value, list) else []

    if kind not in KINDS:
        raise GazetteerError(path, line, f"unknown kind {kind!r} (expected one of: "
                             f"{', '.join(KINDS)})")
    name = text("name")
    if not name:
        raise GazetteerError(path, line, "empty name")
    tickers = many("tickers")
    for ticker in tickers:
        if not _TICKER.match(ticker):
            raise GazetteerError(path, line, f"ticker {ticker!r} is not EXCHANGE:SYMBOL")
    since = text("since")
    if since:
        since = _since(path, line, since)
    parent = text("parent") or None
    if since and not parent:
        raise GazetteerError(path, line, "since without parent")
    if parent == name:
        raise GazetteerError(path, line, "parent is the entity itself")
    return Entry(kind, name, many("aliases"), tickers, parent, since or None, text("source"),
                 f"{path}:{line}")


def _since(path: Path | Traversable, line: int, value: str) -> str:
    found = _SINCE.match(value)
    try:
        if not found:
            raise ValueError
        year, month, day = (int(g) if g else 1 for g in found.groups())
        return date(year, month, day).isoformat()
    except ValueError:
        raise GazetteerError(path, line, f"since {value!r} is not a date (YYYY-MM-DD, "
                             "YYYY-MM or YYYY)") from None
