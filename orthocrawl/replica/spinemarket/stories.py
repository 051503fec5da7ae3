"""The Spine Market Group's kinds of post, from the shared corpus: press-release reposts (the
bulk), FDA clearances, trade stories reposted with their writer's byline, the site's own
market notes, product spotlights and videos.

Reposts were pasted from wherever they came from: some as ``<p>`` paragraphs, some as one
``<div>`` per paragraph, some as one paragraph broken by ``<br><br>``. Many end with a
"Source: NAME" line, which names the original publisher (the ``source`` field) and stays
in the body like any other line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from random import Random

from ..blocks import Block, clean, heading, item_list, paragraph, table
from ..corpus import cast, parts, stories
from ..corpus.writer import Story, Writer
from ..inline import Ink, Span
from ..text import slugify
from ..wp_media import captioned, upload
from ..wp_model import Upload
from .constants import ORIGIN

PASTE_STYLES = ("p", "p", "p", "div", "br")
# A story's generic category -> this site's.
CATEGORIES = {"business-finance": "mergers-acquisitions", "fda": "fda-clearances"}


class Desk(Writer):
    """One post's writer, its paste style and its uploads."""

    extras = frozenset({"hashes"})

    def __init__(self, rng: Random, ink: Ink, published: datetime, post_id: int) -> None:
        super().__init__(rng, ink, published, post_id)
        self.style = self.pick(PASTE_STYLES)
        self.uploads: list[Upload] = []
        self.alts: list[str] = []

    def paras(self, texts: Sequence[str | Span]) -> list[Block]:
        """Paragraphs as this post's source pasted them."""
        ink = self.ink
        spans = [self.linked(t) if isinstance(t, str) else t for t in texts]
        if self.style == "br" and len(spans) > 1:
            joined: list[str | Span] = []
            for n, span in enumerate(spans):
                joined += [ink.br(), ink.br(), span] if n else [span]
            return [paragraph(ink.join(joined))]
        if self.style == "div":
            blocks = [Block("div", f"<div>{h}</div>", clean(t)) for h, t in spans]
            if self.chance(0.3):
                blocks.insert(1, Block("div", "<div>&nbsp;</div>"))
            return blocks
        css = ' style="text-align: justify;"' if self.chance(0.15) else ""
        return [Block("p", f"<p{css}>{h}</p>", clean(t)) for h, t in spans]

    def things(self, items: Sequence[str]) -> list[Block]:
        return [self.p(f"Here are {len(items)} things to know:"), *super().things(items)]

    def figure(self, stem: str, caption: str | None, alt: str = "") -> Block:
        image = upload(self.rng, ORIGIN, self.month, stem, alt,
                       self.post_id + 2 + len(self.uploads))
        self.uploads.append(image)
        if alt:
            self.alts.append(alt)
        return captioned(image, None if caption is None else self.ink.t(caption), "xhtml",
                         width=self.pick((300, 500, 640)),
                         align=self.pick(("aligncenter", "alignright")), link=self.chance(0.5))

    def close(self, story: Story, chance: float, name: str, href: str | None) -> Story:
        """The closing "Source: NAME" line, in one of the ways editors typed it."""
        if self.chance(chance):
            ink, style = self.ink, self.rng.randint(0, 4)
            if href and style < 2:
                span = ink.join(["Source: ", ink.a(href, name)])
            elif style == 2:
                span = ink.join([ink.b("Source:"), " ", name])
            elif style == 3:
                span = ink.join(["Source: ", ink.i(name)])
            else:
                span = ink.join(["Source:", ("&nbsp;", "\u00a0"), name])
            story.source = name
            story.blocks.append(paragraph(span))
        return story


def categories(story: Story) -> list[str]:
    """The story's categories as this site's slugs (some generic ones have none here)."""
    return ["articles", *dict.fromkeys(CATEGORIES.get(c, c) for c in story.categories)]


def press(d: Desk, story: Story | None = None) -> Story:  # story: another site's
    story = story or stories.release(d)
    story.kind = "press"
    story.categories = [c for c in story.categories if c not in ("spine", "orthopedics")]
    wire = story.wire[0] if story.wire else None
    return d.close(story, 0.7, wire or d.facts.company.name, None if wire else d.facts.company.site)


def fda(d: Desk) -> Story:
    story = stories.clearance(d)
    story.kind, story.categories = "fda", ["fda", "press-releases"]
    return d.close(story, 0.6, d.facts.company.name, d.facts.company.site)


def trade(d: Desk, story: Story | None = None, writers: list[str] | None = None,
          source: tuple[str, str] | None = None) -> Story:
    """A trade outlet's story, reposted (``story``, ``writers``, ``source``: another replica's,
    and that replica's name and link): its writer's byline opens the body."""
    story = story or stories.news(d)
    story.kind, story.categories = "trade", ["spine-companies"]
    story.bylines = writers or d.rng.sample(cast.WRITERS, 2 if d.chance(0.15) else 1)
    line = " and ".join(story.bylines)
    span = d.ink.i(f"By {line}") if d.chance(0.3) else d.ink.t(f"By {line}")
    # The byline was pasted along with the story: a <div> line in a post pasted as divs.
    story.byline_block = (Block("div", f"<div>{span[0]}</div>", clean(span[1]))
                          if d.style == "div" else paragraph(span))
    if source:
        return d.close(story, 0.85, *source)
    name, home, path = d.pick(cast.OUTLETS)
    return d.close(story, 0.85, name, f"{home}{path}{slugify(story.title)[:60].strip('-')}.html")


def market(d: Desk) -> Story:
    """The site's own market note: a table and a data note that is no article source."""
    ink, s = d.ink, d.slots
    story = Story("market", categories=["market-analysis"], facts=d.facts)
    story.title = d.fill(d.pick(("Spine Market Update: {market} in {year}",
                                 "{region} {market} Market: Our Take")))
    blocks = d.paras([d.fill(d.pick(parts.MARKET_LEADS)), d.sentences(parts.MARKET_DETAIL, 2)])
    rows = [[ink.t("Company"), ink.t(f"{s['year']} revenue (USD M)"), ink.t("Change")]]
    for company in d.rng.sample(cast.COMPANIES, d.rng.randint(4, 6)):
        rows.append([ink.t(company.name), ink.t(f"{d.rng.randint(40, 2400):,}"),
                     ink.t(f"{d.rng.choice('+-')}{d.rng.randint(1, 19)}%")])
    blocks += [table(rows, head=d.chance(0.8)),
               d.p(ink.i("Source: SPINEMarketGroup estimates based on company filings."))]
    if d.chance(0.5):
        blocks.append(heading(3, ink.t("What to watch")))
    return story.done([*blocks, d.para(parts.MARKET_DETAIL, d.rng.randint(1, 3))],
                      stories.tags(d, most=3),
                      d.fill("Our look at the {market_lower} market in {year}."))


def spotlight(d: Desk) -> Story:
    s = d.slots
    story = Story("spotlight", categories=["products"], facts=d.facts)
    story.title = d.fill("Product Spotlight: {company} {product} {device}")
    caption = d.fill("The {product} {device_lower}. Image courtesy of {company}.")
    story.blocks = [d.figure(f"{s['product']} {s['device']}", d.pick((caption, None)),
                             d.pick(("", s["product"]))),
                    *d.paras([d.sentences(parts.DETAIL, 2),
                              d.sentences(parts.CLEARANCE[2:], 2)]),
                    item_list([d.linked(d.fill(x)) for x in d.rng.sample(parts.FEATURES, 3)])]
    story.tags = stories.tags(d, most=3)
    return d.close(story, 0.4, d.facts.company.name, d.facts.company.site)


def video(d: Desk) -> Story:
    story = stories.brief(d, video=1.0)
    story.kind, story.categories = "video", ["videos"]
    return story


def featured_image(d: Desk) -> Upload:
    """The post's featured image (the theme prints it above the content)."""
    s = d.slots
    return upload(d.rng, ORIGIN, d.month, f"{s['company']} {s['product']}",
                  f"{s['company']} logo", d.post_id + 1)


KINDS: tuple[tuple[Callable[[Writer], Story], float], ...] = (
    (press, 0.45), (fda, 0.14), (trade, 0.2), (market, 0.09), (spotlight, 0.07), (video, 0.05),
)
