"""The SQLite archive: the only place orthocrawl writes SQL.

schema.py holds the schema and every migration as literal SQL; connection.py opens the
file; a module per layer reads and writes it (articles.py, runs.py, dropped.py,
entities.py, watches.py); query.py holds the analysts' queries (search, export rows,
statistics, Datasette's canned queries); merge.py brings another archive in (`orthocrawl
merge`); stories.py the stories layer (syndicated copies grouped).
"""

from pathlib import Path

from orthocrawl.archive.articles import (
    ARTICLE_COLUMNS,
    DECOMPRESSORS,
    ArticleStore,
    decode_article,
)
from orthocrawl.archive.connection import DEFAULT_DB, ArchiveError
from orthocrawl.archive.dropped import DroppedStore
from orthocrawl.archive.entities import EntityStore
from orthocrawl.archive.merge import MergeStore
from orthocrawl.archive.query import Queries, QueryError
from orthocrawl.archive.runs import RunStore
from orthocrawl.archive.schema import MIGRATIONS, READABLE_FROM, SCHEMA_VERSION
from orthocrawl.archive.stories import StoryStore
from orthocrawl.archive.watches import WatchStore


class Archive(ArticleStore, RunStore, DroppedStore, EntityStore, MergeStore, StoryStore,
              WatchStore, Queries):
    """An orthocrawl archive: every layer's reads and writes on one connection."""


def open_to_read(db: Path, sites: list[str] | tuple[str, ...] = (), hint: str = "") -> Archive:
    """The archive at db for a command that only reads it: never created, migrated or
    written (ArchiveError when there is none: hint says where to look); a site it has no
    articles of is a mistake, a typo or the wrong file (QueryError naming the sites)."""
    if not db.exists():
        raise ArchiveError(f"no archive at {db}" + (f" ({hint})" if hint else ""))
    archive = Archive(db, read_only=True)
    held = archive.sites()
    unknown = [name for name in sites if name not in held]
    if unknown:
        archive.close()
        raise QueryError(f"no articles of site {unknown[0]!r} in {db} (sites there: "
                         f"{', '.join(held) or 'none'})")
    return archive


__all__ = ["ARTICLE_COLUMNS", "DECOMPRESSORS", "DEFAULT_DB", "MIGRATIONS", "READABLE_FROM",
           "SCHEMA_VERSION", "Archive", "ArchiveError", "decode_article", "open_to_read"]
