"""Story generators for company news: press releases, FDA clearances, market reports."""

from __future__ import annotations

from random import Random

from . import phrases, vocab
from .blocks import Block, heading, item_list, spacer, table
from .timefmt import ap_date
from .writing import Story, Writer, headline_case, person

_ANNOUNCE = {
    "launch": "the full commercial launch of the {product} {device_lower}",
    "first_cases": "the completion of the first surgical cases with its {product} {device_lower}",
    "funding": "the close of a {amount} growth financing",
    "acquisition": "a definitive agreement to acquire {other_company}",
    "appointment": "the appointment of {exec} as {exec_title}",
    "partnership": "a distribution partnership with {other_company}",
}
_TITLES = {
    "launch": ("{company} Launches {product} {device}",
               "{company} Announces Full Commercial Launch of {product} {device}"),
    "first_cases": ("First Cases Completed With {company_poss} {product} {device}",
                    "{company} Celebrates First Surgeries Using “{product}” {device}"),
    "funding": ("{company} Raises {amount} to Expand {product} Platform",
                "{company} Closes {amount} Financing – Plans {product} Expansion"),
    "acquisition": ("{company} to Acquire {other_company}",
                    "{company} Completes Acquisition of {other_company}"),
    "appointment": ("{company} Names {exec} {title_case}",
                    "{company} Appoints {exec} as {title_case}"),
    "partnership": ("{company} & {other_company} Announce Distribution Partnership",
                    "{company} and {other_company} Partner on {product} Distribution"),
}


def _area(w: Writer) -> str:
    spine = any(k in w.facts["device"] for k in ("Spine", "Interbody", "Cervical", "Pedicle",
                                                 "Lumbar", "Sacroiliac", "Cage", "Vertebral"))
    return "spine" if spine else "orthopedics"


def _tags(w: Writer, extra: tuple[str, ...] = ()) -> list[str]:
    if w.chance(0.2):
        return []
    tags = w.rng.sample(vocab.TAGS, w.rng.randint(1, 4)) + list(extra)
    if w.chance(0.5):
        tags.append(w.facts["company"])
    return list(dict.fromkeys(tags))


def about_block(w: Writer, level: int) -> list[Block]:
    """The company boilerplate: the same words every time this company appears."""
    company = w.facts["company"]
    rng = Random(f"about-{company}")
    founded, w.facts["founded"] = w.facts["founded"], str(rng.randint(1994, 2011))
    rest = sorted(rng.sample(range(1, len(phrases.ABOUT)), 2))
    body = " ".join(w.fill(phrases.ABOUT[k], rng) for k in (0, *rest))
    w.facts["founded"] = founded
    title = w.ink.t(f"About {company}")
    head = heading(level, title) if level else w.p(w.ink.b(title))
    site = w.facts["company_site"]
    return [head, w.p(w.ink.join([w.linked(body), " For more information, visit ",
                                  w.ink.a(site, site.removeprefix("https://")), "."]))]


def _quote(w: Writer, pool: tuple[str, ...], who: str, role: str) -> Block:
    first, second = (w.fill(q) for q in w.rng.sample(pool, 2))
    return w.p(f"“{first},” said {who}, {role}. “{second}.”")


def press_release(w: Writer) -> Story:
    f, ink = w.facts, w.ink
    variant = w.pick(tuple(_ANNOUNCE))
    f["title_case"] = headline_case(f["exec_title"])
    story = Story("press_release", title=w.fill(w.pick(_TITLES[variant])))
    story.categories = ["press-releases", _area(w)]
    if variant in ("funding", "acquisition"):
        story.categories.append("business-finance")
    story.wire = w.pick(vocab.WIRES) if w.chance(0.6) else None
    wire = f" /{story.wire[0]}/" if story.wire else ""
    dash = w.pick(("—", "--", "–"))
    lead = (f"{f['city']}, {ap_date(w.published)}{wire} {dash} {f['company']}, "
            f"{f['company_desc']}, today announced {w.fill(_ANNOUNCE[variant])}.")
    blocks = [w.p(lead + " " + w.sentences(phrases.PRESS_DETAIL, 1))]
    for _ in range(w.rng.randint(1, 3)):
        blocks.append(w.para(phrases.PRESS_DETAIL, w.rng.randint(2, 3)))
    blocks.append(_quote(w, phrases.PRESS_QUOTE, f["exec"], f"{f['exec_title']} of "
                         f"{f['company']}"))
    if w.chance(0.45):
        blocks.append(w.p(w.fill("Key features of the {product} {device_lower} include:")))
        feats = w.rng.sample(phrases.FDA_FEATURES, w.rng.randint(3, 5))
        blocks.append(item_list([w.linked(w.fill(x)) for x in feats]))
    if w.chance(0.3):
        blocks.append(w.figure(f"{f['company']} {f['product']}", w.pick((
            w.fill("The {product} {device_lower}."),
            w.fill("The {product} instrument set. Image courtesy of {company}."), None))))
    if w.chance(0.5):
        blocks.append(_quote(w, phrases.SURGEON_QUOTE, f["surgeon"],
                             f"{f['surgeon_role']} at {f['hospital']}"))
    if w.chance(0.2):
        blocks.append(w.older_link())
    if w.chance(0.15):
        blocks.append(spacer())
    blocks += about_block(w, w.pick((2, 3, 3, 0)))
    if w.chance(0.4):
        blocks.append(heading(3, ink.t("Forward-Looking Statements")))
        blocks.append(w.p(w.fill(phrases.FORWARD)))
    if w.chance(0.6):
        name = person(w.rng)
        mail = f"media@{f['company_site'].removeprefix('https://www.').rstrip('/')}"
        phone = f"(555) {w.rng.randint(100, 199):03d}-{w.rng.randint(1000, 9999)}"
        blocks.append(w.p(ink.join([ink.b("Media Contact:"), ink.br(), name, ink.br(),
                                    ink.a(f"mailto:{mail}", mail), ink.br(), phone])))
    if story.wire and w.chance(0.5):
        blocks.append(w.p(f"SOURCE {f['company']}"))
    story.blocks = blocks
    story.tags = _tags(w, ("press release",) if w.chance(0.3) else ())
    if w.chance(0.6):
        story.summary = w.fill(w.pick((
            "{company} announced {announce}.",
            "{company}, {company_desc}, shared news about its {product} platform.",
            "The {hq} company says the move strengthens its position in {market_lower}.",
        )).replace("{announce}", _ANNOUNCE[variant]))
    story.image_stem = f"{f['company']} {variant}"
    story.image_alt = f["company"]
    return story


def fda_clearance(w: Writer) -> Story:
    f = w.facts
    story = Story("fda_clearance", categories=["fda", _area(w)])
    if w.chance(0.3):  # a trade outlet's "things to know" version
        story.syndicated = True
        n = w.rng.randint(3, 6)
        story.title = w.fill(f"FDA clears {{company_poss}} {{product}}: {n} things to know")
        facts = w.rng.sample(phrases.FDA_DETAIL + phrases.THINGS, n)
        story.blocks = [w.para(phrases.FDA_DETAIL, 1),
                        item_list([w.linked(w.fill(s)) for s in facts], ordered=True)]
    else:
        story.title = w.fill(w.pick((
            "{company} Receives FDA 510(k) Clearance for {product} {device}",
            "FDA Clears {company_poss} {product} {device}",
            "{company} Earns FDA Nod for “{product}” {device}",
        )))
        lead = " ".join(w.fill(x) for x in phrases.FDA_DETAIL[:2])
        blocks = [w.p(f"{f['city']}, {ap_date(w.published)} — {lead}")]
        blocks.append(w.para(phrases.FDA_DETAIL[2:], w.rng.randint(2, 4)))
        blocks.append(w.p(w.fill("Features of the {product} include:")))
        feats = w.rng.sample(phrases.FDA_FEATURES, w.rng.randint(3, 6))
        blocks.append(item_list([w.linked(w.fill(x)) for x in feats]))
        if w.chance(0.4):
            blocks.append(w.figure(f"{f['product']} {f['device']}",
                                   w.fill("The {product} {device_lower} received 510(k) "
                                          "clearance."), alt=f["product"]))
        blocks.append(_quote(w, phrases.PRESS_QUOTE, f["exec"], f"{f['exec_title']} of "
                             f"{f['company']}"))
        if w.chance(0.3):
            blocks.append(w.para(phrases.FDA_DETAIL, 2))
        if w.chance(0.7):
            blocks += about_block(w, w.pick((2, 3)))
        story.blocks = blocks
    story.tags = _tags(w, ("FDA 510(k)",))
    if w.chance(0.6):
        story.summary = w.fill("The FDA cleared the {product} {device_lower} from {company}, "
                               "indicated for {indication}.")
    story.image_stem = f"{f['product']} fda"
    story.image_alt = f["product"]
    return story


def market_report(w: Writer) -> Story:
    f, ink = w.facts, w.ink
    story = Story("market_report", categories=["market-reports", "business-finance"])
    story.title = w.fill(w.pick((
        "{region} {market} Market to Reach {billions} by {year_far}: Report",
        "{market} Market Will Grow {cagr}% a Year Through {year_far}, {firm} Says",
        "{region} {market} Market Outlook – Growth, Risks & Key Players",
    )))
    lead = w.pick(phrases.MARKET_LEAD)
    blocks = [w.p(w.fill(lead) + " " + w.sentences(phrases.MARKET_DETAIL, 1))]
    blocks.append(w.para(phrases.MARKET_DETAIL, 3))
    blocks.append(heading(2, ink.t("Key findings")))
    finds = w.rng.sample(phrases.MARKET_FINDINGS, w.rng.randint(3, 5))
    blocks.append(item_list([ink.t(w.fill(x)) for x in finds]))
    blocks.append(heading(2, ink.t("Segment outlook")))
    year, far = f["year"], f["year_far"]
    rows = [[ink.t("Segment"), ink.t(f"{year} revenue (USD M)"), ink.t(f"CAGR {year}–{far}")]]
    for seg in w.rng.sample(vocab.MARKET_SEGMENTS, w.rng.randint(4, 6)):
        rows.append([ink.t(seg), ink.t(f"{w.rng.randint(120, 4800):,}"),
                     ink.t(f"{w.rng.randint(2, 12)}.{w.rng.randint(0, 9)}%")])
    blocks.append(table(rows, head=w.chance(0.7), css=w.pick(("", "has-fixed-layout"))))
    blocks.append(w.para(phrases.MARKET_DETAIL, 2))
    blocks.append(heading(3, ink.t("Competitive landscape")))
    blocks.append(w.p("Companies profiled in the report include:"))
    names = w.rng.sample(vocab.COMPANIES, w.rng.randint(4, 7))
    blocks.append(item_list([ink.a(f"https://www.{c[3]}.example/", c[0]) for c in names]))
    if w.chance(0.5):
        blocks.append(w.para(phrases.MARKET_DETAIL, 2))
    story.blocks = blocks
    story.tags = _tags(w, ("market report",))
    if w.chance(0.7):
        story.summary = w.fill("{firm} sizes the {region_lower} {market_lower} market and "
                               "names the segments growing fastest.")
    story.image_stem = f"{f['market']} market"
    story.image_alt = "Market report chart"
    return story
