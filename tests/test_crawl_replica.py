"""End to end: crawl each publisher's replica at 100 articles; hold the archive to the truth
(the 500-article accuracy is benchmarks/accuracy.py's).

The replica runs in this process on a free port; each crawl runs as the real
`orthocrawl crawl` command in a forked child (Scrapy's reactor cannot restart within one
process).
Every test runs once per publisher replica (orthocrawl.replica.available()).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import sqlite_utils
from conftest import forked

from orthocrawl.evaluate import TRUTH_FIELDS as EXACT_FIELDS
from orthocrawl.evaluate import token_f1
from orthocrawl.replica import ReplicaServer, available, build

pytestmark = pytest.mark.slow  # every test crawls

ARTICLES = 100


def crawl(site, base_url: str, db: Path, *args: str) -> subprocess.CompletedProcess:
    return forked("crawl", site.name, "--db", str(db), "--base-url", base_url, *args)


def rows(db: Path) -> dict[str, dict]:
    database = sqlite_utils.Database(db)
    found = {}
    for row in database.query("SELECT * FROM articles"):
        for column in ("authors", "categories", "tags"):
            row[column] = json.loads(row[column])
        found[row["url"]] = row
    return found


@pytest.fixture(scope="module", params=available())
def site(request):
    return build(request.param, articles=ARTICLES)


@pytest.fixture(scope="module")
def server(site):
    with ReplicaServer(site) as running:
        yield running


@pytest.fixture(scope="module")
def archive(site, server, tmp_path_factory):
    db = tmp_path_factory.mktemp("crawl") / "archive.db"
    result = crawl(site, server.base_url, db)
    assert result.returncode == 0, result.stderr[-3000:]
    return db


@pytest.fixture(scope="module")
def truth(site):
    return {record["url"]: record for record in site.truth()}


def test_every_article_archived_exactly_once(archive, truth, site):
    found = rows(archive)
    missing = set(truth) - set(found)
    extra = set(found) - set(truth)
    assert not missing, sorted(missing)[:5]
    assert not extra, sorted(extra)[:5]
    assert not set(found) & set(site.non_article_urls())


def test_every_field_equals_the_truth(archive, truth):
    found = rows(archive)
    mismatches = [
        (url, name, found[url][name], record[name])
        for url, record in truth.items() for name in EXACT_FIELDS
        if found[url][name] != record[name]
    ]
    assert not mismatches, mismatches[:5]


def test_body_text_f1_is_one_everywhere(archive, truth):
    found = rows(archive)
    below = [(url, round(token_f1(record["body_text"], found[url]["body_text"]), 4))
             for url, record in truth.items()
             if token_f1(record["body_text"], found[url]["body_text"]) < 1.0]
    assert not below, below[:5]
    exact = sum(found[url]["body_text"] == record["body_text"] for url, record in truth.items())
    assert exact == len(truth)


def test_no_chrome_text_in_any_body(archive, site):
    found = rows(archive)
    leaks = []
    for url, row in found.items():
        for line in site.chrome_texts(url):
            if line in row["body_text"]:
                leaks.append((url, line))
    assert not leaks, leaks[:5]


def test_raw_pages_kept_for_every_article(archive, truth):
    database = sqlite_utils.Database(archive)
    urls = {r["article_url"] for r in database.query("SELECT article_url FROM pages")}
    assert urls == set(truth)


def test_run_recorded(archive):
    database = sqlite_utils.Database(archive)
    (run,) = list(database.query("SELECT * FROM crawl_runs"))
    assert run["status"] == "ok"
    assert run["articles_new"] == ARTICLES
    assert run["requests"] > ARTICLES


def test_recrawl_changes_nothing_but_last_seen(site, server, archive):
    before = rows(archive)
    result = crawl(site, server.base_url, archive)
    assert result.returncode == 0, result.stderr[-3000:]
    after = rows(archive)
    assert set(after) == set(before)
    for url, row in after.items():
        old = before[url]
        assert {k for k in row if row[k] != old[k]} <= {"last_seen"}, url
    database = sqlite_utils.Database(archive)
    last = next(iter(database.query("SELECT * FROM crawl_runs ORDER BY id DESC LIMIT 1")))
    assert last["articles_unchanged"] == ARTICLES and last["articles_new"] == 0


def test_every_discovery_path_and_url_variants_collapse(server, site, tmp_path):
    """Feeds and listings link to variant URLs (utm, http, no slash); each is archived once."""
    db = tmp_path / "all.db"
    variants = site.variant_urls()
    args = ["--discover", "feed,listing"]
    result = crawl(site, server.base_url, db, *args)
    assert result.returncode == 0, result.stderr[-3000:]
    found = rows(db)
    assert set(found) <= set(site.article_urls())
    # Fetch every variant directly: all collapse into their canonical rows.
    direct = tmp_path / "variants.db"
    args = [arg for url in variants for arg in ("--url", url)]
    result = crawl(site, server.base_url, direct, *args)
    assert result.returncode == 0, result.stderr[-3000:]
    assert set(rows(direct)) == set(variants.values())


def test_non_article_pages_are_dropped_with_a_reason(server, site, tmp_path):
    db = tmp_path / "non.db"
    args = [arg for url in site.non_article_urls() for arg in ("--url", url)]
    result = crawl(site, server.base_url, db, *args)
    assert result.returncode == 1  # nothing archived: the run says it failed
    assert rows(db) == {}
    database = sqlite_utils.Database(db)
    run = next(iter(database.query("SELECT * FROM crawl_runs")))
    reasons = json.loads(run["drop_reasons"])
    assert sum(reasons.values()) == len(site.non_article_urls())
    assert all(key.startswith("not_article") for key in reasons)
