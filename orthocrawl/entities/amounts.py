"""Sums of money in text, as whole numbers with an ISO currency code.

"$25 million" -> 25000000 USD, "$1.2 billion", "€40m", "CHF 30 million", "25 million euros",
"twenty-five million dollars" (number words read by text2num).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from text_to_num import text2num  # number words -> int (allo-media's text2num)

_SYMBOLS = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP",
            "gbp": "GBP", "chf": "CHF", "c$": "CAD", "cad": "CAD", "a$": "AUD", "aud": "AUD",
            "¥": "JPY", "jpy": "JPY", "sek": "SEK", "cny": "CNY", "rmb": "CNY", "inr": "INR",
            "₹": "INR", "dkk": "DKK", "nok": "NOK"}
_WORDS = {"dollars": "USD", "dollar": "USD", "us dollars": "USD", "euros": "EUR", "euro": "EUR",
          "pounds": "GBP", "pounds sterling": "GBP", "swiss francs": "CHF", "francs": "CHF",
          "yen": "JPY", "kronor": "SEK", "rupees": "INR"}
_SCALES = {"thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6,
           "mm": 10**6, "mil": 10**6, "billion": 10**9, "bn": 10**9, "b": 10**9}

_NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s*(thousand|million|billion|mil|mn|bn|mm|MM|[mMbBkK])(?![\w]))?"
_PREFIXED = (r"(?<![\w$])(US\$|C\$|A\$|\$|€|£|¥|₹|(?:USD|EUR|GBP|CHF|CAD|AUD|JPY|SEK|CNY|RMB|"
             r"INR|DKK|NOK)(?=\s?\d))\s?" + _NUMBER + _SCALE)
_SUFFIXED = (_NUMBER + r"\s*(thousand|million|billion)?\s+(US dollars|dollars|euros|pounds "
             r"sterling|pounds|Swiss francs|francs|yen|kronor|rupees|USD|EUR|GBP|CHF)\b")
_NUMWORD = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
            r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
            r"sixty|seventy|eighty|ninety|hundred)")
_SPELLED = (rf"\b({_NUMWORD}(?:(?:[\s-]+|\s+and\s+){_NUMWORD})*)\s+(thousand|million|billion)"
            r"\s+(US dollars|dollars|euros|pounds|Swiss francs)\b")
AMOUNT = re.compile(f"{_PREFIXED}|{_SUFFIXED}|{_SPELLED}", re.IGNORECASE)


def find_amounts(text: str) -> Iterator[tuple[int, int, int, str]]:
    """(start, end, value, currency) of every sum of money in `text`."""
    for found in AMOUNT.finditer(text):
        g = found.groups()
        if g[0] is not None:
            sym, number, scale = g[0], g[1], g[2]
            currency = _SYMBOLS.get(sym.lower())
            value = _value(number, scale)
        elif g[3] is not None:
            number, scale, word = g[3], g[4], g[5]
            currency = _WORDS.get(word.lower()) or _SYMBOLS.get(word.lower())
            value = _value(number, scale)
        else:
            words, scale, word = g[6], g[7], g[8]
            currency = _WORDS.get(word.lower())
            try:
                value = text2num(f"{words.lower()} {scale.lower()}", "en")
            except ValueError:
                value = None
        if value is not None and currency is not None:
            yield found.start(), found.end(), value, currency


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
