"""What Becker's Spine Review publishes: short news, "things to know", the Ask Spine Surgeons
series, surgeon lists, studies, earnings tables, Featured Insights and briefs.

Each generator returns a Draft whose pieces are the article's body (plus the series
boilerplate that editors type into the body, marked as chrome)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .. import phrases, vocab
from ..blocks import Block, heading, item_list, quote, table
from ..inline import attr
from ..writing import Writer
from . import boilerplate
from .model import Piece

_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                 "nine", "10")


@dataclass
class Draft:
    kind: str
    section: str  # section slug
    title: str = ""
    pieces: list[Piece] = field(default_factory=list)
    summary: str | None = None  # a hand-written description, if any
    topic: str = "spine"  # for "More articles on ..."
    image_alt: str = ""


def piece(block: Block) -> Piece:
    return Piece(block.html, block.text, kind=block.kind)


def _recast_surgeon(w: Writer) -> None:
    r = w.rng
    first, last = r.choice(vocab.FIRST_NAMES), r.choice(vocab.LAST_NAMES)
    hospital, city = r.choice(vocab.HOSPITALS)
    w.facts.update({"surgeon": f"Dr. {first} {last}", "surgeon_last": f"Dr. {last}",
                    "surgeon_role": r.choice(vocab.SURGEON_ROLES), "hospital": hospital,
                    "hospital_city": city})


def _spine_or_ortho(w: Writer) -> str:
    device = w.facts["device"]
    spine = any(k in device for k in ("Spine", "Interbody", "Cervical", "Pedicle", "Lumbar",
                                      "Sacroiliac", "Cage", "Vertebral", "Navigation", "Robotic"))
    return "spine" if spine else "orthopedic"


def news(w: Writer) -> Draft:
    at = w.rng.randrange(len(phrases.NEWS_LEAD))
    section = ("practice-management" if at in (1, 2) and w.chance(0.5) else _spine_or_ortho(w))
    topic = {"spine": "spine", "orthopedic": "orthopedics",
             "practice-management": "practice management"}[section]
    draft = Draft("news", section, topic=topic)
    draft.title = w.fill((
        "{company} to acquire {other_company} in {amount} deal",
        "{surgeon} joins {hospital}",
        "{company} opens {small}-OR surgery center in {hospital_city}",
        "{company} lands {amount} to grow {product} platform",
        "{company_poss} spine revenue climbs {pct}%",
        "{hospital} completes 1st {procedure} with {technology}",
        "{procedure} outcomes in {cases} patients: what a new study found",
    )[at])
    pieces = [piece(w.p(w.fill(phrases.NEWS_LEAD[at]) + " "
                        + w.sentences(phrases.NEWS_DETAIL, w.rng.randint(1, 2))))]
    for _ in range(w.rng.randint(1, 4)):
        if w.chance(0.15):
            pieces.append(piece(heading(3, w.ink.t(w.fill(w.pick((
                "Why it matters", "The bigger picture", "What comes next for {company}")))))))
        pieces.append(piece(w.para(phrases.NEWS_DETAIL, w.rng.randint(1, 3))))
    draft.pieces = pieces
    if w.chance(0.5):
        draft.summary = w.fill(phrases.NEWS_LEAD[at])
    draft.image_alt = w.facts["company"]
    return draft


def things(w: Writer) -> Draft:
    """"N things to know": the list as an <ol>, or as numbered paragraphs typed by hand."""
    n = w.rng.randint(3, 7)
    section = w.pick(("spine", "spinal-tech", "orthopedic"))
    draft = Draft("things", section, topic="spine devices" if section == "spinal-tech" else "spine")
    draft.title = w.fill(w.pick((
        "{company} buys {other_company}: # things to know",
        "{product} {device_lower} gets FDA nod: # things to know",
        "{hospital} expands spine program: # things to know",
    )).replace("#", str(n)))
    word = _NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) else str(n)
    pieces = [piece(w.para(phrases.NEWS_LEAD[:1] + phrases.FDA_DETAIL[:1], 1)),
              piece(w.p(f"Here are {word} things to know:"))]
    items = [w.fill(s) for s in w.rng.sample(phrases.THINGS + phrases.FDA_DETAIL[1:6], n)]
    if w.chance(0.5):
        pieces.append(piece(item_list([w.linked(s) for s in items], ordered=True)))
    else:
        pieces.extend(piece(w.p(f"{k}. {s}")) for k, s in enumerate(items, 1))
    draft.pieces = pieces
    draft.image_alt = w.facts["product"]
    return draft


def ask(w: Writer) -> Draft:
    """One week of the Ask Spine Surgeons series: the question, several surgeons' answers, and
    the series boilerplate (intro, next question, where to send answers, editor's note)."""
    ink = w.ink
    n = w.rng.randint(2, 5)
    question = w.fill(w.pick(phrases.QUESTIONS))
    draft = Draft("ask", "spine", topic="spine surgeons")
    draft.title = w.fill(w.pick((
        f"{n} spine surgeons on {{topic}}",
        f"How {n} spine surgeons approach {{procedure}}",
        f"Spine surgeons weigh in: {question.rstrip('?')}",
    )))
    pieces: list[Piece] = []
    ask_line = piece(w.p(ink.b(f"Question: {question}")))
    intro = boilerplate.series_intro(w)
    if w.chance(0.7):
        pieces += [intro, ask_line]
    else:
        pieces += [ask_line, intro]
    note = boilerplate.editors_note(w)
    if w.chance(0.4):
        pieces.append(note)
    deck = w.rng.sample(phrases.ANSWERS, len(phrases.ANSWERS))
    for _ in range(n):
        _recast_surgeon(w)
        label = ink.b(w.fill("{surgeon}, {hospital} ({hospital_city}):"))
        answer = " ".join(w.fill(deck.pop()) for _ in range(w.rng.randint(2, 3)))
        pieces.append(piece(w.p(ink.join([label, " ", w.linked(answer)]))))
        if w.chance(0.4):
            pieces.append(piece(w.p(" ".join(w.fill(deck.pop()) for _ in range(2)))))
    pieces += [boilerplate.next_question(w, question), boilerplate.send_responses(w)]
    if note not in pieces:
        pieces.append(note)
    draft.pieces = pieces
    draft.summary = f"Spine surgeons answer this week’s question: {question}"
    draft.image_alt = "Spine surgeons"
    return draft


def surgeons(w: Writer) -> Draft:
    n = w.rng.randint(5, 10)
    section = w.pick(("spine", "spine", "orthopedic"))
    draft = Draft("surgeons", section, topic="spine surgeons")
    kind = "spine surgeons" if section == "spine" else "orthopedic surgeons"
    draft.title = w.fill(f"{n} {kind} to know | {{year}}")
    pieces = [piece(w.p(w.fill(f"Here are {n} {kind} whose work on {{topic}} stands out.")))]
    as_headings = w.chance(0.4)
    for _ in range(n):
        _recast_surgeon(w)
        bio = w.sentences(phrases.LIST_ITEM_BIO, 1)
        if as_headings:
            pieces.append(piece(heading(3, w.ink.t(w.fill("{surgeon} ({hospital})")))))
            pieces.append(piece(w.p(bio)))
        else:
            pieces.append(piece(w.p(w.ink.join([w.ink.b(w.facts["surgeon"] + "."), " ",
                                                w.linked(bio)]))))
    pieces.append(piece(w.p(w.ink.i("Note: This list is not an endorsement of the surgeons "
                                    "or their practices."))))
    draft.pieces = pieces
    draft.image_alt = kind.capitalize()
    return draft


def study(w: Writer) -> Draft:
    f, ink = w.facts, w.ink
    draft = Draft("study", w.pick(("spine", "spinal-tech")), topic="spine research")
    draft.title = w.fill(w.pick((
        "{technology} tied to fewer revisions after {procedure}: study",
        "{procedure} costs {pct_small}% less in ASCs, {cases}-patient study finds",
        "Study compares {procedure} outcomes at {months} months",
    )))
    w.pin_patients(draft.title)
    pieces = [piece(w.para(phrases.STUDY_DETAIL[:1], 1)),
              piece(w.para(phrases.STUDY_DETAIL[1:], 2)),
              piece(w.p(w.pick(("Key findings:", "What the researchers found:"))))]
    finds = w.rng.sample(phrases.STUDY_FINDINGS, w.rng.randint(3, 5))
    pieces.append(piece(item_list([ink.t(w.fill(x)) for x in finds])))
    if w.chance(0.4):
        pieces.append(piece(quote([ink.t(f"“{w.fill(w.pick(phrases.SURGEON_QUOTE))}.”"),
                                   ink.t(f"– {f['surgeon']}")])))
    pieces.append(piece(w.para(phrases.STUDY_DETAIL[1:], 1)))
    draft.pieces = pieces
    if w.chance(0.4):
        draft.summary = w.fill("Researchers at {hospital} examined {procedure} outcomes.")
    draft.image_alt = "Research"
    return draft


def earnings(w: Writer) -> Draft:
    f, ink, r = w.facts, w.ink, w.rng
    quarter = r.randint(1, 4)
    year = int(f["year"])
    draft = Draft("earnings", w.pick(("spinal-tech", "orthopedic")), topic="device companies")
    draft.title = w.fill(f"{{company_poss}} Q{quarter} spine sales: {{pct}}% growth and "
                         "4 other numbers")
    pieces = [piece(w.p(w.fill(f"{{company}} reported results for the {_quarter(quarter)} "
                               f"quarter of {year}, with spine sales leading the way.")))]
    rows = [[ink.t("Segment"), ink.t(f"Q{quarter} {year}"), ink.t(f"Q{quarter} {year - 1}"),
             ink.t("Change")]]
    for segment in r.sample(vocab.MARKET_SEGMENTS, r.randint(3, 5)):
        now, before = r.randint(40, 480), r.randint(40, 480)
        change = round((now - before) / before * 100, 1)
        rows.append([ink.t(segment), ink.t(f"${now}.{r.randint(0, 9)}M"),
                     ink.t(f"${before}.{r.randint(0, 9)}M"), ink.t(f"{change:+.1f}%")])
    pieces.append(piece(table(rows, head=w.chance(0.7))))
    pieces.append(piece(w.para(phrases.MARKET_DETAIL, 2)))
    if w.chance(0.5):
        line = w.fill(w.pick(phrases.PRESS_QUOTE))
        pieces.append(piece(w.p(ink.join([f"“{line},” said {f['exec']}, ",
                                          f"{f['exec_title']} of {f['company']}."]))))
    draft.pieces = pieces
    draft.image_alt = f["company"]
    return draft


def _quarter(n: int) -> str:
    return ("first", "second", "third", "fourth")[n - 1]


def insight(w: Writer) -> Draft:
    """A Featured Insights essay: long, with headings, a pull quote and a captioned figure."""
    f, ink = w.facts, w.ink
    draft = Draft("insight", "featured-insights", topic="industry insights")
    topic = f["topic"][:1].upper() + f["topic"][1:]
    draft.title = w.fill(w.pick((
        "Why {topic} needs a new playbook",
        f"{topic}: 3 lessons from {{company_poss}} {{exec_title}}",
        "Building a {procedure} program that lasts",
    )))
    pieces = [piece(w.para(phrases.MARKET_DETAIL, 2)), piece(w.para(phrases.NEWS_DETAIL, 2))]
    for title in w.rng.sample(("Where the market is heading", "What surgeons are asking for",
                               "The cost question", "Lessons from early adopters"), 2):
        pieces.append(piece(heading(2, ink.t(title))))
        pieces.append(piece(w.para(phrases.MARKET_DETAIL + phrases.PRESS_DETAIL,
                                   w.rng.randint(2, 3))))
        if w.chance(0.3):
            pieces.append(piece(w.para(phrases.NEWS_DETAIL, 2)))
    line = w.fill(w.pick(phrases.PRESS_QUOTE))
    pieces.insert(3, piece(quote([ink.t(f"“{line}.”")])))
    if w.chance(0.6):
        pieces.insert(2, figure(w, w.fill("{market} revenue by segment, {year}. Source: {firm}.")))
    pieces.append(piece(w.p(ink.i(w.fill(f"{{exec}} is {{exec_title}} of {{company}}, "
                                         f"{f['company_desc']}.")))))
    draft.pieces = pieces
    draft.summary = w.fill("{exec} of {company} on {topic}.")
    draft.image_alt = f["exec"]
    return draft


def figure(w: Writer, caption: str) -> Piece:
    """An in-body chart with its caption (the caption is body text)."""
    name = f"chart-{w.post_id}-{w.rng.randint(1, 99)}"
    html = (f'<figure class="article-inline-image"><img src="https://www.beckersspine.com'
            f'/images/articles/charts/{name}.png" alt="{attr(caption[:40])}" width="640" '
            f'height="400" loading="lazy"><figcaption>{w.ink.t(caption)[0]}</figcaption>'
            "</figure>")
    return Piece(html, " ".join(caption.split()), kind="figure")


def brief(w: Writer) -> Draft:
    draft = Draft("brief", w.pick(("spine", "orthopedic", "practice-management")))
    draft.title = w.fill("{company} names {exec} {exec_title}")
    pieces = [piece(w.p(w.fill("{company} has named {exec} its {exec_title}. {exec} joins "
                               "from {other_company}.")))]
    if w.chance(0.4):
        pieces.append(piece(w.para(phrases.NEWS_DETAIL, 1)))
    draft.pieces = pieces
    draft.image_alt = w.facts["exec"]
    return draft


KINDS: tuple[tuple[Callable[[Writer], Draft], float], ...] = (
    (news, 0.34), (things, 0.14), (ask, 0.12), (surgeons, 0.06), (study, 0.1),
    (earnings, 0.06), (insight, 0.08), (brief, 0.1),
)
