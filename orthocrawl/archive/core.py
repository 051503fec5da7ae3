"""The SQLite archive: schema, migrations, upserts, raw pages, runs, full-text index.

One file, written through sqlite-utils, in WAL mode so analysts can read while a
crawl writes. The schema and its migrations are in schema.py.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlite_utils

try:  # Python 3.14+
    from compression import zstd
except ImportError:  # the official backport of the same module
    from backports import zstd

from orthocrawl.archive.schema import (
    MIGRATIONS,
    READABLE_FROM,
    SCHEMA_VERSION,
    fold_extra,
    register_functions,
    repair,
)
from orthocrawl.dates import utc_now
from orthocrawl.items import LIST_FIELDS, STORED_FIELDS, RawPage

DEFAULT_DB = Path("data") / "orthocrawl.db"

# The article columns the archive writes (declared once, with the record, in items.py).
ARTICLE_COLUMNS = STORED_FIELDS
LIST_COLUMNS = LIST_FIELDS


# How pages.body is stored, by pages.encoding.
DECOMPRESSORS: dict[str, Callable[[bytes], bytes]] = {
    "zstd": zstd.decompress,
    "zlib": zlib.decompress,
    "identity": bytes,
}


class ArchiveError(Exception):
    """A problem with the archive file that the user can fix; the message is one line."""


@contextmanager
def _atomic(conn: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE (the write lock up front: no deadlock on upgrading a read) ... COMMIT,
    or ROLLBACK on any error. Inside an open transaction the block simply joins it."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


# What the archive writes for an article: its columns, and the folded words search needs.
_WRITTEN = (*ARTICLE_COLUMNS, "search_folded")
_INSERT_ARTICLE = "INSERT INTO articles ({}) VALUES ({})".format(
    ", ".join(_WRITTEN), ", ".join(f":{c}" for c in _WRITTEN))
_UPDATE_ARTICLE = ("UPDATE articles SET {}, version = version + 1, status = 'live', "
                   "gone_since = NULL WHERE url = :url").format(
    ", ".join(f"{c} = :{c}" for c in _WRITTEN if c not in ("url", "first_seen")))
_INSERT_VERSION = """
    INSERT INTO article_versions
    SELECT url, version, :now, content_hash, title, body_text, modified_at, :via
    FROM articles WHERE url = :url
"""
_PAGE_COLUMNS = ("url", "article_url", "fetched_at", "status", "headers", "body_sha256", "body",
                 "encoding", "fetched_url", "etag", "last_modified", "checked_at",
                 "sitemap_lastmod")
_UPSERT_PAGE = "INSERT INTO pages ({}) VALUES ({}) ON CONFLICT(url) DO UPDATE SET {}".format(
    ", ".join(_PAGE_COLUMNS), ", ".join(f":{c}" for c in _PAGE_COLUMNS),
    ", ".join(f"{c} = excluded.{c}" for c in _PAGE_COLUMNS if c != "url"))

class Archive:
    """An orthocrawl archive file.

    Writers (crawl, demo, reparse, migrate) open it with the defaults: created when
    missing, migrated when older. Readers (search, export, stats, ...) open it with
    ``read_only=True``: never created, never migrated, never written; an archive too old
    to read as it is raises ArchiveError naming `orthocrawl migrate`.
    """

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True,
                 read_only: bool = False, any_version: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.any_version = any_version  # read-only at any older version: migrate's backup
        if (read_only or not create) and not self.path.exists():
            raise ArchiveError(f"no archive at {self.path} (run `orthocrawl crawl` or "
                               "`orthocrawl demo` first, or give --db)")
        if self.path.is_dir():
            raise ArchiveError(f"{self.path} is a directory, not an archive file")
        try:
            if read_only:
                conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                       timeout=30)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(self.path, timeout=30)
            register_functions(conn)
            self.db = sqlite_utils.Database(conn)
            self.db.execute("PRAGMA busy_timeout = 30000")
            self.version = self._check_version()
            if not read_only:
                if self.version < SCHEMA_VERSION:
                    self._migrate(self.version)
                    self.version = SCHEMA_VERSION
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
            # Reads (search, export) go through the OS page cache, not copies of it.
            self.db.execute("PRAGMA mmap_size = 1073741824")
            self.db.execute("PRAGMA cache_size = -65536")
        except sqlite3.DatabaseError as error:
            raise ArchiveError(f"cannot use {self.path} as an archive: {error}") from None
        except OSError as error:
            raise ArchiveError(f"cannot create {self.path}: {error.strerror}") from None

    def _check_version(self) -> int:
        version: int = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise ArchiveError(
                f"{self.path} has schema version {version}, newer than this orthocrawl "
                f"knows ({SCHEMA_VERSION}); upgrade orthocrawl")
        if version == 0 and (self.db.table_names() or self.read_only):
            what = "an empty file" if not self.db.table_names() else "an SQLite file"
            raise ArchiveError(f"{self.path} is {what}, not an orthocrawl archive")
        if self.read_only and not self.any_version and version < READABLE_FROM:
            raise ArchiveError(
                f"{self.path} has schema version {version}, too old to read as it is; "
                f"run `orthocrawl migrate --db {self.path}` (it keeps a backup copy)")
        return version

    def for_streaming(self) -> None:
        """Set up for one pass over the whole archive (export, WARC): no memory map and a
        small page cache, so that memory stays flat however large the archive grows."""
        self.db.execute("PRAGMA mmap_size = 0")
        self.db.execute("PRAGMA cache_size = -4096")

    def _migrate(self, version: int) -> None:
        for number, sql in enumerate(MIGRATIONS[version:], start=version + 1):
            with _atomic(self.db.conn):
                repair(self.db.conn, number - 1)
                for statement in _statements(sql):
                    self.db.conn.execute(statement)
                self.db.conn.execute(f"PRAGMA user_version = {number}")

    def backup(self, target: Path) -> None:
        """A consistent copy of the archive at target (SQLite's online backup)."""
        copy = sqlite3.connect(target)
        try:
            with copy:
                self.db.conn.backup(copy)
        finally:
            copy.close()

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic write: everything in the block is committed together or not at all.

        The BEGIN is explicit: sqlite-utils 4 commits a write statement at once unless a
        transaction is already open, so `with conn:` alone would not group statements."""
        try:
            with _atomic(self.db.conn):
                yield
        except sqlite3.DatabaseError as error:
            raise ArchiveError(f"cannot write to {self.path}: {error}") from None

    # ---- writing ----

    def store(self, articles: Iterable[tuple[dict[str, Any], RawPage | None]],
              now: str | None = None, via: str = "crawl") -> list[str]:
        """Upsert articles (and their raw pages) in one transaction.

        Returns, per article, "new", "changed" or "unchanged". A changed article
        (another content_hash) gets a new row in article_versions; an unchanged one
        only has its last_seen moved (and is live again if it had been marked gone).
        """
        now = now or utc_now()
        batch = list(articles)
        outcomes: list[str] = []
        with self.transaction():
            known = self._known_hashes([record["url"] for record, _ in batch])
            for record, page in batch:
                url = record["url"]
                seen = record.get("last_seen") or now
                if url not in known:
                    row = _article_row(record)
                    row.update(first_seen=record.get("first_seen") or seen, last_seen=seen,
                               last_changed=seen)
                    self.db.execute(_INSERT_ARTICLE, row)
                    self.db.execute(_INSERT_VERSION, {"url": url, "now": seen, "via": via})
                    outcomes.append("new")
                elif known[url] == record["content_hash"]:
                    self.db.execute("UPDATE articles SET last_seen = ?, status = 'live', "
                                    "gone_since = NULL WHERE url = ?", [seen, url])
                    outcomes.append("unchanged")
                else:
                    row = _article_row(record)
                    row.update(last_seen=seen, last_changed=seen)
                    self.db.execute(_UPDATE_ARTICLE, row)
                    self.db.execute(_INSERT_VERSION, {"url": url, "now": seen, "via": via})
                    outcomes.append("changed")
                known[url] = record["content_hash"]
                if page is not None:
                    self._store_page(url, page)
                self.db.execute("DELETE FROM dropped_urls WHERE url = ?", [url])
        return outcomes

    def touch(self, urls: Iterable[str], now: str | None = None) -> int:
        """Mark articles seen unchanged (a sitemap listed them so) without their text."""
        now = now or utc_now()
        with self.transaction():
            return sum(self.db.execute(
                "UPDATE articles SET last_seen = ?, status = 'live', gone_since = NULL "
                "WHERE url = ?", [now, url]).rowcount for url in urls)

    def confirm(self, pages: Iterable[tuple[str, str | None]], now: str | None = None) -> None:
        """The site answered 304 for these (url, sitemap <lastmod> asked with): the stored
        page counts as re-checked now, as of that <lastmod>."""
        now = now or utc_now()
        with self.transaction():
            for url, lastmod in pages:
                self.db.execute(
                    "UPDATE pages SET checked_at = ?, sitemap_lastmod = coalesce(?, "
                    "sitemap_lastmod) WHERE url = ?", [now, lastmod, url])

    def mark_gone(self, urls: Iterable[str], now: str | None = None) -> int:
        """Mark articles the site no longer has (kept, never deleted); how many."""
        now = now or utc_now()
        with self.transaction():
            return sum(self.db.execute(
                "UPDATE articles SET status = 'gone', gone_since = ? "
                "WHERE url = ? AND status != 'gone'", [now, url]).rowcount for url in urls)

    def known(self, site: str) -> Iterator[dict[str, Any]]:
        """A site's archived articles, as incremental runs need them: url, status,
        modified_at, checked_at (when the site last vouched for the stored page), etag,
        last_modified, sitemap_lastmod."""
        rows = self.db.execute(
            "SELECT a.url, a.status, coalesce(a.modified_at, a.published_at), "
            "coalesce(p.checked_at, p.fetched_at, a.last_seen), p.etag, p.last_modified, "
            "p.sitemap_lastmod "
            "FROM articles a LEFT JOIN pages p ON p.url = a.url WHERE a.site = ?", [site])
        for url, status, modified, checked, etag, last_modified, lastmod in rows:
            yield {"url": url, "status": status, "modified_at": modified,
                   "checked_at": checked or "", "etag": etag, "last_modified": last_modified,
                   "sitemap_lastmod": lastmod}

    def dropped(self, site: str) -> Iterator[dict[str, Any]]:
        """A site's dropped URLs: url, reason, lastmod, checked_at."""
        for url, reason, lastmod, checked in self.db.execute(
                "SELECT url, reason, lastmod, checked_at FROM dropped_urls WHERE site = ?",
                [site]):
            yield {"url": url, "reason": reason, "lastmod": lastmod, "checked_at": checked}

    def remember_dropped(self, rows: Iterable[dict[str, Any]], now: str | None = None) -> None:
        """Pages fetched and not archived (url, site, reason, lastmod): when first dropped
        stays, the check time, reason and <lastmod> follow the latest fetch."""
        now = now or utc_now()
        with self.transaction():
            for row in rows:
                self.db.execute(
                    "INSERT INTO dropped_urls (url, site, reason, lastmod, dropped_at, "
                    "checked_at) VALUES (:url, :site, :reason, :lastmod, :now, :now) "
                    "ON CONFLICT(url) DO UPDATE SET reason = excluded.reason, "
                    "lastmod = coalesce(excluded.lastmod, lastmod), checked_at = :now",
                    {**row, "now": now})

    def stamps(self, url: str) -> tuple[str, str, str] | None:
        """An archived article's content_hash, first_seen and last_changed, if any."""
        row = self.db.execute("SELECT content_hash, first_seen, last_changed FROM articles "
                              "WHERE url = ?", [url]).fetchone()
        return tuple(row) if row else None  # type: ignore[return-value]

    def versions(self, url: str) -> list[dict[str, Any]]:
        return list(self.db.query(
            "SELECT * FROM article_versions WHERE url = ? ORDER BY version", [url]))

    def _known_hashes(self, urls: list[str]) -> dict[str, str]:
        known: dict[str, str] = {}
        for start in range(0, len(urls), 500):
            chunk = urls[start:start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT url, content_hash FROM articles WHERE url IN ({marks})", chunk)
            known.update(dict(rows.fetchall()))
        return known

    def _store_page(self, article_url: str, page: RawPage) -> None:
        digest = hashlib.sha256(page.body).hexdigest()
        current = self.db.execute(
            "SELECT body_sha256 FROM pages WHERE url = ?", [article_url]).fetchone()
        if current and current[0] == digest:
            self.db.execute(
                "UPDATE pages SET fetched_at = ?, checked_at = ?, status = ?, etag = ?, "
                "last_modified = ?, sitemap_lastmod = coalesce(?, sitemap_lastmod) "
                "WHERE url = ?",
                [page.fetched_at, page.fetched_at, page.status, page.headers.get("etag"),
                 page.headers.get("last-modified"), page.sitemap_lastmod, article_url])
            return
        self.db.execute(_UPSERT_PAGE, {
            "url": article_url,
            "article_url": article_url,
            "fetched_at": page.fetched_at,
            "status": page.status,
            "headers": json.dumps(page.headers, sort_keys=True),
            "body_sha256": digest,
            # zstd: 4x faster than zlib's default level at a smaller size on HTML pages.
            "body": zstd.compress(page.body, 3),
            "encoding": "zstd",
            "fetched_url": page.url,
            "etag": page.headers.get("etag"),
            "last_modified": page.headers.get("last-modified"),
            "checked_at": page.fetched_at,
            "sitemap_lastmod": page.sitemap_lastmod,
        })

    def start_run(self, sites: list[str], now: str | None = None) -> int:
        with self.transaction():
            table = self.db["crawl_runs"]
            table.insert({"started_at": now or utc_now(), "sites": json.dumps(sites),
                          "status": "running"})
            return int(table.last_pk)

    def close_stale_runs(self) -> int:
        """Runs still marked running when no crawl holds the lock were killed: say so."""
        with self.transaction():
            return self.db.execute(
                "UPDATE crawl_runs SET status = 'interrupted', finish_reason = 'the crawler "
                "stopped before the end of the run (killed, or the machine went down)' "
                "WHERE status = 'running'").rowcount

    def finish_run(self, run_id: int, **figures: Any) -> None:
        row = {k: json.dumps(v, sort_keys=True) if isinstance(v, (dict, list)) else v
               for k, v in figures.items()}
        row.setdefault("finished_at", utc_now())
        with self.transaction():
            self.db["crawl_runs"].update(run_id, row)

    # ---- reading ----

    def sites(self) -> list[str]:
        """The sites the archive holds articles of, by name."""
        return [row[0] for row in self.db.execute(
            "SELECT DISTINCT site FROM articles ORDER BY site")]

    def count(self, site: str | None = None) -> int:
        if site:
            return self.db.execute(
                "SELECT count(*) FROM articles WHERE site = ?", [site]).fetchone()[0]
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def article(self, url: str) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM articles WHERE url = ?", [url]))
        return decode_article(rows[0]) if rows else None

    def articles(self, site: str | None = None) -> Iterator[dict[str, Any]]:
        sql = "SELECT * FROM articles" + (" WHERE site = ?" if site else "") + " ORDER BY url"
        for row in self.db.query(sql, [site] if site else []):
            yield decode_article(row)

    def raw_page(self, article_url: str) -> RawPage | None:
        row = self.db.execute(
            "SELECT coalesce(fetched_url, url), status, headers, body, encoding, fetched_at "
            "FROM pages WHERE article_url = ?", [article_url]).fetchone()
        if row is None:
            return None
        url, status, headers, body, encoding, fetched_at = row
        return RawPage(url, status, json.loads(headers), DECOMPRESSORS[encoding](body), fetched_at)

    def iter_pages(self, site: str | None = None,
                   chunk: int = 100) -> Iterator[tuple[str, RawPage]]:
        """Every stored raw page with its article URL (for re-parsing and WARC export).

        Read a chunk at a time in key order, with no cursor left open between chunks:
        memory stays flat, and the caller may write to the archive as it goes."""
        sql = ("SELECT p.url, p.article_url, coalesce(p.fetched_url, p.url), p.status, "
               "p.headers, p.body, p.encoding, p.fetched_at FROM pages p JOIN articles a "
               "ON a.url = p.article_url WHERE p.url > ?" +
               (" AND a.site = ?" if site else "") + " ORDER BY p.url LIMIT ?")
        last = ""
        while True:
            rows = self.db.execute(sql, [last, *([site] if site else []), chunk]).fetchall()
            for _, article_url, url, status, headers, body, encoding, fetched_at in rows:
                yield article_url, RawPage(url, status, json.loads(headers),
                                           DECOMPRESSORS[encoding](body), fetched_at)
            if len(rows) < chunk:
                return
            last = rows[-1][0]

    def runs(self, limit: int = 20) -> list[dict[str, Any]]:
        return list(self.db.query(
            "SELECT * FROM crawl_runs ORDER BY id DESC LIMIT ?", [limit]))

    def search(self, query: str, limit: int = 10) -> list[dict[str, Any]]:
        """Ranked full-text search (see orthocrawl.query for the query language)."""
        from orthocrawl.query import Filters, QueryError, search

        try:
            return [decode_article(r) for r in search(self.db.conn, query, Filters(), limit)]
        except QueryError as error:
            raise ArchiveError(str(error)) from None

    def integrity(self) -> str:
        return self.db.execute("PRAGMA integrity_check").fetchone()[0]


def _article_row(record: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for column in ARTICLE_COLUMNS:
        if column in ("first_seen", "last_seen", "last_changed"):
            continue
        value = record.get(column)
        if column in LIST_COLUMNS:
            value = json.dumps(list(value or []), ensure_ascii=False)
        row[column] = value
    row["search_folded"] = fold_extra(row["title"], row["authors"], row["body_text"])
    return row


def _statements(script: str) -> Iterator[str]:
    """The statements of a migration, one by one (executescript would COMMIT the open
    transaction first); a trigger's body keeps its inner semicolons."""
    statement = ""
    for line in script.strip().splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            yield statement
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete statement in migration: {statement[:60]!r}")


def decode_article(row: dict[str, Any]) -> dict[str, Any]:
    for column in LIST_COLUMNS:
        if isinstance(row.get(column), str):
            row[column] = json.loads(row[column])
    return row
