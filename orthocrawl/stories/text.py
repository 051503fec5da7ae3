"""Article text as the story layer compares it: normalised paragraphs and shingle hashes.

Normalisation is case-folding and keeping only word characters (``\\w+`` tokens, the rule
orthocrawl.evaluate uses for extraction quality), so punctuation, typographic quotes,
whitespace and title casing never tell two copies apart. Paragraphs, facts and keys are
hashed with CRC-32: stable across processes and machines (they are stored), fast, and 32
bits wide, which is all a key column needs (a chance collision only makes a candidate that
verification then rejects).
"""

from __future__ import annotations

import re
import zlib
from typing import NamedTuple

import numpy as np

from orthocrawl.evaluate import tokens

# A block with fewer words is a heading, a caption, a byline or a line of chrome ("Read more at
# Becker's Spine Review", "Source: ..."), not a paragraph that identifies a story.
MIN_PARAGRAPH_WORDS = 8
# Words hashed into the MinHash: the start of the text, where copies and excerpts agree and
# boilerplate ("About X", disclaimers) is rarest; it also bounds the cost of long articles.
MAX_SHINGLE_WORDS = 600
SHINGLE_WORDS = 5

# Shingles are hashed as substrings of the normalised text (words joined by single spaces)
# with a polynomial hash mod 2**64 over its UTF-8 bytes: prefix sums give every shingle's hash
# in a few numpy operations, where hashing each shingle's string in Python costs five times
# as much. _BASE is odd, so it has an inverse mod 2**64 that shifts a substring's hash to
# position 0.
_BASE = 0x100000001B3
_INVERSE = pow(_BASE, -1, 1 << 64)
_powers = np.ones(1, dtype=np.uint64)
_inverses = np.ones(1, dtype=np.uint64)


def _power_tables(length: int) -> tuple[np.ndarray, np.ndarray]:
    global _powers, _inverses
    if len(_powers) < length:
        size = max(length, 2 * len(_powers), 8192)
        powers, inverses = [1] * size, [1] * size
        for i in range(1, size):
            powers[i] = powers[i - 1] * _BASE % (1 << 64)
            inverses[i] = inverses[i - 1] * _INVERSE % (1 << 64)
        _powers = np.array(powers, dtype=np.uint64)
        _inverses = np.array(inverses, dtype=np.uint64)
    return _powers, _inverses


def crc(text: str) -> int:
    """The unsigned 32-bit hash of a string."""
    return zlib.crc32(text.encode("utf-8"))


def signed32(value: int) -> int:
    """An unsigned 32-bit value as the signed one SQLite stores in four bytes."""
    return value - (1 << 32) if value >= 1 << 31 else value


class Paragraph(NamedTuple):  # a tuple: quicker to make than a frozen dataclass
    text: str  # as written: facts are read from it
    words: list[str]  # normalised tokens

    @property
    def key(self) -> int:
        return crc(" ".join(self.words))


# A press release's dateline: "FORT WAYNE, Ind., March 4, 2025 /PRNewswire/ -- ". Some
# copies keep it and some drop it; the paragraph is the same either way.
# (A date, or a wire named between slashes or in parentheses, then a dash; the rule is the
# same for every copy, so a lead that happens to match it still compares.)
_DATELINE = re.compile(
    r"^[^\n]{3,160}?(?:\d|/[A-Za-z ]+/|\([A-Z][A-Za-z .]+\))[^\n]{0,40}?\s(?:--|—|–)\s+(?=\S)")


def paragraphs(body_text: str) -> list[Paragraph]:
    """The blocks of a body (separated by blank lines) long enough to identify a story, the
    first without its dateline."""
    found: list[Paragraph] = []
    for block in body_text.split("\n\n"):
        if not found:
            block = _DATELINE.sub("", block.strip(), count=1)
        words = tokens(block.casefold())
        if len(words) >= MIN_PARAGRAPH_WORDS:
            found.append(Paragraph(block.strip(), words))
    return found


def shingle_hashes(words: list[str], size: int = SHINGLE_WORDS) -> np.ndarray:
    """The 32-bit hashes of the text's `size`-word shingles (a uint64 array, repeats kept:
    MinHash ignores them, and a text rarely repeats five words); a text of fewer words is
    one shingle."""
    words = words[:MAX_SHINGLE_WORDS]
    if not words:
        return np.empty(0, dtype=np.uint64)
    data = np.frombuffer((" ".join(words) + " ").encode("utf-8"), dtype=np.uint8)
    powers, inverses = _power_tables(len(data) + 1)
    prefix = np.zeros(len(data) + 1, dtype=np.uint64)
    np.cumsum(data * powers[:len(data)], out=prefix[1:])  # wraps mod 2**64, as meant
    ends = np.flatnonzero(data == 32)  # the space after each word
    starts = np.concatenate(([0], ends[:-1] + 1))
    count = max(1, len(words) - size + 1)
    first, last = starts[:count], ends[min(size, len(words)) - 1:]
    hashes = (prefix[last] - prefix[first]) * inverses[first]
    return hashes >> np.uint64(32)


def normalise_title(title: str | None) -> str:
    return " ".join(tokens((title or "").casefold()))
