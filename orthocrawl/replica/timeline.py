"""When each post was published and last modified, and its WordPress id.

Posts spread from the site's epoch to the replicas' "today", denser towards today, so every
site size has some posts under a week old and some from its first years. A Pace says how a
site's posts spread; the WordPress sites share one, Becker's has its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from random import Random

from .constants import EPOCH, LOCAL_OFFSET, POST_ID_STRIDE, POST_ID_TOP, TODAY


def post_id(index: int, seed: int) -> int:
    if index >= POST_ID_TOP - 1:
        raise ValueError(f"the replica holds at most {POST_ID_TOP - 1} posts")
    return POST_ID_STRIDE * (POST_ID_TOP - index) + Random(f"{seed}-{index}-id").randint(0, 2)


@dataclass(frozen=True)
class Pace:
    """How a site's posts spread over time; every draw comes from the rng named ``name``."""

    epoch: datetime = EPOCH
    zone: tzinfo = timezone(LOCAL_OFFSET)  # the editors' wall clock
    name: str = "{seed}-{i}-time"
    exponent: float = 1.5  # higher: more of the posts are recent
    hours: tuple[int, ...] = (6, 7, 8, 8, 9, 9, 10, 10, 11, 12, 13, 14, 14, 15, 16, 17, 18, 20,
                              21, 22)
    first: timedelta = timedelta(minutes=5)  # the newest post is at most this old
    gap: tuple[int, int] = (60, 1800)  # seconds between posts that fall on one moment
    unchanged: float = 0.55  # share of posts never modified
    soon: tuple[int, int] = (120, 5 * 86400)  # seconds to a modification soon after (30%)
    later: tuple[int, int] = (30, 2000)  # days to a modification long after (the rest)
    awake: bool = False  # keep moments out of the small hours (DST repeats one of them)
    whole_minutes_until: datetime | None = None  # before this, times are whole minutes


WORDPRESS = Pace()


def _awake(moment: datetime, zone: tzinfo) -> datetime:
    return moment + timedelta(hours=5) if moment.astimezone(zone).hour < 4 else moment


def schedule(count: int, seed: int, pace: Pace = WORDPRESS) -> list[tuple[datetime, datetime]]:
    """(published, modified) per post, newest first, strictly decreasing publish times."""
    span = (TODAY - pace.epoch).total_seconds()
    out: list[tuple[datetime, datetime]] = []
    previous = TODAY - pace.first
    for i in range(count):
        rng = Random(pace.name.format(seed=seed, i=i))
        share = ((i + 0.5 + (rng.random() - 0.5) * 0.8) / count) ** pace.exponent
        day = (TODAY - timedelta(seconds=span * share)).astimezone(pace.zone)
        wall = datetime(day.year, day.month, day.day, rng.choice(pace.hours), rng.randint(0, 59),
                        rng.randint(0, 59), tzinfo=pace.zone)
        published = wall.astimezone(UTC)
        if published >= previous:
            published = previous - timedelta(seconds=rng.randint(*pace.gap))
        if pace.awake and published.astimezone(pace.zone).hour < 4:
            published -= timedelta(hours=5)  # still decreasing
        roll = rng.random()
        if roll < pace.unchanged:
            modified = published
        elif roll < 0.85:
            modified = published + timedelta(seconds=rng.randint(*pace.soon))
        else:
            modified = published + timedelta(days=rng.randint(*pace.later),
                                             seconds=rng.randint(0, 86399))
        if pace.awake:
            modified = min(_awake(modified, pace.zone), TODAY - timedelta(minutes=1))
        elif modified >= TODAY:
            spare = int((TODAY - published).total_seconds())
            modified = published + timedelta(seconds=rng.randint(0, max(0, spare - 60)))
        if pace.whole_minutes_until and published < pace.whole_minutes_until:
            published = published.replace(second=0)
            modified = max(modified.replace(second=0), published)
        previous = published
        out.append((published, modified))
    return out
