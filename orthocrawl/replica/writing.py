"""The writer's desk: one post's cast of characters, slot filling and paragraph making."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from random import Random
from typing import TypeVar

from . import phrases, vocab
from .blocks import Block, paragraph
from .inline import Ink, Span
from .timefmt import DAYS, local

T = TypeVar("T")
_SLOT = re.compile(r"\{(\w+)\}")
_ORDINALS = ("second", "third", "fourth", "fifth", "sixth")

# Slots drawn afresh at every use.
DYNAMIC: dict[str, Callable[[Random], str]] = {
    "num": lambda r: str(r.randint(3, 40)),
    "small": lambda r: str(r.randint(2, 6)),
    "small2": lambda r: str(r.randint(3, 9)),
    "cases": lambda r: str(r.randrange(40, 900, 5)),
    "hundreds": lambda r: f"{r.randint(1, 9) * 100 + r.choice((0, 50))}",
    "pct": lambda r: str(r.randint(12, 78)),
    "pct_small": lambda r: f"{r.randint(1, 9)}.{r.randint(0, 9)}",
    "pct_high": lambda r: str(r.randint(88, 98)),
    "months": lambda r: str(r.choice((6, 12, 18, 24, 36))),
    "years": lambda r: str(r.randint(8, 30)),
    "amount": lambda r: f"${r.choice((12, 18, 25, 30, 42, 55, 60, 75, 90, 120, 150))} million",
    "billions": lambda r: f"${r.randint(2, 19)}.{r.randint(1, 9)} billion",
    "cagr": lambda r: f"{r.randint(3, 11)}.{r.randint(0, 9)}",
    "benefit": lambda r: r.choice(phrases.BENEFITS),
    "knum": lambda r: f"{r.randint(10, 26):02d}{r.randint(0, 9999):04d}",
    "ordinal": lambda r: r.choice(_ORDINALS),
    "weekday": lambda r: r.choice(DAYS[:5]),
    "material": lambda r: r.choice(phrases.MATERIALS),
    "segment": lambda r: r.choice(vocab.MARKET_SEGMENTS),
    "technology": lambda r: r.choice(vocab.TECHNOLOGIES),
    "field": lambda r: r.choice(phrases.FIELDS),
}


def possessive(name: str) -> str:
    return f"{name}’" if name.endswith("s") else f"{name}’s"


def headline_case(text: str) -> str:
    """``senior vice president of marketing`` -> ``Senior Vice President of Marketing``."""
    small = {"of", "and", "the", "for", "in", "on", "a"}
    words = [w if w.isupper() else w.capitalize() if n == 0 or w not in small else w
             for n, w in enumerate(text.split())]
    return " ".join(words)


def person(rng: Random) -> str:
    return f"{rng.choice(vocab.FIRST_NAMES)} {rng.choice(vocab.LAST_NAMES)}"


@dataclass
class Story:
    """What a story generator writes; content.py turns it into a post."""

    kind: str
    title: str = ""
    blocks: list[Block] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)  # slugs, primary first
    tags: list[str] = field(default_factory=list)
    syndicated: bool = False  # the body opens with a writer's byline
    wire: tuple[str, str] | None = None  # press-release wire named in the dateline
    summary: str | None = None  # the hand-written meta description, if any
    image_stem: str = ""
    image_alt: str = ""
    lead_caption: str | None = None


class Writer:
    """Everything a story generator needs: the post's rng, its inline ink and its facts."""

    def __init__(self, rng: Random, ink: Ink, published: datetime, post_id: int) -> None:
        self.rng = rng
        self.ink = ink
        self.published = published
        self.post_id = post_id
        self.month = f"{local(published):%Y/%m}"
        self.images = 0
        self.docs_spans = rng.random() < 0.12  # pasted from an online editor
        self.double_space = rng.random() < 0.1  # ".&nbsp; " after sentences
        self.facts = self._cast()
        # Numbers a story has committed to (a title's "680-patient study"): later slots of
        # that name still draw from the generator, so every other draw stays where it was.
        self.pinned: dict[str, str] = {}

    def _cast(self) -> dict[str, str]:
        r = self.rng
        company, other = r.sample(vocab.COMPANIES, 2)
        device, noun, indication = r.choice(vocab.DEVICES)
        hospital, city = r.choice(vocab.HOSPITALS)
        hospital2 = r.choice(vocab.HOSPITALS)[0]
        first, last = r.choice(vocab.FIRST_NAMES), r.choice(vocab.LAST_NAMES)
        region = r.choice(vocab.REGIONS)
        year = local(self.published).year
        market = r.choice(vocab.MARKETS)
        product = r.choice(vocab.PRODUCT_ROOTS) + r.choice(vocab.PRODUCT_SUFFIXES)
        return {
            "company": company[0], "company_poss": possessive(company[0]),
            "company_desc": company[1], "hq": company[2],
            "company_site": f"https://www.{company[3]}.example/",
            "other_company": other[0], "product": product, "device": device,
            "device_lower": device.lower(), "device_noun": noun, "indication": indication,
            "hospital": hospital, "hospital_city": city, "hospital2": hospital2,
            "surgeon": f"Dr. {first} {last}", "surgeon_last": f"Dr. {last}",
            "surgeon_role": r.choice(vocab.SURGEON_ROLES),
            "exec": person(r), "exec_title": r.choice(vocab.EXEC_TITLES),
            "topic": r.choice(vocab.TOPICS), "procedure": r.choice(vocab.PROCEDURES),
            "region": region, "region_lower": "global" if region == "Global" else region,
            "market": market, "market_lower": market.lower(),
            "firm": r.choice(vocab.RESEARCH_FIRMS),
            "year": str(year), "next_year": str(year + 1), "next_year2": str(year + 2),
            "year_far": str(year + r.randint(5, 9)), "year_a": str(year - r.randint(4, 8)),
            "year_b": str(year - 1), "founded": str(year - r.randint(3, 25)),
            "city": r.choice(vocab.DATELINE_CITIES),
        }

    # -- picking -------------------------------------------------------------------------
    def pick(self, seq: Sequence[T]) -> T:
        return self.rng.choice(seq)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def fill(self, template: str, rng: Random | None = None) -> str:
        rng = rng or self.rng
        facts = self.facts

        def slot(match: re.Match[str]) -> str:
            key = match.group(1)
            value = facts.get(key)
            if value is not None:
                return value
            drawn = DYNAMIC[key](rng)
            return self.pinned.get(key, drawn)

        return _SLOT.sub(slot, template)

    def pin_patients(self, title: str) -> None:
        """A title that gives a study's size ("680-patient study") holds the body to it."""
        size = re.search(r"(\d+)-patient", title)
        if size:
            self.pinned["cases"] = size.group(1)

    def sentences(self, pool: Sequence[str], k: int) -> str:
        chosen = self.rng.sample(pool, min(k, len(pool)))
        return " ".join(self.fill(s) for s in chosen)

    # -- blocks ----------------------------------------------------------------------------
    def linked(self, text: str) -> Span:
        """Plain text with a company or product name sometimes turned into a link or bold."""
        ink, f = self.ink, self.facts
        if self.double_space and ". " in text:
            text = text.replace(". ", ".\u00a0 ")
        for name, make in ((f["company"], lambda s: ink.a(f["company_site"], s)),
                           (f["product"], ink.b)):
            at = text.find(name)
            if at >= 0 and self.chance(0.3):
                return ink.join([text[:at], make(name), text[at + len(name):]])
        return ink.t(text)

    def para(self, pool: Sequence[str], k: int) -> Block:
        return self.p(self.sentences(pool, k))

    def p(self, text: str | Span) -> Block:
        span = self.linked(text) if isinstance(text, str) else text
        return paragraph(span, docs_spans=self.docs_spans)

    # Hooks each publisher's desk writes its own way (OrthoSpineNews: orthospinenews/desk.py).
    def older_link(self) -> Block:
        """A paragraph that links an older post of the site (as previously reported)."""
        raise NotImplementedError

    def figure(self, stem: str, caption: str | None, alt: str = "") -> Block:
        """An in-body image with its caption, in the site's markup."""
        raise NotImplementedError
