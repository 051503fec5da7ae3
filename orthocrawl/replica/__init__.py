"""A deterministic local replica of OrthoSpineNews (WordPress, Jannah theme) to crawl.

    site = build_site(articles=500)
    with ReplicaServer(site) as srv: ...       # srv.base_url
    with spawn_replica(articles=2000) as url: ...
"""

from .server import ReplicaServer, spawn_replica
from .site import ReplicaSite, build_site

__all__ = ["ReplicaServer", "ReplicaSite", "build_site", "spawn_replica"]
