"""Publisher page objects degrade instead of emptying: when a theme's content classes change,
the generic body is taken (Article.body_source "fallback"), the crawl still archives the
articles, and the run fails naming the site and "layout changed"."""

from __future__ import annotations

import json
import re

import pytest
import sqlite_utils
from conftest import forked

from orthocrawl.evaluate import token_f1
from orthocrawl.extensions import judge
from orthocrawl.replica import ReplicaServer, build_site
from orthocrawl.replica.faults import FaultySite
from orthocrawl.replica.testing import fault_report, lost_urls

ARTICLES = 60


@pytest.fixture(scope="module")
def redesigned(tmp_path_factory):
    site = FaultySite(build_site(articles=ARTICLES), {"redesign"})
    db = tmp_path_factory.mktemp("redesign") / "r.db"
    with ReplicaServer(site) as server:
        result = forked("crawl", "orthospinenews", "--db", str(db), "--base-url",
                        server.base_url)
    return site, db, result


@pytest.mark.slow
def test_a_redesigned_site_is_still_archived_and_the_run_says_its_layout_changed(redesigned):
    site, db, result = redesigned
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stdout[-2000:]
    assert "orthospinenews: layout changed" in result.stdout + result.stderr
    truth = {r["url"]: r for r in site.truth()}
    rows = {r["url"]: r for r in sqlite_utils.Database(db).query(
        "SELECT url, body_text, body_source FROM articles")}
    assert {row["body_source"] for row in rows.values()} == {"fallback"}
    good = [url for url, row in rows.items()
            if url in truth and token_f1(truth[url]["body_text"], row["body_text"]) >= 0.9]
    assert len(good) >= 0.95 * len(truth), f"{len(good)} of {len(truth)} with body F1 >= 0.9"
    (run,) = sqlite_utils.Database(db).query("SELECT status, field_shares FROM crawl_runs")
    assert run["status"] == "failed" and json.loads(run["field_shares"])["fallback"] == 1.0


def test_the_redesign_fault_leaves_every_other_page_and_mode_alone():
    plain = build_site(articles=40)
    faulty = FaultySite(plain, {"redesign"})
    url = plain.article_urls()[0]
    before = plain.handle("GET", url, {})[2]
    after = faulty.handle("GET", url, {})[2]
    in_class = re.compile(rb'class="[^"]*\bentry-content\b')
    assert in_class.search(before) and not in_class.search(after)
    assert after.replace(b"story-body", b"entry-content") == before
    assert fault_report(faulty) == {"redesign": [plain.origin + "/"]}  # the whole site
    assert lost_urls(faulty) == set()


@pytest.mark.parametrize(("share", "status"), [(0.2, "ok"), (0.25, "failed")])
def test_more_than_a_fifth_of_pages_on_the_fallback_fails_the_run(share, status):
    figures = {"articles_new": 20, "articles_changed": 0, "articles_unchanged": 0,
               "field_shares": {"title": 1.0, "author": 1.0, "date": 1.0, "body": 1.0,
                                "fallback": share, "pages": 20}}
    outcome, why = judge("finished", figures, recent=[], site="spinewire")
    assert outcome == status
    if status == "failed":
        assert why.startswith("spinewire: layout changed")
