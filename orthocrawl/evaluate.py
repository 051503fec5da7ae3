"""Extraction quality measures, shared by the tests and the benchmarks."""

from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


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
