"""The SQLite archive: the only place orthocrawl writes SQL.

schema.py holds the schema and every migration as literal SQL; connection.py opens the
file; a module per layer reads and writes it (articles.py, runs.py, dropped.py); query.py
holds the analysts' queries (search, export rows, statistics, Datasette's canned queries).
"""

from orthocrawl.archive.articles import (
    ARTICLE_COLUMNS,
    DECOMPRESSORS,
    ArticleStore,
    decode_article,
)
from orthocrawl.archive.connection import DEFAULT_DB, ArchiveError
from orthocrawl.archive.dropped import DroppedStore
from orthocrawl.archive.query import Queries
from orthocrawl.archive.runs import RunStore
from orthocrawl.archive.schema import MIGRATIONS, READABLE_FROM, SCHEMA_VERSION


class Archive(ArticleStore, RunStore, DroppedStore, Queries):
    """An orthocrawl archive: every layer's reads and writes on one connection."""


__all__ = ["ARTICLE_COLUMNS", "DECOMPRESSORS", "DEFAULT_DB", "MIGRATIONS", "READABLE_FROM",
           "SCHEMA_VERSION", "Archive", "ArchiveError", "decode_article"]
