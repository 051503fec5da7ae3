"""FDA submission numbers: 510(k) (K + 6 digits), De Novo (DEN + 6 digits), PMA (P + 6 digits,
with an optional /S supplement)."""

from __future__ import annotations

import re
from collections.abc import Iterator

NUMBER = re.compile(r"(?<![\w/])(K\d{6}|DEN\d{6}|P\d{6}(?:/S\d{3})?)(?![\w])")
_TYPES = {"K": "510(k)", "D": "De Novo", "P": "PMA"}


def find_numbers(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, number, type) of every FDA submission number in `text`."""
    for found in NUMBER.finditer(text):
        number = found.group(1)
        yield found.start(), found.end(), number, _TYPES[number[0]]
