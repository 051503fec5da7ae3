"""Watchlists (issue 11 §4): what running the watches adds to the end of a crawl run.

Fills an archive with the replicas' articles (every publisher, N each, stored as a crawl
stores them), adds the watches below (each `watch add`: one write transaction that also
records what the archive holds as known), stores a batch of new articles, then times
`run_watches` (what WatchRunner does after each site's run): with new articles to report,
and again with nothing new (the usual scheduled run). Feeds are written; no notify command.

Reproduce:
    python benchmarks/watchlists.py                 # 2,000 articles a site (10,000)
    python benchmarks/watchlists.py --articles 400
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from orthocrawl.archive import Archive
from orthocrawl.replica.registry import build_hub
from orthocrawl.watchlists import run_watches

WATCHES = {
    "fda": '"FDA clears" OR 510(k) OR "FDA clearance"',
    "robotics": "robot* OR navigation",
    "spine": "spine OR spinal",  # broad: most of the archive
    "knee": "knee NOT hip",
    "deals": "acqui* OR financing OR raises",
}


def record(truth: dict) -> dict:
    return {**truth, "body_html": None, "content_hash": str(hash(truth["body_text"]))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="a site")
    parser.add_argument("--new", type=float, default=0.02, help="share stored after the "
                        "watches were added")
    args = parser.parse_args()
    rows = sorted(build_hub(articles=args.articles).truth(), key=lambda r: r["url"])
    cut = int(len(rows) * (1 - args.new))
    with tempfile.TemporaryDirectory() as tmp:
        db, feeds = Path(tmp) / "w.db", Path(tmp) / "feeds"
        feeds.mkdir()
        with Archive(db) as archive:
            for start in range(0, cut, 500):
                archive.store([(record(r), None) for r in rows[start:min(start + 500, cut)]])
            adds = []
            for name, query in WATCHES.items():
                began = time.perf_counter()
                _, known = archive.add_watch(name, query, [], 1)
                adds.append((name, known, time.perf_counter() - began))
            archive.store([(record(r), None) for r in rows[cut:]])
            began = time.perf_counter()
            first = run_watches(archive, feeds=feeds)
            with_new = time.perf_counter() - began
            began = time.perf_counter()
            again = run_watches(archive, feeds=feeds)
            nothing_new = time.perf_counter() - began
    print(f"archive: {len(rows):,} articles ({args.articles:,} a site), {len(rows) - cut:,} "
          f"stored after the watches were added")
    for name, known, seconds in adds:
        print(f"  watch add {name:9} {known:6,} known   {seconds * 1000:7.1f} ms")
    print(f"run_watches, {len(WATCHES)} watches, with new matches: {with_new * 1000:.1f} ms "
          f"({', '.join(f'{r.name} {len(r.new)}' for r in first)} new)")
    print(f"run_watches, nothing new: {nothing_new * 1000:.1f} ms "
          f"({sum(len(r.new) for r in again)} new)")


if __name__ == "__main__":
    main()
