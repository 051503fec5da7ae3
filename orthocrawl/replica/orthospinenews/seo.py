"""Machine-readable metadata: Yoast's block (yoast.py, with this site's settings) and the
theme's own Article JSON-LD (``script#tie-schema-json``)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..timefmt import iso_offset
from ..yoast import Yoast, search_action
from .constants import ORIGIN, SITE_TITLE, TAGLINE

if TYPE_CHECKING:
    from .model import Post

LOGO = f"{ORIGIN}/wp-content/uploads/2019/02/osn-logo.png"
YOAST = Yoast(ORIGIN, SITE_TITLE, (
    {"@type": "WebSite", "@id": f"{ORIGIN}/#website", "url": f"{ORIGIN}/", "name": SITE_TITLE,
     "description": TAGLINE, "publisher": {"@id": f"{ORIGIN}/#organization"},
     "potentialAction": [search_action(ORIGIN, {
         "@type": "PropertyValueSpecification", "valueRequired": True,
         "valueName": "search_term_string"})], "inLanguage": "en-US"},
    {"@type": "Organization", "@id": f"{ORIGIN}/#organization", "name": SITE_TITLE,
     "url": f"{ORIGIN}/", "logo": {"@type": "ImageObject", "inLanguage": "en-US",
                                   "@id": f"{ORIGIN}/#/schema/logo/image/", "url": LOGO,
                                   "contentUrl": LOGO, "width": 300, "height": 49,
                                   "caption": SITE_TITLE},
     "image": {"@id": f"{ORIGIN}/#/schema/logo/image/"},
     "sameAs": ["https://x.com/orthospinenews_replica"]},
), rich=True, cdn=True, publisher="https://www.facebook.com/orthospinenews.replica")


def tie_schema(post: Post) -> str:
    """The theme's Article JSON-LD: PHP json_encode style, author = the posting account."""
    url = post.url
    data = {
        "@context": "http://schema.org", "@type": "Article",
        "dateCreated": iso_offset(post.published), "datePublished": iso_offset(post.published),
        "dateModified": iso_offset(post.modified), "headline": post.title, "name": post.title,
        "keywords": ",".join(t.name for t in post.tags), "url": url,
        "description": post.description, "copyrightYear": str(post.published.year),
        "articleSection": ",".join(c.name for c in post.categories),
        "articleBody": post.stripped,
        "publisher": {"@id": "#Publisher", "@type": "Organization", "name": SITE_TITLE,
                      "logo": {"@type": "ImageObject", "url": LOGO}},
        "sourceOrganization": {"@id": "#Publisher"}, "copyrightHolder": {"@id": "#Publisher"},
        "mainEntityOfPage": {"@type": "WebPage", "@id": url, "breadcrumb": {"@id": "#Breadcrumb"}},
        "author": {"@type": "Person", "name": post.account.name, "url": post.account.url},
    }
    if post.lead:
        data["image"] = {"@type": "ImageObject", "url": post.lead.fit(),
                         "width": 1200, "height": round(1200 * post.lead.height / post.lead.width)}
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":")).replace("/", "\\/")
    return f'<script id="tie-schema-json" type="application/ld+json">{text}</script>\n'
