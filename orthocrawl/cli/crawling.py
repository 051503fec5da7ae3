"""Commands that crawl or write (orthocrawl.writing): crawl, demo, reparse, migrate, merge,
sites (list, add, check) and extract; and watch, the watchlists each crawl runs."""

from __future__ import annotations

from pathlib import Path

import click

from orthocrawl.cli.common import FILE, SITES_OPTION, WAIT_OPTION, command, guarded, main
from orthocrawl.reading import DB_ENV, DEMO_DB

VERBOSE_OPTION = click.option("-v", "--verbose", count=True, help="Scrapy's log on stderr: "
                              "-v for INFO, -vv for DEBUG (default: none).")
BASE_URL_OPTION = click.option("--base-url", help="Fetch through this mirror of the site (e.g. "
                               "a replica).")
FEEDS_OPTION = click.option("--feeds", type=click.Path(file_okay=False, path_type=Path),
                            metavar="DIR", help="Write each watch's Atom feed to DIR/NAME.xml "
                            "(default: $ORTHOCRAWL_WATCH_FEEDS).")
NOTIFY_OPTION = click.option("--notify-command", metavar="CMD", help="Run CMD (by the shell) "
                             "for each watch with new matches, given them as JSON on standard "
                             "input (default: $ORTHOCRAWL_WATCH_NOTIFY).")


@command("crawl", "orthocrawl.writing:crawl")
@click.argument("sites", nargs=-1)
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
@click.option("-s", "--set", "settings", multiple=True, metavar="NAME=VALUE",
              help="Override a Scrapy or ORTHOCRAWL_* setting (repeatable).")
@VERBOSE_OPTION
@click.option("--log-file", type=FILE,
              help="Write Scrapy's log to FILE (INFO, or DEBUG with -vv), appended.")
@click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Crawl the sites in this many processes at once, into one archive.")
@FEEDS_OPTION
@NOTIFY_OPTION
def crawl() -> None:
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


@command("demo", "orthocrawl.writing:demo", db=False)
@click.option("--db", type=FILE, default=DEMO_DB, show_default=True,
              help=f"The demo's own archive (${DB_ENV} is not read).")
@click.option("--articles", type=click.IntRange(1, 100_000), default=120, show_default=True,
              help="How many articles each replica has.")
@click.option("--site", "site_names", multiple=True, help="Only this publisher (repeatable).")
@click.option("--state", type=click.IntRange(1, 2), default=1, help="2: some days later.")
@WAIT_OPTION
@VERBOSE_OPTION
def demo() -> None:
    """Crawl local replicas of the publishers into an archive, then search it.

    Serves the replicas on 127.0.0.1, crawls them as a real crawl would, stops them and
    shows what was archived; nothing leaves this machine. --state 2 crawls them some
    days later into a first demo's archive and shows what changed.

    \b
    Examples:
      orthocrawl demo --articles 300 --db /tmp/demo.db
      orthocrawl demo --articles 300 --db /tmp/demo.db --state 2
    """


@command("reparse", "orthocrawl.writing:reparse")
@click.option("--site", help="Only this site's pages.")
@WAIT_OPTION
@click.option("-s", "--set", "settings", multiple=True, metavar="NAME=VALUE",
              help="An ORTHOCRAWL_* setting, as for crawl (ORTHOCRAWL_MIN_WORDS applies).")
def reparse_command() -> None:
    """Extract every stored raw page again with the current page objects (no network).

    Articles whose text comes out different get a new version: a fixed extractor
    heals the archive. Pages that no longer extract as articles are reported and
    left as they are.

    \b
    Example:
      orthocrawl reparse --site orthospinenews
    """


@command("migrate", "orthocrawl.writing:migrate")
@WAIT_OPTION
def migrate_command() -> None:
    """Bring an archive made by an older orthocrawl to this version's schema, in place.

    Takes the archive's lock (no crawl writes meanwhile), copies the archive next to it
    first (the copy's name is printed), then migrates. Crawls and reparse migrate on
    their own; the commands that only read never do.

    \b
    Example:
      orthocrawl migrate --db data/orthocrawl.db
    """


@command("merge", "orthocrawl.writing:merge", db=False)
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE.db [SOURCE.db ...]",
                type=FILE)
@click.option("--into", "target", required=True, metavar="TARGET.db", type=FILE,
              help="The archive to merge into (created when missing).")
@WAIT_OPTION
def merge_command() -> None:
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


@main.group(invoke_without_command=True)
@click.pass_context
def sites(ctx: click.Context) -> None:
    """List the sites orthocrawl can crawl: the built-in publishers, and the sites added as
    TOML files in ./sites (or $ORTHOCRAWL_SITES_DIR; see `sites add`).

    \b
    Example:
      orthocrawl sites
    """
    from orthocrawl.writing import site_list

    guarded(lambda: site_list(listed=ctx.invoked_subcommand is None))


@command("add", "orthocrawl.writing:add_site", db=False, group=sites)
@click.argument("name")
@click.argument("url")
@BASE_URL_OPTION
@click.option("--force", is_flag=True, help="Overwrite an existing site file.")
def sites_add() -> None:
    """Write a site file for the site at URL after looking for its sitemaps and feeds.

    \b
    Example:
      orthocrawl sites add spinewire https://www.spinewire.example/
      orthocrawl sites check spinewire
    """


@command("check", "orthocrawl.writing:check_site", db=False, group=sites)
@click.argument("name")
@BASE_URL_OPTION
@click.option("--limit", type=click.IntRange(1, 50), default=3, show_default=True,
              help="How many articles to fetch.")
@click.option("--discover", default="all", show_default=True,
              help="sitemap, feed, listing (comma-separated) or all.")
def sites_check() -> None:
    """Fetch a few articles of a site and show the fields orthocrawl extracts.

    Nothing is written to your archive (a temporary one is used).

    \b
    Example:
      orthocrawl sites check spinewire --limit 5
    """


@command("extract", "orthocrawl.extract:run", db=False)
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE [SOURCE ...]")
@click.option("--url", "page_url", help="The page's URL, for one saved file (default: its "
              "canonical link).")
@click.option("--urls", "urls_file", type=FILE, help="A file of PATH<tab>URL lines giving "
              "each saved file's URL.")
@click.option("--jsonl", is_flag=True, help="One JSON object per line, with \"file\", even "
              "for one file.")
@click.option("--record", type=click.IntRange(min=1), help="Only the N-th response record of a "
              "WARC file (1 is the first).")
@click.option("--site", help="Extract with this site's page object.")
@BASE_URL_OPTION
def extract_command() -> None:
    """Print the Article orthocrawl extracts from pages, as JSON.

    Each SOURCE is a saved HTML file (gzip-compressed or not), a WARC file (every response
    record, or --record N) or a live http(s) URL. The publisher's page object is used when
    the URL's domain has one (or --site names it), the generic fallback otherwise. One page
    prints one JSON object; several (or --jsonl) print one object per line, each with
    "file" as given. A source that cannot be read or is not HTML gives a line
    {"file": ..., "error": ...} (one line on stderr for a single page), the others are still
    extracted, and the exit status is 1.

    \b
    Examples:
      orthocrawl extract page.html.gz --url https://www.orthospinenews.com/2024/05/02/x/
      orthocrawl extract saved/*.html --urls saved/urls.tsv > articles.jsonl
      orthocrawl extract crawl.warc.gz --record 3
      orthocrawl extract https://www.spinewire.example/news/some-story/
    """


@main.group("watch")
def watch() -> None:
    """Watchlists: saved searches whose new matches each crawl reports.

    After every crawl run (`orthocrawl crawl`, `scrapy crawl`, scrapyd) each watch's new
    matches, new stories and not new copies of one it has reported, are recorded in the
    archive, printed in the run's summary, written to DIR/NAME.xml (Atom, its latest 50
    matches) with --feeds or $ORTHOCRAWL_WATCH_FEEDS, and given as JSON on standard
    input to --notify-command or $ORTHOCRAWL_WATCH_NOTIFY, once per watch.

    \b
    Examples:
      orthocrawl watch add robotics 'robot* OR navigation'
      orthocrawl watch add mazor-everywhere Mazor --min-sites 2
      orthocrawl watch list
      orthocrawl watch run --feeds feeds --notify-command 'mail -s news ops@example.com'
    """


@command("add", "orthocrawl.watchlists:added", group=watch)
@click.argument("name")
@click.argument("query")
@SITES_OPTION
@click.option("--min-sites", type=int, default=1, show_default=True,
              help="Only stories carried by at least this many sites.")
def watch_add() -> None:
    """Save a watch: QUERY in `orthocrawl search`'s language (FTS5: words, "phrases",
    prefix*, AND/OR/NOT, NEAR). What the archive holds already is known, not new.

    \b
    Example:
      orthocrawl watch add robotics 'robot* OR navigation' --site beckers
    """


@command("list", "orthocrawl.watchlists:listed", group=watch)
def watch_list() -> None:
    """The watches: query, sites, stories reported, latest match.

    \b
    Example:
      orthocrawl watch list
    """


@command("remove", "orthocrawl.watchlists:removed", group=watch)
@click.argument("name")
def watch_remove() -> None:
    """Delete a watch and what it has matched (its feed file is left where it is).

    \b
    Example:
      orthocrawl watch remove robotics
    """


@command("run", "orthocrawl.watchlists:ran", group=watch)
@click.option("--since", metavar="DATE", help="Backfill: also report what the archive held "
              "when the watch was added, published on or after DATE (as search's --since).")
@FEEDS_OPTION
@NOTIFY_OPTION
def watch_run() -> None:
    """Run every watch now, as after a crawl: new matches recorded, printed, fed and
    notified.

    \b
    Examples:
      orthocrawl watch run --feeds feeds
      orthocrawl watch run --since 2024-01 --notify-command 'python notify.py'
    """
