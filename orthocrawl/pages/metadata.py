"""What every page declares about itself, whoever wrote it: canonical URL, JSON-LD, OpenGraph
and other ``<meta>`` tags, dates, and the fields read from them.

``MetadataPage`` is the base of every page object. It reads no body: subclasses say where the
body is (``ThemePage`` through selectors, ``GenericPage`` through the generic extractor) by
implementing ``_content``. Fields here are plain (not cached) so that a subclass may override
one and call ``super()`` without re-entering a cache of the same name.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, ClassVar

from parsel import Selector
from web_poet import WebPage, field
from web_poet.utils import cached_method

from orthocrawl.dates import to_utc_iso
from orthocrawl.items import Article
from orthocrawl.pages import body as bodytext
from orthocrawl.pages.blockers import blocker_kind
from orthocrawl.pages.document import browser_markup
from orthocrawl.pages.mojibake import repair
from orthocrawl.pages.pagekind import ARTICLE_TYPES
from orthocrawl.pages.values import as_list, clean_list, split_keywords
from orthocrawl.urls import canonical_url


@dataclass
class Content:
    """An article's body as text and safe HTML, and the byline taken out of it."""

    text: str
    html: str
    byline: list[str]
    # "page_object": the page object's own reading; "fallback": the generic body, taken
    # because the page object's selector missed or held far less than the page's text.
    source: str = "page_object"


class MetadataPage(WebPage[Article]):
    """Fields every page declares (JSON-LD, OpenGraph, article:* meta, canonical link)."""

    site_name: ClassVar[str] = ""

    # ---- shared parsing, cached per page ----

    @property
    def selector(self) -> Selector:
        # One parse per page, shared with the response (and free of the `url` field), unless
        # the page goes on after its end (document.py) or is encoded twice (mojibake.py):
        # then its own parse, of the markup as a browser reads it and as it was written.
        return self._parsed()

    @cached_method
    def _parsed(self) -> Selector:
        text = self.response.text
        repaired = repair(text, self.response.body, self.response.encoding)
        markup = browser_markup(repaired or text)
        if markup is None and repaired is None:
            return self.response.selector
        return Selector(text=markup or repaired, base_url=str(self.response.url))

    def _content(self) -> Content:
        """The article's body; each kind of page finds it its own way."""
        raise NotImplementedError

    @cached_method
    def _metas(self) -> dict[str, list[str]]:
        """Every <meta property|name=... content=...>, by lower-cased key, in page order."""
        metas: dict[str, list[str]] = {}
        for element in self.selector.root.iter("meta"):
            key = element.get("property") or element.get("name")
            value = element.get("content")
            if key and value and value.strip():
                metas.setdefault(key.lower(), []).append(bodytext.normalize_space(value))
        return metas

    def _meta(self, key: str) -> str | None:
        values = self._metas().get(key)
        return values[0] if values else None

    def _meta_all(self, key: str) -> list[str]:
        return clean_list(self._metas().get(key, []))

    @cached_method
    def _jsonld_nodes(self) -> list[dict[str, Any]]:
        nodes: list[dict[str, Any]] = []
        for script in self.selector.root.iter("script"):
            if script.get("type") != "application/ld+json" or not script.text:
                continue
            try:
                data = json.loads(script.text)
            except ValueError:
                continue  # broken JSON-LD is common; the other sources still count
            stack = as_list(data)
            while stack:
                node = stack.pop(0)
                if isinstance(node, dict):
                    nodes.append(node)
                    stack.extend(as_list(node.get("@graph")))
        return nodes

    @cached_method
    def _jsonld_types(self) -> set[str]:
        """Every @type any JSON-LD node of the page declares."""
        types: set[str] = set()
        for node in self._jsonld_nodes():
            types.update(t for t in as_list(node.get("@type")) if isinstance(t, str))
        return types

    @cached_method
    def _jsonld_article(self) -> dict[str, Any]:
        for node in self._jsonld_nodes():
            types = {t for t in as_list(node.get("@type")) if isinstance(t, str)}
            if types & ARTICLE_TYPES:
                return node
        return {}

    def _jsonld_people(self, value: Any) -> list[str]:
        """Names of the people a JSON-LD author value points at (inline or by @id)."""
        by_id = {n.get("@id"): n for n in self._jsonld_nodes() if n.get("@id")}
        names = []
        for person in as_list(value):
            if isinstance(person, dict) and "name" not in person and person.get("@id") in by_id:
                person = by_id[person["@id"]]
            names.append(person.get("name") if isinstance(person, dict) else person)
        return clean_list(names)

    @cached_method
    def _body_classes(self) -> set[str]:
        return set((self.xpath("/html/body/@class").get() or "").split())

    def _absolute(self, href: str) -> str:
        return str(self.response.urljoin(href))

    # ---- fields ----

    @field
    def url(self) -> str:
        href = (self.xpath('/html/head/link[@rel="canonical"]/@href').get()
                or self.xpath('//link[@rel="canonical"]/@href').get() or self._meta("og:url"))
        return canonical_url(self._absolute(href.strip()) if href else str(self.response.url))

    @field
    def site(self) -> str:
        return self.site_name

    @field
    def title(self) -> str | None:
        headline = self._jsonld_article().get("headline")
        if isinstance(headline, str) and headline.strip():
            return bodytext.normalize_space(headline)
        return self._meta("og:title")

    @field
    def authors(self) -> list[str]:
        return self._jsonld_people(self._jsonld_article().get("author"))

    @field
    def posted_by(self) -> str | None:
        return None

    @field
    def published_at(self) -> str | None:
        return (to_utc_iso(self._meta("article:published_time"))
                or to_utc_iso(self._jsonld_article().get("datePublished")))

    @field
    def modified_at(self) -> str | None:
        return (to_utc_iso(self._meta("article:modified_time"))
                or to_utc_iso(self._jsonld_article().get("dateModified"))
                or to_utc_iso(self._meta("og:updated_time")))

    @field
    def categories(self) -> list[str]:
        section = self._jsonld_article().get("articleSection")
        if section:
            return split_keywords(section) if isinstance(section, str) else clean_list(
                as_list(section))
        return self._meta_all("article:section") or clean_list(
            self.css("a[rel~=category]::text").getall())

    @field
    def tags(self) -> list[str]:
        keywords = self._jsonld_article().get("keywords")
        if keywords:
            return split_keywords(keywords)
        # Category links often carry rel="category tag": not tags.
        return self._meta_all("article:tag") or clean_list(
            self.css("a[rel~=tag]:not([rel~=category])::text").getall())

    @field
    def description(self) -> str | None:
        return self._meta("og:description") or self._meta("description")

    @field
    def lead_image(self) -> str | None:
        image = self._meta("og:image")
        return self._absolute(image) if image else None

    @field
    def language(self) -> str | None:
        lang = self.xpath("/html/@lang").get() or self._jsonld_article().get("inLanguage")
        if not isinstance(lang, str) or not lang.strip():
            return None
        return re.split(r"[-_]", lang.strip())[0].lower()

    @field
    def body_text(self) -> str:
        return self._content().text

    @field
    def body_html(self) -> str:
        return self._content().html

    @field
    def word_count(self) -> int:
        return bodytext.word_count(self._content().text)

    @field
    def source(self) -> str | None:
        return None

    @field
    def body_source(self) -> str:
        return self._content().source

    @field
    def page_type(self) -> str:
        blocked = blocker_kind(self.selector)
        if blocked:
            return blocked
        og_type = self._meta("og:type")
        return "article" if og_type == "article" else (og_type or "unknown")
