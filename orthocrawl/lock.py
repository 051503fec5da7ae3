"""One writer at a time: the lock a crawl (or a re-parse) holds on its archive.

An OS-level lock on DB.lock, released by the kernel if the process dies, so a killed
run never blocks the next one. `orthocrawl crawl` takes it around the whole run; a
crawl started by `scrapy crawl` (or scrapyd) takes it when its store pipeline opens.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from orthocrawl.errors import UserError


class ArchiveBusyError(UserError):
    """Another crawl is writing to the same archive."""


# Locks this process holds, by resolved archive path: a crawl inside `orthocrawl crawl`
# finds the command's lock here instead of waiting on it.
_held: dict[str, FileLock] = {}


def _key(db: str | os.PathLike[str]) -> str:
    return str(Path(db).resolve())


def held_here(db: str | os.PathLike[str]) -> bool:
    """True when this process holds the archive's lock."""
    return _key(db) in _held


def acquire(db: str | os.PathLike[str], wait: bool, hint: str = "use --wait") -> bool:
    """Take the archive's lock (blocking with `wait`); False if this process already has it.

    Raises ArchiveBusyError (ending with `hint`) when another process holds it and
    `wait` is false."""
    key = _key(db)
    if key in _held:
        return False
    lock = FileLock(f"{db}.lock")
    try:
        lock.acquire(timeout=-1 if wait else 0)
    except Timeout:
        raise ArchiveBusyError(
            f"another crawl is writing to {db}; wait for it or {hint}") from None
    _held[key] = lock
    return True


def release(db: str | os.PathLike[str]) -> None:
    lock = _held.pop(_key(db), None)
    if lock is not None:
        lock.release()


@contextmanager
def archive_lock(db: str | os.PathLike[str], wait: bool,
                 hint: str = "use --wait") -> Iterator[None]:
    """Hold the archive's lock for the block (ArchiveBusyError, or waits with `wait`)."""
    taken = acquire(db, wait, hint)
    try:
        yield
    finally:
        if taken:
            release(db)
