"""The interface every publisher's replica offers: what the hub, the server, the ``replica``
commands, the tests and the benchmarks call. A FaultySite or a ReplicaHub offers it too."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

from .responses import Response


@runtime_checkable
class Replica(Protocol):
    @property
    def name(self) -> str:
        """The publisher's name, as ``orthocrawl crawl`` knows it."""

    @property
    def origin(self) -> str:
        """``https://host``: the canonical origin."""

    @property
    def domains(self) -> list[str]:
        """Every host the site answers on (the others redirect to the origin's)."""

    @property
    def posts(self) -> Sequence[Any]:
        """The site's articles, newest first, as the replica models them."""

    def handle(self, method: str, url: str, headers: Mapping[str, str]) -> Response:
        """Answer one request for a full public URL, as the real site would."""

    def truth(self) -> list[dict[str, Any]]:
        """What a perfect crawl archives: one record per article, newest first."""

    def article_urls(self) -> list[str]:
        """The canonical URL of every article, newest first."""

    def non_article_urls(self) -> list[str]:
        """Pages that look like articles but are not (pages, searches, attachments...)."""

    def variant_urls(self) -> dict[str, str]:
        """A sample of other URLs of articles (tracking, scheme, host...) -> canonical URL."""

    def chrome_texts(self, url: str) -> list[str]:
        """The text lines of an article page that are not article text."""

    def warm(self) -> None:
        """Render every article page now, so that serving them costs a cache hit."""
