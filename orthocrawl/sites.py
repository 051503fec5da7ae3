"""The publishers orthocrawl knows: name -> spider (which carries origin and domains).

Every spider in the orthocrawl.spiders package is found by Scrapy's own spider
loader, so a new publisher needs only its spider module (and page object).
"""

from __future__ import annotations

from functools import cache

from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader

from orthocrawl.spiders.base import PublisherSpider


@cache
def spiders() -> dict[str, type[PublisherSpider]]:
    loader = SpiderLoader.from_settings(Settings({"SPIDER_MODULES": ["orthocrawl.spiders"]}))
    return {name: loader.load(name) for name in sorted(loader.list())}


class UnknownSiteError(KeyError):
    def __str__(self) -> str:
        return (f"unknown site {self.args[0]!r} (known: {', '.join(spiders())}; "
                "see `orthocrawl sites`)")


def spider_for(name: str) -> type[PublisherSpider]:
    try:
        return spiders()[name]
    except KeyError:
        raise UnknownSiteError(name) from None
