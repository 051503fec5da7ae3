"""Cue words: one Aho-Corasick pass finds every place a rule could apply, and the gazetteers'
names in the same pass (matcher.py builds the automaton with both).

The automaton is ahocorasick-rs's (Rust): its walk of an article of benchmarks/entities.py's
synthetic or real corpus cost 35-60 us of CPU time where pyahocorasick's cost 70-100 us (on
the loaded shared machine), and it returns every match in one list, where pyahocorasick's
iterator handed them to Python one by one.

Running each rule's regular expression over a whole article cost milliseconds (Python's `re`
tries every alternative at every offset); the rules instead start from these cues and run
their expressions anchored there. A cue is a lowercase literal: a deal's trigger word, a
currency, a degree, a title, an institution or device word, a legal suffix, an exchange.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from ahocorasick_rs import AhoCorasick, Implementation

_CUES: dict[str, tuple[str, ...]] = {
    # events: the trigger words of each kind
    "acquisition": ("acquire", "acquires", "acquired", "acquiring", "acquisition of",
                    "merger with", "merge with", "to buy", "purchase of"),
    "financing": ("financing", "funding", "raised", "raises", "raise", "private placement",
                  "seed round", "investment round", "initial public offering",
                  *(f"series {c}" for c in "abcdefgh")),
    "clearance": ("510(k)", "clearance", "cleared", "clears", "approval", "approved",
                  "approves", "de novo", "ce mark", "nod"),
    "launch": ("launch", "launches", "launched", "launching", "full market release",
               "limited release", "limited market release", "commercial release",
               "first-in-human", "debut", "debuts", "debuted", "unveil", "unveils", "unveiled",
               *(f"first {s}{n}" for s in ("", "surgical ") for n in
                 ("case", "cases", "surgery", "surgeries", "procedure", "procedures",
                  "implantation", "implantations"))),
    "appointment": ("appoint", "appoints", "appointed", "appointment", "named", "names",
                    "hires", "hired", "promoted", "joins", "joined", "succeeds", "elected"),
    "partnership": ("partnership", "partner with", "partners with", "partnered with",
                    "partnering", "collaborate", "collaborates", "collaborated",
                    "collaboration", "alliance", "distribution agreement", "co-marketing",
                    "licensing agreement", "license agreement", "joint venture", "teamed up"),
    # company names: what comes after a company's name, or before it
    "verb": ("announced", "announces", "raised", "raises", "closed", "closes", "acquired",
             "acquires", "completed", "completes", "received", "receives", "launched",
             "launches", "secured", "secures", "appointed", "appoints", "unveiled", "unveils",
             "signed", "signs", "partnered", "earned", "earns", "to acquire", "agreed", "names",
             "partners", "lands", "nabs", "gets", "debuts", "introduces", "expands", "wins"),
    # weaker: a company-shaped name ("Acme Surgical") before these, or after "from", "by"
    # ("joins from X", "patents held by X"; "for" would be as good, but is too common a word)
    "verb_shaped": ("opened", "opens", "reported", "reports", "pays", "will pay", "agrees",
                    "plans", "said", "says", "will", "settles", "has agreed", "has"),
    "preposition": ("from", "by"),
    "possessive": ("’", "'"),
    "object": ("to acquire", "acquire", "acquiring", "acquisition of", "merger with",
               "merge with", "partnership with", "partnered with", "partners with",
               "partner with", "agreement with", "collaboration with", "to buy", "purchase of",
               "investment from", "led by", "co-led by", "participation from",
               "investors including", "investors include", "backed by"),
    "appositive": (", a ", ", an ", ", the "),
    "legal": ("inc", "incorporated", "corp", "corporation", "ltd", "llc", "l.l.c.", "n.v.",
              "s.a.", "plc", "gmbh", "s.p.a.", "b.v.", "a/s"),
    "ticker": ("nyse", "nasdaq", "lse", "lon", "six", "swx", "tsx", "tsxv", "tsx-v", "asx",
               "euronext", "otc", "otcqx", "otcqb", "amex", "xetra", "etr", "fwb", "tase",
               "hkex", "sgx", "tyo"),
    # money, people, institutions, products
    "money": ("$", "us$", "c$", "a$", "€", "£", "¥", "₹", "usd", "eur", "gbp", "chf", "cad",
              "aud", "jpy", "sek", "cny", "rmb", "inr", "dkk", "nok", "dollars", "euros",
              "pounds", "francs", "yen", "kronor", "rupees"),
    "degree": tuple(f", {d}" for d in ("md", "m.d.", "do", "d.o.", "phd", "ph.d.", "mbbs",
                                       "frcs", "frcsc", "dpm", "faaos")),
    "doctor": ("dr",),
    "surgeon": ("surgeon",),
    "title": ("ceo", "cfo", "coo", "cto", "cmo", "chief", "president",
              "vice president", "founder", "co-founder", "chairman", "chairwoman", "chair",
              "general manager", "managing director", "head of", "executive director",
              "senior vice president", "executive vice president"),
    "hiring": ("appointment of", "appointed", "appoints", "named", "names", "hired", "hires",
               "promoted", "welcomes", "joins", "joined"),
    "institution": ("hospital", "medical center", "medical centre", "health system", "clinic",
                    "institute", "university", "college", "surgery center", "center",
                    "centre", "school of medicine", "infirmary", "hôpital", "klinikum",
                    "clínica", "clinica", "clinique", "ospedale", "université", "universität",
                    "università", "universidad"),
    "device": ("system", "systems", "cage", "cages", "plate", "plates", "screw", "screws",
               "device", "devices", "implant", "implants", "platform", "platforms", "robot",
               "graft", "disc", "nail", "anchor", "spacer", "spacers", "rod", "rods",
               "knee", "hip"),
    "mark": ("™", "®"),
    # an FDA number's prefix and first digit (K123456, DEN123456, P123456), found anywhere: the
    # rule (regulatory.py) reads the number and tests the characters around it
    "fda_number": tuple(f"{prefix}{digit}" for prefix in ("k", "den", "p")
                        for digit in "0123456789"),
}
# categories whose cues are kept wherever they occur, not only as whole words
_ANYWHERE = frozenset({"fda_number"})


class Automaton:
    """Every cue and the names it was built with, found in one walk of a text (see scan_with)."""

    def __init__(self, names: Iterable[tuple[str, Any]] = ()):
        """`names`: (key, payload) pairs, a folded name and what a hit on it reports."""
        by_key: dict[str, list[str]] = defaultdict(list)
        for category, words in _CUES.items():
            for word in words:
                by_key[word].append(category)
        payloads = dict(names)
        keys = [*by_key, *(k for k in payloads if k not in by_key)]
        # per key, by its index: the key, its cue categories, whether a cue must start and
        # end a word, the name's payload (None: a cue only)
        self.keys = [(key, tuple(by_key.get(key, ())), *_word_edges(key, by_key.get(key, ())),
                      payloads.get(key)) for key in keys]
        # standard match kind: every match, overlapping too; a DFA walks a text in about
        # 60% of the instructions of the default (a noncontiguous NFA), same matches
        self.walk = AhoCorasick(keys, implementation=Implementation.DFA)


def _word_edges(key: str, categories: Iterable[str]) -> tuple[bool, bool]:
    """Whether a cue must start a word, and whether it must end one."""
    if any(category in _ANYWHERE for category in categories):
        return False, False
    return key[0].isalnum(), key[-1].isalnum()


_AUTOMATON = Automaton()

Cues = dict[str, list[tuple[int, int, str]]]


def scan(folded: str) -> Cues:
    """Each category's cues as (start, end, key), by start; whole words only."""
    return scan_with(_AUTOMATON, folded)[0]


def scan_with(automaton: Automaton, folded: str) -> tuple[Cues, list[tuple[int, int, Any]]]:
    """The cues (as `scan` gives them) and every hit on a name of `automaton` as (start, end,
    payload), overlapping, whole word or not: the caller chooses among them."""
    found: Cues = defaultdict(list)
    names: list[tuple[int, int, Any]] = []
    keys = automaton.keys
    # a space after the text: the character after a cue that ends it, and (as index -1)
    # before one that starts it, is no letter
    padded = folded + " "
    for index, start, end in automaton.walk.find_matches_as_indexes(folded, overlapping=True):
        key, categories, word_start, word_end, payload = keys[index]
        if payload is not None:
            names.append((start, end, payload))
            if not categories:
                continue
        # the end first: a quarter of the hits are a cue inside a longer word ("system" of
        # "systems"), few a cue after a letter
        if word_end and padded[end].isalnum():
            continue
        if word_start and padded[start - 1].isalnum():
            continue
        hit = (start, end, key)
        for category in categories:
            found[category].append(hit)
    for hits in found.values():
        hits.sort()
    return found, names
