"""OrthoBuzz's ``<head>`` metadata: an older Yoast SEO (15.x, yoast.py's ``legacy``), whose
Article node names its author by ``@id`` only and leaves ``keywords`` out when a post has
no tags."""

from __future__ import annotations

from ..yoast import Yoast
from .constants import ORIGIN, SITE_TITLE, TAGLINE

LOGO = f"{ORIGIN}/wp-content/uploads/2016/03/orthobuzz-logo.png"
YOAST = Yoast(ORIGIN, SITE_TITLE, (
    {"@type": "Organization", "@id": f"{ORIGIN}/#organization",
     "name": "The Journal of Bone & Joint Surgery", "url": f"{ORIGIN}/",
     "logo": {"@type": "ImageObject", "@id": f"{ORIGIN}/#logo", "url": LOGO,
              "width": 240, "height": 60, "caption": SITE_TITLE},
     "image": {"@id": f"{ORIGIN}/#logo"}},
    {"@type": "WebSite", "@id": f"{ORIGIN}/#website", "url": f"{ORIGIN}/", "name": SITE_TITLE,
     "description": TAGLINE, "publisher": {"@id": f"{ORIGIN}/#organization"},
     "inLanguage": "en-US",
     "potentialAction": [{"@type": "SearchAction", "target": f"{ORIGIN}/?s={{search_term_string}}",
                          "query-input": "required name=search_term_string"}]},
), indent="", legacy=True, publisher="https://www.facebook.com/orthobuzz.replica",
    creator="@orthobuzz_replica")
