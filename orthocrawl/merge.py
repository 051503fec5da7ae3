"""`orthocrawl merge`: archives crawled on other machines brought into one (the SQL and the
rules are in orthocrawl.archive.merge)."""

from __future__ import annotations

import tempfile
from pathlib import Path

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
    # The copies next to the target: they are as large as the sources, /tmp may be small.
    with tempfile.TemporaryDirectory(prefix=f".{target.name}.merge-", dir=target.parent) as tmp:
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
