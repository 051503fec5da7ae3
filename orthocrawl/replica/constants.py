"""Facts every replica shares: the clock, the WordPress sites' time zone, post ids."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

# The replicas' "now": never the wall clock, so every build is byte-identical.
TODAY = datetime(2026, 11, 20, 12, 0, 0, tzinfo=UTC)
# The oldest post of a WordPress replica is published shortly after this moment.
EPOCH = datetime(2012, 1, 9, 14, 0, 0, tzinfo=UTC)
# WordPress "Timezone: UTC-5": permalinks, archives and displayed dates use local time.
LOCAL_OFFSET = timedelta(hours=-5)

# Post ids are spaced so that a post's attachments fit between it and the next post.
POST_ID_STRIDE = 17
POST_ID_TOP = 200000  # room for the 100,000-article query benchmark
