"""The replicas' entity truth (orthocrawl/replica/entities.py): what every article names, as
`replica truth` reports it; and the replica's gazetteer, the demo's."""

from __future__ import annotations

import os
import re

import pytest

from orthocrawl.entities.gazetteer import ENV_VAR, load_gazetteer
from orthocrawl.replica import build_hub
from orthocrawl.replica.corpus import cast
from orthocrawl.replica.entities import ASIDE, COMPANIES, GAZETTEER, records

ARTICLES = 300


@pytest.fixture(scope="module")
def hub():
    return build_hub(articles=ARTICLES)


@pytest.fixture(scope="module")
def truth(hub):
    return list(records(hub))


@pytest.fixture(scope="module")
def facts(hub):
    return {post.url: post.facts for post in hub.posts}


def test_every_company_of_the_cast_is_known_and_six_are_left_out_of_the_gazetteer():
    assert {c.name for c in cast.COMPANIES} == set(COMPANIES)
    unlisted = {name for name, known in COMPANIES.items() if not known.listed}
    assert len(unlisted) == 6
    gazetteer = load_gazetteer([GAZETTEER], shipped=False)
    listed = {name for kind, name in gazetteer.entries if kind == "company"}
    assert listed == set(COMPANIES) - unlisted


def test_companies_are_canonical_as_of_the_article_date(truth):
    merged = {n: k for n, k in COMPANIES.items() if k.parent}
    assert merged
    seen = {"before": 0, "after": 0}
    for record in truth:
        text = f"{record['title']}\n{record['body_text']}"
        for name, known in merged.items():
            if not re.search(rf"{re.escape(name)}(?![\w-])", text):
                continue
            when = record["published_at"][:10]
            after = when >= known.since
            companies = record["entities"]["companies"] + record["entities"]["asides"]
            assert (known.parent if after else name) in companies, record["url"]
            assert after is (name not in companies), record["url"]
            seen["after" if after else "before"] += 1
    assert seen["before"] and seen["after"]


def test_rewrites_call_companies_by_ticker_short_name_and_possessive(truth, facts):
    rewrites = [r for r in truth if r["copy"] == "rewrite"]
    forms = {"ticker": 0, "alias": 0, "possessive": 0}
    for record in rewrites:
        company = facts[record["url"]].company.name
        known = COMPANIES[company]
        canonical = known.canonical(record["published_at"][:10])
        body = record["body_text"]
        assert canonical in record["entities"]["companies"], record["url"]
        for ticker in known.tickers:
            exchange, _, symbol = ticker.partition(":")
            forms["ticker"] += f"{company} ({exchange}: {symbol})" in body
        for alias in known.aliases:
            forms["alias"] += bool(re.search(rf"\b{alias}(?! {company.split()[-1]})\b", body))
            forms["possessive"] += f"{alias}’s" in body or f"{alias}’ " in body
    assert all(forms.values()), forms


def test_a_company_named_only_in_a_related_aside_is_not_the_articles(truth):
    with_aside = [r for r in truth if f"\n{ASIDE}" in f"\n{r['body_text']}"]
    assert with_aside and any(r["decoy_of"] for r in with_aside)
    for record in with_aside:
        found = record["entities"]
        (line,) = [x for x in record["body_text"].split("\n") if x.startswith(ASIDE)]
        named = [name for name in COMPANIES if name in line]
        assert named, line
        for name in named:
            canonical = COMPANIES[name].canonical(record["published_at"][:10])
            assert canonical != found["subject"]
            assert (canonical in found["asides"]) is (canonical not in found["companies"])
    assert any(r["entities"]["asides"] for r in with_aside)


def test_a_storys_own_event_has_its_facts(truth, facts):
    kinds = set()
    for record in truth:
        found, fact = record["entities"], facts[record["url"]]
        own = [e for e in found["events"] if e["company"] == found["subject"]
               and e["status"] not in ("launch", "clearance", "limited release")]
        if found["subject"] is None or not own:
            continue
        event = own[0]
        kinds.add(event["kind"])
        if event["kind"] in ("acquisition", "financing") and event["amount"] is not None:
            assert event["amount"] == fact.amount and event["currency"] == "USD"
            assert f"${fact.amount // 1_000_000} million" in record["body_text"] + record["title"]
        if event["kind"] == "clearance" and event["number"]:
            assert event["number"] == fact.number
            assert {"number": fact.number} .items() <= found["numbers"][0].items()
        if event["kind"] == "acquisition" and event["target"]:
            assert event["target"] == COMPANIES[fact.other.name].canonical(
                record["published_at"][:10])
    assert {"acquisition", "financing", "clearance", "launch", "appointment",
            "partnership"} <= kinds


def test_people_are_surgeons_with_degrees_and_executives_with_titles(truth):
    surgeons = [p for r in truth for p in r["entities"]["people"] if p["kind"] == "surgeon"]
    executives = [(r, p) for r in truth for p in r["entities"]["people"]
                  if p["kind"] == "executive"]
    assert any(p["degrees"] for p in surgeons) and any(p["institution"] for p in surgeons)
    assert executives
    for record, person in executives:
        assert person["name"] in record["body_text"] + record["title"]
        assert person["title"] and person["company"] in COMPANIES.keys() | {
            k.parent for k in COMPANIES.values()}


def test_the_demo_crawls_with_the_replicas_gazetteer_and_puts_the_environment_back(
        monkeypatch):
    from orthocrawl.demo import replica_gazetteer

    monkeypatch.setenv(ENV_VAR, "mine.toml")
    with replica_gazetteer():
        assert os.environ[ENV_VAR] == os.pathsep.join(["mine.toml", str(GAZETTEER)])
    assert os.environ[ENV_VAR] == "mine.toml"
    monkeypatch.delenv(ENV_VAR)
    with replica_gazetteer():
        assert os.environ[ENV_VAR] == str(GAZETTEER)
    assert ENV_VAR not in os.environ
