"""Commands that write the archive: crawl, demo, reparse, migrate, merge; and sites (add,
check)."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import click

from orthocrawl.archive import Archive
from orthocrawl.cli.common import (
    DB_ENV,
    DB_OPTION,
    DEMO_DB,
    FEEDS_OPTION,
    NOTIFY_OPTION,
    SETTINGS_OPTION,
    WAIT_OPTION,
    echo_lines,
    fail,
    log_level,
    user_errors,
    watch_settings,
)
from orthocrawl.config import parse_assignments as parse_settings
from orthocrawl.config import setting
from orthocrawl.sites import load_sites, spider_for, spiders

VERBOSE_OPTION = click.option("-v", "--verbose", count=True, help="Scrapy's log on stderr: "
                              "-v for INFO, -vv for DEBUG (default: none).")


@click.command()
@click.argument("sites", nargs=-1)
@DB_OPTION
@click.option("--base-url", "base_urls", multiple=True, metavar="[SITE=]URL",
              help="Crawl a mirror of the site (a replica) at URL; SITE= with several sites.")
@click.option("--discover", default=None, help="sitemap, feed, listing (comma-separated) or "
              "all (default: the site's own; sitemap for the built-in publishers).")
@click.option("--url", "urls", multiple=True, help="Fetch this article URL only (repeatable).")
@click.option("--full", is_flag=True, help="Fetch every article again, without validators "
              "(after a site's redesign).")
@click.option("--recheck", metavar="DAYS|all|dropped", default="", help="Re-check known "
              "articles unconfirmed for DAYS days (default 30), all, or every dropped URL met.")
@WAIT_OPTION
@SETTINGS_OPTION
@VERBOSE_OPTION
@click.option("--log-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write Scrapy's log to FILE (INFO, or DEBUG with -vv), appended.")
@click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Crawl the sites in this many processes at once, into one archive.")
@FEEDS_OPTION
@NOTIFY_OPTION
@user_errors
def crawl(sites: tuple[str, ...], db: Path, base_urls: tuple[str, ...], discover: str | None,
          urls: tuple[str, ...], full: bool, recheck: str, wait: bool,
          settings: tuple[str, ...], verbose: int, log_file: Path | None, jobs: int,
          feeds: Path | None, notify_command: str | None) -> None:
    """Crawl SITES (default: every known site) into the archive.

    Incremental (sitemap <lastmod>, conditional requests; --full fetches all). Exits 1
    when a site's run failed (unreachable, stopped early, nothing discovered, broken
    extraction) so that cron and systemd alert; a run of only known articles is ok.
    After each site's run the watchlists run (see `orthocrawl watch`): their new
    matches are printed, fed (--feeds) and notified (--notify-command).

    \b
    Examples:
      orthocrawl crawl orthospinenews
      orthocrawl crawl orthospinenews --db /srv/ortho.db --discover all
      orthocrawl crawl orthospinenews --base-url http://127.0.0.1:8123
      ORTHOCRAWL_CONTACT=ops@example.com orthocrawl crawl --log-file crawl.log
    """
    from orthocrawl.crawl import crawl_in_processes, crawl_sites
    from orthocrawl.reports import crawl_summary

    started = time.monotonic()
    names = list(sites) or list(spiders())
    if jobs > 1 and len(names) > 1 and not urls:
        params = click.get_current_context().params
        lines, status = crawl_in_processes(db, names, jobs, lambda group: [
            "--db", str(db), *(a for item in params.items() for a in _passed(*item, group))])
        echo_lines(lines)
        click.echo(f"archive: {db} ({time.monotonic() - started:.1f} s)")
        sys.exit(status)
    given = parse_settings(settings) | watch_settings(feeds, notify_command)
    outcomes = crawl_sites(list(sites), db, mirrors=base_urls, discover=discover,
                           urls=list(urls), spider_args={"full": full, "recheck": recheck},
                           settings=given, wait=wait,
                           log_level=log_level(verbose), log_file=log_file,
                           warn=lambda line: click.echo(f"orthocrawl: warning: {line}",
                                                        err=True))
    echo_lines(crawl_summary(outcome) for outcome in outcomes)
    click.echo(f"archive: {db} ({time.monotonic() - started:.1f} s)")
    if any(outcome.status != "ok" for outcome in outcomes):
        sys.exit(1)


def _passed(name: str, value: Any, group: list[str]) -> list[str]:
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


@click.command()
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=DEMO_DB,
              show_default=True, help=f"The demo's own archive (${DB_ENV} is not read).")
@click.option("--articles", type=click.IntRange(1, 100_000), default=120, show_default=True,
              help="How many articles each replica has.")
@click.option("--site", "site_names", multiple=True, help="Only this publisher (repeatable).")
@click.option("--state", type=click.IntRange(1, 2), default=1, help="2: some days later.")
@WAIT_OPTION
@VERBOSE_OPTION
@user_errors
def demo(db: Path, articles: int, site_names: tuple[str, ...], state: int, wait: bool,
         verbose: int) -> None:
    """Crawl local replicas of the publishers into an archive, then search it.

    Serves the replicas on 127.0.0.1, crawls them as a real crawl would, stops them and
    shows what was archived; nothing leaves this machine. --state 2 crawls them some
    days later into a first demo's archive and shows what changed.

    \b
    Examples:
      orthocrawl demo --articles 300 --db /tmp/demo.db
      orthocrawl demo --articles 300 --db /tmp/demo.db --state 2
    """
    from orthocrawl.demo import replica_names, run_demo
    from orthocrawl.reports import demo_report

    names = replica_names(site_names)
    run = run_demo(db, names, articles, state, wait, log_level(verbose), lambda url: click.echo(
        f"replicas of {', '.join(names)} ({articles} articles each) on {url}"))
    with Archive(db, read_only=True) as archive:
        echo_lines(demo_report(run, archive, articles, state, DB_ENV))
    failed = [o for o in run.outcomes if o.status != "ok"]
    if failed:
        fail(f"the demo crawl of {failed[0].site} failed: {failed[0].reason}")


@click.command("reparse")
@DB_OPTION
@click.option("--site", help="Only this site's pages.")
@WAIT_OPTION
@click.option("-s", "--set", "settings", multiple=True, metavar="NAME=VALUE",
              help="An ORTHOCRAWL_* setting, as for crawl (ORTHOCRAWL_MIN_WORDS applies).")
@user_errors
def reparse_command(db: Path, site: str | None, wait: bool, settings: tuple[str, ...]) -> None:
    """Extract every stored raw page again with the current page objects (no network).

    Articles whose text comes out different get a new version: a fixed extractor
    heals the archive. Pages that no longer extract as articles are reported and
    left as they are.

    \b
    Example:
      orthocrawl reparse --site orthospinenews
    """
    from orthocrawl.reparse import reparse_archive

    min_words = setting("ORTHOCRAWL_MIN_WORDS", parse_settings(settings))
    load_sites()  # site files' page objects, as a crawl uses them
    result = reparse_archive(db, site, min_words, wait)
    click.echo(f"{result.pages} pages re-parsed: {result.changed} changed (new versions), "
               f"{result.unchanged} unchanged, {len(result.rejected)} no longer articles")
    echo_lines((f"  {reason}: {url}" for url, reason in result.rejected[:20]), err=True)


@click.command("migrate")
@DB_OPTION
@WAIT_OPTION
@user_errors
def migrate_command(db: Path, wait: bool) -> None:
    """Bring an archive made by an older orthocrawl to this version's schema, in place.

    Takes the archive's lock (no crawl writes meanwhile), copies the archive next to it
    first (the copy's name is printed), then migrates. Crawls and reparse migrate on
    their own; the commands that only read never do.

    \b
    Example:
      orthocrawl migrate --db data/orthocrawl.db
    """
    from orthocrawl.archive import SCHEMA_VERSION
    from orthocrawl.archive.maintenance import migrate

    done = migrate(db, wait)
    if done.backup is None:
        click.echo(f"{db} is at schema version {done.from_version} already: nothing to do")
        return
    click.echo(f"copied {db} (schema version {done.from_version}) to {done.backup}")
    click.echo(f"migrated {db} from schema version {done.from_version} to {SCHEMA_VERSION}")


@click.command("merge")
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE.db [SOURCE.db ...]",
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("--into", "target", required=True, metavar="TARGET.db",
              type=click.Path(dir_okay=False, path_type=Path),
              help="The archive to merge into (created when missing).")
@WAIT_OPTION
@user_errors
def merge_command(sources: tuple[Path, ...], target: Path, wait: bool) -> None:
    """Merge archives crawled elsewhere (other machines, other scrapyd servers) into one.

    Articles are united by URL and their versions by text and time (the newest text is the
    article's); raw pages (the newer fetch), run rows and dropped URLs come along; an article
    one archive found gone and another saw alive later is live. Entities are extracted
    again for the articles whose text is new in TARGET. Sources are only read (one consistent
    snapshot each, migrated in a copy when older); a foreign or damaged one is refused and
    nothing is merged. Merging the same source again changes nothing.

    \b
    Example:
      orthocrawl merge /srv/a/orthocrawl.db /srv/b/orthocrawl.db --into data/orthocrawl.db
    """
    from orthocrawl.merge import merge_archives

    for source, merged in merge_archives(list(sources), target, wait):
        click.echo(f"{source}: {merged.articles_new} new articles, {merged.articles_updated} "
                   f"updated, {merged.versions_added} versions, {merged.pages} raw pages, "
                   f"{merged.runs} runs, {merged.dropped} dropped URLs"
                   + ("" if merged.changed else " (nothing new)"))
    with Archive(target, read_only=True) as archive:
        click.echo(f"{target}: {archive.count()} articles of {len(archive.sites())} sites")


@click.group(invoke_without_command=True)
@click.pass_context
@user_errors
def sites(ctx: click.Context) -> None:
    """List the sites orthocrawl can crawl: the built-in publishers, and the sites added as
    TOML files in ./sites (or $ORTHOCRAWL_SITES_DIR; see `sites add`).

    \b
    Example:
      orthocrawl sites
    """
    from orthocrawl.reports import site_lines

    load_sites()  # a broken site file stops here, with file, line and reason
    if ctx.invoked_subcommand is None:
        echo_lines(site_lines(spiders()))


@sites.command("add")
@click.argument("name")
@click.argument("url")
@click.option("--base-url", help="Fetch through this mirror of the site (e.g. a replica).")
@click.option("--force", is_flag=True, help="Overwrite an existing site file.")
@user_errors
def sites_add(name: str, url: str, base_url: str | None, force: bool) -> None:
    """Write a site file for the site at URL after looking for its sitemaps and feeds.

    \b
    Example:
      orthocrawl sites add spinewire https://www.spinewire.example/
      orthocrawl sites check spinewire
    """
    from orthocrawl.siteprobe import probe, write_site_file

    config = probe(name, url, base_url)
    path = write_site_file(config, force)
    click.echo(f"wrote {path}: {len(config.sitemaps)} sitemap, {len(config.feeds)} feed, "
               f"{len(config.listings)} listing start points"
               f"{', body ' + config.body if config.body else ', body found generically'}")


@sites.command("check")
@click.argument("name")
@click.option("--base-url", help="Crawl this mirror of the site instead (e.g. a replica).")
@click.option("--limit", type=click.IntRange(1, 50), default=3, show_default=True,
              help="How many articles to fetch.")
@click.option("--discover", default="all", show_default=True,
              help="sitemap, feed, listing (comma-separated) or all.")
@user_errors
def sites_check(name: str, base_url: str | None, limit: int, discover: str) -> None:
    """Fetch a few articles of a site and show the fields orthocrawl extracts.

    Nothing is written to your archive (a temporary one is used).

    \b
    Example:
      orthocrawl sites check spinewire --limit 5
    """
    from orthocrawl.crawl import sample
    from orthocrawl.reports import article_card, drop_reasons

    spider_for(name)
    rows, outcome = sample(name, base_url, limit, discover)
    echo_lines(article_card(row) for row in rows)
    click.echo(f"{len(rows)} articles extracted; dropped: "
               f"{drop_reasons(outcome.stats) or 'none'}; "
               f"{outcome.stats.get('downloader/request_count', 0)} requests")
    if not rows:
        fail(f"no article extracted from {name}: {outcome.reason}")
