"""``python -m orthocrawl.replica --articles N --port 0``: serve the replica until stopped."""

from __future__ import annotations

import argparse
import gc

from .registry import available, build_hub
from .server import ReplicaServer


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
    args = parser.parse_args(argv)
    site = build_hub(args.sites, args.articles, args.seed)
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
