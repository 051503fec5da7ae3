"""Non-canonical forms of a post URL that the site's own links sometimes use.

All of them lead back to the canonical URL: the tracking query is served 200 with a canonical
link tag, the others answer 301.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..url_forms import pick, wp_variant
from .constants import CANONICAL_HOST, ORIGIN

if TYPE_CHECKING:
    from .model import Post

VARIANT_KINDS = ("utm", "http", "http_www", "bare", "noslash", "shortlink")
# (kind, cumulative share of links in percent); the rest stay canonical.
_MIX = (("utm", 9), ("http", 15), ("http_www", 19), ("bare", 23), ("noslash", 31))
_BARE = CANONICAL_HOST.removeprefix("www.")
_HOSTS = {"http": f"http://{_BARE}", "http_www": f"http://{CANONICAL_HOST}",
          "bare": f"https://{_BARE}"}


def variant(post: Post, kind: str) -> str:
    return wp_variant(post, kind, ORIGIN, _HOSTS)


def link(post: Post, context: str) -> str:
    """The URL a given page uses to link to ``post``: usually canonical, sometimes a variant."""
    kind = pick(context, post.post_id, _MIX)
    return variant(post, kind) if kind else post.url
