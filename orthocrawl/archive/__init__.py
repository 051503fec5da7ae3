"""The SQLite archive: the only place orthocrawl writes SQL (schema.py: the schema and its
migrations; core.py: the Archive, its writes and reads)."""

from orthocrawl.archive.core import (
    ARTICLE_COLUMNS,
    DECOMPRESSORS,
    DEFAULT_DB,
    Archive,
    ArchiveError,
    decode_article,
)
from orthocrawl.archive.schema import MIGRATIONS, READABLE_FROM, SCHEMA_VERSION

__all__ = ["ARTICLE_COLUMNS", "DECOMPRESSORS", "DEFAULT_DB", "MIGRATIONS", "READABLE_FROM",
           "SCHEMA_VERSION", "Archive", "ArchiveError", "decode_article"]
