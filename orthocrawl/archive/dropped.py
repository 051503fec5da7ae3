"""Dropped URLs: pages a run fetched and did not archive, remembered so later runs skip
them until they change (see incremental/)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from orthocrawl.archive.connection import Connection
from orthocrawl.dates import utc_now


class DroppedStore(Connection):
    def dropped(self, site: str) -> Iterator[dict[str, Any]]:
        """A site's dropped URLs: url, reason, lastmod, checked_at."""
        for url, reason, lastmod, checked in self.db.execute(
                "SELECT url, reason, lastmod, checked_at FROM dropped_urls WHERE site = ?",
                [site]):
            yield {"url": url, "reason": reason, "lastmod": lastmod, "checked_at": checked}

    def remember_dropped(self, rows: Iterable[dict[str, Any]], now: str | None = None) -> None:
        """Pages fetched and not archived (url, site, reason, lastmod): when first dropped
        stays, the check time, reason and <lastmod> follow the latest fetch."""
        now = now or utc_now()
        with self.transaction():
            for row in rows:
                self.db.execute(
                    "INSERT INTO dropped_urls (url, site, reason, lastmod, dropped_at, "
                    "checked_at) VALUES (:url, :site, :reason, :lastmod, :now, :now) "
                    "ON CONFLICT(url) DO UPDATE SET reason = excluded.reason, "
                    "lastmod = coalesce(excluded.lastmod, lastmod), checked_at = :now",
                    {**row, "now": now})
