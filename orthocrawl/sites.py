"""The sites orthocrawl knows: the built-in publishers (a spider module and page object
each) and the sites added as TOML files, loaded explicitly by every entry point.

`load_sites()` reads the site files (SiteConfigError, with file, line and reason, for a
broken one), builds a spider class for each and registers its page object with web-poet.
`orthocrawl crawl`, `extract`, `reparse`, `sites check` and orthocrawl's `scrapy crawl`
call it before they pick a spider or a page object; Scrapy's own spider loader
(SiteSpiderLoader, for `scrapy list` and scrapyd) calls it too.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path
from typing import Any, cast

from scrapy.settings import BaseSettings, Settings
from scrapy.spiderloader import SpiderLoader

from orthocrawl.errors import BadInput
from orthocrawl.siteconfig import SiteConfigError, load_all
from orthocrawl.spiders.base import PublisherSpider

logger = logging.getLogger(__name__)
BUILTIN_MODULES = ["orthocrawl.spiders"]

_loaded: dict[str, type[PublisherSpider]] = {}


@cache
def builtin_spiders() -> dict[str, type[PublisherSpider]]:
    loader = SpiderLoader.from_settings(Settings({"SPIDER_MODULES": BUILTIN_MODULES}))
    return {name: cast(type[PublisherSpider], loader.load(name))
            for name in sorted(loader.list())}


def load_sites(folder: Path | None = None) -> dict[str, type[PublisherSpider]]:
    """Every site file's spider (its page object registered), by name; SiteConfigError
    for a broken file or one named like a built-in publisher."""
    from orthocrawl.spiders.configured import spider_class

    for config in load_all(folder):
        if config.name in builtin_spiders():
            raise SiteConfigError(f"{config.path}:1: {config.name!r} is a built-in publisher; "
                                  "give the site file another name")
        if config.name not in _loaded:
            _loaded[config.name] = spider_class(config)
    return dict(_loaded)


def spiders() -> dict[str, type[PublisherSpider]]:
    """Built-in publishers and the site files loaded so far (see load_sites)."""
    return {**builtin_spiders(), **_loaded}


class UnknownSiteError(BadInput, KeyError):
    def __str__(self) -> str:
        return (f"unknown site {self.args[0]!r} (known: {', '.join(spiders())}; "
                "see `orthocrawl sites`)")


def spider_for(name: str) -> type[PublisherSpider]:
    try:
        return spiders()[name]
    except KeyError:
        raise UnknownSiteError(name) from None


class SiteSpiderLoader(SpiderLoader):
    """Scrapy's spider loader (SPIDER_LOADER_CLASS) with the site files' spiders: `scrapy
    list`, `scrapy crawl NAME` and scrapyd see them. A broken site file is skipped here
    with a warning; orthocrawl's commands refuse to run until it is fixed."""

    def __init__(self, settings: BaseSettings, **kwargs: Any) -> None:
        super().__init__(settings, **kwargs)
        try:
            self._spiders.update(load_sites())
        except SiteConfigError as error:
            logger.warning("skipped the site files: %s", error)
