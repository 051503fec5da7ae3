"""Deterministic local replicas of the publishers' sites, to crawl without the internet.

Each publisher's replica is a subpackage (orthospinenews, beckers, ryortho, orthobuzz,
spinemarket) offering the Replica protocol (protocol.py); registry.py names them all and
serves several at once; testing/ holds what only tests and benchmarks use.

    site = build_site(articles=500)            # OrthoSpineNews, the replica with states
    hub = build_hub(articles=200)              # every publisher, behind one server
    with ReplicaServer(site) as srv: ...       # srv.base_url
    with spawn_replica(articles=2000) as url: ...
"""

from .orthospinenews import ReplicaSite, build_site
from .registry import ReplicaHub, available, build, build_hub
from .server import ReplicaServer, spawn_replica

__all__ = ["ReplicaHub", "ReplicaServer", "ReplicaSite", "available", "build", "build_hub",
           "build_site", "spawn_replica"]
