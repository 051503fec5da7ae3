"""What kind of news a headline reports: a clearance, a launch, a deal, an appointment...

A story is who did what, and when. Two rewrites of one press release name the same company
and usually the same product, person or partner, within days of each other; so does the
company's next release of the same week (a second clearance, the first cases with the
product it launched, a new executive). What tells them apart is what happened, and trade
headlines say that in a small vocabulary whatever the outlet's style: "FDA clears",
"receives 510(k) clearance" and "earns FDA nod" are all a clearance; "raises", "closes
Series B" and "secures funding" are all a financing.

Each kind is a set of words and stems, matched on a headline's normalised words (``\\w+``
tokens, case-folded). A headline may report more than one kind ("launches after FDA
clearance"), or none (an interview, an opinion piece); verification compares the sets
(verify.py): rewrites of one story share a kind, and two headlines whose kinds are disjoint
tell different news.
"""

from __future__ import annotations

from collections.abc import Collection
from enum import IntEnum
from functools import lru_cache

from orthocrawl.evaluate import tokens


class Event(IntEnum):
    CLEARANCE = 0  # FDA clearance or approval, CE mark, breakthrough designation
    LAUNCH = 1
    FIRST_CASES = 2  # first procedures, surgeries, implantations with a product
    FINANCING = 3
    ACQUISITION = 4
    PARTNERSHIP = 5  # distribution, licensing, collaboration agreements
    APPOINTMENT = 6  # executives named, hired, promoted, leaving
    RESULTS = 7  # revenue, earnings, quarterly results
    FACILITY = 8  # a new center, plant, office or headquarters
    STUDY = 9  # trial, study or registry data
    LEGAL = 10  # lawsuits, settlements, patents, recalls, warning letters


# Stems (a headline word that starts with one is the kind: "launch" is "launches",
# "launched") and whole words (forms whose stem would start unrelated words: "joins" but not
# "joint", "opens" but not "open-label").
_STEMS: dict[Event, tuple[str, ...]] = {
    Event.CLEARANCE: ("clearanc", "approv", "designation"),
    Event.LAUNCH: ("launch", "introduc", "unveil", "debut", "rollout"),
    Event.FINANCING: ("funding", "invest"),
    Event.ACQUISITION: ("acqui", "merger", "takeover", "divest"),
    Event.PARTNERSHIP: ("partner", "distribut", "licens", "collaborat", "alliance"),
    Event.APPOINTMENT: ("appoint", "promot", "resign", "retire", "successor"),
    Event.RESULTS: ("revenue", "earning", "quarter", "profit"),
    Event.FACILITY: ("facilit", "headquarter"),
    Event.STUDY: ("studies", "registry", "outcome", "publish", "enrol"),
    Event.LEGAL: ("lawsuit", "settle", "infring", "verdict", "recall"),
}
_WORDS: dict[Event, frozenset[str]] = {kind: frozenset(words.split()) for kind, words in {
    Event.CLEARANCE: "fda clear clears cleared 510 k nod nods pma novo ce mark",
    Event.LAUNCH: "release releases released",
    Event.FINANCING: "raise raises raised raising financing financed fund funds funded round "
                     "series ipo offering backing",
    Event.ACQUISITION: "buy buys bought sells sold merge merges merged",
    Event.PARTNERSHIP: "agreement deal ties",
    Event.APPOINTMENT: "name names named hire hires hired taps tapped join joins joined "
                       "chief ceo cfo cto coo cmo president officer director exits",
    Event.RESULTS: "sales q1 q2 q3 q4 results",
    Event.FACILITY: "opens opened opening asc center centre plant campus office expands "
                    "expansion",
    Event.STUDY: "study trial trials data",
    Event.LEGAL: "sue sues sued suit patent patents court warning",
}.items()}
# "first" before one of these (within three words): the first cases with something.
_FIRSTS = ("case", "surger", "procedur", "implant", "patient", "use", "operation")


@lru_cache(maxsize=1 << 16)  # headlines repeat their words: each is tested once
def _kinds_of(word: str) -> frozenset[Event]:
    return frozenset(kind for kind in Event
                     if word in _WORDS.get(kind, ()) or word.startswith(_STEMS.get(kind, ())))


def events(headline: str | None, named: Collection[str] = ()) -> frozenset[Event]:
    """The kinds of news a headline reports (empty when it names none). `named`: words of
    names the article states, which report nothing ("Partners" of "Mirandel Health
    Partners", "Guidance" of a "Robotic Guidance System")."""
    words = tokens((headline or "").casefold())
    found: set[Event] = set()
    for n, word in enumerate(words):
        if word not in named:
            found |= _kinds_of(word)
        if word == "first" and any(w.startswith(_FIRSTS) for w in words[n + 1:n + 4]):
            found.add(Event.FIRST_CASES)
    return frozenset(found)


def mask(kinds: frozenset[Event]) -> int:
    """The kinds as bits of an integer (stored in two bytes)."""
    return sum(1 << int(kind) for kind in kinds)
