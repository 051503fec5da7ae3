"""Dates as orthocrawl stores them: ISO 8601 in UTC, to the second, with a Z."""

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


def utc_now() -> str:
    return format_utc(datetime.now(UTC))
