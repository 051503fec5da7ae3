"""What every replica does alike around its pages: the render cache, warming, and the
truth, article URLs and chrome texts the tests and benchmarks read."""

from __future__ import annotations

import gc
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, ClassVar
from urllib.parse import urlsplit

from . import wire
from .text import normalize
from .timefmt import iso_z


def truth_record(post: Any, authors: list[str], posted_by: str | None, modified: Any,
                 categories: list[str], tags: list[str], lead_image: str | None,
                 source: str | None) -> dict[str, Any]:
    """What a perfect crawl archives of ``post`` (its url, site, title, description, dates and
    body), with what its page shows of the rest; ``modified``: None when no page says it."""
    return {
        "url": post.url, "site": post.site, "title": post.title, "authors": authors,
        "posted_by": posted_by, "published_at": iso_z(post.published),
        "modified_at": iso_z(modified) if modified else None, "categories": categories,
        "tags": tags, "description": post.description, "lead_image": lead_image,
        "language": "en", "body_text": post.body_text, "word_count": post.word_count,
        "source": source, **wire.truth(post),
    }


class CachedReplica:
    """A site of ``posts`` (anything with ``url``, ``path``, ``body_text`` and ``truth()``)
    whose pages are rendered on first request and kept in a bounded LRU cache."""

    name: ClassVar[str] = ""
    origin: ClassVar[str] = ""  # https://host, the canonical origin
    domains: ClassVar[list[str]] = []

    def __init__(self, posts: list[Any], cache_size: int = 20000) -> None:
        self.posts = posts
        self.by_path: dict[str, Any] = {p.path: p for p in posts}
        self._cache: OrderedDict[tuple, tuple] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def _rendered_post(self, post: Any) -> tuple:
        """(page bytes, chrome text lines, ...) of a post's page, cached."""
        raise NotImplementedError

    # -- what the tests and benchmarks read ----------------------------------------------------
    def truth(self) -> list[dict]:
        return [p.truth() for p in self.posts]

    def article_urls(self) -> list[str]:
        return [p.url for p in self.posts]

    def chrome_texts(self, url: str) -> list[str]:
        """The page's text lines that are not article text: what an extractor must drop."""
        post = self.by_path.get(urlsplit(url).path)
        if post is None:
            raise KeyError(f"not an article of the {self.name} replica: {url}")
        lines = self._rendered_post(post)[1]
        body = post.body_text
        seen: dict[str, None] = {}
        for line in lines:
            line = normalize(line)
            if len(line) >= 12 and line not in body:
                seen.setdefault(line)
        return list(seen)

    def warm(self) -> None:
        """Render every article page now, so serving them later costs only a cache hit."""
        paused = gc.isenabled()
        gc.disable()  # only long-lived strings are made here: skip the collector's passes
        try:
            for post in self.posts:
                self._rendered_post(post)
        finally:
            if paused:
                gc.enable()

    # -- caching ------------------------------------------------------------------------------
    def cached(self, key: tuple, make: Callable[[], tuple]) -> tuple:
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
        value = make()
        with self._lock:
            self._cache[key] = value
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return value
