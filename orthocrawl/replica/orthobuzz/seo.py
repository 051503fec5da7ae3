"""OrthoBuzz's ``<head>`` metadata: an older Yoast SEO (15.x), whose Article node names its
author by ``@id`` only and leaves ``keywords`` out when a post has no tags."""

from __future__ import annotations

import hashlib
import json

from ..inline import attr
from ..timefmt import iso_offset
from ..wp_model import Account, Post
from .constants import ORIGIN, SITE_TITLE, TAGLINE

WEBSITE = f"{ORIGIN}/#website"
ORGANIZATION = f"{ORIGIN}/#organization"
LOGO = f"{ORIGIN}/wp-content/uploads/2016/03/orthobuzz-logo.png"


def person_id(account: Account) -> str:
    return f"{ORIGIN}/#/schema/person/{hashlib.md5(account.slug.encode()).hexdigest()}"


def _meta(key: str, value: str, kind: str = "property") -> str:
    return f'<meta {kind}="{key}" content="{attr(value)}" />\n'


def _graph(nodes: list[dict]) -> str:
    data = json.dumps({"@context": "https://schema.org", "@graph": nodes}, ensure_ascii=False,
                      separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/ld+json" class="yoast-schema-graph">{data}</script>\n'


def _site_nodes() -> list[dict]:
    return [
        {"@type": "Organization", "@id": ORGANIZATION,
         "name": "The Journal of Bone & Joint Surgery", "url": f"{ORIGIN}/",
         "logo": {"@type": "ImageObject", "@id": f"{ORIGIN}/#logo", "url": LOGO,
                  "width": 240, "height": 60, "caption": SITE_TITLE},
         "image": {"@id": f"{ORIGIN}/#logo"}},
        {"@type": "WebSite", "@id": WEBSITE, "url": f"{ORIGIN}/", "name": SITE_TITLE,
         "description": TAGLINE, "publisher": {"@id": ORGANIZATION}, "inLanguage": "en-US",
         "potentialAction": [{"@type": "SearchAction",
                              "target": f"{ORIGIN}/?s={{search_term_string}}",
                              "query-input": "required name=search_term_string"}]},
    ]


def yoast_post(post: Post) -> str:
    url, title = post.url, f"{post.title} - {SITE_TITLE}"
    words = len(post.stripped.split())
    out = []
    if post.summary:
        out.append(_meta("description", post.summary, "name"))
    out += [
        _meta("robots", "index, follow, max-snippet:-1, max-image-preview:large, "
                        "max-video-preview:-1", "name"),
        f'<link rel="canonical" href="{url}" />\n',
        _meta("og:locale", "en_US"), _meta("og:type", "article"), _meta("og:title", title),
        _meta("og:description", post.description or ""), _meta("og:url", url),
        _meta("og:site_name", SITE_TITLE),
        _meta("article:publisher", "https://www.facebook.com/orthobuzz.replica"),
        _meta("article:published_time", iso_offset(post.published)),
        _meta("article:modified_time", iso_offset(post.modified)),
    ]
    if post.lead:
        out += [_meta("og:image", post.lead.url), _meta("og:image:width", str(post.lead.width)),
                _meta("og:image:height", str(post.lead.height))]
    minutes = max(1, round(words / 250))
    out += [_meta("twitter:card", "summary_large_image", "name"),
            _meta("twitter:creator", "@orthobuzz_replica", "name"),
            _meta("twitter:label1", "Written by", "name"),
            _meta("twitter:data1", post.account.name, "name"),
            _meta("twitter:label2", "Est. reading time", "name"),
            _meta("twitter:data2", f"{minutes} minute{'s' if minutes > 1 else ''}", "name")]
    nodes = _site_nodes()
    if post.lead:
        nodes.append({"@type": "ImageObject", "@id": f"{url}#primaryimage",
                      "inLanguage": "en-US", "url": post.lead.url, "width": post.lead.width,
                      "height": post.lead.height})
    page = {"@type": "WebPage", "@id": f"{url}#webpage", "url": url, "name": title,
            "isPartOf": {"@id": WEBSITE}, "datePublished": iso_offset(post.published),
            "dateModified": iso_offset(post.modified), "inLanguage": "en-US",
            "potentialAction": [{"@type": "ReadAction", "target": [url]}]}
    if post.lead:
        page["primaryImageOfPage"] = {"@id": f"{url}#primaryimage"}
    article = {"@type": "Article", "@id": f"{url}#article", "isPartOf": {"@id": f"{url}#webpage"},
               "author": {"@id": person_id(post.account)}, "headline": post.title,
               "datePublished": iso_offset(post.published),
               "dateModified": iso_offset(post.modified),
               "mainEntityOfPage": {"@id": f"{url}#webpage"}, "wordCount": words,
               "commentCount": len(post.comments), "publisher": {"@id": ORGANIZATION}}
    if post.lead:
        article["image"] = {"@id": f"{url}#primaryimage"}
    if post.tags:
        article["keywords"] = [t.name for t in post.tags]
    article["articleSection"] = [c.name for c in post.categories]
    article["inLanguage"] = "en-US"
    nodes += [page, article, {
        "@type": "Person", "@id": person_id(post.account), "name": post.account.name,
        "image": {"@type": "ImageObject", "@id": f"{ORIGIN}/#personlogo", "inLanguage": "en-US",
                  "caption": post.account.name},
        "description": " ".join(post.account.bio)}]
    out.append(_graph(nodes))
    return "".join(out)


def yoast_page(url: str, title: str, description: str = "", og_type: str = "website",
               kind: str = "WebPage") -> str:
    """Yoast's block for pages, listings, attachments and search results."""
    out = [_meta("description", description, "name") if description else "",
           _meta("robots", "index, follow", "name"),
           f'<link rel="canonical" href="{url}" />\n', _meta("og:locale", "en_US"),
           _meta("og:type", og_type), _meta("og:title", title)]
    if description:
        out.append(_meta("og:description", description))
    out += [_meta("og:url", url), _meta("og:site_name", SITE_TITLE),
            _meta("twitter:card", "summary_large_image", "name")]
    page = {"@type": kind, "@id": f"{url}#webpage", "url": url, "name": title,
            "isPartOf": {"@id": WEBSITE}, "inLanguage": "en-US"}
    out.append(_graph([*_site_nodes(), page]))
    return "".join(out)
