"""Machine-facing documents: the WordPress RSS feed [V], Yoast-style sitemaps (a guess for this
site: the same plugin's format as OrthoSpineNews) and robots.txt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import wp_feeds
from .constants import ORIGIN, PER_PAGE, SITE_TITLE, TAGLINE, TODAY, VARIANTS

if TYPE_CHECKING:

    from .model import Post

URLSET = ('<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '  # Yoast's, without
          'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" '  # the image schema
          'xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 '
          'http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd" '
          'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n')


def rss(posts: list[Post]) -> str:
    """The feed, trimmed of comments; it links through its tracking query on every other
    post, its excerpts are the decks."""
    return wp_feeds.rss(SITE_TITLE, ORIGIN, TAGLINE, posts[:PER_PAGE],
                        lambda p: VARIANTS.variant(p, "utm") if p.post_id % 2 else p.url, TODAY,
                        lambda p: p.description, more="", lean=True)


def robots() -> str:
    return ("User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n"
            "Disallow: /wp-login.php\n\n"
            f"Sitemap: {ORIGIN}/sitemap_index.xml\n")
