"""One article in, its companies, people, products, institutions, FDA numbers and events out.

Build an Extractor once (the gazetteers are read and the matcher built then), call it per
article. Order of the rules, each claiming its text so later ones cannot: known names
(gazetteers, with tickers), people, institutions, candidate companies, products.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterable
from operator import attrgetter
from typing import Any, TypeVar

from . import names
from .amounts import find_amounts
from .cues import Cues
from .events import Named, Sentence, events_in, merge
from .gazetteer import Gazetteer, fold, load_gazetteer, paths_from_env
from .matcher import Matcher
from .names import LEGAL, clean_company, find_candidates, find_institutions, find_products
from .people import Found, find_people
from .records import (
    EVENT_KINDS,
    Amount,
    Entity,
    Event,
    Extraction,
    Mention,
    Person,
    RegulatoryNumber,
)
from .regulatory import find_numbers
from .text import Doc

_SUFFIX = re.compile(rf"(?:,?\s(?:Medical|Holdings|Group|International|Technologies))?,?\s"
                     rf"{LEGAL}")
_TICKER = re.compile(
    r"(?P<ex>NYSE American|NYSE MKT|NYSE Arca|NYSE|NASDAQ|Nasdaq(?:GS|GM| Stockholm)?|LSE|"
    r"LON|SIX|SWX|TSXV|TSX-V|TSX|ASX|Euronext(?: Paris| Brussels| Amsterdam)?|OTCQX|OTCQB|"
    r"OTC|AMEX|XETRA|ETR|FWB|TASE|HKEX|SGX|TYO)\s?:\s?(?P<sym>[A-Z][A-Z0-9.]{0,6}[A-Z0-9])\b")
_GAP = re.compile(r"[\s(,]{0,3}$")
_NOT_A_NAME = names.STOP | {"surgeon", "said", "says", "dr"}
_Item = TypeVar("_Item", bound=tuple[Any, ...])  # an amount, number or executive: (offset, ...)
_START = attrgetter("start")
_NOT_A_PERSON = names.HEADS | {"hospital", "clinic", "institute", "university", "center",
                               "centre", "college", "system", "platform", "device", "fda"}


class Extractor:
    """The extraction layer: built once with its gazetteers, then called per article."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer if gazetteer is not None else load_gazetteer(paths_from_env())
        self.matcher = Matcher((surface, entry) for entry in self.gazetteer.entries.values()
                               for surface in (entry.name, *entry.aliases))

    def __call__(self, title: str, body: str, published: str | None = None,
                 as_today: bool = False) -> Extraction:
        return self.extract(title, body, published, as_today)

    def extract(self, title: str, body: str, published: str | None = None,
                as_today: bool = False) -> Extraction:
        """Everything in one article. `published` (ISO date) decides which former company
        names already count for their new parent; `as_today` counts every one for it."""
        doc = Doc(title, body)
        run = _Run(self, doc, published, as_today)
        return run.extraction()


class _Run:
    """One article's extraction (the state the rules share)."""

    def __init__(self, ex: Extractor, doc: Doc, published: str | None, as_today: bool):
        self.ex, self.doc, self.published, self.as_today = ex, doc, published, as_today
        self.text = doc.text
        self.folded = fold(doc.text)
        # the rules' cues and the gazetteers' names, in one walk of the text
        self.cues: Cues
        self.cues, self.names = ex.matcher.scan(self.text, self.folded)
        self.taken = bytearray(len(self.text))
        # the text and a space: index -1 and len(text) are no letter and no hyphen (made
        # once: _occurrences, called a few times an article, copied the text each time)
        self.padded = self.text + " "
        self.hits: list[Named] = []
        self.tickers: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.strong_ends: list[int] = []
        self.people: dict[str, tuple[Named, Found]] = {}
        self.by_sentence: dict[int, list[Named]] = defaultdict(list)
        self.resolved: dict[str, str] = {}  # company() of each name, for this article's date

    # -- claiming text -------------------------------------------------------------------
    def free(self, start: int, end: int) -> bool:
        return self.taken.find(1, start, end) == -1

    def claim(self, hit: Named) -> None:
        self.hits.append(hit)
        self.taken[hit.start:hit.end] = b"\x01" * (hit.end - hit.start)

    def company(self, own: str) -> str:
        name = self.resolved.get(own)
        if name is None:
            name = self.resolved[own] = self.ex.gazetteer.resolve(own, self.published,
                                                                  self.as_today)
        return name

    # -- the rules -----------------------------------------------------------------------
    def known(self) -> None:
        text = self.text
        for start, end, entry in self.names:
            name = entry.name
            if entry.kind == "company":
                suffix = _SUFFIX.match(text, end)
                end = suffix.end() if suffix else end
                name = self.company(entry.name)
            self.claim(Named(start, end, entry.kind, name, entry.name, False, text[start:end]))
        by_end = {h.end: h for h in self.hits if h.kind == "company"}
        for cue, _, _ in self.cues.get("ticker", ()):
            found = _TICKER.match(text, cue)
            if found is None:
                continue
            symbol, ticker = found.group("sym"), f"{found.group('ex')}: {found.group('sym')}"
            at = found.start()
            # the company whose name ends at most 3 characters before, across "(", "," or space
            prev = next((by_end[end] for end in range(max(0, at - 3), at + 1)
                         if end in by_end and _GAP.match(text, end, at)), None)
            listed = self.ex.gazetteer.tickers.get(symbol)
            if prev is not None:
                self.tickers[(prev.kind, prev.name)].append(ticker)
                self.taken[found.start():found.end()] = b"\x01" * (found.end() - found.start())
            elif listed is not None and self.free(found.start(), found.end()):
                self.claim(Named(found.start(), found.end(), "company",
                                 self.company(listed.name), listed.name, False, ticker))
            else:
                paren = text.rfind("(", max(0, found.start() - 3), found.start())
                if paren != -1:
                    self.strong_ends.append(paren)

    def persons(self) -> None:
        for found in find_people(self.text, self.cues):
            tokens = found.name.split()
            while tokens and tokens[0].lower().rstrip(".") in _NOT_A_NAME:
                tokens = tokens[1:]
            if len(tokens) < 2 or any(t.lower() in _NOT_A_PERSON for t in tokens):
                continue
            name = " ".join(tokens)
            start = self.text.find(name, found.start)
            if start == -1 or not self.free(start, start + len(name)):
                continue
            hit = Named(start, start + len(name), "person", name, name, False, name)
            self.claim(hit)
            self.people.setdefault(name, (hit, found))
        # later mentions of each person: the full name, or the surname alone ("Smith said")
        for name in list(self.people):
            self._occurrences({name: name, name.split()[-1]: name}, "person", candidate=False)

    def institutions(self) -> None:
        doc = self.doc
        for start, end, name in find_institutions(self.text, self.cues, doc.spans, doc.index,
                                                   self.taken):
            if self.free(start, end):
                self.claim(Named(start, end, "institution", name, name, False, name))

    def candidates(self) -> None:
        doc, text = self.doc, self.text
        found: dict[str, bool] = {}
        for _, _, name, strong in find_candidates(text, self.cues, doc.spans, doc.index,
                                                  self.taken, self.strong_ends):
            if fold(name) in self.ex.gazetteer.surfaces:
                continue  # a known name in another shape: the matcher's, never a candidate
            found[name] = found.get(name, False) or strong
        if not found:
            return
        # a candidate that starts a longer one is that company ("Corvane" of "Corvane
        # Spine"): the first found of those, by each longer name's word-prefixes (a
        # comparison of every pair cost more than the rest of the rule, on busy articles)
        longer: dict[str, str] = {}
        for name in found:
            at = name.find(" ")
            while at != -1:
                longer.setdefault(name[:at], name)
                at = name.find(" ", at + 1)
        canonical = {name: longer.get(name, name) for name in found}
        self._occurrences(canonical, "company", candidate=True)

    def products(self) -> None:
        doc = self.doc
        found = {name: name for _, _, name in
                 find_products(self.text, self.cues, doc.spans, doc.index, self.taken)}
        self._occurrences(found, "product", candidate=False)

    def _occurrences(self, canonical: dict[str, str], kind: str, candidate: bool) -> None:
        """Claim every whole-word occurrence of each name (longest names first)."""
        text, taken, hits, padded = self.text, self.taken, self.hits, self.padded
        find = text.find
        for surface in sorted(canonical, key=len, reverse=True):
            name, pos, size = canonical[surface], find(surface), len(surface)
            while pos != -1:
                end = pos + size
                before, after = padded[pos - 1], padded[end]
                if (not (before.isalnum() or before == "-")
                        and not (after.isalnum() or after == "-")
                        and taken.find(1, pos, end) == -1):
                    hits.append(Named(pos, end, kind, name, name, candidate, surface))
                    taken[pos:end] = b"\x01" * size
                pos = find(surface, end)

    # -- the records ---------------------------------------------------------------------
    def extraction(self) -> Extraction:
        self.known()
        self.persons()
        self.institutions()
        self.candidates()
        self.products()
        self.hits.sort(key=_START)
        by_sentence, index = self.by_sentence, self.doc.index
        for hit in self.hits:
            by_sentence[index(hit.start)].append(hit)
        text = self.text
        subject = self.subject()
        amounts = list(find_amounts(text, self.cues))
        numbers = list(find_numbers(text, self.cues))
        events = self.events(subject, amounts, numbers)
        people = self.people_records(events)
        groups = self.groups()
        return Extraction(
            entities=tuple(self.entities(groups)), mentions=tuple(self.mentions(groups)),
            events=tuple(events), people=tuple(people),
            numbers=tuple(self.numbers(numbers, events, subject)),
            amounts=tuple(Amount(v, c, text[s:e]) for s, e, v, c in amounts))

    def subject(self) -> str | None:
        companies = [h for h in self.hits if h.kind == "company"]
        if not companies:
            return None
        title = [h for h in companies if h.start < self.doc.title_end]
        if title:
            return title[0].name
        first = self.doc.index(companies[0].start)
        if first <= 1:
            return companies[0].name
        return Counter(h.name for h in companies).most_common(1)[0][0]

    def groups(self) -> dict[tuple[str, str], list[Named]]:
        groups: dict[tuple[str, str], list[Named]] = {}
        for hit in self.hits:
            groups.setdefault((hit.kind, hit.name), []).append(hit)
        return groups

    def entities(self, groups: dict[tuple[str, str], list[Named]]) -> Iterable[Entity]:
        tickers = self.tickers
        for (kind, name), hits in groups.items():
            if kind != "company":
                # the names as written: only a company has tickers, a name before a merger
                # (a hit's `own` is its name otherwise) or candidate hits
                aliases = dict.fromkeys([h.surface for h in hits])
                aliases.pop(name, None)
                yield Entity(kind, name, tuple(aliases), False)
                continue
            # the names as written, then the tickers, then the names before a merger, each
            # once and in that order, less the canonical name
            aliases = dict.fromkeys([clean_company(h.surface) for h in hits])
            if tickers:
                aliases.update(dict.fromkeys(tickers.get((kind, name), ())))
            aliases.update(dict.fromkeys([h.own for h in hits]))
            aliases.pop(name, None)
            yield Entity(kind, name, tuple(aliases), any(h.candidate for h in hits))

    def mentions(self, groups: dict[tuple[str, str], list[Named]]) -> Iterable[Mention]:
        for (kind, name), hits in groups.items():
            yield Mention(kind, name, len(hits), self.doc.sentence(hits[0].start))

    def events(self, subject: str | None, amounts: list[tuple[int, int, int, str]],
               numbers: list[tuple[int, int, str, str]]) -> list[Event]:
        doc = self.doc
        triggers: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
        for kind in EVENT_KINDS:
            for start, _, key in self.cues.get(kind, ()):
                triggers[doc.index(start)].append((start, kind, key))
        if not triggers:
            return []
        by_sentence = self.by_sentence
        executives = [(h.start, h.name, f.title) for h, f in self.people.values()]
        # each trigger sentence's amounts, numbers and executives, sorted out in one pass
        amounts_in = self._in_sentences(amounts, triggers)
        numbers_in = self._in_sentences(numbers, triggers)
        executives_in = self._in_sentences(executives, triggers)
        found: list[Event] = []
        for i in sorted(triggers):
            start, end = doc.spans[i]
            names = by_sentence.get(i, [])
            sentence = Sentence(
                start, end, self.text[start:end], names, amounts_in.get(i, []),
                numbers_in.get(i, []), executives_in.get(i, []), self.folded[start:end],
                [n for n in names if n.kind == "company"])
            found += events_in(sentence, sorted(triggers[i]), subject, self.published)
        events = merge(found)
        product = next((h.name for h in self.hits if h.kind == "product"), None)
        filled = False
        for event in events:
            if event.kind == "clearance" and event.product is None and product is not None:
                event.product = product  # "The system received 510(k) clearance"
                filled = True
        # merged again only when a product was filled in: no other field merge() fills is
        # part of an event's key, so the merged events stand as they are otherwise
        return merge(events) if filled else events

    def _in_sentences(self, items: Iterable[_Item], sentences: Container[int]
                      ) -> dict[int, list[_Item]]:
        """`items` (each a tuple whose first field is its offset) by the index of the
        sentence they start in, for the `sentences` asked about, in their order."""
        spans, index = self.doc.spans, self.doc.index
        grouped: dict[int, list[_Item]] = {}
        for item in items:
            i = index(item[0])
            if i in sentences and spans[i][0] <= item[0] < spans[i][1]:
                grouped.setdefault(i, []).append(item)
        return grouped

    def people_records(self, events: list[Event]) -> list[Person]:
        records = []
        for name, (hit, found) in self.people.items():
            same = self.by_sentence.get(self.doc.index(hit.start), [])
            end = found.end
            institution = None
            for h in same:
                if h.start < end:
                    continue
                if h.kind == "person" or h.start - end > 160:
                    break
                if h.kind == "institution":
                    institution = h.name
                    break
            title = found.title
            company = None
            if title:
                t_start, t_end = found.title_start, found.title_end
                after = next((h for h in same if h.kind == "company" and 0 <= h.start - t_end
                              <= 5 and re.match(r"\s(?:of|at)\s", self.text[t_end:h.start])),
                             None)
                before = next((h for h in reversed(same) if h.kind == "company"
                               and 0 <= t_start - h.end <= 4), None)
                owner = after or before
                company = owner.name if owner is not None else None
            if company is None:  # the company that appointed them
                company = next((e.company for e in events if e.kind == "appointment"
                                and e.person == name), None)
            records.append(Person(name, found.role,
                                  self.doc.sentence(hit.start),
                                  tuple(found.degrees), institution, title,
                                  company))
        return records

    def numbers(self, numbers: list[tuple[int, int, str, str]], events: list[Event],
                subject: str | None) -> Iterable[RegulatoryNumber]:
        seen = set()
        for start, _, number, kind in numbers:
            if number in seen:
                continue
            seen.add(number)
            event = next((e for e in events if e.kind == "clearance" and e.number == number),
                         None)
            if event is not None:
                product, company = event.product, event.company
            else:
                near = self.by_sentence.get(self.doc.index(start), [])
                product = next((h.name for h in near if h.kind == "product"), None)
                company = next((h.name for h in near if h.kind == "company"), subject)
            yield RegulatoryNumber(number, kind, self.doc.sentence(start), product, company)


_default: Extractor | None = None


def extract(title: str, body: str, published: str | None = None,
            as_today: bool = False) -> Extraction:
    """Extract with the shipped and ORTHOCRAWL_GAZETTEERS gazetteers (loaded on first use)."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default.extract(title, body, published, as_today)
