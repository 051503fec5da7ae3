"""The archive file: opening (created, migrated, or read-only), transactions, backups.

One file, written through sqlite-utils, in WAL mode so analysts can read while a crawl
writes. The schema and its migrations are in schema.py; each layer's reads and writes
in a module of its own (articles.py, runs.py, dropped.py), all SQL in this package.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Self

import sqlite_utils

from orthocrawl.archive.schema import (
    MIGRATIONS,
    READABLE_FROM,
    SCHEMA_VERSION,
    register_functions,
    repair,
)
from orthocrawl.config import SETTINGS_BY_NAME
from orthocrawl.errors import UserError

DEFAULT_DB = Path(SETTINGS_BY_NAME["ORTHOCRAWL_DB"].default)
PAGE_SIZE = 16384  # of a new archive file
WRITER_CACHE_KB = 4096  # a writer's page cache (SQLite's own memory, per connection)


class ArchiveError(UserError):
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


class Connection:
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
        self.transactions = 0  # outermost transactions opened (what a cache may last for)
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
                if self.version == 0:
                    # A new file: 16 KB pages hold five or six compressed raw pages or
                    # three articles' rows each, where 4 KB pages left a third empty or
                    # spilled rows into overflow pages (a no-op on a file already made).
                    self.db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
                _use_wal(conn)
                self.db.execute("PRAGMA synchronous = NORMAL")
                if self.version < SCHEMA_VERSION:
                    self.version = self._migrate()
            if read_only:
                # Reads (search, export) go through the OS page cache, not copies of it.
                self.db.execute("PRAGMA mmap_size = 1073741824")
                self.db.execute("PRAGMA cache_size = -65536")
            else:
                # A writer (a crawl) reads little of a large archive: no memory map (whose
                # touched pages count in the process's memory) and a small page cache, so
                # that a run's memory does not grow with the archive (an unchanged rerun
                # touches every article's row: a 16 MB cache filled up at 20,000 articles
                # and not at 2,000).
                self.db.execute("PRAGMA mmap_size = 0")
                self.db.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KB}")
        except sqlite3.DatabaseError as error:
            raise ArchiveError(f"cannot use {self.path} as an archive: {error}") from None
        except OSError as error:
            raise ArchiveError(f"cannot create {self.path}: {error.strerror}") from None

    def _check_version(self) -> int:
        # The tables before the version: a process creating the file meanwhile commits both
        # at once, so tables seen imply its version is seen too (the other order could see
        # version 0 and then its tables, and call the file foreign).
        tables = self.db.table_names()
        version: int = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise ArchiveError(
                f"{self.path} has schema version {version}, newer than this orthocrawl "
                f"knows ({SCHEMA_VERSION}); upgrade orthocrawl")
        if version == 0 and (tables or self.read_only):
            what = "an empty file" if not tables else "an SQLite file"
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

    def _migrate(self) -> int:
        """Create or migrate the archive in one exclusive transaction that re-reads the
        schema version: of two processes opening a new or old file at once, one migrates
        and the other, having waited, finds nothing left to do."""
        conn = self.db.conn
        conn.execute("BEGIN EXCLUSIVE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            for number, sql in enumerate(MIGRATIONS[version:], start=version + 1):
                repair(conn, number - 1)
                for statement in _statements(sql):
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except BaseException:
            conn.rollback()
            raise
        conn.commit()
        return SCHEMA_VERSION

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

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic write: everything in the block is committed together or not at all.

        The BEGIN is explicit: sqlite-utils 4 commits a write statement at once unless a
        transaction is already open, so `with conn:` alone would not group statements."""
        if not self.db.conn.in_transaction:
            self.transactions += 1
        try:
            with _atomic(self.db.conn):
                yield
        except sqlite3.DatabaseError as error:
            raise ArchiveError(f"cannot write to {self.path}: {error}") from None

    def integrity(self) -> str:
        return self.db.execute("PRAGMA integrity_check").fetchone()[0]


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


def _use_wal(conn: sqlite3.Connection, patience: float = 30.0) -> None:
    """Put the file in WAL mode. Switching needs the file to itself, and SQLite answers
    "database is locked" at once, without its busy handler, when another process is opening
    the same new file: retried for `patience` seconds. A file in WAL mode already is left."""
    deadline = time.monotonic() + patience
    pause = 0.01
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)
