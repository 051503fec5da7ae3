"""The Spine Market Group: WordPress core sitemaps (robots.txt -> /wp-sitemap.xml ->
/wp-sitemap-posts-post-N.xml), the feed at /feed, and the Articles archive with Genesis
pagination. Posts (and pages) live at slug-only URLs without a trailing slash."""

from __future__ import annotations

import re

from orthocrawl.spiders.base import PublisherSpider


class SpineMarketGroupSpider(PublisherSpider):
    name = "spinemarketgroup"
    site_name = "spinemarketgroup"
    origin = "https://thespinemarketgroup.com"
    allowed_domains = ["thespinemarketgroup.com"]
    sitemap_follow = [r"/wp-sitemap-posts-post-\d+\.xml$"]
    feed_paths = ("/feed",)
    listing_paths = ("/category/articles/",)
    listing_next_css = "div.archive-pagination li.pagination-next a::attr(href)"
    article_path = re.compile(
        r"^/(?!(?:category|tag|author|page|feed|wp-[a-z-]+)(?:/|$))[a-z0-9][a-z0-9-]*$")
