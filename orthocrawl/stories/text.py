"""Article text as the story layer compares it: normalised paragraphs and word hashes.

Normalisation is case-folding and keeping only word characters (``\\w+`` tokens, the rule
orthocrawl.evaluate uses for extraction quality), so punctuation, typographic quotes,
whitespace and title casing never tell two copies apart. Hashes are CRC-32: stable across
processes and machines (they are stored), fast, and 32 bits wide, which is all a key column
needs (a chance collision only makes a candidate that verification then rejects).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np

from orthocrawl.evaluate import tokens

# A block with fewer words is a heading, a caption, a byline or a line of chrome ("Read more at
# Becker's Spine Review", "Source: ..."), not a paragraph that identifies a story.
MIN_PARAGRAPH_WORDS = 8
# Words hashed into the MinHash: the start of the text, where copies and excerpts agree and
# boilerplate ("About X", disclaimers) is rarest; it also bounds the cost of long articles.
MAX_SHINGLE_WORDS = 600
SHINGLE_WORDS = 5

_MASK32 = np.uint64(0xFFFFFFFF)
_MIX = np.uint64(0x9E3779B1)  # an odd multiplier: order matters inside a shingle


def crc(text: str) -> int:
    """The unsigned 32-bit hash of a string."""
    return zlib.crc32(text.encode("utf-8"))


def signed32(value: int) -> int:
    """An unsigned 32-bit value as the signed one SQLite stores in four bytes."""
    return value - (1 << 32) if value >= 1 << 31 else value


class _WordHashes(dict[str, int]):
    """word -> CRC-32, filled on first use (one C-level lookup per word afterwards)."""

    def __missing__(self, word: str) -> int:
        if len(self) > 500_000:  # bound the memory of a long rebuild
            self.clear()
        value = self[word] = zlib.crc32(word.encode("utf-8"))
        return value


_WORDS = _WordHashes()


@dataclass(frozen=True)
class Paragraph:
    text: str  # as written: facts are read from it
    words: list[str]  # normalised tokens

    @property
    def key(self) -> int:
        return crc(" ".join(self.words))


def paragraphs(body_text: str) -> list[Paragraph]:
    """The blocks of a body (separated by blank lines) long enough to identify a story."""
    found = []
    for block in body_text.split("\n\n"):
        words = tokens(block.casefold())
        if len(words) >= MIN_PARAGRAPH_WORDS:
            found.append(Paragraph(block.strip(), words))
    return found


def shingle_hashes(words: list[str], size: int = SHINGLE_WORDS) -> np.ndarray:
    """The distinct 32-bit hashes of the text's `size`-word shingles (uint64 array).

    A shingle's hash combines its words' CRC-32s polynomially, computed for all shingles at
    once with numpy: hashing each shingle's string in Python costs three times as much.
    """
    words = words[:MAX_SHINGLE_WORDS]
    if not words:
        return np.empty(0, dtype=np.uint64)
    hashes = np.fromiter(map(_WORDS.__getitem__, words), dtype=np.uint64, count=len(words))
    count = len(hashes) - size + 1
    if count <= 0:
        combined = hashes[:1].copy()
        for value in hashes[1:]:
            combined = (combined * _MIX + value) & _MASK32
        return combined
    combined = hashes[:count].copy()
    for offset in range(1, size):
        combined = (combined * _MIX + hashes[offset:offset + count]) & _MASK32
    return np.unique(combined)


def normalise_title(title: str | None) -> str:
    return " ".join(tokens((title or "").casefold()))
