"""The fallback page object: any site without a page object of its own.

Registered for every URL below the publishers' rules, so web-poet picks it only when no
``@handle_urls("domain")`` page object (or configured site) matches. Metadata comes from
what pages declare (JSON-LD, OpenGraph, ``article:*``, Dublin Core, bylines, ``<time>``),
dates without machine-readable markup through htmldate; the body through mainbody.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from htmldate import find_date
from web_poet import field, handle_urls
from web_poet.utils import cached_method

from orthocrawl.dates import to_utc_iso
from orthocrawl.pages import body as bodytext
from orthocrawl.pages.byline import split_byline, take_byline
from orthocrawl.pages.cascade import Body, generic_body
from orthocrawl.pages.metadata import Content, MetadataPage
from orthocrawl.pages.pagekind import PageSignals, is_wordpress, page_kind
from orthocrawl.pages.values import clean_list
from orthocrawl.urls import host_of

# Below every publisher's rule (web-poet's default priority is 500) and configured site's.
FALLBACK_PRIORITY = 100

_AUTHOR_SELECTORS = (
    "[itemprop=author] [itemprop=name]", "[itemprop=author]", "a[rel~=author]",
    ".byline a", ".byline", ".author-name", ".author a",
)
_PUBLISHED_METAS = (
    "article:published_time", "og:article:published_time", "dcterms.issued", "dcterms.created",
    "dc.date.issued", "dc.date.created", "dc.date", "dcterms.date", "citation_publication_date",
    "date", "pubdate", "publishdate", "publish-date", "parsely-pub-date", "sailthru.date",
)
_MODIFIED_METAS = (
    "article:modified_time", "og:updated_time", "dcterms.modified", "dc.date.modified",
    "last-modified",
)
_URLISH = re.compile(r"^(?:https?:)?//|^www\.")
_BY = re.compile(r"^by\s+", re.I)
_LANGUAGE = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_,;\s]|$)")  # "de", "en-GB", "en_US"


@handle_urls("", priority=FALLBACK_PRIORITY)
class GenericPage(MetadataPage):
    """Extraction for any page: declared metadata first, then the page's own main text."""

    site_name: ClassVar[str] = ""
    # Selectors of chrome to remove first (a configured site's `chrome`).
    chrome_selectors: ClassVar[tuple[str, ...]] = ()
    # How many leading blocks of the body may hold a byline ("By NAME").
    byline_scan: ClassVar[int] = 2

    # ---- body ----

    @cached_method
    def _body(self) -> Body:
        return generic_body(self.selector.root, str(self.response.url), self._titles(),
                            self.chrome_selectors, self._declared_body())

    @cached_method
    def _content(self) -> Content:
        root = self._body().root
        if root is None:
            return Content("", "", [])
        byline = take_byline(root, self.byline_scan)
        return Content(bodytext.body_text(root), bodytext.body_html(root), byline)

    def _declared_body(self) -> list[str]:
        """The blocks of the JSON-LD articleBody, if the page declares one."""
        declared = self._jsonld_article().get("articleBody")
        if not isinstance(declared, str):
            return []
        blocks = (bodytext.normalize_space(b) for b in re.split(r"\r?\n", declared))
        return [b for b in blocks if b]

    @cached_method
    def _h1(self) -> str:
        h1 = self.css("h1")
        return bodytext.inline_text(h1[0].root).replace("\n", " ") if h1 else ""

    @cached_method
    def _titles(self) -> list[str]:
        """What the page calls itself, in every place it says so."""
        headline = self._jsonld_article().get("headline")
        texts = [self._h1(), headline if isinstance(headline, str) else "",
                 self._meta("og:title") or "", self._meta("twitter:title") or "",
                 self._meta("dc.title") or "", self.xpath("//title/text()").get() or ""]
        return clean_list(texts)

    # ---- metadata ----

    @field
    def site(self) -> str:
        return self.site_name or host_of(str(self.response.url)).removeprefix("www.")

    @field
    def title(self) -> str | None:
        headline = self._jsonld_article().get("headline")
        if isinstance(headline, str) and headline.strip():
            return bodytext.normalize_space(headline)
        for value in (self._meta("og:title"), self._meta("dc.title"),
                      self._meta("dcterms.title"), self._meta("twitter:title")):
            if value:
                return value
        head_title = bodytext.normalize_space(self.xpath("//title/text()").get() or "")
        return self._h1() or head_title or None

    @field
    def authors(self) -> list[str]:
        byline = self._content().byline
        if byline:
            return byline
        people = self._jsonld_people(self._jsonld_article().get("author"))
        if people:
            return people
        declared = [_BY.sub("", name) for key in (
            "author", "article:author", "dc.creator", "dcterms.creator", "citation_author",
            "parsely-author", "sailthru.author") for name in self._meta_all(key)
            if not _URLISH.match(name)]
        if declared:
            return clean_list(declared)
        return self._byline_element()

    def _byline_element(self) -> list[str]:
        for selector in _AUTHOR_SELECTORS:
            for found in self.css(selector)[:3]:
                text = bodytext.normalize_space(bodytext.inline_text(found.root))
                names = split_byline(text) or split_byline(f"By {text}")
                if names:
                    return names
        return []

    @field
    def published_at(self) -> str | None:
        for value in self._declared_dates("datePublished", _PUBLISHED_METAS):
            date = to_utc_iso(value) if isinstance(value, str) else None
            if date:
                return date
        return self._found_date()

    def _declared_dates(self, prop: str, metas: tuple[str, ...]) -> Iterator[Any]:
        """Machine-readable dates, best source first (read lazily: most pages stop early)."""
        yield self._jsonld_article().get(prop)
        for key in metas:
            yield self._meta(key)
        yield self.css(f"[itemprop={prop}]::attr(content)").get()
        yield self.css(f"[itemprop={prop}]::attr(datetime)").get()
        if prop == "datePublished":
            yield self.css("article time[datetime]::attr(datetime)").get()
            yield self.css("time[datetime]::attr(datetime)").get()

    @cached_method
    def _found_date(self) -> str | None:
        """The publication date htmldate finds in the page's markup, text and URL, for pages
        without a machine-readable one ("26.08.2016", "August 26, 2016", /2016/08/26/)."""
        try:
            found = find_date(self.selector.root, url=str(self.response.url),
                              original_date=True, extensive_search=True)
        except (ValueError, TypeError):
            return None
        return to_utc_iso(found) if found else None

    @field
    def modified_at(self) -> str | None:
        for value in self._declared_dates("dateModified", _MODIFIED_METAS):
            date = to_utc_iso(value) if isinstance(value, str) else None
            if date:
                return date
        return None

    @field
    def description(self) -> str | None:
        return (self._meta("og:description") or self._meta("description")
                or self._meta("dc.description") or self._meta("dcterms.description"))

    @field
    def language(self) -> str | None:
        for value in self._declared_languages():
            match = _LANGUAGE.match(value) if isinstance(value, str) else None
            if match:
                return match.group(1).lower()
        return None

    def _declared_languages(self) -> Iterator[Any]:
        yield self.xpath("/html/@lang").get()
        yield self.xpath("/html/@xml:lang").get()
        yield self._meta("og:locale")
        yield self._meta("content-language") or self._http_equiv("content-language")
        yield self.response.headers.get("Content-Language")
        yield self._jsonld_article().get("inLanguage")
        yield self._meta("dc.language") or self._meta("dcterms.language")

    def _http_equiv(self, name: str) -> str | None:
        for element in self.selector.root.iter("meta"):
            if (element.get("http-equiv") or "").lower() == name:
                return element.get("content")
        return None

    @field
    def page_type(self) -> str:
        classes = frozenset(self._body_classes())
        return page_kind(PageSignals(
            jsonld_types=frozenset(self._jsonld_types()),
            og_type=(self._meta("og:type") or "").lower(),
            priced=bool(self._meta("product:price:amount") or self.css("[itemprop=price]")),
            body_classes=classes,
            wordpress=is_wordpress(classes, self._meta_all("generator")),
            body_text=self.body_text,
            bylined=bool(self.authors or self.published_at),
            headline_links=len(self.css("h2 a[href], h3 a[href], h4 a[href]")),
            article_elements=len(self.css("article")),
        ))
