"""What the site publishes: short breaking news and long features, courtroom stories, surgeon
debates, research roundups; the shared replica's news, study, interview, FDA and market-report
generators are reused with this site's desk and sections."""

from __future__ import annotations

from collections.abc import Callable

from .. import phrases as shared
from .. import vocab
from ..blocks import Block, embed, heading, item_list, quote, table
from ..stories_corporate import _tags, fda_clearance, market_report
from ..stories_editorial import brief, interview, news, study
from ..writing import Story
from . import phrases
from .desk import Desk

# Shared generators' category slugs -> this site's (None: the post's own area).
_SECTIONS = {"research": "research", "business-finance": "business",
             "practice-management": "business", "market-reports": "business",
             "fda": "regulatory", "interviews": "interviews", "spine": None,
             "orthopedics": None}


def _sentence_case(title: str) -> str:
    """``Robotics Has Earned Its Place in Routine TKA`` -> ``robotics has earned ... TKA``."""
    return " ".join(w if w.isupper() else w.lower() for w in title.split())


def _recast(w: Desk) -> None:
    """A new hospital and procedure, for a story that covers several studies."""
    hospital, city = w.pick(vocab.HOSPITALS)
    w.facts.update({"hospital": hospital, "hospital_city": city,
                    "procedure": w.pick(vocab.PROCEDURES),
                    "surgeon": f"Dr. {w.pick(vocab.FIRST_NAMES)} {w.pick(vocab.LAST_NAMES)}"})


def legal(w: Desk) -> Story:
    ink = w.ink
    story = Story("legal", categories=["legal", w.area()])
    at = w.rng.randrange(len(phrases.LEGAL_LEADS))
    story.title = w.fill(phrases.LEGAL_TITLES[at])
    blocks = [w.p(w.fill(phrases.LEGAL_LEADS[at]) + " " + w.sentences(phrases.LEGAL_DETAILS, 1))]
    if at == 2 or w.chance(0.25):
        blocks.append(w.p("The complaint alleges that:"))
        claims = w.rng.sample(phrases.LEGAL_ALLEGATIONS, w.rng.randint(3, 5))
        blocks.append(item_list([ink.t(w.fill(c)) for c in claims], ordered=w.chance(0.5)))
    for _ in range(w.rng.randint(1, 3)):
        blocks.append(w.para(phrases.LEGAL_DETAILS, w.rng.randint(1, 2)))
    if w.chance(0.35):
        blocks.insert(1, w.figure("courtroom gavel", "The case was heard in federal court.",
                                  alt="Gavel"))
    if w.chance(0.2):
        blocks.append(w.older_link())
    story.blocks = blocks
    story.tags = _tags(w, ("litigation",))
    if w.chance(0.6):
        story.summary = w.fill("The dispute between {company} and {other_company} turns on "
                               "the {product} {device_lower}.")
    story.image_stem = f"{w.facts['company']} court"
    story.image_alt = "Courtroom"
    return story


def debate(w: Desk) -> Story:
    f, ink = w.facts, w.ink
    first, second = w.rng.sample(vocab.LAST_NAMES, 2)
    pro = f"Dr. {w.pick(vocab.FIRST_NAMES)} {first}"
    con = f"Dr. {w.pick(vocab.FIRST_NAMES)} {second}"
    motion = w.pick(phrases.DEBATE_MOTIONS)
    f.update({"pro": f"Dr. {first}", "con": f"Dr. {second}",
              "motion_lower": _sentence_case(motion)})
    story = Story("debate", title=f"{first} v. {second}: {motion}",
                  categories=["debates", w.area()])
    series = ink.join(["Point/Counterpoint", ("&reg;", "®"), " is our weekly surgeon debate. ",
                       w.fill(w.pick(phrases.DEBATE_INTROS))])
    blocks: list[Block] = [w.p(series),
                           w.p(f"{pro} practices at {f['hospital']}; {con} is at "
                               f"{f['hospital2']}.")]
    for name, side in ((pro, phrases.DEBATE_FOR), (con, phrases.DEBATE_AGAINST)):
        label = "For" if side is phrases.DEBATE_FOR else "Against"
        blocks.append(heading(3, ink.t(f"{name}: {label}")))
        points = [w.fill(s) for s in w.rng.sample(side, 2 * w.rng.randint(2, 3))]
        blocks += [w.p(" ".join(points[k:k + 2])) for k in range(0, len(points), 2)]
        if w.chance(0.3):
            line = w.fill(w.pick(shared.SURGEON_QUOTE))
            blocks.append(quote([ink.t(f"“{line}.”")], css=w.pick(("", "wp-block-quote"))))
    if w.chance(0.4):
        blocks.append(embed(f"{w.rng.getrandbits(40):010x}", story.title, w.rng.randint(0, 2)))
    blocks.append(w.p(ink.i(w.pick(phrases.DEBATE_VERDICTS))))
    story.blocks = blocks
    story.tags = _tags(w, ("debate",))
    story.summary = w.fill("{pro} and {con} disagree on whether {motion_lower}.")
    story.image_stem = f"{first} {second} debate"
    story.image_alt = "Debate"
    return story


def roundup(w: Desk) -> Story:
    ink = w.ink
    items = w.rng.sample(phrases.ROUNDUP_ITEMS, 3)
    heads = [head for head, _ in items]
    story = Story("roundup", title="; ".join(heads), categories=["research", w.area()])
    blocks: list[Block] = []
    for head, finding in items:
        _recast(w)
        w.facts["finding"] = finding
        blocks.append(heading(3, ink.t(head)))
        if w.chance(0.4):
            blocks.append(w.figure(head, w.fill(w.pick((
                "Results at {months} months. Source: study authors.", "{hospital}.",
                "Figure 1 from the study."))), alt=head))
        blocks.append(w.p(w.fill(w.pick(phrases.ROUNDUP_OPENERS)) + " "
                          + w.sentences(shared.STUDY_DETAIL[1:], w.rng.randint(1, 2))))
        if w.chance(0.4):
            blocks.append(w.para(shared.STUDY_DETAIL[1:], 2))
    story.blocks = blocks
    story.tags = _tags(w, ("study",))
    story.summary = " ".join(h if h.endswith("?") else f"{h}." for h in heads)
    story.image_stem = heads[0]
    story.image_alt = heads[0]
    return story


def feature(w: Desk) -> Story:
    f, ink = w.facts, w.ink
    story = Story("feature", title=w.fill(w.pick(phrases.FEATURE_TITLES)),
                  categories=[w.area(), "business"])
    pool = phrases.FEATURE_DETAILS + shared.NEWS_DETAIL
    blocks = [w.para(pool, 2), w.para(shared.MARKET_DETAIL, 2)]
    for k, name in enumerate(w.rng.sample(phrases.FEATURE_SECTIONS, w.rng.randint(3, 5))):
        blocks.append(heading(2, ink.t(name)))
        blocks.append(w.para(pool, w.rng.randint(2, 3)))
        if k == 0 and w.chance(0.6):
            blocks.append(w.figure(story.title, w.fill("{hospital} in {hospital_city}."),
                                   alt=f["hospital"]))
        if name == "The Numbers":
            year = f["year"]
            rows = [[ink.t("Measure"), ink.t(f"{int(year) - 1}"), ink.t(year)]]
            for label in w.rng.sample(("Procedures", "Surgeons", "Sites", "Revenue (USD M)",
                                       "Readmissions"), 3):
                low = w.rng.randint(20, 900)
                rows.append([ink.t(label), ink.t(f"{low:,}"),
                             ink.t(f"{low + w.rng.randint(5, 300):,}")])
            blocks.append(table(rows, head=w.chance(0.7)))
        elif name == "What Surgeons Say":
            line = w.fill(w.pick(shared.SURGEON_QUOTE))
            blocks.append(quote([ink.t(f"“{line}.”"), ink.t(f"– {f['surgeon']}")]))
        elif name == "What to Watch":
            items = w.rng.sample(shared.THINGS, w.rng.randint(3, 5))
            blocks.append(item_list([w.linked(w.fill(s)) for s in items], ordered=True))
        if w.chance(0.4):
            blocks.append(heading(3, ink.t(w.fill(w.pick((
                "A closer look at {hospital}", "The {technology} question",
                "What {company} is betting on"))))))
            blocks.append(w.para(pool, 2))
            if w.chance(0.5):
                items = w.rng.sample(shared.ANSWERS, 3)
                blocks.append(item_list([ink.t(w.fill(s)) for s in items]))
    blocks.append(w.para(shared.MARKET_DETAIL, 1))
    story.blocks = blocks
    story.tags = _tags(w)
    if w.chance(0.7):
        story.summary = w.fill("A long look at {topic}, from {hospital_city} to the boardroom.")
    story.image_stem = story.title[:40]
    story.image_alt = f["hospital"]
    return story


def _adapted(make: Callable[[Desk], Story]) -> Callable[[Desk], Story]:
    """A shared generator, its category slugs turned into this site's sections."""

    def write(w: Desk) -> Story:
        story = make(w)
        slugs = [_SECTIONS.get(s, "") for s in story.categories]
        story.categories = list(dict.fromkeys(s or w.area() for s in slugs if s != "")) or [
            w.area()]
        return story

    write.__name__ = make.__name__
    return write


KINDS: tuple[tuple[Callable[[Desk], Story], float], ...] = (
    (_adapted(news), 0.22), (_adapted(brief), 0.08), (_adapted(study), 0.1),
    (_adapted(interview), 0.06), (_adapted(fda_clearance), 0.1), (_adapted(market_report), 0.04),
    (legal, 0.14), (debate, 0.06), (roundup, 0.1), (feature, 0.1),
)
