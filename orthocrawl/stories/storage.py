"""Where the story layer keeps its signatures, keys and stories: a protocol the archive
implements with two indexed tables, and an in-memory implementation for tests and benchmarks.

The archive's tables (SQL for the lead's migration):

    story_signatures(article_id INTEGER PRIMARY KEY, story_id INTEGER NOT NULL,
                     signature BLOB NOT NULL)            -- index on story_id
    story_keys(band INTEGER NOT NULL, key INTEGER NOT NULL, article_id INTEGER NOT NULL)
                                          -- index on (band, key), index on article_id

(story_id may instead be articles.story_id, with the index there.) Every method is a
handful of indexed statements, run inside the store transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Protocol

from orthocrawl.stories.signature import Key


@dataclass(frozen=True)
class Entry:
    story_id: int
    signature: bytes


class Storage(Protocol):
    def lookup(self, keys: Collection[Key], limit: int) -> dict[Key, list[int]]:
        """The articles stored under each key. A key's list may stop at `limit` ids (the
        index then treats the key as common); keys stored by no article may be missing.
        SQL: per key, SELECT article_id FROM story_keys WHERE band=? AND key=? LIMIT ?."""
        ...

    def entries(self, article_ids: Collection[int]) -> dict[int, Entry]:
        """The stored story and signature of each of these articles that has one."""
        ...

    def members(self, story_id: int) -> list[int]:
        """The articles of a story."""
        ...

    def put(self, article_id: int, story_id: int, signature: bytes,
            keys: Collection[Key]) -> None:
        """Store (or replace) an article's story, signature and keys."""
        ...

    def move(self, from_story: int, to_story: int) -> None:
        """Move every article of one story to another (a merge)."""
        ...

    def new_story(self) -> int:
        """A story id never used before (e.g. max(story_id) + 1, or a stories row)."""
        ...

    def clear(self) -> None:
        """Forget every signature, key and story (before a rebuild)."""
        ...


class MemoryStorage:
    """The Storage protocol in dicts: keys are packed as band << 32 | unsigned value."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self._postings: defaultdict[int, list[int]] = defaultdict(list)
        self._keys: dict[int, list[int]] = {}
        self._entries: dict[int, Entry] = {}
        self._stories: defaultdict[int, set[int]] = defaultdict(set)
        self._next_story = 1

    @staticmethod
    def _pack(key: Key) -> int:
        return key[0] << 32 | (key[1] & 0xFFFFFFFF)

    def lookup(self, keys: Collection[Key], limit: int) -> dict[Key, list[int]]:
        found = {}
        for key in keys:
            ids = self._postings.get(self._pack(key))
            if ids:
                found[key] = ids[:limit]
        return found

    def entries(self, article_ids: Collection[int]) -> dict[int, Entry]:
        return {i: self._entries[i] for i in article_ids if i in self._entries}

    def members(self, story_id: int) -> list[int]:
        return sorted(self._stories.get(story_id, ()))

    def put(self, article_id: int, story_id: int, signature: bytes,
            keys: Collection[Key]) -> None:
        old = self._entries.get(article_id)
        if old is not None:
            self._stories[old.story_id].discard(article_id)
            if not self._stories[old.story_id]:
                del self._stories[old.story_id]
        packed = [self._pack(key) for key in keys]
        if self._keys.get(article_id) != packed:
            for key in self._keys.pop(article_id, ()):
                self._postings[key].remove(article_id)
            for key in packed:
                self._postings[key].append(article_id)
            self._keys[article_id] = packed
        self._entries[article_id] = Entry(story_id, signature)
        self._stories[story_id].add(article_id)
        self._next_story = max(self._next_story, story_id + 1)

    def move(self, from_story: int, to_story: int) -> None:
        moved = self._stories.pop(from_story, set())
        for article_id in moved:
            self._entries[article_id] = Entry(to_story, self._entries[article_id].signature)
        self._stories[to_story] |= moved

    def new_story(self) -> int:
        story_id = self._next_story
        self._next_story += 1
        return story_id

    def stories(self) -> dict[int, int]:
        """article id -> story id, for every stored article."""
        return {article_id: entry.story_id for article_id, entry in self._entries.items()}

    def signature_bytes(self) -> Iterable[tuple[int, int]]:
        """(signature bytes, key count) per stored article, to measure the footprint."""
        for article_id, entry in self._entries.items():
            yield len(entry.signature), len(self._keys.get(article_id, ()))
