"""Who may write what: a lock per site of an archive, and one for the archive as a whole.

Two runs of the same site never overlap; runs of different sites write one archive at the
same time (WAL, a busy timeout and short write transactions take care of the rest).
Maintenance that rewrites the whole file (migrate) takes the archive's own lock and every
site's. Each lock is an OS-level lock on a file beside the archive (DB.SITE.lock,
DB.lock), released by the kernel if the process dies: a killed run never blocks the next
one, and a run whose lock is free is known to be dead.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from orthocrawl.errors import UserError

PROBE_GRACE = 1.0  # seconds a run without --wait waits for a lock before it is busy
ARCHIVE = ""  # the lock of the archive as a whole (DB.lock), not of one site


class ArchiveBusyError(UserError):
    """Another run is writing the same site (or a maintenance the whole archive)."""


# Locks this process holds, by (resolved archive path, site): a crawl inside `orthocrawl
# crawl` finds the command's locks here instead of waiting on them.
_held: dict[tuple[str, str], FileLock] = {}


def _key(db: str | os.PathLike[str], site: str) -> tuple[str, str]:
    return str(Path(db).resolve()), site


def lock_path(db: str | os.PathLike[str], site: str = ARCHIVE) -> Path:
    name = re.sub(r"[^a-z0-9_-]", "_", site.lower())
    return Path(f"{db}.{name}.lock" if site else f"{db}.lock")


def held_here(db: str | os.PathLike[str], site: str = ARCHIVE) -> bool:
    """True when this process holds that lock."""
    return _key(db, site) in _held


def acquire(db: str | os.PathLike[str], site: str, wait: bool,
            hint: str = "use --wait") -> bool:
    """Take a site's lock (the archive's with site ARCHIVE), blocking with `wait`; False
    if this process holds it already. ArchiveBusyError (ending with `hint`) when another
    process holds it and `wait` is false."""
    key = _key(db, site)
    if key in _held:
        return False
    lock = FileLock(lock_path(db, site))
    try:
        # Not 0 without `wait`: another writer's is_free() probe holds a free lock for an
        # instant, and a run must not be refused for that.
        lock.acquire(timeout=-1 if wait else PROBE_GRACE)
    except Timeout:
        what = f"a crawl of {site}" if site else "a maintenance of the whole archive"
        raise ArchiveBusyError(f"{what} is writing to {db}; wait for it or {hint}") from None
    _held[key] = lock
    return True


def release(db: str | os.PathLike[str], site: str = ARCHIVE) -> None:
    lock = _held.pop(_key(db, site), None)
    if lock is not None:
        lock.release()


@contextmanager
def site_locks(db: str | os.PathLike[str], sites: Iterable[str], wait: bool,
               hint: str = "use --wait") -> Iterator[None]:
    """Hold the locks of these sites for the block (in name order, so that two runs of
    overlapping sites never wait on each other in a circle)."""
    with ExitStack() as stack:
        for site in sorted(set(sites)):
            if acquire(db, site, wait, hint):
                stack.callback(release, db, site)
        yield


@contextmanager
def archive_lock(db: str | os.PathLike[str], wait: bool, hint: str = "use --wait",
                 sites: Iterable[str] = ()) -> Iterator[None]:
    """Hold the archive's own lock and the given sites' (a maintenance of the whole file)."""
    with site_locks(db, [ARCHIVE, *sites], wait, hint):
        yield


def is_free(db: str | os.PathLike[str], site: str) -> bool:
    """True when no process holds that site's lock (its last run is over, or died); this
    process's own locks are not free."""
    if held_here(db, site):
        return False
    lock = FileLock(lock_path(db, site))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return False
    lock.release()
    return True
