"""What an incremental crawl knows before it starts: the site's archived articles.

A known article is requested again only when its sitemap <lastmod> is newer than
the archived modified date, when it is due for a re-check (conditional GET: the
site answers 304 Not Modified when nothing changed), or when it vanished from
the sitemaps (a 404 or 410 then marks it gone).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from orthocrawl.archive import Archive
from orthocrawl.dates import to_utc_iso
from orthocrawl.urls import canonical_url


@dataclass
class KnownArticles:
    articles: dict[str, dict[str, Any]] = field(default_factory=dict)
    recheck_before: str | None = None  # re-check known articles last seen before this
    requested: set[str] = field(default_factory=set)  # canonical URLs asked for this run
    in_sitemaps: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, db: str | Path, site: str, recheck_days: float | None) -> KnownArticles:
        if not Path(db).exists():
            return cls()
        with Archive(db) as archive:
            articles = archive.known(site)
        cutoff = None
        if recheck_days is not None:
            moment = datetime.now(UTC) - timedelta(days=recheck_days)
            cutoff = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
        return cls(articles=articles, recheck_before=cutoff)

    def get(self, url: str) -> dict[str, Any] | None:
        return self.articles.get(canonical_url(url))

    def unchanged_since(self, url: str, lastmod: str | None) -> bool:
        """True when the archive holds this article at least as new as <lastmod> says."""
        known = self.get(url)
        stamp = to_utc_iso(lastmod) if lastmod else None
        if known is None or stamp is None or not known["modified_at"]:
            return False
        return stamp <= known["modified_at"] and not self.due(known)

    def due(self, known: dict[str, Any]) -> bool:
        return bool(self.recheck_before and (known["last_seen"] or "") < self.recheck_before)

    def conditional_headers(self, url: str) -> dict[str, str]:
        known = self.get(url)
        headers: dict[str, str] = {}
        if known and known.get("etag"):
            headers["If-None-Match"] = known["etag"]
        if known and known.get("last_modified"):
            headers["If-Modified-Since"] = known["last_modified"]
        return headers

    def to_recheck(self, sitemaps_complete: bool) -> list[str]:
        """Known live articles not requested yet that are due, or gone from the sitemaps."""
        urls = []
        for url, known in self.articles.items():
            if url in self.requested or known["status"] != "live":
                continue
            vanished = sitemaps_complete and url not in self.in_sitemaps
            if vanished or self.due(known):
                urls.append(url)
        return urls
