"""A deterministic local replica of Becker's Spine Review (beckersspine.com).

Not WordPress: a news CMS whose oldest articles still live on Joomla + K2 pages
(``/spine/item/24081-slug.html``), then Joomla 3 (``/spine/44584-slug.html``), then the
new CMS (``/spine/slug/``). Each era puts the title, byline, section, dates and in-body
chrome somewhere else; the Ask Spine Surgeons series repeats boilerplate inside its bodies.

    site = build_site(articles=500)
    site.handle("GET", "https://www.beckersspine.com/rss", {})
"""

from __future__ import annotations

from .content import build_articles
from .site import BeckersSite


def build_site(articles: int = 120, seed: int = 7) -> BeckersSite:
    """Build the replica with ``articles`` articles; same arguments, byte-identical site."""
    return BeckersSite(build_articles(articles, seed), seed)


__all__ = ["BeckersSite", "build_site"]
