"""The measures the tests and benchmarks rely on catch what they are meant to catch."""

from __future__ import annotations

from orthocrawl.evaluate import TRUTH_FIELDS, token_f1, truth_report


def record(url: str, body: str, **fields: object) -> dict:
    row = {name: "" for name in TRUTH_FIELDS} | {"url": url, "body_text": body}
    return row | fields


def test_token_f1_is_one_only_for_the_same_words():
    assert token_f1("Spinal fusion, at L4-L5.", "Spinal fusion at L4 L5") == 1.0
    assert token_f1("spinal fusion", "spinal fusion Share this") < 1.0
    assert token_f1("", "") == 1.0 and token_f1("a", "") == 0.0


def test_truth_report_counts_every_kind_of_disagreement():
    truth = [record("u1", "one two three", title="A"), record("u2", "four five"),
             record("u3", "six")]
    rows = {
        "u1": record("u1", "one two three", title="A changed"),
        "u2": record("u2", "four five Related Articles"),
        "about": record("about", "We are a news site"),
    }
    report = truth_report(rows, truth, ["about"],
                          lambda url: ["Related Articles"] if url == "u2" else [])
    assert (report.expected, report.archived, report.missing, report.extra) == (3, 3, 1, 1)
    assert report.non_articles == 1
    assert report.field_mismatches == {"title": 1}
    assert report.exact_bodies == 1 and report.chrome_leaks == 1
    assert report.f1_min < 1.0


def test_truth_report_of_a_perfect_archive():
    truth = [record("u1", "one two", tags=["x"])]
    report = truth_report({"u1": record("u1", "one two", tags=["x"])}, truth, [], lambda u: [])
    assert (report.missing, report.extra, report.chrome_leaks) == (0, 0, 0)
    assert not report.field_mismatches and report.f1_min == 1.0 and report.exact_bodies == 1
