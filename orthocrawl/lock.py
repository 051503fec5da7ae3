"""One writer at a time: the lock a crawl holds on its archive."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from filelock import FileLock, Timeout


class ArchiveBusyError(Exception):
    """Another crawl is writing to the same archive."""


@contextmanager
def archive_lock(db: str | os.PathLike[str], wait: bool) -> Iterator[None]:
    """The lock that keeps two crawls from writing one archive at the same time.

    An OS-level lock on DB.lock: released by the kernel if the crawler dies, so a
    killed run never blocks the next one.
    """
    lock = FileLock(f"{db}.lock")
    try:
        lock.acquire(timeout=-1 if wait else 0)
    except Timeout:
        raise ArchiveBusyError(
            f"another crawl is writing to {db}; wait for it or use --wait") from None
    try:
        yield
    finally:
        lock.release()
