"""Pair precision and recall of a grouping against the truth (for tests and benchmarks).

Over all pairs of articles in one story: precision is the share of the pairs grouped
together that the truth has together, recall the share of the truth's pairs that are
grouped together. Counted from the contingency table, never by listing pairs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


@dataclass(frozen=True)
class PairScores:
    precision: float
    recall: float
    predicted: int  # pairs grouped together
    true: int  # pairs the truth has together
    correct: int  # pairs in both


def pair_scores(predicted: Mapping[Hashable, Hashable],
                truth: Mapping[Hashable, Hashable]) -> PairScores:
    """Scores over the articles both mappings (article -> story) have."""
    articles = predicted.keys() & truth.keys()
    cells = Counter((predicted[a], truth[a]) for a in articles)
    guessed = sum(_pairs(n) for n in Counter(predicted[a] for a in articles).values())
    real = sum(_pairs(n) for n in Counter(truth[a] for a in articles).values())
    correct = sum(_pairs(n) for n in cells.values())
    return PairScores(correct / guessed if guessed else 1.0, correct / real if real else 1.0,
                      guessed, real, correct)


def pairs_grouped(predicted: Mapping[Hashable, Hashable],
                  pairs: Iterable[tuple[Hashable, Hashable]]) -> tuple[int, int]:
    """How many of these pairs are grouped together, and how many there are."""
    together = total = 0
    for a, b in pairs:
        total += 1
        together += a in predicted and b in predicted and predicted[a] == predicted[b]
    return together, total


def story_pairs(truth: Mapping[Hashable, Hashable],
                selected: Iterable[Hashable]) -> list[tuple[Hashable, Hashable]]:
    """The truth's pairs that have at least one selected article (e.g. every rewrite with
    each other copy of its story), each pair once."""
    members: defaultdict[Hashable, list[Hashable]] = defaultdict(list)
    for article, story in truth.items():
        members[story].append(article)
    chosen = set(selected)
    found = []
    for group in members.values():
        for a, b in combinations(group, 2):
            if a in chosen or b in chosen:
                found.append((a, b))
    return found
