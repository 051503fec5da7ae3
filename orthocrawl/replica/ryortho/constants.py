"""Fixed facts about the Orthopedics This Week replica: origin, names, paging sizes."""

from __future__ import annotations

from ..constants import TODAY as TODAY  # the replicas share one "now"
from ..text import words, wp_pages
from ..url_forms import Variants

SITE_NAME = "ryortho"
SITE_TITLE = "Orthopedics This Week"
# The site answers on the bare host; www. and http:// redirect there.
ORIGIN = "https://ryortho.com"
CANONICAL_HOST = "ryortho.com"
DOMAINS = ["ryortho.com", "www.ryortho.com"]
TAGLINE = "Weekly News, Analysis, and Commentary"
PUBLISHER = "RRY Publications, LLC"

PER_PAGE = 10  # posts per listing page and feed items
# Other forms of a post URL that the site's links and feed sometimes use: the tracking query
# (served 200 with a canonical link); http:// and www. (301 to the bare https host), the
# missing slash (added), ``?p=ID`` (to the permalink). Kind -> cumulative percent of links.
VARIANTS = Variants(ORIGIN, {"http": f"http://{CANONICAL_HOST}",
                             "www": f"https://www.{CANONICAL_HOST}",
                             "http_www": f"http://www.{CANONICAL_HOST}"},
                    (("utm", 8), ("http", 14), ("www", 22), ("http_www", 26), ("slash", 32)))
# WordPress ids: post i gets POST_ID_BASE - POST_ID_STRIDE * i; its images take the ids after it.
POST_ID_BASE = 190000
POST_ID_STRIDE = 16
# Posts published from this year on were written in the block editor (Gutenberg).
BLOCK_EDITOR_YEAR = 2019
# Before this year the theme printed classic captions as <div class="wp-caption">.
HTML5_CAPTION_YEAR = 2016

_W = words(__file__)
# The newsroom: (writer, author slug, share of bylines, bio).
STAFF = tuple((w["name"], w["slug"], w["share"], w["bio"]) for w in _W["staff"])
CATEGORIES: tuple[tuple[str, str], ...] = tuple(map(tuple, _W["categories"]))
WP_PAGES = wp_pages(_W)
