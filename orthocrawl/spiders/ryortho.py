"""Orthopedics This Week: WordPress feed, Yoast-style sitemaps (a guess for this site) and the
/breaking/ archive; every article lives at /breaking/slug/."""

from __future__ import annotations

import re

from orthocrawl.spiders.base import PublisherSpider


class RyorthoSpider(PublisherSpider):
    name = "ryortho"
    site_name = "ryortho"
    origin = "https://ryortho.com"
    allowed_domains = ["ryortho.com"]
    listing_paths = ("/breaking/",)
    # /breaking/slug/, but not the archive's own /breaking/page/N/ nor attachment pages below
    # a post (/breaking/slug/image-name/).
    article_path = re.compile(r"^/breaking/(?!page/)[a-z0-9][a-z0-9-]*/?$")
