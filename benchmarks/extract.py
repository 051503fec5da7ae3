"""Extraction speed and quality: the OrthoSpineNews page object against trafilatura.

Renders 500 article pages of the replica, then, side by side in one run, extracts
each with the page object (HTML in, Article out) and with trafilatura's `extract`,
and prints milliseconds per page (wall and this process's CPU time, which a shared machine
inflates less) and body-text token F1 against the replica's truth. With --repeat N both run
N times, in turn, and the medians and the median of the paired speed ratios are printed.

Reproduce:
    python benchmarks/extract.py                # 500 pages
    python benchmarks/extract.py --articles 200
    python benchmarks/extract.py --repeat 5     # medians of five paired runs
Targets (issue 2): page object >= 5x faster than trafilatura, F1 1.000.
"""

from __future__ import annotations

import argparse
import statistics
import time

import trafilatura
from web_poet import HttpResponse

from orthocrawl.evaluate import token_f1
from orthocrawl.pages import OrthoSpineNewsPage
from orthocrawl.replica import build_site


def render_pages(articles: int) -> list[tuple[str, bytes, str]]:
    site = build_site(articles=articles)
    pages = []
    for record in site.truth():
        status, _, body = site.handle("GET", record["url"], {})
        assert status == 200, record["url"]
        pages.append((record["url"], body, record["body_text"]))
    return pages


def page_object_sync(url: str, body: bytes) -> str:
    page = OrthoSpineNewsPage(response=HttpResponse(url, body=body, encoding="utf-8"))
    item = page.to_item()
    # to_item is a coroutine; drive it without an event loop's overhead per page.
    try:
        item.send(None)
    except StopIteration as done:
        return done.value.body_text
    raise RuntimeError("page object awaited something")


def trafilatura_text(url: str, body: bytes) -> str:
    return trafilatura.extract(body.decode("utf-8"), url=url) or ""


def measure(name: str, extract, pages) -> tuple[float, float]:
    """Extract every page; print and return (wall, CPU) milliseconds per page."""
    started, cpu_started = time.perf_counter(), time.process_time()
    texts = [extract(url, body) for url, body, _ in pages]
    wall = 1000 * (time.perf_counter() - started) / len(pages)
    cpu = 1000 * (time.process_time() - cpu_started) / len(pages)
    scores = [token_f1(truth, text) for (_, _, truth), text in zip(pages, texts, strict=True)]
    perfect = sum(score == 1.0 for score in scores)
    print(f"{name:14} {wall:7.2f} ms/page ({cpu:.2f} CPU)   mean F1 "
          f"{statistics.fmean(scores):.4f}   min F1 {min(scores):.4f}   "
          f"F1=1 on {perfect}/{len(pages)}")
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=1, help="paired runs (medians printed)")
    args = parser.parse_args()
    pages = render_pages(args.articles)
    print(f"{len(pages)} replica article pages, "
          f"{sum(len(b) for _, b, _ in pages) / len(pages) / 1024:.0f} KB on average")
    runs = []
    for _ in range(args.repeat):
        runs.append((measure("page object", page_object_sync, pages),
                     measure("trafilatura", trafilatura_text, pages)))
    ours, theirs = runs[-1]
    print(f"page object is {theirs[0] / ours[0]:.1f}x faster than trafilatura")
    if args.repeat > 1:
        def median(pick) -> float:
            return statistics.median(pick(run) for run in runs)
        print(f"medians of {args.repeat}: page object {median(lambda r: r[0][0]):.2f} ms/page "
              f"({median(lambda r: r[0][1]):.2f} CPU), trafilatura "
              f"{median(lambda r: r[1][0]):.2f} ({median(lambda r: r[1][1]):.2f} CPU); "
              f"paired ratio {median(lambda r: r[1][0] / r[0][0]):.1f}x wall, "
              f"{median(lambda r: r[1][1] / r[0][1]):.1f}x CPU")


if __name__ == "__main__":
    main()
