"""Every extraction record of a set of articles, one JSON line per article: run it before and
after a change to the extraction rules (or their speed) and compare the files, to show the
change keeps (or how it changes) the results.

Articles: the five replicas' (the body text their truth reports), the speed benchmark's
synthetic ones (--synthetic), its real article bodies (--real), an archive's current versions
(--db, e.g. the demo's), or all.

Reproduce:
    python benchmarks/entities_snapshot.py --articles 2000 --synthetic 2000 --real > before.jsonl
    python benchmarks/entities_snapshot.py --db data/demo.db > before-demo.jsonl
    ... change the code ...
    python benchmarks/entities_snapshot.py --articles 2000 --synthetic 2000 --real > after.jsonl
    cmp before.jsonl after.jsonl
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

from orthocrawl.entities import Extractor


def replica_articles(count: int) -> Iterator[tuple[str, str, str, str | None]]:
    from orthocrawl.replica.registry import available, build

    for name in available():
        for record in build(name, articles=count).truth():
            yield (record["url"], record["title"], record["body_text"],
                   record.get("published_at"))


def archive_articles(db: str) -> Iterator[tuple[str, str, str, str | None]]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        rows = connection.execute("SELECT url, title, body_text, published_at FROM articles "
                                  "ORDER BY url").fetchall()
    for url, title, body, published in rows:
        yield url, title or "", body or "", published


def synthetic_articles(count: int) -> Iterator[tuple[str, str, str, str | None]]:
    sys.path.insert(0, str(Path(__file__).parent))
    from entities import synthetic  # the speed benchmark's long synthetic press releases

    for i, (title, body, published) in enumerate(synthetic(count)):
        yield f"synthetic:{i}", title, body, published


def real_articles() -> Iterator[tuple[str, str, str, str | None]]:
    sys.path.insert(0, str(Path(__file__).parent))
    from entities import REAL, real  # the speed benchmark's real article bodies

    for i, (title, body, published) in enumerate(real(REAL)):
        yield f"real:{i}", title, body, published


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=0,
                        help="articles per replica (0: no replica articles)")
    parser.add_argument("--synthetic", type=int, default=0,
                        help="synthetic articles of benchmarks/entities.py (0: none)")
    parser.add_argument("--real", action="store_true",
                        help="the real article bodies of benchmarks/entities.py")
    parser.add_argument("--db", help="an archive whose articles to extract as well")
    args = parser.parse_args()
    extractor = Extractor()
    sources = []
    if args.articles:
        sources.append(replica_articles(args.articles))
    if args.synthetic:
        sources.append(synthetic_articles(args.synthetic))
    if args.real:
        sources.append(real_articles())
    if args.db:
        sources.append(archive_articles(args.db))
    out = sys.stdout
    for source in sources:
        for url, title, body, published in source:
            date = (published or "")[:10] or None
            found = extractor.extract(title, body, date)
            today = extractor.extract(title, body, date, as_today=True)
            out.write(json.dumps({"url": url, "found": asdict(found),
                                  "as_today": asdict(today)}, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
