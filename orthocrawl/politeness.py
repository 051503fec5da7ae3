"""Politeness that lasts for years: robots.txt Crawl-delay honoured, and a User-Agent that
says how to reach the operator.

Scrapy obeys robots.txt rules but not its Crawl-delay, which the parser it uses (Protego)
reads; CrawlDelay makes it the lower bound of the site's download delay (jitter off: the
site asked for at least that long), capped at MAX_CRAWL_DELAY, re-applied after each
AutoThrottle adjustment, and never applied to a mirror on this machine unless
ORTHOCRAWL_POLITE_MIRRORS asks for it.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.httpobj import urlparse_cached

from orthocrawl import __version__
from orthocrawl.urls import domain_matches, is_loopback

logger = logging.getLogger(__name__)

MAX_CRAWL_DELAY = 60.0  # seconds: above this a site's Crawl-delay is capped, with a warning


def user_agent(contact: str = "") -> str:
    """orthocrawl's User-Agent; with the operator's contact (a URL or e-mail address)."""
    reach = f"+{contact}; " if contact else ""
    return f"orthocrawl/{__version__} ({reach}archive of the orthopaedic trade press; " \
        "polite crawler)"


class Addon:
    """Scrapy add-on (ADDONS): the User-Agent with ORTHOCRAWL_CONTACT in it, unless the user
    set USER_AGENT themselves."""

    def update_settings(self, settings: BaseSettings) -> None:
        contact = settings.get("ORTHOCRAWL_CONTACT") or ""
        settings.set("USER_AGENT", user_agent(contact), priority="addon")


def mirrored_to_loopback(host: str, mirrors: dict[str, str]) -> bool:
    return any(domain_matches(host, (domain,)) and is_loopback(base)
               for domain, base in mirrors.items())


class CrawlDelay:
    """Extension: a robots.txt Crawl-delay as the lower bound of its host's delay."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        settings = crawler.settings
        self.mirrors: dict[str, str] = dict(settings.getdict("ORTHOCRAWL_MIRRORS"))
        self.polite_mirrors = settings.getbool("ORTHOCRAWL_POLITE_MIRRORS")
        self.user_agent = settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT")
        self.delays: dict[str, float] = {}  # host -> the delay applied

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlDelay:
        extension = cls(crawler)
        crawler.signals.connect(extension.robots_parsed, signal=signals.robots_parsed)
        # Connected after AutoThrottle's (a built-in extension, loaded first): this
        # handler runs after it has adjusted the delay, and restores the floor.
        crawler.signals.connect(extension.response_downloaded,
                                signal=signals.response_downloaded)
        return extension

    def robots_parsed(self, robotparser: Any, request: Request) -> None:
        try:
            asked = robotparser.crawl_delay(self.user_agent)
        except Exception:
            return
        if not asked or asked <= 0:
            return
        host = urlparse_cached(request).hostname or ""
        self.stats.set_value("orthocrawl/crawl_delay/asked", float(asked))
        if mirrored_to_loopback(host, self.mirrors) and not self.polite_mirrors:
            self.stats.set_value("orthocrawl/crawl_delay/not_applied", "loopback mirror")
            return
        delay = float(asked)
        if delay > MAX_CRAWL_DELAY:
            logger.warning("%s asks for a Crawl-delay of %g s in robots.txt: capped at %g s",
                           host, delay, MAX_CRAWL_DELAY)
            self.stats.set_value("orthocrawl/crawl_delay/capped", delay)
            delay = MAX_CRAWL_DELAY
        self.delays[host] = delay
        self.stats.set_value("orthocrawl/crawl_delay", delay)
        downloader = self.crawler.engine.downloader
        downloader.per_slot_settings[host] = {
            **downloader.per_slot_settings.get(host, {}), "delay": delay, "jitter": 0}
        slot = downloader.slots.get(host)
        if slot is not None:
            self._floor(slot, delay)

    def response_downloaded(self, response: Response, request: Request, spider: Spider) -> None:
        if not self.delays:
            return
        delay = self.delays.get(urlparse_cached(request).hostname or "")
        slot = self.crawler.engine.downloader.slots.get(request.meta.get("download_slot", ""))
        if delay and slot is not None:
            self._floor(slot, delay)

    @staticmethod
    def _floor(slot: Any, delay: float) -> None:
        slot.jitter = 0
        slot.delay = max(slot.delay, delay)
