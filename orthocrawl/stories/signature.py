"""An article's signature: what is stored to find and check its copies, in < 0.5 KB.

The signature holds a 64-value MinHash of the text's word shingles (datasketch), the hashes
of its first paragraphs and of its facts (with the paragraph each came from), its date, and
hashes of its site, URL, cited URLs, headline-with-byline and headline words, and the
kinds of news its headline reports. Its lookup keys, 32-bit
values an indexed table holds, each standing for a band and a value, are: 16 LSH bands of
4 MinHash values each, the paragraph hashes, the headline with byline, the URL and the
cited URLs; its facts are keys of their own, stored with the article's day.
"""

from __future__ import annotations

import re
import struct
import zlib
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import IntEnum
from functools import cache
from itertools import islice
from typing import Any, Generic, TypeVar, overload

import numpy as np

from orthocrawl.evaluate import tokens
from orthocrawl.stories import facts as factmod
from orthocrawl.stories.article import StoryArticle, timestamp, url_form
from orthocrawl.stories.events import events, mask
from orthocrawl.stories.text import crc, normalise_title, paragraphs, shingle_hashes, signed32

DAY = 86_400
NUM_PERM = 64
BANDS, ROWS = 16, 4  # the LSH S-curve: P(candidate) = 1 - (1 - J**4)**16, 0.5 at J ~ 0.47
MAX_PARAGRAPHS = 10
MAX_FACTS = 12
MAX_CITES = 2
LEAD_WORDS = 12  # the opening words every copy and excerpt keeps
# Fewer shingles than this make a MinHash whose bands would match other short texts.
MIN_SHINGLES = 12
MAX_TITLE_WORDS = 12
VERSION = 2  # 2: headline words; no names read from the headline; names split at possessives

# datasketch's affine32 permutations, drawn once from a fixed seed: every signature ever
# stored must use the same ones (a change of seed or scheme needs `stories --rebuild`).
# The shingles arrive hashed (text.shingle_hashes), so the hash function is int.
_SEED = 20240611


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) that datasketch 2.0's MinHash(num_perm=NUM_PERM, seed=_SEED,
    scheme="affine32") draws, drawn the same way (numpy's legacy RandomState, whose stream
    numpy keeps stable): importing datasketch imports scipy, 0.7 s of CPU in every crawl
    and signing process. tests/test_stories.py holds them to datasketch's own."""
    generator = np.random.RandomState(_SEED)
    a = generator.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


# MurmurHash3's 32-bit finalizer, which datasketch's affine32 scheme applies to each input
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35))


def minhash_values(shingles: np.ndarray) -> np.ndarray:
    """The NUM_PERM uint32 values MinHash.update_batch(shingles) gives (scheme affine32),
    computed on the whole array at once: update_batch calls the hash function once per
    value in Python, which cost as much as the rest of the signature's MinHash."""
    s1, m1, s2, m2 = _FMIX
    h = shingles.astype(np.uint32)
    h ^= h >> s1
    h *= m1
    h ^= h >> s2
    h *= m2
    h ^= h >> s1
    a, b = _permutations()
    values = np.multiply(h[:, None], a)  # one array, added to in place
    values += b
    return values.min(axis=0)


class Band(IntEnum):
    """The band column of a lookup key: 0-15 are the LSH bands."""

    PARAGRAPH = 16
    FACT = 17  # a fact: looked up within the time window, for candidates and rarity
    HEADLINE = 18  # headline and byline together
    URL = 19  # the article's own URL
    CITE = 20  # a URL the article names as its source


_NAME = factmod.Kind.NAME
_PARAGRAPH, _FACT, _HEADLINE, _URL, _CITE = (
    int(b) for b in (Band.PARAGRAPH, Band.FACT, Band.HEADLINE, Band.URL, Band.CITE))

# A lookup key: a signed 32-bit int (four bytes in SQLite), the hash of a band and a value.
# The band is folded into the key so that the archive needs one indexed integer column; a
# chance collision across bands only adds a candidate that verification rejects.
Key = int


def key(band: int, value: int) -> Key:
    return signed32(zlib.crc32(_KEY.pack(band, value)))


_KEY = struct.Struct("<BI")


def _keyed(pairs: Iterable[tuple[int, int]]) -> dict[Key, tuple[int, int]]:
    """key() of each (band, value), inlined: a signature makes some fifty."""
    crc32, pack = zlib.crc32, _KEY.pack
    found = {}
    for band, value in pairs:
        k = crc32(pack(band, value))
        found[k - (1 << 32) if k >= 1 << 31 else k] = (band, value)
    return found

NO_PARAGRAPH = 255  # a fact from the headline or from a paragraph past MAX_PARAGRAPHS
# version, flags, shingles, minutes since the epoch, site, url, headline, lead, the counts
# of MinHash values, paragraphs, facts and headline words, and the headline's kinds of news
# (events.py): 30 bytes. Then the MinHash (2 bytes a value), the paragraphs (4-byte hash,
# 1-byte word count), the facts (4-byte hash, kind, paragraph index), the headline words
# (2 bytes each) and the cited URLs (a count and 4 bytes each): at most 313 bytes.
_HEADER = struct.Struct("<BBHIIIIIBBBBH")
# Words a headline says nothing with (its content words are compared, see verify.py): function
# words and a headline's fillers ("5 things to know", "what surgeons should know").
_TITLE_STOP = frozenset(
    "a an the of for to and in on with by at from as its it is are was be has have this that "
    "s new what why how here things know should says said more about after into over do does "
    "can will may could would".split())
# Amounts as headlines abbreviate them: "$42M" is "$42 million".
_SCALED = re.compile(r"(\d)\s?(?:(M|MM|(?i:mn|million))|(B|(?i:bn|billion))|(K|(?i:thousand)))\b")


_T = TypeVar("_T")


class _cached(Generic[_T]):
    """functools.cached_property without its lock (Python 3.11 takes one at each first
    access: 2.8 us against 1.1 us here, and a signature's properties are each read once or
    twice): the value is computed once and kept in the instance's __dict__, where later
    reads find it before this descriptor."""

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.name = func.__name__

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> _cached[_T]: ...

    @overload
    def __get__(self, obj: object, owner: type | None = None) -> _T: ...

    def __get__(self, obj: object, owner: type | None = None) -> _T | _cached[_T]:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


@dataclass(frozen=True)
class Signature:
    time: int | None  # seconds since the epoch (stored to the minute)
    site: int
    url: int
    headline: int  # 0: no byline, or a headline too short to tell
    lead: int  # the first LEAD_WORDS words of the first paragraph (0: none)
    shingles: int  # shingles hashed (capped by text.MAX_SHINGLE_WORDS)
    minhash: np.ndarray  # NUM_PERM uint16 (the low 16 bits: b-bit MinHash), or empty
    band_keys: tuple[int, ...]  # BANDS values, or () when the text is too short
    paragraphs: tuple[int, ...]
    paragraph_words: tuple[int, ...]  # each paragraph's words, up to 255
    facts: tuple[tuple[int, int, int], ...]  # (hash, kind, paragraph index)
    cites: tuple[int, ...]
    title_words: tuple[int, ...] = ()  # 16-bit hashes of the headline's content words
    events: int = 0  # the kinds of news the headline reports, as bits (events.mask)

    @_cached
    def banded(self) -> list[tuple[int, int]]:
        """(band, value) of each lookup key stored for this article (at most 30); bands
        0-15 are the LSH bands, then those of Band. Facts are keyed apart (fact_keys)."""
        # plain ints, not Band members: struct packs an IntEnum four times slower
        keys = list(enumerate(self.band_keys))
        keys += [(_PARAGRAPH, value) for value in dict.fromkeys(self.paragraphs)]
        if self.headline:
            keys.append((_HEADLINE, self.headline))
        keys.append((_URL, self.url))
        keys += [(_CITE, value) for value in self.cites]
        return keys

    @_cached
    def keys(self) -> list[Key]:
        """The keys stored for this article (4 bytes each; with the blob and the fact keys,
        at most 313 + 30 * 4 + 12 * 6 = 505 bytes)."""
        return list(self._keyed)

    @_cached
    def _keyed(self) -> dict[Key, tuple[int, int]]:
        return _keyed(self.banded)

    @_cached
    def fact_keys(self) -> dict[Key, int]:
        """The key of each fact (stored with the article's day: a 4-byte key and a 2-byte
        day), and the fact's hash."""
        return {k: value for k, (_, value) in _keyed(
            (_FACT, h) for h, _, _ in self.facts).items()}

    @property
    def day(self) -> int:
        """Days since the epoch (0 when undated: such an article is not found by its facts)."""
        return self.time // DAY if self.time is not None else 0

    @_cached
    def lookups(self) -> dict[Key, tuple[int, int]]:
        """The keys under which this article's copies are stored, with the (band, value)
        each stands for: its own keys, except that its URL is looked up among citations and
        its citations among URLs."""
        wanted = {k: banded for k, banded in self._keyed.items()
                  if banded[0] not in (Band.URL, Band.CITE)}
        wanted.update(_keyed([(_CITE, self.url), *((_URL, v) for v in self.cites)]))
        return wanted

    @_cached
    def fact_info(self) -> dict[int, tuple[int, int]]:
        """fact hash -> (kind, paragraph index)."""
        return {h: (kind, index) for h, kind, index in self.facts}

    @_cached
    def ids(self) -> frozenset[int]:
        return frozenset(h for h, kind, _ in self.facts if kind == factmod.Kind.ID)

    @_cached
    def blob(self) -> bytes:
        """What the storage keeps (encode(), made once)."""
        return self.encode()

    def encode(self) -> bytes:
        flags = int(self.time is not None)
        head = _HEADER.pack(VERSION, flags, min(self.shingles, 0xFFFF), (self.time or 0) // 60,
                            self.site, self.url, self.headline, self.lead, len(self.minhash),
                            len(self.paragraphs), len(self.facts), len(self.title_words),
                            self.events)
        body = [self.minhash.astype("<u2").tobytes(),
                struct.pack(f"<{len(self.paragraphs)}I", *self.paragraphs),
                bytes(min(n, 255) for n in self.paragraph_words),
                b"".join(struct.pack("<IBB", *fact) for fact in self.facts),
                struct.pack(f"<{len(self.title_words)}H", *self.title_words),
                struct.pack(f"<B{len(self.cites)}I", len(self.cites), *self.cites)]
        # Band keys are not stored in the blob: they are the MinHash's full 32-bit values,
        # kept only in the key table (the blob keeps 16 bits per value).
        return head + b"".join(body)

    def __reduce__(self) -> tuple[object, tuple[bytes, bytes]]:
        """Pickled (from a signing worker to the process that places it) as the blob and
        one array of what the blob does not hold exactly (the band keys, uncapped paragraph
        word counts) or what is costly to make again (the keys): a tenth of the default
        pickle's size and time, which the placing process spent unpickling."""
        lookups, facts = self.lookups, self.fact_keys
        values = [len(self.band_keys), *self.band_keys,
                  len(self.paragraph_words), *self.paragraph_words,
                  len(self.keys), *self.keys, len(lookups), *lookups,
                  *(b for b, _ in lookups.values()), *(v for _, v in lookups.values()),
                  len(facts), *facts, *facts.values()]
        return _unpickled, (self.blob, array("q", values).tobytes())

    @classmethod
    def decode(cls, blob: bytes) -> Signature:
        (version, flags, shingles, minutes, site, url, headline, lead, n_min, n_par,
         n_fact, n_title, events) = _HEADER.unpack_from(blob)
        if version != VERSION:
            raise ValueError(f"story signature of version {version}, expected {VERSION}")
        at = _HEADER.size
        minhash = np.frombuffer(blob, dtype="<u2", count=n_min, offset=at)
        at += 2 * n_min
        paras = struct.unpack_from(f"<{n_par}I", blob, at)
        at += 4 * n_par
        words = tuple(blob[at:at + n_par])
        at += n_par
        found = tuple(struct.iter_unpack("<IBB", blob[at:at + 6 * n_fact]))
        at += 6 * n_fact
        title_words = struct.unpack_from(f"<{n_title}H", blob, at)
        at += 2 * n_title
        (n_cites,) = struct.unpack_from("<B", blob, at)
        cites = struct.unpack_from(f"<{n_cites}I", blob, at + 1)
        return cls(minutes * 60 if flags & 1 else None, site, url, headline, lead, shingles,
                   minhash, (), paras, words, found, cites, title_words, events)


def _unpickled(blob: bytes, packed: bytes) -> Signature:
    """A signature from Signature.__reduce__'s parts, its keys as they were made."""
    values = array("q", packed).tolist()
    sig = Signature.decode(blob)
    n = values[0]
    at = 1 + n
    object.__setattr__(sig, "band_keys", tuple(values[1:at]))
    n = values[at]
    object.__setattr__(sig, "paragraph_words", tuple(values[at + 1:at + 1 + n]))
    at += 1 + n
    n = values[at]
    keys = values[at + 1:at + 1 + n]
    at += 1 + n
    n = values[at]
    looked = values[at + 1:at + 1 + n]
    bands = values[at + 1 + n:at + 1 + 2 * n]
    banded = values[at + 1 + 2 * n:at + 1 + 3 * n]
    at += 1 + 3 * n
    n = values[at]
    cached = sig.__dict__  # the cached properties, as the worker made them
    cached["blob"] = blob
    cached["keys"] = keys
    cached["lookups"] = dict(zip(looked, zip(bands, banded, strict=True), strict=True))
    cached["fact_keys"] = dict(zip(values[at + 1:at + 1 + n], values[at + 1 + n:at + 1 + 2 * n],
                                   strict=True))
    return sig


_TIME = struct.Struct("<xBxxI")


def signature_time(blob: bytes) -> int | None:
    """The date a stored signature holds, read without decoding the rest."""
    flags, minutes = _TIME.unpack_from(blob)
    return minutes * 60 if flags & 1 else None


_BAND_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd: a row's values are combined in order


def _band_keys(hashvalues: np.ndarray) -> tuple[int, ...]:
    """One 32-bit key per band: a polynomial of the band's ROWS values mod 2**64, high half."""
    rows = hashvalues.astype(np.uint64).reshape(BANDS, ROWS)
    keys = np.zeros(BANDS, dtype=np.uint64)
    for column in range(ROWS):
        keys = keys * _BAND_MIX + rows[:, column] + np.uint64(1)
    return tuple((keys >> np.uint64(32)).tolist())


def sign(article: StoryArticle) -> Signature:
    """The signature of an article (a pure function of its fields)."""
    paras = paragraphs(article.body_text)
    words = [word for para in paras for word in para.words]
    if len(words) < MIN_SHINGLES + 4:  # no paragraph long enough: the text as it is
        words = tokens(article.body_text.casefold())
    shingles = shingle_hashes(words)
    minhash = np.empty(0, dtype=np.uint16)
    band_keys: tuple[int, ...] = ()
    if len(shingles) >= MIN_SHINGLES:
        values = minhash_values(shingles)
        band_keys = _band_keys(values)
        minhash = (values & 0xFFFF).astype(np.uint16)
    stored = paras[:MAX_PARAGRAPHS]
    # Facts are read from the paragraphs in one pass, each placed in its paragraph by offset.
    text = "\n\n".join(p.text for p in paras)
    starts, at = [], 0
    for para in paras:
        starts.append(at)
        at += len(para.text) + 2
    found: dict[int, tuple[int, int, int]] = {}
    named: set[str] = set()  # the words of the names the body states ("Health Partners")
    seen: set[factmod.Fact] = set()  # a fact stated again adds nothing: its first place
    for fact, offset in factmod.located_facts(text):
        if fact in seen:
            continue
        seen.add(fact)
        if fact.kind == _NAME and " " in fact.form and len(fact.form) - \
                fact.form.rfind(" ") > 4:  # not a model ("Series C", "Veloria KX")
            named.update(fact.form.split())
        if (h := fact.key) not in found:
            index = bisect_right(starts, offset) - 1
            found[h] = (h, int(fact.kind), index if index < MAX_PARAGRAPHS else NO_PARAGRAPH)
    # The headline's facts; its names only when it is written in sentence case: in title
    # case every word is capitalised ("Receives FDA 510(k) Clearance for Tessaline
    # Interbody System" is no name).
    sentence_case = not title_case(article.title or "")
    for fact, _ in factmod.located_facts(article.title or ""):
        if sentence_case or fact.kind != factmod.Kind.NAME:
            if (h := fact.key) not in found:
                found[h] = (h, int(fact.kind), NO_PARAGRAPH)
    kept = factmod.kept(list(found.values()), MAX_FACTS)
    title = normalise_title(article.title)
    byline = "|".join(sorted(" ".join(tokens(a.casefold())) for a in article.authors))
    headline = crc(f"{title}#{byline}") if byline and len(title.split()) >= 4 else 0
    own = url_form(article.url)
    cites = tuple(dict.fromkeys(crc(form) for form in map(url_form, article.cites)
                                if form != own))[:MAX_CITES]
    seconds = timestamp(article.published_at)
    minute = max(0, seconds) // 60 * 60 if seconds is not None else None
    lead = crc(" ".join(paras[0].words[:LEAD_WORDS])) if paras else 0
    return Signature(minute, crc(article.site), crc(own), headline, lead,
                     len(shingles), minhash, band_keys, tuple(p.key for p in stored),
                     tuple(len(p.words) for p in stored), tuple(kept), cites,
                     title_words(article.title), mask(events(article.title, named)))


def title_case(title: str) -> bool:
    """Whether most of a headline's longer words are capitalised (Title Case)."""
    words = [w for w in title.split() if len(w) > 3 and w[0].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) > len(words) * 0.6


def title_words(title: str | None) -> tuple[int, ...]:
    """The headline's figures (amounts, percentages, "125-patient"), at most three, each a
    hash with the high bit set, then its distinct content words, each a 15-bit hash (two
    different words of two headlines collide one time in 32,768): MAX_TITLE_WORDS in all."""
    spelt = _SCALED.sub(lambda m: m.group(1) + (" million" if m.group(2) else " billion"
                                                 if m.group(3) else " thousand"), title or "")
    figures = (FIGURE | crc(re.sub(r"[\s,]", "", m.group(0)).casefold()) & 0x7FFF
               for m in _FIGURE.finditer(spelt.casefold()))
    words = (crc(w) & 0x7FFF for w in tokens(spelt.casefold()) if w not in _TITLE_STOP)
    return tuple(dict.fromkeys([*islice(dict.fromkeys(figures), 3), *words]))[:MAX_TITLE_WORDS]


FIGURE = 0x8000  # the bit that marks a headline's figure among its words
_FIGURE = re.compile(r"[$€£]\s?\d[\d,.]*(?:\s(?:million|billion|thousand))?|\d[\d,.]*\s?%"
                     r"|\d[\d,]*-[a-z]+")
