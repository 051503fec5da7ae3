"""Yoast SEO's head block and JSON-LD graph.

Co-Authors Plus puts several writers in the theme's byline, but this site runs without
Yoast's Co-Authors Plus integration: ``meta name=author``, ``twitter:data1`` and the graph's
Article name the WordPress post author (the first writer) only. Yoast leaves ``keywords`` out
of the graph when a post has no tags.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

from ..inline import attr
from ..timefmt import iso_offset
from .constants import ORIGIN, SITE_TITLE, TAGLINE

if TYPE_CHECKING:
    from ..wp_model import Account as Writer
    from .model import Post

WEBSITE = f"{ORIGIN}/#website"
ORGANIZATION = f"{ORIGIN}/#organization"
LOGO = f"{ORIGIN}/wp-content/uploads/2017/03/otw-logo.png"


def person_id(writer: Writer) -> str:
    return f"{ORIGIN}/#/schema/person/{hashlib.md5(writer.slug.encode()).hexdigest()}"


def _ld(graph: list[dict]) -> str:
    data = json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False,
                      separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/ld+json" class="yoast-schema-graph">{data}</script>\n'


def _meta(prop: str, value: str, key: str = "property") -> str:
    return f'\t<meta {key}="{prop}" content="{attr(value)}" />\n'


def _site_nodes() -> list[dict]:
    return [
        {"@type": "WebSite", "@id": WEBSITE, "url": f"{ORIGIN}/", "name": SITE_TITLE,
         "description": TAGLINE, "publisher": {"@id": ORGANIZATION}, "inLanguage": "en-US",
         "potentialAction": [{"@type": "SearchAction", "target": {
             "@type": "EntryPoint", "urlTemplate": f"{ORIGIN}/?s={{search_term_string}}"},
             "query-input": "required name=search_term_string"}]},
        {"@type": "Organization", "@id": ORGANIZATION, "name": "RRY Publications",
         "url": f"{ORIGIN}/", "logo": {"@type": "ImageObject", "url": LOGO, "contentUrl": LOGO,
                                       "width": 420, "height": 90, "caption": SITE_TITLE}},
    ]


def yoast_post(post: Post) -> str:
    url, title = post.url, f"{post.title} - {SITE_TITLE}"
    author = post.writers[0]
    words = len(post.stripped.split())
    out = [_meta("description", post.description, "name"),
           f'\t<link rel="canonical" href="{url}" />\n',
           _meta("og:locale", "en_US"), _meta("og:type", "article"), _meta("og:title", title),
           _meta("og:description", post.description), _meta("og:url", url),
           _meta("og:site_name", SITE_TITLE),
           _meta("article:published_time", iso_offset(post.published))]
    if post.modified != post.published:
        out.append(_meta("article:modified_time", iso_offset(post.modified)))
    if post.lead:
        out += [_meta("og:image", post.lead.url), _meta("og:image:width", str(post.lead.width)),
                _meta("og:image:height", str(post.lead.height)),
                _meta("og:image:type", "image/jpeg")]
    minutes = max(1, round(words / 230))
    out += [_meta("author", author.name, "name"),
            _meta("twitter:card", "summary_large_image", "name"),
            _meta("twitter:label1", "Written by", "name"),
            _meta("twitter:data1", author.name, "name"),
            _meta("twitter:label2", "Est. reading time", "name"),
            _meta("twitter:data2", f"{minutes} minute{'s' if minutes > 1 else ''}", "name")]
    article: dict = {
        "@type": "Article", "@id": f"{url}#article", "isPartOf": {"@id": url},
        "author": {"name": author.name, "@id": person_id(author)},
        "headline": post.title, "datePublished": iso_offset(post.published),
        "dateModified": iso_offset(post.modified), "mainEntityOfPage": {"@id": url},
        "wordCount": words, "publisher": {"@id": ORGANIZATION},
        "articleSection": [c.name for c in post.categories], "inLanguage": "en-US",
    }
    if post.tags:
        article["keywords"] = [t.name for t in post.tags]
    page = {"@type": "WebPage", "@id": url, "url": url, "name": title,
            "isPartOf": {"@id": WEBSITE}, "datePublished": iso_offset(post.published),
            "dateModified": iso_offset(post.modified), "description": post.description,
            "breadcrumb": {"@id": f"{url}#breadcrumb"}, "inLanguage": "en-US"}
    graph = [article, page]
    if post.lead:
        article["image"] = page["primaryImageOfPage"] = {"@id": f"{url}#primaryimage"}
        article["thumbnailUrl"] = page["thumbnailUrl"] = post.lead.url
        graph.append({"@type": "ImageObject", "inLanguage": "en-US",
                      "@id": f"{url}#primaryimage", "url": post.lead.url,
                      "contentUrl": post.lead.url, "width": post.lead.width,
                      "height": post.lead.height})
    graph.append({"@type": "BreadcrumbList", "@id": f"{url}#breadcrumb", "itemListElement": [
        {"@type": "ListItem", "position": 1, "name": "Home", "item": f"{ORIGIN}/"},
        {"@type": "ListItem", "position": 2, "name": post.title}]})
    graph += _site_nodes()
    graph.append({"@type": "Person", "@id": person_id(author), "name": author.name,
                  "description": " ".join(author.bio), "url": author.url})
    out.append("\t" + _ld(graph))
    return "".join(out)


def yoast_page(url: str, title: str, description: str, og_type: str = "website",
               kind: str = "WebPage", extra_meta: str = "") -> str:
    """Yoast's block for pages, listings and attachment pages."""
    out = [_meta("description", description, "name") if description else "",
           f'\t<link rel="canonical" href="{url}" />\n', _meta("og:locale", "en_US"),
           _meta("og:type", og_type), _meta("og:title", title)]
    if description:
        out.append(_meta("og:description", description))
    out += [_meta("og:url", url), _meta("og:site_name", SITE_TITLE), extra_meta,
            _meta("twitter:card", "summary_large_image", "name")]
    page = {"@type": kind, "@id": url, "url": url, "name": title, "isPartOf": {"@id": WEBSITE},
            "inLanguage": "en-US"}
    out.append("\t" + _ld([page, *_site_nodes()]))
    return "".join(out)
