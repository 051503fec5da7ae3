"""Non-canonical forms of a post URL that the site's own links and feed sometimes use.

The tracking query is served 200 with a canonical link; the others answer 301 (http:// and
www. to the bare https host, the missing slash added, ``?p=ID`` to the permalink).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..url_forms import pick, wp_variant
from .constants import CANONICAL_HOST, ORIGIN

if TYPE_CHECKING:
    from .model import Post

VARIANT_KINDS = ("utm", "http", "www", "http_www", "noslash", "shortlink")
# (kind, cumulative share of links in percent); the rest stay canonical.
_MIX = (("utm", 8), ("http", 14), ("www", 22), ("http_www", 26), ("noslash", 32))
_HOSTS = {"http": f"http://{CANONICAL_HOST}", "www": f"https://www.{CANONICAL_HOST}",
          "http_www": f"http://www.{CANONICAL_HOST}"}


def variant(post: Post, kind: str) -> str:
    return wp_variant(post, kind, ORIGIN, _HOSTS)


def link(post: Post, context: str) -> str:
    """The URL a given page uses to link to ``post``: usually canonical, sometimes a variant."""
    kind = pick(context, post.post_id, _MIX)
    return variant(post, kind) if kind else post.url
