"""Commands that write the archive: crawl, demo, reparse, migrate; and sites (add, check)."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import click

from orthocrawl.archive import Archive
from orthocrawl.cli.common import (
    DB_ENV,
    DB_OPTION,
    DEMO_DB,
    SETTINGS_OPTION,
    WAIT_OPTION,
    echo_lines,
    fail,
    log_level,
    must_exist,
    parse_settings,
    user_errors,
)
from orthocrawl.config import SETTINGS_BY_NAME, from_environment, validate
from orthocrawl.siteconfig import load, render, sites_dir
from orthocrawl.sites import load_sites, spider_for, spiders
from orthocrawl.spiderargs import parse_discover, parse_spider_args

VERBOSE_OPTION = click.option("-v", "--verbose", count=True, help="Scrapy's log on stderr: "
                              "-v for INFO, -vv for DEBUG (default: none).")


@click.command()
@click.argument("sites", nargs=-1)
@DB_OPTION
@click.option("--base-url", "base_urls", multiple=True, metavar="[SITE=]URL",
              help="Crawl a mirror of the site at URL instead (e.g. a running replica). "
                   "SITE= is needed when crawling several sites.")
@click.option("--discover", default=None,
              help="How to find articles: sitemap, feed, listing (comma-separated) or all "
                   "(default: the site's own, sitemap for the built-in publishers).")
@click.option("--url", "urls", multiple=True, help="Fetch this article URL only (repeatable).")
@click.option("--full", is_flag=True, help="Fetch every article again, unconditionally (no "
              "ETag or Last-Modified): after a site's redesign, or to heal the archive.")
@click.option("--recheck", metavar="DAYS|all|dropped", default="",
              help="Re-check known articles the site has not confirmed for DAYS days (default: "
                   "ORTHOCRAWL_RECHECK_DAYS, 30), all of them, or every dropped URL met "
                   "(pages once refused: not an article, too short, no title).")
@WAIT_OPTION
@SETTINGS_OPTION
@VERBOSE_OPTION
@click.option("--log-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write Scrapy's log to FILE (INFO, or DEBUG with -vv), appended.")
@user_errors
def crawl(sites: tuple[str, ...], db: Path, base_urls: tuple[str, ...], discover: str | None,
          urls: tuple[str, ...], full: bool, recheck: str, wait: bool,
          settings: tuple[str, ...], verbose: int, log_file: Path | None) -> None:
    """Crawl SITES (default: every known site) into the archive.

    Incremental: only new and changed articles are fetched (sitemap <lastmod>,
    conditional requests); --full fetches everything. Exits 1 when a site's run
    failed (the site could not be reached, it stopped early, discovery found no
    articles, or its extraction broke: field shares far below its recent runs), so
    that cron and systemd timers can alert. A run that finds only known articles is ok.

    \b
    Examples:
      orthocrawl crawl orthospinenews
      orthocrawl crawl orthospinenews --db /srv/ortho.db --discover all
      orthocrawl crawl orthospinenews --base-url http://127.0.0.1:8123
      ORTHOCRAWL_CONTACT=ops@example.com orthocrawl crawl --log-file crawl.log
    """
    from orthocrawl.crawl import run_crawls
    from orthocrawl.reports import contact_warning, crawl_summary

    load_sites()  # a broken site file stops here, with file, line and reason
    names = list(sites) or list(spiders())
    mirrors = _parse_base_urls(base_urls, [spider_for(name).name for name in names])
    extra = validate(parse_settings(settings))
    spider_args = {"full": full, "recheck": recheck}
    for name in names:  # the same check `scrapy crawl -a` gets, before anything starts
        parse_spider_args(default_discover=spider_for(name).default_discover,
                          discover=discover, urls=list(urls), **spider_args)
    Archive(db).close()  # fails fast, with one line, on a bad archive path
    warning = contact_warning(names, mirrors, extra, from_environment())
    if warning:
        click.echo(f"orthocrawl: warning: {warning}", err=True)
    started = time.monotonic()
    outcomes = run_crawls(names, db, base_urls=mirrors, discover=discover, urls=list(urls),
                          log_level=log_level(verbose), progress=5.0, extra=extra,
                          wait=wait, spider_args=spider_args,
                          log_file=str(log_file) if log_file else None)
    echo_lines(crawl_summary(outcome) for outcome in outcomes)
    click.echo(f"archive: {db} ({time.monotonic() - started:.1f} s)")
    if any(outcome.status != "ok" for outcome in outcomes):
        sys.exit(1)


def _parse_base_urls(values: tuple[str, ...], sites: list[str]) -> dict[str, str]:
    mirrors: dict[str, str] = {}
    for value in values:
        site, sep, url = value.partition("=")
        if not sep or "://" in site:
            if len(sites) != 1:
                raise click.BadParameter("with several sites, write SITE=URL",
                                         param_hint="--base-url")
            site, url = sites[0], value
        if site not in sites:
            raise click.BadParameter(f"{site!r} is not among the sites crawled",
                                     param_hint="--base-url")
        if not url.startswith(("http://", "https://")):
            raise click.BadParameter(f"{url!r} is not an http(s) URL", param_hint="--base-url")
        mirrors[site] = url
    return mirrors


SITE_OPTION = click.option("--site", "site_names", multiple=True, metavar="NAME",
                           help="Only this publisher's replica (repeatable; default: all).")
STATE_OPTION = click.option("--state", type=click.IntRange(1, 2), default=1, show_default=True,
                            help="The replica's state: 2 is some days later (new, edited and "
                                 "deleted articles on OrthoSpineNews).")


@click.command()
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path),
              default=DEMO_DB, show_default=True,
              help="Archive to crawl the replicas into (kept apart from the real archive; "
                   f"${DB_ENV} is not read).")
@click.option("--articles", type=click.IntRange(1, 100_000), default=120, show_default=True,
              help="How many articles each replica has.")
@SITE_OPTION
@STATE_OPTION
@WAIT_OPTION
@VERBOSE_OPTION
@user_errors
def demo(db: Path, articles: int, site_names: tuple[str, ...], state: int, wait: bool,
         verbose: int) -> None:
    """Crawl local replicas of the publishers into an archive, then search it.

    Starts the replicas on 127.0.0.1 (a free port), crawls them through the same
    spiders, page objects and pipelines as a real crawl, stops them, and prints
    what was archived. Nothing leaves this machine.

    With --state 2 it crawls the replicas some days later into an archive a first
    demo made, incrementally, and prints what changed.

    \b
    Examples:
      orthocrawl demo --articles 300 --db /tmp/demo.db
      orthocrawl demo --articles 300 --db /tmp/demo.db --state 2
    """
    from orthocrawl.demo import DemoError, replica_names, run_demo
    from orthocrawl.reports import changes, demo_outcome, next_steps

    try:
        names = replica_names(site_names)
        run = run_demo(db, names, articles, state, wait, log_level(verbose), lambda url: click.echo(
            f"replicas of {', '.join(names)} ({articles} articles each) on {url}"))
    except DemoError as error:
        fail(str(error), 2)
    click.echo(f"crawled in {run.seconds:.1f} s:")
    echo_lines(demo_outcome(outcome) for outcome in run.outcomes)
    if state == 2:
        echo_lines(changes(run.before, run.after, db))
    with Archive(db, read_only=True) as archive:
        click.echo(f"archive {db}: {archive.count()} articles")
        for row in archive.latest(5):
            click.echo(f"  {row['published_at'][:10]}  {row['site']:16} {row['title']}  "
                       f"({', '.join(row['authors'])})")
        query = "fusion OR implant"
        click.echo(f"\nexample search: {query}")
        for hit in archive.search(query, limit=3):
            click.echo(f"  {hit['title']}\n    {hit['url']}\n    {hit['snippet']}")
    failed = [o for o in run.outcomes if o.status != "ok"]
    if failed:
        fail(f"the demo crawl of {failed[0].site} failed: {failed[0].reason}")
    echo_lines(next_steps(db, articles, state, DB_ENV))


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
    from orthocrawl.lock import archive_lock
    from orthocrawl.reparse import reparse

    chosen = validate({**from_environment(), **parse_settings(settings)})
    min_words = chosen.get("ORTHOCRAWL_MIN_WORDS",
                           SETTINGS_BY_NAME["ORTHOCRAWL_MIN_WORDS"].default)
    load_sites()  # site files' page objects, as a crawl uses them
    with Archive(db, create=False) as archive, archive_lock(db, wait):  # a writer
        held = archive.sites()
        if site is not None and site not in held:
            fail(f"no articles of site {site!r} in {db} (sites there: "
                 f"{', '.join(held) or 'none'})", 2)
        result = reparse(archive, site, min_words)
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

    must_exist(db)
    done = migrate(db, wait)
    if done.backup is None:
        click.echo(f"{db} is at schema version {done.from_version} already: nothing to do")
        return
    click.echo(f"copied {db} (schema version {done.from_version}) to {done.backup}")
    click.echo(f"migrated {db} from schema version {done.from_version} to {SCHEMA_VERSION}")


@click.group(invoke_without_command=True)
@click.pass_context
@user_errors
def sites(ctx: click.Context) -> None:
    """List the sites orthocrawl can crawl; add and check sites defined in TOML files.

    Built-in publishers have their own spider and page object; any other site can be
    added as a TOML file in ./sites (or $ORTHOCRAWL_SITES_DIR): see `sites add`.

    \b
    Example:
      orthocrawl sites
    """
    load_sites()  # a broken site file stops here, with file, line and reason
    if ctx.invoked_subcommand is None:
        for name, spider in spiders().items():
            kind = "site file" if spider.__module__.endswith("configured") else "built in"
            click.echo(f"{name:20} {spider.origin:36} {kind}")


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
    from orthocrawl.siteprobe import probe

    config = probe(name, url, base_url)
    path = sites_dir() / f"{name}.toml"
    if path.exists() and not force:
        fail(f"{path} exists (use --force to overwrite)")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(config), encoding="utf-8")
    load(path)  # what was written reads back
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
    from orthocrawl.crawl import run_crawls
    from orthocrawl.reports import article_card, drop_reasons

    spider_for(name)
    parse_discover(discover)
    extra: dict[str, Any] = {"CLOSESPIDER_ITEMCOUNT": limit, "CONCURRENT_REQUESTS": 4}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "check.db"
        outcome = run_crawls([name], db, base_urls={name: base_url} if base_url else None,
                             discover=discover, extra=extra)[0]
        with Archive(db) as archive:
            rows = list(archive.articles())[:limit]
    echo_lines(article_card(row) for row in rows)
    click.echo(f"{len(rows)} articles extracted; dropped: "
               f"{drop_reasons(outcome.stats) or 'none'}; "
               f"{outcome.stats.get('downloader/request_count', 0)} requests")
    if not rows:
        fail(f"no article extracted from {name}: {outcome.reason}")
