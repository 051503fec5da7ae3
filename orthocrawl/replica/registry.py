"""Every publisher's replica by name, and a hub that serves several of them at once.

A publisher's replica is a package with ``build_site(articles, seed)`` returning a
Replica (protocol.py).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from orthocrawl.urls import domain_matches

from .protocol import Replica
from .responses import Response

# name -> the package of its replica (each has ``build_site(articles, seed)``)
REPLICAS: dict[str, str] = {
    "orthospinenews": "orthospinenews", "beckersspine": "beckers", "ryortho": "ryortho",
    "orthobuzz": "orthobuzz", "spinemarketgroup": "spinemarket",
}


def available() -> list[str]:
    """Names of the replicas, in REPLICAS order."""
    return list(REPLICAS)


class UnknownReplicaError(ValueError):
    """A replica name that is not one; the message names the replicas there are."""


def choose(names: list[str] | tuple[str, ...]) -> list[str]:
    """The replicas asked for (default: all), or UnknownReplicaError."""
    chosen = list(names) or available()
    unknown = [n for n in chosen if n not in available()]
    if unknown:
        raise UnknownReplicaError(f"no replica of {unknown[0]!r} (replicas: "
                                  f"{', '.join(available())})")
    return chosen


# Replicas that have a later state (state=2: new, edited and deleted articles).
STATEFUL = {"orthospinenews"}


def build(name: str, articles: int = 120, seed: int = 7, state: int = 1) -> Replica:
    """A replica; in state 2 the stateful ones move on, the others stay as they are."""
    if name not in REPLICAS:
        raise KeyError(f"no replica of {name!r} (replicas: {', '.join(available())})")
    make = importlib.import_module(f"orthocrawl.replica.{REPLICAS[name]}").build_site
    return make(articles=articles, seed=seed, **({"state": state} if name in STATEFUL else {}))


class ReplicaHub:
    """Several replicas behind one server, told apart by the requested host."""

    def __init__(self, sites: list[Replica]) -> None:
        if not sites:
            raise ValueError("a hub needs at least one site")
        self.sites = sites
        first = sites[0]
        self.name, self.origin, self.domains = first.name, first.origin, first.domains

    def site_for(self, url: str) -> Replica | None:
        host = urlsplit(url).hostname or ""
        return next((s for s in self.sites if domain_matches(host, s.domains)), None)

    def handle(self, method: str, url: str, headers: Mapping[str, str]) -> Response:
        site = self.site_for(url)
        if site is None:
            body = b"<html><body><h1>Unknown host</h1></body></html>"
            return 404, [("Content-Type", "text/html; charset=UTF-8"),
                         ("Content-Length", str(len(body)))], body
        return site.handle(method, url, headers)

    @property
    def posts(self) -> list[Any]:
        return [post for site in self.sites for post in site.posts]

    def truth(self) -> list[dict[str, Any]]:
        return [record for site in self.sites for record in site.truth()]

    def article_urls(self) -> list[str]:
        return [url for site in self.sites for url in site.article_urls()]

    def non_article_urls(self) -> list[str]:
        return [url for site in self.sites for url in site.non_article_urls()]

    def variant_urls(self) -> dict[str, str]:
        return {k: v for site in self.sites for k, v in site.variant_urls().items()}

    def chrome_texts(self, url: str) -> list[str]:
        site = self.site_for(url)
        if site is None:
            raise KeyError(f"not a page of any replica: {url}")
        return site.chrome_texts(url)

    def warm(self) -> None:
        for site in self.sites:
            site.warm()


def build_hub(names: list[str] | None = None, articles: int = 120, seed: int = 7,
              state: int = 1, faults: Iterable[str] = (),
              crawl_delay: float | None = None) -> ReplicaHub:
    """The replicas ``names`` (default: all) behind one hub; ``state`` moves the stateful ones
    on, ``faults`` (fault modes, see faults.py) make every one of them misbehave."""
    sites = [build(name, articles, seed, state) for name in (names or available())]
    modes = list(faults)
    if modes:
        from .faults import CRAWL_DELAY, FaultySite

        delay = CRAWL_DELAY if crawl_delay is None else crawl_delay
        sites = [FaultySite(site, modes, seed, delay) for site in sites]
    return ReplicaHub(sites)
