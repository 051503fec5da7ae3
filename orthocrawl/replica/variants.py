"""Non-canonical forms of a post URL that the site's own links sometimes use.

All of them lead back to the canonical URL: the tracking query is served 200 with a canonical
link tag, the others answer 301.
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

from .constants import CANONICAL_HOST, ORIGIN

if TYPE_CHECKING:
    from .model import Post

VARIANT_KINDS = ("utm", "http", "http_www", "bare", "noslash", "shortlink")
# (kind, cumulative share of links in percent); the rest stay canonical.
_MIX = (("utm", 9), ("http", 15), ("http_www", 19), ("bare", 23), ("noslash", 31))


def variant(post: Post, kind: str) -> str:
    url = post.url
    rest = url.removeprefix(ORIGIN)
    if kind == "utm":
        return f"{url}?utm_source=rss&utm_medium=rss&utm_campaign={post.slug}"
    if kind == "http":
        return f"http://{CANONICAL_HOST.removeprefix('www.')}{rest}"
    if kind == "http_www":
        return f"http://{CANONICAL_HOST}{rest}"
    if kind == "bare":
        return f"https://{CANONICAL_HOST.removeprefix('www.')}{rest}"
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
