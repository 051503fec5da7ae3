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
from orthocrawl.urls import variant_key


@dataclass
class KnownArticles:
    articles: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Known articles due for a re-check (conditional GET) this run: due by the last time
    # the site vouched for the page (see load), not by last_seen, which a sitemap listing
    # the article unchanged moves on every run.
    due_urls: set[str] = field(default_factory=set)
    # variant_key()s of the URLs asked for this run, and of those the sitemaps list
    requested: set[str] = field(default_factory=set)
    in_sitemaps: set[str] = field(default_factory=set)
    # variant_key() -> the <lastmod> this run's sitemaps give (UTC ISO, None if none)
    listed_lastmod: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def load(cls, db: str | Path, site: str, recheck_days: float | None,
             limit: int | None = None) -> KnownArticles:
        """The site's archived articles. Those the site has not confirmed (a 200 or a 304)
        for `recheck_days` (0: all of them; None: none) are due, the longest unconfirmed
        first, at most `limit` a run: a bulk crawl's articles, all due on the same day
        later, are spread over several runs."""
        if not Path(db).exists():
            return cls()
        with Archive(db) as archive:
            articles = archive.known(site)
        if recheck_days is None:
            return cls(articles=articles)
        cutoff = "9999"
        if recheck_days > 0:
            moment = datetime.now(UTC) - timedelta(days=recheck_days)
            cutoff = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
        due = sorted((known["checked_at"] or "", url) for url, known in articles.items()
                     if (known["checked_at"] or "") < cutoff)
        return cls(articles=articles, due_urls={url for _, url in due[:limit]})

    def __post_init__(self) -> None:
        self._by_variant = {variant_key(url): url for url in self.articles}

    def get(self, url: str) -> dict[str, Any] | None:
        """The archive's record of any variant of url (http, www or not, slash or not)."""
        stored = self._by_variant.get(variant_key(url))
        return self.articles.get(stored) if stored else None

    def unchanged_since(self, key: str, stamp: str | None) -> bool:
        """True when the archive holds the article of variant_key `key` at least as new as
        a sitemap's <lastmod> `stamp` (UTC ISO; None when none was given, "" when the
        value was not a date) says, and no re-check of it is due.

        Against the <lastmod> the sitemap gave when the page was last fetched or confirmed
        (the sitemap compared with itself: a site may date an edit that the page does
        not show), else against the page's own modified date. A known article listed
        with no <lastmod> is taken as unchanged until its re-check falls due."""
        stored = self._by_variant.get(key)
        if stored is None or stored in self.due_urls:
            return False
        if stamp is None:
            return True
        known = self.articles[stored]
        before = known["sitemap_lastmod"] or known["modified_at"]
        return bool(stamp and before and stamp <= before)

    def lastmod(self, url: str) -> str | None:
        """The <lastmod> this run's sitemaps give for url, if any."""
        return self.listed_lastmod.get(variant_key(url))

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
            key = variant_key(url)
            if key in self.requested or known["status"] != "live":
                continue
            vanished = sitemaps_complete and key not in self.in_sitemaps
            if vanished or url in self.due_urls:
                urls.append(url)
        return urls
