"""Extraction quality measures, shared by the tests and the benchmarks."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from orthocrawl.pages.similarity import shingles, tokens


def token_prf(expected: str, extracted: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of the bags of \\w+ tokens (1, 1, 1 when both are empty)."""
    truth, got = Counter(tokens(expected)), Counter(tokens(extracted))
    if not truth and not got:
        return 1.0, 1.0, 1.0
    common = sum((truth & got).values())
    if common == 0:
        return 0.0, 0.0, 0.0
    precision = common / sum(got.values())
    recall = common / sum(truth.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def token_f1(expected: str, extracted: str) -> float:
    return token_prf(expected, extracted)[2]


# ---- article-extraction-benchmark metric (shared/bench/extraction/README.md) ----


def shingle_pr(expected: str, extracted: str) -> tuple[float, float]:
    """One page's shingle precision and recall (tp, fp, fn normalised by their sum)."""
    truth, got = shingles(expected), shingles(extracted)
    tp = sum((truth & got).values())
    fp = sum((got - truth).values())
    fn = sum((truth - got).values())
    if fp == fn == 0:
        return 1.0, 1.0
    if tp == 0:
        return 0.0, 0.0
    total = tp + fp + fn
    tp_n, fp_n, fn_n = tp / total, fp / total, fn / total
    return tp_n / (tp_n + fp_n), tp_n / (tp_n + fn_n)


@dataclass
class BenchScore:
    precision: float
    recall: float
    f1: float
    accuracy: float
    pages: int


def bench_score(pairs: Iterable[tuple[str, str]]) -> BenchScore:
    """Mean precision and recall over pages, F1 of the means, share of exact token matches.

    `pairs` holds (expected, extracted) per page.
    """
    precisions, recalls, exact = [], [], 0
    for expected, extracted in pairs:
        precision, recall = shingle_pr(expected, extracted)
        precisions.append(precision)
        recalls.append(recall)
        exact += tokens(expected) == tokens(extracted)
    count = len(precisions)
    if not count:
        return BenchScore(0.0, 0.0, 0.0, 0.0, 0)
    p, r = sum(precisions) / count, sum(recalls) / count
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return BenchScore(p, r, f1, exact / count, count)


@dataclass
class BenchPage:
    """One page of the article-extraction set: its id, URL, raw HTML and true body."""

    id: str
    url: str
    html: bytes
    expected: str


def load_extraction_bench(directory: Path, stride: int = 1) -> list[BenchPage]:
    """The pages of shared/bench/extraction (every `stride`-th by sorted id)."""
    truth = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[::stride]:
        html = gzip.decompress((directory / "html" / f"{page_id}.html.gz").read_bytes())
        record = truth[page_id]
        pages.append(BenchPage(page_id, record["url"], html, record["articleBody"]))
    return pages


# ---- an archive held to a replica's truth ----

TRUTH_FIELDS = ("title", "authors", "posted_by", "published_at", "modified_at", "categories",
                "tags", "source", "description", "lead_image", "language")


@dataclass
class TruthReport:
    """How an archive of one replica compares with the replica's truth."""

    expected: int
    archived: int
    missing: int
    extra: int
    non_articles: int
    field_mismatches: Counter[str]
    f1_min: float
    f1_mean: float
    exact_bodies: int
    chrome_leaks: int


def truth_report(rows: dict[str, dict], truth: Iterable[dict], non_article_urls: Iterable[str],
                 chrome_texts: Any) -> TruthReport:
    """Compare archived rows (url -> row, list fields decoded) with the replica's truth.

    ``chrome_texts(url)`` gives the text of every chrome block of that page."""
    expected = {record["url"]: record for record in truth}
    both = [url for url in expected if url in rows]
    mismatches: Counter[str] = Counter(
        name for url in both for name in TRUTH_FIELDS if rows[url][name] != expected[url][name])
    scores = [token_f1(expected[url]["body_text"], rows[url]["body_text"]) for url in both]
    leaks = sum(line in row["body_text"] for url, row in rows.items()
                for line in chrome_texts(url)) if rows else 0
    return TruthReport(
        expected=len(expected), archived=len(rows),
        missing=len(set(expected) - set(rows)), extra=len(set(rows) - set(expected)),
        non_articles=len(set(rows) & set(non_article_urls)), field_mismatches=mismatches,
        f1_min=min(scores, default=0.0), f1_mean=sum(scores) / len(scores) if scores else 0.0,
        exact_bodies=sum(rows[url]["body_text"] == expected[url]["body_text"] for url in both),
        chrome_leaks=leaks)
