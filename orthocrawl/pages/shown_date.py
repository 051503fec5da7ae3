"""The date a page shows its readers beside its headline, and when it beats the declared one.

Pages declare a publication date in structured data (JSON-LD, ``article:published_time``)
and show one in the text by the headline ("Published March 9, 2026", "By Jane Doe · Dec 18,
2025"). Mostly they agree. When they do not, the shown date is the one readers (and
wcxb-dev's reviewers) take for the article's: CMSs declare the date a post was first
created while the page shows a later republication, and some declare no date at all, so
htmldate guesses from the whole page (a copyright year, a comment's date).

``headline_dates`` reads the visible text from a little before the first ``<h1>`` to a little
after it, where bylines and dates sit, and returns the dates written there, in order, with the
label before each ("Updated", "Published"). English month names and ISO dates only.
``choose_published`` is the rule, a pure function over plain inputs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

# The window, in characters of visible text, around the start of the first <h1>. wcxb-dev
# (587 articles with a day): before 50 / after 300 gives date 0.874; after 150 0.865, after
# 600 0.872; before 0 0.864, before 150 0.874 (each half moved the same way).
BEFORE_HEADLINE = 50
AFTER_HEADLINE = 300
# A shown date replaces a declared one only when they are more than this many days apart: a
# day apart is the zone (the page shows its local day, orthocrawl stores UTC), and on
# wcxb-dev the truth follows the local day as often as the UTC one (6 pages each way).
ZONE_DAYS = 1

_MONTHS = {name: number for number, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), start=1)}
_MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
          r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),       # March 9, 2026
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.I),       # 9 March 2026, 29th Aug, 2023
    re.compile(rf"\b{_YEAR}-(?P<month_number>[01]\d)-(?P<day_number>[0-3]\d)\b"),  # 2026-03-09
)
# A label just before a date: what the date is.
_LABEL = re.compile(r"\b(updated|modified|reviewed|revised|edited|published|posted)\b\W*"
                    r"(?:on\W*)?$", re.I)
_LABEL_REACH = 30
# Labels of a date that is not the publication's.
UPDATE_LABELS = frozenset({"updated", "modified", "reviewed", "revised", "edited"})
# Elements whose text readers do not see.
_HIDDEN = frozenset({"script", "style", "noscript", "template", "svg", "head", "title",
                     "option", "select", "textarea"})


@dataclass(frozen=True)
class ShownDate:
    day: date
    label: str | None = None        # lower-cased: "updated", "published", ...


def headline_dates(root: Any, before: int = BEFORE_HEADLINE,
                   after: int = AFTER_HEADLINE) -> list[ShownDate]:
    """The dates written in the visible text around the page's first <h1>, in order."""
    text, headline = _text_to_headline(root, after)
    if headline is None:
        return []
    window_start = max(0, headline - before)
    window = text[window_start:headline + after]
    found = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(window):
            day = _day(match)
            if day is None:
                continue
            label = _LABEL.search(window[max(0, match.start() - _LABEL_REACH):match.start()])
            found.append((match.start(), ShownDate(day, label.group(1).lower() if label
                                                   else None)))
    return [shown for _, shown in sorted(found, key=lambda pair: pair[0])]


def choose_published(declared: str | None, shown: list[ShownDate]) -> str | None:
    """The publication day to keep, as ``YYYY-MM-DD``, when the shown dates beat the
    declared one (an ISO 8601 string as the page wrote it); None to keep the declared one
    (or, without one, to look further).

    - The page shows its declared day (in UTC or in the declared zone): keep the declared.
    - It declares one and shows another more than ZONE_DAYS away, not labelled as an
      update: the shown one (wcxb-dev: right on 19 pages, wrong on 6).
    - It declares none: the first shown, an unlabelled or "published" one first, else an
      "updated" one (right on 10 pages, wrong on 1).
    """
    if not shown:
        return None
    published = [s for s in shown if s.label not in UPDATE_LABELS]
    if declared is None:
        return (published or shown)[0].day.isoformat()
    days = _declared_days(declared)
    if not days or any(s.day in days for s in shown):
        return None
    if published and all(abs((published[0].day - d).days) > ZONE_DAYS for d in days):
        return published[0].day.isoformat()
    return None


def _declared_days(declared: str) -> set[date]:
    """The declared moment's day in its own zone and in UTC."""
    try:
        moment = datetime.fromisoformat(declared.strip().replace("Z", "+00:00"))
    except ValueError:
        return set()
    days = {moment.date()}
    if moment.tzinfo is not None:
        days.add(moment.astimezone(UTC).date())
    return days


def _day(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    try:
        if groups.get("month"):
            name = groups["month"].lower().rstrip(".")
            month = next(n for full, n in _MONTHS.items() if full.startswith(name[:3]))
            return date(int(groups["year"]), month, int(groups["day"]))
        return date(int(groups["year"]), int(groups["month_number"]),
                    int(groups["day_number"]))
    except (ValueError, StopIteration):
        return None  # "February 30, 2025", "2025-13-01"


def _text_to_headline(root: Any, after: int) -> tuple[str, int | None]:
    """The page's visible text (white space collapsed) up to `after` characters past the
    start of its first <h1>, and where that <h1> starts in it (None: no <h1>)."""
    pieces: list[str] = []
    length = 0
    headline: int | None = None

    def add(text: str | None) -> None:
        nonlocal length
        words = " ".join(text.split()) if text else ""
        if words:
            pieces.append(words)
            length += len(words) + 1

    def walk(element: Any) -> bool:
        """False once the window is read."""
        nonlocal headline
        tag = element.tag.lower() if isinstance(element.tag, str) else None
        if tag is not None and tag not in _HIDDEN:
            if tag == "h1" and headline is None:
                headline = length
            add(element.text)
            for child in element:
                if not walk(child):
                    return False
        add(element.tail)
        return headline is None or length <= headline + after

    body = root.find(".//body")
    walk(body if body is not None else root)
    return " ".join(pieces), headline
