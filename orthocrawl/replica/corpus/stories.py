"""Story formats every replica shares: press releases, FDA clearances, news, lists, interviews,
studies, market reports, roundups, briefs, courtroom stories, debates and essays.

Each format writes a Story from the corpus's parts (parts.py) with the desk it is given; the
desk decides the markup (``paras``, ``figure``, ``older_link``) and which optional blocks its
site prints (``extras``). Categories are generic slugs (``spine``, ``press-releases``,
``business-finance``...) that each replica maps onto its own.
"""

from __future__ import annotations

from random import Random

from ..blocks import Block, embed, heading, item_list, quote, spacer, table
from ..timefmt import ap_date
from . import cast, parts
from .writer import Story, Writer, person

NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def area(w: Writer) -> str:
    return "spine" if w.facts.device.spine else "orthopedics"


def tags(w: Writer, *extra: str, most: int = 4) -> list[str]:
    if w.chance(0.2):
        return []
    picked = w.rng.sample(cast.TAGS, w.rng.randint(1, most)) + list(extra)
    if w.chance(0.5):
        picked.append(w.slots["company"])
    return list(dict.fromkeys(picked))


def said(w: Writer, pool: tuple[str, ...], who: str, role: str) -> str:
    first, second = (w.fill(q) for q in w.rng.sample(pool, 2))
    return f"“{first},” said {who}, {role}. “{second}.”"


def exec_said(w: Writer) -> str:
    s = w.slots
    return said(w, parts.QUOTES, s["exec"], f"{s['exec_title']} of {s['company']}")


def about(w: Writer, level: int) -> list[Block]:
    """The company boilerplate: the same words every time this company appears."""
    company = w.facts.company
    rng = Random(f"about-{company.name}")
    founded = str(rng.randint(1994, 2011))
    rest = sorted(rng.sample(range(1, len(parts.ABOUT)), 2))
    body = " ".join(w.fill(parts.ABOUT[k], rng, founded=founded, **w.cast_company(company))
                    for k in (0, *rest))
    title = w.ink.t(f"About {company.name}")
    head = heading(level, title) if level else w.p(w.ink.b(title))
    return [head, w.p(w.ink.join([w.linked(body), " For more information, visit ",
                                  w.ink.a(company.site, company.site.removeprefix("https://")),
                                  "."]))]


def dateline(w: Writer, wire: tuple[str, str] | None = None) -> str:
    dash = w.pick(("—", "--", "–"))
    return (f"{w.facts.company.dateline}, {ap_date(w.published)}"
            f"{f' /{wire[0]}/' if wire else ''} {dash}")


def _features(w: Writer, intro: str) -> list[Block]:
    return [w.p(w.fill(intro)), w.items(parts.FEATURES, w.rng.randint(3, 5))]


def release(w: Writer) -> Story:
    """A company's press release: dateline, announcement, quotes, boilerplate."""
    f, s, ink = w.facts, w.slots, w.ink
    f.event = w.event or w.pick(parts.RELEASES)
    event = parts.EVENTS[f.event]
    story = Story("press_release", title=w.fill(w.pick(event.headlines)), facts=f,
                  categories=["press-releases", area(w), *filter(None, [event.category])])
    story.wire = w.pick(cast.WIRES) if w.chance(0.6) else None
    lead = (f"{dateline(w, story.wire)} {f.company.name}, {f.company.what}, today announced "
            f"{w.fill(event.announce)}.")
    texts = [lead + " " + w.sentences(parts.DETAIL, 1),
             *(w.sentences(parts.DETAIL, w.rng.randint(2, 3))
               for _ in range(w.rng.randint(1, 3))), exec_said(w)]
    blocks = w.paras(texts)
    if w.chance(0.45):
        blocks += _features(w, "Key features of the {product} {device_lower} include:")
    if "figure" in w.extras and w.chance(0.3):
        blocks.append(w.figure(f"{s['company']} {s['product']}", w.pick((
            w.fill("The {product} {device_lower}."),
            w.fill("The {product} instrument set. Image courtesy of {company}."), None))))
    if "surgeon_quote" in w.extras and w.chance(0.5):
        blocks.append(w.p(said(w, parts.SURGEON_QUOTES, s["surgeon"],
                               f"{s['surgeon_role']} at {s['hospital']}")))
    if "older_link" in w.extras and w.chance(0.2):
        blocks.append(w.older_link())
    if "spacer" in w.extras and w.chance(0.15):
        blocks.append(spacer())
    if w.chance(0.8):
        blocks += about(w, w.pick((2, 3, 3, 0)))
    if "forward" in w.extras and w.chance(0.4):
        blocks += [heading(3, ink.t("Forward-Looking Statements")), w.p(w.fill(parts.FORWARD))]
    if "contact" in w.extras and w.chance(0.6):
        mail = f"media@{f.company.domain}.example"
        phone = f"(555) {w.rng.randint(100, 199):03d}-{w.rng.randint(1000, 9999)}"
        blocks.append(w.p(ink.join([ink.b("Media Contact:"), ink.br(), person(w.rng),
                                    ink.br(), ink.a(f"mailto:{mail}", mail), ink.br(), phone])))
    if "hashes" in w.extras and w.chance(0.25):
        blocks.append(Block("p", '<p style="text-align: center;">###</p>', "###"))
    elif "source_line" in w.extras and story.wire and w.chance(0.5):
        blocks.append(w.p(f"SOURCE {f.company.name}"))
    return story.done(blocks, tags(w, *(("press release",) if w.chance(0.3) else ())), w.fill(
        w.pick(("{company} announced " + event.announce + ".",
                "{company}, {company_what}, shared news about its {product} platform.")))
        if w.chance(0.6) else None, (f"{f.company.name} {f.event}", f.company.name))


def clearance(w: Writer) -> Story:
    """An FDA clearance: the company's announcement, or (``things`` desks) a trade outlet's
    "things to know"."""
    f, s = w.facts, w.slots
    f.event = "clearance"
    story = Story("fda_clearance", categories=["fda", area(w)], facts=f)
    if "things" in w.extras and w.chance(0.3):
        story.syndicated = True
        n = w.rng.randint(3, 6)
        story.title = w.fill(f"FDA clears {{company_poss}} {{product}}: {n} things to know")
        story.blocks = [w.para(parts.CLEARANCE, 1),
                        w.items(parts.CLEARANCE + parts.THINGS, n, ordered=True)]
    else:
        story.title = w.fill(w.pick(parts.EVENTS["clearance"].headlines))
        lead = " ".join(w.fill(x) for x in parts.CLEARANCE[:2])
        blocks = w.paras([f"{dateline(w)} {lead}",
                          w.sentences(parts.CLEARANCE[2:], w.rng.randint(2, 4))])
        blocks += _features(w, "Features of the {product} include:")
        if "figure" in w.extras and w.chance(0.4):
            blocks.append(w.figure(f"{s['product']} {s['device']}", w.fill(
                "The {product} {device_lower} received 510(k) clearance."), alt=s["product"]))
        blocks.append(w.p(exec_said(w)))
        if w.chance(0.7):
            blocks += about(w, w.pick((2, 3)))
        story.blocks = blocks
    return story.done(story.blocks, tags(w, "FDA 510(k)"), w.fill(
        "The FDA cleared the {product} {device_lower} from {company}, indicated for "
        "{indication}.") if w.chance(0.6) else None, (f"{s['product']} fda", s["product"]))


def news(w: Writer) -> Story:
    """A short news story: the lead, a few details, sometimes a list of things to know."""
    f = w.facts
    f.event = w.event or w.pick(parts.NEWS)
    event = parts.EVENTS[f.event]
    story = Story("news", title=w.fill(event.news), facts=f,
                  categories=[area(w), *filter(None, [event.category])])
    lead = w.fill(event.lead)
    blocks = w.paras([lead + " " + w.sentences(parts.NEWS_DETAIL, w.rng.randint(0, 2))])
    if w.chance(0.4):
        n = w.rng.randint(3, 6)
        story.title = f"{story.title}: {n} things to know"
        blocks += w.things([w.fill(t) for t in w.rng.sample(parts.THINGS, n)])
    else:
        for _ in range(w.rng.randint(1, 4)):
            if w.chance(0.2):
                blocks.append(heading(w.pick((2, 3)), w.ink.t(w.fill(w.pick((
                    "What it means for {company}", "The bigger picture", "Why it matters"))))))
            blocks.append(w.para(parts.NEWS_DETAIL, w.rng.randint(1, 3)))
    if "older_link" in w.extras and w.chance(0.25):
        blocks.append(w.older_link())
    return story.done(blocks, tags(w), lead if w.chance(0.4) else None,
                      (story.title[:40], f.company.name))


def things(w: Writer) -> Story:
    """"N things to know" about a deal, a clearance or a hospital."""
    n = w.rng.randint(3, 7)
    at = w.rng.randrange(3)
    w.facts.event = ("acquisition", "clearance", "center")[at]
    story = Story("things", categories=[area(w)], facts=w.facts)
    story.title = w.fill(("{company} buys {other_company}", "{product} {device_lower} gets FDA "
                          "nod", "{hospital} expands spine program")[at] + f": {n} things to know")
    items = [w.fill(t) for t in w.rng.sample(parts.THINGS + parts.CLEARANCE[2:], n)]
    story.blocks = [w.p(w.fill((parts.EVENTS["acquisition"].lead, parts.CLEARANCE[0],
                                parts.EVENTS["center"].lead)[at])),
                    w.p(f"Here are {NUMBER_WORDS[n] if n < 10 else n} things to know:"),
                    *w.things(items)]
    story.image_alt = w.slots["product"]
    return story


def interview(w: Writer) -> Story:
    """A surgeon's Q&A, in one of three markups; a pull quote, an editor's note."""
    s, ink = w.slots, w.ink
    n = w.rng.randint(4, 8)
    story = Story("interview", categories=["interviews", "spine"], syndicated=w.chance(0.6),
                  facts=w.facts)
    if w.chance(0.3):
        story.categories.append("featured")
    story.title = w.fill(w.pick((
        "Q&A: {surgeon} on {topic}", f"{{surgeon}}: {n} thoughts on {{topic}}",
        "5 Questions with {surgeon} of {hospital}",
        "“A good surgeon knows when not to operate” – {surgeon} on {topic}",
        "{surgeon_last}’s take on {topic} & the future of {procedure}")))
    blocks = [w.para(parts.INTERVIEW_INTROS, 1)]
    if "figure" in w.extras and w.chance(0.35):
        blocks.append(w.figure(s["surgeon"], w.pick((f"{s['surgeon']} at {s['hospital']}.",
                                                    None)), alt=s["surgeon"]))
    style, pull = w.rng.randint(0, 2), None
    for question in w.rng.sample(parts.QUESTIONS, n):
        q = w.fill(question)
        blocks.append(heading(3, ink.t(q)) if style == 1 else
                      w.p(ink.b(f"{('Q', '', 'Question')[style]}: {q}")))
        for k in range(w.rng.randint(1, 3)):
            answer = w.answer(w.rng.randint(2, 4))
            pull = pull or (answer.split(". ")[0] if w.chance(0.2) else None)
            if style == 2 and k == 0:
                blocks.append(w.p(ink.join([ink.b(f"{s['surgeon_last']}:"), " ",
                                            w.linked(answer)])))
            else:
                blocks.append(w.p(("A: " if style == 0 and k == 0 else "") + answer))
    if pull:
        blocks.insert(len(blocks) // 2, quote([ink.t(pull.rstrip(".") + ".")],
                                              css=w.pick(("", "wp-block-quote"))))
    if w.chance(0.5):
        blocks.append(w.p(ink.i("Editor’s note: This interview has been condensed and "
                                "lightly edited.")))
    return story.done(blocks, tags(w, "surgeon interview"), w.fill(
        "{surgeon} of {hospital} talks about {topic}.") if w.chance(0.5) else None,
        (s["surgeon"], s["surgeon"]))


def people(w: Writer) -> Story:
    """Surgeons to know: one heading or bold name per surgeon, then a line on each."""
    n = w.rng.randint(6, 12)
    story = Story("people", categories=["spine", "featured"], syndicated=True, facts=w.facts)
    story.title = w.fill(w.pick((f"{n} spine surgeons leading the way in {{topic}}",
                                 f"{n} orthopedic surgeons to know | {{year}}")))
    blocks = [w.p(w.fill(f"Here are {n} surgeons whose work on {{topic}} stands out."))]
    headings, ranked = w.chance(0.6), w.chance(0.3)
    for k in range(1, n + 1):
        w.recast_surgeon()
        s = w.slots
        if headings:
            label = f"{k}. {s['surgeon']}" if ranked else s["surgeon"]
            blocks += [heading(3, w.ink.t(f"{label} ({s['hospital']})")), w.para(parts.BIOS, 1)]
        else:
            blocks.append(w.p(w.ink.join([w.ink.b(s["surgeon"] + "."), " ",
                                          w.linked(w.sentences(parts.BIOS, 1))])))
    blocks.append(w.p(w.ink.i("Note: This list is not an endorsement of the surgeons.")))
    return story.done(blocks, tags(w, "physician moves"), None,
                      ("Surgeons to know", "Surgeons to know"))


def study(w: Writer) -> Story:
    """A clinical study: who was studied, what was found (a list), what it means."""
    s, ink = w.slots, w.ink
    story = Story("study", categories=["research", area(w)], syndicated=w.chance(0.4),
                  facts=w.facts)
    story.title = w.fill(w.pick(parts.STUDY_TITLES))
    blocks = [w.p(w.fill(parts.STUDY_OPENERS[0])), w.para(parts.RESULTS, 3)]
    found = ink.t(w.pick(("Key findings", "What the researchers found")))
    blocks.append(heading(w.pick((2, 3)), found) if w.chance(0.6) else
                  w.p(ink.t(found[1] + ":")))
    blocks.append(item_list([ink.t(w.fill(x)) for x in
                             w.rng.sample(parts.FINDINGS, w.rng.randint(3, 5))]))
    if w.chance(0.5):
        line = w.fill(w.pick(parts.SURGEON_QUOTES))
        blocks.append(quote([ink.t(f"“{line}.”"), ink.t(f"– {s['surgeon']}")]))
    blocks.append(w.para(parts.METHODS[1:] + parts.TAKEAWAYS, 2))
    if "figure" in w.extras and w.chance(0.3):
        blocks.append(w.figure(f"{s['procedure']} study", w.fill(
            "Outcomes at {months} months. Source: study authors."), alt="Chart"))
    return story.done(blocks, tags(w, "study"), w.fill(
        "A study from {hospital} looks at {procedure} outcomes.") if w.chance(0.5) else None,
        (f"{s['procedure']} research", "Research"))


def brief(w: Writer, video: float = 0.5, detail: float = 1.0) -> Story:
    """A very short post: a video with one line, or an executive's appointment (and, with
    chance ``detail``, a paragraph more)."""
    s = w.slots
    story = Story("brief", categories=[area(w)], facts=w.facts)
    if w.chance(video):
        story.title = w.fill("Video: {surgeon} demonstrates {procedure} with the {product}")
        story.blocks = [embed(f"{w.rng.getrandbits(40):010x}", story.title, w.rng.randint(0, 2)),
                        w.p(w.fill("{surgeon}, {surgeon_role} at {hospital}, walks through a "
                                   "{procedure} case using the {product} {device_lower} from "
                                   "{company}."))]
        story.tags = ["video", *tags(w)]
    else:
        w.facts.event = "appointment"
        story.title = w.fill(parts.EVENTS["appointment"].news)
        story.blocks = [w.p(w.fill(parts.EVENTS["appointment"].lead))]
        if w.chance(detail):
            story.blocks.append(w.para(parts.NEWS_DETAIL, 2))
        story.tags = tags(w)
    story.image_stem, story.image_alt = story.title[:40], s["company"]
    return story


def report(w: Writer) -> Story:
    """A market report: its lead and figures, findings, a table of segments, key players."""
    s, ink = w.slots, w.ink
    story = Story("market_report", categories=["market-reports", "business-finance"],
                  facts=w.facts)
    story.title = w.fill(w.pick(parts.MARKET_TITLES))
    blocks = w.paras([w.fill(w.pick(parts.MARKET_LEADS)) + " "
                      + w.sentences(parts.MARKET_DETAIL, 1),
                      w.sentences(parts.MARKET_DETAIL, 3)])
    blocks += [heading(2, ink.t("Key findings")), item_list(
        [ink.t(w.fill(x)) for x in w.rng.sample(parts.MARKET_FINDINGS, w.rng.randint(2, 4))])]
    year, far = s["year"], s["year_far"]
    rows = [[ink.t("Segment"), ink.t(f"{year} revenue (USD M)"), ink.t(f"CAGR {year}–{far}")]]
    for segment in w.rng.sample(cast.SEGMENTS, w.rng.randint(4, 6)):
        rows.append([ink.t(segment), ink.t(f"{w.rng.randint(120, 4800):,}"),
                     ink.t(f"{w.rng.randint(2, 12)}.{w.rng.randint(0, 9)}%")])
    blocks += [heading(2, ink.t("Segment outlook")),
               table(rows, head=w.chance(0.7), css=w.pick(("", "has-fixed-layout"))),
               w.para(parts.MARKET_DETAIL, 2), heading(3, ink.t("Competitive landscape")),
               w.p("Companies profiled in the report include:"),
               item_list([ink.a(c.site, c.name)
                          for c in w.rng.sample(cast.COMPANIES, w.rng.randint(4, 7))])]
    return story.done(blocks, tags(w, "market report"), w.fill(
        "{firm} sizes the {region_lower} {market_lower} market and names the segments growing "
        "fastest.") if w.chance(0.7) else None, (f"{s['market']} market", "Market report chart"))


def earnings(w: Writer) -> Story:
    """A company's quarter in numbers: a table of segments, this year against last."""
    s, ink, r = w.slots, w.ink, w.rng
    quarter, year = r.randint(1, 4), int(s["year"])
    story = Story("earnings", categories=["business-finance"], facts=w.facts)
    story.title = w.fill(f"{{company_poss}} Q{quarter} spine sales: {{pct}}% growth and "
                         "4 other numbers")
    rows = [[ink.t("Segment"), ink.t(f"Q{quarter} {year}"), ink.t(f"Q{quarter} {year - 1}"),
             ink.t("Change")]]
    for segment in r.sample(cast.SEGMENTS, r.randint(3, 5)):
        now, before = r.randint(40, 480), r.randint(40, 480)
        rows.append([ink.t(segment), ink.t(f"${now}.{r.randint(0, 9)}M"),
                     ink.t(f"${before}.{r.randint(0, 9)}M"),
                     ink.t(f"{(now - before) / before * 100:+.1f}%")])
    story.blocks = [w.p(w.fill(parts.EVENTS["earnings"].lead)), table(rows, head=w.chance(0.7)),
                    w.para(parts.MARKET_DETAIL, 2)]
    if w.chance(0.5):
        story.blocks.append(w.p(exec_said(w)))
    story.image_alt = s["company"]
    return story


def roundup(w: Writer) -> Story:
    """A very long post: a year's device launches, a heading and a paragraph each."""
    n = w.rng.randint(20, len(cast.COMPANIES))
    story = Story("roundup", categories=["technology", "spine", "featured"], facts=w.facts)
    story.title = w.fill(f"{{year}} in review: {n} device launches spine surgeons should know")
    blocks = [w.para(parts.MARKET_DETAIL, 2),
              w.p(f"Here are {n} launches and clearances from the past year, in alphabetical "
                  "order.")]
    main = w.slots
    for k, company in enumerate(sorted(w.rng.sample(cast.COMPANIES, n), key=lambda c: c.name),
                                1):
        device = w.pick(cast.DEVICES)
        product = w.pick(cast.PRODUCT_ROOTS) + w.pick(cast.PRODUCT_SUFFIXES)
        w.slots = w.cast_company(company, main) | {
            "product": product, "device_lower": device.name.lower(),
            "indication": device.indication}
        blocks += [heading(3, w.ink.t(f"{k}. {company.name}: {product}")),
                   w.para(parts.LAUNCHES, w.rng.randint(1, 2))]
        if k % 7 == 0:
            blocks.append(spacer())
    w.slots = main
    return story.done(blocks, tags(w), w.fill(
        "Our annual list of notable spine device launches from {year}."),
        ("device launches " + main["year"], "Device launches"))


def research(w: Writer) -> Story:
    """Three studies in one post: a heading, sometimes a figure, and a paragraph each."""
    items = w.rng.sample(parts.RESEARCH, 3)
    heads = [head for head, _ in items]
    story = Story("roundup", title="; ".join(heads), categories=["research", area(w)],
                  facts=w.facts)
    for head, finding in items:
        w.recast_surgeon()
        story.blocks.append(heading(3, w.ink.t(head)))
        if w.chance(0.4):
            story.blocks.append(w.figure(head, w.fill(w.pick((
                "Results at {months} months. Source: study authors.", "{hospital}."))), alt=head))
        story.blocks.append(w.p(w.fill(w.pick(parts.RESEARCH_OPENERS), finding=finding) + " "
                                + w.sentences(parts.RESULTS, w.rng.randint(1, 2))))
    return story.done(story.blocks, tags(w, "study"),
                      " ".join(h if h.endswith("?") else f"{h}." for h in heads),
                      (heads[0], heads[0]))


def legal(w: Writer) -> Story:
    """A courtroom story: a settlement, a verdict or a lawsuit; sometimes the claims listed."""
    at = w.rng.randrange(len(parts.LEGAL))
    title, lead = parts.LEGAL[at]
    story = Story("legal", title=w.fill(title), categories=["legal", area(w)], facts=w.facts)
    blocks = [w.p(w.fill(lead) + " " + w.sentences(parts.LEGAL_DETAIL, 1))]
    if at == 2 or w.chance(0.25):
        blocks += [w.p("The complaint alleges that:"),
                   item_list([w.ink.t(w.fill(c)) for c in w.rng.sample(
                       parts.ALLEGATIONS, w.rng.randint(3, 4))], ordered=w.chance(0.5))]
    blocks += [w.para(parts.LEGAL_DETAIL, w.rng.randint(1, 2))
               for _ in range(w.rng.randint(1, 3))]
    if "figure" in w.extras and w.chance(0.35):
        blocks.insert(1, w.figure("courtroom gavel", "The case was heard in federal court.",
                                  alt="Gavel"))
    if "older_link" in w.extras and w.chance(0.2):
        blocks.append(w.older_link())
    return story.done(blocks, tags(w, "litigation"), w.fill(
        "The dispute between {company} and {other_company} turns on the {product} "
        "{device_lower}.") if w.chance(0.6) else None, (f"{w.slots['company']} court", "Courtroom"))


def debate(w: Writer) -> Story:
    """Two surgeons argue a motion: a heading for each side, a quote, a verdict."""
    ink = w.ink
    first, second = w.rng.sample(cast.LAST_NAMES, 2)
    pro, con = (f"Dr. {w.pick(cast.FIRST_NAMES)} {name}" for name in (first, second))
    motion = w.pick(parts.MOTIONS)
    w.slots |= {"pro": f"Dr. {first}", "con": f"Dr. {second}",
                "motion_lower": " ".join(x if x.isupper() else x.lower() for x in motion.split())}
    story = Story("debate", title=f"{first} v. {second}: {motion}",
                  categories=["debates", area(w)], facts=w.facts)
    blocks = [w.p(ink.join(["Point/Counterpoint", ("&reg;", "®"), " is our weekly surgeon "
                            "debate. ", w.fill(w.pick(parts.DEBATE_INTROS))])),
              w.p(w.fill(f"{pro} practices at {{hospital}}; {con} is at {{hospital2}}."))]
    for name, side, label in ((pro, parts.FOR, "For"), (con, parts.AGAINST, "Against")):
        points = [w.fill(x) for x in w.rng.sample(side, 4)]
        blocks += [heading(3, ink.t(f"{name}: {label}")), w.p(" ".join(points[:2])),
                   w.p(" ".join(points[2:]))]
        if w.chance(0.3):
            line = w.fill(w.pick(parts.SURGEON_QUOTES))
            blocks.append(quote([ink.t(f"“{line}.”")], css=w.pick(("", "wp-block-quote"))))
    if w.chance(0.4):
        blocks.append(embed(f"{w.rng.getrandbits(40):010x}", story.title, w.rng.randint(0, 2)))
    blocks.append(w.p(ink.i(w.pick(parts.VERDICTS))))
    return story.done(blocks, tags(w, "debate"),
                      w.fill("{pro} and {con} disagree on whether {motion_lower}."),
                      (f"{first} {second} debate", "Debate"))


def essay(w: Writer, kind: str = "feature") -> Story:
    """A long read: headings, a table or a quote or a list under some, a closing line."""
    s, ink = w.slots, w.ink
    topic = s["topic"][:1].upper() + s["topic"][1:]
    story = Story(kind, title=w.fill(w.pick(parts.ESSAY_TITLES), topic=topic), facts=w.facts,
                  categories=["featured", area(w)])
    pool = parts.ESSAY + parts.MARKET_DETAIL + parts.NEWS_DETAIL
    blocks = [w.para(pool, w.rng.randint(2, 3)), w.para(pool, 2)]
    for name in w.rng.sample(parts.HEADINGS, w.rng.randint(2, 4)):
        blocks += [heading(2, ink.t(name)), w.para(pool, w.rng.randint(2, 3))]
        if name == "The Numbers":
            rows = [[ink.t("Measure"), ink.t(s["year_a"]), ink.t(s["year"])]]
            for label in w.rng.sample(("Procedures", "Surgeons", "Sites", "Readmissions"), 3):
                low = w.rng.randint(20, 900)
                rows.append([ink.t(label), ink.t(f"{low:,}"),
                             ink.t(f"{low + w.rng.randint(5, 300):,}")])
            blocks.append(table(rows, head=w.chance(0.7)))
        elif name == "What Surgeons Say":
            line = w.fill(w.pick(parts.SURGEON_QUOTES))
            blocks.append(quote([ink.t(f"“{line}.”"), ink.t(f"– {s['surgeon']}")]))
        elif name == "What to Watch":
            blocks.append(w.items(parts.THINGS, w.rng.randint(3, 5), ordered=True))
    if "figure" in w.extras and w.chance(0.6):
        blocks.insert(2, w.figure(s["market"], w.fill(
            "{market} revenue by segment, {year}. Source: {firm}."), alt="Chart"))
    blocks.append(w.p(ink.i(w.fill("{exec} is {exec_title} of {company}, {company_what}."))))
    return story.done(blocks, tags(w), w.fill(
        "A long look at {topic}, from {hospital_city} to the boardroom.")
        if w.chance(0.7) else None, (story.title[:40], s["hospital"]))

