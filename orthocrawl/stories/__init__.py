"""Syndicated copies grouped into stories (issue 11 §2): near-duplicate detection with
MinHash LSH (datasketch's scheme), paragraph and fact keys for excerpts and rewrites,
citations and time, over a storage the archive provides. Pure Python: no SQLite in here."""

from orthocrawl.stories.article import StoryArticle, source_links, url_form
from orthocrawl.stories.index import Assignment, StoryIndex, StorySummary
from orthocrawl.stories.metrics import PairScores, pair_scores, pairs_grouped, story_pairs
from orthocrawl.stories.signature import Band, Key, Signature, sign
from orthocrawl.stories.storage import Entry, MemoryStorage, Storage, StoredRows
from orthocrawl.stories.verify import Params, Reason

__all__ = [
    "Assignment",
    "Band",
    "Entry",
    "Key",
    "MemoryStorage",
    "PairScores",
    "Params",
    "Reason",
    "Signature",
    "Storage",
    "StoredRows",
    "StoryArticle",
    "StoryIndex",
    "StorySummary",
    "pair_scores",
    "pairs_grouped",
    "sign",
    "source_links",
    "story_pairs",
    "url_form",
]
