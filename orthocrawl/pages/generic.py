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
from urllib.parse import urlsplit

from htmldate import find_date
from trafilatura.metadata import extract_author
from web_poet import field, handle_urls
from web_poet.utils import cached_method

from orthocrawl.dates import to_utc_iso
from orthocrawl.pages import body as bodytext
from orthocrawl.pages.byline import split_byline, take_byline
from orthocrawl.pages.cascade import Body, generic_body
from orthocrawl.pages.ends import trim_ends
from orthocrawl.pages.headline import choose_title
from orthocrawl.pages.metadata import Content, MetadataPage
from orthocrawl.pages.pagekind import PageSignals, is_wordpress, page_kind
from orthocrawl.pages.people import choose_authors, clean_names, widen_authors
from orthocrawl.pages.shown_date import choose_published, headline_dates
from orthocrawl.pages.values import as_list, clean_list
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
_AUTHOR_METAS = ("author", "article:author", "dc.creator", "dcterms.creator", "citation_author",
                 "parsely-author", "sailthru.author")
# Text nodes that start a byline, or are a byline's label; links to an author's page.
_BYLINE_TEXT = ("//body//text()[starts-with(normalize-space(), 'By ') or "
                "starts-with(normalize-space(), 'by ') or "
                "starts-with(normalize-space(), 'By:') or "
                "starts-with(normalize-space(), 'by:') or "
                "starts-with(normalize-space(), 'Written by') or "
                "starts-with(normalize-space(), 'Written By') or "
                "normalize-space() = 'By' or normalize-space() = 'Author' or "
                "normalize-space() = 'Author:' or normalize-space() = 'Authors' or "
                "normalize-space() = 'Author(s)' or normalize-space() = 'Authors:' or "
                "normalize-space() = 'Contributor:' or normalize-space() = 'Contributors:' or "
                # a short label ending in "by" ("Article by", "Words by")
                "(string-length(normalize-space()) < 20 and "
                "substring(normalize-space(), string-length(normalize-space()) - 2) = ' by')]")
_BYLINE_LABEL = re.compile(r"^(?:(?:\w+\s+)?by|written by|authors?(?:\(s\))?|contributors?):?$",
                           re.I)
_CREDIT_LABEL = re.compile(r"^(?:\w+\s+)?(?:images?|photos?|photographs?|pictures?|illustrations?|"
                           r"videos?|graphics?|artwork|cover|icons?)\s+by\b", re.I)
_WRITTEN_BY = re.compile(r"^\s*(?:written\s+by|by|authors?)\s*:?\s*$", re.I)
_MARKED_AUTHORS = ("[itemprop=author] [itemprop=name]", "[itemprop=author]", "a[rel~=author]")
_AUTHOR_LINKS = ("//body//a[contains(@href, '/author/') or contains(@href, '/authors/')]"
                 "[normalize-space()]")
MAX_BYLINES = 5
# What a byline says before the name of someone who did not write the article.
_OTHER_ROLE = re.compile(r"\b(?:review|check|edit|updat|illustrat|photograph|translat)\w*"
                         r"\s+by\W*$", re.I)
# Elements named for an author, outside comments; the first few hold the article's byline.
_AUTHOR_ELEMENTS = ("//body//*[(contains(translate(@class, 'AUTHOR', 'author'), 'author') or "
                    "contains(translate(@id, 'AUTHOR', 'author'), 'author')) and "
                    "not(contains(@class, 'authority'))]"
                    "[not(ancestor-or-self::*[contains(@class, 'comment') or "
                    "contains(@id, 'comment')])]")
MAX_AUTHOR_ELEMENTS = 5
MAX_BYLINE_CHARS = 120
# Empty elements (an avatar) skipped between a byline's label and its names.
MAX_EMPTY_SIBLINGS = 2
_SITE_TYPES = frozenset({"WebSite", "Organization", "NewsMediaOrganization", "Corporation"})
_ORGANISATION_TYPES = frozenset({"Organization", "NewsMediaOrganization", "Corporation",
                                 "LocalBusiness", "EducationalOrganization", "WebSite"})
# Links to a member's profile: forum software's URL conventions (XenForo, Discourse, ...).
_PROFILE_PATH = re.compile(r"/(?:members?|users?|u|profiles?)/[^/?#]+", re.I)
# An amount of money: "$12.99", "€ 1,200", "45.00 EUR".
_PRICE = re.compile(r"[$€£¥]\s?\d[\d,]*(?:\.\d\d)?|\d[\d,]*(?:\.\d\d)?\s?(?:USD|EUR|GBP)\b")
_ANCHORED_HEADINGS = ("//*[self::h1 or self::h2 or self::h3 or self::h4]"
                      "[.//a[starts-with(@href, '#')]]")
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
        trim_ends(root)
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
        headings = [bodytext.inline_text(h).replace("\n", " ")
                    for h in self.selector.root.iter("h1")]
        return choose_title(headings, [
            headline if isinstance(headline, str) else None, self._meta("og:title"),
            self._meta("twitter:title"), self._meta("dc.title"), self._meta("dcterms.title"),
            self.xpath("//title/text()").get()], self._site_names())

    @cached_method
    def _site_names(self) -> list[str]:
        """What the site calls itself: og:site_name, application-name, the JSON-LD website,
        organisation and publisher, and its host name."""
        names = [self._meta("og:site_name"), self._meta("application-name")]
        for node in self._jsonld_nodes():
            types = {t for t in as_list(node.get("@type")) if isinstance(t, str)}
            if types & _SITE_TYPES:
                names.append(node.get("name"))
            publisher = node.get("publisher")
            if isinstance(publisher, dict):
                names.append(publisher.get("name"))
        host = host_of(str(self.response.url)).removeprefix("www.")
        names.extend([host, host.split(".")[0]])
        return clean_list(names)

    @field
    def authors(self) -> list[str]:
        return self._people()

    @cached_method
    def _people(self) -> list[str]:
        """The authors, read once (the page type asks too): the first source that names
        anyone, widened to a byline in the markup that names them and co-authors besides
        (a meta tag or JSON-LD often names the first author only)."""
        names = self._named_people()
        if not names:
            return choose_authors([self._author_element_names()], self._site_names())
        # Links to author pages list every co-author; wcxb-dev: 1 page gained in the tuning
        # half, none lost in either (bylines and microdata widened too, 2 lost: a reviewer,
        # a place).
        linked = [clean_names([text], self._site_names()) for text in self._author_links()]
        if not all(len(found) == 1 for found in linked):
            return names  # a link around a biography, not a name
        return widen_authors(names, [[found[0] for found in linked]])

    @cached_method
    def _named_people(self) -> list[str]:
        """The people the page's bylines, structured data and author markup name."""
        return choose_authors(self._author_sources(), self._site_names())

    def _author_sources(self) -> Iterator[list[str]]:
        """Who the page says wrote it, best source first (read lazily: most stop early)."""
        yield self._content().byline
        by_id = {n.get("@id"): n for n in self._jsonld_nodes() if n.get("@id")}
        people = []
        for person in _flat(self._jsonld_article().get("author")):
            if isinstance(person, dict) and "name" not in person:
                person = by_id.get(person.get("@id"), person)
            if isinstance(person, str):
                people.append(person)
            elif isinstance(person, dict) and isinstance(person.get("name"), str) and not (
                    {t for t in as_list(person.get("@type")) if isinstance(t, str)}
                    & _ORGANISATION_TYPES):
                people.append(person["name"])
        yield people
        yield [name for key in _AUTHOR_METAS for name in self._meta_all(key)]
        yield self._labelled_metas()
        # Markup that says "this is the author" (microdata, rel=author) before bylines found
        # by their wording, which also match teasers of other articles and photo credits.
        yield self._marked_authors()
        # Printed bylines and author links name people in full: one word ("Role" in "By
        # Role", a photographer's handle) is no one's name there.
        for text in self._printed_bylines():
            yield [name for name in clean_names([text], self._site_names()) if " " in name]
        yield [name for name in clean_names(self._author_links(), self._site_names())
               if " " in name]
        yield self._visible_byline()

    def _labelled_metas(self) -> list[str]:
        """The values of twitter:dataN whose twitter:labelN says "Written by" (the label and
        data pairs that link previews show)."""
        metas = self._metas()
        return [value for n in range(1, 5)
                if _WRITTEN_BY.match(metas.get(f"twitter:label{n}", [""])[0])
                for value in metas.get(f"twitter:data{n}", [])[:1]]

    def _marked_authors(self) -> list[str]:
        """Names in author markup: microdata's author name, links with rel=author."""
        for selector in _MARKED_AUTHORS:
            marked = [e.root for e in self.css(selector) if _spaced_text(e.root)]
            if marked:
                # The first one and its co-authors in the same byline, not the authors of
                # other posts, comments or an "Updated by" / "Reviewed by" line further on.
                group = _ancestor(marked[0], 2)
                return [_spaced_text(e) for e in marked[:MAX_BYLINES]
                        if group is None or _ancestor(e, 2) is group]
        return []

    def _printed_bylines(self) -> list[str]:
        """Lines of the page that are a byline ("By Jane Doe", "Written by: Jane Doe"), and
        a "Written by" label's next element, first ones first."""
        found = []
        for node in self.selector.root.xpath(_BYLINE_TEXT)[:MAX_BYLINES]:
            parent = node.getparent()
            if parent is None or not isinstance(parent.tag, str):
                continue  # the text of a comment or processing instruction
            text = _spaced_text(parent)
            if _CREDIT_LABEL.match(text):
                continue  # "Hero image by", "Photo by": who made a picture
            if _BYLINE_LABEL.match(text):
                text = _after_label(parent)
            if text and len(text) <= MAX_BYLINE_CHARS:
                found.append(text)
        return found

    @cached_method  # an author source, and read again to widen a byline to co-authors
    def _author_links(self) -> list[str]:
        """The names on links to author pages (/author/jane-doe/: a convention of most
        publishing systems)."""
        links = self.selector.root.xpath(_AUTHOR_LINKS)
        if not links:
            return []
        # The first link and the co-authors beside it (same parent), not the author pages
        # linked from a list of related articles further down.
        parent = links[0].getparent()
        return [_spaced_text(a) for a in links[:MAX_BYLINES] if a.getparent() is parent
                and not _OTHER_ROLE.search(_text_before(a))]

    def _visible_byline(self) -> list[str]:
        """The byline as trafilatura reads it, then the elements named for authors."""
        try:
            found = extract_author(self.selector.root)
        except (ValueError, TypeError):
            found = None
        return [*(found or "").split(";"), *self._byline_element()]

    def _author_element_names(self) -> list[str]:
        """The first full name (two words or more) inside an element whose class or id
        names an author ("post-author", "blog_author-box"), for pages whose byline has no
        wording or markup of its own: the name alone, beside an avatar."""
        for element in self.selector.root.xpath(_AUTHOR_ELEMENTS)[:MAX_AUTHOR_ELEMENTS]:
            for text in element.itertext():
                line = bodytext.normalize_space(text)
                if not line or len(line) > MAX_BYLINE_CHARS:
                    continue
                names = [n for n in clean_names([line], self._site_names()) if " " in n]
                if names:
                    return names[:1]
        return []

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
        declared = self._declared_value("datePublished", _PUBLISHED_METAS)
        shown = choose_published(declared, headline_dates(self.selector.root))
        if shown:
            return f"{shown}T00:00:00Z"
        if declared:
            return to_utc_iso(declared)
        for value in (self.css("article time[datetime]::attr(datetime)").get(),
                      self.css("time[datetime]::attr(datetime)").get()):
            date = to_utc_iso(value) if value else None
            if date:
                return date
        # htmldate's search of the markup and text is the costliest field (a 1 MB shop page
        # took 2 s, and its first extensive search loads dateparser's every locale, 5 s):
        # not for a page the crawl refuses and drops anyway
        return self._found_date() if self.page_type == "article" else None

    @cached_method
    def _declared_published(self) -> str | None:
        """The publication date the page declares in structured data or meta tags."""
        declared = self._declared_value("datePublished", _PUBLISHED_METAS)
        return to_utc_iso(declared) if declared else None

    def _declared_value(self, prop: str, metas: tuple[str, ...]) -> str | None:
        """The first declared date that reads as one, as the page wrote it (its zone kept)."""
        for value in self._declared_dates(prop, metas):
            if isinstance(value, str) and to_utc_iso(value):
                return value
        return None

    def _declared_dates(self, prop: str, metas: tuple[str, ...]) -> Iterator[Any]:
        """Machine-readable dates, best source first (read lazily: most pages stop early)."""
        yield self._jsonld_article().get(prop)
        for key in metas:
            yield self._meta(key)
        yield self.css(f"[itemprop={prop}]::attr(content)").get()
        yield self.css(f"[itemprop={prop}]::attr(datetime)").get()

    @cached_method
    def _found_date(self) -> str | None:
        """The publication date htmldate finds in the page's markup, text and URL, for pages
        without a machine-readable one ("26.08.2016", "August 26, 2016", /2016/08/26/).

        Its quick search first; its extensive one (dateparser over the text, in every
        language: about 40% of GenericPage's time when run on every page) only when the quick
        one finds nothing. On wcxb-dev the day is right as often either way (0.842)."""
        for extensive in (False, True):
            try:
                found = find_date(self.selector.root, url=str(self.response.url),
                                  original_date=True, extensive_search=extensive)
            except (ValueError, TypeError):
                found = None
            if found:
                return to_utc_iso(found)
        return None

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

    @field(cached=True)  # published_at asks it too
    def page_type(self) -> str:
        classes = frozenset(self._body_classes())
        body = self._body()
        return page_kind(PageSignals(
            jsonld_types=frozenset(self._jsonld_types()),
            og_type=(self._meta("og:type") or "").lower(),
            priced=bool(self._meta("product:price:amount") or self.css("[itemprop=price]")),
            body_classes=classes,
            wordpress=is_wordpress(classes, self._meta_all("generator")),
            body_text=self.body_text,
            # a name only in an element named for authors is too weak a sign: product and
            # listing pages have them too (one more listing kept on wcxb-dev's tuning half)
            bylined=bool(self._named_people()),
            dated=self._declared_published() is not None,
            path=urlsplit(str(self.response.url)).path or "/",
            time_count=len({e.get("datetime") for e in self.selector.root.iter("time")
                            if e.get("datetime")}),
            code_blocks=sum(1 for _ in self.selector.root.iter("pre")),
            link_share=body.page_link_words / body.page_words if body.page_words else 0.0,
            headline_links=len(self.css("h2 a[href], h3 a[href], h4 a[href]")),
            article_elements=len(self.css("article")),
            profile_links=len({m.group(0).lower() for href in self.xpath("//a/@href").getall()
                               for m in [_PROFILE_PATH.search(href)] if m}),
            code_elements=len(self.xpath("//pre | //code")),
            anchored_headings=len(self.xpath(_ANCHORED_HEADINGS)),
            prices=len(_PRICE.findall(" ".join(self.xpath(
                "//body//text()[not(ancestor::script) and not(ancestor::style)]").getall()))),
        ))


def _flat(value: Any) -> list[Any]:
    """A JSON-LD value as a flat list (some pages nest the author list in another)."""
    return [item for entry in as_list(value) for item in (
        entry if isinstance(entry, list) else [entry])]


def _after_label(label: Any) -> str:
    """The names after a byline's label: the text right after it ("<b>Contributors:</b> Jane
    Doe"), else the next element that has text, past an avatar's empty <picture> or <img>;
    its texts are the names, one each (a list of co-authors' links)."""
    tail = bodytext.normalize_space(label.tail or "")
    if tail.strip(" ,;:·•|-"):
        return tail
    following = label.getnext()
    for _ in range(MAX_EMPTY_SIBLINGS + 1):
        if following is None:
            return ""
        pieces = [t for t in map(bodytext.normalize_space, following.itertext()) if t] if (
            isinstance(following.tag, str)) else []  # a comment between label and names
        if pieces:
            return "; ".join(pieces)
        following = following.getnext()
    return ""


def _text_before(element: Any) -> str:
    """The text right before an element inside its parent (the previous sibling's tail, or
    the parent's own text when it comes first)."""
    previous = element.getprevious()
    if previous is None:
        parent = element.getparent()
        return (parent.text or "") if parent is not None else ""
    return previous.tail or ""


def _ancestor(element: Any, levels: int) -> Any:
    """The element `levels` above this one (None above the root)."""
    for _ in range(levels):
        if element is None:
            return None
        element = element.getparent()
    return element


def _spaced_text(element: Any) -> str:
    """An element's text with its children's texts apart ("Jane Doe" "Editor", not
    "Jane DoeEditor")."""
    return bodytext.normalize_space(" ".join(element.itertext()))
