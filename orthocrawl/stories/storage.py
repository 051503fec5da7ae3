"""Where the story layer keeps its signatures, keys and stories: a protocol the archive
implements with three indexed tables, and an in-memory implementation for tests and
benchmarks.

The archive's tables (SQL for the lead's migration):

    story_signatures(article_id INTEGER PRIMARY KEY, story_id INTEGER NOT NULL,
                     signature BLOB NOT NULL)            -- index on story_id
    story_keys(key INTEGER NOT NULL, article_id INTEGER NOT NULL,
               PRIMARY KEY (key, article_id)) WITHOUT ROWID   -- index on article_id
    story_facts(key INTEGER NOT NULL, day INTEGER NOT NULL, article_id INTEGER NOT NULL,
                PRIMARY KEY (key, day, article_id)) WITHOUT ROWID   -- index on article_id

(story_id may instead be articles.story_id, with the index there; story ids come from a
table with AUTOINCREMENT, never reused.) Every method is one to three indexed statements,
run inside the store transaction. docs/stories.md gives the SQL of each.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import NamedTuple, Protocol

from orthocrawl.stories.signature import Key


class Entry(NamedTuple):
    story_id: int
    signature: bytes


class Storage(Protocol):
    def lookup(self, keys: Collection[Key], limit: int) -> dict[Key, list[int]]:
        """The articles stored under each key. A key's list may stop at `limit` ids (the
        index then treats the key as common); keys stored by no article may be missing.
        In SQL, one statement with a per-key LIMIT, so that a key thousands of articles
        share costs no more than a rare one (docs/stories.md gives it)."""
        ...

    def lookup_facts(self, keys: Collection[Key], first_day: int | None,
                     last_day: int | None, limit: int) -> dict[Key, list[int]]:
        """The articles stating each fact on a day between these (inclusive; None: any
        day), at most `limit` a key. A number's or a name's rarity depends on the time
        window ("$25 million" is said of many stories over years, of one or two in a
        fortnight); a quote said in many stories over years is a stock line. In SQL as
        lookup(), on story_facts, with the days as a range."""
        ...

    def entries(self, article_ids: Collection[int]) -> dict[int, Entry]:
        """The stored story and signature of each of these articles that has one."""
        ...

    def members(self, story_id: int) -> list[int]:
        """The articles of a story."""
        ...

    def put(self, article_id: int, story_id: int, signature: bytes,
            keys: Collection[Key], facts: Collection[Key], day: int,
            replacing: bool = True) -> None:
        """Store (or replace) an article's story, signature, keys, and fact keys on its day.
        `replacing=False`: the article has nothing stored yet (its old keys need not be
        looked for)."""
        ...

    def move(self, from_story: int, to_story: int) -> None:
        """Move every article of one story to another (a merge)."""
        ...

    def new_story(self) -> int:
        """A story id never used before, not even before a clear() (e.g. a row of a table
        with INTEGER PRIMARY KEY AUTOINCREMENT): watchlists report stories by id, and a
        rebuild keeps old ids for the stories it finds again."""
        ...

    def clear(self) -> None:
        """Forget every signature, key and story (before a rebuild); story ids handed out
        stay used."""
        ...


# A key's articles kept, at most: lookups never ask for more (a key past it is common), and
# an inverted list of a key thousands of articles share would cost its length at each add.
_KEEP = 64


class StoredRows(NamedTuple):
    signatures: Iterable[tuple[int, int, bytes]]  # article_id, story_id, signature
    keys: Iterable[tuple[int, int]]  # key, article_id
    facts: Iterable[tuple[int, int, int]]  # key, day, article_id
    last_story: int  # the highest story id handed out


def _week_key(key: Key, week: int) -> int:
    return (key & 0xFFFFFFFF) << 20 | (week & 0xFFFFF)


Postings = dict[int, int | tuple[int, ...]]


def _replace(postings: Postings, held: dict[int, tuple[tuple[int, int], ...]],
             article_id: int, entries: tuple[tuple[int, int], ...]) -> None:
    """Make `entries` ((key, value) pairs) the article's in an inverted index whose values
    are an int or a tuple of ints."""
    if held.get(article_id) == entries:
        return
    for key, value in held.pop(article_id, ()):
        ids = postings.get(key)
        if ids is None:
            continue
        if isinstance(ids, int):
            if ids == value:
                del postings[key]
            continue
        remaining = tuple(i for i in ids if i != value)
        if len(remaining) == len(ids):
            continue
        if remaining:
            postings[key] = remaining[0] if len(remaining) == 1 else remaining
        else:
            del postings[key]
    for key, value in entries:
        current = postings.get(key)
        if current is None:
            postings[key] = value
        elif isinstance(current, int):
            if current != value:
                postings[key] = (current, value)
        elif len(current) < _KEEP and value not in current:
            postings[key] = (*current, value)
    held[article_id] = entries


class MemoryStorage:
    """The Storage protocol in dicts of ints, bytes and tuples of ints: objects the garbage
    collector does not track, so a 100,000-article index costs no collection pauses. A
    key's articles are an int when it has one, a tuple when several."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self._postings: Postings = {}
        self._keys: dict[int, tuple[tuple[int, int], ...]] = {}
        # facts by (key, week): day << 32 | article id, so a window is a few lookups
        self._facts: Postings = {}
        self._fact_keys: dict[int, tuple[tuple[int, int], ...]] = {}
        self._facts_any_day: Postings = {}
        self._fact_keys_any_day: dict[int, tuple[tuple[int, int], ...]] = {}
        self._entries: dict[int, Entry] = {}
        self._stories: dict[int, tuple[int, ...]] = {}
        self._next_story = getattr(self, "_next_story", 1)

    def lookup(self, keys: Collection[Key], limit: int) -> dict[Key, list[int]]:
        return self._lookup(self._postings, keys, limit)

    @staticmethod
    def _lookup(postings: Postings, keys: Collection[Key], limit: int) -> dict[Key, list[int]]:
        found = {}
        for key in keys:
            ids = postings.get(key)
            if ids is not None:
                found[key] = [ids] if isinstance(ids, int) else list(ids[:limit])
        return found

    def entries(self, article_ids: Collection[int]) -> dict[int, Entry]:
        entries = self._entries
        return {i: entries[i] for i in article_ids if i in entries}

    def members(self, story_id: int) -> list[int]:
        return list(self._stories.get(story_id, ()))

    def _join(self, story_id: int, article_ids: tuple[int, ...]) -> None:
        self._stories[story_id] = tuple(sorted(self._stories.get(story_id, ()) + article_ids))

    def lookup_facts(self, keys: Collection[Key], first_day: int | None,
                     last_day: int | None, limit: int) -> dict[Key, list[int]]:
        if first_day is None or last_day is None:
            return self._lookup(self._facts_any_day, keys, limit)
        found: dict[Key, list[int]] = {}
        facts = self._facts
        weeks = range(first_day // 7, last_day // 7 + 1)
        for key in keys:
            ids: list[int] = []
            base = (key & 0xFFFFFFFF) << 20  # _week_key, inlined: this runs for every fact
            for week in weeks:
                held = facts.get(base | (week & 0xFFFFF))
                if held is None:
                    continue
                for packed in (held,) if isinstance(held, int) else held:
                    if first_day <= packed >> 32 <= last_day:
                        ids.append(packed & 0xFFFFFFFF)
            if ids:
                found[key] = ids[:limit]
        return found

    def put(self, article_id: int, story_id: int, signature: bytes,
            keys: Collection[Key], facts: Collection[Key], day: int,
            replacing: bool = True) -> None:
        old = self._entries.get(article_id)
        if old is not None:
            rest = tuple(i for i in self._stories[old.story_id] if i != article_id)
            if rest:
                self._stories[old.story_id] = rest
            else:
                del self._stories[old.story_id]
        _replace(self._postings, self._keys, article_id,
                 tuple([(key, article_id) for key in keys]))
        week, packed = day // 7, day << 32 | article_id
        _replace(self._facts, self._fact_keys, article_id,
                 tuple([(_week_key(key, week), packed) for key in facts]))
        _replace(self._facts_any_day, self._fact_keys_any_day, article_id,
                 tuple([(key, article_id) for key in facts]))
        self._entries[article_id] = Entry(story_id, signature)
        self._join(story_id, (article_id,))
        self._next_story = max(self._next_story, story_id + 1)

    def move(self, from_story: int, to_story: int) -> None:
        moved = self._stories.pop(from_story, ())
        for article_id in moved:
            self._entries[article_id] = Entry(to_story, self._entries[article_id].signature)
        self._join(to_story, moved)

    def new_story(self) -> int:
        story_id = self._next_story
        self._next_story += 1
        return story_id

    def stories(self) -> dict[int, int]:
        """article id -> story id, for every stored article."""
        return {article_id: entry.story_id for article_id, entry in self._entries.items()}

    def rows(self) -> StoredRows:
        """Everything stored, as the archive's tables hold it: after a rebuild in memory
        (much faster than one through SQL statements), write these with executemany."""
        return StoredRows(
            ((a, e.story_id, e.signature) for a, e in sorted(self._entries.items())),
            ((key, a) for a, held in self._keys.items() for key, _ in held),
            ((key, packed >> 32, a) for a, held in self._fact_keys_any_day.items()
             for (key, _), (_, packed) in zip(held, self._fact_keys[a], strict=True)),
            self._next_story - 1)

    def signature_bytes(self) -> Iterable[tuple[int, int, int]]:
        """(signature bytes, key count, fact count) per stored article, for the footprint."""
        for article_id, entry in self._entries.items():
            yield (len(entry.signature), len(self._keys.get(article_id, ())),
                   len(self._fact_keys.get(article_id, ())))
