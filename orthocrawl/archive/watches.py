"""Watchlists: saved full-text queries (`watches`) and the stories each has matched
(`watch_matches`). The evaluation that finds a watch's new matches, the feeds and the
notifications are orthocrawl.watchlists'; the SQL is here.

A match is one story, keyed 'story:<id>' when the article belongs to a story (the archive's
articles.story_id, when the archive has stories), else 'article:<url>': a new copy of a story
a watch has reported already is not new. A copy recorded under its own key before it was
given a story (an archive whose stories were built after its watches) still counts for its
story.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from orthocrawl.archive.connection import Connection
from orthocrawl.archive.query import QueryError, _execute, fts_query
from orthocrawl.dates import utc_now

WATCH_COLUMNS = ("id", "name", "query", "sites", "min_sites", "created_at")


class WatchStore(Connection):
    """Adding, listing and removing watches; recording their matches; a feed's entries."""

    # ---- the story an article counts as ----

    def _has_stories(self) -> bool:
        return "story_id" in {row[1] for row in self.db.execute("PRAGMA table_info(articles)")}

    def _story_key(self) -> str:
        """SQL for an article's story key (on `articles a`)."""
        if self._has_stories():
            return ("CASE WHEN a.story_id IS NULL THEN 'article:' || a.url "
                    "ELSE 'story:' || a.story_id END")
        return "'article:' || a.url"

    def _story_sites(self) -> str:
        """SQL for the number of sites an article's story has been seen on."""
        if self._has_stories():
            return ("CASE WHEN a.story_id IS NULL THEN 1 ELSE (SELECT count(DISTINCT b.site) "
                    "FROM articles b WHERE b.story_id = a.story_id) END")
        return "1"

    # ---- watches ----

    def watch(self, name: str) -> dict[str, Any]:
        """The watch of that name (QueryError naming the watches there are, if none)."""
        row = self.db.execute(f"SELECT {', '.join(WATCH_COLUMNS)} FROM watches WHERE name = ?",
                              [name]).fetchone()
        if row is None:
            names = [r[0] for r in self.db.execute("SELECT name FROM watches ORDER BY name")]
            raise QueryError(f"no watch named {name!r} in {self.path} (watches there: "
                             f"{', '.join(names) or 'none'})")
        return _watch(row)

    def watches(self) -> list[dict[str, Any]]:
        """Every watch, by name, with how many stories it has reported (`reported`), how
        many it knew of when it was added and has not reported (`known`), and when it last
        reported one (`last_match`)."""
        rows = self.db.execute(
            f"SELECT {', '.join('w.' + c for c in WATCH_COLUMNS)}, "
            "count(m.story_key) FILTER (WHERE m.reported = 1), "
            "count(m.story_key) FILTER (WHERE m.reported = 0), "
            "max(m.matched_at) FILTER (WHERE m.reported = 1) "
            "FROM watches w LEFT JOIN watch_matches m ON m.watch_id = w.id "
            "GROUP BY w.id ORDER BY w.name").fetchall()
        return [_watch(row[:6]) | {"reported": row[6], "known": row[7], "last_match": row[8]}
                for row in rows]

    def add_watch(self, name: str, query: str, sites: list[str], min_sites: int,
                  now: str | None = None) -> tuple[dict[str, Any], int]:
        """Save a watch, in one short write transaction; the stories it matches in the
        archive now are recorded as known (not reported), so that only what comes later is
        new. The watch and how many stories it knows of. QueryError for a query FTS5 cannot
        run, or a name taken."""
        now = now or utc_now()
        with self.transaction():
            if self.db.execute("SELECT 1 FROM watches WHERE name = ?", [name]).fetchone():
                raise QueryError(f"a watch named {name!r} exists already in {self.path} "
                                 f"(`orthocrawl watch remove {name}` first)")
            cursor = self.db.execute(
                "INSERT INTO watches (name, query, sites, min_sites, created_at) "
                "VALUES (?, ?, ?, ?, ?)", [name, query, json.dumps(sites), min_sites, now])
            watch = {"id": cursor.lastrowid, "name": name, "query": query, "sites": sites,
                     "min_sites": min_sites, "created_at": now}
            known = self._candidates(watch, since=None, summaries=False)
            self.db.conn.executemany(
                "INSERT INTO watch_matches (watch_id, story_key, article_url, matched_at, "
                "run_id, reported, summary) VALUES (?, ?, ?, ?, NULL, 0, ?)",
                [(watch["id"], m["story"], m["url"], now, m["summary"]) for m in known])
        return watch, len(known)

    def remove_watch(self, name: str) -> int:
        """Delete a watch and its matches; how many stories it had reported."""
        with self.transaction():
            watch = self.watch(name)
            reported = self.db.execute(
                "SELECT count(*) FROM watch_matches WHERE watch_id = ? AND reported = 1",
                [watch["id"]]).fetchone()[0]
            self.db.execute("DELETE FROM watch_matches WHERE watch_id = ?", [watch["id"]])
            self.db.execute("DELETE FROM watches WHERE id = ?", [watch["id"]])
        return int(reported)

    # ---- matches ----

    def _candidates(self, watch: dict[str, Any], since: str | None,
                    summaries: bool = True) -> list[dict[str, Any]]:
        """The stories the watch matches that it has not reported (with `since`, a time
        stamp: including those it knew of when added, if a copy was published since),
        each with its earliest matching copy (and a snippet of its text, with
        `summaries`)."""
        key, sites = self._story_key(), self._story_sites()
        summary = "snippet(articles_fts, 2, '', '', '…', 32)" if summaries else "NULL"
        where = ["articles_fts MATCH ?"]
        params: list[Any] = [fts_query(watch["query"])]
        if watch["sites"]:
            where.append(f"a.site IN ({', '.join('?' * len(watch['sites']))})")
            params += watch["sites"]
        if watch["min_sites"] > 1:
            where.append(f"({sites}) >= ?")
            params.append(watch["min_sites"])
        # Known: the story, or this copy under its own key (recorded before it had a story).
        settled = "(m.reported = 1 OR ? IS NULL OR coalesce(a.published_at, '') < ?)"
        where.append(f"NOT EXISTS (SELECT 1 FROM watch_matches m WHERE m.watch_id = ? AND "
                     f"m.story_key IN ({key}, 'article:' || a.url) AND {settled})")
        params += [watch["id"], since, since]
        if self._has_stories():  # ... or another copy of its story, under that copy's key
            where.append("(a.story_id IS NULL OR NOT EXISTS (SELECT 1 FROM articles b JOIN "
                         "watch_matches m ON m.watch_id = ? AND m.story_key = 'article:' || "
                         f"b.url WHERE b.story_id = a.story_id AND {settled}))")
            params += [watch["id"], since, since]
        sql = (f"SELECT {key} AS story, a.url, a.title, a.site, a.published_at, "
               f"{sites} AS sites, {summary} AS summary "
               "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
               f"WHERE {' AND '.join(where)} ORDER BY a.published_at, a.url")
        cursor = _execute(self.db.conn, sql, params, watch["query"])
        names = [d[0] for d in cursor.description]
        first: dict[str, dict[str, Any]] = {}
        for row in cursor:
            match = dict(zip(names, row, strict=True))
            match["summary"] = " ".join((match["summary"] or "").split())
            first.setdefault(match["story"], match)
        return list(first.values())

    def record_matches(self, watch: dict[str, Any], run_id: int | None = None,
                       since: str | None = None, now: str | None = None
                       ) -> list[dict[str, Any]]:
        """Find and record, in one write transaction (concurrent runs never report a story
        twice), the watch's new matches: stories it has not reported, earliest copy first;
        with `since`, also those it knew of when added that have a copy published since."""
        now = now or utc_now()
        with self.transaction():
            new = self._candidates(watch, since)
            self.db.conn.executemany(
                "INSERT INTO watch_matches (watch_id, story_key, article_url, matched_at, "
                "run_id, reported, summary) VALUES (?, ?, ?, ?, ?, 1, ?) "
                "ON CONFLICT (watch_id, story_key) DO UPDATE SET reported = 1, "
                "article_url = excluded.article_url, matched_at = excluded.matched_at, "
                "run_id = excluded.run_id, summary = excluded.summary WHERE reported = 0",
                [(watch["id"], m["story"], m["url"], now, run_id, m["summary"]) for m in new])
        for match in new:
            match["matched_at"] = now
        return sorted(new, key=lambda m: (m["published_at"] or "", m["url"]), reverse=True)

    def latest_matches(self, watch: dict[str, Any], limit: int = 50) -> list[dict[str, Any]]:
        """The stories a watch has reported, the latest first (what its feed holds)."""
        cursor = self.db.execute(
            "SELECT m.story_key AS story, m.article_url AS url, a.title, a.site, "
            "a.published_at, m.matched_at, m.summary FROM watch_matches m "
            "LEFT JOIN articles a ON a.url = m.article_url WHERE m.watch_id = ? AND "
            "m.reported = 1 ORDER BY m.matched_at DESC, a.published_at DESC, m.story_key "
            "LIMIT ?", [watch["id"], limit])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]


def _watch(row: sqlite3.Row | tuple[Any, ...]) -> dict[str, Any]:
    watch = dict(zip(WATCH_COLUMNS, row, strict=True))
    watch["sites"] = json.loads(watch["sites"] or "[]")
    return watch
