"""Becker's clock: Chicago wall time, the date formats each CMS era prints, its Pace."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from ..timefmt import DAYS, MONTHS
from ..timeline import Pace
from .constants import EPOCH, K2_UNTIL

CHICAGO = ZoneInfo("America/Chicago")


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


# K2-era moments are whole minutes: K2 prints only the minute, and the truth is what the
# page says.
PACE = Pace(epoch=EPOCH, zone=CHICAGO, name="bsr-{seed}-{i}-time", exponent=1.3,
            hours=(6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 12, 13, 13, 14, 15, 16, 17, 18),
            first=timedelta(minutes=7), gap=(120, 2400), unchanged=0.5, soon=(300, 4 * 86400),
            later=(20, 1500), awake=True, whole_minutes_until=K2_UNTIL)
