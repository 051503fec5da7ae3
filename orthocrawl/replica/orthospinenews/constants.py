"""Fixed facts about the OrthoSpineNews replica: its origin, names and paging size."""

from __future__ import annotations

from ..text import words, wp_pages

SITE_NAME = "orthospinenews"
SITE_TITLE = "OrthoSpineNews"
ORIGIN = "https://www.orthospinenews.com"
CANONICAL_HOST = "www.orthospinenews.com"
DOMAINS = ["orthospinenews.com", "www.orthospinenews.com"]
TAGLINE = "Orthopedic and spine industry news, interviews and market analysis"

PER_PAGE = 10  # posts per listing page and feed items

_W = words(__file__)
FOOTER_ABOUT, NEWSLETTER_PITCH = _W["footer_about"], _W["newsletter_pitch"]
CATEGORIES: tuple[tuple[str, str, str], ...] = tuple(map(tuple, _W["categories"]))
# The WordPress accounts that post: (name, slug, share of posts, bio sentences, social)
ACCOUNTS = tuple((a["name"], a["slug"], a["share"], tuple(a["bio"]), a["social"])
                 for a in _W["accounts"])
WP_PAGES = wp_pages(_W)
