"""End-to-end crawl speed against `scrapy bench`, on this machine, in one run.

Starts the replica (2,000 articles by default) in its own process, crawls it with
the full pipeline (discovery from the sitemaps, page objects, clean, validate,
de-duplicate, store) into a fresh archive, and reports pages per second and the
crawler's peak memory; then runs `scrapy bench` for the same machine's baseline
and prints the ratio.

Reproduce:
    python benchmarks/crawl.py                 # 2,000 articles
    python benchmarks/crawl.py --articles 500  # quicker
    python benchmarks/crawl.py --repeat 5      # five paired runs: medians and paired ratios
Targets (issue 2): ratio >= 1.0, peak memory < 300 MB.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path


def crawl_replica(articles: int, db: Path) -> dict:
    """Crawl in a child process so that its peak memory is its own."""
    code = f"""
import json, resource, sys, time
from orthocrawl.crawl import run_crawls
started = time.perf_counter()
mirror = {{"orthospinenews": sys.argv[1]}}
outcome = run_crawls(["orthospinenews"], {str(db)!r}, base_urls=mirror)[0]
wall = time.perf_counter() - started
stats = outcome.stats
print(json.dumps({{
    "status": outcome.status,
    "responses": stats.get("response_received_count", 0),
    "elapsed": stats.get("elapsed_time_seconds", wall),
    "wall": wall,
    "articles": stats.get("orthocrawl/articles_new", 0),
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    # the largest child it waited for: the derived worker (orthocrawl/derived_worker.py)
    "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
}}))
"""
    from orthocrawl.replica import spawn_replica

    with spawn_replica(articles=articles) as base_url:
        result = subprocess.run([sys.executable, "-c", code, base_url], capture_output=True,
                                text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"crawl failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def scrapy_bench(seconds: int = 10) -> float:
    """Pages per second of `scrapy bench` (its own server and spider) on this machine."""
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "bench", "-s", f"CLOSESPIDER_TIMEOUT={seconds}"],
        capture_output=True, text=True, check=False, cwd=tempfile.gettempdir())
    log = result.stderr
    pages = re.search(r"'response_received_count': (\d+)", log)
    elapsed = re.search(r"'elapsed_time_seconds': ([\d.]+)", log)
    if not (pages and elapsed):
        sys.exit(f"could not read scrapy bench's figures:\n{log[-2000:]}")
    return int(pages.group(1)) / float(elapsed.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=1,
                        help="paired runs (crawl, then scrapy bench); medians printed")
    args = parser.parse_args()
    runs: list[tuple[float, float, float]] = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            ours = crawl_replica(args.articles, Path(tmp) / "bench.db")
        ours_rate = ours["responses"] / ours["elapsed"]
        bench_rate = scrapy_bench()
        runs.append((ours_rate, bench_rate, ours["peak_mb"]))
        print(f"orthocrawl: {ours['responses']} pages ({ours['articles']} articles archived) in "
              f"{ours['elapsed']:.1f} s = {ours_rate:.0f} pages/s, peak memory "
              f"{ours['peak_mb']:.0f} MB (its derived worker {ours['worker_mb']:.0f} MB), run "
              f"{ours['status']}")
        print(f"scrapy bench: {bench_rate:.0f} pages/s")
        print(f"ratio orthocrawl / scrapy bench: {ours_rate / bench_rate:.2f}")
    if args.repeat > 1:
        ratios = sorted(ours / bench for ours, bench, _ in runs)
        print(f"medians of {args.repeat}: orthocrawl "
              f"{statistics.median(r[0] for r in runs):.0f} pages/s, scrapy bench "
              f"{statistics.median(r[1] for r in runs):.0f} pages/s, paired ratio "
              f"{statistics.median(ratios):.2f} ({ratios[0]:.2f} to {ratios[-1]:.2f}), peak "
              f"{statistics.median(r[2] for r in runs):.0f} MB")


if __name__ == "__main__":
    main()
