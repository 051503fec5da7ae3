"""The `orthocrawl` command: crawl, demo, sites, replica.

Errors a user can cause end with one line on stderr and exit code 1 (the command
ran but could not finish) or 2 (the command line itself was wrong).
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import click

from orthocrawl.archive import DEFAULT_DB, Archive, ArchiveError
from orthocrawl.siteconfig import SiteConfigError, load, load_all, render, sites_dir
from orthocrawl.siteprobe import ProbeError
from orthocrawl.sites import UnknownSiteError, spiders

F = TypeVar("F", bound=Callable[..., Any])

DB_OPTION = click.option(
    "--db", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_DB,
    show_default=True, help="The SQLite archive file.")


def fail(message: str, code: int = 1) -> None:
    click.echo(f"orthocrawl: error: {message}", err=True)
    sys.exit(code)


def user_errors(func: F) -> F:
    """Turn the errors a user can cause into one line and an exit code, never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ArchiveError as error:
            fail(str(error), 1)
        except (UnknownSiteError, SiteConfigError, ProbeError) as error:
            fail(str(error), 2)
        except KeyboardInterrupt:
            fail("interrupted", 130)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="orthocrawl")
def main() -> None:
    """Crawl the orthopaedic and spine trade press into one SQLite archive.

    \b
    Start here:
      orthocrawl demo                 crawl a local replica into data/demo.db
      orthocrawl crawl orthospinenews crawl the real site into data/orthocrawl.db
    """


@main.command()
@click.argument("sites", nargs=-1)
@DB_OPTION
@click.option("--base-url", "base_urls", multiple=True, metavar="[SITE=]URL",
              help="Crawl a mirror of the site at URL instead (e.g. a running replica). "
                   "SITE= is needed when crawling several sites.")
@click.option("--discover", default="sitemap", show_default=True,
              help="How to find articles: sitemap, feed, listing (comma-separated) or all.")
@click.option("--url", "urls", multiple=True, help="Fetch this article URL only (repeatable).")
@click.option("-v", "--verbose", count=True, help="Scrapy's log: -v for INFO, -vv for DEBUG.")
@user_errors
def crawl(sites: tuple[str, ...], db: Path, base_urls: tuple[str, ...], discover: str,
          urls: tuple[str, ...], verbose: int) -> None:
    """Crawl SITES (default: every known site) into the archive.

    Exits 1 when a site's run failed (stopped early, or returned no articles),
    so that cron and systemd timers can alert.

    \b
    Examples:
      orthocrawl crawl orthospinenews
      orthocrawl crawl orthospinenews --db /srv/ortho.db --discover all
      orthocrawl crawl orthospinenews --base-url http://127.0.0.1:8123
    """
    from orthocrawl.crawl import run_crawls
    from orthocrawl.sites import spider_for

    load_all()  # a broken site file stops here, with file, line and reason
    names = list(sites) or list(spiders())
    for name in names:
        spider_for(name)
    mirrors = _parse_base_urls(base_urls, names)
    _check_discover(discover)
    Archive(db).close()  # fails fast, with one line, on a bad archive path
    started = time.monotonic()
    outcomes = run_crawls(names, db, base_urls=mirrors, discover=discover, urls=list(urls),
                          log_level=_log_level(verbose), progress=5.0)
    failed = False
    for outcome in outcomes:
        figure = outcome.figure
        click.echo(f"{outcome.site}: {outcome.status} ({outcome.reason}); "
                   f"{figure['new']} new, {figure['changed']} changed, "
                   f"{figure['unchanged']} unchanged, "
                   f"{outcome.stats.get('orthocrawl/dropped', 0)} dropped, "
                   f"{outcome.stats.get('downloader/request_count', 0)} requests")
        failed = failed or outcome.status != "ok"
    click.echo(f"archive: {db} ({time.monotonic() - started:.1f} s)")
    if failed:
        sys.exit(1)


def _log_level(verbose: int) -> str:
    return ("WARNING", "INFO", "DEBUG")[min(verbose, 2)]


def _check_discover(discover: str) -> None:
    from orthocrawl.spiders.base import DISCOVERY_MODES

    modes = [m.strip() for m in discover.split(",") if m.strip()]
    if modes != ["all"] and (not modes or any(m not in DISCOVERY_MODES for m in modes)):
        raise click.BadParameter(
            f"{discover!r}: use {', '.join(DISCOVERY_MODES)} (comma-separated) or all",
            param_hint="--discover")


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


def _replica_names(values: tuple[str, ...]) -> list[str]:
    from orthocrawl.replica import available

    names = list(values) or available()
    unknown = [n for n in names if n not in available()]
    if unknown:
        raise click.BadParameter(f"no replica of {unknown[0]!r} (replicas: "
                                 f"{', '.join(available())})", param_hint="--site")
    return names


SITE_OPTION = click.option("--site", "site_names", multiple=True, metavar="NAME",
                           help="Only this publisher's replica (repeatable; default: all).")


@main.command()
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("data") / "demo.db", show_default=True,
              help="Archive to crawl the replicas into (kept apart from the real archive).")
@click.option("--articles", type=click.IntRange(1, 100_000), default=120, show_default=True,
              help="How many articles each replica has.")
@SITE_OPTION
@click.option("-v", "--verbose", count=True, help="Scrapy's log: -v for INFO, -vv for DEBUG.")
@user_errors
def demo(db: Path, articles: int, site_names: tuple[str, ...], verbose: int) -> None:
    """Crawl local replicas of the publishers into an archive, then search it.

    Starts the replicas on 127.0.0.1 (a free port), crawls them through the same
    spiders, page objects and pipelines as a real crawl, stops them, and prints
    what was archived. Nothing leaves this machine.

    \b
    Example:
      orthocrawl demo --articles 300 --db /tmp/demo.db
    """
    from orthocrawl.crawl import run_crawls
    from orthocrawl.replica import ReplicaServer, build_hub

    names = _replica_names(site_names)
    Archive(db).close()
    hub = build_hub(names, articles=articles)
    started = time.monotonic()
    with ReplicaServer(hub) as server:
        click.echo(f"replicas of {', '.join(names)} ({articles} articles each) "
                   f"on {server.base_url}")
        outcomes = run_crawls(names, db, base_urls=dict.fromkeys(names, server.base_url),
                              discover="all", log_level=_log_level(verbose), progress=5.0)
    click.echo(f"crawled in {time.monotonic() - started:.1f} s:")
    for outcome in outcomes:
        figure = outcome.figure
        click.echo(f"  {outcome.site:18} {outcome.stats.get('downloader/request_count', 0):5} "
                   f"requests, {figure['new']} new, {figure['changed']} changed, "
                   f"{figure['unchanged']} unchanged, "
                   f"{outcome.stats.get('orthocrawl/dropped', 0)} dropped "
                   "(duplicates, non-articles)")
    with Archive(db, create=False) as archive:
        click.echo(f"archive {db}: {archive.count()} articles")
        latest = list(archive.db.query(
            "SELECT published_at, site, title, authors FROM articles "
            "ORDER BY published_at DESC LIMIT 5"))
        for row in latest:
            authors = ", ".join(json.loads(row["authors"]))
            click.echo(f"  {row['published_at'][:10]}  {row['site']:16} {row['title']}  "
                       f"({authors})")
        query = "fusion OR implant"
        click.echo(f"\nexample search: {query}")
        for hit in archive.search(query, limit=3):
            snippet = " ".join(hit["snippet"].split())
            click.echo(f"  {hit['title']}\n    {hit['url']}\n    {snippet}")
    failed = [o for o in outcomes if o.status != "ok"]
    if failed:
        fail(f"the demo crawl of {failed[0].site} failed: {failed[0].reason}")


@main.group(invoke_without_command=True)
@click.pass_context
@user_errors
def sites(ctx: click.Context) -> None:
    """List the sites orthocrawl can crawl; add and check sites defined in TOML files.

    Built-in publishers have their own spider and page object; any other site can be
    added as a TOML file in ./sites (or $ORTHOCRAWL_SITES_DIR): see `sites add`.
    """
    load_all()  # a broken site file stops here, with file, line and reason
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
    import tempfile

    from orthocrawl.crawl import run_crawls
    from orthocrawl.sites import spider_for

    spider_for(name)
    _check_discover(discover)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "check.db"
        outcome = run_crawls([name], db, base_urls={name: base_url} if base_url else None,
                             discover=discover,
                             extra={"CLOSESPIDER_ITEMCOUNT": limit, "CONCURRENT_REQUESTS": 4})[0]
        with Archive(db) as archive:
            rows = list(archive.articles())[:limit]
    for row in rows:
        click.echo(f"{row['url']}\n  title:     {row['title']}\n"
                   f"  authors:   {', '.join(row['authors'])}"
                   f"{'  (posted by ' + row['posted_by'] + ')' if row['posted_by'] else ''}\n"
                   f"  published: {row['published_at']}   modified: {row['modified_at']}\n"
                   f"  sections:  {', '.join(row['categories'])}   tags: {', '.join(row['tags'])}\n"
                   f"  words:     {row['word_count']}\n"
                   f"  body:      {' '.join(row['body_text'].split())[:160]}…\n")
    drops = {k.rsplit("/", 1)[1]: v for k, v in outcome.stats.items()
             if k.startswith("orthocrawl/dropped/")}
    click.echo(f"{len(rows)} articles extracted; dropped: {drops or 'none'}; "
               f"{outcome.stats.get('downloader/request_count', 0)} requests")
    if not rows:
        fail(f"no article extracted from {name}: {outcome.reason}")


@main.command("extract")
@click.argument("source")
@click.option("--url", "page_url", help="The page's URL, for a saved file (default: its "
              "canonical link).")
@click.option("--site", help="Extract with this site's page object.")
@click.option("--base-url", help="Fetch a live URL through this mirror (e.g. a replica).")
@user_errors
def extract_command(source: str, page_url: str | None, site: str | None,
                    base_url: str | None) -> None:
    """Print the Article orthocrawl extracts from one page, as JSON.

    SOURCE is a saved HTML file (gzip-compressed or not) or a live http(s) URL. The
    publisher's page object is used when the URL's domain has one (or --site names
    it), the generic fallback otherwise.

    \b
    Examples:
      orthocrawl extract page.html.gz --url https://www.orthospinenews.com/2024/05/02/x/
      orthocrawl extract https://www.spinewire.example/news/some-story/
    """
    from orthocrawl.extract import as_record, declared_url, extract, maybe_gunzip
    from orthocrawl.fetch import FetchError, fetch
    from orthocrawl.sites import spider_for

    headers: dict[str, str] = {}
    if source.startswith(("http://", "https://")):
        mirrors = {d: base_url for d in [urlsplit(source).hostname or ""]} if base_url else {}
        try:
            fetched = fetch(source, mirrors)
        except FetchError as error:
            fail(str(error))
        if fetched.status >= 400:
            fail(f"{source}: HTTP {fetched.status}")
        body, headers, page_url = fetched.body, fetched.headers, page_url or fetched.url
    else:
        path = Path(source)
        try:
            body = maybe_gunzip(path.read_bytes())
        except (OSError, EOFError, gzip.BadGzipFile) as error:
            fail(f"cannot read {source}: {getattr(error, 'strerror', None) or error}")
    if site:
        spider = spider_for(site)
        page_url = page_url or spider.origin + "/"
        if urlsplit(page_url).hostname not in (spider.allowed_domains +
                                               [f"www.{d}" for d in spider.allowed_domains]):
            fail(f"--url {page_url} is not on {site} ({', '.join(spider.allowed_domains)})", 2)
    page_url = page_url or declared_url(body) or Path(source).resolve().as_uri()
    article = extract(body, page_url, headers)
    click.echo(json.dumps(as_record(article), ensure_ascii=False, indent=2))
    if article.page_type != "article":
        click.echo(f"orthocrawl: note: this page is not an article (page_type "
                   f"{article.page_type!r}); a crawl would not archive it", err=True)


@main.group()
def replica() -> None:
    """The local replica of the publishers' sites (for the demo, tests and benchmarks)."""


@replica.command("serve")
@click.option("--articles", type=click.IntRange(1, 100_000), default=120, show_default=True)
@SITE_OPTION
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=0,
              help="Port to listen on (default: a free one).")
def replica_serve(articles: int, site_names: tuple[str, ...], host: str, port: int) -> None:
    """Serve the replicas until interrupted (one server; the Host a crawler asks for,
    sent as X-Forwarded-Host, picks the publisher).

    Pages link to the real sites' URLs; crawl one with
    `orthocrawl crawl SITE --base-url URL`.

    \b
    Example:
      orthocrawl replica serve --articles 500 --port 8123
    """
    from orthocrawl.replica import ReplicaServer, build_hub

    names = _replica_names(site_names)
    hub = build_hub(names, articles=articles)
    try:
        server = ReplicaServer(hub, host=host, port=port)
        server.start()
    except OSError as error:
        fail(f"cannot listen on {host}:{port}: {error.strerror}")
    click.echo(f"replicas of {', '.join(names)} ({articles} articles each) on "
               f"{server.base_url}; Ctrl-C stops it", err=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()


@replica.command("truth")
@click.option("--articles", type=click.IntRange(1, 100_000), default=120, show_default=True)
@SITE_OPTION
def replica_truth(articles: int, site_names: tuple[str, ...]) -> None:
    """Print what the replica knows of every article, one JSON object per line.

    \b
    Example:
      orthocrawl replica truth --articles 500 > truth.jsonl
    """
    from orthocrawl.replica import build_hub

    for record in build_hub(_replica_names(site_names), articles=articles).truth():
        click.echo(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()
