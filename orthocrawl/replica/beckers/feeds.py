"""Machine-facing documents: the RSS feed at /rss, robots.txt and the sitemaps.

The sitemaps are a guess [G]: the real site's are not documented. A news CMS of this kind
typically publishes an index at /sitemap.xml with one article sitemap per year."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from ..timefmt import rfc822
from .article_page import names
from .clock import iso_local, local
from .constants import FEED_ITEMS, NOW, ORIGIN, SECTIONS, SITE_TITLE

if TYPE_CHECKING:
    from .model import Article

ROBOTS = f"""# robots.txt for {SITE_TITLE}
User-agent: *
Disallow: /administrator/
Disallow: /cache/
Disallow: /component/banners/
Disallow: /tmp/

Sitemap: {ORIGIN}/sitemap.xml
"""
_URLSET = '<?xml version="1.0" encoding="UTF-8"?>\n' \
          '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'


def rss(articles: list[Article]) -> str:
    items = []
    for a in articles[:FEED_ITEMS]:
        link = a.variant("rss") if a.item_id % 3 == 0 else a.url
        items.append(
            f"<item>\n<title>{escape(a.title, quote=False)}</title>\n"
            f"<link>{escape(link, quote=False)}</link>\n"
            f"<description>{escape(a.description or '', quote=False)}</description>\n"
            f"<dc:creator>{escape(names(a.authors), quote=False)}</dc:creator>\n"
            f"<category>{escape(a.section.label, quote=False)}</category>\n"
            f"<pubDate>{rfc822(a.published)}</pubDate>\n"
            f'<guid isPermaLink="false">bsr-{a.item_id}</guid>\n</item>\n')
    built = max((a.published for a in articles[:FEED_ITEMS]), default=NOW)
    return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
            f"<title>{escape(SITE_TITLE, quote=False)}</title>\n<link>{ORIGIN}/</link>\n"
            f'<atom:link href="{ORIGIN}/rss" rel="self" type="application/rss+xml" />\n'
            "<description>Spine and orthopedic news from Becker's Healthcare</description>\n"
            f"<language>en-us</language>\n<lastBuildDate>{rfc822(built)}</lastBuildDate>\n"
            + "".join(items) + "</channel>\n</rss>\n")


def sitemap_index(articles: list[Article]) -> str:
    latest: dict[int, Article] = {}
    for a in articles:
        year = local(a.published).year
        if year not in latest or a.modified > latest[year].modified:
            latest[year] = a
    entries = [f"<sitemap><loc>{ORIGIN}/sitemaps/articles-{y}.xml</loc><lastmod>"
               f"{iso_local(latest[y].modified)}</lastmod></sitemap>\n"
               for y in sorted(latest, reverse=True)]
    entries.append(f"<sitemap><loc>{ORIGIN}/sitemaps/sections.xml</loc></sitemap>\n")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex '
            'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + "".join(entries)
            + "</sitemapindex>\n")


def year_sitemap(articles: list[Article], year: int) -> str | None:
    chosen = [a for a in articles if local(a.published).year == year]
    if not chosen:
        return None
    rows = "".join(f"<url><loc>{escape(a.url, quote=False)}</loc><lastmod>"
                   f"{iso_local(a.modified)}</lastmod></url>\n" for a in chosen)
    return _URLSET + rows + "</urlset>\n"


def sections_sitemap() -> str:
    rows = "".join(f"<url><loc>{ORIGIN}/{s.slug}/</loc><changefreq>hourly</changefreq></url>\n"
                   for s in SECTIONS.values())
    return _URLSET + f"<url><loc>{ORIGIN}/</loc></url>\n" + rows + "</urlset>\n"
