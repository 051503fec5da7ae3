"""Machine-readable metadata: Yoast's head block and JSON-LD graph, and the theme's own
Article JSON-LD (``script#tie-schema-json``)."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

from ..inline import attr
from ..timefmt import iso_offset
from .constants import ORIGIN, SITE_TITLE, TAGLINE

if TYPE_CHECKING:
    from .model import Account, Post

WEBSITE = f"{ORIGIN}/#website"
ORGANIZATION = f"{ORIGIN}/#organization"
LOGO = f"{ORIGIN}/wp-content/uploads/2019/02/osn-logo.png"


def person_id(account: Account) -> str:
    return f"{ORIGIN}/#/schema/person/{hashlib.md5(account.slug.encode()).hexdigest()}"


def _ld(graph: list[dict], css: str = "yoast-schema-graph") -> str:
    data = json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False,
                      separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/ld+json" class="{css}">{data}</script>\n'


def _site_nodes() -> list[dict]:
    return [
        {"@type": "WebSite", "@id": WEBSITE, "url": f"{ORIGIN}/", "name": SITE_TITLE,
         "description": TAGLINE, "publisher": {"@id": ORGANIZATION},
         "potentialAction": [{"@type": "SearchAction", "target": {
             "@type": "EntryPoint", "urlTemplate": f"{ORIGIN}/?s={{search_term_string}}"},
             "query-input": {"@type": "PropertyValueSpecification", "valueRequired": True,
                             "valueName": "search_term_string"}}],
         "inLanguage": "en-US"},
        {"@type": "Organization", "@id": ORGANIZATION, "name": SITE_TITLE, "url": f"{ORIGIN}/",
         "logo": {"@type": "ImageObject", "inLanguage": "en-US", "@id": f"{ORIGIN}/#/schema/logo/"
                  "image/", "url": LOGO, "contentUrl": LOGO, "width": 300, "height": 49,
                  "caption": SITE_TITLE},
         "image": {"@id": f"{ORIGIN}/#/schema/logo/image/"},
         "sameAs": ["https://x.com/orthospinenews_replica"]},
    ]


def _meta(prop: str, value: str, key: str = "property") -> str:
    return f'\t<meta {key}="{prop}" content="{attr(value)}" />\n'


def yoast_post(post: Post) -> str:
    url, title = post.url, f"{post.title} - {SITE_TITLE}"
    words = len(post.stripped.split())
    out = [_meta("description", post.description, "name"),
           f'\t<link rel="canonical" href="{url}" />\n',
           _meta("og:locale", "en_US"), _meta("og:type", "article"), _meta("og:title", title),
           _meta("og:description", post.description), _meta("og:url", url),
           _meta("og:site_name", SITE_TITLE),
           _meta("article:publisher", "https://www.facebook.com/orthospinenews.replica"),
           _meta("article:published_time", iso_offset(post.published))]
    if post.modified != post.published:
        out.append(_meta("article:modified_time", iso_offset(post.modified)))
    if post.lead:
        out += [_meta("og:image", post.lead.fit()), _meta("og:image:width", str(post.lead.width)),
                _meta("og:image:height", str(post.lead.height)),
                _meta("og:image:type", "image/jpeg")]
    minutes = max(1, round(words / 230))
    out += [_meta("author", post.account.name, "name"),
            _meta("twitter:card", "summary_large_image", "name"),
            _meta("twitter:label1", "Written by", "name"),
            _meta("twitter:data1", post.account.name, "name"),
            _meta("twitter:label2", "Est. reading time", "name"),
            _meta("twitter:data2", f"{minutes} minute{'s' if minutes > 1 else ''}", "name")]
    article = {
        "@type": "Article", "@id": f"{url}#article", "isPartOf": {"@id": url},
        "author": {"name": post.account.name, "@id": person_id(post.account)},
        "headline": post.title, "datePublished": iso_offset(post.published),
        "dateModified": iso_offset(post.modified), "mainEntityOfPage": {"@id": url},
        "wordCount": words, "commentCount": len(post.comments),
        "publisher": {"@id": ORGANIZATION},
        "keywords": [t.name for t in post.tags],
        "articleSection": [c.name for c in post.categories], "inLanguage": "en-US",
        "potentialAction": [{"@type": "CommentAction", "name": "Comment",
                             "target": [f"{url}#respond"]}],
    }
    page = {
        "@type": "WebPage", "@id": url, "url": url, "name": title,
        "isPartOf": {"@id": WEBSITE}, "datePublished": iso_offset(post.published),
        "dateModified": iso_offset(post.modified), "description": post.description,
        "breadcrumb": {"@id": f"{url}#breadcrumb"}, "inLanguage": "en-US",
        "potentialAction": [{"@type": "ReadAction", "target": [url]}],
    }
    graph = [article, page]
    if post.lead:
        image = {"@type": "ImageObject", "inLanguage": "en-US", "@id": f"{url}#primaryimage",
                 "url": post.lead.fit(), "contentUrl": post.lead.fit(),
                 "width": post.lead.width, "height": post.lead.height}
        if post.lead.caption:
            image["caption"] = post.lead.caption
        article["image"] = page["primaryImageOfPage"] = {"@id": f"{url}#primaryimage"}
        article["thumbnailUrl"] = page["thumbnailUrl"] = post.lead.fit()
        graph.append(image)
    graph.append({"@type": "BreadcrumbList", "@id": f"{url}#breadcrumb", "itemListElement": [
        {"@type": "ListItem", "position": 1, "name": "Home", "item": f"{ORIGIN}/"},
        {"@type": "ListItem", "position": 2, "name": post.categories[0].name,
         "item": post.categories[0].url},
        {"@type": "ListItem", "position": 3, "name": post.title}]})
    graph += _site_nodes()
    graph.append({"@type": "Person", "@id": person_id(post.account), "name": post.account.name,
                  "image": {"@type": "ImageObject", "inLanguage": "en-US",
                            "@id": f"{ORIGIN}/#/schema/person/image/",
                            "caption": post.account.name},
                  "description": " ".join(post.account.bio), "sameAs": [post.account.social],
                  "url": post.account.url})
    out.append("\t" + _ld(graph))
    return "".join(out)


def yoast_page(url: str, title: str, description: str, og_type: str = "website",
               kind: str = "WebPage", extra_meta: str = "") -> str:
    """Yoast's block for pages, listings and attachments."""
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
