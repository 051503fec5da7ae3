"""`orthocrawl replica`: the test world's commands (serve the replicas, print their truth),
kept with the replica; the product's CLI loads this group only when it is asked for."""

from __future__ import annotations

import json
import sys

import click

from .registry import UnknownReplicaError, choose

ARTICLES_OPTION = click.option("--articles", type=click.IntRange(1, 100_000), default=120,
                               show_default=True, help="How many articles each replica has.")
SEED_OPTION = click.option("--seed", type=int, default=7, show_default=True,
                           help="Another seed builds other articles (same seed, same site).")


SITE_OPTION = click.option("--site", "site_names", multiple=True, metavar="NAME",
                           help="Only this publisher's replica (repeatable; default: all).")
STATE_OPTION = click.option("--state", type=click.IntRange(1, 2), default=1, show_default=True,
                            help="The replica's state: 2 is some days later (new, edited and "
                                 "deleted articles on OrthoSpineNews).")


def fail(message: str, code: int = 1) -> None:
    click.echo(f"orthocrawl: error: {message}", err=True)
    sys.exit(code)


def _names(values: tuple[str, ...]) -> list[str]:
    try:
        return choose(values)
    except UnknownReplicaError as error:
        raise click.BadParameter(str(error), param_hint="--site") from None


def _fault_modes(ctx: click.Context, param: click.Parameter, value: str | None) -> list[str]:
    from .faults import KNOWN, MODES

    modes = [m.strip() for m in (value or "").split(",") if m.strip()]
    if modes == ["all"]:
        return list(MODES)
    unknown = [m for m in modes if m not in KNOWN]
    if unknown:
        raise click.BadParameter(f"no fault mode {unknown[0]!r} (modes: {', '.join(KNOWN)}, "
                                 "or all)")
    return modes


@click.group()
def replica() -> None:
    """The local replica of the publishers' sites (for the demo, tests and benchmarks).

    \b
    Example:
      orthocrawl replica serve --articles 500 --port 8123
    """


@replica.command("serve")
@ARTICLES_OPTION
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
    from .server import serve_until_stopped

    names = _names(site_names)

    def listening(url: str) -> None:
        click.echo(f"listening on {url}")
        sys.stdout.flush()
        click.echo(f"replicas of {', '.join(names)} ({articles} articles each"
                   f"{', faults ' + ','.join(faults) if faults else ''}); Ctrl-C stops it",
                   err=True)

    try:
        serve_until_stopped(names, articles, seed, state, faults, crawl_delay, host, port,
                            warm, listening)
    except ValueError as error:  # e.g. too few articles for the fault modes
        fail(str(error), 2)
    except OSError as error:
        fail(f"cannot listen on {host}:{port}: {error.strerror}")


@replica.command("truth")
@ARTICLES_OPTION
@SITE_OPTION
@STATE_OPTION
@SEED_OPTION
def replica_truth(articles: int, site_names: tuple[str, ...], state: int, seed: int) -> None:
    """Print what the replica knows of every article, one JSON object per line: the fields a
    perfect crawl archives, its story on the wire (story, copy, decoy_of) and its entities.

    \b
    Example:
      orthocrawl replica truth --articles 500 > truth.jsonl
    """
    from .entities import records
    from .registry import build_hub

    for record in records(build_hub(_names(site_names), articles=articles, seed=seed,
                                    state=state)):
        click.echo(json.dumps(record, ensure_ascii=False))
