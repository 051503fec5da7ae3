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


class Variants:
    """A WordPress site's other URL forms: ``utm``, the kinds of ``hosts``, ``slash`` and
    ``shortlink``; ``mix``: how often its own links take each (see pick)."""

    def __init__(self, origin: str, hosts: Mapping[str, str],
                 mix: Sequence[tuple[str, int]]) -> None:
        self.origin, self.hosts, self.mix = origin, hosts, mix
        self.kinds = ("utm", *hosts, "slash", "shortlink")

    def variant(self, post: Any, kind: str) -> str:
        """The post's URL in form ``kind``: ``utm`` (the feed's tracking query), a kind of
        ``hosts`` (kind -> the scheme and host it uses), ``slash`` (the other trailing-slash
        form) or ``shortlink`` (``/?p=ID``)."""
        url = post.url
        if kind == "utm":
            return f"{url}?utm_source=rss&utm_medium=rss&utm_campaign={post.slug}"
        if kind in self.hosts:
            return self.hosts[kind] + url.removeprefix(self.origin)
        if kind == "slash":
            return url[:-1] if url.endswith("/") else url + "/"
        if kind == "shortlink":
            return f"{self.origin}/?p={post.post_id}"
        return url

    def link(self, post: Any, context: str) -> str:
        """The URL a given page uses to link to ``post``: usually canonical, sometimes not."""
        kind = pick(context, post.post_id, self.mix)
        return self.variant(post, kind) if kind else post.url
