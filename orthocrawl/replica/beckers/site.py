"""BeckersSite: the built site, its truth, and ``handle()`` which answers any request."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from urllib.parse import parse_qs, urlsplit

from ..cached_site import CachedReplica
from ..inline import attr
from ..responses import Response, finish, redirect, unmodified_since
from ..text import Chrome, slugify
from ..timefmt import http_date
from . import chrome as site_chrome
from . import feeds
from .article_page import REQUEST_URL, render
from .constants import CANONICAL_HOST, DOMAINS, NOW, ORIGIN, SECTIONS, SITE_NAME
from .model import Article
from .pages import (
    CONTACT,
    EWEEKLY,
    FORM,
    Listing,
    render_404,
    render_about,
    render_listing,
    render_static,
)

HTML = "text/html; charset=utf-8"
XML = "application/xml; charset=utf-8"
_ID_ONLY = re.compile(r"^/(?P<section>[a-z-]+)/(?:item/)?(?P<id>\d+)(?:-[^/]*\.html)?/?$")
_YEAR_SITEMAP = re.compile(r"^/sitemaps/articles-(\d{4})\.xml$")
_AUTHOR = re.compile(r"^/authors/([a-z0-9-]+)/$")


class BeckersSite(CachedReplica):
    """A deterministic Becker's Spine Review: three CMS eras, feed, sitemaps, listings."""

    name = SITE_NAME
    origin = ORIGIN
    domains = list(DOMAINS)

    def __init__(self, articles: list[Article], seed: int, cache_size: int = 20000) -> None:
        super().__init__(articles, cache_size)
        self.seed = seed
        self.articles = articles
        self.today = NOW
        self.by_id = {a.item_id: a for a in articles if a.legacy}
        self.by_section: dict[str, list[Article]] = {}
        self.by_author: dict[str, list[Article]] = {}
        for a in articles:
            self.by_section.setdefault(a.section.slug, []).append(a)
            for name in a.authors:
                self.by_author.setdefault(slugify(name), []).append(a)
        self._author_names = {slugify(n): n for a in articles for n in a.authors}
        self._chrome: dict[str, Chrome] = {}

    # -- what the tests and benchmarks read ------------------------------------------------
    def non_article_urls(self) -> list[str]:
        author = next(iter(sorted(self.by_author)))
        return [f"{ORIGIN}/", f"{ORIGIN}/spine/", f"{ORIGIN}/spine/?page=2",
                f"{ORIGIN}/featured-insights/", f"{ORIGIN}/search?q=spine",
                f"{ORIGIN}/authors/{author}/", f"{ORIGIN}/about-us.html",
                f"{ORIGIN}/contact-us/", f"{ORIGIN}/e-weekly/"]

    def variant_urls(self) -> dict[str, str]:
        """A sample of every variant kind of every era, each mapped to its canonical URL."""
        out: dict[str, str] = {}
        for era in ("modern", "joomla", "k2"):
            for a in [a for a in self.articles if a.era == era][:2]:
                for kind in a.variant_kinds:
                    out[a.variant(kind)] = a.url
                out[a.variant("http").replace("http://", "HTTP://").rstrip("/")
                    + "?" + "origin=SpineE&utm_source=SpineE"] = a.url
        return out

    # -- rendering, cached -----------------------------------------------------------------
    def chrome(self, kind: str) -> Chrome:
        if kind not in self._chrome:
            latest = self.articles[:5]
            popular = sorted(self.articles[:60], key=lambda a: (a.item_id * 7919) % 997)[:5]
            make = site_chrome.modern if kind == "modern" else site_chrome.legacy
            self._chrome[kind] = make(latest, popular)
        return self._chrome[kind]

    def _rendered_post(self, article: Article) -> tuple[bytes, list[str]]:
        def make() -> tuple[bytes, list[str]]:
            html, lines = render(article, self.chrome("legacy" if article.legacy else "modern"))
            return html.encode(), lines

        return self.cached(("article", article.item_id, article.path), make)

    # -- HTTP ------------------------------------------------------------------------------
    def handle(self, method: str, url: str, headers: Mapping[str, str]) -> Response:
        """Answer one request for a full public URL, as the real site would."""
        method = method.upper()
        if method not in ("GET", "HEAD"):
            return finish(method, 405, b"Method Not Allowed", "text/plain; charset=utf-8",
                           [("Allow", "GET, HEAD")])
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if host not in DOMAINS:
            return finish(method, 404, b"Unknown host", "text/plain; charset=utf-8")
        path, query = parts.path or "/", parts.query
        if parts.scheme != "https" or host != CANONICAL_HOST:
            target = ORIGIN + path + (f"?{query}" if query else "")
            return _redirect(method, target)  # the web server's own rewrite
        article = self.by_path.get(path)
        if article is not None:
            return self._article(method, article, url, headers)
        return self._other(method, path, parse_qs(query))

    def _article(self, method: str, article: Article, url: str,
                 headers: Mapping[str, str]) -> Response:
        extra = [("Last-Modified", http_date(article.modified))]
        if unmodified_since(headers, article.modified):
            return 304, extra, b""
        body, _ = self._rendered_post(article)
        if article.era == "k2":
            body = body.replace(REQUEST_URL.encode(), attr(url).encode())
        return finish(method, 200, body, HTML, extra)

    def _other(self, method: str, path: str, params: dict[str, list[str]]) -> Response:
        found = self._route(path, params)
        if found is None:
            body = self.cached(("404",), lambda: (render_404(self.chrome("modern")).encode(),))
            return finish(method, 404, body[0], HTML)
        if isinstance(found, str):
            return _redirect(method, found)
        status, body, ctype = found
        return finish(method, status, body, ctype)

    def _route(self, path: str, params: dict[str, list[str]]) -> tuple | str | None:
        """(status, body, type) for a path that is not an article, a redirect, or None."""
        plain = "text/plain; charset=utf-8"
        if path == "/robots.txt":
            return 200, feeds.ROBOTS.encode(), plain
        if path == "/rss":
            return self._doc(("rss",), lambda: feeds.rss(self.articles),
                             "application/rss+xml; charset=utf-8")
        if path in ("/rss/", "/feed", "/feed/"):
            return f"{ORIGIN}/rss"
        if path == "/sitemap.xml":
            return self._doc(("index",), lambda: feeds.sitemap_index(self.articles), XML)
        if path == "/sitemaps/sections.xml":
            return 200, feeds.sections_sitemap().encode(), XML
        year = _YEAR_SITEMAP.match(path)
        if year:
            doc = feeds.year_sitemap(self.articles, int(year.group(1)))
            return None if doc is None else self._doc(("year", year.group(1)), lambda: doc, XML)
        if path + "/" in self.by_path:  # the new CMS adds the slash with a redirect
            return ORIGIN + path + "/"
        old = _ID_ONLY.match(path)
        if old and int(old.group("id")) in self.by_id:
            return self.by_id[int(old.group("id"))].url
        page = _page_number(params)
        if page is None:
            return None
        if path == "/search":
            term = (params.get("q") or [""])[0].strip()
            return self._listing(self._search(term), page)
        if path == "/":
            return self._listing(Listing("/", "Latest spine news", "page-home",
                                         self.articles[:20]), page)
        section = SECTIONS.get(path.strip("/"))
        if section is not None:
            if not path.endswith("/"):
                return f"{ORIGIN}{path}/"
            return self._listing(Listing(path, section.label, f"page-section section-"
                                         f"{section.slug}", self.by_section.get(section.slug, []),
                                         section.blurb), page)
        author = _AUTHOR.match(path)
        if author and author.group(1) in self.by_author:
            slug = author.group(1)
            return self._listing(Listing(path, self._author_names[slug], "page-author",
                                         self.by_author[slug]), page)
        return self._static(path)

    def _static(self, path: str) -> tuple | None:
        modern = self.chrome("modern")
        if path == "/about-us.html":
            return self._doc(("about",), lambda: render_about(self.chrome("legacy")), HTML)
        if path == "/contact-us/":
            return self._doc(("contact",), lambda: render_static(
                path, "Contact Us", CONTACT, modern), HTML)
        if path == "/e-weekly/":
            return self._doc(("eweekly",), lambda: render_static(
                path, "E-Weekly Sign-Up", EWEEKLY, modern, FORM), HTML)
        return None

    def _search(self, term: str) -> Listing:
        needle = term.lower()
        hits = [a for a in self.articles if needle and (needle in a.title.lower()
                                                        or needle in a.body_text.lower())]
        return Listing("/search", f"Search results for: {term}", "page-search", hits,
                       query=f"q={term}")

    def _listing(self, listing: Listing, n: int) -> tuple | None:
        if n > listing.pages:
            return None
        key = ("listing", listing.base, listing.query, n)
        return self._doc(key, lambda: render_listing(listing, n, self.chrome("modern")), HTML)

    def _doc(self, key: tuple, make: Callable[[], str], ctype: str) -> tuple:
        body = self.cached(key, lambda: (make().encode(),))[0]
        return 200, body, ctype


def _page_number(params: dict[str, list[str]]) -> int | None:
    raw = (params.get("page") or ["1"])[0]
    return int(raw) if raw.isdigit() and int(raw) >= 1 else None


def _redirect(method: str, location: str) -> Response:
    return redirect(method, location, HTML, by=None)  # the CMS does not name itself
