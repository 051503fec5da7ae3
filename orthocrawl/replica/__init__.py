"""Deterministic local replicas of the publishers' sites, to crawl without the internet.

The OrthoSpineNews replica (WordPress, Jannah theme) lives in this package's top
level modules; the other publishers' replicas are subpackages; registry.py names
them all and serves several at once.

    site = build_site(articles=500)            # OrthoSpineNews
    hub = build_hub(articles=200)              # every publisher, behind one server
    with ReplicaServer(site) as srv: ...       # srv.base_url
    with spawn_replica(articles=2000) as url: ...
"""

from .registry import ReplicaHub, available, build, build_hub
from .server import ReplicaServer, spawn_replica
from .site import ReplicaSite, build_site

__all__ = ["ReplicaHub", "ReplicaServer", "ReplicaSite", "available", "build", "build_hub",
           "build_site", "spawn_replica"]
