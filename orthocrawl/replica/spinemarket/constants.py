"""Fixed facts about the Spine Market Group replica: origin, account, categories, paging."""

from __future__ import annotations

from ..text import words, wp_pages

SITE_NAME = "spinemarketgroup"
SITE_TITLE = "The Spine Market Group"
HOST = "thespinemarketgroup.com"
ORIGIN = f"https://{HOST}"
TAGLINE = "News, companies and people of the spine industry"
# Keeps the replica's post times apart from the other replicas built with one seed.
SEED_SALT = 5209

PER_PAGE = 10  # posts per listing page and feed items

# The one WordPress account that posts everything.
ACCOUNT = ("SPINEMarketGroup", "spinemarketgroup")

_W = words(__file__)
JOBS, NEWSLETTER = _W["jobs"], _W["newsletter"]
# (name, slug); every post is filed under Articles, the archive the site links to.
CATEGORIES: tuple[tuple[str, str], ...] = tuple(map(tuple, _W["categories"]))
# The secondary menu (upper case in the theme) and the WordPress pages it leads to.
MENU: tuple[tuple[str, str], ...] = tuple(map(tuple, _W["menu"]))
PAGES = wp_pages(_W)
