"""Watchlists (issue 11 §4): saved searches, their new stories after each crawl, Atom feeds
read back with feedparser, the notify command's input, and bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from conftest import forked, scrapy

from orthocrawl.archive import Archive
from orthocrawl.replica import ReplicaServer, build_site
from orthocrawl.watchlists import entry_id, run_watches, write_feed

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = 120
QUERY = "FDA OR market*"
# The notify command of the tests: appends what it reads on stdin, one JSON line a run.
NOTIFY = ("import sys; from pathlib import Path; "
          "Path(sys.argv[1]).open('a').write(sys.stdin.read().strip() + '\\n')")


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Another process (forked from this one), as a crawl or a second user would be."""
    return forked(*args, env=env, timeout=300)


def invoke(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """A command run in this process (click's runner: quick), as cli() would return it; an
    exception other than the commands' own exit shows as a traceback."""
    from click.testing import CliRunner

    from orthocrawl.cli import main

    result = CliRunner().invoke(main, list(args), env=env, prog_name="orthocrawl")
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += f"Traceback: {result.exception!r}"
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, stderr)


def record(url: str, body: str, site: str = "example", published: str = "2024-01-02T03:04:05Z",
           title: str | None = None) -> dict:
    title = title or body.split(".")[0]
    return {"url": url, "site": site, "title": title, "authors": [], "posted_by": None,
            "published_at": published, "modified_at": None, "categories": [], "tags": [],
            "description": None, "lead_image": None, "language": "en", "body_text": body,
            "body_html": f"<p>{body}</p>", "word_count": len(body.split()), "source": None,
            "content_hash": str(hash((title, body)))}


def with_stories(archive: Archive) -> None:
    """Give the archive's articles a story column as the stories migration does (when this
    branch's schema lacks it), so that story keys can be tested here."""
    if "story_id" not in {c.name for c in archive.db["articles"].columns}:
        archive.db.execute("ALTER TABLE articles ADD COLUMN story_id INTEGER")


def set_story(archive: Archive, url: str, story: int) -> None:
    with archive.transaction():
        archive.db.execute("UPDATE articles SET story_id = ? WHERE url = ?", [story, url])


# ---- the archive's side, on articles stored directly ----------------------------------------

def test_only_what_comes_after_the_watch_is_new(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        archive.store([(record("https://e.com/1", "Kyphoplasty cement study. Results."), None),
                       (record("https://e.com/2", "Cervical disc trial. Kyphoplasty."), None),
                       (record("https://e.com/3", "Knee arthroplasty registry. Data."), None)])
        watch, known = archive.add_watch("kypho", "kyphoplasty", [], 1)
        assert known == 2
        assert archive.record_matches(watch) == []
        archive.store([(record("https://e.com/4", "Kyphoplasty in the elderly. More."), None),
                       (record("https://e.com/5", "Hip fracture care. Nothing else."), None)])
        new = archive.record_matches(watch, run_id=7)
        assert [m["url"] for m in new] == ["https://e.com/4"]
        assert new[0]["story"] == "article:https://e.com/4"
        assert archive.record_matches(watch) == []
        assert [m["url"] for m in archive.latest_matches(watch)] == ["https://e.com/4"]
        listed = archive.watches()
        assert [(w["name"], w["reported"], w["known"]) for w in listed] == [("kypho", 1, 2)]


def test_a_new_copy_of_a_reported_story_is_not_new(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        with_stories(archive)
        watch, _ = archive.add_watch("trellan", "Trellan", [], 1)
        archive.store([(record("https://a.com/1", "FDA clears the Trellan cage. Text."), None)])
        set_story(archive, "https://a.com/1", 11)
        assert [m["story"] for m in archive.record_matches(watch)] == ["story:11"]
        # a copy on another site, the same story: not new; another story: new
        archive.store([(record("https://b.com/1", "Trellan cage cleared. Copy.", "b"), None),
                       (record("https://b.com/2", "Trellan second clearance. Other.", "b"),
                        None)])
        set_story(archive, "https://b.com/1", 11)
        set_story(archive, "https://b.com/2", 12)
        assert [m["url"] for m in archive.record_matches(watch)] == ["https://b.com/2"]


def test_a_copy_recorded_before_stories_were_built_counts_for_its_story(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        with_stories(archive)
        archive.store([(record("https://a.com/1", "Varix cage cleared. Text."), None)])
        watch, known = archive.add_watch("varix", "Varix", [], 1)
        assert known == 1  # recorded as article:https://a.com/1 (no story yet)
        archive.store([(record("https://b.com/1", "Varix cage news. Copy.", "b"), None)])
        set_story(archive, "https://a.com/1", 3)  # stories built afterwards
        set_story(archive, "https://b.com/1", 3)
        assert archive.record_matches(watch) == []
        archive.store([(record("https://b.com/2", "Varix recall. Other.", "b"), None)])
        set_story(archive, "https://b.com/2", 4)
        assert [m["story"] for m in archive.record_matches(watch)] == ["story:4"]


def test_min_sites_waits_for_the_second_site(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        with_stories(archive)
        watch, _ = archive.add_watch("wide", "Mazor", [], 2)
        archive.store([(record("https://a.com/9", "Mazor robot launch. Text."), None)])
        set_story(archive, "https://a.com/9", 5)
        assert archive.record_matches(watch) == []
        archive.store([(record("https://b.com/9", "Robot news. No name.", "b"), None)])
        set_story(archive, "https://b.com/9", 5)  # a copy that does not say Mazor counts too
        new = archive.record_matches(watch)
        assert [(m["story"], m["url"], m["sites"]) for m in new] == [
            ("story:5", "https://a.com/9", 2)]
        assert archive.record_matches(watch) == []


def test_site_filter_and_backfill(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        archive.store([
            (record("https://a.com/old", "Robotic guidance. Old.", "a", "2023-03-01T00:00:00Z"),
             None),
            (record("https://a.com/mid", "Robotic guidance. Mid.", "a", "2024-06-01T00:00:00Z"),
             None),
            (record("https://b.com/mid", "Robotic guidance. B.", "b", "2024-06-02T00:00:00Z"),
             None)])
        watch, known = archive.add_watch("robots", "robotic", ["a"], 1)
        assert known == 2
        backfilled = archive.record_matches(watch, since="2024-01-01T00:00:00Z")
        assert [m["url"] for m in backfilled] == ["https://a.com/mid"]
        assert archive.record_matches(watch, since="2024-01-01T00:00:00Z") == []
        assert [w["known"] for w in archive.watches()] == [1]


def test_feed_entries_keep_their_ids(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        archive.add_watch("fusion", "fusion", [], 1)
        archive.store([(record("https://a.com/f", "Lumbar fusion trial. Text."), None)])
        first = run_watches(archive, feeds=tmp_path)
        archive.store([(record("https://a.com/g", "Fusion cage study. Text.",
                               published="2024-02-01T00:00:00Z"), None)])
        second = run_watches(archive, feeds=tmp_path)
    assert [len(r.new) for r in first + second] == [1, 1]
    feed = feedparser.parse(str(tmp_path / "fusion.xml"))
    assert not feed.bozo, feed.bozo_exception
    assert [e.link for e in feed.entries] == ["https://a.com/g", "https://a.com/f"]
    assert feed.entries[1].id == entry_id("fusion", "article:https://a.com/f")
    assert feed.entries[0].id != feed.entries[1].id


def test_a_feed_holds_the_latest_fifty(tmp_path):
    matches = [{"story": f"article:u{i}", "url": f"https://a.com/{i}", "title": f"T{i}",
                "site": "a", "published_at": None, "summary": None,
                "matched_at": f"2024-01-01T00:00:{i % 60:02d}Z"} for i in range(50)]
    watch = {"name": "w", "query": "q", "created_at": "2024-01-01T00:00:00Z"}
    feed = feedparser.parse(write_feed(tmp_path, watch, matches).read_bytes())
    assert not feed.bozo and len(feed.entries) == 50
    assert len({e.id for e in feed.entries}) == 50


# ---- bad input ----------------------------------------------------------------------------

@pytest.fixture
def small_db(tmp_path):
    db = tmp_path / "w.db"
    with Archive(db) as archive:
        archive.store([(record("https://a.com/1", "Spinal fusion study. Text."), None)])
    return db


def one_line_error(result: subprocess.CompletedProcess, code: int = 2) -> str:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("orthocrawl: error: "), result.stderr
    return lines[0]


@pytest.mark.parametrize("query", ['"unbalanced', "fusion AND", "NEAR(", "-", "(fusion"])
def test_a_query_fts5_cannot_run_is_refused(small_db, query):
    line = one_line_error(invoke("watch", "add", "bad", query, "--db", str(small_db)))
    assert query in line or "search" in line
    with Archive(small_db, read_only=True) as archive:
        assert archive.watches() == []


def test_a_refused_watch_leaves_no_new_archive_behind(tmp_path):
    db = tmp_path / "new.db"
    one_line_error(invoke("watch", "add", "bad", "(fusion", "--db", str(db)))
    assert list(tmp_path.iterdir()) == []


def test_bad_names_and_numbers(small_db):
    db = ["--db", str(small_db)]
    assert "watch name" in one_line_error(invoke("watch", "add", "../x", "fusion", *db))
    assert "--min-sites" in one_line_error(invoke("watch", "add", "x", "fusion", "--min-sites",
                                               "0", *db))
    line = one_line_error(invoke("watch", "add", "x", "fusion", "--site", "orthospinenws", *db))
    assert "--site 'orthospinenws': no such site" in line and "orthospinenews" in line
    assert invoke("watch", "add", "spine", "fusion", *db).returncode == 0
    assert "exists already" in one_line_error(invoke("watch", "add", "spine", "other", *db))
    line = one_line_error(invoke("watch", "remove", "spinal", *db))
    assert "no watch named 'spinal'" in line and "spine" in line
    assert "--since" in one_line_error(invoke("watch", "run", "--since", "yesterday", *db))
    removed = invoke("watch", "remove", "spine", *db)
    assert removed.returncode == 0 and "removed watch spine" in removed.stdout
    assert "no watches" in invoke("watch", "list", *db).stdout


def test_an_unwritable_feeds_folder_is_refused_before_anything_runs(small_db, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    feeds = str(blocker / "feeds")
    assert invoke("watch", "add", "spine", "fusion", "--db", str(small_db)).returncode == 0
    line = one_line_error(invoke("watch", "run", "--db", str(small_db), "--feeds", feeds))
    assert f"cannot write watch feeds to {feeds}" in line
    line = one_line_error(invoke("crawl", "orthospinenews", "--db", str(small_db), "--base-url",
                              "http://127.0.0.1:9", "--feeds", feeds))
    assert f"cannot write watch feeds to {feeds}" in line
    line = one_line_error(invoke("crawl", "orthospinenews", "--db", str(small_db), "--base-url",
                              "http://127.0.0.1:9", env={"ORTHOCRAWL_WATCH_FEEDS": feeds}))
    assert f"cannot write watch feeds to {feeds}" in line
    with Archive(small_db, read_only=True) as archive:
        assert archive.runs() == []  # no crawl started


def test_a_failing_notify_command_is_a_problem_not_a_loss(small_db, tmp_path):
    assert invoke("watch", "add", "all", "text", "--db", str(small_db)).returncode == 0
    with Archive(small_db) as archive:
        archive.store([(record("https://a.com/2", "More text here. Yes."), None)])
    result = invoke("watch", "run", "--db", str(small_db), "--notify-command",
                 "echo mail server down >&2; exit 3")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "the notify command exited 3: mail server down" in result.stdout
    with Archive(small_db, read_only=True) as archive:
        assert [w["reported"] for w in archive.watches()] == [1]


@pytest.mark.slow
def test_watch_commands_never_wait_for_a_crawl(small_db):
    """A crawl holds its sites' locks (and a maintenance the archive's): watch add, list,
    run and remove go on, in another process, with one short transaction each."""
    from orthocrawl.lock import archive_lock

    with archive_lock(small_db, wait=False, sites=["orthospinenews"]):
        for args in (("add", "spine", "fusion"), ("list",), ("run",), ("remove", "spine")):
            result = cli("watch", *args, "--db", str(small_db))
            assert result.returncode == 0, (args, result.stderr)


# ---- after a crawl: the replica's state 1, a watch, state 2 --------------------------------

@pytest.fixture(scope="module")
def state_one(tmp_path_factory):
    """An archive of the OrthoSpineNews replica's state 1 (copied by each test)."""
    db = tmp_path_factory.mktemp("state1") / "a.db"
    with ReplicaServer(build_site(articles=ARTICLES)) as server:
        result = cli("crawl", "orthospinenews", "--db", str(db), "--base-url", server.base_url)
    assert result.returncode == 0, result.stderr[-2000:]
    return db


@pytest.fixture(scope="module")
def state_two():
    site = build_site(articles=ARTICLES, state=2)
    with ReplicaServer(site) as server:
        server.changes = site.changes()
        yield server


def matching(db: Path) -> set[str]:
    with Archive(db, read_only=True) as archive:
        return {hit["url"] for hit in archive.search(QUERY, limit=100_000)}


def story_keys(db: Path) -> dict[str, str]:
    """Each article's story key, as the archive has it now ('article:<url>' without a story)."""
    with Archive(db, read_only=True) as archive:
        stories = "story_id" in {c.name for c in archive.db["articles"].columns}
        rows = archive.db.execute(
            f"SELECT url, {'story_id' if stories else 'NULL'} FROM articles").fetchall()
    return {url: f"story:{story}" if story is not None else f"article:{url}"
            for url, story in rows}


def notified(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() \
        else []


@pytest.mark.slow
def test_a_crawl_reports_exactly_the_new_matching_stories(state_one, state_two, tmp_path):
    db = tmp_path / "a.db"
    shutil.copy(state_one, db)
    before = matching(db)
    added = cli("watch", "add", "fda", QUERY, "--db", str(db))
    assert added.returncode == 0, added.stderr
    known = {story_keys(db)[url] for url in before}
    assert f"{len(known)} matching stories in the archive already" in added.stdout

    feeds, inbox = tmp_path / "feeds", tmp_path / "inbox.jsonl"
    notify = f"{sys.executable} -c \"{NOTIFY}\" {inbox}"
    crawl = ("crawl", "orthospinenews", "--db", str(db), "--base-url", state_two.base_url,
             "--feeds", str(feeds), "--notify-command", notify)
    second = cli(*crawl)
    assert second.returncode == 0, second.stderr[-2000:]
    after, keys = matching(db), story_keys(db)
    new_copies = after - before
    new = {keys[url] for url in after} - {keys[url] for url in before}  # new stories
    changes = state_two.changes
    assert new and new_copies <= set(changes["new"]) | set(changes["edited"])

    # the run's summary
    assert f"  watch fda: {len(new)} new stor" in second.stdout
    # the notify command's input: one run, exactly the new stories, each by a new copy
    (message,) = notified(inbox)
    assert message["watch"] == "fda" and message["query"] == QUERY
    assert {item["story"] for item in message["items"]} == new
    assert {item["url"] for item in message["items"]} <= new_copies
    assert all(keys[item["url"]] == item["story"] for item in message["items"])
    # the Atom feed, read back with feedparser
    feed = feedparser.parse(str(feeds / "fda.xml"))
    assert not feed.bozo, feed.bozo_exception
    assert {entry.id for entry in feed.entries} == {entry_id("fda", story) for story in new}
    assert {entry.link for entry in feed.entries} == {i["url"] for i in message["items"]}
    # recorded in the archive, with the run that found them
    with Archive(db, read_only=True) as archive:
        run = max(archive.runs(), key=lambda r: r["id"])
        rows = list(archive.db.query("SELECT story_key, run_id FROM watch_matches "
                                     "WHERE reported = 1"))
    assert {r["story_key"] for r in rows} == new and {r["run_id"] for r in rows} == {run["id"]}

    # a second run adds nothing: no summary line, no notification, the same feed
    feed_bytes = (feeds / "fda.xml").read_bytes()
    third = cli(*crawl)
    assert third.returncode == 0, third.stderr[-2000:]
    assert "watch fda" not in third.stdout
    assert len(notified(inbox)) == 1
    assert (feeds / "fda.xml").read_bytes() == feed_bytes


@pytest.mark.slow
def test_scrapy_crawl_runs_the_watches_too(state_one, state_two, tmp_path):
    """As scrapyd runs a job: `scrapy crawl`, the feeds folder and notify command from the
    environment."""
    db = tmp_path / "a.db"
    shutil.copy(state_one, db)
    before = matching(db)
    assert cli("watch", "add", "fda", QUERY, "--db", str(db)).returncode == 0
    feeds, inbox = tmp_path / "feeds", tmp_path / "inbox.jsonl"
    mirrors = json.dumps({"orthospinenews.com": state_two.base_url})
    env = {"ORTHOCRAWL_WATCH_FEEDS": str(feeds),
           "ORTHOCRAWL_WATCH_NOTIFY": f"{sys.executable} -c \"{NOTIFY}\" {inbox}"}
    done = scrapy("crawl", "orthospinenews", "-s", f"ORTHOCRAWL_DB={db}",
                  "-s", f"ORTHOCRAWL_MIRRORS={mirrors}", "-s", "DOWNLOAD_DELAY=0", "-s",
                  "AUTOTHROTTLE_ENABLED=False", env=env, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    after, keys = matching(db), story_keys(db)
    new = {keys[url] for url in after} - {keys[url] for url in before}
    assert new
    assert {item["story"] for item in notified(inbox)[0]["items"]} == new
    assert {e.id for e in feedparser.parse(str(feeds / "fda.xml")).entries} == {
        entry_id("fda", story) for story in new}
    assert f"watch fda: {len(new)} new stor" in done.stderr  # Scrapy's log
