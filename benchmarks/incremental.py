"""Incremental crawling figures on a 2,000-article replica.

1. a first crawl into a fresh archive;
2. a second crawl of the unchanged site: its requests and wall time as a share of the first;
3. the replica moved to its later state (new, edited, silently edited and deleted
   articles), crawled incrementally: which of the changes the archive now shows, and
   any false change;
4. the same state re-checked with `--recheck all` (conditional GETs of every known
   article), which also finds the edits that changed no date.

Reproduce:
    python benchmarks/incremental.py                 # 2,000 articles
    python benchmarks/incremental.py --articles 500
Targets (issue 5): second run under 2% of the first's requests; 100% of changes found,
no false change.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sqlite_utils

from orthocrawl.replica import build_site, spawn_replica


def crawl(db: Path, base_url: str, *args: str) -> tuple[dict, float]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "orthocrawl.cli", "crawl", "orthospinenews", "--db", str(db),
         "--base-url", base_url, *args], capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"crawl failed:\n{result.stdout}\n{result.stderr[-2000:]}")
    run = next(sqlite_utils.Database(db).query(
        "SELECT * FROM crawl_runs ORDER BY id DESC LIMIT 1"))
    return run, wall


def found_changes(db: Path, changes: dict[str, list[str]],
                  truth: dict[str, dict]) -> tuple[dict[str, tuple[int, int]], list[str]]:
    """Per kind of change: (found, expected); and the URLs changed that should not be."""
    database = sqlite_utils.Database(db)
    rows = {r["url"]: r for r in database.query(
        "SELECT url, version, status, body_text, title FROM articles")}
    found = {
        "new": sum(u in rows and rows[u]["body_text"] == truth[u]["body_text"]
                   for u in changes["new"]),
        "edited": sum(u in rows and rows[u]["version"] > 1
                      and rows[u]["body_text"] == truth[u]["body_text"]
                      for u in changes["edited"]),
        "silently_edited": sum(u in rows and rows[u]["version"] > 1
                               and rows[u]["body_text"] == truth[u]["body_text"]
                               for u in changes["silently_edited"]),
        "deleted": sum(u in rows and rows[u]["status"] == "gone" for u in changes["deleted"]),
    }
    report = {kind: (found[kind], len(changes[kind])) for kind in found}
    expected_changed = set(changes["edited"]) | set(changes["silently_edited"])
    false = [u for u, r in rows.items()
             if (r["version"] > 1 and u not in expected_changed)
             or (r["status"] == "gone" and u not in changes["deleted"])]
    return report, false


def show(label: str, report: dict[str, tuple[int, int]], false: list[str]) -> None:
    total_found = sum(f for f, _ in report.values())
    total = sum(n for _, n in report.values())
    parts = ", ".join(f"{kind} {f}/{n}" for kind, (f, n) in report.items())
    print(f"{label}: {total_found}/{total} changes found ({100 * total_found / total:.0f}%): "
          f"{parts}; false changes: {len(false)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    later = build_site(articles=args.articles, state=2)
    changes = later.changes()
    truth = {r["url"]: r for r in later.truth()}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "inc.db"
        with spawn_replica(articles=args.articles) as base_url:
            first, first_wall = crawl(db, base_url)
            second, second_wall = crawl(db, base_url)
        print(f"first run: {first['requests']} requests, {first['articles_new']} new, "
              f"{first_wall:.1f} s")
        print(f"second run (unchanged site): {second['requests']} requests = "
              f"{100 * second['requests'] / first['requests']:.2f}% of the first; "
              f"{second_wall:.1f} s = {100 * second_wall / first_wall:.0f}% of its wall time; "
              f"{second['articles_new']} new, {second['articles_changed']} changed")
        with spawn_replica(articles=args.articles, state=2) as base_url:
            third, _ = crawl(db, base_url)
            report, false = found_changes(db, changes, truth)
            print(f"later state, incremental run: {third['requests']} requests; "
                  f"{third['articles_new']} new, {third['articles_changed']} changed, "
                  f"{third['articles_gone']} gone")
            show("  incremental", report, false)
            fourth, _ = crawl(db, base_url, "--recheck", "all")
            report, false = found_changes(db, changes, truth)
            print(f"later state, --recheck all: {fourth['requests']} requests "
                  f"({json.loads(fourth['http_errors'] or '{}') or 'no HTTP errors'})")
            show("  with re-check", report, false)


if __name__ == "__main__":
    main()
