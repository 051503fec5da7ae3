"""What every `orthocrawl` command shares: the command group, the options several commands
take, echoing what the library yields (orthocrawl.output) and turning the errors a user can
cause into one line and an exit code, never a traceback."""

from __future__ import annotations

import importlib
import sqlite3
import sys
from collections.abc import Callable, Iterable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from orthocrawl.archive import DEFAULT_DB
from orthocrawl.errors import UserError
from orthocrawl.output import Note, Raw
from orthocrawl.reading import DB_ENV, filtered

FILE = click.Path(dir_okay=False, path_type=Path)


def guarded(run: Callable[[], Iterable[str]], db: Any = None) -> None:
    """Echo what run yields (orthocrawl.output); an error a user can cause ends it with one
    line and an exit code, never a traceback: 2 for what the command line got wrong, 1 for
    what stopped the command."""
    try:
        for line in run():
            click.echo(line, err=isinstance(line, Note), nl=not isinstance(line, Raw))
        return
    except UserError as error:  # Failed has no line of its own: the output said what failed
        message, code = str(error), error.code
    except sqlite3.Error as error:  # locked, unreadable, damaged: not the user's input
        message, code = f"cannot read {db if isinstance(db, Path) else 'the archive'}: {error}", 1
    except KeyboardInterrupt:
        message, code = "interrupted", 130
    if message:
        click.echo(f"orthocrawl: error: {message}", err=True)
    sys.exit(code)


class Main(click.Group):
    """The command group, with groups that live elsewhere loaded only when asked for (the
    replica's commands are the test world's: the product does not import it otherwise)."""

    lazy = {"replica": "orthocrawl.replica.cli:replica"}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.lazy])

    def get_command(self, ctx: click.Context, name: str) -> Any:
        if name in self.lazy:
            module, attribute = self.lazy[name].split(":")
            return getattr(importlib.import_module(module), attribute)
        return super().get_command(ctx, name)


@click.group(cls=Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="orthocrawl")
def main() -> None:
    """Crawl the orthopaedic and spine trade press into one SQLite archive.

    \b
    Start here:
      orthocrawl demo                 crawl a local replica into data/demo.db
      orthocrawl crawl orthospinenews crawl the real site into data/orthocrawl.db
    """


def command(name: str, target: str, db: bool = True, where: bool = False,
            group: click.Group | None = None) -> Callable[[Callable[..., Any]], click.Command]:
    """A command (of group, default main) that runs target ("module:function", imported only
    then, so that --help stays quick) with its options as arguments and echoes what it
    yields. Its first option is --db (unless not db), then with where the filter options,
    which target gets as one Filters; the function gives its help and its other options."""

    def make(func: Callable[..., Any]) -> click.Command:
        for add in [*(reversed(FILTER_OPTIONS) if where else []), *([DB_OPTION] if db else [])]:
            func = add(func)

        @wraps(func)  # with the options click put on func
        def run(**given: Any) -> None:
            module, attribute = target.split(":")
            function = getattr(importlib.import_module(module), attribute)
            guarded(lambda: function(**(filtered(given) if where else given)), given.get("db"))

        return (group or main).command(name)(run)

    return make


# Every command but `demo` reads the archive's path from --db, else $ORTHOCRAWL_DB, else the
# default (orthocrawl.reading).
DB_OPTION = click.option("--db", type=FILE, default=DEFAULT_DB, envvar=DB_ENV,
                         show_envvar=True, show_default=True, help="The SQLite archive file.")
WAIT_OPTION = click.option("--wait", is_flag=True, help="If a crawl is writing the archive, "
                           "wait for it instead of exiting.")
SITES_OPTION = click.option("--site", "sites", multiple=True, help="Only this site's articles "
                            "(repeated: any of these sites).")
FILTER_OPTIONS = [  # the options of Filters' fields (reading.filtered)
    click.option("--site", multiple=True, help="Only this site's articles (repeated: of any "
                 "of these sites)."),
    click.option("--author", multiple=True, help="Only articles by this author (repeated: by "
                 "all of them)."),
    click.option("--tag", multiple=True, help="Only articles with this tag (repeated: with "
                 "all of them)."),
    click.option("--category", multiple=True, help="Only articles in this category "
                 "(repeated: in all of them)."),
    click.option("--since", metavar="DATE", help="Published on or after DATE: YYYY (its "
                 "January 1), YYYY-MM (its first day), YYYY-MM-DD, or a time "
                 "(2024-05-31T12:00Z; UTC unless a zone is given)."),
    click.option("--until", metavar="DATE", help="Published on or before DATE: YYYY (through "
                 "December 31), YYYY-MM (through its last day), YYYY-MM-DD (through that "
                 "day), or a time."),
    click.option("--company", multiple=True, help="Only articles naming this company, by "
                 "whatever name the text used (repeated: any of them)."),
    click.option("--status", type=click.Choice(["live", "gone", "all"]), default="all",
                 show_default=True, help="Only articles still on their site (live), only "
                 "those it no longer has (gone), or both.")]
