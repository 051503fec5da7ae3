"""Fixed facts about the OrthoBuzz replica: origin, accounts, categories, paging."""

from __future__ import annotations

from ..text import words, wp_pages

SITE_NAME = "orthobuzz"
SITE_TITLE = "OrthoBuzz"
HOST = "orthobuzz.jbjs.org"
ORIGIN = f"https://{HOST}"
TAGLINE = "News and views from The Journal of Bone & Joint Surgery"
# Keeps the replica's clock and post times apart from the other replicas built with one seed.
SEED_SALT = 4101

PER_PAGE = 10  # posts per listing page and feed items

_W = words(__file__)
CME, SUBSCRIBE = _W["cme"], _W["subscribe"]
# The JBJS editors who post (fictional): (name, slug, share of posts, bio)
ACCOUNTS = tuple((a["name"], a["slug"], a["share"], a["bio"]) for a in _W["accounts"])
CATEGORIES: tuple[tuple[str, str], ...] = tuple(map(tuple, _W["categories"]))
MENU: tuple[tuple[str, str], ...] = tuple(map(tuple, _W["menu"]))
WP_PAGES = wp_pages(_W)
