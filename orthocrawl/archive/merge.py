"""Merging archives: another archive's articles, versions, raw pages, runs and dropped URLs
brought into this one (`orthocrawl merge`, for crawls on several machines).

The other archive is never read in place: `snapshot` copies it (SQLite's online backup, one
consistent read even while a crawl writes it), checks the copy and migrates the copy to this
schema; `MergeStore.merge_from` then reads the copy, ATTACHed, in one transaction. The rules:

- articles are united by canonical URL; their versions by content hash and time: both sides'
  versions in time order, a version that repeats the one before it (the same text seen by
  both machines) kept once, at its first sighting, renumbered 1..n;
- the article's row is the side's whose text is the newest version, with first_seen the
  earlier, last_seen the later, and gone or live by the later observation (gone since after
  the last sighting alive, else live);
- a raw page is the newer fetch of it, `checked_at` the later confirmation;
- run rows are carried over once (a run is its start, sites and pid), a finished run replacing
  the same run's unfinished row; dropped URLs take the later check;
- derived layers (entities, stories) are not copied: the caller's `derive` redoes them for
  every article that is new or whose text changed, as a crawl does;
- any other table keyed by something other than a row id is united (INSERT OR IGNORE); one
  keyed by row id, which the two archives number independently, stops the merge with one line
  naming it (merge must learn its rule) when the other archive has rows in it.

Merging the same archive again changes nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from orthocrawl.archive.connection import ArchiveError, Connection

# Derived from the articles: redone through `derive`, never copied. Story tables listed ahead
# of their migration (issue 11's stories layer), so that merge leaves them to `derive` too.
DERIVED_TABLES = frozenset({
    "entities", "mentions", "events", "people", "derived_methods",
    "article_mentions", "article_events", "article_people",
    "story_signatures", "story_keys", "story_facts", "story_ids", "stories"})
DERIVED_ARTICLE_COLUMNS = frozenset({"story_id"})
# A raw page's parts in tables of their own, keyed by the page's url: they follow the page.
PAGE_PARTS = ("page_bodies",)
_HANDLED = frozenset({"articles", "article_versions", "pages", "crawl_runs", "dropped_urls",
                      "watches", "watch_matches", "article_html", *PAGE_PARTS})
_RUN_KEY = ("started_at", "sites", "pid")


@dataclass
class Merged:
    """What one merge brought in."""

    articles_new: int = 0
    articles_updated: int = 0  # text, dates or status taken from the other archive
    versions_added: int = 0
    pages: int = 0  # raw pages added or replaced by a newer fetch
    runs: int = 0  # run rows added or completed
    dropped: int = 0  # dropped URLs added or updated
    other_rows: int = 0  # rows of other tables (united generically)
    derived: int = 0  # articles whose derived layers were redone

    @property
    def changed(self) -> bool:
        return any(vars(self).values())


def snapshot(source: Path, copy: Path) -> None:
    """A checked copy of the archive at source in copy, migrated to this schema; the source
    is only read (one read transaction). ArchiveError, naming the source, for a missing,
    foreign, newer, empty or damaged file."""
    with Connection(source, read_only=True, any_version=True) as archive:
        if archive.version < 1:
            raise ArchiveError(f"{source} is not an orthocrawl archive")
        try:
            archive.backup(copy)
        except sqlite3.DatabaseError as error:
            raise ArchiveError(f"cannot read {source}: {error}") from None
    try:
        conn = sqlite3.connect(copy)
        try:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        check = str(error)
    if check != "ok":
        found = [line for line in check.splitlines() if not line.startswith("***")] or [check]
        raise ArchiveError(f"{source} is damaged ({found[0]}); not merged")
    try:
        Connection(copy).close()  # migrated, in the copy
    except ArchiveError as error:
        raise ArchiveError(f"cannot migrate a copy of {source}: {error}") from None


class MergeStore(Connection):
    """Merging a snapshot of another archive into this one."""

    def snapshot_sites(self, copy: Path) -> list[str]:
        with Connection(copy, read_only=True) as other:
            return [row[0] for row in other.db.execute(
                "SELECT DISTINCT site FROM articles ORDER BY site")]

    def merge_from(self, copy: Path,
                   derive: Callable[[Any, str, dict[str, Any]], None] | None = None) -> Merged:
        """Merge the archive snapshot at copy (made by `snapshot`) into this one, in one
        transaction; `derive(archive, url, record)` redoes the derived layers of each article
        that is new here or whose text changed."""
        merged = Merged()
        with self._attached(copy):
            self._refuse_unknown_tables()
            with self.transaction():
                changed = self._merge_articles(merged)
                self._merge_html(changed)
                self._merge_pages(merged)
                self._merge_runs(merged)
                self._merge_dropped(merged)
                self._merge_watches(merged)
                self._merge_other_tables(merged)
                if derive is not None:
                    for url in changed:
                        record = self.article(url)  # type: ignore[attr-defined]
                        derive(self, url, record)
                    merged.derived = len(changed)
        return merged

    @contextmanager
    def _attached(self, copy: Path) -> Iterator[None]:
        self.db.execute("ATTACH DATABASE ? AS src", [str(copy)])
        try:
            yield
        finally:
            self.db.execute("DETACH DATABASE src")

    # ---- the schema of both sides ----

    def _tables(self, schema: str) -> list[str]:
        return [row[0] for row in self.db.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE "
            "'sqlite_%' AND name NOT LIKE 'articles_fts%' ORDER BY name")]

    def _columns(self, table: str, schema: str = "main") -> list[tuple[str, str, int]]:
        """(name, declared type, position in the primary key) of each column."""
        return [(row[1], row[2].upper(), row[5]) for row in self.db.execute(
            f"PRAGMA {schema}.table_info({table})")]

    def _shared(self, table: str) -> list[str]:
        theirs = {name for name, _, _ in self._columns(table, "src")}
        return [name for name, _, _ in self._columns(table) if name in theirs]

    def _keyed_by_rowid(self, table: str) -> bool:
        key = [(name, kind) for name, kind, pk in self._columns(table, "src") if pk]
        return not key or (len(key) == 1 and key[0][1] == "INTEGER")

    def _refuse_unknown_tables(self) -> None:
        ours = set(self._tables("main"))
        for table in self._tables("src"):
            if table in _HANDLED or table in DERIVED_TABLES:
                continue
            rows = self.db.execute(f"SELECT count(*) FROM src.{table}").fetchone()[0]
            if rows and (table not in ours or self._keyed_by_rowid(table)):
                raise ArchiveError(
                    f"merge does not know how to carry over table {table!r} ({rows} rows, "
                    "keyed by row id); nothing was merged")

    # ---- articles and their versions ----

    def _merge_articles(self, merged: Merged) -> list[str]:
        """Articles and versions; the URLs whose text is new here (derived layers to redo)."""
        columns = [c for c in self._shared("articles") if c not in DERIVED_ARTICLE_COLUMNS]
        names = ", ".join(columns)
        new = [row[0] for row in self.db.execute(
            "SELECT url FROM src.articles WHERE url NOT IN (SELECT url FROM main.articles) "
            "ORDER BY url")]
        self.db.execute(
            f"INSERT INTO main.articles ({names}) SELECT {names} FROM src.articles WHERE url "
            "NOT IN (SELECT url FROM main.articles) ORDER BY url")
        version_columns = ", ".join(self._shared("article_versions"))
        merged.versions_added += self.db.execute(
            f"INSERT INTO main.article_versions ({version_columns}) SELECT {version_columns} "
            "FROM src.article_versions WHERE url IN (SELECT value FROM json_each(?))",
            [_json(new)]).rowcount
        merged.articles_new = len(new)
        changed = list(new)
        common = [row[0] for row in self.db.execute(
            "SELECT s.url FROM src.articles s JOIN main.articles m ON m.url = s.url "
            "ORDER BY s.url")]
        for url in common:
            outcome = self._merge_article(url, columns, merged)
            if outcome == "text":
                changed.append(url)
        return changed

    def _merge_article(self, url: str, columns: list[str], merged: Merged) -> str:
        """One article both archives hold: "text" (its text changed here), "row" (dates or
        status did) or ""."""
        mine, other = self._row("main", url, columns), self._row("src", url, columns)
        (ours, bare_ours), (theirs, bare_theirs) = (
            _texts_filled(self._versions("main", url), mine),
            _texts_filled(self._versions("src", url), other))
        versions = _united(ours, theirs)
        if [_version_key(v) for v in versions] != [_version_key(v) for v in ours]:
            self.db.execute("DELETE FROM main.article_versions WHERE url = ?", [url])
            for number, version in enumerate(versions, start=1):
                row = {**version, "version": number}
                if number == len(versions) and (bare_ours or bare_theirs):
                    row.update(title=None, body_text=None)  # the article's, as it was stored
                self.db.execute("INSERT INTO main.article_versions ({}) VALUES ({})".format(
                    ", ".join(row), ", ".join("?" * len(row))), list(row.values()))
            merged.versions_added += len(versions) - len(ours)
        newest = versions[-1]["content_hash"] if versions else mine["content_hash"]
        winner = other if (other["content_hash"] == newest
                           and mine["content_hash"] != newest) else mine
        row = dict(winner)
        row["first_seen"] = _least(mine["first_seen"], other["first_seen"])
        row["last_seen"] = _greatest(mine["last_seen"], other["last_seen"])
        if versions:
            row["version"] = len(versions)
            row["last_changed"] = versions[-1]["fetched_at"]
        row["status"], row["gone_since"] = _gone_or_live(mine, other, row["last_seen"])
        update = {c: v for c, v in row.items() if c != "url" and mine.get(c) != v}
        if not update:
            return ""
        self.db.execute("UPDATE main.articles SET {} WHERE url = ?".format(
            ", ".join(f"{c} = ?" for c in update)), [*update.values(), url])
        merged.articles_updated += 1
        return "text" if row["content_hash"] != mine["content_hash"] else "row"

    def _merge_html(self, changed: list[str]) -> None:
        """The body_html (article_html, keyed by each archive's own row ids) of the articles
        whose text came from the other archive: new here, or its newer text taken."""
        if "article_html" not in self._tables("main"):
            return
        self.db.execute(
            "INSERT OR REPLACE INTO main.article_html (article_id, encoding, dictionary, html) "
            "SELECT m.rowid, h.encoding, h.dictionary, h.html FROM src.articles s "
            "JOIN main.articles m ON m.url = s.url AND m.content_hash IS s.content_hash "
            "JOIN src.article_html h ON h.article_id = s.rowid "
            "WHERE s.url IN (SELECT value FROM json_each(?))", [_json(changed)])

    def _versions(self, schema: str, url: str) -> list[dict[str, Any]]:
        cursor = self.db.execute(
            f"SELECT * FROM {schema}.article_versions WHERE url = ? ORDER BY version", [url])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def _row(self, schema: str, url: str, columns: list[str]) -> dict[str, Any]:
        cursor = self.db.execute(
            f"SELECT {', '.join(columns)} FROM {schema}.articles WHERE url = ?", [url])
        return dict(zip(columns, cursor.fetchone(), strict=True))

    # ---- raw pages, runs, dropped URLs, the rest ----

    def _merge_pages(self, merged: Merged) -> None:
        """The newer fetch of each page (and its parts), the later confirmation."""
        columns = ", ".join(self._shared("pages"))
        self.db.execute("DROP TABLE IF EXISTS temp.merge_newer")
        self.db.execute(
            "CREATE TEMP TABLE merge_newer AS SELECT s.url FROM src.pages s "
            "LEFT JOIN main.pages m ON m.url = s.url "
            "WHERE m.url IS NULL OR s.fetched_at > m.fetched_at")
        merged.pages += self.db.execute(
            f"INSERT OR REPLACE INTO main.pages ({columns}) SELECT {columns} FROM src.pages "
            "WHERE url IN (SELECT url FROM temp.merge_newer)").rowcount
        for part in PAGE_PARTS:
            if part in self._tables("main") and part in self._tables("src"):
                names = ", ".join(self._shared(part))
                self.db.execute(
                    f"INSERT OR REPLACE INTO main.{part} ({names}) SELECT {names} FROM "
                    f"src.{part} WHERE url IN (SELECT url FROM temp.merge_newer)")
        self.db.execute(
            "UPDATE main.pages SET checked_at = s.checked_at, sitemap_lastmod = "
            "coalesce(s.sitemap_lastmod, main.pages.sitemap_lastmod) FROM src.pages s "
            "WHERE s.url = main.pages.url AND s.checked_at > coalesce(main.pages.checked_at, '')")
        self.db.execute("DROP TABLE temp.merge_newer")

    def _merge_runs(self, merged: Merged) -> None:
        """Each run once, by its start, sites and pid; a finished row replaces the same run's
        unfinished one (merged while the run was going on)."""
        columns = [c for c in self._shared("crawl_runs") if c != "id"]
        names = ", ".join(columns)
        same = " AND ".join(f"m.{c} IS s.{c}" for c in _RUN_KEY)
        merged.runs += self.db.execute(
            "UPDATE main.crawl_runs AS m SET {} FROM src.crawl_runs s WHERE {} AND "
            "m.finished_at IS NULL AND s.finished_at IS NOT NULL".format(
                ", ".join(f"{c} = s.{c}" for c in columns), same)).rowcount
        merged.runs += self.db.execute(
            f"INSERT INTO main.crawl_runs ({names}) SELECT {names} FROM src.crawl_runs s "
            f"WHERE NOT EXISTS (SELECT 1 FROM main.crawl_runs m WHERE {same}) "
            "ORDER BY s.started_at, s.id").rowcount

    def _merge_dropped(self, merged: Merged) -> None:
        """Dropped URLs: first dropped the earlier, reason and <lastmod> the later check's;
        none for a page archived as an article after its last drop."""
        merged.dropped += self.db.execute(
            "INSERT INTO main.dropped_urls (url, site, reason, lastmod, dropped_at, checked_at) "
            "SELECT url, site, reason, lastmod, dropped_at, checked_at FROM src.dropped_urls "
            "WHERE true ON CONFLICT (url) DO UPDATE SET "
            "reason = CASE WHEN excluded.checked_at > checked_at THEN excluded.reason "
            "ELSE reason END, "
            "lastmod = CASE WHEN excluded.checked_at > checked_at THEN "
            "coalesce(excluded.lastmod, lastmod) ELSE lastmod END, "
            "dropped_at = min(dropped_at, excluded.dropped_at), "
            "checked_at = max(checked_at, excluded.checked_at) "
            "WHERE excluded.checked_at > checked_at OR excluded.dropped_at < dropped_at"
        ).rowcount
        self.db.execute(
            "DELETE FROM main.dropped_urls WHERE url IN (SELECT d.url FROM main.dropped_urls d "
            "JOIN main.articles a ON a.url = d.url WHERE a.last_seen >= d.checked_at)")

    def _merge_watches(self, merged: Merged) -> None:
        """Watches united by name (the target's wins); their matches come along under the
        target's watch. A story id means nothing in another archive, so a match reported
        for a story is kept under its article's URL ('article:<url>'), which the watch
        counts for that article's story here: what one machine reported is not reported
        again. Run ids are the source's: dropped."""
        if "watches" not in self._tables("src") or "watches" not in self._tables("main"):
            return
        merged.other_rows += self.db.execute(
            "INSERT INTO main.watches (name, query, sites, min_sites, created_at) "
            "SELECT name, query, sites, min_sites, created_at FROM src.watches WHERE true "
            "ON CONFLICT (name) DO NOTHING").rowcount
        merged.other_rows += self.db.execute(
            "INSERT INTO main.watch_matches (watch_id, story_key, article_url, matched_at, "
            "run_id, reported, summary) "
            "SELECT w.id, CASE WHEN m.story_key LIKE 'story:%' THEN 'article:' || "
            "m.article_url ELSE m.story_key END, m.article_url, m.matched_at, NULL, "
            "m.reported, m.summary FROM src.watch_matches m "
            "JOIN src.watches sw ON sw.id = m.watch_id JOIN main.watches w ON w.name = sw.name "
            "WHERE true ON CONFLICT (watch_id, story_key) DO UPDATE SET reported = 1 "
            "WHERE excluded.reported = 1 AND reported = 0").rowcount

    def _merge_other_tables(self, merged: Merged) -> None:
        ours = set(self._tables("main"))
        for table in self._tables("src"):
            if table in _HANDLED or table in DERIVED_TABLES or table not in ours:
                continue
            names = ", ".join(self._shared(table))
            merged.other_rows += self.db.execute(
                f"INSERT OR IGNORE INTO main.{table} ({names}) SELECT {names} "
                f"FROM src.{table}").rowcount


def _json(values: list[str]) -> str:
    import json

    return json.dumps(values)


def _version_key(version: dict[str, Any]) -> tuple[Any, Any]:
    return version["fetched_at"], version["content_hash"]


def _texts_filled(versions: list[dict[str, Any]],
                  article: dict[str, Any]) -> tuple[list[dict[str, Any]], bool]:
    """An archive may keep the current version's text in `articles` only (its row in
    article_versions without title and body_text): the versions with that text filled in, and
    whether it was so (a merged current version is then stored the same way)."""
    bare = False
    filled = []
    for version in versions:
        if version["version"] == article.get("version") and version.get("title") is None \
                and version.get("body_text") is None and article.get("body_text") is not None:
            version = {**version, "title": article["title"], "body_text": article["body_text"]}
            bare = True
        filled.append(version)
    return filled, bare


def _united(ours: list[dict[str, Any]], theirs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Both sides' versions in time order (ours first on a tie), a version whose text is the
    one before it dropped (the same text seen twice: kept at its first sighting)."""
    ordered = sorted([(v["fetched_at"] or "", 0, v["version"], v) for v in ours] +
                     [(v["fetched_at"] or "", 1, v["version"], v) for v in theirs],
                     key=lambda item: item[:3])
    united: list[dict[str, Any]] = []
    for *_, version in ordered:
        if united and united[-1]["content_hash"] == version["content_hash"]:
            continue
        united.append(version)
    return united


def _least(*values: str | None) -> str | None:
    present = [v for v in values if v]
    return min(present) if present else None


def _greatest(*values: str | None) -> str | None:
    present = [v for v in values if v]
    return max(present) if present else None


def _gone_or_live(mine: dict[str, Any], other: dict[str, Any],
                  last_seen: str | None) -> tuple[str, str | None]:
    """Gone when a side found the article gone after it was last seen alive (since the first
    such finding), else live: the later observation wins."""
    gone = [row["gone_since"] for row in (mine, other)
            if row["status"] == "gone" and row["gone_since"]
            and row["gone_since"] > (last_seen or "")]
    return ("gone", min(gone)) if gone else ("live", None)
