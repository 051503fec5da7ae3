"""Work on a whole archive file: migrating it in place, after a backup copy."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from orthocrawl.archive.connection import ArchiveError
from orthocrawl.archive.schema import SCHEMA_VERSION
from orthocrawl.dates import utc_now
from orthocrawl.lock import archive_lock


@dataclass
class Migrated:
    from_version: int
    backup: Path | None  # None: nothing to do


def migrate(db: Path, wait: bool) -> Migrated:
    """Bring the archive at db to this version's schema, in place, under the archive's lock
    (no crawl writes meanwhile), after copying it next to itself (SQLite's online backup).
    ArchiveError (one line) for an empty, foreign or newer file, or a failed copy."""
    from orthocrawl.archive import Archive

    with Archive(db, read_only=True, any_version=True) as archive:  # empty, foreign: refused
        sites = archive.sites() if archive.version >= 1 else []
    with archive_lock(db, wait, sites=sites):
        with Archive(db, read_only=True, any_version=True) as archive:
            version = archive.version
            if version == SCHEMA_VERSION:
                return Migrated(version, None)
            stamp = utc_now().replace("-", "").replace(":", "")
            backup = db.with_name(f"{db.stem}.schema-v{version}.{stamp}{db.suffix or '.db'}")
            try:
                archive.backup(backup)
            except (OSError, sqlite3.Error) as error:
                raise ArchiveError(f"cannot copy {db} to {backup} before migrating: "
                                   f"{error}") from None
        try:
            Archive(db).close()
        except ArchiveError as error:
            raise ArchiveError(f"{error}; the archive as it was is in {backup}") from None
    return Migrated(version, backup)
