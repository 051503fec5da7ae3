"""Deals and other corporate events, one rule per kind, read sentence by sentence.

A sentence holds an event when it has the kind's trigger words and the fields the kind cannot
do without (an acquisition its target, a financing its amount or round, a clearance its product
or number, a launch its product, an appointment its person and title, a partnership two
companies). The company is the one named closest before the trigger, else the article's
subject. Events of one kind about the same company (and target, product or person) are merged,
the first sentence kept, later ones filling fields still empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Set
from dataclasses import dataclass

from .records import Event

_COMPLETED = re.compile(r"\b(?:completed|completes|complete|closed|closes|finalized|finalised|"
                        r"has acquired|have acquired|acquired|acquires|bought)\b")
_PENDING = re.compile(r"\b(?:to acquire|will acquire|agreement|agreed|plans|intends|proposed|"
                      r"pending|expected to close|subject to|definitive)\b")
_COMPLETED_WORDS = ("completed", "completes", "closed", "closes", "finalized", "finalised")
_PENDING_WORDS = ("agreement", "agreed", "plans to", "intends", "proposed", "pending",
                  "expected to close", "subject to", "definitive", "will acquire", "to acquire")
_PASSIVE_ENDS = ("was acquired", "were acquired", "is acquired", "been acquired", "be acquired",
                 "is being acquired", "was bought", "been bought", "acquisition")
_REGULATOR_WORDS = ("fda", "food and drug", "510(k)", "de novo", " pma", "premarket approval",
                    "ce mark")
# these run on the lowercased sentence (no IGNORECASE), from the offsets _search gives
_ROUND = re.compile(r"(?=[spgmbcvdei])(?:(series [a-h](?:-\d)?)|(pre-seed|seed|growth|"
                    r"mezzanine|bridge|crossover|venture debt|debt|equity)(?: equity)? "
                    r"(?:financing|funding|round|investment)|(private placement)|"
                    r"(initial public offering|ipo))(?![\w])")
_INVESTORS = re.compile(r"(?:led by|co-led by|participation (?:from|by)|investors (?:including|"
                        r"include|such as)|backed by|investment from)\s[^.;]*")
# The literals every match of _ROUND and of _INVESTORS starts with: `search` tries each
# expression at every offset of a sentence (20 us for _ROUND); str.find finds these, and the
# expression is tried at them alone, leftmost first, which gives `search`'s match.
_ROUND_STARTS = ("series", "pre-seed", "seed", "growth", "mezzanine", "bridge", "crossover",
                 "venture debt", "debt", "equity", "private placement",
                 "initial public offering", "ipo")
_INVESTORS_STARTS = ("led by", "co-led by", "participation", "investors", "backed by",
                     "investment from")


def _search(pattern: re.Pattern[str], starts: tuple[str, ...], low: str) -> re.Match[str] | None:
    """pattern.search(low), where every match of `pattern` starts with one of `starts`."""
    offsets = set()
    for literal in starts:
        at = low.find(literal)
        while at != -1:
            offsets.add(at)
            at = low.find(literal, at + 1)
    for at in sorted(offsets):
        if (found := pattern.match(low, at)) is not None:
            return found
    return None


def _passive(low: str) -> tuple[int, int] | None:
    """The span of "was acquired by " (or "acquisition by ") in a lowercased sentence."""
    at = low.find(" by ")
    while at != -1:
        head = low[:at]
        for end in _PASSIVE_ENDS:
            if head.endswith(end):
                return at - len(end), at + 4
        at = low.find(" by ", at + 4)
    return None


@dataclass(slots=True)  # not frozen: a frozen dataclass's __init__ is several times slower
class Named:
    """A name found in the text: its span, kind and canonical name (and the unmerged one)."""

    start: int
    end: int
    kind: str
    name: str
    own: str  # the company's name before any merger was applied
    candidate: bool = False
    surface: str = ""  # as written (legal suffix kept, possessive dropped)


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    names: list[Named]
    amounts: list[tuple[int, int, int, str]]
    numbers: list[tuple[int, int, str, str]]
    people: list[tuple[int, str, str | None]]  # (start, name, title)
    low: str  # the text in lowercase (cheap tests before any regular expression)
    companies: list[Named]  # the names of kind company, in order
    # a financing's investors and round, read once: they do not depend on the trigger, and a
    # sentence's later financing triggers are tried when an earlier one found no event
    financing_terms: tuple[list[str], str | None] | None = None


def events_in(sentence: Sentence, triggers: list[tuple[int, str, str]], subject: str | None,
              published: str | None) -> list[Event]:
    """Each kind's event in one sentence (at most one per kind); `triggers` are the
    sentence's trigger cues as (offset, kind, words)."""
    seen: set[str] = set()
    out = []
    date = published[:10] if published else None
    for at, kind, words in triggers:
        if kind in seen:
            continue
        event = _RULES[kind](sentence, at, words, subject)
        if event is not None:
            seen.add(kind)
            event.date = date
            out.append(event)
    return out


def _companies(s: Sentence) -> list[Named]:
    return s.companies


def _before(s: Sentence, at: int, exclude: Set[str] = frozenset()) -> Named | None:
    return next((n for n in reversed(_companies(s)) if n.end <= at and n.name not in exclude),
                None)


def _after(s: Sentence, at: int, exclude: Set[str] = frozenset()) -> Named | None:
    return next((n for n in _companies(s) if n.start >= at and n.name not in exclude), None)


def _amount(s: Sentence) -> tuple[int | None, str | None]:
    if s.amounts:
        return s.amounts[0][2], s.amounts[0][3]
    return None, None


def _acquisition(s: Sentence, at: int, trigger: str, subject: str | None
                 ) -> Event | None:
    passive = _passive(s.low)
    if passive is not None:
        company = _after(s, s.start + passive[1])
        target = _before(s, s.start + passive[0])
    else:
        target = _after(s, at + len(trigger))
        company = _before(s, at)
    if target is None:
        return None
    buyer = company.name if company else subject
    if buyer is None:
        return None
    target_name = target.own if target.name == buyer else target.name
    if target_name == buyer:
        return None
    if passive is not None or _COMPLETED.search(trigger):
        status = "completed"
    elif _PENDING.search(trigger):
        status = "announced"
    else:
        low = s.low
        status = "completed" if (any(w in low for w in _COMPLETED_WORDS)
                                 and not any(w in low for w in _PENDING_WORDS)) else "announced"
    amount, currency = _amount(s)
    return Event("acquisition", s.text, company=buyer, target=target_name, amount=amount,
                 currency=currency, status=status)


def _financing_terms(s: Sentence) -> tuple[list[str], str | None]:
    """A sentence's investors (the companies after "led by" and such) and round."""
    low = s.low
    investors_at = _search(_INVESTORS, _INVESTORS_STARTS, low) if any(
        k in low for k in (" by ", "participation", "investors", "investment from")) else None
    investors: list[str] = []
    if investors_at:
        lo, hi = s.start + investors_at.start(), s.start + investors_at.end()
        investors = list(dict.fromkeys(n.name for n in _companies(s) if lo <= n.start < hi))
    round_found = _search(_ROUND, _ROUND_STARTS, low)
    round_name = None
    if round_found:
        series, kind, placement, _ = round_found.groups()
        round_name = ("Series " + series[7:].upper() if series else kind if kind else
                      "private placement" if placement else "IPO")
    return investors, round_name


def _financing(s: Sentence, at: int, trigger: str, subject: str | None
               ) -> Event | None:
    if s.financing_terms is None:
        s.financing_terms = _financing_terms(s)
    investors, round_name = s.financing_terms
    amount, currency = _amount(s)
    if amount is None and round_name is None:
        return None
    company = _before(s, at, set(investors))
    name = company.name if company else subject
    if name is None:
        return None
    return Event("financing", s.text, company=name, amount=amount, currency=currency,
                 round=round_name, investors=tuple(investors))


def _product_company(s: Sentence, product: Named | None, at: int, subject: str | None
                     ) -> str | None:
    if product is not None:
        owner = _before(s, product.start)
        if owner is not None and product.start - owner.end <= 3:  # "Stryker's Mako"
            return owner.name
    company = _before(s, at) or (_companies(s)[0] if _companies(s) else None)
    return company.name if company else subject


def _clearance(s: Sentence, at: int, trigger: str, subject: str | None
               ) -> Event | None:
    products = [n for n in s.names if n.kind == "product"]
    product = products[0] if products else None
    number = s.numbers[0] if s.numbers else None
    low, text = s.low, s.text
    if (product is None and number is None) or not any(k in low for k in _REGULATOR_WORDS):
        return None
    status = (number[3] if number else "De Novo" if "de novo" in low else
              "PMA" if "premarket approval" in low or " pma" in low else
              "CE mark" if "ce mark" in low else
              "510(k)" if "510(k)" in low else "approval" if "approv" in low else
              "clearance")
    return Event("clearance", text, company=_product_company(s, product, at, subject),
                 product=product.name if product else None,
                 number=number[2] if number else None, status=status)


def _launch(s: Sentence, at: int, trigger: str, subject: str | None
            ) -> Event | None:
    products = [n for n in s.names if n.kind == "product"]
    if not products:
        return None
    product = min(products, key=lambda p: abs(p.start - at))
    status = ("first cases" if trigger.startswith("first") else
              "limited release" if trigger.startswith("limited") else "launch")
    return Event("launch", s.text, company=_product_company(s, product, at, subject),
                 product=product.name, status=status)


def _appointment(s: Sentence, at: int, trigger: str, subject: str | None
                 ) -> Event | None:
    people = [p for p in s.people if p[2]]
    if not people:
        return None
    _, person, title = min(people, key=lambda p: abs(p[0] - at))
    joins = re.search(r"\bjoin(?:s|ed)\s", s.low) if "join" in s.low else None
    company = _after(s, s.start + joins.end()) if joins else None
    company = company or _before(s, at) or _after(s, at)
    name = company.name if company else subject
    if name is None:
        return None
    return Event("appointment", s.text, company=name, person=person, title=title)


def _partnership(s: Sentence, at: int, trigger: str, subject: str | None
                 ) -> Event | None:
    companies = list(dict.fromkeys(n.name for n in _companies(s)))
    first = _before(s, at)
    if first is None:
        if subject is None or not companies:
            return None
        name, other = subject, next((c for c in companies if c != subject), None)
    else:
        name = first.name
        later = _after(s, at, {name})
        earlier = [c for c in companies if c != name]
        other = later.name if later else (earlier[0] if earlier else None)
        if other is None and subject and subject != name:
            other = subject
    if other is None or other == name:
        return None
    return Event("partnership", s.text, company=name, target=other)


Rule = Callable[[Sentence, int, str, str | None], Event | None]
_RULES: dict[str, Rule] = {
    "acquisition": _acquisition, "financing": _financing, "clearance": _clearance,
    "launch": _launch, "appointment": _appointment, "partnership": _partnership}


def merge(events: list[Event]) -> list[Event]:
    """One event per kind and company (and target, product or person), fields filled in."""
    merged: dict[tuple[str | None, ...], Event] = {}
    for event in events:
        key = _key(event)
        if event.kind == "clearance" and event.product is None:
            key = next((k for k in merged if k[:2] == key[:2]), key)
        known = merged.get(key)
        if known is None:
            merged[key] = event
            continue
        fields = {f: getattr(event, f) for f in ("product", "number", "amount", "currency",
                                                 "round", "title")
                  if getattr(known, f) is None and getattr(event, f) is not None}
        if event.investors and not known.investors:
            fields["investors"] = event.investors  # type: ignore[assignment]
        if event.kind == "clearance" and "number" in fields:
            fields["status"] = event.status  # the number says which kind of clearance
        if event.kind == "acquisition" and event.status == "completed":
            fields["status"] = "completed"
        for name, value in fields.items():  # in place: every event here is the rules' own
            setattr(known, name, value)
    return list(merged.values())


def _key(event: Event) -> tuple[str | None, ...]:
    if event.kind == "partnership":
        a, b = sorted((event.company or "", event.target or ""))
        return (event.kind, a, b)
    field = _OTHER.get(event.kind)
    return (event.kind, event.company, getattr(event, field) if field else None)


# the field that tells two events of a kind and company apart
_OTHER = {"acquisition": "target", "clearance": "product", "launch": "product",
          "appointment": "person"}
