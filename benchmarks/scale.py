"""`orthocrawl crawl --jobs 2` against `--jobs 1` (issue 13): the five replicas served by one
`orthocrawl replica serve` process, every site crawled into a fresh archive by the real
command, the two alternately (A B A B ...) so that the machine's drift hits both alike.

Prints, per round, each command's wall time and pages per second (requests the run rows
count, over the command's wall time), the ratio of the two, and whether the two archives
hold the same content (every article's URL and content hash, every version's hash, every
raw page's body hash) with integrity_check ok.

Reproduce:
    python benchmarks/scale.py                        # 5 sites x 2,000 articles, 3 rounds
    python benchmarks/scale.py --articles 500 --rounds 5
Target (issue 13): --jobs 2 at least 1.3x the pages per second of --jobs 1 on this 2-core
machine (the replica server shares the two cores), the same archive content.

The archive size per article and an unchanged rerun's memory: benchmarks/storage.py.
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from orthocrawl.replica import spawn_replica

SITES = ["orthospinenews", "beckersspine", "ryortho", "orthobuzz", "spinemarketgroup"]


def crawl(db: Path, base_url: str, jobs: int) -> tuple[float, int]:
    """One `orthocrawl crawl` of every site: its wall time and the requests its runs made."""
    mirrors = [a for site in SITES for a in ("--base-url", f"{site}={base_url}")]
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "orthocrawl.cli", "crawl", *SITES, "--db",
                           str(db), "--jobs", str(jobs), *mirrors],
                          capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"crawl --jobs {jobs} failed:\n{done.stderr[-3000:]}")
    requests = sqlite3.connect(db).execute(
        "SELECT sum(requests) FROM crawl_runs").fetchone()[0]
    return wall, int(requests or 0)


def content(db: Path) -> str:
    """A digest of what an archive holds, whatever order or process wrote it."""
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    digest = hashlib.sha256()
    for sql in ("SELECT url, content_hash FROM articles ORDER BY url",
                "SELECT url, version, content_hash FROM article_versions ORDER BY url, version",
                "SELECT url, body_sha256 FROM pages ORDER BY url"):
        for row in conn.execute(sql):
            digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles a site")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    ratios, rates = [], {1: [], 2: []}
    with spawn_replica(args.articles, sites=SITES, timeout=1800) as base_url, \
            tempfile.TemporaryDirectory() as tmp:
        for round_ in range(args.rounds):
            digests, pps = {}, {}
            for jobs in (1, 2) if round_ % 2 == 0 else (2, 1):
                db = Path(tmp) / f"r{round_}-j{jobs}.db"
                wall, requests = crawl(db, base_url, jobs)
                pps[jobs] = requests / wall
                rates[jobs].append(pps[jobs])
                digests[jobs] = content(db)
                print(f"round {round_ + 1} --jobs {jobs}: {wall:.1f} s, {requests} requests, "
                      f"{pps[jobs]:.1f} pages/s", flush=True)
            ratios.append(pps[2] / pps[1])
            same = "same content" if digests[1] == digests[2] else "DIFFERENT content"
            print(f"round {round_ + 1}: --jobs 2 / --jobs 1 = {ratios[-1]:.2f}x, {same}, "
                  "integrity_check ok", flush=True)
    print(f"{len(SITES)} sites x {args.articles} articles, {args.rounds} rounds: median "
          f"--jobs 1 {statistics.median(rates[1]):.1f} pages/s, --jobs 2 "
          f"{statistics.median(rates[2]):.1f} pages/s, paired ratio median "
          f"{statistics.median(ratios):.2f}x (min {min(ratios):.2f}, max {max(ratios):.2f})")


if __name__ == "__main__":
    main()
