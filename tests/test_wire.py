"""The replicas' wire (orthocrawl/replica/wire*.py): one stream of news the five replicas pick
from, and the truth's story key and kind of copy of every article."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import datetime, timedelta

import pytest

from orthocrawl.replica import build, build_hub
from orthocrawl.replica.wire_copies import quotes
from orthocrawl.replica.wire_plan import plan

ARTICLES = 300
KINDS = {"original", "verbatim", "excerpt", "rewrite"}


@pytest.fixture(scope="module")
def hub():
    return build_hub(articles=ARTICLES)


@pytest.fixture(scope="module")
def records(hub):
    return {r["url"]: r for r in hub.truth()}


@pytest.fixture(scope="module")
def stories(records):
    out = defaultdict(list)
    for record in records.values():
        out[record["story"]].append(record)
    return out


def when(record: dict) -> datetime:
    return datetime.fromisoformat(record["published_at"].replace("Z", "+00:00"))


def shingles(text: str, size: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[k:k + size]) for k in range(max(1, len(words) - size + 1))}


def jaccard(a: str, b: str) -> float:
    x, y = shingles(a), shingles(b)
    return len(x & y) / len(x | y)


def original(group: list[dict]) -> dict:
    (first,) = [r for r in group if r["copy"] == "original"]
    return first


def test_every_article_is_in_one_story_with_exactly_one_original(records, stories):
    assert {r["copy"] for r in records.values()} == KINDS  # every kind is there
    for key, group in stories.items():
        first = original(group)
        assert key == f"{first['site']}:{key.split(':')[1]}"
        assert len({r["site"] for r in group}) == len(group)  # a site copies a story once
        for copy in group:
            if copy is not first:
                gap = when(copy) - when(first)
                assert timedelta(hours=1) <= gap <= timedelta(days=4), copy["url"]


def test_decoys_are_originals_of_their_own_story_in_the_week_after_another(records, stories):
    decoys = [r for r in records.values() if r["decoy_of"]]
    assert decoys
    for decoy in decoys:
        assert decoy["copy"] == "original" and decoy["story"] != decoy["decoy_of"]
        target = original(stories[decoy["decoy_of"]])
        assert timedelta(hours=1) <= when(decoy) - when(target) <= timedelta(days=7)


def test_verbatim_copies_and_excerpts_hold_the_original_text(stories):
    checked = Counter()
    for group in stories.values():
        first = original(group)
        paragraphs = set(first["body_text"].replace("\n\n", "\n").split("\n"))
        for copy in group:
            if copy["copy"] == "verbatim":
                assert jaccard(copy["body_text"], first["body_text"]) > 0.6, copy["url"]
            elif copy["copy"] == "excerpt":
                own = [p for p in copy["body_text"].replace("\n\n", "\n").split("\n")
                       if not p.startswith(("Read more at", "Source:"))]
                assert own and all(p in paragraphs for p in own), copy["url"]
                assert len(copy["body_text"]) < len(first["body_text"])
            checked[copy["copy"]] += 1
    assert checked["verbatim"] and checked["excerpt"]


def test_rewrites_share_facts_and_a_quote_in_other_words(hub, records, stories):
    facts = {p.url: p.facts for p in hub.posts}
    rewrites = [r for r in records.values() if r["copy"] == "rewrite"]
    assert rewrites
    for rewrite in rewrites:
        first = original(stories[rewrite["story"]])
        fact = facts[rewrite["url"]]
        assert fact is facts[first["url"]] or fact == facts[first["url"]]
        assert fact.company.name in rewrite["body_text"]
        assert jaccard(rewrite["body_text"], first["body_text"]) < 0.4, rewrite["url"]
        said = [q for q in quotes_of(first) if q in rewrite["body_text"]]
        assert said or not quotes_of(first), rewrite["url"]


def quotes_of(record: dict) -> list[str]:
    return [line.split("” said ")[0].strip("“”,") for line in record["body_text"].split("\n")
            if line.startswith("“") and "” said " in line]


def test_decoys_tell_other_news_of_the_same_company_or_surgeon(hub, records, stories):
    facts = {p.url: p.facts for p in hub.posts}
    for decoy in (r for r in records.values() if r["decoy_of"]):
        target = original(stories[decoy["decoy_of"]])
        mine, theirs = facts[decoy["url"]], facts[target["url"]]
        same_company = mine.company == theirs.company
        assert same_company or mine.surgeon == theirs.surgeon, decoy["url"]
        if same_company:
            assert (mine.event, mine.number, mine.amount) != (theirs.event, theirs.number,
                                                              theirs.amount)


@pytest.mark.slow  # builds the hub again per site
def test_the_plan_is_the_same_for_every_build_and_every_site_alone(records):
    again = {r["url"]: (r["story"], r["copy"], r["decoy_of"])
             for name in ("orthospinenews", "spinemarketgroup")
             for r in build(name, articles=ARTICLES).truth()}
    assert again == {url: (r["story"], r["copy"], r["decoy_of"]) for url, r in records.items()
                     if url in again}
    assert plan(ARTICLES, 7) is plan(ARTICLES, 7)
    assert build_hub(articles=ARTICLES, seed=8).truth() != list(records.values())


def test_osn_reposts_of_beckers_name_its_writers_and_link_its_article(hub, records, stories):
    osn = hub.sites[0]
    reposts = [r for r in records.values() if r["site"] == "orthospinenews"
               and r["copy"] != "original" and r["story"].startswith("beckersspine:")]
    assert reposts
    for repost in reposts[:5]:
        first = original(stories[repost["story"]])
        assert repost["authors"] == first["authors"]
        assert repost["source"] == "Becker’s Spine Review"
        page = osn.handle("GET", repost["url"], {})[2].decode()
        assert f'<a href="{first["url"]}" rel="nofollow noopener" target="_blank">' in page


def test_quotes_are_read_from_a_press_release(hub):
    releases = [p for p in hub.posts if p.kind == "press_release"]
    assert any(quotes(type("S", (), {"blocks": p.blocks})) for p in releases)
