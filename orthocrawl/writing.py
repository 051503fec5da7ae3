"""The commands that write the archive, as the lines they print (orthocrawl.output): crawl
(in one process or several), demo, reparse, migrate and merge; and `sites add` and `sites
check`, which write a site file and a scratch archive."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from orthocrawl.archive import Archive
from orthocrawl.config import parse_assignments, setting
from orthocrawl.errors import Failed, UserError
from orthocrawl.output import Note
from orthocrawl.reading import DB_ENV
from orthocrawl.sites import load_sites, spider_for, spiders
from orthocrawl.watchlists import watch_settings


def log_level(verbose: int) -> str:
    return ("", "INFO", "DEBUG")[min(verbose, 2)]


def warn(line: str) -> None:
    print(f"orthocrawl: warning: {line}", file=sys.stderr, flush=True)


def passed(name: str, value: Any, group: list[str]) -> list[str]:
    """A crawl option as a --jobs child process gets it (mirrors of its own sites only)."""
    flag = f"--{name.replace('_', '-')}"
    if name == "base_urls":
        return [a for v in value if v.split("=", 1)[0] in group for a in ("--base-url", v)]
    if name == "settings":
        return [a for v in value for a in ("-s", v)]
    if name in ("full", "wait"):
        return [flag] if value else []
    if name == "verbose":
        return ["-v"] * value
    if name in ("discover", "recheck", "log_file", "feeds", "notify_command") and value:
        return [flag, str(value)]
    return []


def crawl(sites: tuple[str, ...], db: Path, base_urls: tuple[str, ...], discover: str | None,
          urls: tuple[str, ...], full: bool, recheck: str, wait: bool,
          settings: tuple[str, ...], verbose: int, log_file: Path | None, jobs: int,
          feeds: Path | None, notify_command: str | None) -> Iterator[str]:
    """`orthocrawl crawl`: a summary line per site and the archive; Failed (the worst exit
    status) when a run failed. Several sites with --jobs N run in N processes."""
    from orthocrawl.crawl import crawl_in_processes, crawl_sites
    from orthocrawl.reports import crawl_summary

    started = time.monotonic()
    names = list(sites) or list(spiders())
    if jobs > 1 and len(names) > 1 and not urls:
        options = {"base_urls": base_urls, "discover": discover, "full": full,
                   "recheck": recheck, "wait": wait, "settings": settings, "verbose": verbose,
                   "log_file": log_file, "feeds": feeds, "notify_command": notify_command}
        lines, status = crawl_in_processes(db, names, jobs, lambda group: [
            "--db", str(db), *(a for item in options.items() for a in passed(*item, group))])
    else:
        given = parse_assignments(settings) | watch_settings(feeds, notify_command)
        outcomes = crawl_sites(list(sites), db, mirrors=base_urls, discover=discover,
                               urls=list(urls), spider_args={"full": full, "recheck": recheck},
                               settings=given, wait=wait, log_level=log_level(verbose),
                               log_file=log_file, warn=warn)
        lines = [crawl_summary(outcome) for outcome in outcomes]
        status = int(any(outcome.status != "ok" for outcome in outcomes))
    yield from lines
    yield f"archive: {db} ({time.monotonic() - started:.1f} s)"
    if status:
        raise Failed(code=status)


def demo(db: Path, articles: int, site_names: tuple[str, ...], state: int, wait: bool,
         verbose: int) -> Iterator[str]:
    """`orthocrawl demo`: the replicas served, crawled and stopped, then the report."""
    from orthocrawl.demo import replica_names, run_demo
    from orthocrawl.reports import demo_report

    names = replica_names(site_names)
    run = run_demo(db, names, articles, state, wait, log_level(verbose), lambda url: print(
        f"replicas of {', '.join(names)} ({articles} articles each) on {url}", flush=True))
    with Archive(db, read_only=True) as archive:
        yield from demo_report(run, archive, articles, state, DB_ENV)
    failed = [o for o in run.outcomes if o.status != "ok"]
    if failed:
        raise UserError(f"the demo crawl of {failed[0].site} failed: {failed[0].reason}")


def reparse(db: Path, site: str | None, wait: bool, settings: tuple[str, ...]) -> Iterator[str]:
    from orthocrawl.reparse import reparse_archive

    min_words = setting("ORTHOCRAWL_MIN_WORDS", parse_assignments(settings))
    load_sites()  # site files' page objects, as a crawl uses them
    result = reparse_archive(db, site, min_words, wait)
    yield (f"{result.pages} pages re-parsed: {result.changed} changed (new versions), "
           f"{result.unchanged} unchanged, {len(result.rejected)} no longer articles")
    yield from (Note(f"  {reason}: {url}") for url, reason in result.rejected[:20])


def migrate(db: Path, wait: bool) -> Iterator[str]:
    from orthocrawl.archive import SCHEMA_VERSION
    from orthocrawl.archive.maintenance import migrate

    done = migrate(db, wait)
    if done.backup is None:
        yield f"{db} is at schema version {done.from_version} already: nothing to do"
        return
    yield f"copied {db} (schema version {done.from_version}) to {done.backup}"
    yield f"migrated {db} from schema version {done.from_version} to {SCHEMA_VERSION}"


def merge(sources: tuple[Path, ...], target: Path, wait: bool) -> Iterator[str]:
    from orthocrawl.merge import merge_archives

    for source, merged in merge_archives(list(sources), target, wait):
        yield (f"{source}: {merged.articles_new} new articles, {merged.articles_updated} "
               f"updated, {merged.versions_added} versions, {merged.pages} raw pages, "
               f"{merged.runs} runs, {merged.dropped} dropped URLs"
               + ("" if merged.changed else " (nothing new)"))
    with Archive(target, read_only=True) as archive:
        yield f"{target}: {archive.count()} articles of {len(archive.sites())} sites"


def site_list(listed: bool) -> Iterator[str]:
    """The sites orthocrawl knows (listed: shown, else only checked, before `sites add` or
    `sites check`): a broken site file stops here, with file, line and reason."""
    from orthocrawl.reports import site_lines

    load_sites()
    if listed:
        yield from site_lines(spiders())


def add_site(name: str, url: str, base_url: str | None, force: bool) -> Iterator[str]:
    from orthocrawl.siteprobe import probe, write_site_file

    config = probe(name, url, base_url)
    path = write_site_file(config, force)
    yield (f"wrote {path}: {len(config.sitemaps)} sitemap, {len(config.feeds)} feed, "
           f"{len(config.listings)} listing start points"
           f"{', body ' + config.body if config.body else ', body found generically'}")


def check_site(name: str, base_url: str | None, limit: int, discover: str) -> Iterator[str]:
    from orthocrawl.crawl import sample
    from orthocrawl.reports import article_card, drop_reasons

    spider_for(name)
    rows, outcome = sample(name, base_url, limit, discover)
    yield from (article_card(row) for row in rows)
    yield (f"{len(rows)} articles extracted; dropped: {drop_reasons(outcome.stats) or 'none'}; "
           f"{outcome.stats.get('downloader/request_count', 0)} requests")
    if not rows:
        raise UserError(f"no article extracted from {name}: {outcome.reason}")
