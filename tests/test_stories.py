"""Stories (issue 11 §2): copies grouped by text, facts, citations and time.

The articles are written here in the trade press's manner; the companies, products, people
and numbers are made up.
"""

from __future__ import annotations

import dataclasses

import pytest

from orthocrawl.stories import (
    MemoryStorage,
    Params,
    Reason,
    StoryArticle,
    StoryIndex,
    pair_scores,
    pairs_grouped,
    sign,
    source_links,
    story_pairs,
)
from orthocrawl.stories.facts import Kind, facts
from orthocrawl.stories.signature import VERSION as SIGNATURE_VERSION
from orthocrawl.stories.signature import Signature

ABOUT_QUILLMARK = (
    "About Quillmark Spine\n\n"
    "Quillmark Spine is a privately held medical device company based in Fort Wayne, Indiana, "
    "that designs implants and instruments for the lumbar and cervical spine. Founded in 2011 "
    "by a group of orthopedic and neurosurgeons, the company sells its products through 140 "
    "independent distributors in the United States and employs 310 people. For more "
    "information, visit the company's website."
)
DISCLAIMER = (
    "Forward-looking statements: this press release contains statements about future events "
    "and expectations that involve risks and uncertainties, and actual results may differ "
    "materially from those expressed or implied by such statements."
)

CLEARANCE = [
    "Quillmark Spine today announced that it has received 510(k) clearance from the U.S. Food "
    "and Drug Administration for the Tessaline Interbody System, a 3D-printed titanium cage "
    "for lateral lumbar fusion (K251734).",
    "The Tessaline system pairs a lattice of 700-micron pores with a graft window 30% larger "
    "than the company's previous lateral cage, and was used in 85 procedures at 9 hospitals "
    "during a limited release that began in the fall.",
    "“Surgeons told us they wanted more room for graft without giving up strength, and "
    "Tessaline is our answer to that request. We expect to have sets in 40 centers by the end "
    "of the summer,” said Renata Olafsdottir, chief executive officer of Quillmark Spine.",
    "Dr. Marcus Ellery, a spine surgeon at Kestrel Valley Orthopedics who took part in the "
    "limited release, said the instruments let him place the cage through a smaller corridor "
    "than he had used before.",
    "Quillmark plans a full commercial launch of the system at a national spine meeting in "
    "the second quarter, followed by a registry that will follow 250 patients for two years.",
    ABOUT_QUILLMARK,
    DISCLAIMER,
]

# The same company's second clearance of the same week: the decoy.
SECOND_CLEARANCE = [
    "Quillmark Spine has received 510(k) clearance from the U.S. Food and Drug Administration "
    "for the Arcturo Cervical Plate, a low-profile anterior plate with a locking cam for "
    "one- to four-level fusions (K251902).",
    "The plate's profile is 1.8 millimeters, and its screws lock with a quarter turn that "
    "gives the surgeon both tactile and visual confirmation in the operating room.",
    "“The Arcturo plate rounds out our cervical line, and it reflects what we learned from "
    "the hundreds of surgeons who use our lumbar systems every week,” said Renata "
    "Olafsdottir, chief executive officer of Quillmark Spine.",
    "The company expects the plate to be available to its distributors in the United States "
    "within 60 days, with a cervical disc program to follow next year.",
    ABOUT_QUILLMARK,
    DISCLAIMER,
]

# A third story of the company: a short release whose boilerplate is most of its text.
FINANCING = [
    "Quillmark Spine has closed an $18 million Series C financing led by Ostrander Health "
    "Partners to expand manufacturing in Indiana and fund a cervical disc program.",
    ABOUT_QUILLMARK,
    DISCLAIMER,
]

# A fourth: MinHash alone finds it close to the third (Jaccard about 0.7), boilerplate and all.
APPOINTMENT = [
    "Quillmark Spine has named Tobias Wrenfield chief financial officer; he joins from a "
    "contract manufacturer where he led finance for six years.",
    ABOUT_QUILLMARK,
    DISCLAIMER,
]

# A rewrite of the clearance: shorter, its own words, the numbers and one quote kept.
REWRITE = [
    "The FDA has signed off on a 3D-printed lateral cage from Quillmark Spine. The Fort Wayne "
    "company's Tessaline Interbody System was cleared under K251734.",
    "According to the company, the device went into 85 procedures during a limited release "
    "and offers a graft window 30% larger than its predecessor's.",
    "“We expect to have sets in 40 centers by the end of the summer,” CEO Renata Olafsdottir "
    "said.",
    "Quillmark intends to follow 250 patients in a registry once the system launches "
    "nationally later this year.",
]

INTERVIEW = [
    "Dr. Lena Marchetti is an orthopedic spine surgeon at Harborview Bone and Joint in "
    "Tacoma, Washington. She spoke with us about why her practice moved most of its one- and "
    "two-level fusions into an ambulatory surgery center over the past three years.",
    "Question: What made your group decide to take fusions out of the hospital?",
    "Dr. Lena Marchetti: Scheduling, mostly. In the hospital we were bumped by trauma two or "
    "three times a month, and patients who had arranged time off work would get a call the "
    "night before. In the center we control the board and the team knows the cases.",
    "Question: How did you choose which patients are candidates for the center?",
    "Dr. Lena Marchetti: We built a checklist with our anesthesiologists that looks at body "
    "mass index, sleep apnea, cardiac history and how far the patient lives from the center. "
    "Roughly two in three of our fusion patients now qualify.",
    "Question: What has been the hardest part of the transition?",
    "Dr. Lena Marchetti: Implant pricing. Vendors were used to hospital contracts, and it took "
    "a year of conversations before the numbers worked for a facility that is paid a bundled "
    "rate for the whole episode.",
    "Question: What would you tell a surgeon who is thinking about doing the same?",
    "Dr. Lena Marchetti: Start with the cases you are sure about and track everything, from "
    "length of stay to readmissions, because payers will ask and you want your own data.",
]

NEWS = [
    "Pinebrook Surgical Partners has opened its fourth ambulatory surgery center in the "
    "Denver area, a 22,000-square-foot building in Aurora with four operating rooms built to "
    "handle total joint and spine cases.",
    "The center is owned jointly by Pinebrook and 19 physicians, and it expects to perform "
    "about 3,400 procedures in its first full year of operation.",
    "Administrator Colette Banerjee said the group chose Aurora because more than a third of "
    "its joint replacement patients already live on the eastern side of the metro area.",
]

# Spine Market Group's note on the Becker's news: its own words, with a Source link.
NOTE = [
    "Another sign of how quickly the joint and spine business is leaving the hospital: a "
    "Colorado physician group is adding a fourth surgery center, sized for total joints.",
    "Source: Becker's ASC Review",
]

UNRELATED = [
    "A retrospective review of 412 patients treated for distal radius fractures at two "
    "academic centers found no difference in grip strength at one year between volar plating "
    "and casting in patients older than 65.",
    "The authors suggest that the decision should rest on the patient's activity level and "
    "preferences rather than on the radiographic appearance of the fracture alone.",
]


def body(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


ARTICLES = {
    # 1: the clearance on OrthoSpineNews, with a dateline and share chrome
    1: StoryArticle(
        1, "https://orthospinenews.com/2025/03/04/quillmark-spine-receives-fda-510k-clearance/",
        "orthospinenews",
        body("FORT WAYNE, Ind., March 4, 2025 /PRNewswire/ -- " + CLEARANCE[0], *CLEARANCE[1:],
             "Share this:", "Like this:"),
        "Quillmark Spine Receives FDA 510(k) Clearance for Tessaline Interbody System",
        "2025-03-04T13:05:00Z"),
    # 2: the same release on Spine Market Group a day later: lower-case headline, own chrome
    2: StoryArticle(
        2, "https://thespinemarketgroup.com/quillmark-spine-receives-fda-510k-clearance/",
        "spinemarketgroup",
        body("The Spine Market Group", *CLEARANCE, "Source: Quillmark Spine",
             "Subscribe to our weekly newsletter"),
        "Quillmark Spine receives FDA 510(k) clearance for Tessaline interbody system",
        "2025-03-05T09:30:00Z"),
    # 3: the rewrite on Orthopedics This Week, two days later
    3: StoryArticle(
        3, "https://ryortho.com/breaking/fda-clears-quillmarks-3d-printed-lateral-cage/",
        "ryortho", body(*REWRITE),
        "FDA Clears Quillmark’s 3D-Printed Lateral Cage", "2025-03-06T16:00:00Z",
        authors=("Walt Brennan",)),
    # 4, 5: the decoy (second clearance, same week) on two sites
    4: StoryArticle(
        4, "https://orthospinenews.com/2025/03/06/quillmark-spine-arcturo-cervical-plate/",
        "orthospinenews", body(*SECOND_CLEARANCE, "Share this:"),
        "Quillmark Spine Receives FDA Clearance for Arcturo Cervical Plate",
        "2025-03-06T12:00:00Z"),
    5: StoryArticle(
        5, "https://thespinemarketgroup.com/quillmark-spine-arcturo-cervical-plate/",
        "spinemarketgroup", body(*SECOND_CLEARANCE, "Source: Quillmark Spine"),
        "Quillmark Spine receives FDA clearance for Arcturo cervical plate",
        "2025-03-07T08:00:00Z"),
    # 6: a third story of the company, whose "About" and disclaimer are most of its words
    6: StoryArticle(
        6, "https://orthospinenews.com/2025/03/07/quillmark-spine-closes-18m-series-c/",
        "orthospinenews", body(*FINANCING),
        "Quillmark Spine Closes $18M Series C", "2025-03-07T14:00:00Z"),
    # 7, 8: a Becker's interview and OrthoSpineNews's excerpt of it under a new headline
    7: StoryArticle(
        7, "https://www.beckersspine.com/spine/why-one-surgeon-moved-fusions-to-the-asc.html",
        "beckersspine", body(*INTERVIEW),
        "Why one surgeon moved her fusions to the ASC", "2025-03-03T10:00:00Z",
        authors=("Alan Prescott",)),
    8: StoryArticle(
        8, "https://orthospinenews.com/2025/03/05/moving-fusions-to-the-asc/",
        "orthospinenews",
        body("Written by Alan Prescott", *INTERVIEW[:3],
             "Read more at Becker's Spine Review."),
        "Dr. Lena Marchetti on moving fusions to the ASC", "2025-03-05T11:00:00Z",
        authors=("Alan Prescott",)),
    # 9, 10: Becker's news and Spine Market Group's note citing it by a Source link; the
    # note's date is earlier (the sites' clocks differ), the cited article is still canonical
    9: StoryArticle(
        9, "https://www.beckersasc.com/asc-news/pinebrook-opens-fourth-asc.html",
        "beckersspine", body(*NEWS), "Pinebrook opens 4th ASC in Denver area",
        "2025-03-10T15:00:00Z"),
    10: StoryArticle(
        10, "https://thespinemarketgroup.com/pinebrook-fourth-asc/", "spinemarketgroup",
        body(*NOTE), "A fourth ASC for Pinebrook", "2025-03-10T09:00:00Z",
        cites=("https://beckersasc.com/asc-news/pinebrook-opens-fourth-asc.html",)),
    # 12: the fourth story of the company
    12: StoryArticle(
        12, "https://thespinemarketgroup.com/quillmark-names-cfo/", "spinemarketgroup",
        body(*APPOINTMENT), "Quillmark Spine names Tobias Wrenfield CFO",
        "2025-03-08T10:00:00Z"),
    # 11: a journal post about something else
    11: StoryArticle(
        11, "https://orthobuzz.jbjs.org/2025/03/05/plating-or-casting/", "orthobuzz",
        body(*UNRELATED), "Plating or casting after 65?", "2025-03-05T12:00:00Z"),
}

EXPECTED = [{1, 2, 3}, {4, 5}, {6}, {7, 8}, {9, 10}, {11}, {12}]


def groups(storage: MemoryStorage) -> list[set[int]]:
    found: dict[int, set[int]] = {}
    for article, story in storage.stories().items():
        found.setdefault(story, set()).add(article)
    return sorted(found.values(), key=min)


def build(order: list[int]) -> tuple[StoryIndex, MemoryStorage]:
    storage = MemoryStorage()
    index = StoryIndex(storage)
    for article_id in order:
        index.assign(ARTICLES[article_id])
    return index, storage


def test_expected_stories():
    _, storage = build(sorted(ARTICLES))
    assert groups(storage) == EXPECTED


@pytest.mark.parametrize("seed", range(4))
def test_any_order_makes_the_same_stories(seed):
    import random

    order = sorted(ARTICLES)
    random.Random(seed).shuffle(order)
    _, storage = build(order)
    assert groups(storage) == EXPECTED


def test_each_copy_found_for_its_own_reason():
    index, _ = build([1, 7, 9])
    reasons = {article: dict(index.assign(ARTICLES[article]).links) for article in (2, 3, 8, 10)}
    assert reasons[2] == {1: Reason.DUPLICATE}
    assert reasons[3] == {1: Reason.REWRITE}  # 2 is in 1's story: one link is enough
    assert reasons[8] == {7: Reason.EXCERPT}
    assert reasons[10] == {9: Reason.CITED}


def test_decoy_and_boilerplate_stay_apart_even_alone_with_their_company():
    # Two or three articles of one company, nothing else archived: rarity cannot help yet.
    for pair in ([1, 4], [4, 6], [1, 6], [2, 5], [3, 4], [6, 12], [4, 12]):
        _, storage = build(pair)
        assert groups(storage) == [{pair[0]}, {pair[1]}], pair


def test_time_window():
    late = dataclasses.replace(ARTICLES[2], published_at="2025-03-20T09:30:00Z")
    storage = MemoryStorage()
    index = StoryIndex(storage)
    first = index.assign(ARTICLES[1]).story_id
    assert index.assign(late).story_id != first
    # a citation is explicit: no window
    citing = dataclasses.replace(ARTICLES[10], published_at="2025-06-01T00:00:00Z")
    cited = index.assign(ARTICLES[9]).story_id
    assert index.assign(citing).story_id == cited


def test_canonical_is_the_cited_copy_else_the_earliest():
    index, storage = build(sorted(ARTICLES))
    stories = storage.stories()
    assert index.summary(stories[10]).canonical == 9  # cited, though dated later
    assert index.summary(stories[1]).canonical == 1  # earliest of three
    assert index.summary(stories[8]).canonical == 7
    summary = index.summary(stories[3])
    assert summary.articles == (1, 2, 3) and summary.sites == 3
    assert (summary.first, summary.last) == (
        sign(ARTICLES[1]).time, sign(ARTICLES[3]).time)


def test_method_names_the_signature_version_and_the_parameters():
    method = StoryIndex(MemoryStorage()).method
    assert method.startswith(f"stories-{SIGNATURE_VERSION}-")
    assert StoryIndex(MemoryStorage(), Params()).method == method
    assert StoryIndex(MemoryStorage(), Params(window_days=5)).method != method


def test_rerun_of_unchanged_articles_changes_nothing():
    index, storage = build(sorted(ARTICLES))
    before = (storage.stories(), dict(storage._entries), dict(storage._postings))
    for article_id in sorted(ARTICLES):
        assignment = index.assign(ARTICLES[article_id])
        assert not assignment.changed and not assignment.removed
    assert (storage.stories(), dict(storage._entries), dict(storage._postings)) == before


def test_edited_article_stays_unless_its_text_left():
    index, storage = build(sorted(ARTICLES))
    story = storage.stories()[2]
    edited = dataclasses.replace(
        ARTICLES[2], body_text=ARTICLES[2].body_text.replace("in the fall", "in October"))
    assignment = index.assign(edited)
    assert assignment.story_id == story and not assignment.changed
    replaced = dataclasses.replace(ARTICLES[2], body_text=body(
        "This page was replaced by the publisher: the release it carried was withdrawn at the "
        "company's request, and a corrected version will be posted once it is available."))
    assignment = index.assign(replaced)
    assert assignment.story_id != story
    assert story in assignment.changed and assignment.story_id in assignment.changed
    assert groups(storage) == [{1, 3}, {2}, {4, 5}, {6}, {7, 8}, {9, 10}, {11}, {12}]


def test_an_article_alone_edited_into_a_copy_joins_and_its_story_goes():
    index, storage = build(sorted(ARTICLES))
    alone = storage.stories()[11]
    edited = dataclasses.replace(ARTICLES[11], site="example",
                                 body_text=ARTICLES[2].body_text)
    assignment = index.assign(edited)
    assert assignment.story_id == storage.stories()[2]
    assert assignment.removed == {alone} and alone not in assignment.changed
    assert storage.members(alone) == []


def test_a_bridging_article_merges_two_stories_into_the_older():
    # A piece made of the release's last paragraphs (no id, amount or quote) and the rewrite
    # are not copies of each other; the full release is a copy of both.
    excerpt = StoryArticle(
        20, "https://example.org/quillmark-tessaline", "example",
        body(*CLEARANCE[3:5], "Read more at Quillmark Spine."),
        "Quillmark gets FDA nod", "2025-03-05T00:00:00Z")
    storage = MemoryStorage()
    index = StoryIndex(storage)
    a = index.assign(excerpt).story_id
    b = index.assign(ARTICLES[3]).story_id
    assert a != b
    merged = index.assign(ARTICLES[2])
    assert merged.story_id == min(a, b)
    assert merged.removed == {max(a, b)}
    assert groups(storage) == [{2, 3, 20}]


@pytest.mark.parametrize("workers", [1, pytest.param(2, marks=pytest.mark.slow)])  # 2: a pool
def test_rebuild_matches_incremental(workers):
    _, incremental = build(sorted(ARTICLES))
    storage = MemoryStorage()
    storage.put(999, 5, b"stale", [1, 2], [3], 20000)  # a rebuild forgets what was there
    count = StoryIndex(storage).rebuild((ARTICLES[i] for i in sorted(ARTICLES)),
                                        workers=workers, batch=5)
    assert count == len(ARTICLES)
    assert groups(storage) == groups(incremental)


def test_a_rebuild_in_memory_written_to_sqlite_is_the_same_index():
    _, memory = build(sorted(ARTICLES))
    sqlite = _sqlite_storage()
    sqlite.load(memory.rows())
    assert sqlite.stories() == memory.stories()
    # the next article finds its copies through the written keys and facts
    index = StoryIndex(sqlite)
    late = dataclasses.replace(ARTICLES[3], id=50, url="https://example.net/copy")
    assert index.assign(late).story_id == memory.stories()[3]
    assert sqlite.new_story() > max(memory.stories().values())


def test_rebuild_keeps_the_ids_of_the_stories_it_finds_again():
    index, storage = build(sorted(ARTICLES))
    before = storage.stories()
    # the rebuild sees the articles in another order: new ids would come out
    index.rebuild([ARTICLES[i] for i in sorted(ARTICLES, reverse=True)], previous=before)
    assert storage.stories() == before
    # a story split by the rebuild keeps its id for the larger part
    split = dict(before)
    split[7] = split[8] = split[1]  # as if the interview had been in the clearance's story
    index.rebuild([ARTICLES[i] for i in sorted(ARTICLES)], previous=split)
    after = storage.stories()
    assert after[1] == before[1] and after[7] == after[8] not in before.values()


def test_boilerplate_seen_in_many_articles_is_left_out():
    # Two briefs whose one paragraph long enough to count is the company's boilerplate (their
    # own line is a few words): alone in an archive they look like copies; once the archive
    # holds the boilerplate in `common` articles of other stories, it counts for nothing.
    params = Params(common=5)

    def brief(article_id: int, line: str) -> StoryArticle:
        return StoryArticle(article_id, f"https://example.com/{article_id}", "example",
                            body(line, ABOUT_QUILLMARK), line, "2025-04-02T00:00:00Z")

    briefs = [brief(201, "Quillmark Spine opens an Ohio office."),
              brief(202, "Quillmark Spine hires 20 engineers.")]
    storage = MemoryStorage()
    index = StoryIndex(storage, params)
    assert index.assign(briefs[0]).story_id == index.assign(briefs[1]).story_id

    storage = MemoryStorage()
    index = StoryIndex(storage, params)
    for article in (1, 4, 6, 12):
        index.assign(ARTICLES[article])
    for n in range(2):
        lead = (f"Quillmark Spine said its sales team in region number {n} grew to {n + 3} "
                f"people serving {n * 7 + 2} hospitals.")
        index.assign(StoryArticle(300 + n, f"https://example.com/r{n}", "example",
                                  body(lead, ABOUT_QUILLMARK), f"Region {n}",
                                  "2025-04-01T00:00:00Z"))
    stories = {index.assign(article).story_id for article in briefs}
    assert len(stories) == 2
    assert len(set(storage.stories().values())) == 8


def test_facts_stated_by_many_articles_count_for_nothing():
    # The company's stock quote and a count: enough for a rewrite while they are rare, not
    # once more articles than a story has copies state the quote (fact_rarity). (The
    # headlines report no common kind of news: they add nothing.)
    params = Params(fact_rarity=2)
    quote = ("“Quillmark exists to serve the surgeons who trust our implants in their "
             "operating rooms every day,”")
    stock = f"{quote} said Renata Olafsdottir."
    release = StoryArticle(
        401, "https://example.com/release", "orthospinenews",
        body("Quillmark Spine opened a training center in Fort Wayne with room for 12 "
             "surgeons at a time and two cadaver stations for hands-on courses.", stock),
        "Quillmark Spine Opens Training Center", "2025-05-01T00:00:00Z")
    piece = StoryArticle(
        402, "https://example.org/piece", "ryortho",
        body("Fort Wayne now has a place where 12 surgeons at a time can practice with the "
             "company's implants, Quillmark Spine says.", f"{quote} its chief executive said."),
        "Where spine surgeons go to practice", "2025-05-02T00:00:00Z")
    storage = MemoryStorage()
    index = StoryIndex(storage, params)
    assert index.assign(release).story_id == index.assign(piece).story_id

    storage = MemoryStorage()
    index = StoryIndex(storage, params)
    for n, topic in enumerate(("a new sales office in Denver", "a distribution deal in Brazil",
                               "a board appointment of a former surgeon general")):
        index.assign(StoryArticle(
            410 + n, f"https://example.com/{n}", "orthospinenews",
            body(f"Quillmark Spine announced {topic} on Monday, in a statement that gave no "
                 "further details about timing or cost.", stock),
            f"Quillmark news {n}", "2025-04-28T00:00:00Z"))
    assert index.assign(release).story_id != index.assign(piece).story_id


@pytest.mark.parametrize(("when", "joined"), [("2024-05-01", True), ("2025-04-28", False)])
def test_numbers_are_rare_or_common_within_the_time_window(when, joined):
    # A release and a rewrite share a quote and an amount; other stories stated the amount
    # a year before (it still tells this story) or the same week (it no longer does).
    params = Params(fact_rarity=2)
    quote = "“We will use the money to build a second plant,”"
    release = StoryArticle(
        501, "https://example.com/release", "orthospinenews",
        body("Quillmark Spine raised $18 million from Ostrander Health Partners to build a "
             "second manufacturing plant near its headquarters in Indiana.",
             f"{quote} said Renata Olafsdottir, its chief executive."),
        "Quillmark Spine Raises $18 Million", "2025-05-01T00:00:00Z")
    rewrite = StoryArticle(
        502, "https://example.org/rewrite", "ryortho",
        body("A Boston investment firm put $18 million into the Indiana implant maker so it "
             f"can add a factory. {quote} the company's chief executive said."),
        "Quillmark's new money", "2025-05-02T00:00:00Z")
    storage = MemoryStorage()
    index = StoryIndex(storage, params)
    for n in range(3):
        index.assign(StoryArticle(
            510 + n, f"https://example.com/other{n}", "beckersspine",
            body(f"Company number {n} in another field said on Monday it has raised $18 "
                 "million in a round that several investors joined at the last minute."),
            f"Other news {n}", f"{when}T00:00:00Z"))
    same = index.assign(release).story_id == index.assign(rewrite).story_id
    assert same is joined


def test_signature_fits_half_a_kilobyte():
    # the most an article can hold: 15 paragraphs, each with an id, an amount, a count, a
    # quote and names; a byline; three cited URLs
    paragraphs = [
        f"Part {i}: Acme Spine paid ${i + 2} million for {i * 10 + 20} patients at Big "
        f"Hospital Group (K{100000 + i}). “This is quote sentence number {i}, long enough.”"
        for i in range(15)]
    most = StoryArticle(99, "https://x.example/a", "x", body(*paragraphs),
                        "Acme Spine pays $2 million for patients at Big Hospital Group, twelve "
                        "words and more", "2025-01-01T00:00:00Z",
                        ("Jane Doe",), ("https://y.example/b", "https://z.example/c",
                                        "https://w.example/d"))
    for article in [*ARTICLES.values(), most]:
        sig = sign(article)
        # a key: a 4-byte integer; a fact: a 4-byte key and a 2-byte day
        data = len(sig.encode()) + 4 * len(sig.keys) + 6 * len(sig.fact_keys)
        assert data <= 512, (article.id, data)
        assert all(-2**31 <= k < 2**31 for k in sig.keys)
        if article is most:  # every part at its cap
            assert (len(sig.paragraphs), len(sig.facts), len(sig.cites), len(sig.keys),
                    len(sig.fact_keys), len(sig.title_words)) == (10, 12, 2, 30, 12, 12)
            assert data == 313 + 30 * 4 + 12 * 6
        decoded = Signature.decode(sig.encode())
        assert (decoded.paragraphs, decoded.facts, decoded.time, decoded.cites,
                decoded.title_words) == (sig.paragraphs, sig.facts, sig.time, sig.cites,
                                         sig.title_words)
        assert (decoded.minhash == sig.minhash).all()


def test_facts_normal_forms():
    found = {(f.kind, f.form) for f in facts(
        "It raised $18 million (US$18M) and €2.5bn, cleared under K251734, grew 30% in 85 "
        "procedures at 9 hospitals in 2024, said Renata Olafsdottir of Quillmark Spine. "
        "“We expect to have sets in 40 centers by the end of the summer,” she said.")}
    assert {(Kind.MONEY, "usd 18000000"), (Kind.MONEY, "eur 2500000000"),
            (Kind.ID, "K251734"), (Kind.PERCENT, "30"), (Kind.COUNT, "85 procedure"),
            (Kind.NAME, "renata olafsdottir"),
            (Kind.NAME, "quillmark spine"),
            (Kind.QUOTE, "we expect to have sets in 40 centers by the end of the summer")} <= found
    assert not any(form.startswith("2024") for _, form in found)
    assert (Kind.COUNT, "9 hospital") not in found  # small counts coincide


def test_source_links():
    html = (
        "<p>The note.</p><p>Source: <a href='https://www.beckersasc.com/x.html'>Becker's</a></p>"
        "<p>Read more at <a href='/y/'>OrthoSpineNews</a>.</p>"
        "<p>See also <a href='https://example.com/z'>an older story</a>.</p>")
    assert source_links(html, "https://thespinemarketgroup.com/a/") == (
        "https://www.beckersasc.com/x.html", "https://thespinemarketgroup.com/y/")


def test_pair_scores():
    truth = {1: "a", 2: "a", 3: "a", 4: "b", 5: "b", 6: "c"}
    predicted = {1: 1, 2: 1, 3: 2, 4: 3, 5: 3, 6: 3}
    scores = pair_scores(predicted, truth)
    # grouped pairs: (1,2), (4,5), (4,6), (5,6); true pairs: (1,2), (1,3), (2,3), (4,5)
    assert (scores.predicted, scores.true, scores.correct) == (4, 4, 2)
    assert (scores.precision, scores.recall) == (0.5, 0.5)
    assert pairs_grouped(predicted, [(1, 2), (1, 3), (5, 6)]) == (2, 3)
    assert sorted(story_pairs(truth, [3])) == [(1, 3), (2, 3)]


def _sqlite_storage():
    """The reference SqliteStorage of benchmarks/stories.py, over an in-memory database."""
    import importlib.util
    import sqlite3
    import sys
    from pathlib import Path

    path = Path(__file__).parent.parent / "benchmarks" / "stories.py"
    spec = importlib.util.spec_from_file_location("stories_benchmark", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module.SqliteStorage(sqlite3.connect(":memory:", isolation_level=None))


@pytest.mark.parametrize("make", [MemoryStorage, _sqlite_storage], ids=["memory", "sqlite"])
def test_storage_protocol(make):
    """What StoryIndex relies on; an archive's Storage should pass it too."""
    storage = make()
    first, second = storage.new_story(), storage.new_story()
    assert first != second
    storage.put(1, first, b"one", [10, 11, -12], [50, 51], 20000)
    storage.put(2, first, b"two", [10, 13], [50], 20010)
    storage.put(3, second, b"three", [10], [50, 51], 20030)
    assert {k: sorted(v) for k, v in storage.lookup([10, 11, -12, 99], 5).items()} == {
        10: [1, 2, 3], 11: [1], -12: [1]}
    assert len(storage.lookup([10], 2)[10]) == 2  # at most `limit` ids a key
    assert {k: sorted(v) for k, v in storage.lookup_facts([50, 51, 52], 19995, 20010,
                                                          5).items()} == {50: [1, 2], 51: [1]}
    assert len(storage.lookup_facts([50], 0, 30000, 2)[50]) == 2
    assert sorted(storage.lookup_facts([50], None, None, 5)[50]) == [1, 2, 3]
    assert storage.members(first) == [1, 2]
    assert storage.entries([1, 3, 4]) == {1: (first, b"one"), 3: (second, b"three")}
    storage.put(1, first, b"one again", [13], [52], 20001)  # replaces its keys and facts
    assert 11 not in storage.lookup([11], 5)
    assert sorted(storage.lookup([13], 5)[13]) == [1, 2]
    assert storage.lookup_facts([50, 52], 20000, 20001, 5) == {52: [1]}
    storage.move(first, second)
    assert storage.members(first) == [] and storage.members(second) == [1, 2, 3]
    assert storage.entries([2])[2].story_id == second
    assert storage.new_story() not in (first, second)  # ids are never reused
    used = storage.new_story()
    storage.clear()
    assert storage.lookup([10, 13], 5) == {} and storage.entries([1, 2, 3]) == {}
    assert storage.lookup_facts([50, 51, 52], 0, 30000, 5) == {}
    assert storage.new_story() > used


def test_minhash_values_are_datasketchs():
    """The signature's MinHash, computed over all shingles at once, is the one datasketch's
    MinHash.update_batch makes with the same permutations (stored signatures depend on it)."""
    import numpy as np
    from datasketch import MinHash

    from orthocrawl.stories.signature import _SEED, NUM_PERM, minhash_values

    rng = np.random.default_rng(11)
    for count in (1, 12, 600):
        shingles = rng.integers(0, 1 << 32, count, dtype=np.uint64)
        sketch = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme="affine32", hashfunc=int)
        sketch.update_batch(shingles.tolist())
        assert minhash_values(shingles).tolist() == sketch.hashvalues.tolist()


def test_permutations_are_datasketchs_without_importing_it():
    """The permutations are datasketch's own for the seed, drawn without importing datasketch
    (and scipy, which it imports) in a process that signs articles."""
    import subprocess
    import sys

    import numpy as np
    from datasketch import MinHash

    from orthocrawl.stories.signature import _SEED, NUM_PERM, _permutations

    a, b = _permutations()
    expected = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme="affine32", hashfunc=int)
    assert np.array_equal(a, expected.permutations[0])
    assert np.array_equal(b, expected.permutations[1])
    code = ("import sys\nfrom orthocrawl.stories import StoryArticle, sign\n"
            "sig = sign(StoryArticle(1, 'https://a.example/x', 'a', ' '.join("
            "f'word{i}' for i in range(80))))\nassert len(sig.band_keys) == 16\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('datasketch', 'scipy')))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert run.stdout.strip() == "[]"


def test_signature_pickles_with_its_keys():
    """A signature sent from a signing worker arrives as it was made: every field (band keys
    and uncapped paragraph word counts, which the blob does not hold) and every key."""
    import dataclasses
    import pickle

    import numpy as np

    long_paragraph = " ".join(f"word{i}" for i in range(300))  # past the blob's 255
    articles = [*ARTICLES.values(),
                StoryArticle(99, "https://a.example/long", "a", long_paragraph, "A long one")]
    for article in articles:
        sig = sign(article)
        back = pickle.loads(pickle.dumps(sig))
        for f in dataclasses.fields(sig):
            mine, theirs = getattr(sig, f.name), getattr(back, f.name)
            if isinstance(mine, np.ndarray):
                assert mine.dtype == theirs.dtype and np.array_equal(mine, theirs), f.name
            else:
                assert mine == theirs, f.name
        assert back.keys == sig.keys and back.blob == sig.blob
        assert list(back.lookups.items()) == list(sig.lookups.items())
        assert list(back.fact_keys.items()) == list(sig.fact_keys.items())
    assert back.paragraph_words == (300,) and len(back.band_keys) == 16
