"""Query-side figures on a large archive: search latency, CSV export, size per article.

Fills an archive with 100,000 replica articles straight from the replica's truth
(no crawl), then measures:
- p50 and p95 latency of ten typical searches (`orthocrawl.archive.query.search`, 20 results,
  ranked, with snippets), each run 5 times after one warm-up;
- `orthocrawl export` of every row to CSV, in its own process: seconds and peak memory;
- the archive's size per article (no raw pages: those are measured by benchmarks/crawl.py).

Reproduce:
    python benchmarks/query.py                    # 100,000 articles (about 3 minutes)
    python benchmarks/query.py --articles 20000
Targets (issue 4): p95 < 50 ms; export < 15 s and < 200 MB.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from orthocrawl.archive import Archive
from orthocrawl.archive.query import Filters, search
from orthocrawl.replica import build_site
from orthocrawl.replica.testing import fill

QUERIES: list[tuple[str, Filters]] = [
    ("fusion", Filters()),
    ('"outpatient spine"', Filters()),
    ("robot*", Filters()),
    ("FDA 510(k) clearance", Filters()),
    ("Corvane Spine", Filters()),
    ("cervical NOT lumbar", Filters()),
    ("Ferreira-Lind OR Moreno-Pratt", Filters()),  # hyphenated names, quoted for FTS5
    ("private equity", Filters(since="2020-01-01")),
    ("navigation", Filters(site=["orthospinenews"], until="2022-12-31")),
    ("title:acquires", Filters()),
]


def build(db: Path, articles: int) -> float:
    started = time.perf_counter()
    site = build_site(articles=articles)
    with Archive(db) as archive:
        fill(archive, site.truth())
        archive.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return time.perf_counter() - started


def latencies(db: Path, repeats: int = 5) -> tuple[list[float], dict[str, int]]:
    times: list[float] = []
    hits: dict[str, int] = {}
    with Archive(db) as archive:
        for text, filters in QUERIES:
            hits[text] = len(search(archive.db.conn, text, filters, 20))  # warm-up
            for _ in range(repeats):
                started = time.perf_counter()
                search(archive.db.conn, text, filters, 20)
                times.append(1000 * (time.perf_counter() - started))
    return times, hits


def export(db: Path, out: Path) -> tuple[float, float]:
    """Seconds and peak MB of `orthocrawl export` writing every row to a CSV file."""
    # VmHWM: this process's own peak (ru_maxrss would carry the parent's over fork+exec).
    code = ("import re, sys; from orthocrawl.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "status = open('/proc/self/status').read()\n"
            "print(int(re.search(r'VmHWM:\\s+(\\d+)', status).group(1)) / 1024, file=sys.stderr)")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code, "export", "--db", str(db), "-o",
                             str(out)], capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"export failed: {result.stderr[-2000:]}")
    return elapsed, float(result.stderr.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "big.db"
        seconds = build(db, args.articles)
        print(f"archive: {args.articles:,} articles built from the replica in {seconds:.0f} s")
        times, hits = latencies(db)
        q = statistics.quantiles(times, n=100)
        print(f"search ({len(QUERIES)} queries x 5): p50 {statistics.median(times):.1f} ms, "
              f"p95 {q[94]:.1f} ms, max {max(times):.1f} ms")
        for text, count in hits.items():
            print(f"  {text!r}: {count} results")
        out = Path(tmp) / "all.csv"
        elapsed, peak = export(db, out)
        print(f"export of all rows to CSV: {elapsed:.1f} s, peak memory {peak:.0f} MB, "
              f"{out.stat().st_size / 1e6:.0f} MB written")
        size = os.path.getsize(db)
        print(f"archive size: {size / 1e6:.0f} MB = {size / args.articles / 1024:.1f} KB "
              "per article (text, metadata, full-text index)")
    print(f"(benchmark process peak memory "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
