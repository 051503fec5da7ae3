"""Re-extract stored raw pages with today's page objects: no network, new versions where
the text changed (a fixed extractor heals the archive)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from orthocrawl.archive import Archive
from orthocrawl.cleaning import clean, drop_reason
from orthocrawl.derived import Derivations
from orthocrawl.extract import extract
from orthocrawl.items import STORED_FIELDS

BATCH = 200


@dataclass
class ReparseResult:
    pages: int = 0
    changed: int = 0
    unchanged: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)


def reparse(archive: Archive, site: str | None = None, min_words: int = 10) -> ReparseResult:
    """Re-extract every stored raw page (of one site); changed texts become new versions.
    The derived layers follow: a changed article's are redone, and every article's when
    the archive's were made by another method (a new extractor or gazetteer)."""
    result = ReparseResult()
    batch: list[tuple[dict, None]] = []
    derive = Derivations()
    method = derive.method()
    rebuild = archive.derived_method("entities") != method
    derive.start_stories(archive)  # stories made by another method: rebuilt at the end

    def flush() -> None:
        for outcome in archive.store(batch, via="reparse", derive=derive,
                                     derive_unchanged=rebuild):
            if outcome == "changed":
                result.changed += 1
            else:
                result.unchanged += 1
        batch.clear()

    # iter_pages reads in chunks with no cursor open across them: writing as we go is safe.
    for article_url, page in archive.iter_pages(site):
        result.pages += 1
        article = clean(extract(page.body, page.url, page.headers))
        reason = drop_reason(article, min_words)
        if reason:
            result.rejected.append((article_url, reason))
            continue
        article.url = article_url  # the archive's key, whatever the page says now
        record = {name: getattr(article, name) for name in STORED_FIELDS}
        batch.append((record, None))
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()
    if rebuild and site is None:
        archive.forget_orphan_entities()
        archive.set_derived_method("entities", method)
    if not derive.stories and site is None:
        from orthocrawl.syndication import rebuild_stories

        rebuild_stories(archive)
    return result


def reparse_archive(db: Path, site: str | None, min_words: int, wait: bool) -> ReparseResult:
    """`orthocrawl reparse`: the archive at db (which must exist) re-parsed under its lock
    (ArchiveBusyError, or waits); a site it has no articles of is a QueryError."""
    from orthocrawl.archive.query import QueryError
    from orthocrawl.lock import site_locks

    with Archive(db, create=False) as archive:
        held = archive.sites()
        if site is not None and site not in held:
            raise QueryError(f"no articles of site {site!r} in {db} (sites there: "
                             f"{', '.join(held) or 'none'})")
        with site_locks(db, [site] if site else held, wait):  # a writer of those sites
            return reparse(archive, site, min_words)
