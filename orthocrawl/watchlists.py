"""Watchlists: saved full-text queries, run after every crawl (and by `orthocrawl watch run`).

A watch's new matches are the stories it matches that it has not reported yet (a new copy
of a reported story is not new); they are recorded in the archive (orthocrawl.archive's
WatchStore), written to one Atom file per watch (DIR/NAME.xml: the latest FEED_SIZE
matches, entry ids stable across runs) when a feeds folder is given, and given as JSON on
standard input to a notify command, run once per watch that has new matches.

The Atom files are written with the standard library's xml.etree: the format is small and
fixed, and feedparser (a dependency already) reads them back in the tests.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orthocrawl.archive import Archive
from orthocrawl.archive.query import date_bound
from orthocrawl.errors import BadInput

FEED_SIZE = 50
NOTIFY_TIMEOUT = 300.0  # seconds a notify command may take
ATOM = "http://www.w3.org/2005/Atom"
# A watch's name is its feed's file name: letters, digits, '.', '_', '-'; no leading dot.
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


class WatchError(BadInput):
    """A watch, feeds folder or notify command that cannot be used; one line."""


@dataclass
class WatchResult:
    """One watch's outcome of a run: its new matches (newest first), the feed written, and
    what went wrong delivering them (None: nothing)."""

    name: str
    new: list[dict[str, Any]]
    feed: Path | None = None
    problems: list[str] = field(default_factory=list)

    def as_stat(self) -> dict[str, Any]:
        """What the crawl's stats keep of it (the run summary is printed from this)."""
        return {"watch": self.name, "new": len(self.new),
                "titles": [m["title"] for m in self.new], "problems": self.problems}


# ---- checking what the user gave ----

def check_name(name: str) -> str:
    if not _NAME.match(name):
        raise WatchError(f"watch name {name!r}: use letters, digits, '.', '_' and '-' (up to "
                         "64, not starting with '.'): it names the watch's feed file")
    return name


def check_feeds_dir(folder: str | os.PathLike[str]) -> Path:
    """The feeds folder, created if missing, once a file could be written in it (WatchError:
    one line saying why not)."""
    path = Path(folder)
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path, prefix=".orthocrawl-", suffix=".tmp"):
            pass
    except OSError as error:
        raise WatchError(f"cannot write watch feeds to {path}: "
                         f"{error.strerror or error}") from None
    return path


# ---- the commands ----

def add_watch(db: Path, name: str, query: str, sites: list[str],
              min_sites: int) -> tuple[dict[str, Any], int]:
    """Save a watch (one short write transaction; never the crawl lock): the watch, and how
    many stories the archive holds that it matches already (known, not reported)."""
    check_name(name)
    if min_sites < 1:
        raise WatchError(f"--min-sites {min_sites}: a whole number, 1 or more")
    existed = Path(db).exists()
    try:
        with Archive(db) as archive:
            if sites:
                from orthocrawl.sites import load_sites, spiders

                load_sites()
                known = set(spiders()) | set(archive.sites())
                unknown = sorted(set(sites) - known)
                if unknown:
                    raise WatchError(f"--site {unknown[0]!r}: no such site (sites: "
                                     f"{', '.join(sorted(known))})")
            return archive.add_watch(name, query, sorted(set(sites)), min_sites)
    except Exception:
        if not existed:  # a refused watch leaves no new, empty archive behind
            for path in (Path(db), Path(f"{db}-wal"), Path(f"{db}-shm")):
                path.unlink(missing_ok=True)
        raise


def remove_watch(db: Path, name: str) -> int:
    with Archive(db, create=False) as archive:
        return archive.remove_watch(name)


def list_watches(db: Path) -> list[dict[str, Any]]:
    with Archive(db, read_only=True) as archive:
        return archive.watches() if archive.db["watches"].exists() else []


def run_on_demand(db: Path, since: str | None, feeds: str | None,
                  notify: str | None) -> list[WatchResult]:
    """`orthocrawl watch run`: every watch's new matches now (with `since`, a backfill of
    what the archive held when the watch was added, published since that date)."""
    stamp = date_bound(since, "--since")[1] if since else None
    folder = check_feeds_dir(feeds) if feeds else None
    with Archive(db, create=False) as archive:
        return run_watches(archive, since=stamp, feeds=folder, notify=notify)


def run_watches(archive: Archive, *, run_id: int | None = None, since: str | None = None,
                feeds: Path | None = None, notify: str | None = None) -> list[WatchResult]:
    """Record each watch's new matches; write its feed (every watch's, with `feeds`) and run
    the notify command for each watch that has new matches. A feed or command that fails
    is a problem of that watch's result; the matches stay recorded."""
    results = []
    for watch in archive.watches():
        result = WatchResult(watch["name"], archive.record_matches(watch, run_id, since))
        if feeds is not None:
            try:
                result.feed = write_feed(feeds, watch, archive.latest_matches(watch, FEED_SIZE))
            except OSError as error:
                result.problems.append(f"cannot write its feed in {feeds}: "
                                       f"{error.strerror or error}")
        if notify and result.new:
            problem = run_notify(notify, watch, result.new)
            if problem:
                result.problems.append(problem)
        results.append(result)
    return results


# ---- delivery ----

def entry_id(name: str, story: str) -> str:
    """A feed entry's id: the same for a watch's story in every run (RFC 4122 name-based)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"orthocrawl:watch:{name}:{story}").urn


def atom_feed(watch: dict[str, Any], matches: list[dict[str, Any]]) -> bytes:
    """The watch's Atom document: its matches as entries, the latest first."""
    ET.register_namespace("", ATOM)

    def add(parent: ET.Element, tag: str, text: str | None = None,
            **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        element.text = text
        return element

    feed = ET.Element(f"{{{ATOM}}}feed")
    add(feed, "id", uuid.uuid5(uuid.NAMESPACE_URL, f"orthocrawl:watch:{watch['name']}").urn)
    add(feed, "title", f"orthocrawl watch {watch['name']}: {watch['query']}")
    add(feed, "updated", max((m["matched_at"] for m in matches),
                             default=watch["created_at"]))
    add(add(feed, "author"), "name", "orthocrawl")
    add(feed, "generator", "orthocrawl")
    for match in matches:
        entry = add(feed, "entry")
        add(entry, "id", entry_id(watch["name"], match["story"]))
        add(entry, "title", match["title"] or match["url"])
        add(entry, "link", href=match["url"])
        add(entry, "updated", match["matched_at"])
        if match["published_at"]:
            add(entry, "published", match["published_at"])
        if match["site"]:
            add(entry, "category", term=match["site"])
        if match["summary"]:
            add(entry, "summary", match["summary"])
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def write_feed(folder: Path, watch: dict[str, Any], matches: list[dict[str, Any]]) -> Path:
    """FOLDER/NAME.xml, replaced whole (a reader never sees half a file)."""
    path = folder / f"{watch['name']}.xml"
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{watch['name']}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(atom_feed(watch, matches))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def notify_payload(watch: dict[str, Any], new: list[dict[str, Any]]) -> str:
    """What a notify command reads on standard input: the watch and its new matches, one
    JSON object on one line."""
    return json.dumps({
        "watch": watch["name"], "query": watch["query"], "sites": watch["sites"],
        "min_sites": watch["min_sites"],
        "items": [{"story": m["story"], "title": m["title"], "url": m["url"],
                   "site": m["site"], "published_at": m["published_at"],
                   "sites": m["sites"], "summary": m["summary"],
                   "matched_at": m["matched_at"]} for m in new]}, ensure_ascii=False) + "\n"


def run_notify(command: str, watch: dict[str, Any], new: list[dict[str, Any]]) -> str | None:
    """Run the notify command (by the shell) with the new matches as JSON on its standard
    input and ORTHOCRAWL_WATCH set to the watch's name; None, or what went wrong."""
    try:
        done = subprocess.run(command, shell=True, input=notify_payload(watch, new),
                              text=True, capture_output=True, timeout=NOTIFY_TIMEOUT,
                              env={**os.environ, "ORTHOCRAWL_WATCH": watch["name"]})
    except subprocess.TimeoutExpired:
        return f"the notify command ran out of time ({NOTIFY_TIMEOUT:g} s)"
    except OSError as error:
        return f"cannot run the notify command: {error.strerror or error}"
    if done.returncode != 0:
        said = (done.stderr.strip().splitlines() or [""])[-1]
        return f"the notify command exited {done.returncode}" + (f": {said}" if said else "")
    return None


# ---- what is printed ----

def summary_lines(results: list[dict[str, Any]], show: int = 5) -> Iterator[str]:
    """A run summary's watch lines (results as WatchResult.as_stat gives them): each watch
    with new matches or a problem, and the first few titles."""
    for result in results:
        if not result["new"] and not result["problems"]:
            continue
        stories = "story" if result["new"] == 1 else "stories"
        yield f"  watch {result['watch']}: {result['new']} new {stories}"
        for title in result["titles"][:show]:
            yield f"    {title}"
        if result["new"] > show:
            yield f"    ... and {result['new'] - show} more"
        for problem in result["problems"]:
            yield f"    problem: {problem}"


# ---- what `orthocrawl watch` prints ----

def watch_settings(feeds: Path | None, notify: str | None) -> dict[str, str]:
    """--feeds and --notify-command as the settings they stand for (absent: the
    environment's or none, as the settings say)."""
    given = {"ORTHOCRAWL_WATCH_FEEDS": str(feeds) if feeds else None,
             "ORTHOCRAWL_WATCH_NOTIFY": notify}
    return {name: value for name, value in given.items() if value}


def added(db: Path, name: str, query: str, sites: tuple[str, ...],
          min_sites: int) -> Iterator[str]:
    watch, known = add_watch(db, name, query, list(sites), min_sites)
    where = f" on {', '.join(watch['sites'])}" if watch["sites"] else ""
    yield (f"added watch {name}: {query}{where}; {known} matching stories in the archive "
           "already (not reported); new ones are reported after each crawl")


def listed(db: Path) -> Iterator[str]:
    watches = list_watches(db)
    if not watches:
        yield f"no watches in {db} (add one: orthocrawl watch add NAME QUERY)"
    for watch in watches:
        limits = [f"sites {', '.join(watch['sites'])}"] if watch["sites"] else []
        if watch["min_sites"] > 1:
            limits.append(f"on {watch['min_sites']}+ sites")
        yield (f"{watch['name']}: {watch['query']}"
               + (f" ({'; '.join(limits)})" if limits else "")
               + f"; {watch['reported']} reported, latest {watch['last_match'] or 'never'}"
               + f"; {watch['known']} known when added")


def removed(db: Path, name: str) -> Iterator[str]:
    reported = remove_watch(db, name)
    yield f"removed watch {name} ({reported} reported stories forgotten)"


def ran(db: Path, since: str | None, feeds: Path | None,
        notify_command: str | None) -> Iterator[str]:
    """`orthocrawl watch run`: each watch's new matches and feed; Failed on a problem."""
    from orthocrawl.config import setting
    from orthocrawl.errors import Failed

    given = watch_settings(feeds, notify_command)
    results = run_on_demand(db, since, setting("ORTHOCRAWL_WATCH_FEEDS", given) or None,
                            setting("ORTHOCRAWL_WATCH_NOTIFY", given) or None)
    if not results:
        yield f"no watches in {db} (add one: orthocrawl watch add NAME QUERY)"
    for result in results:
        lines = [line[2:] for line in summary_lines([result.as_stat()])]
        yield from lines or [f"watch {result.name}: nothing new"]
        if result.feed:
            yield f"  feed: {result.feed}"
    if any(result.problems for result in results):
        raise Failed()
