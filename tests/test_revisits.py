"""The incremental policy without Scrapy or SQLite: the known-page index, each revisit
decision (lastmod, validators, re-checks due, the cap, dropped URLs), and the URL rules."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from orthocrawl.incremental.known import (
    Decision,
    DroppedURL,
    KnownArticle,
    KnownPages,
    Revisits,
)
from orthocrawl.urls import canonical_url, variant_key

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
A = "https://www.example.com/2024/05/02/a/"
B = "https://www.example.com/2024/05/03/b/"


def known(**kwargs) -> KnownPages:
    article = KnownArticle(A, checked_at="2026-11-29T00:00:00Z",
                           sitemap_lastmod="2026-01-01T00:00:00Z", etag='"v1"',
                           last_modified="Thu, 01 Jan 2026 00:00:00 GMT")
    stale = KnownArticle(B, checked_at="2026-09-01T00:00:00Z",
                         modified_at="2025-01-01T00:00:00Z")
    dropped = DroppedURL("https://www.example.com/about/", "not_article_page",
                         lastmod="2026-01-01T00:00:00Z", checked_at="2026-11-29T00:00:00Z")
    return KnownPages([article, stale], [dropped])


def revisits(**kwargs) -> Revisits:
    return Revisits(known(), now=NOW, **kwargs)


@pytest.mark.parametrize(("lastmod", "decision"), [
    ("2026-01-01T00:00:00+00:00", Decision.SEEN),       # the same <lastmod> as when fetched
    ("2025-06-01", Decision.SEEN),                      # older
    (None, Decision.SEEN),                              # none given: waits for its re-check
    ("2026-03-01T10:00:00Z", Decision.REVISIT),         # newer: a conditional request
    ("not a date", Decision.REVISIT),                   # unreadable: asked, to be safe
])
def test_a_listed_known_article_by_its_sitemap_lastmod(lastmod, decision):
    policy = revisits()
    policy.listed(A, lastmod)
    assert policy.decide(A, from_sitemap=True) is decision


def test_any_variant_of_a_url_is_the_archived_article():
    policy = revisits()
    for variant in ("http://example.com/2024/05/02/a", "https://www.example.com/2024/05/02/a/?utm_source=x"):
        policy.listed(variant, "2026-01-01")
        assert policy.decide(variant, from_sitemap=True) is Decision.SEEN
        assert policy.archive_url(variant) == A


def test_validators_and_full():
    assert revisits().validators(A) == {"If-None-Match": '"v1"',
                                        "If-Modified-Since": "Thu, 01 Jan 2026 00:00:00 GMT"}
    full = revisits(full=True)
    assert full.validators(A) == {}
    full.listed(A, "2026-01-01")
    assert full.decide(A, from_sitemap=True) is Decision.FETCH


def test_rechecks_come_due_by_the_last_confirmation_and_are_capped():
    policy = revisits(due_days=30)
    assert policy.due == {B}  # confirmed 90 days ago; A yesterday
    policy.listed(B, None)
    assert policy.decide(B, from_sitemap=True) is Decision.REVISIT
    everything = revisits(due_days=0, cap=None)
    assert everything.due == {A, B, "https://www.example.com/about/"}
    capped = revisits(due_days=0, cap=1)
    assert capped.due == {B}  # the longest unconfirmed first
    assert revisits(due_days=None).due == set()


def test_feed_and_listing_links_to_known_articles_wait_and_repeats_are_asked_once():
    policy = revisits()
    assert policy.decide(A, from_sitemap=False) is Decision.WAIT
    new = "https://www.example.com/2024/06/01/new/"
    assert policy.decide(new, from_sitemap=False) is Decision.FETCH
    assert policy.decide("http://example.com/2024/06/01/new", from_sitemap=True) is \
        Decision.REPEAT


def test_dropped_urls_wait_until_changed_due_or_asked_for():
    url = "https://www.example.com/about/"
    policy = revisits()
    policy.listed(url, "2026-01-01T00:00:00Z")
    assert policy.decide(url, from_sitemap=True) is Decision.DROPPED
    assert policy.decide(url, from_sitemap=False) is Decision.DROPPED
    changed = revisits()
    changed.listed(url, "2026-02-01T00:00:00Z")
    assert changed.decide(url, from_sitemap=True) is Decision.FETCH
    asked = revisits(dropped_now=True)
    assert asked.decide(url, from_sitemap=False) is Decision.FETCH
    due = revisits(due_days=0, cap=None)
    assert due.decide(url, from_sitemap=False) is Decision.FETCH


def test_vanished_articles_only_from_complete_sitemaps():
    policy = revisits(due_days=None)
    policy.listed(A, "2026-01-01")
    assert policy.decide(A, from_sitemap=True) is Decision.SEEN
    assert revisits(due_days=None).to_recheck(sitemaps_complete=False) == []
    policy_b = revisits(due_days=None)
    policy_b.listed(A, "2026-01-01")
    assert policy_b.to_recheck(sitemaps_complete=True) == [B]  # B left the sitemaps
    gone = KnownPages([KnownArticle(A, status="gone")])
    assert Revisits(gone, now=NOW).to_recheck(sitemaps_complete=True) == []


@pytest.mark.parametrize(("url", "key"), [
    ("https://www.example.com/a/", "example.com/a?"),
    ("http://example.com/a", "example.com/a?"),
    ("HTTPS://WWW.Example.com/a/?utm_source=x&fbclid=1#top", "example.com/a?"),
    ("https://example.com/a/?page=2", "example.com/a?page=2"),
])
def test_variant_key(url, key):
    assert variant_key(url) == key


def test_canonical_url_keeps_the_publishers_form_and_drops_tracking():
    assert canonical_url("http://WWW.Example.com/a/?utm_medium=x&id=3#c") == \
        "https://www.example.com/a/?id=3"
    assert canonical_url("https://example.com") == "https://example.com/"
