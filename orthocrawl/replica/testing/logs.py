"""Request logs: a replica wrapped so that every answer it gives is counted."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from ..responses import Response
from ..server import ACTION


class RequestLog:
    """Thread-safe tally of answered requests: (url, status) -> times. ``reset()`` clears it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hits: Counter[tuple[str, int]] = Counter()

    def record(self, url: str, status: int) -> None:
        with self._lock:
            self._hits[(url, status)] += 1

    def count(self, status: int | None = None, url: str | None = None) -> int:
        """Requests answered with ``status`` (any when None), for ``url`` (any when None)."""
        with self._lock:
            return sum(n for (u, st), n in self._hits.items()
                       if (status is None or st == status) and (url is None or u == url))

    def statuses(self) -> Counter[int]:
        with self._lock:
            return sum((Counter({st: n}) for (_, st), n in self._hits.items()), Counter())

    def urls(self, status: int | None = None) -> set[str]:
        with self._lock:
            return {u for (u, st) in self._hits if status is None or st == status}

    def reset(self) -> None:
        with self._lock:
            self._hits.clear()


class Logged:
    """``site`` (any replica, faulty or not) with its answers counted; every other attribute
    is the site's.

    ``requests`` tallies every request by URL as asked and status (0: the connection was
    dropped); ``request_log`` the article pages only, by canonical URL: 200 and 304 answers,
    and the 404s of articles the site has deleted (a later state)."""

    def __init__(self, site: Any) -> None:
        self.site = site
        self.requests = RequestLog()
        self.request_log = RequestLog()
        changes = getattr(site, "changes", None)
        gone = changes()["deleted"] if changes else []
        self._articles = {urlsplit(u).path: u for u in [*gone, *site.article_urls()]}
        self._origin = site.origin

    def __getattr__(self, name: str) -> Any:
        if name == "site":  # not set yet: no recursion
            raise AttributeError(name)
        return getattr(self.site, name)

    def handle(self, method: str, url: str, headers: Mapping[str, str]) -> Response:
        response = self.site.handle(method, url, headers)
        status = 0 if (ACTION, "drop") in response[1] else response[0]
        self.requests.record(url, status)
        parts = urlsplit(url)
        article = self._articles.get(parts.path)
        if article and f"{parts.scheme}://{parts.netloc}" == self._origin and status in (
                200, 304, 404):
            self.request_log.record(article, status)
        return response
