"""Yoast SEO's block in a WordPress page's head: meta tags and the JSON-LD graph, as each
replica's plugin version and settings print them (one Yoast per site).

Version 25 (OrthoSpineNews, Orthopedics This Week) indents its tags and lists the post's nodes
first; ``rich`` settings add comment counts and actions, the category in the breadcrumb and
the author's image and profile. Version 15 (``legacy``: OrthoBuzz) prints a robots tag, names
nodes ``#webpage``, lists the site's nodes first and names the author by ``@id`` only.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from .inline import attr
from .timefmt import iso_offset

_ROBOTS = "index, follow, max-snippet:-1, max-image-preview:large, max-video-preview:-1"


def _obj(*pairs: tuple[str, Any]) -> dict[str, Any]:
    """A JSON object in this key order; a None value leaves its key out."""
    return {key: value for key, value in pairs if value is not None}


def search_action(origin: str, query_input: Any) -> dict[str, Any]:
    return {"@type": "SearchAction", "target": {
        "@type": "EntryPoint", "urlTemplate": f"{origin}/?s={{search_term_string}}"},
        "query-input": query_input}


@dataclass(frozen=True)
class Yoast:
    origin: str
    site: str  # og:site_name
    nodes: tuple[dict[str, Any], ...]  # the site's WebSite and Organization nodes
    indent: str = "\t"
    legacy: bool = False
    rich: bool = False
    cdn: bool = False  # og:image and the image node through Jetpack's CDN
    publisher: str | None = None  # article:publisher
    creator: str | None = None  # twitter:creator

    @property
    def website(self) -> str:
        return f"{self.origin}/#website"

    @property
    def organization(self) -> str:
        return f"{self.origin}/#organization"

    def person_id(self, account: Any) -> str:
        return f"{self.origin}/#/schema/person/{hashlib.md5(account.slug.encode()).hexdigest()}"

    def meta(self, prop: str, value: str, key: str = "property") -> str:
        return f'{self.indent}<meta {key}="{prop}" content="{attr(value)}" />\n'

    def graph(self, nodes: list[dict[str, Any]]) -> str:
        data = json.dumps({"@context": "https://schema.org", "@graph": nodes},
                          ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        return (f'{self.indent}<script type="application/ld+json" class="yoast-schema-graph">'
                f"{data}</script>\n")

    def _opening(self, url: str, title: str, description: str | None, og_type: str,
                 robots: str = "index, follow") -> list[str]:
        m = self.meta
        out = [m("description", description, "name") if description else ""]
        if self.legacy:
            out.append(m("robots", robots, "name"))
        out += [f'{self.indent}<link rel="canonical" href="{url}" />\n', m("og:locale", "en_US"),
                m("og:type", og_type), m("og:title", title)]
        return out

    def page(self, url: str, title: str, description: str = "", og_type: str = "website",
             kind: str = "WebPage", extra_meta: str = "") -> str:
        """The block of pages, listings, attachments and search results."""
        m = self.meta
        out = self._opening(url, title, description, og_type)
        if description:
            out.append(m("og:description", description))
        out += [m("og:url", url), m("og:site_name", self.site), extra_meta,
                m("twitter:card", "summary_large_image", "name")]
        page = {"@type": kind, "@id": f"{url}#webpage" if self.legacy else url, "url": url,
                "name": title, "isPartOf": {"@id": self.website}, "inLanguage": "en-US"}
        out.append(self.graph([*self.nodes, page] if self.legacy else [page, *self.nodes]))
        return "".join(out)

    def attachment(self, post: Any, image: Any) -> str:
        """The block of an attachment page; version 25 names the post's date and author."""
        extra = "" if self.legacy else (self.meta("article:modified_time", iso_offset(
            post.published)) + self.meta("author", post.account.name, "name"))
        return self.page(image.page_url or "", f"{image.title} - {self.site}", "", "article",
                         extra_meta=extra)

    def post(self, post: Any) -> str:
        """The block of a post: meta tags, then the graph."""
        m, url, lead, author = self.meta, post.url, post.lead, post.account
        title, words = f"{post.title} - {self.site}", len(post.stripped.split())
        image = (lead.fit() if self.cdn else lead.url) if lead else ""
        out = self._opening(url, title, post.summary if self.legacy else post.description,
                            "article", _ROBOTS)
        out += [m("og:description", post.description or ""), m("og:url", url),
                m("og:site_name", self.site)]
        if self.publisher:
            out.append(m("article:publisher", self.publisher))
        out.append(m("article:published_time", iso_offset(post.published)))
        if self.legacy or post.modified != post.published:
            out.append(m("article:modified_time", iso_offset(post.modified)))
        if lead:
            out += [m("og:image", image), m("og:image:width", str(lead.width)),
                    m("og:image:height", str(lead.height))]
            out += [] if self.legacy else [m("og:image:type", "image/jpeg")]
        minutes = max(1, round(words / (250 if self.legacy else 230)))
        out += [] if self.legacy else [m("author", author.name, "name")]
        out.append(m("twitter:card", "summary_large_image", "name"))
        out += [m("twitter:creator", self.creator, "name")] if self.creator else []
        out += [m("twitter:label1", "Written by", "name"), m("twitter:data1", author.name, "name"),
                m("twitter:label2", "Est. reading time", "name"),
                m("twitter:data2", f"{minutes} minute{'s' if minutes > 1 else ''}", "name")]
        make = self._legacy_nodes if self.legacy else self._nodes
        out.append(self.graph(make(post, title, words, image)))
        return "".join(out)

    def _nodes(self, post: Any, title: str, words: int, image: str) -> list[dict[str, Any]]:
        url, lead, author, rich = post.url, post.lead, post.account, self.rich
        published, modified = iso_offset(post.published), iso_offset(post.modified)
        keywords = [t.name for t in post.tags]
        article = _obj(
            ("@type", "Article"), ("@id", f"{url}#article"), ("isPartOf", {"@id": url}),
            ("author", {"name": author.name, "@id": self.person_id(author)}),
            ("headline", post.title), ("datePublished", published), ("dateModified", modified),
            ("mainEntityOfPage", {"@id": url}), ("wordCount", words),
            ("commentCount", len(post.comments) if rich else None),
            ("publisher", {"@id": self.organization}), ("keywords", keywords if rich else None),
            ("articleSection", [c.name for c in post.categories]), ("inLanguage", "en-US"),
            ("potentialAction", [{"@type": "CommentAction", "name": "Comment",
                                  "target": [f"{url}#respond"]}] if rich else None),
            ("keywords", keywords if keywords and not rich else None))
        page = _obj(
            ("@type", "WebPage"), ("@id", url), ("url", url), ("name", title),
            ("isPartOf", {"@id": self.website}), ("datePublished", published),
            ("dateModified", modified), ("description", post.description),
            ("breadcrumb", {"@id": f"{url}#breadcrumb"}), ("inLanguage", "en-US"),
            ("potentialAction", [{"@type": "ReadAction", "target": [url]}] if rich else None))
        nodes = [article, page]
        if lead:
            nodes.append(_obj(("@type", "ImageObject"), ("inLanguage", "en-US"),
                              ("@id", f"{url}#primaryimage"), ("url", image), ("contentUrl", image),
                              ("width", lead.width), ("height", lead.height),
                              ("caption", lead.caption)))
            article["image"] = page["primaryImageOfPage"] = {"@id": f"{url}#primaryimage"}
            article["thumbnailUrl"] = page["thumbnailUrl"] = image
        crumbs = [("Home", f"{self.origin}/")]
        if rich:
            crumbs.append((post.categories[0].name, post.categories[0].url))
        crumbs.append((post.title, None))
        nodes.append({"@type": "BreadcrumbList", "@id": f"{url}#breadcrumb", "itemListElement": [
            _obj(("@type", "ListItem"), ("position", n), ("name", name), ("item", item))
            for n, (name, item) in enumerate(crumbs, 1)]})
        return [*nodes, *self.nodes, _obj(
            ("@type", "Person"), ("@id", self.person_id(author)), ("name", author.name),
            ("image", {"@type": "ImageObject", "inLanguage": "en-US",
                       "@id": f"{self.origin}/#/schema/person/image/", "caption": author.name}
             if rich else None),
            ("description", " ".join(author.bio)), ("sameAs", [author.social] if rich else None),
            ("url", author.url))]

    def _legacy_nodes(self, post: Any, title: str, words: int,
                      image: str) -> list[dict[str, Any]]:
        url, lead, author = post.url, post.lead, post.account
        published, modified = iso_offset(post.published), iso_offset(post.modified)
        nodes = list(self.nodes)
        picture = {"@id": f"{url}#primaryimage"} if lead else None
        if lead:
            nodes.append({"@type": "ImageObject", "@id": f"{url}#primaryimage",
                          "inLanguage": "en-US", "url": image, "width": lead.width,
                          "height": lead.height})
        webpage = f"{url}#webpage"
        nodes.append(_obj(
            ("@type", "WebPage"), ("@id", webpage), ("url", url), ("name", title),
            ("isPartOf", {"@id": self.website}), ("datePublished", published),
            ("dateModified", modified), ("inLanguage", "en-US"),
            ("potentialAction", [{"@type": "ReadAction", "target": [url]}]),
            ("primaryImageOfPage", picture)))
        nodes.append(_obj(
            ("@type", "Article"), ("@id", f"{url}#article"), ("isPartOf", {"@id": webpage}),
            ("author", {"@id": self.person_id(author)}), ("headline", post.title),
            ("datePublished", published), ("dateModified", modified),
            ("mainEntityOfPage", {"@id": webpage}), ("wordCount", words),
            ("commentCount", len(post.comments)), ("publisher", {"@id": self.organization}),
            ("image", picture), ("keywords", [t.name for t in post.tags] or None),
            ("articleSection", [c.name for c in post.categories]), ("inLanguage", "en-US")))
        nodes.append({"@type": "Person", "@id": self.person_id(author), "name": author.name,
                      "image": {"@type": "ImageObject", "@id": f"{self.origin}/#personlogo",
                                "inLanguage": "en-US", "caption": author.name},
                      "description": " ".join(author.bio)})
        return nodes
