"""Instructions an article of the entity extraction, counted by valgrind's callgrind: a measure
of a change to the extraction's speed that other work on a shared machine does not move (its
CPU-time rates, benchmarks/entities.py, varied by 20% between runs on the loaded 2-core
machine, more than some changes they were to judge).

The same process is run twice under callgrind, once extracting nothing but the first article
(imports, corpus, gazetteer, warm-up) and once extracting `--articles` more; the difference
divided by the articles is the figure. Needs valgrind (apt-get install valgrind); slow
(about a minute a run).

Reproduce:
    python benchmarks/entities_instructions.py --corpus synthetic --articles 200
    python benchmarks/entities_instructions.py --corpus real --articles 133
    PYTHONPATH=/path/to/other/checkout python benchmarks/entities_instructions.py  # compare
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path


def corpus_docs(corpus: str, articles: int) -> list[tuple[str, str, str | None]]:
    """The first `articles` (at least one) of benchmarks/entities.py's `corpus`."""
    sys.path.insert(0, str(Path(__file__).parent))
    from entities import real, synthetic

    docs = synthetic(max(articles, 1)) if corpus == "synthetic" else real()
    return docs[:max(articles, 1)]


def run(corpus: str, size: int, articles: int) -> None:
    """The extraction of the first `articles` of `corpus` (after one warm-up article); the
    corpus is made with `size` articles in both counted runs, so that making it cancels out."""
    from orthocrawl.entities import Extractor

    docs = corpus_docs(corpus, size)
    extractor = Extractor()
    extractor.extract(*docs[0])
    for doc in docs[:articles]:
        extractor.extract(*doc)


def count(corpus: str, size: int, articles: int) -> int:
    """Instructions callgrind counts for a process that runs `run(corpus, size, articles)`."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
         __file__, "--corpus", corpus, "--articles", str(articles), "--inside", str(size)],
        capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{done.stderr[-500:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("synthetic", "real"), default="synthetic")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--inside", type=int, help=argparse.SUPPRESS)  # the corpus's size
    args = parser.parse_args()
    if args.inside is not None:
        run(args.corpus, args.inside, args.articles)
        return
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        raise SystemExit(1)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    run(args.corpus, 1, 1)  # compile any changed module first, outside the counted runs
    base = count(args.corpus, args.articles, 0)
    full = count(args.corpus, args.articles, args.articles)
    args.articles = len(corpus_docs(args.corpus, args.articles))
    print(f"{args.corpus}: {(full - base) / args.articles:,.0f} instructions an article "
          f"({args.articles} articles, callgrind)")


if __name__ == "__main__":
    main()
