"""OrthoSpineNews: Yoast sitemaps, a WordPress feed, Jannah listings."""

from __future__ import annotations

import re

from orthocrawl.spiders.base import PublisherSpider


class OrthoSpineNewsSpider(PublisherSpider):
    name = "orthospinenews"
    site_name = "orthospinenews"
    origin = "https://www.orthospinenews.com"
    allowed_domains = ["orthospinenews.com"]
    feed_paths = ("/feed/",)
    listing_paths = ("/",)
    listing_article_css = "ul#posts-container li.post-item h2.post-title a::attr(href)"
    listing_next_css = (
        "div.pages-nav li.the-next-page a::attr(href), a.next-page::attr(href), "
        "a.next::attr(href)"
    )
    # Dated permalinks, plus the slug-only permalinks of old posts ("/some-story-2/").
    article_path = re.compile(r"^/(?:\d{4}/\d{2}/\d{2}/)?(?!page/|category/|tag/|author/|feed/)"
                              r"[a-z0-9][a-z0-9-]*/?$")
