"""OrthoBuzz's kinds of post: study summaries, guest posts, case reports, specialty updates,
"Other things OrthoBuzz found" lists, numbers tables and short journal news.

Many paragraphs open with an inline image (``<p><img alt="..."> Text</p>``): its alt text is
never body text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..blocks import Block, clean, embed, heading, item_list, paragraph, quote, table
from ..inline import Span, attr
from ..slugs import slugify
from ..timefmt import MONTHS, local
from ..vocab import FIRST_NAMES, LAST_NAMES
from ..wp_media import captioned, img, upload
from ..wp_model import Upload
from ..writing import Writer, headline_case, person
from . import phrases
from .constants import ORIGIN


@dataclass
class Draft:
    kind: str
    title: str = ""
    blocks: list[Block] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)  # slugs, primary first
    tags: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    byline_block: Block | None = None
    summary: str | None = None  # the hand-written meta description, if any


class Desk:
    """One post's writer plus its media library: uploads get the post's attachment ids."""

    def __init__(self, w: Writer) -> None:
        self.w = w
        self.uploads: list[Upload] = []
        self.alts: list[str] = []  # alt texts shown on the page, never body text
        r = w.rng
        procedure, short, specialty = r.choice(phrases.PROCEDURES)
        factor, bad = r.choice(phrases.FACTORS), r.choice(phrases.BAD_OUTCOMES)
        topic_a, topic_b = r.sample(phrases.WHATS_NEW_TOPICS, 2)
        lead_first, lead_last = r.choice(FIRST_NAMES), r.choice(LAST_NAMES)
        day = 1 if r.random() < 0.5 else 15
        w.facts.update({
            "procedure": procedure, "short": short, "specialty_slug": specialty,
            "specialty": phrases.SPECIALTIES[specialty].lower(),
            "specialty_title": phrases.SPECIALTIES[specialty],
            "procedure_title": headline_case(procedure),
            "factor": factor, "factor_cap": factor[0].upper() + factor[1:],
            "factor_title": headline_case(factor), "outcome": r.choice(phrases.OUTCOMES),
            "bad_outcome": bad, "bad_outcome_title": headline_case(bad),
            "lead": lead_last, "lead_name": f"{lead_first} {lead_last}",
            "issue": f"{MONTHS[local(w.published).month - 1]} {day}, {w.facts['year']}",
            "topic_a": topic_a, "topic_b": topic_b, "topic_lower": topic_a.lower(),
            "age": str(r.randint(12, 19)), "sport": r.choice(phrases.SPORTS),
            "rare": r.choice(phrases.RARE), "months_small": str(r.randint(2, 9)),
        })
        self.jbjs = self.article_link(r.randint(1, 19))

    def article_link(self, number: int) -> str:
        """A (fictional) JBJS article page: the studies posts point readers to."""
        f = self.w.facts
        return (f"https://journals.jbjs.example/jbjs/fulltext/{f['year']}/{slugify(f['issue'])}/"
                f"{slugify(f['lead'])}-et-al.{number}.aspx")

    def upload(self, stem: str, alt: str) -> Upload:
        w = self.w
        image = upload(w.rng, ORIGIN, w.month, stem, alt, w.post_id + 2 + len(self.uploads))
        image.name = f"{image.name}-{len(self.uploads) + 1}"
        self.uploads.append(image)
        if alt:
            self.alts.append(alt)
        return image

    def alt(self) -> str:
        return self.w.fill(self.w.pick(phrases.ALTS))

    def image_paragraph(self, span: Span) -> Block:
        """A paragraph that opens with an inline image, in one of the editor's markups."""
        w = self.w
        image = self.upload(f"{w.facts['short']} {w.facts['lead']}", self.alt())
        align = w.pick(("alignleft", "alignright", "alignnone"))
        size = w.pick((150, 225, 300))
        tag = img(image, size, f"{align} size-medium")
        style = w.rng.randint(0, 3)
        if style == 1:
            tag = f'<a href="{attr(image.url)}">{tag}</a> '
        elif style == 2:
            tag += "<br />\n"
        elif style == 3:
            tag += "&nbsp;"
        return paragraph((tag + span[0], span[1]))

    def image_only(self) -> Block:
        """An image alone in its paragraph: no text, no block."""
        image = self.upload(f"{self.w.facts['short']} figure", self.alt())
        return Block("p", f"<p>{img(image, 640, 'aligncenter size-large')}</p>")

    def para(self, pool: tuple[str, ...], k: int, image: float = 0.0) -> Block:
        text = self.w.sentences(pool, k)
        if self.w.chance(image):
            return self.image_paragraph(self.w.linked(text))
        return self.w.p(text)

    def linked_lead(self, text: str) -> Span:
        """The opener, with "{lead} et al." linking to the study in JBJS."""
        ink, lead = self.w.ink, f"{self.w.facts['lead']} et al."
        at = text.find(lead)
        if at < 0:
            return ink.t(text)
        return ink.join([text[:at], ink.a(self.jbjs, lead), text[at + len(lead):]])

    def read_more(self) -> Block:
        ink = self.w.ink
        return self.w.p(ink.join([self.w.pick(("Read the ", "You can read the ")),
                                  ink.a(self.jbjs, "full study"), " in JBJS."]))


def _tags(w: Writer, extra: tuple[str, ...] = ()) -> list[str]:
    if w.chance(0.2):
        return list(extra)
    return list(dict.fromkeys(w.rng.sample(phrases.TAGS, w.rng.randint(1, 3)) + list(extra)))


def study(d: Desk) -> Draft:
    w = d.w
    draft = Draft("study", categories=["clinical-research", w.facts["specialty_slug"]])
    if w.chance(0.15):
        draft.categories.insert(0, "need-to-know")
    draft.title = w.fill(w.pick(phrases.STUDY_TITLES))
    opener = d.linked_lead(w.fill(w.pick(phrases.OPENERS)))
    blocks = [d.image_paragraph(opener) if w.chance(0.6) else paragraph(opener)]
    blocks.append(d.para(phrases.METHODS, 2))
    if w.chance(0.12):
        blocks.append(d.image_only())
    if w.chance(0.3):
        blocks.append(w.p("Among the key findings:"))
        finds = w.rng.sample(phrases.RESULTS, 3)
        blocks.append(item_list([w.ink.t(w.fill(s)) for s in finds]))
    else:
        blocks.append(d.para(phrases.RESULTS, w.rng.randint(2, 3), image=0.25))
    if w.chance(0.3):
        blocks.append(heading(3, w.ink.t(w.pick(("The bottom line", "Why it matters",
                                                  "What surgeons should take away")))))
    blocks.append(d.para(phrases.TAKEAWAYS, w.rng.randint(1, 2)))
    if w.chance(0.5):
        blocks.append(d.read_more())
    draft.blocks = blocks
    draft.tags = _tags(w)
    if w.chance(0.4):
        draft.summary = w.fill("A JBJS study of {procedure} looks at {factor}.")
    return draft


def found(d: Desk) -> Draft:
    w, ink = d.w, d.w.ink
    n = w.rng.randint(4, 7)
    draft = Draft("found", categories=["other-things"])
    draft.title = w.fill(w.pick(phrases.FOUND_TITLES).replace("{n}", str(n)))
    intro = w.ink.t(w.pick(phrases.FOUND_INTRO))
    blocks = [d.image_paragraph(intro) if w.chance(0.4) else paragraph(intro)]
    items = []
    for k, template in enumerate(w.rng.sample(phrases.FOUND_ITEMS, min(n, 7))):
        text = w.fill(template)
        href = d.article_link(20 + k)
        if w.chance(0.5):
            items.append(ink.join([ink.a(href, text)]))
        else:
            items.append(ink.join([text, " (", ink.a(href, "JBJS"), ")"]))
    blocks.append(item_list(items))
    if w.chance(0.4):
        blocks.append(heading(3, ink.t("From the archives")))
        older = [ink.t(w.fill("A {year_a} study of {procedure} that still gets cited weekly.")),
                 ink.t(w.fill("An editorial on {factor} that aged better than most."))]
        blocks.append(item_list(older, ordered=True))
    draft.blocks = blocks
    draft.tags = _tags(w)
    return draft


def whats_new(d: Desk) -> Draft:
    w, ink = d.w, d.w.ink
    draft = Draft("whats_new", categories=["whats-new", w.facts["specialty_slug"]])
    draft.title = w.fill("What’s New in {specialty_title}")
    blocks = [d.image_paragraph(ink.t(w.fill(w.pick(phrases.WHATS_NEW_INTRO))))]
    for topic in w.rng.sample(phrases.WHATS_NEW_TOPICS, w.rng.randint(3, 5)):
        blocks.append(heading(w.pick((3, 4)), ink.t(topic)))
        blocks.append(d.para(phrases.WHATS_NEW_POINTS, w.rng.randint(1, 2), image=0.15))
    blocks.append(d.read_more())
    draft.blocks = blocks
    draft.tags = _tags(w)
    draft.summary = w.fill("Highlights of the latest JBJS update in {specialty}.")
    return draft


def _guest_byline(d: Desk, names: list[str]) -> tuple[Block, list[str]]:
    """The guest author's byline paragraph and the names it gives."""
    w, ink = d.w, d.w.ink
    style = w.rng.randint(0, 3)
    if len(names) == 2:
        line = f"By {names[0]}, MD, and {names[1]}, MD"
        shown = names
    elif style == 0:
        line, shown = f"By {names[0]}, MD", names
    elif style == 1:
        line, shown = f"By Dr. {names[0]}", [f"Dr. {names[0]}"]
    elif style == 2:
        line, shown = f"By {names[0]}, PhD", names
    else:
        line, shown = f"By {names[0]}", names
    span = ink.t(line)
    wrap = w.rng.random()
    if wrap < 0.3:
        span = ink.i(span)
    elif wrap < 0.5:
        span = ink.b(span)
    if w.chance(0.3):  # the author's headshot opens the byline paragraph
        image = d.upload(f"headshot {names[0]}", f"Headshot of {names[0]}")
        return paragraph((img(image, 150, "alignleft size-thumbnail") + span[0], span[1])), shown
    return paragraph(span), shown


def guest(d: Desk) -> Draft:
    w, ink = d.w, d.w.ink
    draft = Draft("guest", categories=["guest-post", w.facts["specialty_slug"]])
    draft.title = w.fill(w.pick(phrases.GUEST_TITLES))
    names = [person(w.rng) for _ in range(2 if w.chance(0.15) else 1)]
    draft.byline_block, draft.bylines = _guest_byline(d, names)
    paras = w.rng.sample(phrases.GUEST_PARAS, w.rng.randint(3, 5))
    blocks = [d.para((p,), 1, image=0.3 if k == 0 else 0.0) for k, p in enumerate(paras)]
    if w.chance(0.3):
        blocks.insert(2, quote([ink.t(w.fill("Good outcomes start long before the incision."))]))
    role, hospital = w.pick(phrases.GUEST_ROLES), w.facts["hospital"]
    blocks.append(w.p(ink.i(f"{names[0]} is {role} at {hospital}.")))
    draft.blocks = blocks
    draft.tags = _tags(w)
    return draft


def case(d: Desk) -> Draft:
    w = d.w
    draft = Draft("case", categories=["case-reports", w.facts["specialty_slug"]])
    rare = w.facts["rare"]
    draft.title = (f"Case Report: {rare[0].upper()}{rare[1:]} in a {w.facts['age']}-Year-Old "
                   f"{w.facts['sport'].title()} Player")
    markup = w.pick(("html5", "html5", "block"))
    blocks = [w.p(w.fill(phrases.CASE_PARAS[0]))]
    for k, caption in enumerate(phrases.CAPTIONS[:w.rng.randint(1, 3)]):
        image = d.upload(f"case figure {k + 1}", w.pick(("", d.alt())))
        blocks.append(captioned(image, w.ink.t(w.fill(caption)), markup, link=w.chance(0.5)))
        blocks.append(w.p(w.fill(phrases.CASE_PARAS[k + 1])))
    blocks.append(w.para(phrases.CASE_PARAS[3:], 2))
    blocks.append(d.read_more())
    draft.blocks = blocks
    draft.tags = _tags(w, ("adolescents",))
    return draft


def numbers(d: Desk) -> Draft:
    w, ink = d.w, d.w.ink
    draft = Draft("numbers", categories=["clinical-research", w.facts["specialty_slug"]])
    draft.title = w.fill("{short} by the Numbers: {factor_title}")
    blocks = [paragraph(d.linked_lead(w.fill(w.pick(phrases.OPENERS))))]
    rows = [[ink.t("Outcome"), ink.t(w.fill("With {factor}")), ink.t("Without")]]
    for outcome in w.rng.sample(phrases.BAD_OUTCOMES, w.rng.randint(3, 5)):
        a, b = w.rng.randint(2, 30), w.rng.randint(1, 20)
        rows.append([ink.t(outcome[0].upper() + outcome[1:]), ink.t(f"{a}.{b % 10}%"),
                     ink.t(f"{b}.{a % 10}%")])
    blocks.append(table(rows, head=w.chance(0.7)))
    blocks.append(d.para(phrases.TAKEAWAYS, 2))
    draft.blocks = blocks
    draft.tags = _tags(w, ("registry data",))
    return draft


def news(d: Desk) -> Draft:
    w = d.w
    draft = Draft("news", categories=["need-to-know"])
    draft.title = w.fill(w.pick(phrases.NEWS_TITLES))
    first = w.fill(w.pick(phrases.NEWS_PARAS[:3]))
    blocks = [d.image_paragraph(w.linked(first)) if w.chance(0.5) else w.p(first)]
    if "Podcast" in draft.title:
        blocks.append(embed(f"{w.rng.getrandbits(40):010x}", draft.title, w.rng.randint(0, 2)))
    if w.chance(0.6):
        blocks.append(w.p(w.fill(w.pick(phrases.NEWS_PARAS[3:]))))
    draft.blocks = blocks
    draft.tags = _tags(w, ("podcast",) if "Podcast" in draft.title else ())
    if w.chance(0.5):
        draft.summary = clean(first)
    return draft


KINDS: tuple[tuple[Callable[[Desk], Draft], float], ...] = (
    (study, 0.38), (news, 0.14), (found, 0.1), (whats_new, 0.09), (guest, 0.14), (case, 0.09),
    (numbers, 0.06),
)
