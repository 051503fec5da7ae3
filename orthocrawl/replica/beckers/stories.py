"""What Becker's Spine Review publishes, from the shared corpus: short news, "things to know"
(sometimes typed as numbered paragraphs), surgeon lists, studies, earnings tables, Featured
Insights essays, briefs, and its own Ask Spine Surgeons series, whose boilerplate editors
type into the body (chrome blocks, see boilerplate.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..blocks import Block
from ..corpus import parts, stories
from ..corpus.writer import Story, Writer
from ..inline import attr
from . import boilerplate
from .constants import JOOMLA_UNTIL

TOPICS = {"spine": "spine", "orthopedic": "orthopedics", "spinal-tech": "spine devices",
          "practice-management": "practice management", "featured-insights": "industry insights"}


class Desk(Writer):
    extras = frozenset({"figure"})

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.docs_spans = self.docs_spans and self.published < JOOMLA_UNTIL  # the new CMS's

    def things(self, items: Sequence[str]) -> list[Block]:
        """The list as an <ol>, or as numbered paragraphs typed by hand."""
        if self.chance(0.5):
            return super().things(items)
        return [self.p(f"{k}. {item}") for k, item in enumerate(items, 1)]

    def figure(self, stem: str, caption: str | None, alt: str = "") -> Block:
        """An in-body chart with its caption (the caption is body text)."""
        text = caption or stem
        name = f"chart-{self.post_id}-{self.rng.randint(1, 99)}"
        html = (f'<figure class="article-inline-image"><img src="https://www.beckersspine.com'
                f'/images/articles/charts/{name}.png" alt="{attr(text[:40])}" width="640" '
                f'height="400" loading="lazy"><figcaption>{self.ink.t(text)[0]}</figcaption>'
                "</figure>")
        return Block("figure", html, " ".join(text.split()))


def ask(w: Writer) -> Story:
    """One week of the Ask Spine Surgeons series: the question, several surgeons' answers, and
    the series boilerplate (intro, next question, where to send answers, editor's note)."""
    ink = w.ink
    n = w.rng.randint(2, 5)
    question = w.fill(w.pick(parts.QUESTIONS))
    story = Story("ask", categories=["spine"], facts=w.facts)
    story.title = w.fill(w.pick((f"{n} spine surgeons on {{topic}}",
                                 f"How {n} spine surgeons approach {{procedure}}",
                                 f"Spine surgeons weigh in: {question.rstrip('?')}")))
    ask_line, intro = w.p(ink.b(f"Question: {question}")), boilerplate.series_intro(w)
    blocks = [intro, ask_line] if w.chance(0.7) else [ask_line, intro]
    note = boilerplate.editors_note(w)
    if w.chance(0.4):
        blocks.append(note)
    for _ in range(n):
        w.recast_surgeon()
        label = ink.b(w.fill("{surgeon}, {hospital} ({hospital_city}):"))
        blocks.append(w.p(ink.join([label, " ", w.linked(w.answer(w.rng.randint(2, 3)))])))
        if w.chance(0.4):
            blocks.append(w.p(w.answer(2)))
    blocks += [boilerplate.next_question(w, question), boilerplate.send_responses(w)]
    if note not in blocks:
        blocks.append(note)
    story.blocks = blocks
    story.summary = f"Spine surgeons answer this week’s question: {question}"
    story.image_alt = "Spine surgeons"
    return story


def section(w: Writer, story: Story) -> str:
    """The section a story runs in (its one category on the page)."""
    if story.kind == "insight":
        return "featured-insights"
    if story.kind == "things":
        return w.pick(("spine", "spinal-tech", "orthopedic"))
    if story.kind in ("study", "earnings"):
        return w.pick(("spine", "spinal-tech") if story.kind == "study" else
                      ("spinal-tech", "orthopedic"))
    if "practice-management" in story.categories and w.chance(0.5):
        return "practice-management"
    return "spine" if w.facts.device.spine else "orthopedic"


KINDS: tuple[tuple[Callable[[Writer], Story], float], ...] = (
    (stories.news, 0.24), (stories.interview, 0.1), (stories.things, 0.14), (ask, 0.12),
    (stories.people, 0.06), (stories.study, 0.1), (stories.earnings, 0.06),
    (lambda w: stories.essay(w, "insight"), 0.08),
    (lambda w: stories.brief(w, video=0.0, detail=0.5), 0.1),
)
