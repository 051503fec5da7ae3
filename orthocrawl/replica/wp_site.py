"""A WordPress replica on any origin: routing, redirects, archives, URL variants, caching.

A publisher's replica subclasses WordPressReplica and gives its own theme (``theme``, a Theme
of page renderers, and ``make_chrome``), ``document`` (robots.txt, feeds, sitemaps) and
``titles`` (what it calls an archive). Everything a
WordPress install does the same way whatever its theme lives here: canonical-host and scheme
redirects, the trailing-slash redirect of ``redirect_canonical``, ``/?p=N`` shortlinks,
``?s=`` search, term, author and date archives and their pages, Yoast's sitemaps, tracking
queries served as the canonical page, conditional GET, HEAD and 405.

``slash_first`` sites (OrthoSpineNews, Orthopedics This Week) add a missing trailing slash
before anything else, in the same redirect as the host fix, and never take it away.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

from . import wp_feeds
from .cached_site import CachedReplica
from .constants import TODAY
from .inline import attr
from .responses import Response, finish, redirect, unmodified_since
from .text import Chrome
from .timefmt import MONTHS, http_date, local
from .url_forms import Variants

Post = Any  # a publisher's post record: wp_model.Post, or a replica's own with the same fields
Page = tuple[int, str, str]  # status, body, content type
Route = Callable[[], Page] | str | None  # a page to render, a redirect target, or 404

HTML = "text/html; charset=UTF-8"
XML = "application/xml; charset=UTF-8"
RSS = "application/rss+xml; charset=UTF-8"
TEXT = "text/plain; charset=utf-8"
PAGED = re.compile(r"^(?P<base>/(?:.*?/)?)page/(?P<n>\d+)/?$")
TERM = re.compile(r"^/(category|tag|author)/([^/]+)/$")
DATE = re.compile(r"^/(\d{4})/(?:(\d{2})/(?:(\d{2})/)?)?$")
PAGE = tuple[str, tuple[str, ...], int]  # a WordPress page: title, paragraphs, page id


@dataclass(frozen=True)
class Theme:
    """A theme's page renderers, each given the site's chrome last."""

    post: Callable[..., tuple[str, list[str]]]  # (post, chrome)
    listing: Callable[..., str]  # (listing, page number, chrome)
    page: Callable[..., str]  # (slug, title, paragraphs, page id, chrome): a WordPress page
    attachment: Callable[..., str]  # (post, image, chrome)
    not_found: Callable[..., str]  # (chrome)


@dataclass(slots=True)
class Listing:
    """One archive: its posts (newest first), its titles and how its pages look."""

    origin: str
    base: str  # path of page 1, e.g. "/category/spine/"
    title: str  # the page's h1 ("" where the theme prints none)
    seo_title: str  # <title>, before the page number
    body_css: str
    posts: list[Any]
    schema: str = "CollectionPage"
    paging: str = "numbers"  # page numbers, or plain "next" links
    description: str = ""
    query: str = ""  # "?s=term" for search results
    single_page: bool = False  # a front page of one page, whatever it holds
    per_page: int = 10

    @property
    def pages(self) -> int:
        return 1 if self.single_page else max(1, -(-len(self.posts) // self.per_page))

    def page_url(self, n: int) -> str:
        return f"{self.origin}{self.base if n == 1 else f'{self.base}page/{n}/'}{self.query}"

    def shown(self, n: int) -> list[Any]:
        return self.posts[(n - 1) * self.per_page:n * self.per_page]

    def head_title(self, n: int) -> str:
        return self.seo_title + (f" - Page {n} of {self.pages}" if n > 1 else "")

    def rel_links(self, n: int) -> str:
        """The head's links to the previous and next page."""
        return "".join(f'<link rel="{rel}" href="{attr(self.page_url(k))}" />\n'
                       for rel, k in (("prev", n - 1), ("next", n + 1)) if 1 <= k <= self.pages)

    def numbers(self, n: int, spread: int, ends: bool = True) -> list[int | None]:
        """The page numbers a pager shows: ``spread`` either side of ``n``, and (``ends``) the
        first and the last, with None where it skips pages."""
        out: list[int | None] = []
        before = 0
        for k in sorted({*((1, self.pages) if ends else ()),
                         *range(max(1, n - spread), min(self.pages, n + spread) + 1)}):
            out += [None, k] if ends and k - before > 1 else [k]
            before = k
        return out

    def pager(self, n: int, spread: int, prev: str, page: str, current: str, gap: str,
              after: str | None, ends: bool = True) -> list[str]:
        """A pager's links, from templates: ``prev`` and ``after`` (the next page; None: the
        theme adds its own) get {url}, ``page`` and ``current`` (the page shown) {url} and
        {k}; ``gap`` stands where pages are skipped."""
        links = [prev.format(url=attr(self.page_url(n - 1)))] if n > 1 else []
        links += [gap if k is None else (current if k == n else page).format(
            url=attr(self.page_url(k)), k=k) for k in self.numbers(n, spread, ends)]
        if after is not None and n < self.pages:
            links.append(after.format(url=attr(self.page_url(n + 1))))
        return links


class WordPressReplica(CachedReplica):
    """Posts, pages, feeds and sitemaps of one WordPress site, rendered lazily and cached."""

    slash_first: ClassVar[bool] = False
    plain_type: ClassVar[str] = TEXT  # of the 405 and unknown-host answers
    sitemap_type: ClassVar[str] = XML

    def __init__(self, posts: list[Post], tags: Any, seed: int, today: datetime = TODAY,
                 cache_size: int = 20000) -> None:
        super().__init__(posts, cache_size)
        self.seed = seed
        self.today = today
        self.tags: dict[str, Any] = tags.by_slug  # a TagBook's
        self.accounts: dict[str, Any] = {p.account.slug: p.account for p in posts}
        self.host = urlsplit(self.origin).hostname  # the canonical one of ``domains``
        self.by_id: dict[int, Post] = {p.post_id: p for p in posts}
        self.by_term: dict[tuple[str, str], list[Post]] = {}
        self.by_date: dict[str, list[Post]] = {}
        self.attachments: dict[str, tuple[Post, Any]] = {}  # path -> (post, image)
        for post in posts:
            for key in self.terms_of(post):
                self.by_term.setdefault(key, []).append(post)
            day = local(post.published)
            for key in (f"{day:%Y}", f"{day:%Y/%m}", f"{day:%Y/%m/%d}"):
                self.by_date.setdefault(key, []).append(post)
            for image in post.images:
                self.attachments[(image.page_url or "").removeprefix(self.origin)] = (post, image)

    def terms_of(self, post: Post) -> Iterable[tuple[str, str]]:
        """The (taxonomy, slug) archives that list the post: its terms and its author."""
        for term in (*post.categories, *post.tags):
            yield term.taxonomy, term.slug
        yield "author", post.account.slug

    # -- the theme: what a publisher's replica renders ---------------------------------------
    wp_pages: ClassVar[dict[str, PAGE]] = {}  # slug -> its WordPress page
    page_slash: ClassVar[bool] = True  # a page's URL ends in a slash, as its posts' do
    date_archives: ClassVar[str] = "days"  # "days", "months" (no day archives) or "" (none)
    pages_modified: ClassVar[datetime] = TODAY  # when the WordPress pages were last edited
    sitemap_xsl: ClassVar[str | None] = None  # Yoast's stylesheet (None: the origin's)
    sitemap_urlset: ClassVar[str] = wp_feeds.IMAGE_URLSET
    categories: ClassVar[dict[str, Any]] = {}  # slug -> its Term

    theme: ClassVar[Theme]
    # kind (home, search, date, author, category, tag; "term" for both of these) -> the
    # archive's h1, <title>, body class and Listing options; str.format fields: name, kind,
    # Kind (title case), css ("archive KIND KIND-SLUG") and id (the term's id).
    titles: ClassVar[dict[str, tuple[Any, ...]]] = {}

    @cached_property
    def chrome(self) -> Chrome:
        return self.make_chrome()

    def make_chrome(self) -> Chrome:
        """The theme's header, sidebar and footer for this site's posts."""
        raise NotImplementedError

    def document(self, path: str) -> Route:
        """robots.txt, feeds and sitemaps."""
        return None

    def titled(self, path: str, kind: str, named: Any, posts: list[Post]) -> Listing:
        """The archive at ``path`` of ``kind`` (home, category, tag, author, date, search) and
        ``named`` (its term, account, date label or search term), as the theme titles it."""
        h1, title, css, *options = self.titles.get(kind) or self.titles["term"]
        fields = {"name": getattr(named, "name", named), "kind": kind, "Kind": kind.title(),
                  "css": f"archive {kind} {kind}-{getattr(named, 'slug', '')}",
                  "id": getattr(named, "term_id", "")}
        return Listing(self.origin, "/" if kind == "home" else path, h1.format(**fields),
                       title.format(**fields), css.format(**fields), posts,
                       description=getattr(named, "description", ""), **(options or [{}])[0])

    def render_listing(self, listing: Listing, n: int) -> str:
        return self.theme.listing(listing, n, self.chrome)

    search_term: ClassVar[str] = "spine"
    attachments_shown: ClassVar[int | None] = None  # how many attachment pages (None: all)

    def non_article_urls(self) -> list[str]:
        """Pages that look like articles and are not: WordPress pages, a search, attachments."""
        pages = [f"{self.origin}/{slug}{'/' if self.page_slash else ''}" for slug in self.wp_pages]
        return pages + [f"{self.origin}/?s={self.search_term}"] + [
            self.origin + path for path in list(self.attachments)[:self.attachments_shown]]

    def route(self, path: str) -> Route:
        """Any path that is not a post: documents, pages, attachments, archives."""
        found = self.document(path)
        if found is not None:
            return found
        slug = path.strip("/")
        if slug in self.wp_pages and path == f"/{slug}{'/' if self.page_slash else ''}":
            return lambda: (200, self.theme.page(slug, *self.wp_pages[slug], self.chrome), HTML)
        if path in self.attachments:
            return lambda: (200, self.theme.attachment(*self.attachments[path], self.chrome), HTML)
        base, n = paged(path)
        listing = self.archive(base) if base.endswith("/") else None
        if listing is None or not 1 <= n <= listing.pages:
            return None
        if n == 1 and base != path:
            return self.origin + base  # /page/1/ -> the archive itself
        return lambda: (200, self.render_listing(listing, n), HTML)

    def archive(self, path: str) -> Listing | None:
        """The archive whose first page is at ``path``, if it lists any post."""
        if path == "/":
            return self.titled(path, "home", "", self.posts)
        term = self.term_archive(path)
        if term:
            kind, slug, posts = term
            named = {"category": self.categories, "tag": self.tags, "author": self.accounts}
            return self.titled(path, kind, named[kind][slug], posts)
        date = self.date_archive(path, self.date_archives == "days") \
            if self.date_archives else None
        return self.titled(path, "date", *date) if date else None

    def yoast_sitemap(self, path: str) -> Route:
        """Yoast SEO's sitemaps: the index, posts by the thousand, pages and categories."""
        posts, origin, xsl, name = self.posts, self.origin, self.sitemap_xsl, path[1:]
        rows: list[tuple[str, datetime | None, list[str]]] | None = None
        if name == "sitemap_index.xml":
            doc = wp_feeds.yoast_index(origin, wp_feeds.yoast_entries(posts, TODAY), xsl)
            return lambda: (200, doc, self.sitemap_type)
        chunk = wp_feeds.yoast_chunk(posts, name)
        if chunk is not None:
            rows = [(p.url, p.modified, [i.url for i in p.images]) for p in chunk]
        elif name == "page-sitemap.xml":
            rows = [(f"{origin}/", posts[0].modified if posts else TODAY, [])]
            rows += [(f"{origin}/{slug}/", self.pages_modified, []) for slug in self.wp_pages]
        elif name == "category-sitemap.xml":
            rows = [(c.url, self.by_term[("category", c.slug)][0].modified, [])
                    for c in self.listed(self.categories.values())]
        if rows is None:
            return None
        doc = wp_feeds.yoast_urlset(origin, rows, xsl, self.sitemap_urlset)
        return lambda: (200, doc, self.sitemap_type)

    # -- archives and search, for the theme's listings ----------------------------------------
    def term_archive(self, path: str) -> tuple[str, str, list[Post]] | None:
        """(taxonomy, slug, posts) of ``/category/x/``, ``/tag/x/`` or ``/author/x/`` with posts."""
        match = TERM.match(path)
        if not match:
            return None
        kind, slug = match.groups()
        posts = self.by_term.get((kind, slug))
        return (kind, slug, posts) if posts else None

    def date_archive(self, path: str, days: bool = True) -> tuple[str, list[Post]] | None:
        """(label, posts) of ``/2024/``, ``/2024/03/`` or (``days``) ``/2024/03/09/`` with posts:
        the label as WordPress prints it, "2024", "March 2024" or "March 9, 2024"."""
        match = DATE.match(path)
        if not match or (match.group(3) and not days):
            return None
        y, m, d = match.groups()
        posts = self.by_date.get("/".join(g for g in (y, m, d) if g))
        if not posts:
            return None
        label = y if m is None else f"{MONTHS[int(m) - 1]} {y}" if d is None else \
            f"{MONTHS[int(m) - 1]} {int(d)}, {y}"
        return label, posts

    def search_hits(self, term: str) -> list[Post]:
        """WordPress's search: the posts whose title or content holds the term."""
        needle = term.lower()
        return [p for p in self.posts if needle in p.title.lower() or needle in p.body_text.lower()]

    def listed(self, terms: Iterable[Any], taxonomy: str = "category") -> list[Any]:
        """The terms that have an archive, i.e. at least one post."""
        return [t for t in terms if (taxonomy, t.slug) in self.by_term]

    # -- what the tests and benchmarks read ----------------------------------------------------
    variants: ClassVar[Variants]  # the other forms of its posts' URLs
    mixed: ClassVar[str] = "http"  # the form of variants that a sample mixes with a query

    def variant_sample(self) -> list[Post]:
        return self.posts[:3] + self.posts[-1:]

    def variant_urls(self) -> dict[str, str]:
        """A sample of every variant kind, each mapped to the canonical URL it collapses to,
        and a mix (another scheme, no slash, a tracking query)."""
        out: dict[str, str] = {}
        for post in self.variant_sample():
            for kind in self.variants.kinds:
                out[self.variants.variant(post, kind)] = post.url
            mixed = self.variants.variant(post, self.mixed).rstrip("/")
            out[mixed + "?utm_source=rss&utm_medium=rss"] = post.url
        return out

    # -- caching ------------------------------------------------------------------------------
    def _rendered_post(self, post: Post) -> tuple[bytes, list[str]]:
        def make() -> tuple[bytes, list[str]]:
            html, lines = self.theme.post(post, self.chrome)
            return html.encode(), lines

        return self.cached(("post", post.post_id), make)

    # -- HTTP ---------------------------------------------------------------------------------
    def handle(self, method: str, url: str, headers: Mapping[str, str]) -> Response:
        """Answer one request for a full public URL, as the real site would."""
        method = method.upper()
        if method not in ("GET", "HEAD"):
            return finish(method, 405, b"Method Not Allowed", self.plain_type,
                          [("Allow", "GET, HEAD")])
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if host not in self.domains:
            return finish(method, 404, b"Unknown host", self.plain_type)
        path, query = parts.path or "/", parts.query
        suffix = f"?{query}" if query else ""
        fixed = path
        if self.slash_first and not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
            fixed = path + "/"
        if parts.scheme != "https" or host != self.host:  # the web server's own rewrite
            return self.redirect(method, self.origin + fixed + suffix)
        if fixed != path:  # WordPress adds the slash only to URLs that exist
            found = fixed in self.by_path or self.route(fixed) is not None
            return self.redirect(method, self.origin + fixed + suffix) if found else \
                self.not_found(method)
        params = parse_qs(query)
        if path == "/" and "p" in params:
            wanted = params["p"][0]
            post = self.by_id.get(int(wanted)) if wanted.isdigit() else None
            return self.redirect(method, post.url) if post else self.not_found(method)
        if "s" in params and (path == "/" or PAGED.match(path)):
            paged = PAGED.match(path)
            return self._search(method, params["s"][0], int(paged.group("n")) if paged else 1)
        post = self.by_path.get(path)
        if post is not None:
            return self._post(method, post, headers)
        found = self._page(path)
        if found is not None:
            if isinstance(found, str):
                return self.redirect(method, found)
            status, body, ctype = found
            return finish(method, status, body, ctype)
        # redirect_canonical: the other trailing-slash form of a URL that exists.
        other = path[:-1] if path.endswith("/") else path + "/"
        if not self.slash_first and path != "/" and (
                other in self.by_path or self.route(other) is not None):
            return self.redirect(method, self.origin + other + suffix)
        return self.not_found(method)

    def _post(self, method: str, post: Post, headers: Mapping[str, str]) -> Response:
        body, _, *etag = self._rendered_post(post)  # a site's page may have an ETag
        extra = [("Last-Modified", http_date(post.modified)),
                 ("Link", f"<{self.origin}/?p={post.post_id}>; rel=shortlink"),
                 *(("ETag", tag) for tag in etag)]
        if unmodified_since(headers, post.modified, *etag):
            return 304, extra, b""
        return finish(method, 200, body, HTML, extra)

    def _page(self, path: str) -> tuple[int, bytes, str] | str | None:
        """The route of ``path``, rendered, cached (a miss too)."""
        def make() -> tuple[tuple[int, bytes, str] | str | None]:
            found = self.route(path)
            if callable(found):
                status, body, ctype = found()
                return ((status, body.encode(), ctype),)
            return (found,)

        return self.cached(("path", path), make)[0]

    def _search(self, method: str, term: str, n: int) -> Response:
        def make() -> tuple[bytes | None]:
            listing = self.titled("/", "search", term, self.search_hits(term))
            listing.query = f"?s={term}"
            return (None if n > listing.pages else self.render_listing(listing, n).encode(),)

        (body,) = self.cached(("search", term, n), make)
        if body is None:
            return self.not_found(method)
        return finish(method, 200, body, HTML)

    def not_found(self, method: str) -> Response:
        (body,) = self.cached(("404",), lambda: (self.theme.not_found(self.chrome).encode(),))
        return finish(method, 404, body, HTML)

    def redirect(self, method: str, location: str) -> Response:
        return redirect(method, location, HTML)


def paged(path: str) -> tuple[str, int]:
    """``/category/x/page/3/`` -> (``/category/x/``, 3); any other path -> (path, 1)."""
    match = PAGED.match(path)
    if match:
        return match.group("base"), int(match.group("n"))
    return path, 1
