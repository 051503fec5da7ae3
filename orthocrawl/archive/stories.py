"""The stories layer in the archive (issue 11 §2): the story index's storage (signatures, lookup
keys and fact keys in indexed tables, queried inside the store transaction, so concurrent
writers see each other's copies), one `stories` row per story, articles.story_id, and the
analysts' reads (stories newest first, a story's copies, one row per story).

Derived and rebuildable: nothing here is part of an article's versions."""

from __future__ import annotations

import dataclasses
import json
import multiprocessing
import re
import sqlite3
import time
from collections import Counter, deque
from collections.abc import Collection, Iterable, Iterator
from multiprocessing.pool import AsyncResult
from typing import Any

import numpy as np

from orthocrawl.archive.bodies import BodyStore
from orthocrawl.archive.query import Filters, QueryError
from orthocrawl.stories import (
    Entry,
    MemoryStorage,
    StoredRows,
    StoryArticle,
    StoryIndex,
    StorySummary,
    source_links,
)
from orthocrawl.stories.index import prepared
from orthocrawl.stories.signature import Key, Signature

# the words of orthocrawl.stories.article's source labels, as a quick test before parsing
_SOURCE_HINT = re.compile(r"(?i)\b(?:source|read more|read the full|originally published|"
                          r"continue reading|via)\b")
_SOURCE_WORDS = ("source", "read more", "read the full", "originally published",
                 "continue reading", "via")
_BULK_CACHE_KB = 65536  # a rebuild's page cache while it loads the story tables
_BATCH = 500  # ids per IN (...) list (SQLite allows 32,766 parameters; keep statements small)


def _int_array(values: Iterable[int]) -> str:
    """Integers as the JSON array json_each() reads: one parameter however many there are,
    so that each statement's text is always the same and sqlite3 prepares it once."""
    return f"[{','.join(map(str, values))}]"


# Each key's articles, at most `limit` of them: one indexed probe a key, so that a key
# thousands of articles share costs no more than a rare one.
_LOOKUP = ("SELECT w.value, (SELECT group_concat(article_id) FROM (SELECT article_id FROM "
           "{table} s WHERE s.key = w.value {days}LIMIT ?)) FROM json_each(?) w")
_LOOKUP_KEYS = _LOOKUP.format(table="story_keys", days="")
_LOOKUP_FACTS = _LOOKUP.format(table="story_facts", days="")
_LOOKUP_FACTS_IN_DAYS = _LOOKUP.format(table="story_facts", days="AND s.day BETWEEN ? AND ? ")
_ENTRY = "SELECT article_id, story_id, signature FROM story_signatures WHERE article_id = ?"
_ENTRIES = ("SELECT article_id, story_id, signature FROM story_signatures WHERE article_id IN "
            "(SELECT value FROM json_each(?))")


class ArchiveStorage:
    """orthocrawl.stories.Storage over the archive's story tables (docs/stories.md gives the
    SQL of each method). articles.story_id follows story_signatures.story_id."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.db = conn

    def _lookup(self, sql: str, keys: Collection[Key], limit: int,
                days: tuple[int, ...] = ()) -> dict[Key, list[int]]:
        if not keys:
            return {}
        rows = self.db.execute(sql, (*days, limit, _int_array(keys)))  # in the text's order
        return {key: list(map(int, ids.split(","))) for key, ids in rows if ids}

    def lookup(self, keys: Collection[Key], limit: int) -> dict[Key, list[int]]:
        return self._lookup(_LOOKUP_KEYS, keys, limit)

    def lookup_facts(self, keys: Collection[Key], first_day: int | None,
                     last_day: int | None, limit: int) -> dict[Key, list[int]]:
        if first_day is None or last_day is None:
            return self._lookup(_LOOKUP_FACTS, keys, limit)
        return self._lookup(_LOOKUP_FACTS_IN_DAYS, keys, limit, (first_day, last_day))

    def entries(self, article_ids: Collection[int]) -> dict[int, Entry]:
        if not article_ids:
            return {}
        if len(article_ids) == 1:
            (article_id,) = article_ids
            rows = self.db.execute(_ENTRY, (article_id,))
        else:
            rows = self.db.execute(_ENTRIES, (_int_array(article_ids),))
        return {a: Entry(s, sig) for a, s, sig in rows}

    def members(self, story_id: int) -> list[int]:
        return [row[0] for row in self.db.execute(
            "SELECT article_id FROM story_signatures WHERE story_id = ? ORDER BY article_id",
            [story_id])]

    def put(self, article_id: int, story_id: int, signature: bytes,
            keys: Collection[Key], facts: Collection[Key], day: int,
            replacing: bool = True) -> None:
        if replacing:
            self.db.execute("DELETE FROM story_keys WHERE article_id = ?", [article_id])
            self.db.execute("DELETE FROM story_facts WHERE article_id = ?", [article_id])
        # each list as one json_each parameter: one statement run, not one a row
        if keys:
            self.db.execute("INSERT OR IGNORE INTO story_keys SELECT value, ? FROM json_each(?)",
                            [article_id, _int_array(keys)])
        if facts:
            self.db.execute("INSERT OR IGNORE INTO story_facts SELECT value, ?, ? FROM "
                            "json_each(?)", [day, article_id, _int_array(facts)])
        self.db.execute("INSERT OR REPLACE INTO story_signatures VALUES (?, ?, ?)",
                        [article_id, story_id, signature])
        self.db.execute("UPDATE articles SET story_id = ? WHERE rowid = ?",
                        [story_id, article_id])

    def move(self, from_story: int, to_story: int) -> None:
        self.db.execute("UPDATE story_signatures SET story_id = ? WHERE story_id = ?",
                        [to_story, from_story])
        self.db.execute("UPDATE articles SET story_id = ? WHERE story_id = ?",
                        [to_story, from_story])

    def new_story(self) -> int:
        cursor = self.db.execute("INSERT INTO story_ids DEFAULT VALUES")
        return int(cursor.lastrowid or 0)

    def clear(self) -> None:
        for statement in ("DELETE FROM story_keys", "DELETE FROM story_facts",
                          "DELETE FROM story_signatures", "UPDATE articles SET story_id = NULL",
                          "DELETE FROM stories"):
            self.db.execute(statement)


def _iso(seconds: int | None) -> str | None:
    if seconds is None:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))  # half datetime's cost


# body_html is in article_html, compressed (schema 11): its encoding, dictionary and blob.
_STORY_ARTICLE = ("SELECT a.rowid, a.url, a.site, a.body_text, a.title, coalesce("
                  "a.published_at, a.first_seen), a.authors, h.encoding, h.dictionary, h.html "
                  "FROM articles a LEFT JOIN article_html h ON h.article_id = a.rowid")


# the same, with what the story layer holds for the article (one statement, not two)
_STORY_ARTICLE_AND_ENTRY = (
    f"SELECT e.story_id, e.signature, {_STORY_ARTICLE.removeprefix('SELECT ')} LEFT JOIN "
    "story_signatures e ON e.article_id = a.rowid WHERE a.url = ?")


def cited_sources(body_html: str | None, url: str) -> tuple[str, ...]:
    """The URLs a stored body names as its source ("Source:", "Read more at" links), read
    from its HTML only when its text has such a label (parsing every body would cost)."""
    if not body_html:
        return ()
    # The labels as plain substrings first (a superset of the regex's matches): the
    # regex, whose \b and (?i) make it scan slowly, runs only on the bodies that have one.
    folded = body_html.casefold()
    if not any(label in folded for label in _SOURCE_WORDS):
        return ()
    if not _SOURCE_HINT.search(body_html):
        return ()
    return source_links(body_html, url)


def _sorted_rows(rows: Iterable[tuple[int, ...]], width: int) -> Iterator[tuple[int, ...]]:
    """Rows of ints in order, sorted as numpy columns (a list of 2 million tuples sorted
    in Python took 250 MB more at the rebuild's peak)."""
    columns = np.fromiter((v for row in rows for v in row), dtype=np.int64).reshape(-1, width)
    order = np.lexsort(columns.T[::-1])  # lexsort's last key is the primary one
    for start in range(0, len(order), 65_536):  # as Python ints a slice at a time
        yield from map(tuple, columns[order[start:start + 65_536]].tolist())


_SIGN_RANGE = 250  # articles a signing worker reads and signs per task
_reader: StoryStore | None = None  # a signing worker's archive, opened read-only


def _open_reader(path: str) -> None:
    from orthocrawl.archive import Archive

    global _reader
    _reader = Archive(path, read_only=True)


def _sign_range(after: int, upto: int) -> list[tuple[int, Signature]]:
    """In a signing worker: the signatures of the archive's articles in this id range."""
    assert _reader is not None
    return [(article.id, prepared(article)) for article in _reader.story_articles(after, upto)]


STORY_COLUMNS = ("id", "first_published", "last_published", "articles", "sites", "site",
                 "title", "canonical_url", "publishers")


class StoryStore(BodyStore):
    """Assigning stories as articles are stored, rebuilding them, and reading them."""

    def _story_article(self, row: tuple[Any, ...]) -> StoryArticle:
        rowid, url, site, body, title, published, authors, encoding, dictionary, html = row
        body_html = None if html is None else \
            self.decompress_body(encoding, dictionary, html).decode()
        return StoryArticle(rowid, url, site, body or "", title, published,
                            tuple(json.loads(authors or "[]")), cited_sources(body_html, url))

    def _made_from(self, fields: list[Any], article: StoryArticle) -> bool:
        """Whether `article` (id 0) is the stored one in these fields; its cites are taken
        as they are (read from the body_html the store wrote), so that html is not
        decompressed again."""
        stored = self._story_article((*fields[:-3], None, None, None))
        return dataclasses.replace(stored, id=0, cites=article.cites) == article

    def story_storage(self) -> ArchiveStorage:
        return ArchiveStorage(self.db.conn)

    def has_stories(self) -> bool:
        """Whether this archive's schema holds stories (version 8 on)."""
        return any(row[1] == "story_id" for row in self.db.execute("PRAGMA table_info(articles)"))

    def assign_story(self, url: str, index: StoryIndex,
                     signed: tuple[StoryArticle, Signature] | None = None) -> int | None:
        """Put a stored (new or changed) article in its story and update the rows of the
        stories that changed; joins the caller's transaction. Its story id. `signed`: a
        signature made ahead from an article (id 0) whose body_html is the one stored,
        used if the rest of it is the stored article too."""
        with self.transaction():  # the article and its stored entry read in it too
            row = self.db.execute(_STORY_ARTICLE_AND_ENTRY, [url]).fetchone()
            if row is None:
                return None
            story, signature, *fields = row
            entry = None if signature is None else Entry(story, signature)
            if signed is not None and self._made_from(fields, signed[0]):
                assignment = index.place(fields[0], signed[1], entry)
            else:
                assignment = index.assign(self._story_article(tuple(fields)), entry)
            self._write_story_rows(index, assignment.changed | {assignment.story_id},
                                   assignment.removed, assignment.alone)
        return assignment.story_id

    def _write_story_rows(self, index: StoryIndex, changed: Iterable[int],
                          removed: Iterable[int], known: StorySummary | None = None) -> None:
        for story in removed:
            self.db.execute("DELETE FROM stories WHERE id = ?", [story])
        for story in sorted(set(changed)):
            if known is not None and known.id == story:  # a story of one: its own dates
                self.db.execute(
                    "INSERT OR REPLACE INTO stories (id, canonical_url, site, title, "
                    "first_published, last_published, first_seen, last_seen, articles, sites) "
                    "SELECT ?, c.url, c.site, c.title, ?, ?, c.first_seen, c.last_seen, 1, 1 "
                    "FROM articles c WHERE c.rowid = ?",
                    [story, _iso(known.first), _iso(known.last), known.canonical])
                continue
            try:
                summary = index.summary(story)
            except KeyError:  # no article left in it
                self.db.execute("DELETE FROM stories WHERE id = ?", [story])
                continue
            self.db.execute(
                "INSERT OR REPLACE INTO stories (id, canonical_url, site, title, "
                "first_published, last_published, first_seen, last_seen, articles, sites) "
                "SELECT ?, c.url, c.site, c.title, ?, ?, (SELECT min(first_seen) FROM articles "
                "WHERE story_id = ?), (SELECT max(last_seen) FROM articles WHERE story_id = ?), "
                "?, ? FROM articles c WHERE c.rowid = ?",
                [story, _iso(summary.first), _iso(summary.last), story, story,
                 len(summary.articles), summary.sites, summary.canonical])

    def story_articles(self, after: int = 0, upto: int | None = None
                       ) -> Iterator[StoryArticle]:
        """Every article (with an id above `after`, up to `upto`) as the story layer sees
        it, in id order (a rebuild's order), read a chunk at a time with no cursor left
        open."""
        last = after
        limit = "AND a.rowid <= ? " if upto is not None else ""
        while True:
            rows = self.db.execute(f"{_STORY_ARTICLE} WHERE a.rowid > ? {limit}ORDER BY "
                                   "a.rowid LIMIT 500",
                                   [last] + ([upto] if upto is not None else [])).fetchall()
            yield from (self._story_article(row) for row in rows)
            if len(rows) < 500:
                return
            last = rows[-1][0]

    def rebuild_stories(self, index: StoryIndex, workers: int = 1) -> int:
        """Group every article afresh (in memory, then written in one transaction), each
        rebuilt story keeping the id most of its articles had. How many articles."""
        previous = dict(self.db.execute("SELECT article_id, story_id FROM story_signatures"))
        (top,) = self.db.execute("SELECT max(id) FROM (SELECT max(id) AS id FROM story_ids "
                                 "UNION ALL SELECT max(story_id) FROM story_signatures)"
                                 ).fetchone()
        memory = MemoryStorage()
        for _ in range(top or 0):  # never reuse an id handed out before
            memory.new_story()
        built = StoryIndex(memory, index.params)
        if workers > 1:
            count = built.rebuild_signed(self._signed(workers), previous)
        else:
            count = built.rebuild(self.story_articles(), previous=previous)
        rows = memory.rows()
        stories = memory.stories()
        with self.transaction():
            self.story_storage().clear()
            self._write_story_tables(rows, top or 0)
            self.db.execute("UPDATE articles SET story_id = (SELECT story_id FROM "
                            "story_signatures WHERE article_id = articles.rowid)")
            self._write_all_story_rows(built, sorted(set(stories.values())))
        return count

    def _signed(self, workers: int) -> Iterator[tuple[int, Signature]]:
        """(id, signature) of every article in id order, made by `workers` processes that
        read the articles from the archive themselves (the caller only places them), a
        few ranges of ids ahead of the caller."""
        ids = [row[0] for row in self.db.execute("SELECT rowid FROM articles ORDER BY rowid")]
        ranges = [(ids[start] - 1, ids[min(start + _SIGN_RANGE, len(ids)) - 1])
                  for start in range(0, len(ids), _SIGN_RANGE)]
        ahead = 2 * workers
        # spawn: the workers inherit no open archive, lock or thread of the caller
        context = multiprocessing.get_context("spawn")
        with context.Pool(workers, _open_reader, (str(self.path),)) as pool:
            pending: deque[AsyncResult] = deque()
            for bounds in ranges:
                pending.append(pool.apply_async(_sign_range, bounds))
                if len(pending) > ahead:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()

    def _write_story_tables(self, rows: StoredRows, top: int) -> None:
        """A rebuild's signatures and keys, written as a bulk load: the key tables' rows in
        their primary key's order (each insert lands at the end of its B-tree, where random
        order touched a page of a 2-million-row table per row), their article_id indexes
        dropped and made again afterwards (CREATE INDEX sorts once), and a larger page cache
        meanwhile. Inside the caller's transaction."""
        conn = self.db.conn
        indexes = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND "
            "tbl_name IN ('story_keys', 'story_facts', 'story_signatures')").fetchall()
        (cache,) = conn.execute("PRAGMA cache_size").fetchone()
        conn.execute(f"PRAGMA cache_size = -{_BULK_CACHE_KB}")
        try:
            for name, _ in indexes:
                conn.execute(f'DROP INDEX "{name}"')
            conn.executemany("INSERT INTO story_signatures VALUES (?, ?, ?)", rows.signatures)
            conn.executemany("INSERT OR IGNORE INTO story_keys VALUES (?, ?)",
                             _sorted_rows(rows.keys, 2))
            conn.executemany("INSERT OR IGNORE INTO story_facts VALUES (?, ?, ?)",
                             _sorted_rows(rows.facts, 3))
            for _, sql in indexes:
                conn.execute(sql)
        finally:
            conn.execute(f"PRAGMA cache_size = {cache}")
        if rows.last_story > top:
            conn.execute("INSERT OR IGNORE INTO story_ids (id) VALUES (?)", [rows.last_story])

    def _write_all_story_rows(self, index: StoryIndex, stories: list[int]) -> None:
        """Every story's row after a rebuild, its summary read from the index in memory:
        one statement for the rows, one for their first and last seen."""
        summaries = [index.summary(story) for story in stories]
        self.db.conn.executemany(
            "INSERT OR REPLACE INTO stories (id, canonical_url, site, title, first_published, "
            "last_published, articles, sites) SELECT ?, c.url, c.site, c.title, ?, ?, ?, ? "
            "FROM articles c WHERE c.rowid = ?",
            [(s.id, _iso(s.first), _iso(s.last), len(s.articles), s.sites, s.canonical)
             for s in summaries])
        self.db.execute("UPDATE stories SET (first_seen, last_seen) = (SELECT min(first_seen), "
                        "max(last_seen) FROM articles WHERE story_id = stories.id)")

    def stories_missing(self) -> int:
        """Articles that belong to no story yet (archived before stories, or while the
        stories were made by another method)."""
        return self.db.execute("SELECT count(*) FROM articles WHERE story_id IS NULL"
                               ).fetchone()[0]

    # ---- reads ----

    def stories(self, since: str | None = None, sites: Collection[str] = (),
                min_sites: int = 1, limit: int | None = None) -> list[dict[str, Any]]:
        """Stories newest first (by their first copy's date): id, first and last published,
        articles, sites, the first publisher's site, title, canonical URL, and publishers
        (the sites in the order they had it). `sites`: stories with a copy on one of them."""
        where: list[str] = ["s.sites >= ?"]
        params: list[Any] = [min_sites]
        if since:
            where.append("s.last_published >= ?")
            params.append(since)
        if sites:
            where.append(f"EXISTS (SELECT 1 FROM articles x WHERE x.story_id = s.id AND x.site "
                         f"IN ({', '.join('?' * len(sites))}))")
            params += list(sites)
        sql = ("SELECT s.id, s.first_published, s.last_published, s.articles, s.sites, s.site, "
               "s.title, s.canonical_url, (SELECT group_concat(site, ', ') FROM (SELECT x.site "
               "FROM articles x WHERE x.story_id = s.id GROUP BY x.site ORDER BY "
               "min(coalesce(x.published_at, x.first_seen)), x.site)) "
               f"FROM stories s WHERE {' AND '.join(where)} "
               "ORDER BY s.first_published IS NULL, s.first_published DESC, s.id DESC")
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [dict(zip(STORY_COLUMNS, row, strict=True))
                for row in self.db.execute(sql, params)]

    def story(self, story_id: int) -> dict[str, Any] | None:
        rows = self.db.execute("SELECT id, first_published, last_published, articles, sites, "
                               "site, title, canonical_url, NULL FROM stories WHERE id = ?",
                               [story_id]).fetchall()
        return dict(zip(STORY_COLUMNS, rows[0], strict=True)) if rows else None

    def story_of(self, url: str) -> int | None:
        row = self.db.execute("SELECT story_id FROM articles WHERE url = ?", [url]).fetchone()
        return row[0] if row else None

    def story_copies(self, story_id: int) -> list[dict[str, Any]]:
        """A story's articles, earliest first: url, site, title, published_at, status,
        body_text."""
        cursor = self.db.execute(
            "SELECT url, site, title, coalesce(published_at, first_seen) AS published_at, "
            "status, body_text FROM articles WHERE story_id = ? ORDER BY "
            "coalesce(published_at, first_seen), rowid", [story_id])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def require_stories(self) -> None:
        """QueryError, one line, on an archive older than stories (read as it is)."""
        if not self.has_stories():
            raise QueryError(f"{self.path} has no stories (schema version {self.version}): "
                             "run `orthocrawl migrate`, then `orthocrawl stories --rebuild`")

    def story_counts(self, by: str, filters: Filters) -> list[tuple[str, int, Any]]:
        """By site: (site, unique stories with a copy there, stories whose canonical copy
        (first publisher) is there); by month of a story's first copy: (month, unique
        stories, the site first most often, with its count). Over the articles the filters
        select."""
        self.require_stories()
        where, params = filters.where()
        if by == "site":
            sql = (f"SELECT a.site, count(DISTINCT coalesce(a.story_id, -a.rowid)), "
                   "count(DISTINCT CASE WHEN s.canonical_url = a.url THEN s.id END) FROM "
                   f"articles a LEFT JOIN stories s ON s.id = a.story_id WHERE {where} "
                   "GROUP BY a.site ORDER BY 2 DESC, 1")
            return [(row[0], row[1], row[2]) for row in self.db.execute(sql, params)]
        months: dict[str, Counter[str]] = {}
        for month, _, site in self.db.execute(
                "SELECT DISTINCT substr(s.first_published, 1, 7), s.id, s.site FROM articles a "
                f"JOIN stories s ON s.id = a.story_id WHERE {where}", params).fetchall():
            months.setdefault(month or "(none)", Counter())[site] += 1
        rows = []
        for month in sorted(months, key=lambda m: (m != "(none)", m), reverse=True):
            lead, count = min(months[month].items(), key=lambda item: (-item[1], item[0]))
            rows.append((month, sum(months[month].values()), f"{lead} {count}"))
        return rows
