"""The replica's entity truth (issue 12): for every article, the companies it mentions (their
canonical names as of its date), the companies named only in a "Related:" aside (not the
article's), its subject, the people (surgeons with their degrees and institution, executives
with their title and company), products, institutions, regulatory numbers and events with
their fields.

The truth is what the article says, read with the generator's own knowledge: the fictional
names it writes (corpus/cast.toml; the companies' other names and tickers in gazetteer.toml,
the demo's gazetteer, and entities.toml, the companies that gazetteer leaves out on purpose),
the story's facts (corpus.writer.Facts) and the sentences that tell a launch or a clearance
(the corpus's own templates).
"""

from __future__ import annotations

import re
import tomllib
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .corpus import cast, parts

HERE = Path(__file__).parent
GAZETTEER = HERE / "gazetteer.toml"
UNLISTED = HERE / "entities.toml"
ASIDE = "Related: "


@dataclass(frozen=True)
class Known:
    """A company: its other names and tickers, the company it became part of and when."""

    name: str
    aliases: tuple[str, ...] = ()
    tickers: tuple[str, ...] = ()
    parent: str | None = None
    since: str | None = None  # ISO date: from then on, its name counts for the parent
    listed: bool = True  # in the replica's gazetteer

    def canonical(self, published: str) -> str:
        return self.parent if self.parent and self.since and published >= self.since \
            else self.name


def _read(path: Path, listed: bool) -> dict[str, Known]:
    rows = tomllib.loads(path.read_text(encoding="utf-8")).get("company", [])
    return {row["name"]: Known(row["name"], tuple(row.get("aliases", ())),
                               tuple(row.get("tickers", ())), row.get("parent"),
                               row.get("since"), listed) for row in rows}


COMPANIES: dict[str, Known] = _read(GAZETTEER, True) | _read(UNLISTED, False)


def _alternation(names: list[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))


_SURFACES = {surface: known for known in COMPANIES.values()
             for surface in (known.name, *known.aliases)}
_COMPANY = _alternation(list(_SURFACES))
_PRODUCT = rf"(?:{_alternation(list(cast.PRODUCT_ROOTS))})(?:-L|-C| TL| 2\.0| Pro| XT| Max)?"
_SUFFIXES = sorted(cast.PRODUCT_SUFFIXES, key=len, reverse=True)
# Every name, by its first word: (the name, its kind), longest first.
_NAMES: dict[str, list[tuple[str, str]]] = {}
for _name, _kind in sorted([*((s, "company") for s in _SURFACES),
                            *((r, "product") for r in cast.PRODUCT_ROOTS),
                            *((h, "institution") for h, _ in cast.HOSPITALS)],
                           key=lambda x: -len(x[0])):
    _NAMES.setdefault(re.match(r"[A-Z]\w*", _name).group(), []).append((_name, _kind))
_WORD = re.compile(r"(?<![\w&-])[A-Z]\w*")
_NAME = r"[A-Z][^\s,.;:()“”]*"
SURGEON = re.compile(rf"Dr\. ({_NAME} {_NAME})|({_NAME} {_NAME}), (MD, PhD|MD|DO)\b")
_PEOPLE = set(cast.FIRST_NAMES), set(cast.LAST_NAMES)
NUMBER = re.compile(r"K\d{6}\b")
_SENTENCE = re.compile(r"(?<!\bDr)(?<!\bSt)\.\s+(?=[A-Z“])")
# Event kinds of the stories' facts (parts.EVENTS): kind, status.
EVENTS = {"acquisition": ("acquisition", "announced"), "financing": ("financing", None),
          "clearance": ("clearance", "510(k)"), "launch": ("launch", "launch"),
          "first_cases": ("launch", "first cases"), "appointment": ("appointment", None),
          "partnership": ("partnership", None)}
FIELDS = ("kind", "company", "target", "product", "number", "amount", "currency", "round",
          "status")


@lru_cache(maxsize=1)
def _launches() -> list[tuple[re.Pattern[str], str, str | None]]:
    """The corpus's sentences that tell a launch or a clearance in passing (a year's launches;
    a clearance followed by a limited release is both): (their expression, event kind,
    status)."""
    slots = {"company": f"(?P<company>{_COMPANY})", "product": f"(?P<product>{_PRODUCT})"}
    out = []
    for template, kind, status in ((parts.LAUNCHES[0], "launch", "launch"),
                                   (parts.LAUNCHES[1], "clearance", "clearance"),
                                   (parts.LAUNCHES[1], "launch", "limited release")):
        pieces = re.split(r"\{(\w+)\}", template)
        expression = "".join(slots.get(p, ".+?") if n % 2 else re.escape(p)
                             for n, p in enumerate(pieces))
        out.append((re.compile(expression), kind, status))
    return out


def records(replica: Any) -> Iterator[dict[str, Any]]:
    """The truth of a replica (or a hub of them) with every article's entities added."""
    for site in getattr(replica, "sites", [replica]):
        posts = {post.url: post for post in site.posts}
        for record in site.truth():
            yield record | {"entities": truth(posts[record["url"]])}


def truth(post: Any) -> dict[str, Any]:
    """The entities of one article (a replica's post), from its title and body text."""
    if post not in _TRUTH:
        _TRUTH[post] = _truth(post)
    return _TRUTH[post]


_TRUTH: weakref.WeakKeyDictionary[Any, dict[str, Any]] = weakref.WeakKeyDictionary()


def _truth(post: Any) -> dict[str, Any]:
    published = _iso(post.published)
    lines = [post.title, *post.body_text.split("\n")]
    said = [line for line in lines if not line.startswith(ASIDE)]
    aside = [line.removeprefix(ASIDE) for line in lines if line.startswith(ASIDE)]
    text = "\n".join(said)
    facts = post.facts
    found = names(text, published)
    named = found["company"]
    asides = [n for n in names("\n".join(aside), published)["company"] if n not in named]
    subject = None  # the company a company's news is about, when its title or lead names it
    if facts is not None and facts.event:
        main = COMPANIES[facts.company.name].canonical(published)
        lead = next((line for line in said[1:] if line.strip()), "")
        subject = main if main in names(f"{post.title}\n{lead}", published)["company"] \
            else None
    return {
        "subject": subject, "companies": named, "asides": asides,
        "candidates": [n for n in named if not COMPANIES[n].listed],
        "people": _people(said, facts, text, found["institution"], published),
        "products": found["product"], "institutions": found["institution"],
        "numbers": _numbers(text, facts, found, published),
        "events": _events(text, facts, subject, found, published),
    }


def _iso(moment: Any) -> str:
    return f"{moment:%Y-%m-%d}"


def names(text: str, published: str) -> dict[str, list[str]]:
    """The companies (canonical as of ``published``), products and institutions ``text``
    names, in the order it first names them."""
    out: dict[str, dict[str, None]] = {"company": {}, "product": {}, "institution": {}}
    for word in _WORD.finditer(text):
        at = word.start()
        for name, kind in _NAMES.get(word.group(), ()):
            if not text.startswith(name, at):
                continue
            if kind == "product":
                end = at + len(name)
                suffix = next((x for x in _SUFFIXES if text.startswith(x, end)
                               and not _joined(text, end + len(x))), None)
                if suffix is None:  # a longer word
                    continue
                name += suffix
            elif _joined(text, at + len(name)):
                continue
            if kind == "company":
                name = _SURFACES[name].canonical(published)
            out[kind][name] = None
            break
    return {kind: list(found) for kind, found in out.items()}


def _joined(text: str, end: int) -> bool:
    """Whether a name ending at ``end`` goes on (a longer word: no name of ours)."""
    return text[end:end + 1].isalnum() or text[end:end + 1] == "-"


def _people(lines: list[str], facts: Any, text: str, institutions: list[str],
            published: str) -> list[dict[str, Any]]:
    """Surgeons as the text names them ("Dr. A B", "A B, MD"), with the hospital their
    sentence places them at; the story's executive, with the title and company it has."""
    found: dict[str, dict[str, Any]] = {}
    for line in lines:
        if "Dr. " not in line and ", MD" not in line and ", DO" not in line:
            continue
        for sentence in _SENTENCE.split(line):
            mentions = [m for m in SURGEON.finditer(sentence) if _surgeon(m.group(1) or
                                                                        m.group(2))]
            for n, m in enumerate(mentions):
                name = m.group(1) or m.group(2)
                person = found.setdefault(name, {
                    "name": name, "kind": "surgeon",
                    "degrees": m.group(3).split(", ") if m.group(3) else [],
                    "institution": None})
                end = mentions[n + 1].start() if n + 1 < len(mentions) else len(sentence)
                after = sentence[m.end():end]
                places = sorted((after.find(h), h) for h in institutions if h in after)
                if person["institution"] is None and places and \
                        "previously" not in after[:places[0][0]]:
                    person["institution"] = places[0][1]
    executive = facts.executive if facts is not None else None
    if executive is not None and executive.name in text:
        found[executive.name] = {"name": executive.name, "kind": "executive",
                                 "title": executive.role,
                                 "company": COMPANIES[executive.org].canonical(published)
                                 if executive.org in COMPANIES else executive.org}
    return list(found.values())


def _surgeon(name: str) -> bool:
    """A name of the cast's: a first name and a last name of cast.toml."""
    first, _, last = name.partition(" ")
    return first in _PEOPLE[0] and last in _PEOPLE[1]


def _numbers(text: str, facts: Any, found: dict[str, list[str]],
             published: str) -> list[dict[str, Any]]:
    """510(k) numbers, with the product and company of the story's own where the text names
    them."""
    out = []
    for number in dict.fromkeys(NUMBER.findall(text)):
        ours = facts is not None and facts.number == number
        company = COMPANIES[facts.company.name].canonical(published) if ours else None
        out.append({"number": number, "type": "510(k)",
                    "product": facts.product if ours and facts.product in found["product"]
                    else None, "company": company if company in found["company"] else None})
    return out


def _events(text: str, facts: Any, subject: str | None, found: dict[str, list[str]],
            published: str) -> list[dict[str, Any]]:
    """The story's own event, with the fields its text gives; and the launches and clearances
    a text tells in passing (a year's launches)."""
    out = []
    if subject is not None and facts.event in EVENTS:
        kind, status = EVENTS[facts.event]
        other = COMPANIES[facts.other.name].canonical(published)
        amount = f"${facts.amount // 1_000_000} million"
        money = kind in ("acquisition", "financing") and amount in text
        event = dict.fromkeys(FIELDS)
        event |= {"kind": kind, "company": subject, "status": status,
                  "target": other if kind in ("acquisition", "partnership")
                  and other in found["company"] else None,
                  "product": facts.product if kind in ("launch", "clearance")
                  and facts.product in found["product"] else None,
                  "number": facts.number if kind == "clearance" and facts.number in text else None,
                  "amount": facts.amount if money else None, "currency": "USD" if money else None,
                  "round": "growth" if kind == "financing" and "growth financing" in text
                  else None}
        if kind == "appointment" and facts.executive.name in text:
            event |= {"person": facts.executive.name, "title": facts.executive.role}
        out.append(event)
    for line in text.split("\n"):
        if "launched the" not in line and "received FDA clearance" not in line:
            continue
        for expression, kind, status in _launches():
            for m in expression.finditer(line):
                event = dict.fromkeys(FIELDS)
                event |= {"kind": kind, "status": status, "product": m.group("product"),
                          "company": _SURFACES[m.group("company")].canonical(published)}
                if event not in out:
                    out.append(event)
    return out
