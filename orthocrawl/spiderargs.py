"""A crawl's arguments, checked in one place for `orthocrawl crawl` options, `scrapy crawl -a`
and scrapyd's spider arguments alike (before any crawl starts)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from orthocrawl.errors import BadInput

DISCOVERY_MODES = ("sitemap", "feed", "listing")
RECHECK_WORDS = ("all", "dropped")


class SpiderArgError(BadInput):
    """A spider argument that cannot be used; the message is one line."""


@dataclass(frozen=True)
class SpiderArgs:
    """discover: discovery modes; urls: article URLs to fetch instead of discovering;
    max_pages: listing pages to walk at most; full: fetch every article again without
    validators; recheck: "" (the scheduled re-checks), "all", "dropped" or a number of
    days as text."""

    discover: tuple[str, ...] = ("sitemap",)
    urls: tuple[str, ...] = ()
    max_pages: int = 50
    full: bool = False
    recheck: str = ""

    @property
    def recheck_days(self) -> float | None:
        return float(self.recheck) if self.recheck not in ("", *RECHECK_WORDS) else None


def parse_discover(value: str | Iterable[str] | None,
                   default: tuple[str, ...] = ("sitemap",)) -> tuple[str, ...]:
    if value is None or value == "" or (not isinstance(value, str) and not list(value)):
        value = default
    modes = [m.strip() for m in (value.split(",") if isinstance(value, str) else value)
             if m.strip()]
    if modes == ["all"]:
        return DISCOVERY_MODES
    unknown = [m for m in modes if m not in DISCOVERY_MODES]
    if unknown or not modes:
        raise SpiderArgError(f"discover={value!r}: use {', '.join(DISCOVERY_MODES)} "
                             "(comma-separated) or all")
    return tuple(dict.fromkeys(modes))


def parse_recheck(value: Any) -> str:
    text = str(value or "").strip()
    if text in ("", *RECHECK_WORDS):
        return text
    try:
        days = float(text)
    except ValueError:
        days = math.nan
    if not days >= 0 or math.isinf(days):  # also refuses nan
        raise SpiderArgError(f"recheck={value!r}: a number of days (0 or more), all or "
                             "dropped")
    return text


def parse_flag(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes"):
        return True
    if text in ("", "0", "false", "no"):
        return False
    raise SpiderArgError(f"{name}={value!r}: true or false")


def parse_spider_args(discover: Any = None, urls: Any = "", max_pages: Any = 50,
                      full: Any = False, recheck: Any = "",
                      default_discover: tuple[str, ...] = ("sitemap",),
                      **unknown: Any) -> SpiderArgs:
    """Every argument a publisher spider takes, checked; SpiderArgError says what is wrong."""
    unknown = {k: v for k, v in unknown.items() if not k.startswith("_")}  # scrapyd's _job
    if unknown:
        name = sorted(unknown)[0]
        raise SpiderArgError(f"unknown spider argument {name!r} (arguments: discover, urls, "
                             "max_pages, full, recheck)")
    url_list = [u.strip() for u in (urls.split(",") if isinstance(urls, str) else urls or [])
                if u and u.strip()]
    for url in url_list:
        if not url.lower().startswith(("http://", "https://")):
            raise SpiderArgError(f"urls: {url!r} is not an http(s) URL")
    try:
        pages = int(max_pages)
    except (TypeError, ValueError):
        pages = 0
    if pages < 1:
        raise SpiderArgError(f"max_pages={max_pages!r}: a whole number, 1 or more")
    return SpiderArgs(discover=parse_discover(discover, default_discover), urls=tuple(url_list),
                      max_pages=pages, full=parse_flag("full", full),
                      recheck=parse_recheck(recheck))
