"""How much two texts share: word tokens and 4-token shingles, counted as multisets.

Used by page objects (is the extraction the declared body? is it the page's text?) and by
the benchmarks' metrics (orthocrawl.evaluate), so both count words the same way.
"""

from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"\w+")
SHINGLE_SIZE = 4


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The multiset of `size`-token shingles; fewer tokens give one shorter shingle."""
    words = tokens(text)
    runs = (tuple(words[i:i + size]) for i in range(max(1, len(words) - size + 1)))
    return Counter(run for run in runs if run)


def share(part: Counter, whole: Counter) -> float:  # type: ignore[type-arg]
    """The share of `part` (a multiset) also found in `whole`; 0 when `part` is empty."""
    total = sum(part.values())
    return sum((part & whole).values()) / total if total else 0.0
