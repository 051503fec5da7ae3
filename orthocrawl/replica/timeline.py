"""When each post was published and last modified, and its WordPress id.

Posts spread from 2012 to the replica's "today", denser towards today, so every site size has
some posts under a week old and some from 2012.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from random import Random

from .constants import EPOCH, LOCAL_OFFSET, POST_ID_STRIDE, POST_ID_TOP, TODAY
from .timefmt import local

_SPAN = (TODAY - EPOCH).total_seconds()
_HOURS = (6, 7, 8, 8, 9, 9, 10, 10, 11, 12, 13, 14, 14, 15, 16, 17, 18, 20, 21, 22)


def post_id(index: int, seed: int) -> int:
    if index >= POST_ID_TOP - 1:
        raise ValueError(f"the replica holds at most {POST_ID_TOP - 1} posts")
    return POST_ID_STRIDE * (POST_ID_TOP - index) + Random(f"{seed}-{index}-id").randint(0, 2)


def schedule(count: int, seed: int) -> list[tuple[datetime, datetime]]:
    """(published, modified) per post, newest first, strictly decreasing publish times."""
    out: list[tuple[datetime, datetime]] = []
    previous = TODAY - timedelta(minutes=5)
    for i in range(count):
        rng = Random(f"{seed}-{i}-time")
        share = ((i + 0.5 + (rng.random() - 0.5) * 0.8) / count) ** 1.5
        day = local(TODAY - timedelta(seconds=_SPAN * share))
        wall = datetime(day.year, day.month, day.day, rng.choice(_HOURS), rng.randint(0, 59),
                        rng.randint(0, 59))
        published = (wall - LOCAL_OFFSET).replace(tzinfo=UTC)
        if published >= previous:
            published = previous - timedelta(seconds=rng.randint(60, 1800))
        previous = published
        roll = rng.random()
        if roll < 0.55:
            modified = published
        elif roll < 0.85:
            modified = published + timedelta(seconds=rng.randint(120, 5 * 86400))
        else:
            modified = published + timedelta(days=rng.randint(30, 2000), seconds=rng.randint(
                0, 86399))
        if modified >= TODAY:
            spare = int((TODAY - published).total_seconds())
            modified = published + timedelta(seconds=rng.randint(0, max(0, spare - 60)))
        out.append((published, modified))
    return out
