"""Sums of money in text, as whole numbers with an ISO currency code.

"$25 million" -> 25000000 USD, "$1.2 billion", "€40m", "CHF 30 million", "25 million euros",
"twenty-five million dollars" (number words read by text2num). Each sum is read from its
currency cue (cues.py): a symbol or code before the number, a currency word after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from text_to_num import text2num  # number words -> int (allo-media's text2num)

from .cues import Cues

_CODES = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP",
          "gbp": "GBP", "chf": "CHF", "c$": "CAD", "cad": "CAD", "a$": "AUD", "aud": "AUD",
          "¥": "JPY", "jpy": "JPY", "sek": "SEK", "cny": "CNY", "rmb": "CNY", "inr": "INR",
          "₹": "INR", "dkk": "DKK", "nok": "NOK", "dollars": "USD", "euros": "EUR",
          "pounds": "GBP", "francs": "CHF", "yen": "JPY", "kronor": "SEK", "rupees": "INR"}
_SCALES = {"thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6,
           "mm": 10**6, "mil": 10**6, "billion": 10**9, "bn": 10**9, "b": 10**9}

_NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_PREFIXED = re.compile(r"(US\$|C\$|A\$|[$€£¥₹]|(?:USD|EUR|GBP|CHF|CAD|AUD|JPY|SEK|CNY|RMB|INR|"
                       r"DKK|NOK)(?=\s?\d))\s?" + _NUMBER +
                       r"(?:\s*(thousand|million|billion|mil|mn|bn|mm|MM|[mMbBkK])(?![\w]))?")
_NUMWORD = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
            r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
            r"sixty|seventy|eighty|ninety|hundred)")
# the words before a currency word: "25 million " or "twenty-five million " (then "dollars");
# the lookahead (a digit or a number word's first letter) spares `search` trying the
# alternatives at every other offset of its 60 characters: three times faster, same matches
_BEFORE_WORD = re.compile(
    rf"(?=[\dzotfsenh])(?:{_NUMBER}\s*|({_NUMWORD}(?:(?:[\s-]+|\s+and\s+){_NUMWORD})*)\s+)"
    r"(thousand|million|billion)\s+(?:US\s+|Swiss\s+)?$", re.IGNORECASE)
# _BEFORE_WORD's end alone: a cheap test first (its search costs 30-50 us, mostly to fail on
# "millions of dollars" and the like), since a match of it holds one of this
_SCALE_BEFORE_WORD = re.compile(r"(?:thousand|million|billion)\s+(?:US\s+|Swiss\s+)?$",
                                re.IGNORECASE)


def find_amounts(text: str, cues: Cues) -> Iterator[tuple[int, int, int, str]]:
    """(start, end, value, currency) of every sum of money in `text`."""
    last_end = -1
    for start, end, key in cues.get("money", ()):
        if start < last_end:
            continue  # the "$" of a "US$" already read
        if key[-1].isalpha() and len(key) > 3:  # a currency word after the number
            lo = max(0, start - 60)
            found = (_BEFORE_WORD.search(text, lo, start)
                     if start and text[start - 1].isspace()
                     and _SCALE_BEFORE_WORD.search(text, lo, start) else None)
            if found is None:
                continue
            number, words, scale = found.groups()
            if number is not None:
                value = _value(number, scale)
            else:
                try:
                    value = text2num(f"{words.lower()} {scale.lower()}", "en")
                except ValueError:
                    continue
            first, stop = found.start(), end
        else:
            if start and (text[start - 1].isalnum() or text[start - 1] == "$"):
                continue
            found = _PREFIXED.match(text, start)
            if found is None:
                continue
            value = _value(found.group(2), found.group(3))
            first, stop = start, found.end()
        if value is not None:
            last_end = stop
            yield first, stop, value, _CODES[key]


def _value(number: str, scale: str | None) -> int | None:
    try:
        amount = Decimal(number.replace(",", ""))
    except InvalidOperation:
        return None
    if scale:
        factor = _SCALES.get(scale.lower())
        if factor is None:
            return None
        amount *= factor
    return int(amount)
