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
from orthocrawl.config import SettingError
from orthocrawl.lock import ArchiveBusyError
from orthocrawl.siteconfig import SiteConfigError, load, render, sites_dir
from orthocrawl.siteprobe import ProbeError
from orthocrawl.sites import UnknownSiteError, load_sites, spiders
from orthocrawl.spiderargs import SpiderArgError, parse_spider_args

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
        except (UnknownSiteError, SiteConfigError, ProbeError, SettingError,
                SpiderArgError) as error:
            fail(str(error), 2)
        except ArchiveBusyError as error:
            fail(str(error), 1)
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
@click.option("--discover", default=None,
              help="How to find articles: sitemap, feed, listing (comma-separated) or all "
                   "(default: the site's own, sitemap for the built-in publishers).")
@click.option("--url", "urls", multiple=True, help="Fetch this article URL only (repeatable).")
@click.option("--full", is_flag=True, help="Fetch every article again, unconditionally (no ETag or "
              "Last-Modified): after a site's redesign, or to heal the archive.")
@click.option("--recheck", metavar="DAYS|all|dropped", default="",
              help="Re-check known articles the site has not confirmed for DAYS days (default: "
                   "ORTHOCRAWL_RECHECK_DAYS, 30), all of them, or every dropped URL met "
                   "(pages once refused: not an article, too short, no title).")
@click.option("--wait", is_flag=True, help="If another crawl is writing the archive, wait "
              "for it instead of exiting.")
@click.option("-s", "--set", "settings", multiple=True, metavar="NAME=VALUE",
              help="Override a Scrapy or ORTHOCRAWL_* setting (repeatable).")
@click.option("-v", "--verbose", count=True, help="Scrapy's log on stderr: -v for INFO, -vv "
              "for DEBUG (default: none, only progress and the summary).")
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
    from orthocrawl.config import from_environment, validate
    from orthocrawl.crawl import run_crawls
    from orthocrawl.sites import spider_for

    load_sites()  # a broken site file stops here, with file, line and reason
    names = list(sites) or list(spiders())
    for name in names:
        spider_for(name)
    mirrors = _parse_base_urls(base_urls, names)
    extra = validate(_parse_settings(settings))
    spider_args = {"full": full, "recheck": recheck}
    for name in names:  # the same check `scrapy crawl -a` gets, before anything starts
        parse_spider_args(default_discover=spider_for(name).default_discover,
                          discover=discover, urls=list(urls), **spider_args)
    Archive(db).close()  # fails fast, with one line, on a bad archive path
    warning = _contact_warning(names, mirrors, extra, from_environment())
    if warning:
        click.echo(f"orthocrawl: warning: {warning}", err=True)
    started = time.monotonic()
    outcomes = run_crawls(names, db, base_urls=mirrors, discover=discover, urls=list(urls),
                          log_level=_log_level(verbose), progress=5.0, extra=extra,
                          wait=wait, spider_args=spider_args,
                          log_file=str(log_file) if log_file else None)
    for outcome in outcomes:
        click.echo(_summary(outcome))
    click.echo(f"archive: {db} ({time.monotonic() - started:.1f} s)")
    if any(outcome.status != "ok" for outcome in outcomes):
        sys.exit(1)


def _contact_warning(names: list[str], mirrors: dict[str, str], settings: dict[str, Any],
                     environ: dict[str, str]) -> str | None:
    """A crawl of a real site (not a mirror on this machine) with no ORTHOCRAWL_CONTACT
    gets one line of warning (never a prompt: runs are unattended)."""
    from orthocrawl.urls import is_loopback

    if settings.get("ORTHOCRAWL_CONTACT") or environ.get("ORTHOCRAWL_CONTACT"):
        return None
    if all(name in mirrors and is_loopback(mirrors[name]) for name in names):
        return None
    return ("no ORTHOCRAWL_CONTACT: the User-Agent gives site owners no way to reach you "
            "(set it to a URL or an e-mail address)")


def _summary(outcome: Any) -> str:
    """One line per site: the outcome and the run's figures."""
    figure, stats = outcome.figure, outcome.stats
    drops = {k.rsplit("/", 1)[1]: v for k, v in stats.items()
             if k.startswith("orthocrawl/dropped/")}
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
    return line


def _parse_settings(values: tuple[str, ...]) -> dict[str, str]:
    parsed = {}
    for value in values:
        name, sep, setting = value.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{value!r}: write NAME=VALUE", param_hint="--set")
        parsed[name.strip()] = setting
    return parsed


def _log_level(verbose: int) -> str:
    return ("", "INFO", "DEBUG")[min(verbose, 2)]


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


def _versions_and_gone(db: Path) -> dict[str, tuple[int, str]]:
    if not db.exists():
        return {}
    with Archive(db) as archive:
        return {url: (version, status) for url, version, status in archive.db.execute(
            "SELECT url, version, status FROM articles")}


def _print_changes(db: Path, before: dict[str, tuple[int, str]]) -> None:
    after = _versions_and_gone(db)
    new = [u for u in after if u not in before]
    changed = [u for u, (v, _) in after.items() if u in before and v > before[u][0]]
    gone = [u for u, (_, s) in after.items() if s == "gone" and before.get(u, (0, ""))[1] != s]
    click.echo(f"what changed: {len(new)} new, {len(changed)} edited (new versions), "
               f"{len(gone)} gone from the site")
    for label, urls in (("new", new), ("edited", changed), ("gone", gone)):
        for url in urls[:3]:
            click.echo(f"  {label:7} {url}")
    if changed:
        click.echo(f"see an edit: orthocrawl history {changed[0]} --db {db}")


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
STATE_OPTION = click.option("--state", type=click.IntRange(1, 2), default=1, show_default=True,
                            help="The replica's state: 2 is some days later (new, edited and "
                                 "deleted articles on OrthoSpineNews).")


@main.command()
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("data") / "demo.db", show_default=True,
              help="Archive to crawl the replicas into (kept apart from the real archive).")
@click.option("--articles", type=click.IntRange(1, 100_000), default=120, show_default=True,
              help="How many articles each replica has.")
@SITE_OPTION
@STATE_OPTION
@click.option("-v", "--verbose", count=True, help="Scrapy's log: -v for INFO, -vv for DEBUG.")
@user_errors
def demo(db: Path, articles: int, site_names: tuple[str, ...], state: int,
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
    from orthocrawl.crawl import run_crawls
    from orthocrawl.replica import ReplicaServer, build_hub

    names = _replica_names(site_names)
    if state == 2 and not db.exists():
        fail(f"--state 2 crawls a later state into an archive a first demo made: run "
             f"`orthocrawl demo --db {db} --articles {articles}` first", 2)
    Archive(db).close()
    before = _versions_and_gone(db)
    hub = build_hub(names, articles=articles, state=state)
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
    if state == 2:
        _print_changes(db, before)
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
    import tempfile

    from orthocrawl.crawl import run_crawls
    from orthocrawl.sites import spider_for
    from orthocrawl.spiderargs import parse_discover

    spider_for(name)
    parse_discover(discover)
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


def filter_options(func: F) -> F:
    """--site/--author/--tag/--category (repeatable) and --since/--until."""
    options = [
        click.option("--site", "f_site", multiple=True, help="Only this site (repeatable)."),
        click.option("--author", "f_author", multiple=True,
                     help="Only articles by this author (repeatable: all must match)."),
        click.option("--tag", "f_tag", multiple=True, help="Only articles with this tag."),
        click.option("--category", "f_category", multiple=True,
                     help="Only articles in this category."),
        click.option("--since", help="Published on or after this date (2024-01-31)."),
        click.option("--until", help="Published on or before this date."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _filters(kwargs: dict[str, Any]) -> Any:
    from orthocrawl.query import Filters

    return Filters(site=list(kwargs.pop("f_site")), author=list(kwargs.pop("f_author")),
                   tag=list(kwargs.pop("f_tag")), category=list(kwargs.pop("f_category")),
                   since=kwargs.pop("since"), until=kwargs.pop("until"))


def _open(db: Path) -> Archive:
    return Archive(db, create=False)


def _query_errors(func: F) -> F:
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from orthocrawl.query import QueryError

        try:
            return func(*args, **kwargs)
        except QueryError as error:
            fail(str(error), 2)

    return wrapper  # type: ignore[return-value]


@main.command("search")
@click.argument("query")
@DB_OPTION
@filter_options
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
@user_errors
@_query_errors
def search_command(query: str, db: Path, limit: int, fmt: str, **kwargs: Any) -> None:
    """Full-text search of the archive, best matches first (bm25; title counts most).

    QUERY uses FTS5 syntax: words (all must match), "exact phrases", prefix*,
    OR, NOT, parentheses, NEAR(a b, 5), title:word. Words with punctuation
    (Perez-Cruet, O'Brien, L4-L5) are searched as written.

    \b
    Examples:
      orthocrawl search "outpatient spine" --since 2024-01-01
      orthocrawl search 'robot* NOT knee' --site orthospinenews --format csv
    """
    from orthocrawl.query import search

    filters = _filters(kwargs)
    with _open(db) as archive:
        hits = search(archive.db.conn, query, filters, limit)
    for hit in hits:
        hit["authors"] = json.loads(hit["authors"])
        hit["snippet"] = " ".join((hit["snippet"] or "").split())
    if fmt == "json":
        click.echo(json.dumps(hits, ensure_ascii=False, indent=1))
    elif fmt == "csv":
        from orthocrawl.export import write_csv

        columns = ["site", "published_at", "title", "authors", "url", "snippet"]
        write_csv(hits, columns, click.get_text_stream("stdout"))
    else:
        for hit in hits:
            click.echo(f"{(hit['published_at'] or '')[:10]}  {hit['site']}  "
                       f"{click.style(hit['title'] or '', bold=True)}  "
                       f"({', '.join(hit['authors'])})\n  {hit['url']}\n  {hit['snippet']}\n")
        click.echo(f"{len(hits)} result{'s' if len(hits) != 1 else ''}", err=True)


@main.command("export")
@DB_OPTION
@filter_options
@click.option("--query", "text", help="Only articles matching this full-text search.")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv",
              show_default=True)
@click.option("--columns", help="Comma-separated columns (default: all, in the documented "
              "order).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default: standard output).")
@click.option("--excel", is_flag=True, help="CSV for Excel: UTF-8 with a byte-order mark.")
@click.option("--raw", is_flag=True, help="Do not neutralise cells that start with = + - @.")
@user_errors
@_query_errors
def export_command(db: Path, text: str | None, fmt: str, columns: str | None,
                   output: Path | None, excel: bool, raw: bool, **kwargs: Any) -> None:
    """Export articles, one row each, as CSV (RFC 4180) or JSON Lines.

    Columns, in this order: url, site, title, authors, posted_by, published_at,
    modified_at, categories, tags, description, lead_image, language, word_count,
    source, body_text, content_hash, first_seen, last_seen, last_changed. Authors,
    categories and tags are joined with "; " in CSV (lists in JSON Lines).

    \b
    Examples:
      orthocrawl export --site orthospinenews --since 2025-01-01 --excel -o spine.csv
      orthocrawl export --query "FDA 510(k)" --columns url,title,published_at
    """
    from orthocrawl.export import EXPORT_COLUMNS
    from orthocrawl.query import iter_articles

    chosen = [c.strip() for c in columns.split(",")] if columns else list(EXPORT_COLUMNS)
    unknown = [c for c in chosen if c not in EXPORT_COLUMNS]
    if unknown:
        raise click.BadParameter(f"unknown column {unknown[0]!r} (columns: "
                                 f"{', '.join(EXPORT_COLUMNS)})", param_hint="--columns")
    filters = _filters(kwargs)
    with _open(db) as archive:
        archive.for_streaming()
        rows = iter_articles(archive.db.conn, chosen, filters, text)
        encoding = "utf-8-sig" if excel else "utf-8"
        if output is None:
            out = click.get_text_stream("stdout", encoding=encoding)
            count = _write(fmt, rows, chosen, out, raw)
        else:
            try:
                with output.open("w", encoding=encoding, newline="") as out:
                    count = _write(fmt, rows, chosen, out, raw)
            except OSError as error:
                fail(f"cannot write {output}: {error.strerror}")
    click.echo(f"{count} articles exported{f' to {output}' if output else ''}", err=True)


def _write(fmt: str, rows: Any, columns: list[str], out: Any, raw: bool) -> int:
    from orthocrawl.export import write_csv, write_jsonl

    return write_csv(rows, columns, out, raw) if fmt == "csv" else write_jsonl(rows, columns, out)


@main.command("stats")
@DB_OPTION
@filter_options
@click.option("--by", type=click.Choice(["site", "month", "author", "tag", "category"]),
              default="site", show_default=True)
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True,
              help="Rows to show at most.")
@click.option("--chart", type=click.Path(dir_okay=False, path_type=Path),
              help="Also draw articles per month per site to this .png or .svg file.")
@user_errors
@_query_errors
def stats_command(db: Path, by: str, limit: int, chart: Path | None, **kwargs: Any) -> None:
    """Count articles by site, month, author, tag or category.

    \b
    Examples:
      orthocrawl stats --by month --site orthospinenews --since 2024-01-01
      orthocrawl stats --by author --limit 20 --chart per-month.png
    """
    from orthocrawl.query import per_month_per_site, stats

    if chart is not None and chart.suffix.lower() not in (".png", ".svg"):
        raise click.BadParameter("the chart file must end in .png or .svg",
                                 param_hint="--chart")
    filters = _filters(kwargs)
    with _open(db) as archive:
        counts = stats(archive.db.conn, by, filters)
        monthly = per_month_per_site(archive.db.conn, filters) if chart else []
    width = max([len(by), *(len(str(k)) for k, _ in counts[:limit])])
    click.echo(f"{by:<{width}}  articles")
    for key, count in counts[:limit]:
        click.echo(f"{key:<{width}}  {count:8,}")
    if len(counts) > limit:
        click.echo(f"... {len(counts) - limit} more (--limit)", err=True)
    if chart is not None:
        from orthocrawl.chart import draw

        try:
            draw(monthly, chart, "Articles per month by site")
        except ValueError as error:
            fail(str(error))
        except OSError as error:
            fail(f"cannot write {chart}: {error.strerror}")
        click.echo(f"chart: {chart}", err=True)


@main.command("runs")
@DB_OPTION
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True)
@user_errors
def runs_command(db: Path, limit: int) -> None:
    """List recent crawl runs with their counts and outcome.

    \b
    Example:
      orthocrawl runs --limit 5
    """
    with _open(db) as archive:
        runs = archive.runs(limit)
    click.echo(f"{'id':>4}  {'started':20}  {'sites':24} {'status':7} {'reqs':>6} {'new':>5} "
               f"{'chg':>5} {'same':>5} {'drop':>5}  reason")
    for run in runs:
        sites = ", ".join(json.loads(run["sites"] or "[]"))
        click.echo(f"{run['id']:>4}  {run['started_at']:20}  {sites[:24]:24} "
                   f"{run['status'] or '':7} {run['requests'] or 0:>6} "
                   f"{run['articles_new'] or 0:>5} {run['articles_changed'] or 0:>5} "
                   f"{run['articles_unchanged'] or 0:>5} {run['articles_dropped'] or 0:>5}  "
                   f"{run['finish_reason'] or ''}")


@main.command("serve")
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
@user_errors
def serve_command(db: Path, host: str, port: int) -> None:
    """Browse and search the archive in Datasette (facets, canned queries, CSV download).

    \b
    Example:
      orthocrawl serve --db data/orthocrawl.db --port 8001
    """
    import tempfile

    from orthocrawl.browse import serve

    _open(db).close()  # a missing or broken archive: one line, not a server error page
    with tempfile.TemporaryDirectory() as tmp:
        sys.exit(serve(db, host, port, Path(tmp) / "metadata.json"))


@main.command("history")
@click.argument("url")
@DB_OPTION
@click.option("--context", type=click.IntRange(0, 20), default=1, show_default=True,
              help="Unchanged paragraphs shown around each change.")
@user_errors
def history_command(url: str, db: Path, context: int) -> None:
    """Print every version of an article with a readable diff of its text.

    \b
    Example:
      orthocrawl history https://www.orthospinenews.com/2024/05/02/some-story/
    """
    import difflib

    from orthocrawl.urls import canonical_url

    with _open(db) as archive:
        key = canonical_url(url)
        article = archive.article(key)
        if article is None:
            fail(f"{url} is not in {db}")
        versions = archive.versions(key)
    state = "gone since " + article["gone_since"] if article["status"] == "gone" else "live"
    click.echo(f"{article['title']}\n{key}\n{len(versions)} version(s); {state}\n")
    previous: dict[str, Any] | None = None
    for version in versions:
        click.echo(click.style(f"version {version['version']}  fetched {version['fetched_at']}"
                               f"  modified {version['modified_at'] or '-'}  via "
                               f"{version['via']}  {version['content_hash'][:12]}", bold=True))
        if previous is not None:
            old = [f"# {previous['title']}", *previous["body_text"].split("\n\n")]
            new = [f"# {version['title']}", *version["body_text"].split("\n\n")]
            for line in difflib.unified_diff(old, new, f"version {previous['version']}",
                                             f"version {version['version']}", n=context,
                                             lineterm=""):
                color = {"+": "green", "-": "red", "@": "cyan"}.get(line[:1])
                click.echo(click.style(line, fg=color) if color else line)
        click.echo()
        previous = version


@main.command("reparse")
@DB_OPTION
@click.option("--site", help="Only this site's pages.")
@click.option("--wait", is_flag=True, help="If a crawl is writing the archive, wait for it "
              "instead of exiting.")
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
    from orthocrawl.config import SETTINGS_BY_NAME, from_environment, validate
    from orthocrawl.lock import archive_lock
    from orthocrawl.reparse import reparse

    chosen = validate({**from_environment(), **_parse_settings(settings)})
    min_words = chosen.get("ORTHOCRAWL_MIN_WORDS",
                           SETTINGS_BY_NAME["ORTHOCRAWL_MIN_WORDS"].default)
    load_sites()  # site files' page objects, as a crawl uses them
    with _open(db) as archive, archive_lock(db, wait):  # a writer, like a crawl
        held = archive.sites()
        if site is not None and site not in held:
            fail(f"no articles of site {site!r} in {db} (sites there: "
                 f"{', '.join(held) or 'none'})", 2)
        result = reparse(archive, site, min_words)
    click.echo(f"{result.pages} pages re-parsed: {result.changed} changed (new versions), "
               f"{result.unchanged} unchanged, {len(result.rejected)} no longer articles")
    for url, reason in result.rejected[:20]:
        click.echo(f"  {reason}: {url}", err=True)


@main.command("export-warc")
@DB_OPTION
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The .warc.gz file to write.")
@click.option("--site", help="Only this site's pages.")
@user_errors
def export_warc_command(db: Path, output: Path, site: str | None) -> None:
    """Write the stored raw responses as WARC 1.1 records (readable by warcio and other
    web-archive tools).

    \b
    Example:
      orthocrawl export-warc -o orthocrawl.warc.gz
    """
    from orthocrawl.warc import write_warc

    with _open(db) as archive:
        archive.for_streaming()
        try:
            count = write_warc(archive, output, site)
        except OSError as error:
            fail(f"cannot write {output}: {error.strerror}")
    click.echo(f"{count} response records written to {output}")


@main.group()
def replica() -> None:
    """The local replica of the publishers' sites (for the demo, tests and benchmarks)."""


def _fault_modes(ctx: click.Context, param: click.Parameter, value: str | None) -> list[str]:
    from orthocrawl.replica.faults import KNOWN, MODES

    modes = [m.strip() for m in (value or "").split(",") if m.strip()]
    if modes == ["all"]:
        return list(MODES)
    unknown = [m for m in modes if m not in KNOWN]
    if unknown:
        raise click.BadParameter(f"no fault mode {unknown[0]!r} (modes: {', '.join(KNOWN)}, "
                                 "or all)")
    return modes


SEED_OPTION = click.option("--seed", type=int, default=7, show_default=True,
                           help="Another seed builds other articles (same seed, same site).")


@replica.command("serve")
@click.option("--articles", type=click.IntRange(1, 100_000), default=120, show_default=True)
@SITE_OPTION
@STATE_OPTION
@SEED_OPTION
@click.option("--faults", callback=_fault_modes, metavar="MODE,...",
              help="Fault modes every replica serves (see orthocrawl/replica/faults.py): "
                   "'all' for every mode that runs alongside the others, or modes by name, "
                   "such as sitemap_5xx or crawl_delay.")
@click.option("--crawl-delay", type=click.FloatRange(min=0, min_open=True), default=None,
              metavar="SECONDS", help="The Crawl-delay of fault mode crawl_delay (default 2).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=0,
              help="Port to listen on (default: a free one).")
@click.option("--no-warm", "warm", flag_value=False, default=True,
              help="Render pages on first request instead of before listening.")
def replica_serve(articles: int, site_names: tuple[str, ...], state: int, seed: int,
                  faults: list[str], crawl_delay: float | None, host: str, port: int,
                  warm: bool) -> None:
    """Serve the replicas until interrupted (one server; the Host a crawler asks for,
    sent as X-Forwarded-Host, picks the publisher). Prints `listening on URL` first.

    Pages link to the real sites' URLs; crawl one with
    `orthocrawl crawl SITE --base-url URL`.

    \b
    Examples:
      orthocrawl replica serve --articles 500 --port 8123
      orthocrawl replica serve --site ryortho --faults sitemap_5xx,crawl_delay
    """
    import gc

    from orthocrawl.replica import ReplicaServer, build_hub

    names = _replica_names(site_names)
    try:
        hub = build_hub(names, articles=articles, seed=seed, state=state, faults=faults,
                        crawl_delay=crawl_delay)
    except ValueError as error:  # e.g. too few articles for the fault modes
        fail(str(error), 2)
    if warm:
        hub.warm()
    gc.freeze()  # the built site lives as long as the process: keep it out of GC passes
    try:
        server = ReplicaServer(hub, host=host, port=port)
        server.start()
    except OSError as error:
        fail(f"cannot listen on {host}:{port}: {error.strerror}")
    click.echo(f"listening on {server.base_url}")
    sys.stdout.flush()
    click.echo(f"replicas of {', '.join(names)} ({articles} articles each"
               f"{', faults ' + ','.join(faults) if faults else ''}); Ctrl-C stops it", err=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()


@replica.command("truth")
@click.option("--articles", type=click.IntRange(1, 100_000), default=120, show_default=True)
@SITE_OPTION
@STATE_OPTION
@SEED_OPTION
def replica_truth(articles: int, site_names: tuple[str, ...], state: int, seed: int) -> None:
    """Print what the replica knows of every article, one JSON object per line.

    \b
    Example:
      orthocrawl replica truth --articles 500 > truth.jsonl
    """
    from orthocrawl.replica import build_hub

    for record in build_hub(_replica_names(site_names), articles=articles, seed=seed,
                            state=state).truth():
        click.echo(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()
