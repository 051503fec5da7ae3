"""What every `orthocrawl` command shares: one-line errors and exit codes, the --db option,
the analysts' filters, opening the archive to read it."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from orthocrawl.archive import DEFAULT_DB, Archive, open_to_read
from orthocrawl.archive.query import Filters
from orthocrawl.errors import UserError

F = TypeVar("F", bound=Callable[..., Any])

# Every command but `demo` (which keeps its own file, so that a demo never lands in a real
# archive) reads the archive's path from --db, else $ORTHOCRAWL_DB, else the default.
DB_ENV = "ORTHOCRAWL_DB"
DB_OPTION = click.option(
    "--db", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_DB,
    envvar=DB_ENV, show_envvar=True, show_default=True, help="The SQLite archive file.")
DEMO_DB = Path("data") / "demo.db"
WAIT_OPTION = click.option("--wait", is_flag=True, help="If a crawl is writing the archive, "
                           "wait for it instead of exiting.")
FEEDS_OPTION = click.option(
    "--feeds", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Write each watch's Atom feed to DIR/NAME.xml (default: $ORTHOCRAWL_WATCH_FEEDS).",
    metavar="DIR")
NOTIFY_OPTION = click.option(
    "--notify-command", metavar="CMD", default=None,
    help="Run CMD (by the shell) for each watch with new matches, given them as JSON on "
         "standard input (default: $ORTHOCRAWL_WATCH_NOTIFY).")
SETTINGS_OPTION = click.option("-s", "--set", "settings", multiple=True, metavar="NAME=VALUE",
                               help="Override a Scrapy or ORTHOCRAWL_* setting (repeatable).")


def fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"orthocrawl: error: {message}", err=True)
    sys.exit(code)


def user_errors(func: F) -> F:
    """Turn the errors a user can cause into one line and an exit code, never a traceback:
    2 for what the command line got wrong, 1 for what stopped the command."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except UserError as error:
            fail(str(error), error.code)
        except sqlite3.Error as error:  # locked, unreadable, damaged: not the user's input
            where = f" {kwargs['db']}" if isinstance(kwargs.get("db"), Path) else " the archive"
            fail(f"cannot read{where}: {error}", 1)
        except KeyboardInterrupt:
            fail("interrupted", 130)

    return wrapper  # type: ignore[return-value]


def log_level(verbose: int) -> str:
    return ("", "INFO", "DEBUG")[min(verbose, 2)]


def filter_options(func: F) -> F:
    """--site/--author/--tag/--category (repeatable), --since/--until and --status."""
    options = [
        click.option("--site", "f_site", multiple=True,
                     help="Only this site's articles (repeated: of any of these sites)."),
        click.option("--author", "f_author", multiple=True,
                     help="Only articles by this author (repeated: by all of them)."),
        click.option("--tag", "f_tag", multiple=True,
                     help="Only articles with this tag (repeated: with all of them)."),
        click.option("--category", "f_category", multiple=True,
                     help="Only articles in this category (repeated: in all of them)."),
        click.option("--since", metavar="DATE", help="Published on or after DATE: YYYY (its "
                     "January 1), YYYY-MM (its first day), YYYY-MM-DD, or a time "
                     "(2024-05-31T12:00Z; UTC unless a zone is given)."),
        click.option("--until", metavar="DATE", help="Published on or before DATE: YYYY "
                     "(through December 31), YYYY-MM (through its last day), YYYY-MM-DD "
                     "(through that day), or a time."),
        click.option("--company", "f_company", multiple=True, help="Only articles naming this "
                     "company, by whatever name the text used (repeated: any of them)."),
        click.option("--status", type=click.Choice(["live", "gone", "all"]), default="all",
                     show_default=True, help="Only articles still on their site (live), "
                     "only those it no longer has (gone), or both."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def filters(kwargs: dict[str, Any]) -> Filters:
    """The filters as given (companies by the analyst's names: read() resolves them)."""
    return Filters(company=list(kwargs.pop("f_company")), site=list(kwargs.pop("f_site")),
                   author=list(kwargs.pop("f_author")),
                   tag=list(kwargs.pop("f_tag")), category=list(kwargs.pop("f_category")),
                   since=kwargs.pop("since"), until=kwargs.pop("until"),
                   status=kwargs.pop("status"))


def read(db: Path, where: Filters | list[str] | tuple[str, ...] = ()) -> Archive:
    """Open the archive for a command that only reads it (see archive.open_to_read), with a
    hint at where the archives are when there is none at db; the filters' sites checked and
    their companies resolved to the archive's names (whatever name the analyst used)."""
    if db == DEFAULT_DB and DEMO_DB.exists():
        hint = (f"the demo's archive is {DEMO_DB}: give --db {DEMO_DB}, or "
                f"`export {DB_ENV}={DEMO_DB}` once")
    else:
        hint = (f"give --db or set {DB_ENV}; `orthocrawl crawl` writes {DEFAULT_DB}, "
                f"`orthocrawl demo` {DEMO_DB}")
    archive = open_to_read(db, where.site if isinstance(where, Filters) else where, hint)
    if isinstance(where, Filters) and where.company:
        from orthocrawl.industry import company_names

        where.company = [n for name in where.company for n in company_names(archive, name)]
    return archive


def echo_lines(lines: Any, err: bool = False) -> None:
    for line in lines:
        click.echo(line, err=err)


def watch_settings(feeds: Path | None, notify: str | None) -> dict[str, str]:
    """--feeds and --notify-command as the settings they stand for (absent: the
    environment's or none, as the settings say)."""
    given = {"ORTHOCRAWL_WATCH_FEEDS": str(feeds) if feeds else None,
             "ORTHOCRAWL_WATCH_NOTIFY": notify}
    return {name: value for name, value in given.items() if value}
