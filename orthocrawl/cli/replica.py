"""`orthocrawl replica`: the local replicas of the publishers (the test world's commands:
the demo, the tests and the benchmarks use them)."""

from __future__ import annotations

import json
import time

import click

from orthocrawl.cli.common import fail
from orthocrawl.cli.crawling import SITE_OPTION, STATE_OPTION
from orthocrawl.demo import DemoError
from orthocrawl.demo import replica_names as _names


def _replica_names(values: tuple[str, ...]) -> list[str]:
    try:
        return _names(values)
    except DemoError as error:
        raise click.BadParameter(str(error), param_hint="--site") from None


@click.group()
def replica() -> None:
    """The local replica of the publishers' sites (for the demo, tests and benchmarks)."""


@replica.command("serve")
@click.option("--articles", type=click.IntRange(1, 100_000), default=120, show_default=True)
@SITE_OPTION
@STATE_OPTION
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=0,
              help="Port to listen on (default: a free one).")
def replica_serve(articles: int, site_names: tuple[str, ...], state: int, host: str,
                  port: int) -> None:
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
    hub = build_hub(names, articles=articles, state=state)
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
@STATE_OPTION
def replica_truth(articles: int, site_names: tuple[str, ...], state: int) -> None:
    """Print what the replica knows of every article, one JSON object per line.

    \b
    Example:
      orthocrawl replica truth --articles 500 > truth.jsonl
    """
    from orthocrawl.replica import build_hub

    for record in build_hub(_replica_names(site_names), articles=articles,
                            state=state).truth():
        click.echo(json.dumps(record, ensure_ascii=False))
