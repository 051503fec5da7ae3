"""Fixed facts about the OrthoSpineNews replica: its origin, names and paging size."""

from __future__ import annotations

SITE_NAME = "orthospinenews"
SITE_TITLE = "OrthoSpineNews"
ORIGIN = "https://www.orthospinenews.com"
CANONICAL_HOST = "www.orthospinenews.com"
DOMAINS = ["orthospinenews.com", "www.orthospinenews.com"]
TAGLINE = "Orthopedic and spine industry news, interviews and market analysis"

PER_PAGE = 10  # posts per listing page and feed items
