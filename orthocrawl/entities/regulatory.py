"""FDA submission numbers: 510(k) (K + 6 digits), De Novo (DEN + 6 digits), PMA (P + 6 digits,
with an optional /S supplement)."""

from __future__ import annotations

import re
from collections.abc import Iterator

# No leading assertion, so `re` can skip to the letters K, D and P quickly.
NUMBER = re.compile(r"(?:K|DEN|P)\d{6}(?:/S\d{3})?")
_TYPES = {"K": "510(k)", "D": "De Novo", "P": "PMA"}


def find_numbers(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, number, type) of every FDA submission number in `text`."""
    size = len(text)
    for found in NUMBER.finditer(text):
        start, end = found.span()
        if start and (text[start - 1].isalnum() or text[start - 1] in "/_"):
            continue
        if end < size and (text[end].isalnum() or text[end] == "_"):
            continue
        number = found.group(0)
        yield start, end, number, _TYPES[number[0]]
