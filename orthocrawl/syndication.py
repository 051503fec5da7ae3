"""The analysts' view of stories (syndicated copies grouped, orthocrawl.stories): the list of
stories, one story's copies with what each adds, and the rebuild. The CLI prints what these
return; the SQL is the archive's (orthocrawl/archive/stories.py)."""

from __future__ import annotations

import difflib
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from orthocrawl.archive import Archive, ArchiveError
from orthocrawl.errors import BadInput, UserError
from orthocrawl.output import Note, coloured

LIST_COLUMNS = ("id", "first_published", "articles", "sites", "site", "publishers", "title")


def rebuild_stories(archive: Archive, workers: int = 1) -> int:
    """Group every archived article afresh with this orthocrawl's method (recorded in the
    archive's derived_methods); each story keeps the id most of its articles had. How many
    articles were grouped."""
    from orthocrawl.derived import Derivations
    from orthocrawl.stories import StoryIndex

    derive = Derivations()
    count = archive.rebuild_stories(StoryIndex(archive.story_storage(), derive.story_params),
                                    workers)
    archive.set_derived_method("stories", derive.stories_method())
    return count


def rebuild_archive(db: Path, wait: bool, workers: int = 1) -> int:
    """`orthocrawl stories --rebuild`: under the locks of every site (no crawl writes
    meanwhile), or ArchiveBusyError."""
    from orthocrawl.lock import site_locks

    with Archive(db, create=False) as archive:
        with site_locks(db, archive.sites(), wait):
            return rebuild_stories(archive, workers)


def story_id(archive: Archive, ref: str) -> int:
    """The story a reference names: its id, or the URL (any variant) of one of its copies;
    BadInput when there is no such story."""
    text = ref.strip()
    if text.isdigit():
        if archive.story(int(text)) is None:
            raise BadInput(f"no story {text} in {archive.path} (see `orthocrawl stories`)")
        return int(text)
    if "://" not in text:
        raise BadInput(f"{ref!r} is neither a story id nor an article URL")
    key = archive.find_article(text)
    if key is None:
        raise BadInput(f"{text} is not in {archive.path} (nor any variant of it)")
    found = archive.story_of(key)
    if found is None:
        raise BadInput(f"{key} belongs to no story yet: run `orthocrawl stories --rebuild`")
    return int(found)


def _paragraphs(article: dict[str, Any]) -> list[str]:
    return [p.strip() for p in (article["body_text"] or "").split("\n\n") if p.strip()]


def story_lines(story: dict[str, Any], copies: list[dict[str, Any]],
                context: int = 0) -> Iterator[tuple[str, str]]:
    """A story and every copy, canonical first, each with a diff of its text against the
    canonical copy's (paragraphs it adds +, paragraphs of the canonical it lacks -):
    (kind, line), kind "head", "+", "-", "@" or "" (for the CLI's colours)."""
    canonical = next((c for c in copies if c["url"] == story["canonical_url"]), copies[0])
    size, sites = story["articles"], story["sites"]
    yield "", (f"story {story['id']}: {story['title']}\n{size} "
               f"{'copy' if size == 1 else 'copies'} on {sites} "
               f"{'site' if sites == 1 else 'sites'}, first "
               f"{(story['first_published'] or '-')[:10]}, latest "
               f"{(story['last_published'] or '-')[:10]}\n")
    base = _paragraphs(canonical)
    for copy in [canonical, *(c for c in copies if c is not canonical)]:
        mark = "canonical" if copy is canonical else "copy"
        gone = "  [gone]" if copy["status"] == "gone" else ""
        yield "head", (f"{(copy['published_at'] or '-')[:16].replace('T', ' ')}  "
                       f"{copy['site']}  ({mark}){gone}")
        yield "", f"  {copy['title']}\n  {copy['url']}"
        if copy is canonical:
            yield "", f"  {len(base)} paragraphs, {sum(len(p.split()) for p in base)} words"
        else:
            own = _paragraphs(copy)
            diff = list(difflib.unified_diff(base, own, "canonical", "this copy", n=context,
                                             lineterm=""))
            if not diff:
                yield "", "  the same text as the canonical copy"
            added = sum(1 for line in diff[2:] if line.startswith("+"))
            dropped = sum(1 for line in diff[2:] if line.startswith("-"))
            if diff:
                yield "", (f"  adds {added} paragraph(s), lacks {dropped} of the "
                           "canonical's")
            for line in diff[2:]:
                kind = line[:1] if line[:1] in "+-@" else ""
                text = line[1:].replace("\n", "\n    ")  # a block's own lines, indented
                yield kind, f"  {line}" if kind == "@" else f"  {line[:1] or ' '} {text}"
        yield "", ""


def stories_hint(archive: Archive) -> str | None:
    """A line for the analyst when some articles belong to no story yet."""
    try:
        missing = archive.stories_missing()
    except ArchiveError:
        return None
    if not missing:
        return None
    return (f"{missing} article(s) belong to no story yet (archived before stories, or while "
            "the stories were made by another method): `orthocrawl stories --rebuild`")


def story_stats_table(counts: list[tuple[str, int, Any]], by: str) -> Iterator[str]:
    """`stats --stories`: unique stories by site (and how many it had first) or by month
    (and the site first most often)."""
    first = "first" if by == "site" else "first most often"
    width = max([len(by), *(len(str(k)) for k, _, _ in counts)])
    yield f"{by:<{width}}  {'stories':>8}  {first}"
    for key, count, lead in counts:
        shown = f"{lead:>5,}" if isinstance(lead, int) else (lead or "-")
        yield f"{key:<{width}}  {count:8,}  {shown}"


def list_stories(db: Path, since: str | None, sites: tuple[str, ...], min_sites: int,
                 limit: int, fmt: str, rebuild: bool, workers: int,
                 wait: bool) -> Iterator[str]:
    """`orthocrawl stories`: the list (a hint on stderr when articles wait for a story), or
    with rebuild every article grouped afresh and the time it took."""
    from orthocrawl.industry import since_day, table
    from orthocrawl.reading import read

    if rebuild:
        started = time.perf_counter()
        count = rebuild_archive(db, wait, workers)
        with read(db) as archive:
            made = len(archive.stories())
        yield (f"{count} articles grouped into {made} stories in "
               f"{time.perf_counter() - started:.1f} s")
        return
    day = since_day(since)
    with read(db, sites) as archive:
        archive.require_stories()
        rows = archive.stories(day, sites, min_sites, limit)
        hint = stories_hint(archive)
    yield table(rows, LIST_COLUMNS, fmt)
    if hint:
        yield Note(hint)


def show_story(db: Path, ref: str, context: int) -> Iterator[str]:
    """`orthocrawl story`: every copy of the story ref names, with a coloured diff."""
    from orthocrawl.reading import read

    with read(db) as archive:
        archive.require_stories()
        found = story_id(archive, ref)
        story, copies = archive.story(found), archive.story_copies(found)
    if story is None or not copies:
        raise UserError(f"story {found} has no articles", 1)
    yield from coloured(story_lines(story, copies, context))
