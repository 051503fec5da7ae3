"""Stories over a Storage: every article in exactly one, assigned one article at a time.

assign() finds an article's candidates through its lookup keys, checks each (verify.py) and
then joins the story of the ones that are copies, starts a story, or merges the stories it
bridges into the one with the smallest id. It is incremental and deterministic: an
unchanged article changes nothing; an edited one stays in its story while it is still a
copy of one of the story's other articles, else it leaves for a story of its own (the
others stay together until a rebuild); an article that is gone is simply not assigned
again and keeps its story and signature, so later copies still find it.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import math
import multiprocessing
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from multiprocessing.pool import AsyncResult

from orthocrawl.stories.article import StoryArticle
from orthocrawl.stories.facts import LOOKED_UP, Kind
from orthocrawl.stories.signature import VERSION as SIGNATURE_VERSION
from orthocrawl.stories.signature import Band, Signature, sign, signature_time
from orthocrawl.stories.storage import Entry, Storage
from orthocrawl.stories.verify import DAY, Params, Reason, same_story

_CITATION_BANDS = (int(Band.URL), int(Band.CITE))
_PARAGRAPH = int(Band.PARAGRAPH)
# Stored signatures decoded lately, by their bytes: an article's candidates are mostly the
# articles of the days before it, each checked against several later copies and decoys (a
# rebuild decoded each stored signature three times over, and made its facts' sets again).
_decoded = lru_cache(maxsize=4096)(Signature.decode)


def prepared(article: StoryArticle) -> Signature:
    """A signature with its blob and keys made (in a worker, so the caller need not)."""
    sig = sign(article)
    _ = sig.blob, sig.keys, sig.lookups, sig.fact_keys  # what a pickle carries
    return sig


def _signed_in_pool(articles: Iterable[StoryArticle], workers: int,
                    batch: int) -> Iterator[tuple[int, Signature]]:
    """(id, signature) of each article, in order, made by `workers` processes a batch ahead
    of the caller (memory holds two batches of articles)."""
    # spawn: the workers inherit no open archive, lock or thread of the caller
    iterator = iter(articles)
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        pending: tuple[list[StoryArticle], AsyncResult] | None = None
        for chunk in iter(lambda: list(islice(iterator, batch)), []):
            signing = pool.map_async(prepared, chunk, chunksize=max(1, batch // (4 * workers)))
            if pending is not None:
                yield from zip((a.id for a in pending[0]), pending[1].get(), strict=True)
            pending = (chunk, signing)
        if pending is not None:
            yield from zip((a.id for a in pending[0]), pending[1].get(), strict=True)


@dataclass(frozen=True)
class Assignment:
    story_id: int
    changed: frozenset[int] = frozenset()  # stories created, grown, shrunk or merged into
    removed: frozenset[int] = frozenset()  # stories merged away: they no longer exist
    # (article, why it is a copy): the first article found of each story joined
    links: tuple[tuple[int, Reason], ...] = ()
    # the summary of story_id when the article is alone in it (most articles): known
    # without reading the story back
    alone: StorySummary | None = None


@dataclass(frozen=True)
class StorySummary:
    id: int
    canonical: int  # the article the others cite as their source, else the earliest
    articles: tuple[int, ...]
    sites: int
    first: int | None  # seconds since the epoch of the earliest and latest dated copies
    last: int | None
    cited: dict[int, int] = field(default_factory=dict)  # article -> copies citing it


class StoryIndex:
    def __init__(self, storage: Storage, params: Params | None = None) -> None:
        self.storage = storage
        self.params = params or Params()

    @property
    def method(self) -> str:
        """What the stories are made with (for the archive's derived_methods): the
        signature's version and the parameters. When it changes, stories --rebuild."""
        settings = ",".join(f"{f.name}={getattr(self.params, f.name)}"
                            for f in dataclasses.fields(self.params))
        digest = hashlib.sha256(settings.encode()).hexdigest()[:12]
        return f"stories-{SIGNATURE_VERSION}-{digest}"

    def assign(self, article: StoryArticle, stored: Entry | bool | None = True) -> Assignment:
        """`stored`: what the storage holds for the article when the caller read it along
        with the article (an Entry, or None: nothing), else True (look it up)."""
        return self.place(article.id, sign(article), stored)

    def place(self, article_id: int, sig: Signature,
              stored: Entry | bool | None = True) -> Assignment:
        """assign() with the signature already made (rebuilds make them in parallel, a
        crawl's derived worker ahead of the store)."""
        storage, params = self.storage, self.params
        blob = sig.blob
        old = storage.entries([article_id]).get(article_id) if stored is True else stored
        assert not isinstance(old, bool)
        if old is not None and old.signature == blob:
            return Assignment(old.story_id)
        common_paragraphs, common_facts, hits, cited = self.context(article_id, sig)
        candidates = sorted(hits, key=lambda i: (-hits[i], i))[:params.max_candidates]
        previous = [i for i in storage.members(old.story_id) if i != article_id] if old else []
        entries = storage.entries(sorted(set(candidates) | set(previous)))
        links: list[tuple[int, Reason]] = []
        targets: set[int] = set()
        window = params.window_days * DAY
        for other in sorted(entries):
            entry = entries[other]
            if entry.story_id in targets:
                continue  # one copy in a story is enough to join it
            if sig.time is not None and other not in cited:
                when = signature_time(entry.signature)  # before decoding it all
                if when is not None and abs(when - sig.time) > window:
                    continue
            reason = same_story(sig, _decoded(entry.signature), params,
                                common_paragraphs, common_facts)
            if reason is not None:
                links.append((other, reason))
                targets.add(entries[other].story_id)
        changed: set[int] = set()
        if old is not None and previous and old.story_id not in targets:
            changed.add(old.story_id)  # its text left the story
        if not targets:
            story = old.story_id if old is not None and not previous else storage.new_story()
        else:
            story = min(targets)
            for other_story in sorted(targets - {story}):
                storage.move(other_story, story)
        removed = targets - {story}
        if old is not None and not previous and old.story_id != story:
            removed.add(old.story_id)  # it was the story's only article
        if old is None or old.story_id != story or removed:
            changed.add(story)
        storage.put(article_id, story, blob, sig.keys, list(sig.fact_keys), sig.day,
                    replacing=old is not None)
        alone = None if targets else StorySummary(story, article_id, (article_id,), 1,
                                                  sig.time, sig.time, {})
        return Assignment(story, frozenset(changed | removed) - removed, frozenset(removed),
                          tuple(links), alone)

    def context(self, article_id: int, sig: Signature) -> tuple[
            set[int], set[int], Counter[int], set[int]]:
        """What the stored articles say about this signature: its paragraphs that are
        boilerplate, its facts that are common (too many articles of those days state them,
        or a quote is a stock line), its candidates with how many keys each shares, and the
        candidates found by a citation (no time window for them)."""
        storage, params = self.storage, self.params
        wanted = sig.lookups
        found = storage.lookup(list(wanted), params.common + 1)
        common_paragraphs: set[int] = set()
        found_ids: list[int] = []  # each candidate once a key it shares, counted at the end
        cited: set[int] = set()  # found by a citation: no time window
        common = params.common
        for looked, ids in found.items():
            band, value = wanted[looked]
            others = [i for i in ids if i != article_id] if article_id in ids else ids
            if band in _CITATION_BANDS:
                cited.update(others)
                found_ids += others
            elif len(others) >= common:
                if band == _PARAGRAPH:
                    common_paragraphs.add(value)
            else:
                found_ids += others
        # Facts are looked up within the time window: how many articles of those days state
        # them (rarity), and which articles share one (rewrite candidates); a
        # quote stated in many articles of any days is a stock line. An undated article's
        # facts cannot be placed in time: none of them counts.
        common_facts = {h for h, _, _ in sig.facts}
        if sig.time is not None and sig.facts:
            days = math.ceil(params.window_days)
            stated = storage.lookup_facts(list(sig.fact_keys), sig.day - days,
                                          sig.day + days, params.fact_rarity + 2)
            quotes = [k for k, h in sig.fact_keys.items() if sig.fact_info[h][0] == Kind.QUOTE]
            ever = storage.lookup_facts(quotes, None, None, params.fact_rarity + 2) if quotes \
                else {}
            rarity, info = params.fact_rarity, sig.fact_info
            for looked, h in sig.fact_keys.items():
                ids = stated.get(looked, [])
                others = [i for i in ids if i != article_id] if article_id in ids else ids
                held = ever.get(looked)
                stock = sum(1 for i in held if i != article_id) if held else 0
                if len(others) <= rarity and stock <= rarity:
                    common_facts.discard(h)
                    if info[h][0] in LOOKED_UP:
                        found_ids += others
        return common_paragraphs, common_facts, Counter(found_ids), cited

    def rebuild(self, articles: Iterable[StoryArticle], workers: int = 1, batch: int = 1000,
                previous: Mapping[int, int] | None = None) -> int:
        """Forget every story and assign these articles afresh, in the order given (the
        archive's article id order makes the same stories as assigning them one by one).
        With workers > 1, signatures are made by that many processes, a batch ahead of the
        assignment (memory holds two batches of articles). `previous` (article -> story id
        before the rebuild) lets a story keep the id most of its articles had, so that what
        was reported about it (watchlists) still holds. Returns the number assigned."""
        if workers <= 1:
            signed: Iterable[tuple[int, Signature]] = (
                (article.id, sign(article)) for article in articles)
        else:
            signed = _signed_in_pool(articles, workers, batch)
        return self.rebuild_signed(signed, previous)

    def rebuild_signed(self, signed: Iterable[tuple[int, Signature]],
                       previous: Mapping[int, int] | None = None) -> int:
        """rebuild() from the articles' signatures, made elsewhere (by worker processes that
        read the articles themselves): (article id, signature) in the rebuild's order."""
        self.storage.clear()
        alive: set[int] = set()
        count = 0
        # No automatic garbage collection meanwhile: placing makes no reference cycles, and
        # each collection would walk the objects the loop keeps making (a tenth of its time)
        collecting = gc.isenabled()
        gc.disable()
        try:
            for article_id, sig in signed:
                assignment = self.place(article_id, sig)
                alive.add(assignment.story_id)
                alive.difference_update(assignment.removed)
                count += 1
        finally:
            if collecting:
                gc.enable()
        if previous:
            self._keep_ids(alive, previous)
        return count

    def _keep_ids(self, alive: set[int], previous: Mapping[int, int]) -> None:
        """Give each rebuilt story the old id most of its articles had, largest stories
        first, each old id once. New ids are above every old one (Storage.new_story never
        reuses an id), so a move never lands on another rebuilt story."""
        stories = [(story, self.storage.members(story)) for story in sorted(alive)]
        stories.sort(key=lambda pair: (-len(pair[1]), pair[1][0] if pair[1] else 0))
        claimed: set[int] = set()
        for story, members in stories:
            votes = Counter(previous[m] for m in members if m in previous)
            for old, _ in sorted(votes.items(), key=lambda vote: (-vote[1], vote[0])):
                if old not in claimed:
                    claimed.add(old)
                    if old != story:
                        self.storage.move(story, old)
                    break

    def summary(self, story_id: int) -> StorySummary:
        members = self.storage.members(story_id)
        if not members:
            raise KeyError(f"no story {story_id}")
        entries = self.storage.entries(members)
        if len(members) == 1:  # most stories: no signature to decode but for its date
            when = signature_time(entries[members[0]].signature)
            return StorySummary(story_id, members[0], tuple(members), 1, when, when, {})
        sigs = {i: _decoded(entries[i].signature) for i in members}
        by_url = {sig.url: i for i, sig in sigs.items()}
        cited: Counter[int] = Counter()
        for i, sig in sigs.items():
            for url in sig.cites:
                target = by_url.get(url)
                if target is not None and target != i:
                    cited[target] += 1
        times = [sig.time for sig in sigs.values() if sig.time is not None]
        canonical = min(members, key=lambda i: (
            -cited[i], sigs[i].time is None, sigs[i].time or 0, i))
        return StorySummary(story_id, canonical, tuple(members),
                            len({sig.site for sig in sigs.values()}),
                            min(times) if times else None, max(times) if times else None,
                            dict(cited))
