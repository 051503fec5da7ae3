"""Storage figures of issue 13 (a run's cost follows its work; raw pages compressed for what
they are), on the OrthoSpineNews replica crawled by the real `orthocrawl crawl`:

1. archive size per article (raw page, text, versions, full-text index, derived layers:
   the whole file) after a first crawl of N articles, with the table sizes (dbstat);
2. an unchanged rerun of the same site: wall time, peak resident memory of the crawl
   process (os.wait4's rusage), the bytes it read (/proc/PID/io rchar: every read call,
   the archive's pages with Python's own files and the sitemaps), requests;
3. zstd dictionary gain: on the replica's raw pages (a dictionary trained on 200 pages, as
   the archive does, measured on the others) and on the shared real pages
   (/work/shared/bench/wcxb-dev: 891 pages of 844 sites, so one dictionary trained on
   half the set and measured on the other half; and, for the sites with two pages or more,
   each page compressed with its site's other pages as a raw-content dictionary).

Reproduce:
    python benchmarks/storage.py --articles 1000 --articles 20000
    python benchmarks/storage.py --articles 2000 --dictionaries-only
    python benchmarks/storage.py --wcxb-only
Targets (issue 13): at most 12 KB per article at 1,000 and 20,000; an unchanged rerun's peak
memory within 20% between 2,000 and 20,000 articles and under 250 MB.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import zstandard

from orthocrawl.archive.bodies import DICT_LEVEL, DICT_SIZE, LEVEL, TRAIN_AT
from orthocrawl.replica import spawn_replica

WCXB = Path("/work/shared/bench/wcxb-dev")


def crawl(db: Path, base_url: str) -> dict:
    """One `orthocrawl crawl orthospinenews` in a subprocess: wall time, peak RSS (the
    rusage os.wait4 gives for that process alone), bytes read (/proc/PID/io rchar)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "orthocrawl.cli", "crawl", "orthospinenews", "--db",
             str(db), "--base-url", base_url], stdout=log, stderr=log)
        io: dict[str, int] = {}
        while True:  # /proc/PID/io until the process ends: its last values
            try:
                text = Path(f"/proc/{process.pid}/io").read_text()
                io.update({k: int(v) for k, v in
                           (line.split(": ") for line in text.splitlines())})
            except (OSError, ValueError):
                pass
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.05)
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        if process.returncode != 0:
            log.seek(0)
            sys.exit(f"crawl failed:\n{log.read()[-3000:]}")
    run = sqlite3.connect(db).execute(
        "SELECT requests, articles_new, articles_unchanged FROM crawl_runs "
        "ORDER BY id DESC LIMIT 1").fetchone()
    return {"wall_s": round(wall, 1), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
            "read_mb": round(io.get("rchar", 0) / 1e6, 1),
            "disk_read_mb": round(io.get("read_bytes", 0) / 1e6, 1), "requests": run[0],
            "new": run[1], "unchanged": run[2]}


def sizes(db: Path) -> dict:
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    pages = conn.execute("SELECT count(*) FROM pages").fetchone()[0]
    tables = dict(conn.execute(
        "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"))
    free = conn.execute("PRAGMA freelist_count").fetchone()[0] * \
        conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    file_bytes = db.stat().st_size
    return {"articles": articles, "raw_pages": pages, "file_mb": round(file_bytes / 1e6, 1),
            "kb_per_article": round(file_bytes / articles / 1024, 2),
            "free_mb": round(free / 1e6, 1),
            "kb_per_article_by_table": {
                name: round(size / articles / 1024, 2) for name, size in tables.items()
                if size / articles >= 20}}


def replica_pages(db: Path) -> list[bytes]:
    from orthocrawl.archive import Archive

    with Archive(db, read_only=True) as archive:
        return [page.body for _, page in archive.iter_pages()]


def dictionary_gain(train: list[bytes], test: list[bytes]) -> dict:
    """zstd level LEVEL without a dictionary, and level DICT_LEVEL with one trained on `train`
    (as the archive does), measured on `test`."""
    size = min(DICT_SIZE, max(4096, sum(map(len, train)) // 10))
    trained = zstandard.train_dictionary(size, train, level=DICT_LEVEL, k=1024, d=8)
    plain = zstandard.ZstdCompressor(level=LEVEL)
    with_dict = zstandard.ZstdCompressor(level=DICT_LEVEL, dict_data=trained)
    started = time.perf_counter()
    plain_sizes = [len(plain.compress(page)) for page in test]
    plain_s = time.perf_counter() - started
    started = time.perf_counter()
    dict_sizes = [len(with_dict.compress(page)) for page in test]
    dict_s = time.perf_counter() - started
    return {"pages": len(test), "raw_kb": round(sum(map(len, test)) / len(test) / 1024, 1),
            "zstd3_kb": round(sum(plain_sizes) / len(test) / 1024, 2),
            "zstd_dict_kb": round(sum(dict_sizes) / len(test) / 1024, 2),
            "ratio": round(sum(plain_sizes) / sum(dict_sizes), 2),
            "compress_speedup": round(plain_s / dict_s, 2) if dict_s else None}


def wcxb_gain() -> dict:
    truth = json.loads(gzip.decompress((WCXB / "ground-truth.json.gz").read_bytes()))
    pages = {page_id: gzip.decompress((WCXB / "html" / f"{page_id}.html.gz").read_bytes())
             for page_id in sorted(truth)}
    by_host: dict[str, list[bytes]] = defaultdict(list)
    for page_id, body in pages.items():
        host = urlsplit(truth[page_id]["url"]).netloc.removeprefix("www.")
        by_host[host].append(body)
    ordered = list(pages.values())
    figures = {"pages": len(pages), "sites": len(by_host),
               "largest_sites": sorted((len(v) for v in by_host.values()), reverse=True)[:5],
               # one dictionary for every site: trained on the even pages, measured on odd
               "whole_set": dictionary_gain(ordered[::2], ordered[1::2])}
    several = {h: v for h, v in by_host.items() if len(v) >= 10}
    if several:
        figures["per_site"] = {h: dictionary_gain(v[::2], v[1::2]) for h, v in several.items()}
    # Sites with too few pages to train on (zstd needs 5 samples): each page compressed with
    # its site's other pages as a raw-content dictionary (what they share, untrained).
    plain = zstandard.ZstdCompressor(level=LEVEL)
    sizes_without, sizes_with = [], []
    for same_site in (v for v in by_host.values() if len(v) >= 2):
        for i, body in enumerate(same_site):
            others = b"".join(same_site[:i] + same_site[i + 1:])[-110 * 1024:]
            raw = zstandard.ZstdCompressionDict(others, dict_type=zstandard.DICT_TYPE_RAWCONTENT)
            sizes_without.append(len(plain.compress(body)))
            sizes_with.append(len(zstandard.ZstdCompressor(level=LEVEL, dict_data=raw)
                                  .compress(body)))
    if sizes_with:
        figures["same_site_raw_dictionary"] = {
            "pages": len(sizes_with), "zstd3_kb": round(sum(sizes_without) / len(sizes_with)
                                                        / 1024, 2),
            "zstd3_dict_kb": round(sum(sizes_with) / len(sizes_with) / 1024, 2),
            "ratio": round(sum(sizes_without) / sum(sizes_with), 2)}
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, action="append",
                        help="replica sizes (repeatable; default 1000 and 20000)")
    parser.add_argument("--wcxb-only", action="store_true",
                        help="only the dictionary gain on the shared real pages")
    parser.add_argument("--keep", type=Path, help="keep the archives in this folder")
    parser.add_argument("--reuse", action="store_true",
                        help="with --keep: an archive kept there before is rerun, not made")
    parser.add_argument("--dictionaries-only", action="store_true",
                        help="only the dictionary gains (the replica of the first size)")
    args = parser.parse_args()
    results: dict = {"command": " ".join(["python", *sys.argv])}
    with tempfile.TemporaryDirectory() as tmp:
        for count in [] if args.wcxb_only else args.articles or [1000, 20000]:
            db = (args.keep or Path(tmp)) / f"osn-{count}.db"
            reuse = args.reuse and db.exists()
            if not reuse:
                db.unlink(missing_ok=True)
            print(f"replica of {count} articles...", file=sys.stderr, flush=True)
            with spawn_replica(count, sites=["orthospinenews"], timeout=1800) as base_url:
                figures: dict = {} if reuse else {"first_crawl": crawl(db, base_url)}
                figures["size"] = sizes(db)
                if not args.dictionaries_only:
                    figures["unchanged_rerun"] = crawl(db, base_url)
            bodies = replica_pages(db)
            figures["replica_dictionary"] = dictionary_gain(bodies[:TRAIN_AT],
                                                            bodies[TRAIN_AT:])
            results[f"orthospinenews_{count}"] = figures
            print(json.dumps({count: figures}, indent=1), file=sys.stderr, flush=True)
            if args.dictionaries_only:
                break
    if WCXB.exists():
        results["wcxb_real_pages"] = wcxb_gain()
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    os.environ.pop("ORTHOCRAWL_DB", None)
    main()
