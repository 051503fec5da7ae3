"""The facts a rewrite keeps when it changes every sentence: quoted sentences, regulatory and
trial numbers, amounts of money, counted things, percentages and names.

A rewrite of a press release shares few word runs with it, but it repeats the 510(k) number,
the amount raised, the number of centres and a quote or two. Each fact is reduced to a
normal form ("$45M" and "$45 million" are one amount) and hashed; verification weighs the
shared ones by kind (a quoted sentence says more than a percentage) and by how rare they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

from orthocrawl.evaluate import tokens
from orthocrawl.stories.text import crc


class Kind(IntEnum):
    QUOTE = 0
    ID = 1  # 510(k), De Novo, PMA and trial numbers
    MONEY = 2
    COUNT = 3  # "250 patients", "37 centers"
    PERCENT = 4
    NAME = 5  # multi-word capitalised names: companies, products, people


# What one shared fact of each kind counts towards a rewrite (see verify.py).
WEIGHTS = {Kind.QUOTE: 3, Kind.ID: 3, Kind.MONEY: 2, Kind.COUNT: 1, Kind.PERCENT: 1,
           Kind.NAME: 1}
# Kinds specific enough to look candidates up by (names and counts are only compared).
INDEXED = frozenset({Kind.QUOTE, Kind.ID, Kind.MONEY})

MIN_QUOTE_WORDS = 5

_QUOTED = re.compile(r"“([^”]{12,})(?:”|$)|\"([^\"]{12,})(?:\"|$)", re.MULTILINE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_ID = re.compile(r"\b(?:K|DEN|BK|P)\d{6}\b|\bNCT\d{8}\b")
_SCALES = {"thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6,
           "mm": 10**6, "billion": 10**9, "bn": 10**9, "b": 10**9}
_MONEY = re.compile(
    r"(?P<cur>US\$|[$€£]|\b(?:USD|EUR|GBP)\s?)(?P<num>\d[\d,]*(?:\.\d+)?)"
    r"(?:\s?(?P<scale>thousand|million|billion|mn|bn|mm|[kmb])\b)?", re.IGNORECASE)
_CURRENCY = {"$": "usd", "us$": "usd", "usd": "usd", "€": "eur", "eur": "eur", "£": "gbp",
             "gbp": "gbp"}
_PERCENT = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)", re.IGNORECASE)
_COUNT = re.compile(r"(?<![\w$€£.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]\d)\s+([a-z][a-z-]{2,})")
_NOT_COUNTED = frozenset(
    "percent per million billion thousand and or of to in on at for the a an with from by "
    "years year months month weeks week days day hours minutes am pm".split())
# Runs of two or more title-case words ("Corvane Spine", "Dana Whitcombe"), or one word with a
# digit or an inner capital ("ORX-7", "NuVasive"); acronyms alone (FDA, CEO) are too common.
_TITLE_WORD = r"[A-Z][a-z][\w’'.-]*\w"
_NAME = re.compile(rf"\b{_TITLE_WORD}(?:\s+{_TITLE_WORD})+\b"
                   r"|\b[A-Z][a-z]+[A-Z][\w-]*\b|\b[A-Z][A-Za-z]*-?\d[\w-]*\b")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Fact:
    kind: Kind
    form: str  # the normal form that is hashed

    @property
    def key(self) -> int:
        return crc(f"{int(self.kind)}|{self.form}")


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _quotes(text: str) -> list[Fact]:
    found = []
    for match in _QUOTED.finditer(text):
        quoted = match.group(1) or match.group(2) or ""
        for sentence in _SENTENCE_END.split(quoted):
            words = tokens(sentence.casefold())
            if len(words) >= MIN_QUOTE_WORDS:
                found.append(Fact(Kind.QUOTE, " ".join(words)))
    return found


def _money(text: str) -> list[Fact]:
    found = []
    for match in _MONEY.finditer(text):
        currency = _CURRENCY[match.group("cur").strip().casefold()]
        scale = _SCALES.get((match.group("scale") or "").casefold(), 1)
        amount = round(_number(match.group("num")) * scale)
        if amount >= 1000:  # "$5 copay" is not a deal
            found.append(Fact(Kind.MONEY, f"{currency} {amount}"))
    return found


def _counts(text: str) -> list[Fact]:
    found = []
    for match in _COUNT.finditer(text):
        number, noun = match.group(1), match.group(2)
        value = _number(number)
        if noun in _NOT_COUNTED or value < 2 or (1900 <= value <= 2100 and "," not in number):
            continue
        found.append(Fact(Kind.COUNT, f"{int(value)} {noun.removesuffix('s')}"))
    return found


def _names(text: str) -> list[Fact]:
    found = []
    for match in _NAME.finditer(text):
        name = _LEADING_ARTICLE.sub("", match.group(0))
        words = tokens(name.casefold())
        if words and not _ID.fullmatch(name):
            found.append(Fact(Kind.NAME, " ".join(words)))
    return found


def facts(text: str) -> list[Fact]:
    """The distinct facts stated in a piece of text, quotes first."""
    seen: dict[Fact, None] = {}
    for fact in (*_quotes(text), *(Fact(Kind.ID, m.group(0)) for m in _ID.finditer(text)),
                 *_money(text), *_counts(text), *(Fact(Kind.PERCENT, f"{_number(m.group(1)):g}")
                                                  for m in _PERCENT.finditer(text)),
                 *_names(text)):
        seen.setdefault(fact, None)
    return list(seen)
