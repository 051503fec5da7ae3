"""Non-canonical forms of an article URL, and which one a given link on a page uses.

Every replica's own pages and feeds sometimes link an article through a tracking query,
another scheme or host, a missing slash or a shortlink; the choice is a stable roll per
(page, article), so the same build always links alike.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from typing import Any


def pick(context: str, key: int, mix: Sequence[tuple[str, int]]) -> str | None:
    """The form a link from ``context`` to article ``key`` takes; None: the canonical URL.

    ``mix`` is (kind, cumulative share of links in percent); past the last share, canonical."""
    roll = zlib.crc32(f"{context}|{key}".encode()) % 100
    for kind, upto in mix:
        if roll < upto:
            return kind
    return None


def wp_variant(post: Any, kind: str, origin: str, hosts: Mapping[str, str]) -> str:
    """A WordPress post's URL in form ``kind``: ``utm`` (the feed's tracking query), a kind of
    ``hosts`` (kind -> the scheme and host it uses), ``noslash`` or ``shortlink`` (``/?p=ID``)."""
    url = post.url
    if kind == "utm":
        return f"{url}?utm_source=rss&utm_medium=rss&utm_campaign={post.slug}"
    if kind in hosts:
        return hosts[kind] + url.removeprefix(origin)
    if kind == "noslash":
        return url.rstrip("/")
    if kind == "shortlink":
        return f"{origin}/?p={post.post_id}"
    return url
