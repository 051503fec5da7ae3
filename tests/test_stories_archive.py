"""Stories in the archive (issue 11 §2, §3): schema v8, assignment as articles are stored,
rebuilds, and the commands, on small archives of hand-written copies and on the demo's
crawled archive."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import forked

from orthocrawl.archive import Archive
from orthocrawl.archive.stories import ArchiveStorage
from orthocrawl.cli import main
from orthocrawl.derived import Derivations

# A made-up press release (four paragraphs of eight words or more), and another story.
RELEASE = [
    "BRAMBLE FALLS, Ore., March 4, 2025 /Wire/ -- Quillon Spine Systems today said the FDA "
    "cleared its Tessel lateral cage under 510(k) K250417 after a review of bench data.",
    "The titanium lattice cage comes in forty footprints and lets surgeons pack graft "
    "through a side window, the company said in a statement on Tuesday.",
    "\"We built Tessel around the way lateral surgeons actually work in a crowded corridor,\" "
    "said Marisol Quenby, chief executive of Quillon Spine Systems.",
    "Quillon expects a limited launch at twelve hospitals in the second quarter, followed by "
    "a full release across North America later in the year.",
]
ABOUT = ("About Quillon Spine Systems: Quillon designs spinal implants and instruments for "
         "surgeons and is based in Bramble Falls, Oregon.")
OTHER = [
    "Harrowgate Orthopedics opened a second ambulatory surgery center in Lindenvale on "
    "Monday, adding four operating rooms for joint replacement patients.",
    "The center will employ sixty people and expects to perform two thousand procedures in "
    "its first year, according to the hospital group's chief operating officer.",
    "Harrowgate said the building uses a new sterile processing layout designed with nurses "
    "who work in its existing center across the river.",
]


def record(url: str, site: str, title: str, paragraphs: list[str],
           published: str = "2025-03-04T14:00:00Z") -> dict:
    body = "\n\n".join(paragraphs)
    return {"url": url, "site": site, "title": title, "authors": ["Staff"], "posted_by": None,
            "published_at": published, "modified_at": None, "categories": [], "tags": [],
            "description": None, "lead_image": None, "language": "en", "body_text": body,
            "body_html": "".join(f"<p>{p}</p>" for p in paragraphs),
            "word_count": len(body.split()), "source": None, "content_hash": str(hash(body))}


ORIGINAL = record("https://wire.example/2025/03/quillon-tessel/", "wire",
                  "Quillon Spine Systems earns FDA clearance for Tessel lateral cage",
                  [*RELEASE, ABOUT])
VERBATIM = record("https://spinedaily.example/quillon-tessel-cage/", "spinedaily",
                  "Quillon Spine Systems Earns FDA Clearance For Tessel Lateral Cage",
                  [*RELEASE, ABOUT], "2025-03-05T09:30:00Z")
EXCERPT = record("https://orthobrief.example/news/tessel/", "orthobrief",
                 "FDA clears Quillon's Tessel cage",
                 [*RELEASE[:2], "Read more at Wire Example."], "2025-03-06T08:00:00Z")
UNRELATED = record("https://spinedaily.example/harrowgate-asc/", "spinedaily",
                   "Harrowgate opens second surgery center", OTHER, "2025-03-05T11:00:00Z")
ALL = [ORIGINAL, VERBATIM, EXCERPT, UNRELATED]


def build(path: Path, records: list[dict]) -> Path:
    derive = Derivations()
    with Archive(path) as archive:
        derive.start(archive)
        for rec in records:  # one store per article, as separate crawl batches would
            archive.store([(rec, None)], derive=derive)
    return path


def story_of(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT url, story_id FROM articles"))


def test_copies_on_other_sites_share_one_story(tmp_path):
    db = build(tmp_path / "a.db", ALL)
    stories = story_of(db)
    assert None not in stories.values()  # every article in exactly one story
    assert stories[VERBATIM["url"]] == stories[ORIGINAL["url"]] == stories[EXCERPT["url"]]
    assert stories[UNRELATED["url"]] != stories[ORIGINAL["url"]]
    with Archive(db, read_only=True) as archive:
        rows = {row["id"]: row for row in archive.stories()}
        story = rows[stories[ORIGINAL["url"]]]
        assert (story["articles"], story["sites"]) == (3, 3)
        assert story["canonical_url"] == ORIGINAL["url"]  # the earliest copy
        assert story["site"] == "wire" and story["publishers"] == "wire, spinedaily, orthobrief"
        assert story["first_published"] == "2025-03-04T14:00:00Z"
        assert story["last_published"] == "2025-03-06T08:00:00Z"
        assert rows[stories[UNRELATED["url"]]]["articles"] == 1
        # newest first, by the first copy's date
        assert next(r["id"] for r in archive.stories()) == stories[UNRELATED["url"]]
        assert [r["id"] for r in archive.stories(min_sites=2)] == [story["id"]]
        assert [r["id"] for r in archive.stories(sites=["orthobrief"])] == [story["id"]]
        listed = archive.db.execute("SELECT story_id, story_articles, story_sites FROM "
                                    "article_list WHERE url = ?", [EXCERPT["url"]]).fetchone()
        assert listed == (story["id"], 3, 3)


def test_the_order_of_arrival_does_not_split_a_story(tmp_path):
    db = build(tmp_path / "a.db", [EXCERPT, UNRELATED, VERBATIM, ORIGINAL])
    stories = story_of(db)
    assert len({stories[r["url"]] for r in (ORIGINAL, VERBATIM, EXCERPT)}) == 1
    with Archive(db, read_only=True) as archive:
        assert len(archive.stories()) == 2  # merged stories leave no row behind


# Every column of a story but last_seen, which follows its articles' last_seen: a rerun
# touches that (it is when the copies were seen), whether or not the clock's second ticked.
STORY_ROWS = ("SELECT id, canonical_url, site, title, first_published, last_published, "
              "first_seen, articles, sites FROM stories ORDER BY id")


def test_rerun_edit_and_gone(tmp_path):
    db = build(tmp_path / "a.db", ALL)
    before = story_of(db)
    with sqlite3.connect(db) as conn:
        rows_before = conn.execute(STORY_ROWS).fetchall()
    derive = Derivations()
    with Archive(db) as archive:
        derive.start(archive)
        assert archive.store([(r, None) for r in ALL], derive=derive) == ["unchanged"] * 4
        # an edit that keeps the text: still a copy
        edited = record(VERBATIM["url"], "spinedaily", VERBATIM["title"],
                        [*RELEASE, ABOUT, "Updated: the company added a conference call."],
                        "2025-03-05T09:30:00Z")
        assert archive.store([(edited, None)], derive=derive) == ["changed"]
        archive.mark_gone([EXCERPT["url"]])
    after = story_of(db)
    assert after == before
    with sqlite3.connect(db) as conn:
        assert conn.execute(STORY_ROWS).fetchall() == rows_before
        versions = [row[1] for row in conn.execute("PRAGMA table_info(article_versions)")]
    assert "story_id" not in versions  # derived, never versioned
    with Archive(db) as archive:  # an edit whose text left the story: a story of its own
        left = record(VERBATIM["url"], "spinedaily", "Corrected", [
            OTHER[0], "The article that stood here was posted by mistake and has been "
            "replaced."], "2025-03-05T09:30:00Z")
        archive.store([(left, None)], derive=derive)
        stories = {row["id"]: row for row in archive.stories()}
    moved = story_of(db)
    assert moved[VERBATIM["url"]] not in (before[VERBATIM["url"]], before[UNRELATED["url"]])
    assert moved[EXCERPT["url"]] == moved[ORIGINAL["url"]] == before[ORIGINAL["url"]]
    assert stories[moved[ORIGINAL["url"]]]["articles"] == 2  # the gone excerpt stays in it


def test_rebuild_keeps_ids_and_the_storage_passes_the_contract(tmp_path):
    db = build(tmp_path / "a.db", ALL)
    before = story_of(db)
    result = CliRunner().invoke(main, ["stories", "--rebuild", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "4 articles grouped into 2 stories" in result.output
    assert story_of(db) == before
    with Archive(db, read_only=True) as archive:
        assert archive.derived_method("stories") == Derivations().stories_method()


def test_archive_storage_contract(tmp_path):
    from tests.test_stories import test_storage_protocol

    with Archive(tmp_path / "a.db") as archive:
        with archive.transaction():
            test_storage_protocol(lambda: ArchiveStorage(archive.db.conn))


def test_commands(tmp_path):
    db = build(tmp_path / "a.db", ALL)
    runner = CliRunner()
    story = story_of(db)[ORIGINAL["url"]]
    out = runner.invoke(main, ["stories", "--db", str(db), "--format", "json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output)
    assert [(r["id"], r["articles"], r["sites"]) for r in rows][1] == (story, 3, 3)
    assert rows[1]["site"] == "wire"
    out = runner.invoke(main, ["stories", "--db", str(db), "--min-sites", "2", "--format",
                               "csv"])
    table = list(csv.DictReader(io.StringIO(out.output)))
    assert [row["id"] for row in table] == [str(story)]
    out = runner.invoke(main, ["stories", "--db", str(db), "--site", "orthobrief"])
    assert out.exit_code == 0 and "Quillon" in out.output and "Harrowgate" not in out.output

    for ref in (str(story), EXCERPT["url"].replace("https://", "http://")):
        out = runner.invoke(main, ["story", ref, "--db", str(db)])
        assert out.exit_code == 0, out.output
        assert out.output.index(ORIGINAL["url"]) < out.output.index(EXCERPT["url"])
        assert "(canonical)" in out.output and "the same text as the canonical" in out.output
        assert "  + Read more at Wire Example." in out.output  # what the excerpt adds
        assert "  - " + RELEASE[3] in out.output  # and what it lacks

    out = runner.invoke(main, ["search", "Tessel", "--db", str(db), "--one-per-story",
                               "--format", "json"])
    hits = json.loads(out.output)
    assert len(hits) == 1 and hits[0]["url"] == ORIGINAL["url"]
    assert (hits[0]["story_articles"], hits[0]["story_sites"]) == (3, 3)
    out = runner.invoke(main, ["search", "Tessel", "--db", str(db), "--format", "json"])
    assert len(json.loads(out.output)) == 3

    out = runner.invoke(main, ["export", "--db", str(db), "--one-per-story", "--columns",
                               "url,site"])
    exported = list(csv.DictReader(io.StringIO(out.stdout)))
    assert sorted((r["url"], r["story_articles"], r["story_sites"]) for r in exported) == \
        sorted([(ORIGINAL["url"], "3", "3"), (UNRELATED["url"], "1", "1")])

    out = runner.invoke(main, ["stats", "--db", str(db), "--by", "site", "--stories"])
    assert out.exit_code == 0, out.output
    lines = {line.split()[0]: line.split()[1:] for line in out.output.splitlines()[1:]}
    assert lines["spinedaily"] == ["2", "1"] and lines["wire"] == ["1", "1"]
    assert lines["orthobrief"] == ["1", "0"]
    out = runner.invoke(main, ["stats", "--db", str(db), "--by", "month", "--stories"])
    assert out.output.splitlines()[1].split()[:3] == ["2025-03", "2", "spinedaily"]


@pytest.mark.parametrize("args", [
    ["story", "12345"], ["story", "not a story"], ["story", "https://nowhere.example/x/"],
    ["stories", "--min-sites", "0"], ["stories", "--since", "yesterday"],
    ["stories", "--site", "nosuchsite"], ["stats", "--by", "author", "--stories"]])
def test_bad_input_is_one_line(tmp_path, args):
    db = build(tmp_path / "a.db", ALL)
    result = CliRunner().invoke(main, [*args, "--db", str(db)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) <= 3 and "rror: " in lines[-1]  # click's usage errors add a usage line


FIXTURES = Path(__file__).parent / "fixtures" / "archives"


def test_an_old_archive_migrates_and_its_articles_are_grouped_by_a_rebuild(tmp_path):
    db = tmp_path / "v4.db"
    shutil.copy(FIXTURES / "v4.db", db)
    with Archive(db) as archive:
        assert archive.stories_missing() == archive.count() == 20
        assert archive.stories() == []
    out = CliRunner().invoke(main, ["stories", "--db", str(db)])
    assert "no story yet" in out.output and "--rebuild" in out.output
    assert CliRunner().invoke(main, ["stories", "--rebuild", "--db", str(db)]).exit_code == 0
    with Archive(db, read_only=True) as archive:
        assert archive.stories_missing() == 0
        assert sum(row["articles"] for row in archive.stories()) == 20


def test_a_crawled_archive_has_every_article_in_one_story(demo_archive):
    with sqlite3.connect(f"file:{demo_archive.db}?mode=ro", uri=True) as conn:
        missing = conn.execute("SELECT count(*) FROM articles WHERE story_id IS NULL").fetchone()
        sized = conn.execute("SELECT sum(articles), count(*) FROM stories").fetchone()
        (articles,) = conn.execute("SELECT count(*) FROM articles").fetchone()
        (signatures,) = conn.execute("SELECT count(*) FROM story_signatures").fetchone()
        wrong = conn.execute(
            "SELECT count(*) FROM stories s WHERE articles != (SELECT count(*) FROM articles "
            "WHERE story_id = s.id)").fetchone()
    assert missing == (0,) and signatures == articles and sized[0] == articles
    assert wrong == (0,)


def crawl(base_url: str, db: Path, *args: str) -> None:
    result = forked("crawl", "orthospinenews", "--db", str(db), "--base-url", base_url, *args)
    assert result.returncode == 0, result.stderr[-2000:]


def stories_rows(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id, canonical_url, articles, sites, first_published "
                            "FROM stories ORDER BY id").fetchall()


@pytest.mark.slow
def test_a_rerun_and_a_later_state_of_a_crawled_site_keep_every_story(tmp_path):
    from orthocrawl.replica import ReplicaServer, build_site

    db = tmp_path / "a.db"
    with ReplicaServer(build_site(articles=40)) as server:
        crawl(server.base_url, db)
    before, rows = story_of(db), stories_rows(db)
    assert len(before) == 40 and None not in before.values()
    with ReplicaServer(build_site(articles=40)) as server:  # every page fetched again
        crawl(server.base_url, db, "--recheck", "all")
    assert story_of(db) == before and stories_rows(db) == rows
    later = build_site(articles=40, state=2)
    changes = later.changes()
    with ReplicaServer(later) as server:
        crawl(server.base_url, db, "--recheck", "all")
    after = story_of(db)
    assert None not in after.values()
    # each replica article is its own story (until the replica's wire): edited and gone
    # articles keep theirs, new ones get new ones
    assert {url: after[url] for url in before} == before
    new = [url for url in after if url not in before]
    assert len(new) == len(changes["new"]) > 0
    assert len({after[url] for url in new} | set(before.values())) == len(after)
    with sqlite3.connect(db) as conn:
        gone = [row[0] for row in conn.execute("SELECT url FROM articles WHERE status = 'gone'")]
        versions = conn.execute("SELECT count(*) FROM articles WHERE version > 1").fetchone()
    assert gone and versions[0] > 0  # the later state did edit and remove articles
    assert len(stories_rows(db)) == len(after)


def test_stories_of_another_method_are_left_alone_until_rebuilt(tmp_path, caplog):
    from orthocrawl.reparse import reparse

    db = build(tmp_path / "a.db", ALL[:2])
    derive = Derivations()
    with Archive(db) as archive:
        archive.set_derived_method("stories", "stories-0-older")
        derive.start(archive)
        assert "no stories assigned until `orthocrawl stories --rebuild`" in caplog.text
        archive.store([(EXCERPT, None)], derive=derive)
        assert archive.stories_missing() == 1  # not compared with signatures of another kind
        reparse(archive)  # no raw pages here: it only rebuilds what another method made
        assert archive.stories_missing() == 0
        assert archive.derived_method("stories") == derive.stories_method()
    stories = story_of(db)
    assert stories[EXCERPT["url"]] == stories[ORIGINAL["url"]] == stories[VERBATIM["url"]]


def test_the_crawled_demo_groups_its_wire_copies_as_the_replica_says(demo_archive):
    """The demo crawls every replica; their wire (issue 11 §1) makes some articles copies of
    others. No pair is grouped that the replica's truth does not put in one story, and every
    verbatim copy and excerpt is grouped with its story. (At 30 articles a site the only pair
    is a rewrite, which the rules find in some crawls and not others: the sites are crawled
    at once, so the order articles are stored in varies.)"""
    from itertools import combinations

    from orthocrawl.replica.registry import build_hub
    from orthocrawl.stories import url_form
    from tests.conftest import DEMO_ARTICLES

    records = build_hub(articles=DEMO_ARTICLES).truth()
    truth = {url_form(r["url"]): r.get("story") for r in records}
    kind = {url_form(r["url"]): r.get("copy") for r in records}
    with sqlite3.connect(f"file:{demo_archive.db}?mode=ro", uri=True) as conn:
        ours = {url_form(url): story for url, story in
                conn.execute("SELECT url, story_id FROM articles")}
    assert set(ours) == set(truth)
    pairs = [(a, b) for a, b in combinations(sorted(ours), 2)
             if truth[a] is not None and truth[a] == truth[b]]
    grouped = [(a, b) for a, b in combinations(sorted(ours), 2) if ours[a] == ours[b]]
    assert set(grouped) <= set(pairs)
    assert {(a, b) for a, b in pairs if {kind[a], kind[b]} & {"verbatim", "excerpt"}} <= \
        set(grouped)


def test_a_copy_citing_its_source_by_a_link_joins_it_and_makes_it_canonical(tmp_path):
    """A piece that shares little text with the original but names it by a "Source" link is
    the original's story, and the cited article is the story's canonical copy, even when the
    citing one was published (and stored) first."""
    citing = record("https://orthobrief.example/news/quillon-briefly/", "orthobrief",
                    "Quillon gets a lateral cage through FDA", [
                        "Quillon has a new lateral cage on the market after a regulatory "
                        "decision this week, according to a wire report we saw on Tuesday.",
                        "Surgeons we asked were curious about the side window for graft.",
                    ], "2025-03-04T10:00:00Z")
    citing["body_html"] += (f'<p>Source: <a href="{ORIGINAL["url"]}?utm_source=x">Wire '
                            "Example</a></p>")
    db = build(tmp_path / "a.db", [citing, ORIGINAL, UNRELATED])
    stories = story_of(db)
    assert stories[citing["url"]] == stories[ORIGINAL["url"]] != stories[UNRELATED["url"]]
    with Archive(db, read_only=True) as archive:
        story = next(r for r in archive.stories() if r["id"] == stories[ORIGINAL["url"]])
        assert story["canonical_url"] == ORIGINAL["url"]
        assert story["articles"] == 2


def test_a_source_link_elsewhere_or_a_caption_joins_nothing(tmp_path):
    """A "Source:" naming a company's site or a chart's authors is no copy of anything."""
    captioned = record("https://orthobrief.example/news/harrowgate-chart/", "orthobrief",
                       "Harrowgate volumes by quarter", OTHER[:2], "2025-03-05T12:00:00Z")
    captioned["body_html"] += ('<figure><figcaption>Source: study authors</figcaption></figure>'
                               '<p>Source: <a href="https://harrowgate.example/">Harrowgate'
                               "</a></p>")
    db = build(tmp_path / "a.db", [ORIGINAL, captioned])
    stories = story_of(db)
    assert stories[captioned["url"]] != stories[ORIGINAL["url"]]
