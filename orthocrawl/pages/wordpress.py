"""What every WordPress + Yoast site shares: JSON-LD graph, OpenGraph, article:* meta, canonical.

A publisher's page subclasses WordPressPage and overrides only what differs:
``body_selector``, ``chrome_selectors``, ``title_selectors`` and the odd field.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from typing import Any, ClassVar

from lxml.etree import _Element
from parsel import Selector
from web_poet import WebPage, field
from web_poet.utils import cached_method

from orthocrawl.dates import to_utc_iso
from orthocrawl.items import Article
from orthocrawl.pages import body as bodytext
from orthocrawl.pages.blockers import blocker_kind
from orthocrawl.pages.byline import split_byline
from orthocrawl.pages.chrome import css, drop, remove_chrome
from orthocrawl.urls import canonical_url

ARTICLE_TYPES = frozenset({
    "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "TechArticle",
    "ScholarlyArticle", "MedicalScholarlyArticle", "Report", "LiveBlogPosting",
    "SocialMediaPosting",
})

# body classes WordPress gives each kind of page, most specific first.
_BODY_CLASS_KINDS = (
    ("attachment", "attachment"),
    ("single-post", "article"),
    ("error404", "error"),
    ("search", "search"),
    ("archive", "listing"),
    ("blog", "listing"),
    ("home", "listing"),
    ("page", "page"),
)


@dataclass
class Content:
    text: str
    html: str
    byline: list[str]


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _clean_list(values: list[Any]) -> list[str]:
    """Strings, stripped, empty ones and repeats dropped, order kept."""
    seen: dict[str, None] = {}
    for value in values:
        if isinstance(value, str):
            text = bodytext.normalize_space(value)
            if text:
                seen.setdefault(text, None)
    return list(seen)


def _split_keywords(value: Any) -> list[str]:
    items: list[Any] = []
    for item in _as_list(value):
        items.extend(item.split(",") if isinstance(item, str) else [])
    return _clean_list(items)


class WordPressPage(WebPage[Article]):
    """Extraction shared by WordPress sites with Yoast SEO (or any OpenGraph/JSON-LD site)."""

    site_name: ClassVar[str] = ""
    body_selector: ClassVar[str] = "div.entry-content"
    title_selectors: ClassVar[tuple[str, ...]] = ("h1.entry-title", "h1.post-title")
    # The site's own chrome inside (or around) the body, removed before text is made.
    chrome_selectors: ClassVar[tuple[str, ...]] = ()
    # How many leading blocks may hold a syndicated byline ("By NAME", "Written by  NAME").
    byline_scan: ClassVar[int] = 2

    # ---- shared parsing, cached per page ----

    @property
    def selector(self) -> Selector:
        # One parse per page, shared with the response (and free of the `url` field).
        return self.response.selector

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
        return _clean_list(self._metas().get(key, []))

    @cached_method
    def _jsonld_nodes(self) -> list[dict[str, Any]]:
        nodes: list[dict[str, Any]] = []
        for script in self.selector.root.iter("script"):
            if script.get("type") != "application/ld+json" or not script.text:
                continue
            raw = script.text
            try:
                data = json.loads(raw)
            except ValueError:
                continue  # broken JSON-LD is common; the other sources still count
            stack = _as_list(data)
            while stack:
                node = stack.pop(0)
                if isinstance(node, dict):
                    nodes.append(node)
                    stack.extend(_as_list(node.get("@graph")))
        return nodes

    @cached_method
    def _jsonld_article(self) -> dict[str, Any]:
        for node in self._jsonld_nodes():
            types = {t for t in _as_list(node.get("@type")) if isinstance(t, str)}
            if types & ARTICLE_TYPES:
                return node
        return {}

    def _jsonld_people(self, value: Any) -> list[str]:
        """Names of the people a JSON-LD author value points at (inline or by @id)."""
        by_id = {n.get("@id"): n for n in self._jsonld_nodes() if n.get("@id")}
        names = []
        for person in _as_list(value):
            if isinstance(person, dict) and "name" not in person and person.get("@id") in by_id:
                person = by_id[person["@id"]]
            names.append(person.get("name") if isinstance(person, dict) else person)
        return _clean_list(names)

    @cached_method
    def _body_classes(self) -> set[str]:
        return set((self.xpath("/html/body/@class").get() or "").split())

    @cached_method
    def _content_element(self) -> _Element | None:
        """The element holding the article body, as parsed (never modified)."""
        found = css(self.body_selector)(self.selector.root)
        return found[0] if found else None

    @cached_method
    def _content(self) -> Content:
        original = self._content_element()
        if original is None:
            return Content("", "", [])
        root = copy.deepcopy(original)
        remove_chrome(root, self.chrome_selectors)
        byline = self._take_byline(root)
        for element in root.iter("a", "img"):
            attribute = "href" if element.tag == "a" else "src"
            value = element.get(attribute)
            if value and not value.startswith(("#", "mailto:", "data:")):
                element.set(attribute, self._absolute(value.strip()))
        return Content(bodytext.body_text(root), bodytext.body_html(root), byline)

    def _take_byline(self, root: _Element) -> list[str]:
        """Find a syndicated byline among the first text blocks, remove it, return its names."""
        for element in bodytext.leading_blocks(root, self.byline_scan):
            names = split_byline(bodytext.inline_text(element))
            if names:
                drop(element)
                return names
        return []

    def _account(self) -> str | None:
        """The WordPress account that posted the article."""
        value = (self._meta("author")
                 or next(iter(self._jsonld_people(self._jsonld_article().get("author"))), None)
                 or self.css(".meta-author a.author-name::text, .entry-meta .author a::text").get())
        return bodytext.normalize_space(value) or None if value else None

    # ---- fields ----

    def _absolute(self, href: str) -> str:
        return str(self.response.urljoin(href))

    @field
    def url(self) -> str:
        href = (self.xpath('/html/head/link[@rel="canonical"]/@href').get()
                or self.xpath('//link[@rel="canonical"]/@href').get() or self._meta("og:url"))
        return canonical_url(self._absolute(href.strip()) if href else str(self.response.url))

    @field
    def site(self) -> str:
        return self.site_name

    @field(cached=True)
    def title(self) -> str | None:
        for selector in self.title_selectors:
            found = self.css(selector)
            text = bodytext.inline_text(found[0].root) if found else ""
            if text:
                return text.replace("\n", " ")
        headline = self._jsonld_article().get("headline")
        if isinstance(headline, str) and headline.strip():
            return bodytext.normalize_space(headline)
        return self._meta("og:title")

    @field(cached=True)
    def authors(self) -> list[str]:
        byline = self._content().byline
        if byline:
            return byline
        people = self._jsonld_people(self._jsonld_article().get("author"))
        if people:
            return people
        account = self._account()
        return [account] if account else []

    @field
    def posted_by(self) -> str | None:
        account = self._account()
        if account and account not in self.authors:
            return account
        return None

    @field
    def published_at(self) -> str | None:
        return (to_utc_iso(self._meta("article:published_time"))
                or to_utc_iso(self._jsonld_article().get("datePublished"))
                or to_utc_iso(self.css("time.entry-date::attr(datetime)").get()))

    @field
    def modified_at(self) -> str | None:
        return (to_utc_iso(self._meta("article:modified_time"))
                or to_utc_iso(self._jsonld_article().get("dateModified"))
                or to_utc_iso(self._meta("og:updated_time")))

    @field
    def categories(self) -> list[str]:
        section = self._jsonld_article().get("articleSection")
        if section:
            return _split_keywords(section) if isinstance(section, str) else _clean_list(
                _as_list(section))
        return self._meta_all("article:section") or _clean_list(
            self.css("a[rel~=category]::text").getall())

    @field
    def tags(self) -> list[str]:
        keywords = self._jsonld_article().get("keywords")
        if keywords:
            return _split_keywords(keywords)
        # WordPress's category links carry rel="category tag": not tags.
        return self._meta_all("article:tag") or _clean_list(
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
    def page_type(self) -> str:
        blocked = blocker_kind(self.selector)
        if blocked:
            return blocked
        classes = self._body_classes()
        for marker, kind in _BODY_CLASS_KINDS:
            if marker in classes:
                return kind
        og_type = self._meta("og:type")
        return "article" if og_type == "article" else (og_type or "unknown")
