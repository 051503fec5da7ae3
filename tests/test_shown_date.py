"""The date a page shows by its headline against the one it declares (shown_date.py)."""

from __future__ import annotations

from datetime import date

import lxml.html

from orthocrawl.pages.shown_date import ShownDate, choose_published, headline_dates


def _root(body: str):
    return lxml.html.fromstring(f"<html><head><title>T</title></head><body>{body}</body></html>")


def test_dates_by_the_headline_with_their_labels():
    root = _root('<nav>Menu</nav><h1>Knee braces compared</h1>'
                 '<p>By Ann Lee · Published 9th March, 2026</p>'
                 '<p><span>Updated</span> <time>Apr 2, 2026</time></p>'
                 '<script>var d = "2019-01-01";</script><p>Text of the article ...</p>')
    assert headline_dates(root) == [ShownDate(date(2026, 3, 9), "published"),
                                    ShownDate(date(2026, 4, 2), "updated")]


def test_dates_far_from_the_headline_or_without_one_are_not_read():
    filler = "<p>" + "word " * 100 + "</p>"
    far = _root(f"<h1>Headline</h1>{filler}<p>Posted January 5, 2024</p>")
    assert headline_dates(far) == []
    assert headline_dates(_root("<p>March 9, 2026</p>")) == []
    # a date just before the headline is read (a dateline above it), one far before is not
    above = _root(f"<p>June 1, 2020</p>{filler}<p>2025-02-04</p><h1>Headline</h1>")
    assert headline_dates(above) == [ShownDate(date(2025, 2, 4))]


def test_impossible_dates_are_skipped():
    assert headline_dates(_root("<h1>H</h1><p>February 30, 2025</p>")) == []


def test_shown_day_beats_a_declared_day_far_from_it():
    shown = [ShownDate(date(2025, 11, 14))]
    assert choose_published("2024-09-06", shown) == "2025-11-14"


def test_declared_day_kept_when_the_page_shows_it():
    # the page shows the declared day in the declared zone (UTC is the next day)
    shown = [ShownDate(date(2025, 6, 25), "published")]
    assert choose_published("2025-06-25T20:57:54-04:00", shown) is None
    # ... or anywhere in the window, after another date
    shown = [ShownDate(date(2025, 5, 21)), ShownDate(date(2025, 4, 24))]
    assert choose_published("2025-04-24T16:12:49+00:00", shown) is None


def test_a_day_apart_is_the_zone_not_another_date():
    assert choose_published("2025-12-19T03:05:00+00:00", [ShownDate(date(2025, 12, 18))]) is None


def test_an_updated_date_does_not_replace_a_declared_one():
    assert choose_published("2024-02-27T00:00:00Z", [ShownDate(date(2025, 12, 4), "updated")]) \
        is None


def test_without_a_declared_date_the_shown_one_is_taken_publication_first():
    shown = [ShownDate(date(2024, 10, 28), "updated"), ShownDate(date(2024, 4, 26))]
    assert choose_published(None, shown) == "2024-04-26"
    assert choose_published(None, [ShownDate(date(2024, 12, 31), "updated")]) == "2024-12-31"
    assert choose_published(None, []) is None
