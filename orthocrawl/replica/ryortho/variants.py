"""Non-canonical forms of a post URL that the site's own links and feed sometimes use.

The tracking query is served 200 with a canonical link; the others answer 301 (http:// and
www. to the bare https host, the missing slash added, ``?p=ID`` to the permalink).
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

from .constants import CANONICAL_HOST, ORIGIN

if TYPE_CHECKING:
    from .model import Post

VARIANT_KINDS = ("utm", "http", "www", "http_www", "noslash", "shortlink")
# (kind, cumulative share of links in percent); the rest stay canonical.
_MIX = (("utm", 8), ("http", 14), ("www", 22), ("http_www", 26), ("noslash", 32))


def variant(post: Post, kind: str) -> str:
    url = post.url
    rest = url.removeprefix(ORIGIN)
    if kind == "utm":
        return f"{url}?utm_source=rss&utm_medium=rss&utm_campaign={post.slug}"
    if kind == "http":
        return f"http://{CANONICAL_HOST}{rest}"
    if kind == "www":
        return f"https://www.{CANONICAL_HOST}{rest}"
    if kind == "http_www":
        return f"http://www.{CANONICAL_HOST}{rest}"
    if kind == "noslash":
        return url.rstrip("/")
    if kind == "shortlink":
        return f"{ORIGIN}/?p={post.post_id}"
    return url


def link(post: Post, context: str) -> str:
    """The URL a given page uses to link to ``post``: usually canonical, sometimes a variant."""
    roll = zlib.crc32(f"{context}|{post.post_id}".encode()) % 100
    for kind, upto in _MIX:
        if roll < upto:
            return variant(post, kind)
    return post.url
