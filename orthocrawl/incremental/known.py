"""What a run knows before it starts, and what it decides from it (no Scrapy, no SQLite).

KnownPages is the index of a site's archived articles and dropped URLs, by URL variant.
Revisits is one run's policy over it: a known article is requested again only when its
sitemap <lastmod> is newer than the one the sitemap gave when the page was last fetched or
confirmed, when its re-check is due (a conditional GET: the site answers 304 Not Modified
when nothing changed), or when it vanished from complete sitemaps (a 404 or 410 then marks
it gone). A dropped URL (a page fetched and not archived) is fetched again when the
sitemap says it changed, when its re-check is due, or when the run asks for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Any

from orthocrawl.dates import to_utc_iso
from orthocrawl.urls import variant_key


@dataclass(frozen=True, slots=True)  # one per archived article: no __dict__ each
class KnownArticle:
    url: str  # the archive's key
    status: str = "live"
    modified_at: str | None = None
    checked_at: str = ""  # when the site last vouched for the stored page (200 or 304)
    etag: str | None = None
    last_modified: str | None = None
    sitemap_lastmod: str | None = None  # the sitemap's <lastmod> then


@dataclass(frozen=True, slots=True)
class DroppedURL:
    url: str
    reason: str
    lastmod: str | None = None  # the sitemap's <lastmod> when it was dropped
    checked_at: str = ""


class KnownPages:
    """A site's archived articles and dropped URLs, looked up by any variant of a URL."""

    def __init__(self, articles: list[KnownArticle] | None = None,
                 dropped: list[DroppedURL] | None = None) -> None:
        self.articles = {a.url: a for a in articles or []}
        self.dropped = {d.url: d for d in dropped or []}
        self._articles = {variant_key(url): a for url, a in self.articles.items()}
        self._dropped = {variant_key(url): d for url, d in self.dropped.items()}

    @classmethod
    def from_rows(cls, articles: Iterable[dict[str, Any]],
                  dropped: Iterable[dict[str, Any]]) -> KnownPages:
        return cls([KnownArticle(**row) for row in articles],
                   [DroppedURL(**row) for row in dropped])

    def article(self, key: str) -> KnownArticle | None:
        """The archived article of a variant key (see urls.variant_key)."""
        return self._articles.get(key)

    def dropped_url(self, key: str) -> DroppedURL | None:
        return self._dropped.get(key)

    def __bool__(self) -> bool:
        return bool(self.articles)


class Decision(Enum):
    FETCH = "fetch"        # unknown, or known and to be fetched whole (--full, --url)
    REVISIT = "revisit"    # known: a conditional request (304 when unchanged)
    SEEN = "seen"          # known, listed unchanged: no request, seen today
    WAIT = "wait"          # known, found by feed or listing: waits for its re-check
    DROPPED = "dropped"    # fetched before and not archived; unchanged since
    REPEAT = "repeat"      # another link to a URL already asked for this run


def _cutoff(days: float | None, now: datetime) -> str | None:
    if days is None:
        return None
    if days <= 0:
        return "9999"  # everything is due
    return (now - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Revisits:
    """One run's decisions over a site's known pages.

    due_days: re-check pages the site has not confirmed for this long (0: all; None:
    none); cap: at most this many re-checks a run, the longest unconfirmed first (None:
    no cap); full: fetch every known article again, without validators; dropped_now:
    fetch every dropped URL met this run again."""

    known: KnownPages
    due_days: float | None = 30
    cap: int | None = 500
    full: bool = False
    dropped_now: bool = False
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    # this run: variant keys asked for, listed in sitemaps, and the <lastmod> they gave
    requested: set[str] = field(default_factory=set)
    in_sitemaps: set[str] = field(default_factory=set)
    listed_lastmod: dict[str, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        cutoff = _cutoff(self.due_days, self.now)
        due: list[tuple[str, str]] = []
        if cutoff is not None:
            due = sorted([(a.checked_at or "", url) for url, a in self.known.articles.items()
                          if (a.checked_at or "") < cutoff] +
                         [(d.checked_at or "", url) for url, d in self.known.dropped.items()
                          if (d.checked_at or "") < cutoff])
        self.due = {url for _, url in due[:self.cap]}

    # ---- discovery ----

    def listed(self, url: str, lastmod: str | None) -> str:
        """A sitemap lists url with <lastmod> (raw, as given); its variant key."""
        key = variant_key(url)
        self.in_sitemaps.add(key)
        stamp = (to_utc_iso(lastmod) or "") if lastmod else None  # "": given, not a date
        self.listed_lastmod[key] = stamp
        return key

    def decide(self, url: str, from_sitemap: bool) -> Decision:
        """What to do with a link to url that discovery found (a sitemap entry, or a feed
        or listing link)."""
        key = variant_key(url)
        if key in self.requested:
            return Decision.REPEAT
        article = self.known.article(key)
        if article is not None:
            if self.full:
                return self._ask(key, Decision.FETCH)
            if article.url in self.due:
                return self._ask(key, Decision.REVISIT)
            if not from_sitemap:
                return Decision.WAIT
            if self._unchanged(self.listed_lastmod.get(key),
                               article.sitemap_lastmod or article.modified_at):
                return Decision.SEEN
            return self._ask(key, Decision.REVISIT)
        dropped = self.known.dropped_url(key)
        if dropped is not None and not self.full and not self.dropped_now \
                and dropped.url not in self.due:
            stamp = self.listed_lastmod.get(key) if from_sitemap else None
            if stamp is None or (dropped.lastmod is not None and stamp != "" and
                                 stamp <= dropped.lastmod):
                return Decision.DROPPED
        return self._ask(key, Decision.FETCH)

    def _ask(self, key: str, decision: Decision) -> Decision:
        self.requested.add(key)
        return decision

    @staticmethod
    def _unchanged(stamp: str | None, before: str | None) -> bool:
        """A listed <lastmod> (None: none given; "": not a date) against the one stored.
        A known article listed with no <lastmod> is unchanged until its re-check."""
        if stamp is None:
            return True
        return bool(stamp and before and stamp <= before)

    def lastmod(self, url: str) -> str | None:
        """The <lastmod> this run's sitemaps give for url, if any."""
        return self.listed_lastmod.get(variant_key(url)) or None

    def archive_url(self, url: str) -> str | None:
        """The archive's key for any variant of url, if the article is known."""
        article = self.known.article(variant_key(url))
        return article.url if article else None

    def validators(self, url: str) -> dict[str, str]:
        """Conditional-request headers for a known article (none under `full`)."""
        article = self.known.article(variant_key(url))
        headers: dict[str, str] = {}
        if article is None or self.full:
            return headers
        if article.etag:
            headers["If-None-Match"] = article.etag
        if article.last_modified:
            headers["If-Modified-Since"] = article.last_modified
        return headers

    # ---- once discovery is over ----

    def to_recheck(self, sitemaps_complete: bool) -> list[str]:
        """Known live articles not asked for yet that are due, or gone from complete
        sitemaps (the archive's URLs)."""
        urls = []
        for url, article in self.known.articles.items():
            key = variant_key(url)
            if key in self.requested or article.status != "live":
                continue
            vanished = sitemaps_complete and key not in self.in_sitemaps
            if vanished or url in self.due:
                self.requested.add(key)
                urls.append(url)
        return urls
