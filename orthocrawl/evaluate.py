"""Extraction quality measures, shared by the tests and the benchmarks."""

from __future__ import annotations

import gzip
import json
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orthocrawl.similarity import shingles, tokens


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


# ---- WCXB's metric (shared/bench/wcxb-dev/README.md) ----

# "and" joins names ("A and B"); the set's author metric leaves it out of the name tokens.
_NAME_JOINERS = frozenset({"and"})


@dataclass
class WcxbPage:
    """One page of the WCXB set: raw HTML and the human-reviewed truth."""

    id: str
    url: str
    html: bytes
    page_type: str              # "article", or the kind of non-article page
    title: str | None
    author: str | None
    date: str | None            # YYYY-MM-DD (or YYYY-MM when only the month is known)
    body: str
    with_snippets: list[str]
    without_snippets: list[str]


def load_wcxb_bench(directory: Path, stride: int = 1) -> list[WcxbPage]:
    """The pages of shared/bench/wcxb-dev (every `stride`-th by sorted id)."""
    truth = json.loads(gzip.decompress((directory / "ground-truth.json.gz").read_bytes()))
    pages = []
    for page_id in sorted(truth)[::stride]:
        record = truth[page_id]
        html = gzip.decompress((directory / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append(WcxbPage(
            page_id, record["url"], html, record["page_type"], record.get("title"),
            record.get("author"), record.get("publish_date"), record.get("main_content") or "",
            list(record.get("with") or []), list(record.get("without") or [])))
    return pages


def word_f1(expected: str, extracted: str) -> float:
    """WCXB's body score: F1 of the bags of lower-cased \\w+ tokens."""
    return token_prf(expected.lower(), extracted.lower())[2]


def snippet_share(snippets: list[str], text: str) -> float:
    """The share of snippets found in text (case-insensitive substring)."""
    lower = text.lower()
    return sum(snippet.lower() in lower for snippet in snippets) / len(snippets)


def same_title(expected: str, extracted: str | None) -> bool:
    """Equal after Unicode NFC, white space collapsed and case folded."""
    def norm(text: str) -> str:
        return " ".join(unicodedata.normalize("NFC", text).split()).casefold()
    return extracted is not None and norm(expected) == norm(extracted)


def same_authors(expected: str, extracted: list[str]) -> bool:
    """The same set of case-folded name tokens ("and" between names left out)."""
    def names(text: str) -> set[str]:
        return set(tokens(text.casefold())) - _NAME_JOINERS
    return names(expected) == names("; ".join(extracted))


def same_day(expected: str, extracted: str | None) -> bool:
    return extracted is not None and extracted != "" and extracted[:10] == expected[:10]


@dataclass
class Prediction:
    """What one system made of one page."""

    kept: bool                  # taken for an article (not refused)
    body: str = ""
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None     # ISO 8601, day first


@dataclass
class WcxbScore:
    """Every figure of the WCXB set's README, for one system."""

    articles: int
    f1: float                   # mean body word F1 over articles
    failures: int               # articles with body F1 < 0.5
    with_share: float           # mean share of must-have snippets found
    without_share: float        # mean share of boilerplate snippets found
    title: float                # share of articles with the exact title
    author: float               # share of articles naming an author with the exact names
    date: float                 # share of articles with a full date with the right day
    kept: float                 # share of articles taken for articles
    refused: float              # share of non-articles refused
    f1_per_page: list[float]


def wcxb_score(pages: list[WcxbPage], predictions: list[Prediction]) -> WcxbScore:
    def mean(values: list[float]) -> float:
        return sum(values) / len(values) if values else 0.0

    pairs = list(zip(pages, predictions, strict=True))
    articles = [(page, got) for page, got in pairs if page.page_type == "article"]
    others = [got for page, got in pairs if page.page_type != "article"]
    scores = [word_f1(page.body, got.body) for page, got in articles]
    return WcxbScore(
        articles=len(articles), f1=mean(scores), failures=sum(s < 0.5 for s in scores),
        with_share=mean([snippet_share(p.with_snippets, g.body)
                         for p, g in articles if p.with_snippets]),
        without_share=mean([snippet_share(p.without_snippets, g.body)
                            for p, g in articles if p.without_snippets]),
        title=mean([same_title(p.title, g.title) for p, g in articles if p.title]),
        author=mean([same_authors(p.author, g.authors) for p, g in articles if p.author]),
        date=mean([same_day(p.date, g.date) for p, g in articles
                   if p.date and len(p.date) == 10]),
        kept=mean([g.kept for _, g in articles]), refused=mean([not g.kept for g in others]),
        f1_per_page=scores)


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
