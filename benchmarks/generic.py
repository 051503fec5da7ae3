"""The generic fallback page object against trafilatura, on real pages nobody wrote a page
object for (shared/bench/extraction: 133 news and blog pages with hand-made bodies).

Side by side in one run, over every page, each system gets the raw HTML bytes and the URL:
GenericPage (the whole Article: body and every metadata field), trafilatura's `extract`
with favor_precision=True, and with its defaults. Prints, per system, mean precision, mean
recall, F1 of the two means, accuracy (pages whose tokens match exactly), all as the set's
README defines them (orthocrawl.evaluate.bench_score), and pages per second by this
process's CPU time and by wall-clock time (each the best of --rounds timed passes, the
systems taking turns, after one untimed warm-up page each).

Reproduce every figure (from the repository root):
    python benchmarks/generic.py                   # all 133 pages, best of 3 passes
    python benchmarks/generic.py --worst 15        # ... and GenericPage's 15 worst pages
    python benchmarks/generic.py --stride 4        # the subset tests/test_generic.py uses
    python benchmarks/generic.py --bench DIR       # another copy of the set
Targets: GenericPage F1 >= 0.975, above both trafilatura runs, and at least as many pages
per second as trafilatura with defaults (CPU time: on a machine shared with other work,
wall-clock figures move with the load from run to run).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura
from web_poet import HttpResponse

from orthocrawl.evaluate import BenchPage, bench_score, load_extraction_bench, shingle_pr
from orthocrawl.items import Article
from orthocrawl.pages.generic import GenericPage

DEFAULT_BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "extraction"

Extractor = Callable[[str, bytes], str]


def generic_article(url: str, html: bytes) -> Article:
    """Run GenericPage on one page, without an event loop (it awaits nothing)."""
    coroutine = GenericPage(response=HttpResponse(url, body=html)).to_item()
    try:
        coroutine.send(None)
    except StopIteration as done:
        return done.value
    raise RuntimeError("page object awaited something")


def generic_text(url: str, html: bytes) -> str:
    return generic_article(url, html).body_text


def trafilatura_precision(url: str, html: bytes) -> str:
    return trafilatura.extract(html, url=url, favor_precision=True) or ""


def trafilatura_defaults(url: str, html: bytes) -> str:
    return trafilatura.extract(html, url=url) or ""


SYSTEMS: dict[str, Extractor] = {
    "GenericPage": generic_text,
    "trafilatura precision": trafilatura_precision,
    "trafilatura defaults": trafilatura_defaults,
}


def run(pages: list[BenchPage], rounds: int) -> dict[str, tuple[list[str], float, float]]:
    """Every system's texts and its best pages per second, by CPU time of this process and
    by wall-clock time, over `rounds` timed passes.

    The passes take turns (one of each system per round), so a machine busy with something
    else for a while slows every system alike rather than whichever ran then; CPU time is
    the figure that other processes on a shared machine do not move.
    """
    for extract in SYSTEMS.values():  # warm-up: imports, caches, first compiles
        extract(pages[0].url, pages[0].html)
    texts: dict[str, list[str]] = {}
    cpu = dict.fromkeys(SYSTEMS, float("inf"))
    wall = dict.fromkeys(SYSTEMS, float("inf"))
    for _ in range(rounds):
        for name, extract in SYSTEMS.items():
            started_cpu, started_wall = time.process_time(), time.perf_counter()
            texts[name] = [extract(page.url, page.html) for page in pages]
            cpu[name] = min(cpu[name], time.process_time() - started_cpu)
            wall[name] = min(wall[name], time.perf_counter() - started_wall)
    return {name: (texts[name], len(pages) / cpu[name], len(pages) / wall[name])
            for name in SYSTEMS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--stride", type=int, default=1, help="every n-th page by sorted id")
    parser.add_argument("--rounds", type=int, default=3, help="timed passes (best counts)")
    parser.add_argument("--worst", type=int, default=0, help="list GenericPage's worst pages")
    args = parser.parse_args()
    if not (args.bench / "ground-truth.json").is_file():
        parser.exit(2, f"error: no extraction set at {args.bench} (use --bench DIR)\n")
    pages = load_extraction_bench(args.bench, args.stride)
    print(f"{len(pages)} pages from {args.bench}")
    print(f"{'system':22} {'precision':>9} {'recall':>7} {'F1':>7} {'accuracy':>8} "
          f"{'pages/s CPU':>11} {'pages/s wall':>12}")
    outputs: dict[str, list[str]] = {}
    for name, (texts, cpu_speed, wall_speed) in run(pages, args.rounds).items():
        outputs[name] = texts
        score = bench_score((page.expected, text) for page, text in zip(pages, texts, strict=True))
        print(f"{name:22} {score.precision:9.4f} {score.recall:7.4f} {score.f1:7.4f} "
              f"{score.accuracy:8.3f} {cpu_speed:11.1f} {wall_speed:12.1f}")
    if args.worst:
        scored = sorted(((shingle_pr(p.expected, t), p) for p, t in
                         zip(pages, outputs["GenericPage"], strict=True)), key=lambda s: sum(s[0]))
        print(f"\nGenericPage's {args.worst} worst pages (precision, recall):")
        for (precision, recall), page in scored[:args.worst]:
            print(f"  {precision:.2f} {recall:.2f}  {page.id[:12]}  {page.url}")


if __name__ == "__main__":
    main()
