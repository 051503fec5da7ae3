"""Fixed facts about the Becker's Spine Review replica: origin, sections, eras, paging."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from ..constants import TODAY
from ..text import words

SITE_NAME = "beckersspine"
SITE_TITLE = "Becker's Spine Review"
ORIGIN = "https://www.beckersspine.com"
CANONICAL_HOST = "www.beckersspine.com"
DOMAINS = ["beckersspine.com", "www.beckersspine.com"]

# The replica's "now" is the OSN replica's: never the wall clock.
NOW = TODAY
# The oldest article is published shortly after this moment.
EPOCH = datetime(2010, 3, 1, 15, 0, 0, tzinfo=UTC)
# The CMS eras: Joomla + K2 until the first date, Joomla 3 until the second, then the new CMS.
K2_UNTIL = datetime(2015, 7, 1, tzinfo=UTC)
JOOMLA_UNTIL = datetime(2021, 10, 1, tzinfo=UTC)

PER_PAGE = 20  # articles per section listing page
FEED_ITEMS = 20
# The site-wide share image old Joomla pages put in og:image when an article has none.
DEFAULT_SHARE_IMAGE = f"{ORIGIN}/templates/beckers/images/bsr-share-default.png"


@dataclass(frozen=True, slots=True)
class Section:
    slug: str  # first path segment: /spine/...
    label: str  # the section label printed on the page (the article's one category)
    k2_id: int  # K2 category id in old listing links
    blurb: str


WORDS = words(__file__)
SECTIONS: dict[str, Section] = {s["slug"]: Section(**s) for s in WORDS["sections"]}
