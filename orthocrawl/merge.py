"""`orthocrawl merge`: archives crawled on other machines brought into one (the SQL and the
rules are in orthocrawl.archive.merge)."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from filelock import FileLock, Timeout

from orthocrawl.archive import Archive, ArchiveError
from orthocrawl.archive.merge import Merged, snapshot
from orthocrawl.derived import Derivations
from orthocrawl.errors import BadInput
from orthocrawl.lock import site_locks


def merge_archives(sources: list[Path], target: Path,
                   wait: bool = False) -> list[tuple[Path, Merged]]:
    """Merge each source archive into target (created when missing), in order; what each
    brought. Every source is copied, checked and migrated (in the copy) before the target is
    touched: a foreign, damaged or newer one is refused (BadInput, one line) and nothing is
    merged. The target is written under the locks of the sources' sites (a crawl of one of
    them into the target waits, or this does with `wait`)."""
    for source in sources:
        if not source.exists():
            raise BadInput(f"no archive at {source}")
        if source.exists() and target.exists() and source.resolve() == target.resolve():
            raise BadInput(f"{source} is the target archive itself")
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned(target)
    # The copies next to the target: they are as large as the sources, /tmp may be small.
    with tempfile.TemporaryDirectory(prefix=f".{target.name}.merge-", dir=target.parent) as tmp,\
            FileLock(Path(tmp) / _OWNER):
        copies = []
        for number, source in enumerate(sources):
            copy = Path(tmp) / f"source-{number}.db"
            try:
                snapshot(source, copy)
            except ArchiveError as error:
                raise BadInput(str(error)) from None
            copies.append(copy)
        with Archive(target) as archive:
            sites = sorted({site for copy in copies for site in archive.snapshot_sites(copy)})
            with site_locks(target, sites, wait):
                derive = Derivations()
                derive.start(archive)
                return [(source, archive.merge_from(copy, derive))
                        for source, copy in zip(sources, copies, strict=True)]


_OWNER = "owner.lock"  # held by the merge that made the folder, freed by the kernel if it dies


def _remove_abandoned(target: Path) -> None:
    """Remove the copies folders of earlier merges into `target` that were killed (their
    owner lock is free); a merge still running keeps its folder."""
    for folder in target.parent.glob(f".{target.name}.merge-*"):
        owner = folder / _OWNER
        if not folder.is_dir():
            continue
        if not owner.exists() and time.time() - folder.stat().st_mtime < 60:
            continue  # just made by a merge that has not taken its lock yet
        if owner.exists():
            try:
                with FileLock(owner, timeout=0):
                    pass
            except Timeout:
                continue  # another merge is using it
        shutil.rmtree(folder, ignore_errors=True)
