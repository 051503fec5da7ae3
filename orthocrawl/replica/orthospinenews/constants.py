"""Fixed facts about the OrthoSpineNews replica: its origin, names and paging size."""

from __future__ import annotations

from ..text import words, wp_pages
from ..url_forms import Variants

SITE_NAME = "orthospinenews"
SITE_TITLE = "OrthoSpineNews"
ORIGIN = "https://www.orthospinenews.com"
CANONICAL_HOST = "www.orthospinenews.com"
DOMAINS = ["orthospinenews.com", "www.orthospinenews.com"]
TAGLINE = "Orthopedic and spine industry news, interviews and market analysis"

PER_PAGE = 10  # posts per listing page and feed items

# Other forms of a post URL that the site's own links sometimes use (the tracking query is
# served 200 with a canonical link, the others answer 301): kind -> cumulative percent.
_BARE = CANONICAL_HOST.removeprefix("www.")
VARIANTS = Variants(ORIGIN, {"http": f"http://{_BARE}", "http_www": f"http://{CANONICAL_HOST}",
                             "bare": f"https://{_BARE}"},
                    (("utm", 9), ("http", 15), ("http_www", 19), ("bare", 23), ("slash", 31)))

_W = words(__file__)
FOOTER_ABOUT, NEWSLETTER_PITCH = _W["footer_about"], _W["newsletter_pitch"]
CATEGORIES: tuple[tuple[str, str, str], ...] = tuple(map(tuple, _W["categories"]))
# The WordPress accounts that post: (name, slug, share of posts, bio sentences, social)
ACCOUNTS = tuple((a["name"], a["slug"], a["share"], tuple(a["bio"]), a["social"])
                 for a in _W["accounts"])
WP_PAGES = wp_pages(_W)
