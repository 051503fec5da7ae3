"""The facts a rewrite keeps when it changes every sentence: quoted sentences, regulatory and
trial numbers, amounts of money, counted things, percentages and names.

A rewrite of a press release shares few word runs with it, but it repeats the 510(k) number,
the amount raised, the number of centres and a quote or two. Each fact is reduced to a
normal form ("$45M" and "$45 million" are one amount) and hashed; verification weighs the
shared ones by kind (a quoted sentence says more than a percentage) and by how rare they are.
"""

from __future__ import annotations

import re
from enum import IntEnum
from functools import lru_cache
from typing import NamedTuple

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
# Which facts a signature keeps when an article states more than it has room for: the most
# telling kinds first, each up to its share (a release with six quoted sentences and ten
# numbers still keeps the names of who did what), then the rest in the same order.
PRIORITY = {Kind.ID: 0, Kind.MONEY: 1, Kind.QUOTE: 2, Kind.NAME: 3, Kind.COUNT: 4,
            Kind.PERCENT: 5}
SHARE = {Kind.ID: 2, Kind.MONEY: 2, Kind.QUOTE: 3, Kind.NAME: 4, Kind.COUNT: 2,
         Kind.PERCENT: 1}
# the same keyed by plain ints (as signatures hold kinds): Kind(i) costs a microsecond
_PRIORITY = {int(k): v for k, v in PRIORITY.items()}
_SHARE = {int(k): v for k, v in SHARE.items()}
# Kinds that say little alone: together they count 2 at most, and never as a strong fact.
WEAK = frozenset({Kind.PERCENT, Kind.NAME})
# Kinds one story's copies share and another story of the same company, the same week, does
# not: a rewrite needs one, and candidates are looked up by them.
ANCHORS = frozenset({Kind.QUOTE, Kind.ID})
# Kinds by which a rewrite's candidates are looked up (when few articles of the days state
# them): all but percentages, which coincide.
LOOKED_UP = frozenset(Kind) - {Kind.PERCENT}

MIN_QUOTE_WORDS = 5
# Smaller counts ("3 cities", "6 trays") coincide in any two articles of a trade.
MIN_COUNT = 10

# A quote runs to its closing mark or, unclosed (a quote that goes on in the next paragraph),
# to the end of its paragraph.
_QUOTED = re.compile(r"“([^”\n]{12,})(?:”|$)|\"([^\"\n]{12,})(?:\"|$)", re.MULTILINE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# Patterns start with a digit or a capital: Python's re scans such patterns several times
# faster than ones that start with a look-behind, \b or an alternation. The context a
# pattern cannot see cheaply (the currency before an amount, a word running into a number)
# is checked on the text around the match.
_DIGIT = re.compile(r"\d")  # what an id and a number start with
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
_MARK_ENDS = frozenset(mark[-1] for mark, _ in _CURRENCIES)
_NOT_COUNTED = frozenset(
    "percent per million billion thousand and or of to in on at for the a an with from by "
    "years year months month weeks week days day hours minutes am pm".split())
# Runs of two or more title-case words ("Corvane Spine", "Dana Whitcombe"), or one word with a
# digit or an inner capital ("ORX-7", "NuVasive"); acronyms alone (FDA, CEO) are too common.
# Latin letters beyond ASCII count (Søren Okonkwo, Hôpital Saint-Aubin, Émile Roux).
_UPPER = r"[A-ZÀ-ÖØ-ÞĀ-Ž]"
_LOWER = r"[a-zß-öø-ÿ]"
_TITLE_WORD = rf"{_UPPER}{_LOWER}[\w’'.-]*\w"
# A product's model or version after its name: "Mazor X", "Catalyft PL", "Kinetra 2.0",
# "Coflex-F" (not an acronym a sentence puts after a name: "the Tessaline FDA clearance").
_MODEL = r"(?:\s+(?!(?:FDA|CEO|CFO|COO|CTO|CMO|MD|DO|PA|RN|US|USA|UK|EU|ASC|AI|OR|IT)\b)" \
         r"[A-Z]{1,3}\b|\s+\d{1,2}\.\d{1,2}(?![\d.,%])|\s+\d{1,2}(?![\d.,%]|\s?[a-z])" \
         r"|-[A-Z]{1,3}\b)"
# (One pass: a run of one title-case word and no model is no name unless it is _ONE_WORD.)
_NAME = re.compile(rf"{_TITLE_WORD}(?:\s+{_TITLE_WORD})*{_MODEL}?"
                   rf"|{_UPPER}[^\W\d_]*(?:{_LOWER}{_UPPER}|-?\d)[\w-]*")
_ONE_WORD = re.compile(rf"{_UPPER}[^\W\d_]*(?:{_LOWER}{_UPPER}|-?\d)")
_DESCRIBED = re.compile(r"^\S*-[a-z]+\s+")
_POSSESSIVE = re.compile(r"(?<=\w)[’'](?:s\b)?\s+")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


class Fact(NamedTuple):  # a tuple: made some twenty times an article, in a third of the time
    kind: Kind
    form: str  # the normal form that is hashed

    @property
    def key(self) -> int:
        return _fact_key(self)


@lru_cache(maxsize=1 << 14)  # a company's names and figures recur across its articles
def _fact_key(fact: Fact) -> int:
    return crc(f"{int(fact.kind)}|{fact.form}")


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
    if not at or text[at - 1] not in _MARK_ENDS:  # most numbers: no mark can end there
        return None
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
            # things are counted in whole numbers: "Strivo 2.0 endoscopic" is a version
            whole = "." not in number.group(0)
            if noun not in _NOT_COUNTED and value >= MIN_COUNT and whole and not year:
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
        found += [(fact, at) for fact in _name_facts(match.group(0))]
    return found


@lru_cache(maxsize=8192)
def _name_facts(matched: str) -> tuple[Fact, ...]:
    """The names a run of capitalised words states (made once a run: a company's or a
    person's name recurs in an article and across the articles of a crawl)."""
    if " " not in matched and "-" not in matched and not _ONE_WORD.match(matched):
        return ()  # one title-case word ("The", "Veloria"): no name
    # "Quillmark Spine’s Tessaline Interbody System" names two things; "Ind.-based" or
    # "Boston-area" before a name is not part of it
    parts = _POSSESSIVE.split(_DESCRIBED.sub("", matched)) if (
        "-" in matched or "’" in matched or "'" in matched) else (matched,)
    found = []
    for part in parts:
        name = _LEADING_ARTICLE.sub("", part) if part[:1] in "TtAa" else part
        words = tokens(name.casefold())
        if words and not _ID.fullmatch(name) and (len(words) > 1 or _ONE_WORD.match(name)):
            found.append(Fact(Kind.NAME, " ".join(words)))
    return tuple(found)


def kept(found: list[tuple[int, int, int]], room: int) -> list[tuple[int, int, int]]:
    """Of facts (hash, kind, paragraph) in reading order, the `room` a signature keeps
    (PRIORITY and SHARE), most telling first."""
    ranked = sorted(found, key=lambda f: _PRIORITY[f[1]])
    seen: dict[int, int] = {}
    first: list[tuple[int, int, int]] = []
    rest: list[tuple[int, int, int]] = []
    for fact in ranked:
        kind = fact[1]
        seen[kind] = seen.get(kind, 0) + 1
        (first if seen[kind] <= _SHARE[kind] else rest).append(fact)
    return (first + rest)[:room]


def located_facts(text: str) -> list[Found]:
    """Every fact stated in a text with the offset where it is stated, quotes first."""
    # a scan that cannot match is skipped: most headlines have no quote mark and no digit
    found = _quotes(text) if '"' in text or "“" in text else []
    if _DIGIT.search(text):
        found += _ids(text)
        found += _numbers(text)
    found += _names(text)
    return found


def facts(text: str) -> list[Fact]:
    """The distinct facts stated in a piece of text, quotes first."""
    return list(dict.fromkeys(fact for fact, _ in located_facts(text)))
