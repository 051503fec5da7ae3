"""The demo: the publishers' replicas served on 127.0.0.1 and crawled into an archive, with
the same spiders, page objects and pipelines as a real crawl. Nothing leaves the machine."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from orthocrawl.archive import Archive
from orthocrawl.crawl import RunOutcome, run_crawls
from orthocrawl.errors import BadInput


class DemoError(BadInput):
    """A demo that cannot run as asked; the message is one line."""


@dataclass
class DemoRun:
    outcomes: list[RunOutcome]
    seconds: float
    before: dict[str, tuple[int, str]]  # url -> (version, status), before the crawl
    after: dict[str, tuple[int, str]]


def replica_names(values: tuple[str, ...] | list[str]) -> list[str]:
    """The replicas asked for (default: all), or DemoError naming the ones there are."""
    from orthocrawl.replica.registry import UnknownReplicaError, choose

    try:
        return choose(values)
    except UnknownReplicaError as error:
        raise DemoError(str(error)) from None


@contextmanager
def replica_gazetteer() -> Iterator[None]:
    """The replica's gazetteer (its fictional companies) listed in ORTHOCRAWL_GAZETTEERS after
    the user's own, for the demo's crawl; the environment as it was afterwards."""
    from orthocrawl.entities.gazetteer import ENV_VAR
    from orthocrawl.replica.entities import GAZETTEER

    before = os.environ.get(ENV_VAR)
    listed = [p for p in (before or "").split(os.pathsep) if p.strip()]
    os.environ[ENV_VAR] = os.pathsep.join([*listed, str(GAZETTEER)])
    try:
        yield
    finally:
        if before is None:
            del os.environ[ENV_VAR]
        else:
            os.environ[ENV_VAR] = before


def run_demo(db: Path, names: list[str], articles: int, state: int, wait: bool,
             log_level: str, serving: Callable[[str], None]) -> DemoRun:
    """Serve the replicas (state 2: some days later), crawl them into db, stop them.
    `serving` is told the replicas' base URL once they listen."""
    from orthocrawl.replica import ReplicaServer, build_hub

    if state == 2 and not db.exists():
        raise DemoError(f"--state 2 crawls a later state into an archive a first demo made: "
                        f"run `orthocrawl demo --db {db} --articles {articles}` first")
    with Archive(db) as archive:
        before = archive.versions_and_status()
    hub = build_hub(names, articles=articles, state=state)
    started = time.monotonic()
    with replica_gazetteer(), ReplicaServer(hub) as server:
        serving(server.base_url)
        outcomes = run_crawls(names, db, base_urls=dict.fromkeys(names, server.base_url),
                              discover="all", log_level=log_level, progress=5.0, wait=wait)
    with Archive(db) as archive:
        after = archive.versions_and_status()
    return DemoRun(outcomes, time.monotonic() - started, before, after)
