"""Item pipelines, one concern each: clean -> validate -> de-duplicate -> store.

Every dropped item is counted in the crawl stats under
``orthocrawl/dropped/<reason>`` and ends up in the run's row in the archive.
"""

from __future__ import annotations

import hashlib
import time
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from orthocrawl.archive import Archive
from orthocrawl.items import EXPORT_FIELDS, Article, RawPage
from orthocrawl.pages.body import normalize_space, word_count
from orthocrawl.urls import canonical_url


def content_hash(article: Article) -> str:
    """What identifies a version of an article: its title and its text."""
    digest = hashlib.sha256()
    digest.update((article.title or "").encode())
    digest.update(b"\x00")
    digest.update(article.body_text.encode())
    return digest.hexdigest()


STORED_FIELDS = EXPORT_FIELDS


class _CountingPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler)

    def drop(self, reason: str, article: Article) -> DropItem:
        self.stats.inc_value(f"orthocrawl/dropped/{reason}")
        self.stats.inc_value("orthocrawl/dropped")
        return DropItem(f"{reason}: {article.url}")


class CleanPipeline(_CountingPipeline):
    """Normalise white space and lists, canonicalise the URL, count words, hash the content."""

    def process_item(self, article: Article) -> Article:
        article.url = canonical_url(article.url)
        for name in ("title", "posted_by", "description", "source"):
            value = getattr(article, name)
            setattr(article, name, normalize_space(value) or None if value else None)
        for name in ("authors", "categories", "tags"):
            values = (normalize_space(v) for v in getattr(article, name) or [])
            setattr(article, name, list(dict.fromkeys(v for v in values if v)))
        article.body_text = article.body_text.strip()
        article.word_count = word_count(article.body_text)
        article.content_hash = content_hash(article)
        return article


class ValidatePipeline(_CountingPipeline):
    """Keep articles only: a page of another kind, or one without title or text, is dropped."""

    min_words = 10

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.min_words = crawler.settings.getint("ORTHOCRAWL_MIN_WORDS", self.min_words)

    def process_item(self, article: Article) -> Article:
        if article.page_type != "article":
            raise self.drop(f"not_article_{article.page_type}", article)
        if not article.title:
            raise self.drop("no_title", article)
        if article.word_count < self.min_words:
            raise self.drop("too_short", article)
        return article


class DeduplicatePipeline(_CountingPipeline):
    """One article per canonical URL in a run, however many URL variants led to it."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.seen: set[str] = set()

    def process_item(self, article: Article) -> Article:
        if article.url in self.seen:
            raise self.drop("duplicate", article)
        self.seen.add(article.url)
        return article


class StorePipeline(_CountingPipeline):
    """Write articles and their raw pages to the archive, in batched transactions."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        settings = crawler.settings
        self.path = settings.get("ORTHOCRAWL_DB")
        self.batch_size = settings.getint("ORTHOCRAWL_BATCH_SIZE", 200)
        self.batch_seconds = settings.getfloat("ORTHOCRAWL_BATCH_SECONDS", 2.0)
        self.buffer: list[tuple[dict[str, Any], RawPage | None]] = []
        self.last_flush = time.monotonic()
        self.archive: Archive | None = None

    def open_spider(self) -> None:
        self.archive = Archive(self.path)

    def process_item(self, article: Article) -> Article:
        record = {name: getattr(article, name) for name in STORED_FIELDS}
        self.buffer.append((record, article.raw_page))
        article.raw_page = None  # the buffer holds it; free the item
        if (len(self.buffer) >= self.batch_size
                or time.monotonic() - self.last_flush >= self.batch_seconds):
            self.flush()
        return article

    def flush(self) -> None:
        if not self.buffer or self.archive is None:
            return
        for outcome in self.archive.store(self.buffer):
            self.stats.inc_value(f"orthocrawl/articles_{outcome}")
        self.buffer.clear()
        self.last_flush = time.monotonic()

    def close_spider(self) -> None:
        self.flush()
        if self.archive is not None:
            self.archive.close()
