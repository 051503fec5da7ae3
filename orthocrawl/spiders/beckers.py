"""Becker's Spine Review: sitemaps by year, the /rss feed, section listings with ?page=N."""

from __future__ import annotations

import re

from orthocrawl.spiders.base import PublisherSpider

SECTIONS = ("spine", "orthopedic", "spinal-tech", "practice-management", "featured-insights")


class BeckersSpineSpider(PublisherSpider):
    name = "beckersspine"
    site_name = "beckersspine"
    origin = "https://www.beckersspine.com"
    allowed_domains = ["beckersspine.com"]
    sitemap_follow = [r"/sitemaps/articles-\d{4}\.xml$"]
    feed_paths = ("/rss",)
    listing_paths = tuple(f"/{section}/" for section in SECTIONS)
    listing_article_css = "div.section-listing h2.listing-title a::attr(href)"
    listing_next_css = "nav.pager a[rel=next]::attr(href)"
    # K2 items (/spine/item/24081-slug.html), Joomla 3 articles (/spine/44584-slug.html) and
    # the new CMS's /spine/slug/, in any section.
    article_path = re.compile(
        rf"^/(?:{'|'.join(SECTIONS)})/(?:item/\d+-[^/]+\.html|\d+-[^/]+\.html"
        r"|[a-z0-9][a-z0-9-]*/?)$")
