"""Every date format the site prints, all computed from UTC datetimes."""

from __future__ import annotations

from datetime import datetime, timedelta

from .constants import LOCAL_OFFSET

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
# Associated Press month style, as used in press-release datelines.
AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
             "Oct.", "Nov.", "Dec.")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def local(moment: datetime) -> datetime:
    """The site's wall-clock time (naive) for a UTC moment."""
    return (moment + LOCAL_OFFSET).replace(tzinfo=None)


def iso_z(moment: datetime) -> str:
    """``2016-08-26T14:03:00Z``: the truth's format."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_offset(moment: datetime) -> str:
    """``2016-08-26T14:03:00+00:00``: Yoast's and the theme's format."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def long_date(moment: datetime) -> str:
    """``August 6, 2016`` in site-local time."""
    day = local(moment)
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def ap_date(moment: datetime) -> str:
    """``Aug. 6, 2016`` in site-local time."""
    day = local(moment)
    return f"{AP_MONTHS[day.month - 1]} {day.day}, {day.year}"


def weekday_date(moment: datetime) -> str:
    """``Friday, November 20, 2026`` in site-local time."""
    return f"{DAYS[local(moment).weekday()]}, {long_date(moment)}"


def comment_time(moment: datetime) -> str:
    """``August 6, 2016 at 4:12 pm`` in site-local time."""
    day = local(moment)
    hour = day.hour % 12 or 12
    return f"{long_date(moment)} at {hour}:{day.minute:02d} {'am' if day.hour < 12 else 'pm'}"


def rfc822(moment: datetime) -> str:
    """``Fri, 26 Aug 2016 14:03:00 +0000``: RSS pubDate."""
    return f"{_stamp(moment)} +0000"


def http_date(moment: datetime) -> str:
    """``Fri, 26 Aug 2016 14:03:00 GMT``: Last-Modified."""
    return f"{_stamp(moment)} GMT"


def _stamp(moment: datetime) -> str:
    # Locale-independent ``%a, %d %b %Y %H:%M:%S``.
    return (f"{DAYS[moment.weekday()][:3]}, {moment.day:02d} {MONTHS[moment.month - 1][:3]} "
            f"{moment.year} {moment:%H:%M:%S}")


def ago(moment: datetime, now: datetime) -> str:
    """WordPress ``human_time_diff`` + " ago": ``5 mins ago``, ``1 hour ago``, ``3 days ago``."""
    seconds = max(0, int((now - moment).total_seconds()))
    if seconds < 3600:
        n, unit = max(1, seconds // 60), "min"
    elif seconds < 86400:
        n, unit = seconds // 3600, "hour"
    else:
        n, unit = seconds // 86400, "day"
    return f"{n} {unit}{'' if n == 1 else 's'} ago"


def display_date(moment: datetime, now: datetime) -> str:
    """The theme's post date: relative for posts under a week old, else the long date."""
    if now - moment < timedelta(days=7):
        return ago(moment, now)
    return long_date(moment)
