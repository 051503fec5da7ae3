"""Spiders for the sites added in TOML files: one PublisherSpider subclass per file.

Scrapy's spider loader imports this module and finds the classes made here, so
`orthocrawl crawl NAME` and `scrapy crawl NAME` work for them as for the built-in
publishers. A broken site file is skipped here with a warning; the CLI refuses to
run until it is fixed (siteconfig.load_all raises with file, line and reason).
"""

from __future__ import annotations

import logging
import re

from orthocrawl.pages.configured import page_class
from orthocrawl.siteconfig import SiteConfig, SiteConfigError, load, sites_dir
from orthocrawl.spiders.base import PublisherSpider

logger = logging.getLogger(__name__)
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
        "sitemap_follow": [""],  # a configured site's sitemap index: follow every sitemap
        "article_path": re.compile(config.article_pattern) if config.article_pattern
        else ANY_PATH,
        "__module__": __name__,
    }
    return type(f"{config.name.title().replace('-', '').replace('_', '')}Spider",
                (PublisherSpider,), attributes)


def _load() -> dict[str, type[PublisherSpider]]:
    folder = sites_dir()
    found: dict[str, type[PublisherSpider]] = {}
    for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
        try:
            config = load(path)
        except SiteConfigError as error:
            logger.warning("skipped site file: %s", error)
            continue
        found[config.name] = spider_class(config)
    return found


# Module globals are what Scrapy's spider loader looks at.
globals().update({cls.__name__: cls for cls in _load().values()})
