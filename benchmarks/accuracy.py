"""Every publisher's replica crawled end to end and held to its truth, as figures.

For each replica (500 articles by default): the replica serves on a free port in this
process, `orthocrawl crawl SITE --base-url ...` crawls it into a fresh archive, and the
archive is compared with the replica's truth: articles missing, extra, non-article pages
archived, fields that differ (title, authors, posted_by, dates, categories, tags,
source, description, lead image, language), body-text token F1 (minimum and mean),
bodies equal to the truth character for character, and chrome text found in bodies.
tests/test_crawl_replica.py asserts the same things; this prints them.

Reproduce:
    python benchmarks/accuracy.py                    # every replica, 500 articles each
    python benchmarks/accuracy.py --articles 200 --site ryortho
Targets (issues 2 and 3): 0 missing, 0 extra, 0 non-articles, 0 field mismatches,
F1 1.000 on every article, 0 chrome leaks.
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

from orthocrawl.evaluate import truth_report
from orthocrawl.replica import ReplicaServer, available, build


def archived_rows(db: Path) -> dict[str, dict]:
    rows = {}
    for row in sqlite_utils.Database(db).query("SELECT * FROM articles"):
        for column in ("authors", "categories", "tags"):
            row[column] = json.loads(row[column])
        rows[row["url"]] = row
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--site", action="append", choices=available(),
                        help="only this replica (repeatable; default: all)")
    args = parser.parse_args()
    print(f"{'site':<18}{'truth':>6}{'stored':>7}{'miss':>5}{'extra':>6}{'non-art':>8}"
          f"{'fields':>7}{'F1 min':>8}{'F1 mean':>8}{'exact':>6}{'chrome':>7}{'s':>6}")
    failed = False
    for name in args.site or available():
        site = build(name, articles=args.articles)
        with tempfile.TemporaryDirectory() as tmp, ReplicaServer(site) as server:
            db = Path(tmp) / "accuracy.db"
            started = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "-m", "orthocrawl.cli", "crawl", name, "--db", str(db),
                 "--base-url", server.base_url], capture_output=True, text=True, check=False)
            seconds = time.perf_counter() - started
            if result.returncode != 0:
                print(f"{name}: crawl failed: {(result.stdout + result.stderr)[-500:]}")
                failed = True
                continue
            report = truth_report(archived_rows(db), site.truth(), site.non_article_urls(),
                                  site.chrome_texts)
        fields = sum(report.field_mismatches.values())
        print(f"{name:<18}{report.expected:>6}{report.archived:>7}{report.missing:>5}"
              f"{report.extra:>6}{report.non_articles:>8}{fields:>7}{report.f1_min:>8.3f}"
              f"{report.f1_mean:>8.3f}{report.exact_bodies:>6}{report.chrome_leaks:>7}"
              f"{seconds:>6.1f}")
        if report.field_mismatches:
            print(f"  fields that differ: {dict(report.field_mismatches)}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
