"""Rewrites (issue 11 §2): one press release told in other words on other sites is one story;
the company's other news of the same week is not.

The articles are written here in the manner of the trade press (a release on a wire site,
a "things to know" brief, a feature with its own angle); the companies, products, people
and numbers are made up. None of them shares a quoted sentence or a regulatory number with
another: what the rewrites share is the company, the amount, the product, the people, a
headline about the same news, and the week.
"""

from __future__ import annotations

import pytest

from orthocrawl.stories import MemoryStorage, Reason, StoryArticle, StoryIndex
from orthocrawl.stories.events import Event, events
from orthocrawl.stories.facts import Kind, facts


def body(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


ABOUT = (
    "About Halloran Orthopedics\n\n"
    "Halloran Orthopedics is a privately held company in Warsaw, Indiana, that develops "
    "robotic and navigation tools for knee and hip replacement. Its products are used in more "
    "than 120 hospitals and surgery centers in the United States."
)

# The release, on a wire-copy site.
RELEASE = StoryArticle(
    1, "https://orthospinenews.com/2025/06/02/halloran-orthopedics-closes-42-million-series-c/",
    "orthospinenews",
    body(
        "WARSAW, Ind., June 2, 2025 /PRNewswire/ -- Halloran Orthopedics today announced the "
        "close of a $42 million Series C financing led by Brightwater Health Capital, with "
        "participation from existing investors. The proceeds will fund the commercial launch "
        "of the Veloria KX robotic knee system and a second manufacturing line.",
        "The Veloria KX system maps the knee from a single preoperative scan and guides the "
        "saw within a set boundary. Since its limited release, surgeons at 14 sites have used "
        "it in 380 total knee procedures.",
        "“This round lets us put Veloria in front of the surgeons who have been asking for "
        "it, and do it with a sales team of our own,” said Teodor Lindqvist, chief executive "
        "officer of Halloran Orthopedics.",
        "“We backed Halloran because its surgeons are its best salespeople,” said Anika "
        "Moreau, a partner at Brightwater Health Capital, who joins the company's board.",
        ABOUT),
    "Halloran Orthopedics Closes $42 Million Series C to Launch Veloria KX Robotic Knee System",
    "2025-06-02T12:30:00Z")

# A brief in numbered points the next day: its own sentences, no quote.
BRIEF = StoryArticle(
    2, "https://www.beckersspine.com/orthopedics/halloran-orthopedics-raises-42m.html",
    "beckersspine",
    body(
        "Warsaw, Ind.-based Halloran Orthopedics has raised $42 million in a Series C round.",
        "Here are five things to know:",
        "1. Brightwater Health Capital led the round, and Anika Moreau of the firm will take "
        "a seat on the board.",
        "2. The money goes to the full launch of the Veloria KX, a robot for total knee "
        "replacement, and to a new production line.",
        "3. Surgeons have used the robot in 380 knee replacements so far.",
        "4. Teodor Lindqvist is the company's CEO.",
        "5. The company plans to sell the system through its own representatives rather than "
        "distributors."),
    "Halloran Orthopedics raises $42M: 5 things to know",
    "2025-06-03T15:10:00Z", authors=("Carla Benning",))

# A feature two days later, with its own angle and a surgeon of its own.
FEATURE = StoryArticle(
    3, "https://ryortho.com/breaking/halloran-lands-42-million-for-veloria-knee-robot/",
    "ryortho",
    body(
        "Another knee robot is about to get a real sales push. Halloran Orthopedics, the "
        "Indiana company behind the Veloria KX, has $42 million in new money from a round "
        "led by Brightwater Health Capital.",
        "The company says the system has been through 380 procedures in its limited release. "
        "Dr. Felix Amadi, a joint surgeon in Columbus who has no ties to the company, said the "
        "crowded field of knee robots will reward whoever makes setup fastest.",
        "Chief executive Teodor Lindqvist told us the company would hire its own sales "
        "representatives instead of leaning on distributors."),
    "Halloran Lands $42 Million to Launch Its Veloria Knee Robot",
    "2025-06-04T09:00:00Z", authors=("Rhea Okafor",))

# Decoys: the company's other news of the same week, on the same sites.
FIRST_CASES = StoryArticle(
    4, "https://orthospinenews.com/2025/06/05/first-cases-veloria-kx-outpatient/",
    "orthospinenews",
    body(
        "COLUMBUS, Ohio, June 5, 2025 /PRNewswire/ -- Halloran Orthopedics announced that "
        "surgeons at Scioto Valley Surgery Center have completed the first outpatient total "
        "knee replacements with the Veloria KX robotic knee system.",
        "The center performed 11 cases in its first two weeks with the system, and every "
        "patient went home the same day.",
        "“Outpatient knees are where Veloria was always meant to go,” said Teodor Lindqvist, "
        "chief executive officer of Halloran Orthopedics.",
        ABOUT),
    "First Outpatient Cases Completed With Halloran Orthopedics’ Veloria KX Robotic Knee "
    "System",
    "2025-06-05T13:00:00Z")

APPOINTMENT = StoryArticle(
    5, "https://ryortho.com/breaking/halloran-names-new-finance-chief/", "ryortho",
    body(
        "Halloran Orthopedics has named Priya Castellane its chief financial officer. She "
        "comes from a contract manufacturer of orthopedic instruments, where she ran finance "
        "for seven years.",
        "Teodor Lindqvist, Halloran's chief executive, said Castellane would lead the "
        "company's planning for the launch of the Veloria KX robot."),
    "Halloran Orthopedics names Priya Castellane CFO",
    "2025-06-04T16:00:00Z", authors=("Rhea Okafor",))

# A brief on the appointment on another site: the same news, the same people.
APPOINTMENT_BRIEF = StoryArticle(
    6, "https://www.beckersspine.com/orthopedics/halloran-taps-castellane-as-finance-chief.html",
    "beckersspine",
    body(
        "Priya Castellane is the new finance chief of Halloran Orthopedics, the Warsaw, "
        "Ind.-based maker of the Veloria KX knee robot.",
        "She previously led finance at an instrument manufacturer and reports to CEO Teodor "
        "Lindqvist."),
    "Halloran Orthopedics taps Priya Castellane as finance chief",
    "2025-06-05T11:00:00Z", authors=("Carla Benning",))

# Another executive named the same week: the company's next appointment, not this one.
SECOND_APPOINTMENT = StoryArticle(
    7, "https://thespinemarketgroup.com/halloran-orthopedics-names-coo/", "spinemarketgroup",
    body(
        "Halloran Orthopedics has named Marcus Oduya chief operating officer, responsible for "
        "manufacturing and the supply of the Veloria KX robot to hospitals.",
        "Oduya joins from a maker of spinal implants, where he ran two plants. He reports to "
        "chief executive Teodor Lindqvist."),
    "Halloran Orthopedics names Marcus Oduya chief operating officer",
    "2025-06-06T10:00:00Z")

ALL = [RELEASE, BRIEF, FEATURE, FIRST_CASES, APPOINTMENT, APPOINTMENT_BRIEF, SECOND_APPOINTMENT]
EXPECTED = [{1, 2, 3}, {4}, {5, 6}, {7}]


def groups(order: list[StoryArticle]) -> list[set[int]]:
    storage = MemoryStorage()
    index = StoryIndex(storage)
    for article in order:
        index.assign(article)
    found: dict[int, set[int]] = {}
    for article, story in storage.stories().items():
        found.setdefault(story, set()).add(article)
    return sorted(found.values(), key=min)


def test_rewrites_of_one_release_are_one_story_and_the_weeks_other_news_is_not():
    assert groups(ALL) == EXPECTED


@pytest.mark.parametrize("seed", range(3))
def test_in_any_order(seed):
    import random

    order = list(ALL)
    random.Random(seed).shuffle(order)
    assert groups(order) == EXPECTED


def test_each_rewrite_joins_the_release_as_a_rewrite():
    for rewrite in (BRIEF, FEATURE):
        index = StoryIndex(MemoryStorage())
        index.assign(RELEASE)
        assert dict(index.assign(rewrite).links) == {1: Reason.REWRITE}


@pytest.mark.parametrize("decoy", [FIRST_CASES, APPOINTMENT, SECOND_APPOINTMENT])
def test_a_decoy_alone_with_the_release_or_a_rewrite_stays_apart(decoy):
    # nothing else archived: no other article makes the company's names common yet
    for other in (RELEASE, BRIEF, FEATURE):
        assert groups([other, decoy]) == [{other.id}, {decoy.id}], (other.id, decoy.id)


def test_the_same_amount_a_month_later_is_another_story():
    later = StoryArticle(8, "https://example.org/halloran-later", "example", FEATURE.body_text,
                         "Halloran’s $42 million, one month on", "2025-07-10T09:00:00Z")
    assert groups([RELEASE, later]) == [{1}, {8}]


def test_different_amounts_are_different_rounds():
    other_round = StoryArticle(
        9, "https://example.org/halloran-series-d", "example",
        BRIEF.body_text.replace("$42 million", "$65 million"),
        "Halloran Orthopedics raises $65M: 5 things to know", "2025-06-03T15:10:00Z")
    assert groups([RELEASE, other_round]) == [{1}, {9}]


def test_kinds_of_news_in_headlines():
    assert events(RELEASE.title) >= {Event.FINANCING, Event.LAUNCH}
    assert events(BRIEF.title) == {Event.FINANCING}
    assert Event.FIRST_CASES in events(FIRST_CASES.title)
    assert events(APPOINTMENT.title) == events(APPOINTMENT_BRIEF.title) == {Event.APPOINTMENT}
    assert events("FDA clears Quillmark’s lateral cage") == {Event.CLEARANCE}
    assert events("Quillmark Spine Receives FDA 510(k) Clearance for Tessaline") == {
        Event.CLEARANCE}
    assert events("Acme to buy Birch Medical for $90M") >= {Event.ACQUISITION}
    assert events("Dr. Lena Marchetti on moving fusions to the ASC") == {Event.FACILITY}
    assert events("5 questions with a spine surgeon") == frozenset()
    assert Event.APPOINTMENT not in events("Valoran Bone & Joint Launches a Hip Stem")


def test_names_of_products_people_and_companies():
    names = {f.form for f in facts(
        "Halloran Orthopedics’ Veloria KX and the Kinetra 2.0 plate reached Hôpital "
        "Saint-Aubin; Søren Okonkwo said the Coflex-F and Mazor X were next, after the FDA "
        "cleared 30 patients.") if f.kind == Kind.NAME}
    assert {"halloran orthopedics", "veloria kx", "kinetra 2 0", "hôpital saint aubin",
            "søren okonkwo", "coflex f", "mazor x"} <= names
    assert not any("fda" in name or "30" in name for name in names)


def test_a_companys_stock_line_in_two_releases_of_a_week_does_not_join_them():
    # Many companies end a release's quote with the same line; while few articles are
    # archived it is rare, and with the company's names it is all two releases share.
    import dataclasses

    stock = " “Everything we build starts with a question from a surgeon,” he added."

    def with_stock(article: StoryArticle, site: str) -> StoryArticle:
        after = "Halloran Orthopedics."  # the end of the chief executive's quote
        assert after in article.body_text
        return dataclasses.replace(article, site=site, title=None,
                                   body_text=article.body_text.replace(after, after + stock))

    financing = with_stock(RELEASE, "orthospinenews")
    first_cases = with_stock(FIRST_CASES, "spinemarketgroup")
    # (untitled: the headlines, which report different news, would keep them apart anyway)
    assert groups([financing, first_cases]) == [{1}, {4}]
