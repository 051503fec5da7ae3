"""Story generators for editorial content: interviews, news, lists, studies, briefs, roundups."""

from __future__ import annotations

from . import phrases, vocab
from .blocks import Block, embed, heading, item_list, quote, spacer
from .stories_corporate import _area, _tags
from .writing import Story, Writer, possessive


def _recast_surgeon(w: Writer) -> None:
    r = w.rng
    first, last = r.choice(vocab.FIRST_NAMES), r.choice(vocab.LAST_NAMES)
    hospital, city = r.choice(vocab.HOSPITALS)
    w.facts.update({"surgeon": f"Dr. {first} {last}", "surgeon_last": f"Dr. {last}",
                    "surgeon_role": r.choice(vocab.SURGEON_ROLES), "hospital": hospital,
                    "hospital_city": city, "topic": r.choice(vocab.TOPICS),
                    "procedure": r.choice(vocab.PROCEDURES)})


def interview(w: Writer) -> Story:
    f, ink = w.facts, w.ink
    story = Story("interview", categories=["interviews", "spine"], syndicated=w.chance(0.6))
    if w.chance(0.3):
        story.categories.append("featured")
    n = w.rng.randint(4, 8)
    story.title = w.fill(w.pick((
        "Q&A: {surgeon} on {topic}",
        f"{{surgeon}}: {n} thoughts on {{topic}}",
        "5 Questions with {surgeon} of {hospital}",
        "“A good surgeon knows when not to operate” – {surgeon} on {topic}",
        "{surgeon_last}’s take on {topic} & the future of {field}",
    )))
    blocks = [w.para(phrases.INTERVIEW_INTRO, 1)]
    if w.chance(0.35):
        blocks.append(w.figure(f["surgeon"], w.pick((
            f"{f['surgeon']} at {f['hospital']}.", f"{f['surgeon']} (photo courtesy of "
            f"{f['hospital']})", None)), alt=f["surgeon"]))
    style = w.rng.randint(0, 2)
    pull: str | None = None
    deck = w.rng.sample(phrases.ANSWERS, len(phrases.ANSWERS))  # no answer twice in a row
    for question in w.rng.sample(phrases.QUESTIONS, n):
        q = w.fill(question)
        if style == 0:
            blocks.append(w.p(ink.b(f"Q: {q}")))
        elif style == 1:
            blocks.append(heading(3, ink.t(q)))
        else:
            blocks.append(w.p(ink.b(f"Question: {q}")))
        for k in range(w.rng.randint(1, 3)):
            answer = " ".join(w.fill(deck.pop()) for _ in range(w.rng.randint(2, 4)) if deck)
            if len(deck) < 4:  # a long interview: start a fresh deck of answers
                deck = w.rng.sample(phrases.ANSWERS, len(phrases.ANSWERS))
            pull = pull or (answer.split(". ")[0] if w.chance(0.2) else None)
            if style == 2 and k == 0:
                blocks.append(w.p(ink.join([ink.b(f"{f['surgeon_last']}:"), " ",
                                            w.linked(answer)])))
            else:
                blocks.append(w.p(("A: " if style == 0 and k == 0 else "") + answer))
    if pull:
        blocks.insert(len(blocks) // 2, quote([ink.t(pull.rstrip(".") + ".")],
                                              css=w.pick(("", "wp-block-quote"))))
    if w.chance(0.5):
        blocks.append(w.p(ink.i("Editor’s note: This interview has been condensed and "
                                "lightly edited.")))
    story.blocks = blocks
    story.tags = _tags(w, ("surgeon interview",))
    if w.chance(0.5):
        story.summary = w.fill("{surgeon} of {hospital} talks about {topic}.")
    story.image_stem = f["surgeon"]
    story.image_alt = f["surgeon"]
    return story


def news(w: Writer) -> Story:
    f, ink = w.facts, w.ink
    story = Story("news", categories=[_area(w)], syndicated=w.chance(0.9))
    lead_i = w.rng.randrange(len(phrases.NEWS_LEAD))
    titles = (
        "{company} to acquire {other_company} for {amount}",
        "{surgeon} joins {hospital}",
        "{company} opens ASC in {hospital_city}",
        "{company} raises {amount}",
        "{company_poss} spine revenue climbs {pct}%",
        "{hospital} performs first {procedure} with {technology}",
    )
    if lead_i < len(titles):
        story.title = w.fill(titles[lead_i])
    else:  # the study lead
        story.title = w.fill("New data on {procedure} outcomes: what surgeons should know")
    if lead_i in (0, 3, 4):
        story.categories.append("business-finance")
    if lead_i == 2:
        story.categories.append("practice-management")
    blocks = [w.p(w.fill(phrases.NEWS_LEAD[lead_i]) + " "
                  + w.sentences(phrases.NEWS_DETAIL, w.rng.randint(0, 2)))]
    if w.chance(0.4):
        n = w.rng.randint(3, 6)
        story.title = f"{story.title}: {n} things to know"
        items = [w.linked(w.fill(s)) for s in w.rng.sample(phrases.THINGS, n)]
        blocks.append(item_list(items, ordered=w.chance(0.6)))
    else:
        for _ in range(w.rng.randint(1, 4)):
            if w.chance(0.2):
                blocks.append(heading(w.pick((2, 3)), ink.t(w.fill(w.pick((
                    "What it means for {company}", "The bigger picture", "Why it matters",
                    "Inside the {hospital_city} market"))))))
            blocks.append(w.para(phrases.NEWS_DETAIL, w.rng.randint(1, 3)))
    if w.chance(0.25):
        blocks.append(w.older_link())
    story.blocks = blocks
    story.tags = _tags(w)
    if w.chance(0.4):
        story.summary = w.fill(phrases.NEWS_LEAD[lead_i])
    story.image_stem = story.title[:40]
    story.image_alt = f["company"]
    return story


def listicle(w: Writer) -> Story:
    f, ink = w.facts, w.ink
    n = w.rng.randint(7, 14)
    story = Story("listicle", categories=["spine", "featured"], syndicated=True)
    story.title = w.fill(w.pick((
        f"{n} spine surgeons leading the way in {{topic}}",
        f"{n} orthopedic surgeons to know in {{year}}",
        f"{n} surgeons pushing {{technology}} forward",
    )))
    blocks = [w.p(w.fill(f"Here are {n} surgeons whose work on {{topic}} stood out this "
                         "year."))]
    ranked = w.chance(0.3)
    for k in range(1, n + 1):
        _recast_surgeon(w)
        label = f"{k}. {f['surgeon']}" if ranked else f["surgeon"]
        blocks.append(heading(3, ink.t(f"{label} ({f['hospital']})")))
        blocks.append(w.para(phrases.LIST_ITEM_BIO, 1))
    blocks.append(w.p(ink.i("Note: Surgeons are listed in no particular order." if not ranked
                            else "Note: The list is not an endorsement.")))
    story.blocks = blocks
    story.tags = _tags(w, ("physician moves",))
    story.image_stem = "surgeons to know"
    story.image_alt = "Surgeons to know"
    return story


def study(w: Writer) -> Story:
    f, ink = w.facts, w.ink
    story = Story("study", categories=["research", _area(w)], syndicated=w.chance(0.4))
    story.title = w.fill(w.pick((
        "Study: {technology} linked to fewer revisions after {procedure}",
        "{procedure} in the ASC: {cases}-patient study finds lower costs",
        "Researchers compare outcomes of {procedure} – “no significant difference” in pain",
    )))
    w.pin_patients(story.title)
    blocks = [w.para(phrases.STUDY_DETAIL[:1], 1), w.para(phrases.STUDY_DETAIL[1:], 3)]
    blocks.append(heading(w.pick((2, 3)), ink.t("Key findings")))
    finds = w.rng.sample(phrases.STUDY_FINDINGS, w.rng.randint(3, 5))
    blocks.append(item_list([ink.t(w.fill(x)) for x in finds]))
    if w.chance(0.5):
        line = w.fill(w.pick(phrases.SURGEON_QUOTE))
        blocks.append(quote([ink.t(f"“{line}.”"), ink.t(f"– {f['surgeon']}")]))
    blocks.append(w.para(phrases.STUDY_DETAIL[1:], 2))
    if w.chance(0.3):
        blocks.append(w.figure(f"{f['procedure']} study", w.fill(
            "Outcomes at {months} months. Source: study authors."), alt="Chart"))
    story.blocks = blocks
    story.tags = _tags(w, ("study",))
    if w.chance(0.5):
        story.summary = w.fill("A study from {hospital} looks at {procedure} outcomes.")
    story.image_stem = f"{f['procedure']} research"
    story.image_alt = "Research"
    return story


def brief(w: Writer) -> Story:
    """A very short post: a video with one line, or a one- or two-paragraph item."""
    f = w.facts
    story = Story("brief", categories=[_area(w)])
    if w.chance(0.5):
        story.title = w.fill("Video: {surgeon} demonstrates {procedure} with the {product}")
        story.blocks = [
            embed(f"{w.rng.getrandbits(40):010x}", story.title, w.rng.randint(0, 2)),
            w.p(w.fill("{surgeon}, {surgeon_role} at {hospital}, walks through a "
                       "{procedure} case using the {product} {device_lower} from {company}.")),
        ]
        story.tags = ["video", *_tags(w)]
    else:
        story.title = w.fill("{company} names {exec} {exec_title}")
        blocks: list[Block] = [w.p(w.fill("{company} has named {exec} as {exec_title}. "
                                          "{exec} joins from {other_company}."))]
        if w.chance(0.5):
            blocks.append(w.para(phrases.NEWS_DETAIL, 1))
        story.blocks = blocks
        story.tags = _tags(w)
    story.image_stem = story.title[:40]
    story.image_alt = f["company"]
    return story


def roundup(w: Writer) -> Story:
    """A very long post: 40+ blocks of launches, each a heading and a paragraph."""
    f, ink = w.facts, w.ink
    n = w.rng.randint(20, 26)
    story = Story("roundup", categories=["technology", "spine", "featured"])
    story.title = w.fill(f"{{year}} in review: {n} device launches spine surgeons should know")
    blocks = [w.para(phrases.MARKET_DETAIL, 2),
              w.p(f"Here are {n} launches and clearances from the past year, in "
                  "alphabetical order.")]
    picks = sorted(w.rng.sample(vocab.COMPANIES, min(n, len(vocab.COMPANIES))))
    for k, company in enumerate(picks[:n], 1):
        product = w.pick(vocab.PRODUCT_ROOTS) + w.pick(vocab.PRODUCT_SUFFIXES)
        device, noun, indication = w.pick(vocab.DEVICES)
        w.facts.update({"company": company[0], "company_poss": possessive(company[0]),
                        "product": product, "device": device,
                        "device_lower": device.lower(), "device_noun": noun,
                        "indication": indication, "procedure": w.pick(vocab.PROCEDURES),
                        "company_site": f"https://www.{company[3]}.example/"})
        blocks.append(heading(3, ink.t(f"{k}. {company[0]}: {product}")))
        blocks.append(w.para(phrases.ROUNDUP_ITEM, w.rng.randint(1, 2)))
        if k % 7 == 0:
            blocks.append(spacer())
    story.blocks = blocks
    story.tags = _tags(w)
    story.summary = w.fill("Our annual list of notable spine device launches from {year}.")
    story.image_stem = f"device launches {f['year']}"
    story.image_alt = "Device launches"
    return story
