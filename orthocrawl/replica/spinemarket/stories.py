"""The Spine Market Group's kinds of post: press-release reposts (the bulk), FDA clearances,
trade stories reposted with their writer's byline, the site's own market notes, product
spotlights and videos.

Reposts were pasted from wherever they came from: some as ``<p>`` paragraphs, some as one
``<div>`` per paragraph, some as one paragraph broken by ``<br><br>``. Many end with a
"Source: NAME" line, which names the original publisher (the ``source`` field) and stays
in the body like any other line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .. import phrases, vocab
from ..blocks import Block, clean, embed, heading, item_list, paragraph, table
from ..inline import Span
from ..slugs import slugify
from ..stories_corporate import about_block
from ..timefmt import ap_date
from ..wp_media import captioned, upload
from ..wp_model import Upload
from ..writing import Writer, headline_case
from .constants import ORIGIN

PASTE_STYLES = ("p", "p", "p", "div", "br")
_ANNOUNCE = {
    "launch": ("{company} Launches the {product} {device}",
               "the full commercial launch of the {product} {device_lower}"),
    "first_cases": ("{company} Completes First Cases with the {product} {device}",
                    "the first surgical cases with its {product} {device_lower}"),
    "funding": ("{company} Raises {amount} to Expand the {product} Platform",
                "the close of a {amount} growth financing"),
    "acquisition": ("{company} Acquires {other_company}{ltd}",
                    "a definitive agreement to acquire {other_company}{ltd}"),
    "appointment": ("{company} Appoints {exec} as {title_case}",
                    "the appointment of {exec} as {exec_title}"),
    "distribution": ("{company} and {other_company} Sign Distribution Agreement",
                     "an exclusive U.S. distribution agreement with {other_company}"),
}


@dataclass
class Draft:
    kind: str
    title: str = ""
    blocks: list[Block] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)  # slugs after "articles"
    tags: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    byline_block: Block | None = None
    source: str | None = None  # the publisher the closing "Source:" line names
    summary: str | None = None  # the Genesis SEO description, when one was written


class Desk:
    """One post's writer, its paste style and its uploads."""

    def __init__(self, w: Writer) -> None:
        self.w = w
        self.style = w.pick(PASTE_STYLES)
        self.uploads: list[Upload] = []
        self.alts: list[str] = []
        f = w.facts
        f["title_case"] = headline_case(f["exec_title"])
        f["ltd"] = " Ltd." if w.chance(0.3) else ""
        f["wire"] = w.pick(vocab.WIRES)[0]

    def paras(self, texts: list[str | Span]) -> list[Block]:
        """Paragraphs as this post's source pasted them."""
        w, ink = self.w, self.w.ink
        spans = [w.linked(t) if isinstance(t, str) else t for t in texts]
        if self.style == "br" and len(spans) > 1:
            parts: list[str | Span] = []
            for n, span in enumerate(spans):
                parts += [ink.br(), ink.br(), span] if n else [span]
            return [paragraph(ink.join(parts))]
        if self.style == "div":
            blocks = [Block("div", f"<div>{h}</div>", clean(t)) for h, t in spans]
            if w.chance(0.3):
                blocks.insert(1, Block("div", "<div>&nbsp;</div>"))
            return blocks
        css = ' style="text-align: justify;"' if w.chance(0.15) else ""
        return [Block("p", f"<p{css}>{h}</p>", clean(t)) for h, t in spans]

    def source_line(self, name: str, href: str | None) -> Block:
        """The closing "Source: NAME" line, in one of the ways editors typed it."""
        ink, style = self.w.ink, self.w.rng.randint(0, 4)
        if href and style < 2:
            span = ink.join(["Source: ", ink.a(href, name)])
        elif style == 2:
            span = ink.join([ink.b("Source:"), " ", name])
        elif style == 3:
            span = ink.join(["Source: ", ink.i(name)])
        else:
            span = ink.join(["Source:", ("&nbsp;", "\u00a0"), name])
        return paragraph(span)

    def image(self, stem: str, alt: str, caption: str | None) -> Block:
        w = self.w
        image = upload(w.rng, ORIGIN, w.month, stem, alt, w.post_id + 2 + len(self.uploads))
        self.uploads.append(image)
        if alt:
            self.alts.append(alt)
        cap = None if caption is None else w.ink.t(caption)
        return captioned(image, cap, "xhtml", width=w.pick((300, 500, 640)),
                         align=w.pick(("aligncenter", "alignright")), link=w.chance(0.5))


def _quote(w: Writer, pool: tuple[str, ...], who: str, role: str) -> str:
    first, second = (w.fill(q) for q in w.rng.sample(pool, 2))
    return f"“{first},” said {who}, {role}. “{second}.”"


def _tags(w: Writer) -> list[str]:
    if w.chance(0.35):
        return []
    tags = w.rng.sample(vocab.TAGS, w.rng.randint(1, 3))
    if w.chance(0.5):
        tags.append(w.facts["company"])
    return list(dict.fromkeys(tags))


def _close(d: Desk, draft: Draft, chance: float, name: str, href: str | None) -> None:
    if d.w.chance(chance):
        draft.source = name
        draft.blocks.append(d.source_line(name, href))


def press(d: Desk) -> Draft:
    w, f = d.w, d.w.facts
    variant = w.pick(tuple(_ANNOUNCE))
    title, announce = _ANNOUNCE[variant]
    draft = Draft("press", title=w.fill(title), categories=["press-releases"])
    if variant in ("acquisition", "funding"):
        draft.categories.append("mergers-acquisitions")
    dash = w.pick(("--", "—"))
    wire = f" /{f['wire']}/" if w.chance(0.5) else ""
    lead = (f"{f['city']}, {ap_date(w.published)}{wire} {dash} {f['company']}, "
            f"{f['company_desc']}, today announced {w.fill(announce)}.")
    texts: list[str | Span] = [lead + " " + w.sentences(phrases.PRESS_DETAIL, 1)]
    texts += [w.sentences(phrases.PRESS_DETAIL, w.rng.randint(1, 3))
              for _ in range(w.rng.randint(1, 2))]
    texts.append(_quote(w, phrases.PRESS_QUOTE, f["exec"], f"{f['exec_title']} of {f['company']}"))
    draft.blocks = d.paras(texts)
    if w.chance(0.3):
        draft.blocks.append(w.p(w.fill("Highlights of the {product} {device_lower} include:")))
        feats = w.rng.sample(phrases.FDA_FEATURES, w.rng.randint(3, 5))
        draft.blocks.append(item_list([w.linked(w.fill(x)) for x in feats]))
    if w.chance(0.6):
        draft.blocks += about_block(w, w.pick((0, 3)))
    if w.chance(0.25):
        draft.blocks.append(Block("p", '<p style="text-align: center;">###</p>', "###"))
    wire_name = f["wire"] if wire else f["company"]
    _close(d, draft, 0.7, wire_name, f["company_site"] if not wire else None)
    draft.tags = _tags(w)
    if w.chance(0.3):
        draft.summary = w.fill("{company} announced " + announce + ".")
    return draft


def fda(d: Desk) -> Draft:
    w, f = d.w, d.w.facts
    draft = Draft("fda", categories=["fda-clearances", "press-releases"])
    draft.title = w.fill(w.pick(("{company} Receives FDA 510(k) Clearance for {product} {device}",
                                 "FDA Clears the {product} {device} from {company}")))
    lead = " ".join(w.fill(x) for x in phrases.FDA_DETAIL[:2])
    texts: list[str | Span] = [f"{f['city']}, {ap_date(w.published)} — {lead}",
                               w.sentences(phrases.FDA_DETAIL[2:], w.rng.randint(2, 3))]
    texts.append(_quote(w, phrases.PRESS_QUOTE, f["exec"], f"{f['exec_title']} of {f['company']}"))
    draft.blocks = d.paras(texts)
    if w.chance(0.5):
        draft.blocks += about_block(w, w.pick((0, 3)))
    _close(d, draft, 0.6, f["company"], f["company_site"])
    draft.tags = _tags(w)
    return draft


def trade(d: Desk) -> Draft:
    """A trade outlet's story, reposted: its writer's byline opens the body."""
    w, ink = d.w, d.w.ink
    draft = Draft("trade", categories=["spine-companies"])
    lead_i = w.rng.randrange(6)
    draft.title = w.fill((
        "{company} to acquire {other_company} for {amount}", "{surgeon} joins {hospital}",
        "{company} opens ASC in {hospital_city}", "{company} raises {amount}",
        "{company_poss} spine revenue climbs {pct}%",
        "{hospital} performs first {procedure} with {technology}")[lead_i])
    names = w.rng.sample(vocab.WRITERS, 2 if w.chance(0.15) else 1)
    line = " and ".join(names)
    draft.bylines = names
    span = ink.i(f"By {line}") if w.chance(0.3) else ink.t(f"By {line}")
    # The byline was pasted along with the story: a <div> line in a post pasted as divs.
    draft.byline_block = (Block("div", f"<div>{span[0]}</div>", clean(span[1]))
                          if d.style == "div" else paragraph(span))
    texts: list[str | Span] = [w.fill(phrases.NEWS_LEAD[lead_i])]
    texts += [w.sentences(phrases.NEWS_DETAIL, w.rng.randint(1, 2))
              for _ in range(w.rng.randint(1, 3))]
    draft.blocks = d.paras(texts)
    if w.chance(0.35):
        n = w.rng.randint(3, 5)
        draft.blocks.append(w.p(f"Here are {n} things to know:"))
        items = [w.linked(w.fill(s)) for s in w.rng.sample(phrases.THINGS, n)]
        draft.blocks.append(item_list(items, ordered=w.chance(0.5)))
    outlet = w.pick(vocab.OUTLETS)
    _close(d, draft, 0.85, outlet[0],
           f"{outlet[1]}{outlet[2]}{slugify(draft.title)[:60].strip('-')}.html")
    draft.tags = _tags(w)
    return draft


def market(d: Desk) -> Draft:
    """The site's own market note: a table and a data note that is no article source."""
    w, ink, f = d.w, d.w.ink, d.w.facts
    draft = Draft("market", categories=["market-analysis"])
    draft.title = w.fill(w.pick(("Spine Market Update: {market} in {year}",
                                 "{region} {market} Market: Our Take",
                                 "{market}: Who Is Gaining Share")))
    draft.blocks = d.paras([w.fill(w.pick(phrases.MARKET_LEAD)),
                            w.sentences(phrases.MARKET_DETAIL, 2)])
    rows = [[ink.t("Company"), ink.t(f"{f['year']} revenue (USD M)"), ink.t("Change")]]
    for company in w.rng.sample(vocab.COMPANIES, w.rng.randint(4, 6)):
        rows.append([ink.t(company[0]), ink.t(f"{w.rng.randint(40, 2400):,}"),
                     ink.t(f"{w.rng.choice('+-')}{w.rng.randint(1, 19)}%")])
    draft.blocks.append(table(rows, head=w.chance(0.8)))
    draft.blocks.append(w.p(ink.i("Source: SPINEMarketGroup estimates based on company filings.")))
    if w.chance(0.5):
        draft.blocks.append(heading(3, ink.t("What to watch")))
    draft.blocks.append(w.para(phrases.MARKET_DETAIL, w.rng.randint(1, 3)))
    draft.tags = _tags(w)
    draft.summary = w.fill("Our look at the {market_lower} market in {year}.")
    return draft


def spotlight(d: Desk) -> Draft:
    w, f = d.w, d.w.facts
    draft = Draft("spotlight", categories=["products"])
    draft.title = w.fill("Product Spotlight: {company} {product} {device}")
    draft.blocks = [d.image(f"{f['product']} {f['device']}", w.pick(("", f["product"])),
                            w.pick((w.fill("The {product} {device_lower}. Image courtesy of "
                                           "{company}."), None)))]
    draft.blocks += d.paras([w.sentences(phrases.PRESS_DETAIL, 2),
                             w.sentences(phrases.FDA_DETAIL[2:], 2)])
    draft.blocks.append(item_list([w.linked(w.fill(x))
                                   for x in w.rng.sample(phrases.FDA_FEATURES, 3)]))
    _close(d, draft, 0.4, f["company"], f["company_site"])
    draft.tags = _tags(w)
    return draft


def video(d: Desk) -> Draft:
    w = d.w
    draft = Draft("video", categories=["videos"])
    draft.title = w.fill("Video: {company} {product} Surgical Technique")
    draft.blocks = [embed(f"{w.rng.getrandbits(40):010x}", draft.title, w.rng.randint(0, 2)),
                    w.p(w.fill("{surgeon}, {surgeon_role} at {hospital}, demonstrates the "
                               "{product} {device_lower} in a {procedure} case."))]
    draft.tags = _tags(w)
    return draft


def featured_image(d: Desk) -> Upload:
    """The post's featured image (the theme prints it above the content)."""
    w, f = d.w, d.w.facts
    return upload(w.rng, ORIGIN, w.month, f"{f['company']} {f['product']}", f"{f['company']} logo",
                  w.post_id + 1)


KINDS: tuple[tuple[Callable[[Desk], Draft], float], ...] = (
    (press, 0.45), (fda, 0.14), (trade, 0.2), (market, 0.09), (spotlight, 0.07), (video, 0.05),
)
