"""OrthoBuzz's kinds of post, from the shared corpus: study summaries, guest posts, case
reports, specialty updates, "Other things OrthoBuzz found" lists, numbers tables and short
journal news.

Many paragraphs open with an inline image (``<p><img alt="..."> Text</p>``): its alt text is
never body text; guest posts open with their author's byline paragraph.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from random import Random

from ..blocks import Block, clean, embed, heading, item_list, paragraph, quote, table
from ..corpus import cast, parts
from ..corpus.stories import tags
from ..corpus.writer import Story, Writer, person
from ..inline import Ink, Span, attr
from ..text import slugify
from ..wp_media import captioned, img, upload
from ..wp_model import Upload
from .constants import ORIGIN


class Desk(Writer):
    """One post's writer and its media library: uploads get the post's attachment ids."""

    def __init__(self, rng: Random, ink: Ink, published: datetime, post_id: int) -> None:
        super().__init__(rng, ink, published, post_id)
        self.uploads: list[Upload] = []
        self.alts: list[str] = []  # alt texts shown on the page, never body text
        s = self.slots
        self.jbjs = self.article_link(rng.randint(1, 19))
        self.stem = f"{s['short']} {s['lead']}"

    def article_link(self, number: int) -> str:
        """A (fictional) JBJS article page: the studies posts point readers to."""
        s = self.slots
        return (f"https://journals.jbjs.example/jbjs/fulltext/{s['year']}/{slugify(s['issue'])}/"
                f"{slugify(s['lead'])}-et-al.{number}.aspx")

    def upload(self, stem: str, alt: str) -> Upload:
        image = upload(self.rng, ORIGIN, self.month, stem, alt,
                       self.post_id + 2 + len(self.uploads))
        image.name = f"{image.name}-{len(self.uploads) + 1}"
        self.uploads.append(image)
        if alt:
            self.alts.append(alt)
        return image

    def alt(self) -> str:
        return self.fill(self.pick(parts.ALTS))

    def image_paragraph(self, span: Span) -> Block:
        """A paragraph that opens with an inline image, in one of the editor's markups."""
        image = self.upload(self.stem, self.alt())
        tag = img(image, self.pick((150, 225, 300)),
                  f"{self.pick(('alignleft', 'alignright', 'alignnone'))} size-medium")
        style = self.rng.randint(0, 3)  # bare, linked, then a line break, then a &nbsp;
        tag = (tag, f'<a href="{attr(image.url)}">{tag}</a> ', tag + "<br />\n",
               tag + "&nbsp;")[style]
        return paragraph((tag + span[0], span[1]))

    def image_only(self) -> Block:
        """An image alone in its paragraph: no text, no block."""
        image = self.upload(f"{self.slots['short']} figure", self.alt())
        return Block("p", f"<p>{img(image, 640, 'aligncenter size-large')}</p>")

    def paras(self, texts: Sequence[str | Span], image: float = 0.0) -> list[Block]:
        return [self.image_paragraph(self.linked(t) if isinstance(t, str) else t)
                if self.chance(image) else self.p(t) for t in texts]

    def linked_lead(self, text: str) -> Span:
        """The opener, with "{lead} et al." linking to the study in JBJS."""
        ink, lead = self.ink, f"{self.slots['lead']} et al."
        at = text.find(lead)
        if at < 0:
            return ink.t(text)
        return ink.join([text[:at], ink.a(self.jbjs, lead), text[at + len(lead):]])

    def read_more(self) -> Block:
        ink = self.ink
        return self.p(ink.join([self.pick(("Read the ", "You can read the ")),
                                ink.a(self.jbjs, "full study"), " in JBJS."]))


def _story(d: Desk, kind: str, *categories: str) -> Story:
    return Story(kind, categories=[*categories, d.slots["specialty_slug"]], facts=d.facts)


def study(d: Desk) -> Story:
    story = _story(d, "study", "clinical-research")
    if d.chance(0.15):
        story.categories.insert(0, "need-to-know")
    story.title = d.fill(d.pick(parts.STUDY_TITLES[2:]))
    opener = d.linked_lead(d.fill(d.pick(parts.STUDY_OPENERS)))
    blocks = d.paras([opener], image=0.6) + d.paras([d.sentences(parts.METHODS, 2)])
    if d.chance(0.12):
        blocks.append(d.image_only())
    if d.chance(0.3):
        blocks += [d.p("Among the key findings:"), item_list(
            [d.ink.t(d.fill(s)) for s in d.rng.sample(parts.RESULTS, 3)])]
    else:
        blocks += d.paras([d.sentences(parts.RESULTS, d.rng.randint(2, 3))], image=0.25)
    if d.chance(0.3):
        blocks.append(heading(3, d.ink.t(d.pick(("The bottom line", "Why it matters")))))
    blocks += d.paras([d.sentences(parts.TAKEAWAYS, d.rng.randint(1, 2))])
    if d.chance(0.5):
        blocks.append(d.read_more())
    return story.done(blocks, tags(d, most=3), d.fill(
        "A JBJS study of {procedure} looks at {factor}.") if d.chance(0.4) else None)


def found(d: Desk) -> Story:
    ink, n = d.ink, d.rng.randint(4, 5)
    story = Story("found", categories=["other-things"], facts=d.facts)
    story.title = d.fill(d.pick(parts.FOUND_TITLES), n=str(n))
    blocks = d.paras([d.pick(parts.FOUND_INTROS)], image=0.4)
    items = []
    for k, template in enumerate(d.rng.sample(parts.FOUND, n)):
        text, href = d.fill(template), d.article_link(20 + k)
        items.append(ink.a(href, text) if d.chance(0.5) else
                     ink.join([text, " (", ink.a(href, "JBJS"), ")"]))
    blocks.append(item_list(items))
    if d.chance(0.4):
        blocks += [heading(3, ink.t("From the archives")), item_list(
            [ink.t(d.fill("A {year_a} study of {procedure} that still gets cited weekly.")),
             ink.t(d.fill("An editorial on {factor} that aged better than most."))],
            ordered=True)]
    return story.done(blocks, tags(d, most=3))


def whats_new(d: Desk) -> Story:
    story = _story(d, "whats_new", "whats-new")
    story.title = d.fill("What’s New in {specialty_title}")
    blocks = [d.image_paragraph(d.ink.t(d.fill(d.pick(parts.UPDATE_INTROS))))]
    for topic in d.rng.sample(parts.UPDATE_TOPICS, d.rng.randint(3, 5)):
        blocks.append(heading(d.pick((3, 4)), d.ink.t(topic)))
        blocks += d.paras([d.sentences(parts.UPDATE_POINTS, d.rng.randint(1, 2))], image=0.15)
    return story.done([*blocks, d.read_more()], tags(d, most=3),
                      d.fill("Highlights of the latest JBJS update in {specialty}."))


def _byline(d: Desk, names: list[str]) -> tuple[Block, list[str]]:
    """The guest author's byline paragraph and the names it gives."""
    ink, style = d.ink, d.rng.randint(0, 3)
    if len(names) == 2:
        line, shown = f"By {names[0]}, MD, and {names[1]}, MD", names
    else:
        line = f"By {('', 'Dr. ', '', '')[style]}{names[0]}{(', MD', '', ', PhD', '')[style]}"
        shown = [f"Dr. {names[0]}"] if style == 1 else names
    span = ink.t(line)
    wrap = d.rng.random()
    span = ink.i(span) if wrap < 0.3 else ink.b(span) if wrap < 0.5 else span
    if d.chance(0.3):  # the author's headshot opens the byline paragraph
        image = d.upload(f"headshot {names[0]}", f"Headshot of {names[0]}")
        return paragraph((img(image, 150, "alignleft size-thumbnail") + span[0], span[1])), shown
    return paragraph(span), shown


def guest(d: Desk) -> Story:
    ink = d.ink
    story = _story(d, "guest", "guest-post")
    story.title = d.fill(d.pick(parts.GUEST_TITLES))
    names = [person(d.rng) for _ in range(2 if d.chance(0.15) else 1)]
    story.byline_block, story.bylines = _byline(d, names)
    paras = [d.fill(p) for p in d.rng.sample(parts.GUEST, d.rng.randint(3, 5))]
    blocks = d.paras(paras[:1], image=0.3) + d.paras(paras[1:])
    if d.chance(0.3):
        blocks.insert(2, quote([ink.t("Good outcomes start long before the incision.")]))
    blocks.append(d.p(ink.i(f"{names[0]} is {d.pick(parts.GUEST_ROLES)} at "
                            f"{d.slots['hospital']}.")))
    return story.done(blocks, tags(d, most=3))


def case(d: Desk) -> Story:
    s = d.slots
    story = _story(d, "case", "case-reports")
    story.title = (f"Case Report: {s['rare'][0].upper()}{s['rare'][1:]} in a {s['age']}-Year-"
                   f"Old {s['sport'].title()} Player")
    markup = d.pick(("html5", "html5", "block"))
    blocks = [d.p(d.fill(parts.CASE[0]))]
    for k, caption in enumerate(parts.CAPTIONS[:d.rng.randint(1, 3)]):
        image = d.upload(f"case figure {k + 1}", d.pick(("", d.alt())))
        blocks += [captioned(image, d.ink.t(d.fill(caption)), markup, link=d.chance(0.5)),
                   d.p(d.fill(parts.CASE[k + 1]))]
    return story.done([*blocks, d.para(parts.CASE[3:], 2), d.read_more()],
                      tags(d, "adolescents", most=3))


def numbers(d: Desk) -> Story:
    ink = d.ink
    story = _story(d, "numbers", "clinical-research")
    story.title = d.fill("{short} by the Numbers: {factor_title}")
    rows = [[ink.t("Outcome"), ink.t(d.fill("With {factor}")), ink.t("Without")]]
    for outcome in d.rng.sample(cast.BAD_OUTCOMES, d.rng.randint(3, 5)):
        a, b = d.rng.randint(2, 30), d.rng.randint(1, 20)
        rows.append([ink.t(outcome[0].upper() + outcome[1:]), ink.t(f"{a}.{b % 10}%"),
                     ink.t(f"{b}.{a % 10}%")])
    story.blocks = [paragraph(d.linked_lead(d.fill(d.pick(parts.STUDY_OPENERS)))),
                    table(rows, head=d.chance(0.7)), d.para(parts.TAKEAWAYS, 2)]
    story.tags = tags(d, "registry data", most=3)
    return story


def news(d: Desk) -> Story:
    story = Story("news", categories=["need-to-know"], facts=d.facts)
    title, first = d.pick(parts.JOURNAL_NEWS)
    story.title, first = d.fill(title), d.fill(first)
    blocks = d.paras([first], image=0.5)
    if "Podcast" in story.title:
        blocks.append(embed(f"{d.rng.getrandbits(40):010x}", story.title, d.rng.randint(0, 2)))
    if d.chance(0.6):
        blocks.append(d.p(d.pick(parts.JOURNAL_MORE)))
    return story.done(blocks, tags(d, *(("podcast",) if "Podcast" in story.title else ()),
                                   most=3), clean(first) if d.chance(0.5) else None)


KINDS: tuple[tuple[Callable[[Writer], Story], float], ...] = (
    (study, 0.38), (news, 0.14), (found, 0.1), (whats_new, 0.09), (guest, 0.14), (case, 0.09),
    (numbers, 0.06),
)
