"""Yoast SEO (yoast.py) with this site's settings.

Co-Authors Plus puts several writers in the theme's byline, but this site runs without
Yoast's Co-Authors Plus integration: ``meta name=author``, ``twitter:data1`` and the graph's
Article name the WordPress post author (the first writer) only. Yoast leaves ``keywords`` out
of the graph when a post has no tags.
"""

from __future__ import annotations

from ..yoast import Yoast, search_action
from .constants import ORIGIN, SITE_TITLE, TAGLINE

LOGO = f"{ORIGIN}/wp-content/uploads/2017/03/otw-logo.png"
YOAST = Yoast(ORIGIN, SITE_TITLE, (
    {"@type": "WebSite", "@id": f"{ORIGIN}/#website", "url": f"{ORIGIN}/", "name": SITE_TITLE,
     "description": TAGLINE, "publisher": {"@id": f"{ORIGIN}/#organization"},
     "inLanguage": "en-US",
     "potentialAction": [search_action(ORIGIN, "required name=search_term_string")]},
    {"@type": "Organization", "@id": f"{ORIGIN}/#organization", "name": "RRY Publications",
     "url": f"{ORIGIN}/", "logo": {"@type": "ImageObject", "url": LOGO, "contentUrl": LOGO,
                                   "width": 420, "height": 90, "caption": SITE_TITLE}},
))
