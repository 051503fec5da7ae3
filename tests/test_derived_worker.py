"""The derived layers' worker (orthocrawl/derived_worker.py): entities and story signatures
made ahead in another process give the archive exactly what the store makes inline, are
used only for the article they were made from, and a lost worker costs no article."""

from __future__ import annotations

import logging
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_stories_archive import ALL, build, story_of

from orthocrawl import derived_worker
from orthocrawl.archive import Archive
from orthocrawl.derived import Derivations
from orthocrawl.stories import index as story_index


def derived_rows(db: Path) -> dict[str, list]:
    """What the derived layers wrote, by URL (ids aside, which follow the order of writes)."""
    with sqlite3.connect(db) as conn:
        return {
            "signatures": sorted(conn.execute(
                "SELECT a.url, s.signature FROM story_signatures s JOIN articles a "
                "ON a.rowid = s.article_id")),
            "mentions": sorted(conn.execute(
                "SELECT m.article_url, e.kind, e.name, m.count, m.first_sentence "
                "FROM mentions m JOIN entities e ON e.id = m.entity_id")),
            "events": sorted(conn.execute(
                "SELECT article_url, kind, company, product, number, amount FROM events"),
                key=repr),
        }


def partition(db: Path) -> set[frozenset[str]]:
    groups: dict[int, set[str]] = {}
    for url, story in story_of(db).items():
        groups.setdefault(story, set()).add(url)
    return {frozenset(urls) for urls in groups.values()}


@pytest.fixture
def counted(monkeypatch):
    """How often the crawl's own process signs an article (the worker's calls not counted)."""
    calls = {"sign": 0}
    real = story_index.sign

    def sign(article):
        calls["sign"] += 1
        return real(article)

    monkeypatch.setattr(story_index, "sign", sign)
    return calls


def store_with_worker(path: Path, records: list[dict], change=None) -> Derivations:
    derive = Derivations()
    with Archive(path) as archive:
        derive.start(archive)
        derive.start_worker()
        assert derive.worker is not None
        derive.worker.result(derive.worker.submit([]))  # up, as in a crawl after a second
        try:
            batch = [(dict(rec), None) for rec in records]
            for rec, _ in batch:
                derive.prepare(rec)
            if change:
                change(batch)
            archive.store(batch, derive=derive)
        finally:
            derive.stop_worker()
    return derive


def test_the_worker_gives_the_archive_what_the_store_makes_inline(tmp_path, counted):
    inline = build(tmp_path / "inline.db", ALL)
    signed_inline = counted["sign"]
    assert signed_inline == len(ALL)
    store_with_worker(tmp_path / "ahead.db", ALL)
    assert counted["sign"] == signed_inline  # every signature came from the worker
    assert derived_rows(tmp_path / "ahead.db") == derived_rows(inline)
    assert partition(tmp_path / "ahead.db") == partition(inline)
    assert derived_worker._worker is None  # the last user stopped it


def test_an_article_that_is_not_the_one_sent_is_made_inline(tmp_path, counted):
    def edit(batch):  # the stored body differs from the one the worker was given
        batch[0][0]["body_text"] += " A sentence added after it was sent."
        batch[1][0]["body_html"] += "<p>Source: <a href='https://x.example/'>X</a></p>"

    store_with_worker(tmp_path / "ahead.db", ALL, change=edit)
    assert counted["sign"] == 2
    edited = [dict(rec) for rec in ALL]
    edit([(rec, None) for rec in edited])
    inline = build(tmp_path / "inline.db", edited)
    assert derived_rows(tmp_path / "ahead.db") == derived_rows(inline)


def test_a_worker_that_dies_costs_no_article(tmp_path, counted, caplog):
    def kill(batch):
        process = derived_worker._worker.process
        os.kill(process.pid, signal.SIGKILL)
        process.join(10)

    with caplog.at_level(logging.WARNING, logger="orthocrawl.derived"):
        derive = store_with_worker(tmp_path / "ahead.db", ALL, change=kill)
    assert "computed inline" in caplog.text and derive.worker is None
    assert counted["sign"] == len(ALL)
    assert derived_rows(tmp_path / "ahead.db") == derived_rows(build(tmp_path / "i.db", ALL))


@pytest.mark.slow
def test_the_worker_exits_when_the_crawl_is_killed(tmp_path):
    code = ("from orthocrawl import derived_worker\n"
            "worker = derived_worker.acquire([])\n"
            "print(worker.process.pid, flush=True)\n"
            "import time; time.sleep(60)\n")
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        worker = int(parent.stdout.readline())
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and Path(f"/proc/{worker}").exists() and \
                "Z" not in Path(f"/proc/{worker}/stat").read_text().split()[2]:
            time.sleep(0.1)
        alive = Path(f"/proc/{worker}").exists() and \
            "Z" not in Path(f"/proc/{worker}/stat").read_text().split()[2]
        assert not alive, "the worker outlived the crawl's process"
    finally:
        parent.kill()


def test_a_worker_still_starting_is_not_waited_for(tmp_path, counted, monkeypatch):
    """A small crawl's first batch may be stored before the worker has imported its
    modules: the store computes those articles inline rather than wait."""
    monkeypatch.setattr(derived_worker.Worker, "starting", lambda self: True)
    store_with_worker(tmp_path / "ahead.db", ALL)
    assert counted["sign"] == len(ALL)
    assert derived_rows(tmp_path / "ahead.db") == derived_rows(build(tmp_path / "i.db", ALL))
