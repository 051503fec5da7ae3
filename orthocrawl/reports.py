"""What the commands print, as text: a crawl's summary line, the demo's report, a run table,
statistics, search hits, an article's history. Pure functions over plain values (the CLI
only echoes their lines), so each can be tested and reused."""

from __future__ import annotations

import difflib
import json
import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from orthocrawl.crawl import RunOutcome
from orthocrawl.urls import is_loopback

CHANGES_SHOWN = 5  # URLs listed per kind of change; the rest are counted


def contact_warning(names: list[str], mirrors: dict[str, str], settings: dict[str, Any],
                    environ: dict[str, str]) -> str | None:
    """A crawl of a real site (not a mirror on this machine) with no ORTHOCRAWL_CONTACT
    gets one line of warning (never a prompt: runs are unattended)."""
    if settings.get("ORTHOCRAWL_CONTACT") or environ.get("ORTHOCRAWL_CONTACT"):
        return None
    if all(name in mirrors and is_loopback(mirrors[name]) for name in names):
        return None
    return ("no ORTHOCRAWL_CONTACT: the User-Agent gives site owners no way to reach you "
            "(set it to a URL or an e-mail address)")


def drop_reasons(stats: dict[str, Any]) -> dict[str, int]:
    return {k.rsplit("/", 1)[1]: v for k, v in stats.items()
            if k.startswith("orthocrawl/dropped/")}


def crawl_summary(outcome: RunOutcome) -> str:
    """One line per site: the outcome and the run's figures."""
    figure, stats = outcome.figure, outcome.stats
    drops = drop_reasons(stats)
    why = f" ({', '.join(f'{k}: {v}' for k, v in sorted(drops.items()))})" if drops else ""
    errors = sum(v for k, v in stats.items() if k.startswith("orthocrawl/failed/"))
    line = (f"{outcome.site}: {outcome.status} ({outcome.reason}); {figure['new']} new, "
            f"{figure['changed']} changed, {figure['unchanged']} unchanged, "
            f"{figure['gone']} gone, {stats.get('orthocrawl/dropped', 0)} dropped{why}, "
            f"{stats.get('downloader/request_count', 0)} requests, {errors} failed")
    delay = stats.get("orthocrawl/crawl_delay")
    if delay:
        line += f"; robots.txt Crawl-delay: {delay:g} s between requests"
        if stats.get("orthocrawl/crawl_delay/capped"):
            line += f" (asked {stats['orthocrawl/crawl_delay/capped']:g} s, capped)"
    return "\n".join([line, *watch_lines(stats)])


def watch_lines(stats: dict[str, Any]) -> list[str]:
    """The run's watchlist lines: each watch's new matches (WatchRunner's stats)."""
    from orthocrawl.watchlists import summary_lines

    lines = list(summary_lines(stats.get("orthocrawl/watches") or []))
    if stats.get("orthocrawl/watches_error"):
        lines.append(f"  watchlists not run: {stats['orthocrawl/watches_error']}")
    return lines


def demo_outcome(outcome: RunOutcome) -> str:
    figure = outcome.figure
    return (f"  {outcome.site:18} {outcome.stats.get('downloader/request_count', 0):5} "
            f"requests, {figure['new']} new, {figure['changed']} changed, "
            f"{figure['unchanged']} unchanged, {outcome.stats.get('orthocrawl/dropped', 0)} "
            "dropped (duplicates, non-articles)")


def demo_report(run: Any, archive: Any, articles: int, state: int,
                db_env: str) -> Iterator[str]:
    """What `orthocrawl demo` prints after its crawl (the next steps only when it went
    well: a failed demo ends with its error instead)."""
    yield f"crawled in {run.seconds:.1f} s:"
    yield from (demo_outcome(outcome) for outcome in run.outcomes)
    if state == 2:
        yield from changes(run.before, run.after, archive.path)
    yield from glance(archive)
    if all(outcome.status == "ok" for outcome in run.outcomes):
        yield from next_steps(archive.path, articles, state, db_env)


def glance(archive: Any, query: str = "fusion OR implant") -> Iterator[str]:
    """An archive at a glance: its size, the newest articles, an example search."""
    yield f"archive {archive.path}: {archive.count()} articles"
    for row in archive.latest(5):
        yield (f"  {row['published_at'][:10]}  {row['site']:16} {row['title']}  "
               f"({', '.join(row['authors'])})")
    yield f"\nexample search: {query}"
    for hit in archive.search(query, limit=3):
        yield f"  {hit['title']}\n    {hit['url']}\n    {hit['snippet']}"


def changes(before: dict[str, tuple[int, str]], after: dict[str, tuple[int, str]],
            db: Path) -> Iterator[str]:
    """What a later run changed: new, edited and gone articles (a few of each listed)."""
    new = [u for u in after if u not in before]
    changed = [u for u, (v, _) in after.items() if u in before and v > before[u][0]]
    gone = [u for u, (_, s) in after.items() if s == "gone" and before.get(u, (0, ""))[1] != s]
    yield (f"what changed: {len(new)} new, {len(changed)} edited (new versions), "
           f"{len(gone)} gone from the site")
    for label, urls in (("new", new), ("edited", changed), ("gone", gone)):
        shown = urls if len(urls) <= CHANGES_SHOWN + 1 else urls[:CHANGES_SHOWN]
        for url in shown:
            yield f"  {label:7} {url}"
        if len(urls) > len(shown):
            yield f"  {label:7} ... and {len(urls) - len(shown)} more"
    if changed:
        yield f"see an edit: orthocrawl history {changed[0]} --db {shlex.quote(str(db))}"


def next_steps(db: Path, articles: int, state: int, db_env: str) -> Iterator[str]:
    """The commands to try after a demo, on the archive it wrote."""
    arg = shlex.quote(str(db))
    steps = [
        (f"orthocrawl search 'spinal fusion' --db {arg}", "ranked search with snippets"),
        (f"orthocrawl stats --by month --db {arg}", "articles per month"),
        (f"orthocrawl export --db {arg} -o demo.csv", "every article as CSV"),
        (f"orthocrawl serve --db {arg}", "browse it in Datasette"),
    ]
    if state == 1:
        steps.append((f"orthocrawl demo --db {arg} --articles {articles} --state 2",
                      "the sites some days later"))
    steps.append((f"export {db_env}={arg}", "then every command reads it without --db"))
    width = max(len(command) for command, _ in steps)
    yield "\nnext:"
    for command, what in steps:
        yield f"  {command:<{width}}  # {what}"


def site_lines(spiders: dict[str, Any]) -> Iterator[str]:
    """The sites orthocrawl knows: name, origin, built in or from a site file."""
    for name, spider in spiders.items():
        kind = "site file" if spider.__module__.endswith("configured") else "built in"
        yield f"{name:20} {spider.origin:36} {kind}"


def hits_as(hits: list[dict[str, Any]], fmt: str) -> str:
    """Search hits as JSON (an array) or CSV (the table format is the CLI's)."""
    if fmt == "json":
        return json.dumps(hits, ensure_ascii=False, indent=1)
    import io

    from orthocrawl.export import write_csv

    out = io.StringIO()
    story = ["story_id", "story_articles", "story_sites"] if hits and "story_id" in hits[0] \
        else []
    write_csv(hits, ["site", "published_at", "title", "authors", "url", "snippet", "status",
                     "gone_since", *story], out)
    return out.getvalue()


def article_card(row: dict[str, Any]) -> str:
    """An archived article's fields, as `sites check` shows them."""
    posted = f"  (posted by {row['posted_by']})" if row["posted_by"] else ""
    return (f"{row['url']}\n  title:     {row['title']}\n"
            f"  authors:   {', '.join(row['authors'])}{posted}\n"
            f"  published: {row['published_at']}   modified: {row['modified_at']}\n"
            f"  sections:  {', '.join(row['categories'])}   tags: {', '.join(row['tags'])}\n"
            f"  words:     {row['word_count']}\n"
            f"  body:      {' '.join(row['body_text'].split())[:160]}…\n")


def runs_table(runs: list[dict[str, Any]]) -> Iterator[str]:
    yield (f"{'id':>4}  {'started':20}  {'sites':24} {'status':7} {'reqs':>6} {'new':>5} "
           f"{'chg':>5} {'same':>5} {'drop':>5} {'gone':>5} {'errs':>5}  reason")
    for run in runs:
        sites = ", ".join(json.loads(run["sites"] or "[]"))
        # http_errors: responses >= 400 by status and transport errors by type
        errors = sum(json.loads(run["http_errors"] or "{}").values())
        yield (f"{run['id']:>4}  {run['started_at']:20}  {sites[:24]:24} "
               f"{run['status'] or '':7} {run['requests'] or 0:>6} "
               f"{run['articles_new'] or 0:>5} {run['articles_changed'] or 0:>5} "
               f"{run['articles_unchanged'] or 0:>5} {run['articles_dropped'] or 0:>5} "
               f"{run['articles_gone'] or 0:>5} {errors:>5}  {run['finish_reason'] or ''}")


def stats_table(counts: list[tuple[str, int, int]], by: str, gone_column: bool) -> Iterator[str]:
    width = max([len(by), *(len(str(k)) for k, _, _ in counts)])
    yield f"{by:<{width}}  articles" + ("      gone" if gone_column else "")
    for key, count, gone in counts:
        yield f"{key:<{width}}  {count:8,}" + (f"  {gone:8,}" if gone_column else "")


def hit_parts(hit: dict[str, Any]) -> tuple[str, str, str, str, str]:
    """A search hit as (date and site, title, authors, gone mark, URL and snippet): the
    CLI styles the title and the mark."""
    gone = f"  [gone since {hit['gone_since'][:10]}]" if hit["status"] == "gone" else ""
    copies = hit.get("story_articles") or 1
    story = (f"\n  story {hit['story_id']}: {copies} copies on {hit['story_sites']} sites"
             if copies > 1 else "")
    return (f"{(hit['published_at'] or '')[:10]}  {hit['site']}  ", hit["title"] or "",
            f"  ({', '.join(hit['authors'])})", gone,
            f"\n  {hit['url']}{story}\n  {hit['snippet']}\n")


def history(article: dict[str, Any], key: str,
            versions: list[dict[str, Any]], context: int) -> Iterator[tuple[str, str]]:
    """Every version of an article with a diff of its text: (kind, line) where kind is
    "head", "+", "-", "@" or "" (for the CLI's colours)."""
    state = "gone since " + article["gone_since"] if article["status"] == "gone" else "live"
    yield "", f"{article['title']}\n{key}\n{len(versions)} version(s); {state}\n"
    previous: dict[str, Any] | None = None
    for version in versions:
        yield "head", (f"version {version['version']}  fetched {version['fetched_at']}"
                       f"  modified {version['modified_at'] or '-'}  via {version['via']}  "
                       f"{version['content_hash'][:12]}")
        if previous is not None:
            old = [f"# {previous['title']}", *previous["body_text"].split("\n\n")]
            new = [f"# {version['title']}", *version["body_text"].split("\n\n")]
            for line in difflib.unified_diff(old, new, f"version {previous['version']}",
                                             f"version {version['version']}", n=context,
                                             lineterm=""):
                yield (line[:1] if line[:1] in "+-@" else ""), line
        yield "", ""
        previous = version
