"""The writer's desk every replica shares: one story's facts, slot filling, paragraphs.

A story's facts (the company, other company, product, device, amount, 510(k) number,
executive and surgeon it names) are drawn once and kept as structured data on the story;
templates (parts.py) read them as ``{slots}``. A publisher's desk subclasses Writer to write
its own markup: images, links back, how pasted paragraphs look, which extras it prints.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from random import Random
from typing import Any, ClassVar, TypeVar

from ..blocks import Block, item_list, paragraph
from ..inline import Ink, Span
from ..timefmt import DAYS, MONTHS, local
from . import cast, parts
from .cast import Company, Device

T = TypeVar("T")
_SLOT = re.compile(r"\{(\w+)\}")

# Numbers and words drawn afresh at every use of the slot.
DYNAMIC: dict[str, Callable[[Random], str]] = {
    "num": lambda r: str(r.randint(3, 40)),
    "small": lambda r: str(r.randint(2, 6)),
    "months": lambda r: str(r.choice((6, 12, 18, 24, 36))),
    "years": lambda r: str(r.randint(8, 30)),
    "hundreds": lambda r: f"{r.randint(1, 9) * 100 + r.choice((0, 50))}",
    "pct_small": lambda r: f"{r.randint(1, 9)}.{r.randint(0, 9)}",
    "pct_high": lambda r: str(r.randint(88, 98)),
    "benefit": lambda r: r.choice(parts.BENEFITS),
    "material": lambda r: r.choice(parts.MATERIALS),
    "weekday": lambda r: r.choice(DAYS[:5]),
}


def possessive(name: str) -> str:
    return f"{name}’" if name.endswith("s") else f"{name}’s"


def headline_case(text: str) -> str:
    """``senior vice president of marketing`` -> ``Senior Vice President of Marketing``."""
    small = {"of", "and", "the", "for", "in", "on", "a"}
    return " ".join(w if w.isupper() else w.capitalize() if n == 0 or w not in small else w
                    for n, w in enumerate(text.split()))


def surgeon_name(first: str, last: str) -> str:
    """How stories name a surgeon: "Dr. A B", or "A B, MD" with the degrees this surgeon holds
    (drawn from the name: the same in every story)."""
    degrees = Random(f"{first} {last}").choice((None, None, None, "MD", "MD", "MD, PhD", "DO"))
    return f"{first} {last}, {degrees}" if degrees else f"Dr. {first} {last}"


def person(rng: Random) -> str:
    return f"{rng.choice(cast.FIRST_NAMES)} {rng.choice(cast.LAST_NAMES)}"


@dataclass(slots=True)
class Person:
    name: str
    role: str  # "CEO", "an orthopedic spine surgeon"
    org: str  # the company or hospital


@dataclass(slots=True)
class Facts:
    """Who and what a story is about, as structured data."""

    company: Company
    other: Company
    product: str
    device: Device
    amount: int  # US dollars
    number: str  # the product's 510(k) number
    executive: Person
    surgeon: Person
    event: str = ""  # parts.EVENTS kind the story tells, if it tells one


@dataclass
class Story:
    """What a story format writes; each replica turns it into a post."""

    kind: str
    title: str = ""
    blocks: list[Block] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)  # generic slugs, primary first
    tags: list[str] = field(default_factory=list)
    syndicated: bool = False  # a trade outlet's story: the body opens with its byline
    wire: tuple[str, str] | None = None  # press-release wire named in the dateline
    summary: str | None = None  # a hand-written description, if any
    image_stem: str = ""
    image_alt: str = ""
    bylines: list[str] = field(default_factory=list)  # names in a byline block
    byline_block: Block | None = None
    source: str | None = None  # the publisher a closing "Source:" line names
    source_url: Any = None  # where a Source block links (a function: known once built)
    facts: Facts | None = None
    role: Any = None  # its place on the wire (wire.Role)

    def done(self, blocks: list[Block], tags: list[str], summary: str | None = None,
             image: tuple[str, str] | None = None) -> Story:
        """The story written: its blocks, tags, summary and (stem, alt) of its image."""
        self.blocks, self.tags, self.summary = blocks, tags, summary
        if image:
            self.image_stem, self.image_alt = image
        return self


class Writer:
    """One story's writer: its rng, its inline ink, its facts and slots."""

    # Optional blocks this desk writes (see stories.py); a publisher's desk names its own.
    extras: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, rng: Random, ink: Ink, published: datetime, post_id: int) -> None:
        self.rng = rng
        self.ink = ink
        self.published = published
        self.post_id = post_id
        self.month = f"{local(published):%Y/%m}"
        self.images = 0
        self.docs_spans = rng.random() < 0.12  # pasted from an online editor
        self.double_space = rng.random() < 0.1  # ".&nbsp; " after sentences
        self.facts, self.slots = self._cast()
        self.event: str | None = None  # the news the story must tell (the wire's decoys)
        self._deck: list[str] = []

    def _cast(self) -> tuple[Facts, dict[str, str]]:
        r = self.rng
        company, other = r.sample(cast.COMPANIES, 2)
        device = r.choice(cast.DEVICES)
        product = r.choice(cast.PRODUCT_ROOTS) + r.choice(cast.PRODUCT_SUFFIXES)
        hospital, city = r.choice(cast.HOSPITALS)
        first, last = r.choice(cast.FIRST_NAMES), r.choice(cast.LAST_NAMES)
        surgeon = Person(surgeon_name(first, last), r.choice(cast.SURGEON_ROLES), hospital)
        executive = Person(person(r), r.choice(cast.EXEC_TITLES), company.name)
        amount = r.choice((12, 18, 25, 30, 42, 55, 60, 75, 90, 120, 150)) * 1_000_000
        number = f"K{r.randint(10, 26):02d}{r.randint(0, 9999):04d}"
        facts = Facts(company, other, product, device, amount, number, executive, surgeon)
        procedure, short, specialty = r.choice(cast.PROCEDURES)
        factor = r.choice(cast.FACTORS)
        bad = r.choice(cast.BAD_OUTCOMES)
        region, market = r.choice(cast.REGIONS), r.choice(cast.MARKETS)
        topic_a, topic_b = r.sample(parts.UPDATE_TOPICS, 2)
        year = local(self.published).year
        lead_first, lead_last = r.choice(cast.FIRST_NAMES), r.choice(cast.LAST_NAMES)
        slots = {  # and the company's and the surgeon's (cast_company, cast_surgeon)
            "other_company": other.name, "product": product, "device": device.name,
            "device_lower": device.name.lower(), "device_noun": device.noun,
            "indication": device.indication, "amount": f"${amount // 1_000_000} million",
            "knum": number, "exec": executive.name, "exec_title": executive.role,
            "title_case": headline_case(executive.role), "hospital_city": city,
            "hospital2": r.choice(cast.HOSPITALS)[0], "lead": lead_last,
            "lead_name": f"{lead_first} {lead_last}", "topic": r.choice(cast.TOPICS),
            "procedure": procedure, "short": short, "specialty_slug": specialty,
            "specialty": cast.SPECIALTIES[specialty].lower(),
            "specialty_title": cast.SPECIALTIES[specialty],
            "technology": r.choice(cast.TECHNOLOGIES), "factor": factor,
            "factor_cap": factor[0].upper() + factor[1:], "factor_title": headline_case(factor),
            "outcome": r.choice(cast.OUTCOMES), "bad_outcome": bad,
            "region": region, "region_lower": "global" if region == "Global" else region,
            "market": market, "market_lower": market.lower(), "firm": r.choice(cast.FIRMS),
            "segment": r.choice(cast.SEGMENTS),
            "billions": f"${r.randint(2, 19)}.{r.randint(1, 9)} billion",
            "cagr": f"{r.randint(3, 11)}.{r.randint(0, 9)}",
            "cases": str(r.randrange(40, 900, 5)), "pct": str(r.randint(12, 78)),
            "year": str(year), "next_year": str(year + 1), "next_year2": str(year + 2),
            "year_far": str(year + r.randint(5, 9)), "year_a": str(year - r.randint(4, 8)),
            "year_b": str(year - 1), "founded": str(r.randint(1994, 2011)),
            "issue": f"{MONTHS[local(self.published).month - 1]} {r.choice((1, 15))}, {year}",
            "topic_a": topic_a, "topic_b": topic_b, "topic_lower": topic_a.lower(),
            "age": str(r.randint(12, 19)), "sport": r.choice(cast.SPORTS),
            "rare": r.choice(cast.RARE), "months_small": str(r.randint(2, 9)),
        }
        return facts, self.cast_company(company, slots) | self.cast_surgeon(surgeon, slots)

    @staticmethod
    def cast_company(company: Company, slots: dict[str, str] | None = None) -> dict[str, str]:
        return {**(slots or {}), "company": company.name, "company_poss": possessive(company.name),
                "company_what": company.what, "hq": company.hq, "company_site": company.site}

    @staticmethod
    def cast_surgeon(surgeon: Person, slots: dict[str, str] | None = None) -> dict[str, str]:
        return {**(slots or {}), "surgeon": surgeon.name, "surgeon_role": surgeon.role,
                "surgeon_last": "Dr. " + surgeon.name.partition(",")[0].rsplit(" ", 1)[1],
                "hospital": surgeon.org}

    def recast_surgeon(self) -> None:
        """Another surgeon at another hospital (lists and panels name several)."""
        r = self.rng
        hospital, city = r.choice(cast.HOSPITALS)
        name = surgeon_name(r.choice(cast.FIRST_NAMES), r.choice(cast.LAST_NAMES))
        self.slots = self.cast_surgeon(Person(name, r.choice(cast.SURGEON_ROLES), hospital),
                                       self.slots) | {"hospital_city": city}

    # -- picking and filling ---------------------------------------------------------------
    def pick(self, seq: Sequence[T]) -> T:
        return self.rng.choice(seq)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def fill(self, template: str, rng: Random | None = None, **extra: str) -> str:
        """The template with its slots filled: the story's facts, ``extra`` ones, or numbers
        drawn from ``rng`` (default: the story's)."""
        slots, rng = self.slots | extra if extra else self.slots, rng or self.rng

        def slot(match: re.Match[str]) -> str:
            value = slots.get(match.group(1))
            return DYNAMIC[match.group(1)](rng) if value is None else value

        text = _SLOT.sub(slot, template)
        name = slots.get("surgeon", "")
        if ", " in name and f"{name} " in text:  # "A B, MD, completed": degrees set off
            text = re.sub(rf"{re.escape(name)} (?=[a-z])", f"{name}, ", text)
        return text

    def sentences(self, pool: Sequence[str], k: int) -> str:
        return " ".join(self.fill(s) for s in self.rng.sample(pool, min(k, len(pool))))

    def answer(self, k: int) -> str:
        """``k`` sentences of a surgeon's answer, never one twice in a row (a dealt deck)."""
        out = []
        for _ in range(k):
            if not self._deck:
                self._deck = self.rng.sample(parts.ANSWERS, len(parts.ANSWERS))
            out.append(self.fill(self._deck.pop()))
        return " ".join(out)

    # -- blocks ----------------------------------------------------------------------------
    def linked(self, text: str) -> Span:
        """Plain text with the company or product name sometimes a link or bold."""
        ink, slots = self.ink, self.slots
        if self.double_space and ". " in text:
            text = text.replace(". ", ".\u00a0 ")
        for name, make in ((slots["company"], lambda s: ink.a(slots["company_site"], s)),
                           (slots["product"], ink.b)):
            at = text.find(name)
            if at >= 0 and self.chance(0.3):
                return ink.join([text[:at], make(name), text[at + len(name):]])
        return ink.t(text)

    def p(self, text: str | Span) -> Block:
        span = self.linked(text) if isinstance(text, str) else text
        return paragraph(span, docs_spans=self.docs_spans)

    def para(self, pool: Sequence[str], k: int) -> Block:
        return self.p(self.sentences(pool, k))

    def items(self, pool: Sequence[str], k: int, ordered: bool = False) -> Block:
        return item_list([self.linked(self.fill(s)) for s in self.rng.sample(pool, k)], ordered)

    # -- the desk's own markup: hooks a publisher's desk writes its own way ----------------
    def paras(self, texts: Sequence[str | Span]) -> list[Block]:
        """Paragraphs in a row, as this site's editors put them on the page."""
        return [self.p(t) for t in texts]

    def things(self, items: Sequence[str]) -> list[Block]:
        """A list of things to know, as this site writes one."""
        return [item_list([self.linked(t) for t in items], ordered=self.chance(0.6))]

    def older_link(self) -> Block:
        """A paragraph that links an older post of the site (as previously reported)."""
        raise NotImplementedError

    def figure(self, stem: str, caption: str | None, alt: str = "") -> Block:
        """An in-body image with its caption, in the site's markup."""
        raise NotImplementedError
