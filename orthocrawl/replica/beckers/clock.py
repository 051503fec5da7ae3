"""Becker's clock: Chicago wall time, the date formats each CMS era prints, the schedule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from random import Random
from zoneinfo import ZoneInfo

from ..timefmt import DAYS, MONTHS
from .constants import EPOCH, K2_UNTIL, NOW

CHICAGO = ZoneInfo("America/Chicago")
_HOURS = (6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 12, 13, 13, 14, 15, 16, 17, 18)


def local(moment: datetime) -> datetime:
    return moment.astimezone(CHICAGO)


def iso_local(moment: datetime) -> str:
    """``2016-03-14T19:48:12-05:00``: JSON-LD and Joomla's <time datetime>."""
    return local(moment).isoformat(timespec="seconds")


def ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def k2_date(moment: datetime) -> str:
    """``Thursday, 14 March 2013 19:48``: K2's item date, Chicago time, no zone printed."""
    day = local(moment)
    return f"{DAYS[day.weekday()]}, {day.day:02d} {MONTHS[day.month - 1]} {day.year} {day:%H:%M}"


def joomla_date(moment: datetime) -> str:
    """``14 March 2016``: Joomla 3's article-info dates."""
    day = local(moment)
    return f"{day.day:02d} {MONTHS[day.month - 1]} {day.year}"


def modern_date(moment: datetime) -> str:
    """``Friday, November 20th, 2026``: the new CMS's article date."""
    day = local(moment)
    return f"{DAYS[day.weekday()]}, {MONTHS[day.month - 1]} {ordinal(day.day)}, {day.year}"


def short_date(moment: datetime) -> str:
    """``November 20th, 2026``: listings and related-article lines."""
    day = local(moment)
    return f"{MONTHS[day.month - 1]} {ordinal(day.day)}, {day.year}"


def _awake(moment: datetime) -> datetime:
    """Keep a moment out of the small hours, where a DST change makes wall time ambiguous."""
    return moment + timedelta(hours=5) if local(moment).hour < 4 else moment


def schedule(count: int, seed: int) -> list[tuple[datetime, datetime]]:
    """(published, modified) per article, newest first, strictly decreasing publish times.

    K2-era moments are whole minutes: K2 prints only the minute, and the truth is what
    the page says."""
    span = (NOW - EPOCH).total_seconds()
    out: list[tuple[datetime, datetime]] = []
    previous = NOW - timedelta(minutes=7)
    for i in range(count):
        rng = Random(f"bsr-{seed}-{i}-time")
        share = ((i + 0.5 + (rng.random() - 0.5) * 0.8) / count) ** 1.3
        day = local(NOW - timedelta(seconds=span * share))
        wall = datetime(day.year, day.month, day.day, rng.choice(_HOURS), rng.randint(0, 59),
                        rng.randint(0, 59), tzinfo=CHICAGO)
        published = wall.astimezone(UTC)
        if published >= previous:
            published = previous - timedelta(seconds=rng.randint(120, 2400))
        if local(published).hour < 4:  # stay clear of DST's repeated hour; still decreasing
            published -= timedelta(hours=5)
        roll = rng.random()
        if roll < 0.5:
            modified = published
        elif roll < 0.85:
            modified = published + timedelta(seconds=rng.randint(300, 4 * 86400))
        else:
            modified = published + timedelta(days=rng.randint(20, 1500),
                                             seconds=rng.randint(0, 86399))
        modified = min(_awake(modified), NOW - timedelta(minutes=1))
        if published < K2_UNTIL:
            published = published.replace(second=0)
            modified = max(modified.replace(second=0), published)
        previous = published
        out.append((published, modified))
    return out
