"""Stories in an orthocrawl archive (issue 11 §2): what `orthocrawl stories --rebuild` and the
store-time assignment cost on the archive's own tables (orthocrawl/archive/stories.py), on
benchmarks/stories.py's synthetic trade press.

- fills a fresh archive with --articles synthetic articles (no derived layer), then times
  the rebuild (the command's code: in memory with signing workers, written in one
  transaction), its articles/s and the process's peak RSS;
- stores --incremental more through Archive.store with the stories layer as `derive`
  (ORTHOCRAWL_BATCH_SIZE articles a transaction, as the store pipeline does), timing the
  derive call per article;
- the story tables' bytes per article (SQLite's dbstat), and the grouping's pair precision
  and recall against the generator's truth.

With --crawled DB, every article of (a copy of) a crawled archive is assigned afresh, one by
one, as the store pipeline assigns them: CPU and wall per article.

Reproduce:
    python benchmarks/stories_archive.py --crawled data/demo.db
    python benchmarks/stories_archive.py --crawled data/demo.db --truth 30  # held to truth
    python benchmarks/stories_archive.py --articles 20000 --incremental 2000
    python benchmarks/stories_archive.py --articles 100000 --incremental 5000
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stories import Truth, quality, synthetic

from orthocrawl.archive import Archive
from orthocrawl.stories import StoryArticle, StoryIndex
from orthocrawl.syndication import rebuild_stories


def record(article: StoryArticle) -> dict:
    body = article.body_text
    return {"url": article.url, "site": article.site, "title": article.title,
            "authors": list(article.authors), "posted_by": None,
            "published_at": article.published_at, "modified_at": None, "categories": [],
            "tags": [], "description": None, "lead_image": None, "language": "en",
            "body_text": body, "body_html": None, "word_count": len(body.split()),
            "source": None, "content_hash": hashlib.sha256(body.encode()).hexdigest()}


def crawled(path: Path) -> None:
    """Every article of a copy of a crawled archive assigned afresh, one by one, as the store
    pipeline assigns them: CPU per article."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.db"
        with Archive(path, read_only=True) as source:
            source.backup(copy)
        with Archive(copy) as archive:
            urls = [a.url for a in archive.story_articles()]
            with archive.transaction():
                archive.story_storage().clear()
            index = StoryIndex(archive.story_storage())
            wall, cpu = time.perf_counter(), time.process_time()
            with archive.transaction():
                for url in urls:
                    archive.assign_story(url, index)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            made = len(archive.stories(limit=None))
    print(f"{path}: {len(urls)} articles assigned one by one into {made} stories: CPU "
          f"{cpu / len(urls) * 1000:.2f} ms, wall {wall / len(urls) * 1000:.2f} ms per article "
          f"(load average {os.getloadavg()[0]:.1f})")


def against_truth(path: Path, articles: int) -> None:
    """A crawled archive of every replica (`orthocrawl demo --articles N`) held to the
    replica's truth: pairs of articles in one story, grouped or not, by kind of copy."""
    from itertools import combinations

    from orthocrawl.replica.registry import build_hub
    from orthocrawl.stories import url_form

    truth = {url_form(r["url"]): (r.get("story"), r.get("copy") or "original")
             for r in build_hub(articles=articles).truth()}
    with Archive(path, read_only=True) as archive:
        ours = {url_form(url): story for url, story in
                archive.db.execute("SELECT url, story_id FROM articles")}
    urls = sorted(set(ours) & set(truth))
    right = wrong = 0
    by_kind: dict[str, list[int]] = {}
    for a, b in combinations(urls, 2):
        same = truth[a][0] is not None and truth[a][0] == truth[b][0]
        grouped = ours[a] == ours[b]
        right += same and grouped
        wrong += grouped and not same
        if same:
            kind = truth[b][1] if truth[a][1] == "original" else truth[a][1]
            counts = by_kind.setdefault(kind, [0, 0])
            counts[0] += grouped
            counts[1] += 1
    pairs = sum(total for _, total in by_kind.values())
    print(f"{path}: {len(urls):,} of {len(truth):,} truth articles archived; {pairs:,} pairs "
          f"in one story by the truth, {right:,} grouped (recall "
          f"{right / pairs if pairs else 1:.3f}); {wrong:,} pairs grouped that are not "
          f"(precision {right / (right + wrong) if right + wrong else 1:.3f})")
    for kind, (together, total) in sorted(by_kind.items()):
        print(f"  {kind}: {together:,}/{total:,}")


def _children_cpu() -> float:
    """CPU seconds of the finished child processes (the rebuild's signing workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--incremental", type=int, default=2_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--crawled", type=Path, metavar="DB",
                        help="instead: re-assign every article of (a copy of) this crawled "
                             "archive one by one, e.g. data/demo.db")
    parser.add_argument("--truth", type=int, metavar="N", help="with --crawled: the archive "
                        "is every replica at N articles a site (orthocrawl demo --articles "
                        "N): hold its stories to the replica's truth")
    args = parser.parse_args()
    if args.crawled and args.truth:
        against_truth(args.crawled, args.truth)
        return
    if args.crawled:
        crawled(args.crawled)
        return
    made: list[Truth] = []
    first: list[dict] = []
    later: list[dict] = []
    for item in synthetic(args.articles + args.incremental):
        made.append(Truth(item.article.id, item.story, item.kind, item.company,
                          item.article.published_at or ""))
        (first if len(first) < args.articles else later).append(record(item.article))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "archive.db"
        with Archive(path) as archive:
            for start in range(0, len(first), 1000):
                archive.store([(r, None) for r in first[start:start + 1000]])
            del first
            load = os.getloadavg()[0]
            wall, cpu = time.perf_counter(), time.process_time()
            workers_cpu = _children_cpu()
            rebuild_stories(archive, args.workers)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            workers_cpu = _children_cpu() - workers_cpu
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            index = StoryIndex(archive.story_storage())
            timings: list[float] = []
            cpu_timings: list[float] = []

            def derive(archive: Archive, url: str, _: dict) -> None:
                started, started_cpu = time.perf_counter(), time.process_time()
                archive.assign_story(url, index)
                timings.append(time.perf_counter() - started)
                cpu_timings.append(time.process_time() - started_cpu)

            stored = time.perf_counter()
            for start in range(0, len(later), args.batch):
                archive.store([(r, None) for r in later[start:start + args.batch]],
                              derive=derive)
            stored = time.perf_counter() - stored
            stories = dict(archive.db.execute("SELECT rowid, story_id FROM articles"))
            count = len(stories)
            try:
                story_bytes = archive.db.execute(
                    "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'story%' OR name = "
                    "'stories' OR name = 'articles_story'").fetchone()[0]
            except sqlite3.OperationalError:  # SQLite built without dbstat
                story_bytes = None
    print(f"archive: {args.articles:,} synthetic articles, then {len(later):,} stored with the "
          f"stories layer (load average {load:.1f} on {os.cpu_count()} cores at the start)")
    print(f"orthocrawl stories --rebuild ({args.workers} signing workers): {wall:.1f} s "
          f"({args.articles / wall:,.0f} articles/s), peak RSS {peak_mb:,.0f} MB; CPU "
          f"{cpu:.1f} s in the main process, {workers_cpu:.1f} s in the workers")
    if timings:
        ms = sorted(t * 1000 for t in timings)
        print(f"store-time assignment: mean {statistics.mean(ms):.2f} ms, p95 "
              f"{ms[int(len(ms) * 0.95)]:.2f} ms per article ({args.batch} a transaction; "
              f"store with it {stored:.1f} s for {len(later):,}); CPU mean "
              f"{statistics.mean(cpu_timings) * 1000:.2f} ms per article")
    if story_bytes:
        print(f"story tables and index: {story_bytes / count:,.0f} B per article")
    q = quality(stories, made[:count])
    print(f"synthetic truth: pair precision {q['precision']:.4f}, recall {q['recall']:.4f} "
          f"over {q['pairs']:,} pairs")
    for kind in ("verbatim", "excerpt", "rewrite", "cited", "decoys"):
        together, total = q[kind]  # type: ignore[misc]
        print(f"  {kind}: {together:,}/{total:,} pairs grouped")


if __name__ == "__main__":
    main()
