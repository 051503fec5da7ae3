"""Writing what the plan (wire_plan.py) says a post is: its own story, a copy of another
site's original (verbatim, excerpt, rewrite) or a decoy of one.

A copy is written at the copying site's desk, in its markup: a verbatim copy re-inks the
original's text block by block (its figures and its own closing source lines left out), an
excerpt keeps the first blocks, a rewrite tells the original's facts in the site's own words
with a quote or two from it. A decoy is the site's own kind of story about the company (or
surgeon) of a story of the week before, telling other news.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any

from . import entities
from .blocks import Block, heading, item_list, quote, table
from .corpus import cast, parts, stories
from .corpus.writer import Facts, Person, Story, Writer, headline_case, possessive
from .wire import Role

BECKERS = ("Becker’s Spine Review", "https://www.beckersspine.com/")
_CLOSING = ("Source:", "SOURCE ", "###")
_SELF_LINKS = ("previously reported on the company", "we reported earlier")
_QUOTE_SAID = "” said "


def written(site: str, role: Role, make: Any, w: Writer, plan: Any) -> Story:
    """The story of a post of ``site`` in ``role``, written at desk ``w``."""
    if role.decoy_of:
        story = decoy(make, w, plan.story_of(role.source))
    elif role.copy == "original":
        story = make(w)
    else:
        source = plan.story_of(role.source)
        recast(w, source.facts, set(FACTS))
        story = COPIERS[role.copy](site, w, source, role, plan)
        story.facts = source.facts
    story.role = role
    return story


# -- facts --------------------------------------------------------------------------------
FACTS = ("company", "other", "product", "amount", "number", "executive", "surgeon")


def recast(w: Writer, facts: Facts, keep: set[str]) -> None:
    """The desk's facts (and the slots its templates read) become ``facts``' for ``keep``."""
    mine, s = w.facts, w.slots
    for name in keep:
        setattr(mine, name, getattr(facts, name))
    if "product" in keep:
        mine.device = facts.device
        device = facts.device
        s |= {"product": facts.product, "device": device.name, "device_lower": device.name.lower(),
              "device_noun": device.noun, "indication": device.indication}
    if "company" in keep:
        s |= w.cast_company(facts.company)
        if "executive" not in keep:  # the desk's own spokesperson, now of this company
            mine.executive = Person(mine.executive.name, mine.executive.role, facts.company.name)
    if "other" in keep:
        s["other_company"] = facts.other.name
    if "amount" in keep:
        s["amount"] = f"${facts.amount // 1_000_000} million"
    if "number" in keep:
        s["knum"] = facts.number
    if "executive" in keep:
        person = facts.executive
        s |= {"exec": person.name, "exec_title": person.role,
              "title_case": headline_case(person.role)}
    if "surgeon" in keep:
        s |= w.cast_surgeon(facts.surgeon)
        s["hospital_city"] = dict(cast.HOSPITALS).get(facts.surgeon.org, s["hospital_city"])


def area(facts: Facts) -> str:
    return "spine" if facts.device.spine else "orthopedics"


def categories(kind: str, facts: Facts) -> list[str]:
    """Generic categories of a copy (each site maps them onto its own)."""
    event = parts.EVENTS.get(facts.event)
    extra = [event.category] if event and event.category else []
    if kind == "interview":
        return ["interviews", "spine"]
    if kind == "news":
        return [area(facts), *extra]
    if facts.event == "clearance":
        return ["fda", area(facts)]
    return ["press-releases", area(facts), *extra]


def kind_of(source: Story) -> str:
    """The wire type of an original: a press release, an interview or news."""
    if source.kind in ("press_release", "fda_clearance", "press", "fda"):
        return "release"
    return "interview" if source.kind == "interview" else "news"


# -- verbatim copies and excerpts ----------------------------------------------------------
def reprint(w: Writer, blocks: list[Block]) -> list[Block]:
    """The blocks' text in this desk's markup: paragraphs as its editors paste them, headings,
    lists, quotes and tables alike; images, source lines and links back left out."""
    out: list[Block] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            out.extend(w.paras(list(run)))
            run.clear()

    for block in blocks:
        text, ink = block.text, w.ink
        if block.kind in ("p", "div", "loose"):
            if text and not text.startswith(_CLOSING) and not any(x in text for x in _SELF_LINKS):
                run.extend(text.split("\n"))
            continue
        flush()
        if block.kind == "embed":
            out.append(block)
        elif not text or block.kind == "figure":
            continue
        elif block.kind in ("h2", "h3", "h4"):
            out.append(heading(int(block.kind[1]), ink.t(text)))
        elif block.kind in ("ul", "ol"):
            out.append(item_list([ink.t(line.split(" ", 1)[1]) for line in text.split("\n")],
                                 block.kind == "ol"))
        elif block.kind == "blockquote":
            out.append(quote([ink.t(p) for p in text.split("\n\n")]))
        elif block.kind == "table":
            out.append(table([[ink.t(c) for c in row.split(" | ")] for row in text.split("\n")]))
    flush()
    return out


def _title(w: Writer, source: Story, site: str) -> str:
    """The copy's headline: the original's, in this site's casing, sometimes another one."""
    event = parts.EVENTS.get(source.facts.event)
    if event and event.headlines and w.chance(0.15):
        return w.fill(w.pick(event.headlines))
    if site == "orthospinenews" and source.role and source.role.story.startswith("beckers") \
            and w.chance(0.4):
        return headline_case(source.title)
    return source.title


def verbatim(site: str, w: Writer, source: Story, role: Role, plan: Any,
             blocks: list[Block] | None = None) -> Story:
    kind = kind_of(source)
    story = Story(_post_kind(site, kind, source.facts), title=_title(w, source, site),
                  blocks=blocks if blocks is not None else reprint(w, source.blocks),
                  categories=categories(kind, source.facts), tags=list(source.tags),
                  wire=source.wire, summary=source.summary, image_stem=source.image_stem,
                  image_alt=source.image_alt)
    return _dressed(site, w, story, role, plan)


def excerpt(site: str, w: Writer, source: Story, role: Role, plan: Any) -> Story:
    blocks = reprint(w, source.blocks)
    keep = min(len(blocks) - 1, w.rng.randint(2, 4)) if len(blocks) > 2 else 1
    blocks = blocks[:max(1, keep)]
    if site == "orthospinenews" and w.chance(0.5):
        ink = w.ink
        blocks.append(w.p(ink.join(["Read more at ", ink.a(BECKERS[1], BECKERS[0]), "."])))
    return verbatim(site, w, source, role, plan, blocks)


def _post_kind(site: str, kind: str, facts: Facts) -> str:
    if site == "spinemarketgroup":
        return "press" if kind == "release" else "trade"
    if kind == "release":
        return "fda_clearance" if facts.event == "clearance" else "press_release"
    return kind


def _dressed(site: str, w: Writer, story: Story, role: Role, plan: Any) -> Story:
    """The copy as its site prints a story from elsewhere: OrthoSpineNews and Spine Market
    Group name the Becker's writers and Becker's as the source."""
    original, index = role.source or ("", 0)
    writers = _authors(index, plan.seed) if original == "beckersspine" else None
    if site == "orthospinenews" and writers:
        story.syndicated, story.bylines = True, writers
        story.source, story.source_url = BECKERS[0], _url("beckersspine", index, plan)
    if site == "spinemarketgroup":
        module = importlib.import_module("orthocrawl.replica.spinemarket.stories")
        if story.kind == "trade":
            return module.trade(w, story, writers, BECKERS)
        return module.press(w, story)
    return story


def _authors(index: int, seed: int) -> list[str]:
    return importlib.import_module("orthocrawl.replica.beckers.content").byline(index, seed)[1]


def _url(site: str, index: int, plan: Any) -> Any:
    """The original's URL, known once that site is built (only its pages print it)."""
    articles, seed = plan.articles, plan.seed
    return lambda: _built(site, articles, seed)[index].url


@lru_cache(maxsize=2)
def _built(site: str, articles: int, seed: int) -> list[Any]:
    from .registry import build

    return list(build(site, articles, seed).posts)


# -- rewrites -------------------------------------------------------------------------------
def quotes(source: Story) -> list[str]:
    """The quoted sentences of the original: “...,” said NAME, ROLE. “...”"""
    found = []
    for text in (line for block in source.blocks for line in block.text.split("\n")):
        if text.startswith("“") and _QUOTE_SAID in text:
            first, _, rest = text.partition(_QUOTE_SAID)
            found.append(first.strip("“”,"))
            second = rest.partition("“")[2].rstrip("”").rstrip(".")
            if second:
                found.append(second)
    return found


def rewrite(site: str, w: Writer, source: Story, role: Role, plan: Any) -> Story:
    """A shorter piece in the site's own words: the original's event as news, its facts and
    numbers, a quote or two from it."""
    facts, s = source.facts, w.slots
    title, lead = _TOLD.get(facts.event) or (parts.EVENTS[facts.event].news,
                                             parts.EVENTS[facts.event].lead)
    said = quotes(source)
    title, lead = w.fill(title), _named(w, facts, w.fill(lead))
    details = [w.fill(x) for x in w.rng.sample(_REWRITE_DETAIL, 3)]
    texts = [lead, *details]
    if said:
        who = f"{s['exec']}, {s['exec_title']} of {s['company']}"
        texts.append(w.pick((f"“{said[0]},” said {who}.", f"{who}, said: “{said[0]}.”")))
        if len(said) > 1 and w.chance(0.5):
            texts.append(f"“{said[1]},” {s['exec']} added.")
    story = Story("news", title=title, categories=categories("news", facts),
                  facts=facts)
    if site == "beckersspine" and w.chance(0.4):
        story.title = f"{story.title}: {len(texts)} things to know"
        blocks = w.things(texts)
    else:
        blocks = w.paras([f"{texts[0]} {texts[1]}", " ".join(texts[2:4]), *texts[4:]])
    return story.done(blocks, stories.tags(w), lead if w.chance(0.4) else None,
                      (story.title[:40], facts.company.name))


def _named(w: Writer, facts: Facts, lead: str) -> str:
    """The lead, sometimes with the company's ticker beside its first name; after the lead the
    rewrite may call the company by its short name (its alias), possessives included."""
    known = entities.COMPANIES[facts.company.name]
    if known.tickers and w.chance(0.4):
        exchange, _, symbol = known.tickers[0].partition(":")
        name = facts.company.name
        lead = lead.replace(name, f"{name} ({exchange}: {symbol})", 1)
    if known.aliases and w.chance(0.6):
        w.slots |= {"company": known.aliases[0], "company_poss": possessive(known.aliases[0])}
    return lead


# How the rewriting sites tell an event whose news title does not name the company.
_TOLD = {"first_cases": ("First cases done with {company_poss} {product} {device_lower}",
                         "Surgeons at {hospital} completed the first cases with the {product} "
                         "{device_lower} from {company}.")}
_REWRITE_DETAIL = (
    "The {device_noun} is indicated for {indication}.",
    "{company} is {company_what} based in {hq}.",
    "The company plans to make the {product} available to more surgeons in {next_year}.",
    "Surgeons at {small} centers took part in the early work on the system.",
    "The news follows a busy year for {company}, which has added to its {market_lower} line.",
    "Spine companies have raced to bring similar systems to the outpatient market.",
    "Hospital buyers have pushed device makers for lower prices on implants like this one.",
    "The company did not say how many sales representatives will carry the {product}.",
    "A spokesperson for {company} did not give a price for the system.",
    "Rivals in the {market_lower} market are working on similar designs.",
    "{company_poss} sales team will carry the {product} in the United States.",
)


# -- decoys ---------------------------------------------------------------------------------
def decoy(make: Any, w: Writer, source: Story) -> Story:
    """Other news about the source story's company (or, for an interview, its surgeon), in the
    site's own kind of story: another event, another product or number."""
    facts = source.facts
    if source.kind == "interview":
        recast(w, facts, {"surgeon"})
        return _aside(w, make(w))
    keep = {"company"} | ({"executive"} if w.chance(0.5) else set())
    if facts.event != "clearance" and w.chance(0.5):
        keep.add("product")  # a follow-up on the same product
    recast(w, facts, keep)
    pool = parts.RELEASES if make.__name__ in ("release", "press") else _NEWS_EVENTS
    w.event = w.pick([e for e in pool if e != facts.event])
    return _aside(w, make(w))


def _aside(w: Writer, story: Story) -> Story:
    """A "Related:" line after the opening paragraphs, on another company's news: a name the
    article mentions that is not what it is about."""
    named = {w.facts.company.name, w.facts.other.name}
    company = w.pick([c for c in cast.COMPANIES if c.name not in named])
    line = f"{_RELATED}{w.fill(w.pick(_ASIDES), company=company.name)}"
    blocks = story.blocks
    at = next((n + 1 for n, b in enumerate(blocks[:3]) if b.kind == "p"), 0)
    blocks.insert(at, w.p(line))
    return story


_RELATED = entities.ASIDE
_ASIDES = ("{company} opens a training center for spine surgeons",
           "{company} names a new chief financial officer",
           "{company} adds a distribution partner in Europe",
           "{company} reports first-quarter revenue")


_NEWS_EVENTS = ("acquisition", "financing", "earnings", "first_cases", "center", "launch",
                "appointment", "partnership")


COPIERS = {"verbatim": verbatim, "excerpt": excerpt, "rewrite": rewrite}
