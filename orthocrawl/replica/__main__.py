"""``python -m orthocrawl.replica --articles N --port 0``: serve the replica until stopped.

``--state 2`` serves OrthoSpineNews some days later (other replicas serve their only state);
``--faults server_errors,slow`` (or ``all``, or a mode of DISCOVERY_MODES by name, such as
``sitemap_5xx`` or ``crawl_delay``) makes every replica served misbehave (see faults.py)."""

from __future__ import annotations

import argparse
import gc
import sys
from typing import Any

from .faults import CRAWL_DELAY, KNOWN, MODES, FaultySite
from .registry import ReplicaHub, available, build
from .server import ReplicaServer
from .site import build_site
from .states import STATES

STATEFUL = "orthospinenews"  # the replica with states and fault modes


def _modes(value: str) -> list[str]:
    modes = [m.strip() for m in value.split(",") if m.strip()]
    if modes == ["all"]:
        return list(MODES)
    unknown = sorted(set(modes) - set(KNOWN))
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown fault modes {unknown} (modes: "
                                         f"{', '.join(KNOWN)}, or all)")
    return modes


def build_sites(names: list[str], articles: int, seed: int, state: int = 1,
                faults: list[str] | None = None,
                crawl_delay: float = CRAWL_DELAY) -> ReplicaHub:
    sites: list[Any] = []
    for name in names:
        if name != STATEFUL:
            if state != 1:
                print(f"note: {name} has no later state: served as built", file=sys.stderr)
            site: Any = build(name, articles, seed)
        else:
            site = build_site(articles, seed, state=state)
        sites.append(FaultySite(site, faults, seed, crawl_delay) if faults else site)
    return ReplicaHub(sites)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m orthocrawl.replica",
                                     description="Serve the publishers' replicas.")
    parser.add_argument("--site", action="append", dest="sites", choices=available(),
                        help="a replica to serve (repeatable; default: every replica)")
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8123)
    parser.add_argument("--no-warm", dest="warm", action="store_false",
                        help="render pages on first request instead of before listening")
    parser.add_argument("--state", type=int, default=1, choices=STATES,
                        help="OrthoSpineNews as first built (1) or some days later (2)")
    parser.add_argument("--faults", type=_modes, default=[],
                        help="comma-separated fault modes, or 'all' (every mode of MODES)")
    parser.add_argument("--crawl-delay", type=float, default=CRAWL_DELAY,
                        help="the Crawl-delay robots.txt gives under fault mode crawl_delay")
    args = parser.parse_args(argv)
    site = build_sites(args.sites or available(), args.articles, args.seed, args.state,
                       args.faults, args.crawl_delay)
    if args.warm:
        site.warm()
    gc.freeze()  # the built site lives as long as the process: keep it out of GC passes
    server = ReplicaServer(site, args.host, args.port)
    print(f"listening on {server.base_url}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.httpd.server_close()


if __name__ == "__main__":
    main()
