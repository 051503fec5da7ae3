"""FDA submission numbers: 510(k) (K + 6 digits), De Novo (DEN + 6 digits), PMA (P + 6 digits,
with an optional /S supplement)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .cues import Cues

NUMBER = re.compile(r"(?:K|DEN|P)\d{6}(?:/S\d{3})?")
# The same, one expression per prefix: `re` finds a literal first character several times
# faster than one of a set; the matches are the same, since no two can overlap (a number
# holds only digits, "/" and "S" after its prefix).
_BY_PREFIX = tuple(re.compile(rf"{prefix}\d{{6}}(?:/S\d{{3}})?") for prefix in ("K", "DEN", "P"))
_TYPES = {"K": "510(k)", "D": "De Novo", "P": "PMA"}


def find_numbers(text: str, cues: Cues | None = None) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, number, type) of every FDA submission number in `text`; with its `cues`
    (cues.py), read only where they found a prefix and a digit, not by three searches of the
    whole text (no two numbers overlap, so the matches are the searches')."""
    size = len(text)
    matches: list[re.Match[str]]
    if cues is not None:
        matches = [found for start, _, _ in cues.get("fda_number", ())
                   if (found := NUMBER.match(text, start)) is not None]
    else:
        matches = [found for pattern in _BY_PREFIX for found in pattern.finditer(text)]
        if len(matches) > 1:
            matches.sort(key=lambda found: found.start())
    for found in matches:
        start, end = found.span()
        if start and (text[start - 1].isalnum() or text[start - 1] in "/_"):
            continue
        if end < size and (text[end].isalnum() or text[end] == "_"):
            continue
        number = found.group(0)
        yield start, end, number, _TYPES[number[0]]
