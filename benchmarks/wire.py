"""The replicas' wire at a given size: how many stories of each size, how many pairs of
articles in one story by kind of copy, and how many decoy pairs (a decoy with each article
of the story it resembles: pairs that must not be grouped). These are the counts the story
grouping benchmark measures its pair precision and recall against.

Reproduce:
    python benchmarks/wire.py                     # 2,000 articles per site, all five
    python benchmarks/wire.py --articles 500
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from itertools import combinations

from orthocrawl.replica import build_hub

KINDS = ("verbatim", "excerpt", "rewrite")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles per site")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    started = time.perf_counter()
    truth = build_hub(articles=args.articles, seed=args.seed).truth()
    seconds = time.perf_counter() - started
    stories: defaultdict[str, list[dict]] = defaultdict(list)
    for record in truth:
        stories[record["story"]].append(record)
    sizes = Counter(len(group) for group in stories.values())
    print(f"{len(truth):,} articles ({args.articles:,} per site, seed {args.seed}) in "
          f"{len(stories):,} stories; built with their truth in {seconds:.1f} s")
    print("stories by number of articles: "
          + ", ".join(f"{n}: {sizes[n]:,}" for n in sorted(sizes)))
    copies = Counter((r["site"], r["copy"]) for r in truth if r["copy"] != "original")
    print("copies by site: " + ", ".join(f"{site} {kind} {n}" for (site, kind), n
                                         in sorted(copies.items())))
    # A pair counts for a kind when one of its articles is a copy of that kind.
    pairs: Counter[str] = Counter()
    total = 0
    for group in stories.values():
        for a, b in combinations(group, 2):
            total += 1
            for kind in {a["copy"], b["copy"]} & set(KINDS):
                pairs[kind] += 1
    print(f"pairs in one story: {total:,}; with a copy of each kind: "
          + ", ".join(f"{kind} {pairs[kind]:,}" for kind in KINDS))
    decoys = [r for r in truth if r["decoy_of"]]
    decoy_pairs = sum(len(stories[r["decoy_of"]]) for r in decoys)
    print(f"decoys: {len(decoys):,} articles, {decoy_pairs:,} decoy pairs")


if __name__ == "__main__":
    main()
