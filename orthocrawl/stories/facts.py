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
# Which facts a signature keeps first when an article states more than it has room for.
PRIORITY = {Kind.ID: 0, Kind.QUOTE: 1, Kind.MONEY: 2, Kind.COUNT: 3, Kind.PERCENT: 4,
            Kind.NAME: 5}
# Kinds that say little alone: together they count 2 at most, and never as a strong fact.
WEAK = frozenset({Kind.PERCENT, Kind.NAME})
# Kinds one story's copies share and another story of the same company, the same week, does
# not: a rewrite needs one, and candidates are looked up by them.
ANCHORS = frozenset({Kind.QUOTE, Kind.ID})

MIN_QUOTE_WORDS = 5

# A quote runs to its closing mark or, unclosed (a quote that goes on in the next paragraph),
# to the end of its paragraph.
_QUOTED = re.compile(r"“([^”\n]{12,})(?:”|$)|\"([^\"\n]{12,})(?:\"|$)", re.MULTILINE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# Patterns start with a digit or a capital: Python's re scans such patterns several times
# faster than ones that start with a look-behind, \b or an alternation. The context a
# pattern cannot see cheaply (the currency before an amount, a word running into a number)
# is checked on the text around the match.
_ID_LIKE = re.compile(r"[KDBPN][A-Z]{0,2}\d{6,8}")
_ID = re.compile(r"(?:K|DEN|BK|P)\d{6}|NCT\d{8}")
_NUMBER = re.compile(
    r"\d(?:[\d,]*\d)?(?:\.\d+)?(?:(?P<pct>\s?%|\s?per ?cent\b)"
    r"|\s?(?P<scale>(?i:thousand|million|billion|mn|bn|mm|[kmb]))\b"
    r"|\s+(?P<noun>[a-z][a-z-]{2,}))?")
_NUMBER_PART = re.compile(r"\d(?:[\d,]*\d)?(?:\.\d+)?")
_SCALES = {"thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6,
           "mm": 10**6, "billion": 10**9, "bn": 10**9, "b": 10**9}
_CURRENCIES = (("US$", "usd"), ("USD ", "usd"), ("USD", "usd"), ("EUR ", "eur"),
               ("EUR", "eur"), ("GBP ", "gbp"), ("GBP", "gbp"), ("$", "usd"), ("€", "eur"),
               ("£", "gbp"))
_NOT_COUNTED = frozenset(
    "percent per million billion thousand and or of to in on at for the a an with from by "
    "years year months month weeks week days day hours minutes am pm".split())
# Runs of two or more title-case words ("Corvane Spine", "Dana Whitcombe"), or one word with a
# digit or an inner capital ("ORX-7", "NuVasive"); acronyms alone (FDA, CEO) are too common.
_TITLE_WORD = r"[A-Z][a-z][\w’'.-]*\w"
_NAME = re.compile(rf"{_TITLE_WORD}(?:\s+{_TITLE_WORD})+|[A-Z][A-Za-z]*(?:[a-z][A-Z]|-?\d)[\w-]*")
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


Found = tuple[Fact, int]  # a fact and where in the text it starts


def _quotes(text: str) -> list[Found]:
    found = []
    for match in _QUOTED.finditer(text):
        quoted = match.group(1) or match.group(2) or ""
        for sentence in _SENTENCE_END.split(quoted):
            words = tokens(sentence.casefold())
            if len(words) >= MIN_QUOTE_WORDS:
                found.append((Fact(Kind.QUOTE, " ".join(words)), match.start()))
    return found


def _currency(text: str, at: int) -> str | None:
    before = text[max(0, at - 4):at]
    for mark, currency in _CURRENCIES:
        if before.endswith(mark):
            return currency
    return None


def _numbers(text: str) -> list[Found]:
    """Amounts of money, percentages and counted things ("250 patients")."""
    found = []
    for match in _NUMBER.finditer(text):
        at = match.start()
        if at and (text[at - 1].isalnum() or text[at - 1] in ".,"):
            continue  # inside a word, an id or a number
        number = _NUMBER_PART.match(text, at)
        assert number is not None
        value = _number(number.group(0))
        currency = _currency(text, at)
        scale = match.group("scale")
        if currency is not None:
            amount = round(value * _SCALES.get((scale or "").casefold(), 1))
            if amount >= 1000:  # "$5 copay" is not a deal
                found.append((Fact(Kind.MONEY, f"{currency} {amount}"), at))
        elif match.group("pct"):
            found.append((Fact(Kind.PERCENT, f"{value:g}"), at))
        elif match.group("noun"):
            noun = match.group("noun")
            year = 1900 <= value <= 2100 and "," not in number.group(0)
            if noun not in _NOT_COUNTED and value >= 2 and not year:
                found.append((Fact(Kind.COUNT, f"{value:g} {noun.removesuffix('s')}"), at))
    return found


def _ids(text: str) -> list[Found]:
    found = []
    for match in _ID_LIKE.finditer(text):
        at, end = match.span()
        if (_ID.fullmatch(match.group(0)) and not (at and text[at - 1].isalnum())
                and not (end < len(text) and text[end].isalnum())):
            found.append((Fact(Kind.ID, match.group(0)), at))
    return found


def _names(text: str) -> list[Found]:
    found = []
    for match in _NAME.finditer(text):
        at = match.start()
        if at and text[at - 1].isalnum():
            continue
        name = _LEADING_ARTICLE.sub("", match.group(0))
        words = tokens(name.casefold())
        if words and not _ID.fullmatch(name):
            found.append((Fact(Kind.NAME, " ".join(words)), match.start()))
    return found


def located_facts(text: str) -> list[Found]:
    """Every fact stated in a text with the offset where it is stated, quotes first."""
    return [*_quotes(text), *_ids(text), *_numbers(text), *_names(text)]


def facts(text: str) -> list[Fact]:
    """The distinct facts stated in a piece of text, quotes first."""
    return list(dict.fromkeys(fact for fact, _ in located_facts(text)))
