"""OrthoBuzz: Yoast sitemaps through robots.txt, the WordPress feed, and the home page's
Twenty Sixteen archive (``h2.entry-title`` links, ``a.next`` pagination); articles live at
dated permalinks, /YYYY/MM/DD/slug/. Everything else is the base spider's default."""

from __future__ import annotations

from orthocrawl.spiders.base import PublisherSpider


class OrthoBuzzSpider(PublisherSpider):
    name = "orthobuzz"
    site_name = "orthobuzz"
    origin = "https://orthobuzz.jbjs.org"
    allowed_domains = ["orthobuzz.jbjs.org"]
