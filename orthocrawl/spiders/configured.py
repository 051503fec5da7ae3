"""Spiders for the sites added in TOML files: one PublisherSpider subclass per file.

orthocrawl.sites.load_sites builds them (explicitly, for every entry point), so
`orthocrawl crawl NAME` and `scrapy crawl NAME` work for them as for the built-in
publishers.
"""

from __future__ import annotations

import re

from orthocrawl.pages.configured import page_class
from orthocrawl.siteconfig import SiteConfig
from orthocrawl.spiders.base import PublisherSpider

ANY_PATH = re.compile(r"^/.+")


def spider_class(config: SiteConfig) -> type[PublisherSpider]:
    page_class(config)  # the site's page object, registered with web-poet
    attributes = {
        "name": config.name,
        "site_name": config.name,
        "origin": config.origin,
        "allowed_domains": list(config.domains),
        "sitemap_paths": tuple(config.sitemaps),
        "feed_paths": tuple(config.feeds),
        "listing_paths": tuple(config.listings),
        "listing_article_css": config.listing_links,
        "listing_next_css": config.next_page,
        "sitemap_follow": list(config.sitemap_follow),
        "default_discover": tuple(config.discover),
        "article_path": re.compile(config.article_pattern) if config.article_pattern
        else ANY_PATH,
        "__module__": __name__,
    }
    return type(f"{config.name.title().replace('-', '').replace('_', '')}Spider",
                (PublisherSpider,), attributes)
