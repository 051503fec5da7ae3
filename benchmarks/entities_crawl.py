"""What the entities layer adds to a first crawl's wall time (issue 12: stories and entities
together at most 15%).

Runs the demo (the five replicas served on 127.0.0.1, crawled by the real spiders, page
objects and store pipeline) into a new archive, timing the derivation of each stored article
(orthocrawl/derived.py: the extraction, then the archive's writes of its rows); then, unless
--no-off, the same crawl with the derivation switched off, for the difference in wall time.
The replicas answer from a thread of this process, so the crawl is as fast as it can be
(no network, no politeness delay): the share is the largest a crawl can see. A crawl of the
real sites waits a second or more between requests, beside which the layer is negligible.

Reproduce:
    python benchmarks/entities_crawl.py                  # 120 articles a site, on and off
    python benchmarks/entities_crawl.py --articles 400 --no-off
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from orthocrawl.derived import Derivations


class Timed:
    """Wraps Derivations.__call__: wall and CPU time of the extraction and of the writes."""

    def __init__(self) -> None:
        self.calls = 0
        self.extract_wall = self.extract_cpu = self.write_wall = 0.0
        self.original = Derivations.__call__

    def install(self) -> None:
        timed = self

        def call(derive: Derivations, archive: Any, url: str, record: dict[str, Any]) -> None:
            extractor = derive.extractor
            started, cpu = time.perf_counter(), time.thread_time()
            found = extractor.extract(record.get("title") or "", record.get("body_text") or "",
                                      (record.get("published_at") or "")[:10] or None)
            middle = time.perf_counter()
            timed.extract_wall += middle - started
            timed.extract_cpu += time.thread_time() - cpu
            archive.replace_entities(url, found, extractor.gazetteer.today)
            timed.write_wall += time.perf_counter() - middle
            timed.calls += 1

        Derivations.__call__ = call  # type: ignore[method-assign,assignment]

    def off(self) -> None:
        Derivations.__call__ = lambda *args: None  # type: ignore[method-assign,assignment]


def crawl(articles: int) -> tuple[float, float]:
    # this folder holds incremental.py, which would hide from Twisted the package of that name
    here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]
    from orthocrawl.demo import run_demo
    from orthocrawl.replica.registry import available

    with tempfile.TemporaryDirectory() as tmp:
        started, cpu = time.perf_counter(), time.process_time()
        run_demo(Path(tmp) / "demo.db", available(), articles, 1, True, "ERROR",
                 lambda url: None)
        return time.perf_counter() - started, time.process_time() - cpu


def one(articles: int, on: bool) -> dict[str, float]:
    """One crawl in this process (Twisted's reactor runs once a process)."""
    timed = Timed()
    timed.install() if on else timed.off()
    wall, cpu = crawl(articles)
    return {"wall": wall, "cpu": cpu, "calls": timed.calls, "extract_wall": timed.extract_wall,
            "extract_cpu": timed.extract_cpu, "write_wall": timed.write_wall}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=120, help="articles of each replica")
    parser.add_argument("--no-off", action="store_true", help="skip the crawl without it")
    parser.add_argument("--one", choices=["on", "off"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.articles, args.one == "on")))
        return

    def run(mode: str) -> dict[str, float]:
        out = subprocess.run([sys.executable, __file__, "--one", mode, "--articles",
                              str(args.articles)], check=True, capture_output=True, text=True)
        return json.loads(out.stdout.strip().splitlines()[-1])

    on = run("on")
    wall, derive = on["wall"], on["extract_wall"] + on["write_wall"]
    print(f"first crawl of the five replicas, {args.articles} articles each: {wall:.1f} s wall, "
          f"{on['cpu']:.1f} s CPU (crawler and replicas), {on['calls']:.0f} articles derived")
    print(f"  entity extraction: {on['extract_wall']:.2f} s wall = "
          f"{100 * on['extract_wall'] / wall:.1f}% of the crawl's wall time; "
          f"{on['extract_cpu']:.2f} s CPU = {100 * on['extract_cpu'] / on['cpu']:.1f}% of its "
          f"CPU time")
    print(f"  its rows written to the archive: {on['write_wall']:.2f} s = "
          f"{100 * on['write_wall'] / wall:.1f}%")
    print(f"  the entities layer in all: {derive:.2f} s = {100 * derive / wall:.1f}%")
    if not args.no_off:
        without = run("off")["wall"]
        print(f"the same crawl with the layer off: {without:.1f} s wall (on - off = "
              f"{wall - without:+.1f} s, {100 * (wall - without) / without:+.1f}%; one run "
              "each, so the machine's other work shows in this difference)")


if __name__ == "__main__":
    main()
