"""Dates as orthocrawl stores them: ISO 8601 to the second, in UTC with a Z (a generic
page's publication date keeps the offset the page wrote it in, see ``to_local_iso``)."""

from __future__ import annotations

from datetime import UTC, datetime

import dateparser

_DATEPARSER_SETTINGS = {
    "RETURN_AS_TIMEZONE_AWARE": True,
    "TIMEZONE": "UTC",
    "TO_TIMEZONE": "UTC",
    "PREFER_DAY_OF_MONTH": "first",
}


def format_utc(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def to_utc_iso(value: str | None, *, fuzzy: bool = False) -> str | None:
    """Parse a date string into ``YYYY-MM-DDTHH:MM:SSZ``; None when it is not a date.

    ISO 8601 (what meta tags and JSON-LD carry) is read directly; with ``fuzzy``
    anything else ("August 26, 2016", "26.08.2016") goes through dateparser.
    A date without a zone is taken as UTC.
    """
    if not value:
        return None
    text = value.strip()
    try:
        return format_utc(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        pass
    if not fuzzy:
        return None
    parsed = dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    return format_utc(parsed) if parsed else None


def to_local_iso(value: str | None) -> str | None:
    """An ISO 8601 date as ``YYYY-MM-DDTHH:MM:SS`` with the zone it was written in
    (``-05:00``; ``Z`` for UTC or no zone); None when it is not one.

    For a page's own publication date: the day a page is dated is its local day, and the
    offset keeps the moment exact (on wcxb-dev 9 of the 10 articles whose declared date falls
    on another day in UTC are dated by their local day)."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    offset = moment.utcoffset()
    if offset is None or not offset:
        return format_utc(moment)
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + f"{sign}{hours:02d}:{rest:02d}"


def utc_now() -> str:
    return format_utc(datetime.now(UTC))
