"""`orthocrawl serve`: the archive in Datasette, configured for analysts.

The browsable view is `article_list` (no body, a month column to facet on, the
FTS search box through articles_fts); `articles` keeps everything; canned
queries cover what analysts ask first. CSV download is Datasette's own.
"""

from __future__ import annotations

import asyncio
import signal
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from orthocrawl.archive.query import CANNED_QUERIES as QUERIES

FACETS = ["site", {"array": "authors"}, {"array": "tags"}, "month", "status"]

def metadata(db: Path) -> dict[str, Any]:
    name = db.stem
    return {
        "title": "orthocrawl archive",
        "description": "Articles of the orthopaedic and spine trade press, crawled by "
                       "orthocrawl. Search, facet, and download any table or query as CSV.",
        "databases": {name: {
            "description": "One row per article in `articles` (newest version); "
                           "`article_list` is the browsable view; raw pages in `page_bodies`; "
                           "one row per crawl in `crawl_runs`.",
            "tables": {
                "article_list": {
                    "title": "Articles",
                    "description": "Every article, newest first. Search uses the full text. "
                                   "story_id is the article's story (see stories); "
                                   "story_articles and story_sites its copies and sites.",
                    "sort_desc": "published_at",
                    "facets": FACETS,
                    "fts_table": "articles_fts",
                    "fts_pk": "rowid",
                    "label_column": "title",
                    "size": 50,
                },
                "articles": {
                    "description": "Every field of every article, body included.",
                    "sort_desc": "published_at",
                    "facets": ["site"],
                    "label_column": "title",
                },
                "crawl_runs": {"description": "One row per crawl run, with its counts.",
                               "sort_desc": "id"},
                "pages": {"hidden": True},
                "page_bodies": {"hidden": True},
                "article_html": {"hidden": True},
                "article_mentions": {"hidden": True},
                "article_events": {"hidden": True},
                "article_people": {"hidden": True},
                "compression_dictionaries": {"hidden": True},
                "article_versions": {"description": "Every version of every article; the "
                                     "current version's text is the article's own (NULL "
                                     "here): `article_version_texts` shows every text."},
                "entities": {"description": "Companies, people, products and institutions "
                             "named in the articles (candidate: found by context, no "
                             "gazetteer lists it).", "facets": ["kind", "candidate"],
                             "label_column": "name"},
                "mentions": {"description": "Which article names which entity, how often, "
                             "and the first sentence doing so."},
                "events": {"description": "Deals, FDA clearances, launches, appointments and "
                           "partnerships, each with its article and sentence.",
                           "facets": ["kind", "company", "status"], "sort_desc": "date"},
                "deal_tracker": {"title": "Deal tracker", "description": "Acquisitions, "
                                 "financings and partnerships, newest first.",
                                 "facets": ["kind", "company", "status"],
                                 "sort_desc": "date"},
                "fda_clearances": {"title": "FDA clearance tracker", "description": "510(k), "
                                   "De Novo and PMA clearances and approvals, newest first.",
                                   "facets": ["company", "status"], "sort_desc": "date"},
                "company_mentions_by_month": {"title": "Company mentions by month",
                                              "facets": ["company"], "sort_desc": "month"},
                "people": {"description": "Surgeons and executives per article: degrees, "
                           "institution, title, company."},
                "derived_methods": {"hidden": True},
                "stories": {"title": "Stories", "description": "One row per story: an "
                            "article and its syndicated copies on other sites (verbatim, "
                            "excerpts, rewrites), grouped by orthocrawl. canonical_url is the "
                            "copy the others cite, else the earliest; site its publisher; "
                            "articles and sites the story's size. Its copies: article_list "
                            "filtered on story_id.", "sort_desc": "first_published",
                            "facets": ["site", "sites"], "label_column": "title"},
                "story_signatures": {"hidden": True},
                "story_keys": {"hidden": True},
                "story_facts": {"hidden": True},
                "story_ids": {"hidden": True},
                "watches": {"description": "Watchlists: saved full-text queries run after "
                            "every crawl (`orthocrawl watch`).", "label_column": "name"},
                "watch_matches": {"description": "The stories each watch has matched "
                                  "(story_key: one story however many copies); reported 0: "
                                  "in the archive when the watch was added, never reported.",
                                  "facets": ["watch_id", "reported"],
                                  "sort_desc": "matched_at"},
            },
            "queries": QUERIES,
        }},
    }


SETTINGS = {"default_page_size": 50, "facet_time_limit_ms": 500, "sql_time_limit_ms": 5000}


def listen(host: str, port: int) -> socket.socket:
    """The server's socket, bound before anything starts, so that a busy port or a bad host
    is one OSError for the caller instead of a server's log."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except BaseException:
        sock.close()
        raise
    return sock


def serve(db: Path, sock: socket.socket, on_ready: Callable[[str], None]) -> None:
    """Run Datasette on the archive, in this process, until SIGINT or SIGTERM.

    In-process (uvicorn serving Datasette's ASGI app on our socket): stopping this
    process stops the server and frees the port; nothing is left behind (the metadata
    is passed as a dict, not a file)."""
    import uvicorn
    from datasette.app import Datasette

    datasette = Datasette([str(db)], metadata=metadata(db), settings=SETTINGS)
    asyncio.run(datasette.invoke_startup())
    host, port = sock.getsockname()[:2]
    server = uvicorn.Server(uvicorn.Config(datasette.app(), log_level="warning",
                                           lifespan="on", access_log=False))
    # uvicorn shuts down gracefully on SIGTERM, then raises it again once its own handler
    # is gone: exit then, normally, instead of dying of the signal.
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        on_ready(f"http://{'[' + host + ']' if ':' in host else host}:{port}/")
        server.run(sockets=[sock])
    finally:
        signal.signal(signal.SIGTERM, previous)
        sock.close()


def serve_archive(db: Path, host: str, port: int, on_ready: Callable[[str], None]) -> None:
    """Serve the archive at host:port until Ctrl-C or SIGTERM (ArchiveError, one line, for a
    port that cannot be had: busy, or a bad host)."""
    from orthocrawl.archive import ArchiveError

    try:
        sock = listen(host, port)
    except OSError as error:
        raise ArchiveError(f"cannot listen on {host}:{port}: {error.strerror or error}") \
            from None
    try:
        serve(db, sock, on_ready)
    except KeyboardInterrupt:  # Ctrl-C is how it is meant to stop
        pass
