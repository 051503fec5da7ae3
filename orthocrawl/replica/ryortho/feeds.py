"""Machine-facing documents: the WordPress RSS feed [V], Yoast-style sitemaps (a guess for this
site: the same plugin's format as OrthoSpineNews) and robots.txt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text import excerpt
from ..timefmt import rfc822
from ..wp_feeds import cdata, xml_text
from .constants import ORIGIN, PER_PAGE, SITE_TITLE, TAGLINE, TODAY, VARIANTS

if TYPE_CHECKING:

    from .model import Post

URLSET = ('<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '  # Yoast's, without
          'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" '  # the image schema
          'xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 '
          'http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd" '
          'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n')


def rss(posts: list[Post]) -> str:
    items = []
    for post in posts[:PER_PAGE]:
        cats = "".join(f"\t\t<category>{cdata(t.name)}</category>\n"
                       for t in [*post.categories, *post.tags])
        # The feed links through its tracking query on every other post.
        href = VARIANTS.variant(post, "utm") if post.post_id % 2 else post.url
        items.append(
            f"\t<item>\n\t\t<title>{xml_text(post.title)}</title>\n"
            f"\t\t<link>{xml_text(href)}</link>\n"
            f"\t\t<dc:creator>{cdata(post.writers[0].name)}</dc:creator>\n"
            f"\t\t<pubDate>{rfc822(post.published)}</pubDate>\n{cats}"
            f'\t\t<guid isPermaLink="false">{ORIGIN}/?p={post.post_id}</guid>\n'
            f"\t\t<description>{cdata(excerpt(post.description, 55))}</description>\n"
            f"\t\t<content:encoded>{cdata(post.body_html)}</content:encoded>\n\t</item>\n")
    built = max((p.modified for p in posts[:PER_PAGE]), default=TODAY)
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"\n'
            '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
            '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
            '\txmlns:atom="http://www.w3.org/2005/Atom"\n'
            '\txmlns:sy="http://purl.org/rss/1.0/modules/syndication/"\n\t>\n\n<channel>\n'
            f"\t<title>{xml_text(SITE_TITLE)}</title>\n"
            f'\t<atom:link href="{ORIGIN}/feed/" rel="self" type="application/rss+xml" />\n'
            f"\t<link>{ORIGIN}</link>\n\t<description>{xml_text(TAGLINE)}</description>\n"
            f"\t<lastBuildDate>{rfc822(built)}</lastBuildDate>\n\t<language>en-US</language>\n"
            "\t<sy:updatePeriod>\n\thourly\t</sy:updatePeriod>\n"
            "\t<generator>https://wordpress.org/?v=6.8.1</generator>\n"
            + "".join(items) + "</channel>\n</rss>\n")


def robots() -> str:
    return ("User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n"
            "Disallow: /wp-login.php\n\n"
            f"Sitemap: {ORIGIN}/sitemap_index.xml\n")
