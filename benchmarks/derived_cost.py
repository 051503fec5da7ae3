"""What the derived layers (entities, issue 12; stories, issue 11) add to a first crawl's wall
time: the target is at most 15% for both together.

Starts the replicas once (every site, --articles each), then crawls them into a fresh
archive in a child process per run, in three modes, interleaved so that the machine's load
falls on each alike:
- none: no derived layer (Derivations patched out in the child),
- entities: the industry layer only,
- both: entities and stories, as `orthocrawl crawl` does (their pure part in the derived
  worker process, orthocrawl/derived_worker.py),
- inline: both, with no worker (ORTHOCRAWL_DERIVE_WORKER=False).
Prints each run's wall time and the crawling process's CPU time (steadier than wall time on a
shared machine) and the time spent inside the derived layers (all of it, and stories'), each
mode's medians, and their overhead over none.

Reproduce:
    python benchmarks/derived_cost.py                      # 300 articles a site, 3 rounds
    python benchmarks/derived_cost.py --articles 1000 --rounds 2
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

PATCHES = {
    "none": "from orthocrawl.derived import Derivations as D\n"
            "D.__call__ = lambda self, *a: None\nD.start = lambda self, a: None\n"
            "D.start_worker = lambda self: None\n",
    "entities": "from orthocrawl.derived import Derivations as D\n"
                "D.start_stories = lambda self, a: setattr(self, 'stories', False)\n",
    "both": "",
    "inline": "from orthocrawl.derived import Derivations as D\n"
              "D.start_worker = lambda self: None\n",
}

# Time spent in the derived layers, measured inside the crawl (every mode; `none` spends 0).
TIMING = """
from orthocrawl.archive import Archive as _A
from orthocrawl.derived import Derivations as _D
spent = {"derive": 0.0, "stories": 0.0}
_call, _assign = _D.__call__, _A.assign_story
def _timed_call(self, *args):
    started = time.perf_counter()
    _call(self, *args)
    spent["derive"] += time.perf_counter() - started
def _timed_assign(self, *args):
    started = time.perf_counter()
    found = _assign(self, *args)
    spent["stories"] += time.perf_counter() - started
    return found
_D.__call__, _A.assign_story = _timed_call, _timed_assign
"""

CHILD = """
import json, resource, sys, time
{timing}
{patch}
from orthocrawl.crawl import run_crawls
names = sys.argv[2].split(",")
started = time.perf_counter()
outcomes = run_crawls(names, sys.argv[3], base_urls=dict.fromkeys(names, sys.argv[1]))
wall = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({{"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, **spent,
                   "status": [o.status for o in outcomes],
                   "articles": sum(o.stats.get("orthocrawl/articles_new", 0)
                                   for o in outcomes)}}))
"""


def crawl(mode: str, base_url: str, sites: list[str], db: Path) -> dict:
    code = CHILD.format(timing=TIMING, patch=PATCHES[mode])
    result = subprocess.run([sys.executable, "-c", code, base_url, ",".join(sites), str(db)],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"crawl failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="articles per site")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from orthocrawl.replica import available, spawn_replica

    sites = list(available())
    walls: dict[str, list[float]] = {mode: [] for mode in PATCHES}
    cpus: dict[str, list[float]] = {mode: [] for mode in PATCHES}
    with spawn_replica(articles=args.articles, sites=sites) as base_url, \
            tempfile.TemporaryDirectory() as tmp:
        for round_ in range(args.rounds):
            for mode in PATCHES:
                db = Path(tmp) / f"{mode}-{round_}.db"
                run = crawl(mode, base_url, sites, db)
                walls[mode].append(run["wall"])
                cpus[mode].append(run["cpu"])
                print(f"round {round_ + 1} {mode:8} wall {run['wall']:6.1f} s  CPU "
                      f"{run['cpu']:6.1f} s  in derived layers {run['derive']:5.1f} s (stories "
                      f"{run['stories']:4.1f} s)  {run['articles']} articles  {run['status']}",
                      flush=True)
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for name, figures in (("wall", walls), ("CPU", cpus)):
        base = statistics.median(figures["none"])
        for mode, times in figures.items():
            median = statistics.median(times)
            print(f"{name:4} {mode:8} median {median:6.1f} s  "
                  f"({100 * (median / base - 1):+.1f}% over none)")


if __name__ == "__main__":
    main()
