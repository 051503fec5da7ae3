"""The publishers orthocrawl knows: name -> spider (which carries origin and domains)."""

from __future__ import annotations

from orthocrawl.spiders.base import PublisherSpider
from orthocrawl.spiders.orthospinenews import OrthoSpineNewsSpider

SPIDERS: dict[str, type[PublisherSpider]] = {
    spider.name: spider for spider in (OrthoSpineNewsSpider,)
}


class UnknownSiteError(KeyError):
    def __str__(self) -> str:
        return (f"unknown site {self.args[0]!r} (known: {', '.join(sorted(SPIDERS))}; "
                "see `orthocrawl sites`)")


def spider_for(name: str) -> type[PublisherSpider]:
    try:
        return SPIDERS[name]
    except KeyError:
        raise UnknownSiteError(name) from None
