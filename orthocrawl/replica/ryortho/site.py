"""RyorthoSite: the built Orthopedics This Week replica, its truth, and ``handle()``."""

from __future__ import annotations

import gc
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qs, urlsplit

from ..text import normalize
from ..timefmt import http_date
from . import feeds
from .cases import fixture_cases
from .constants import CANONICAL_HOST, DOMAINS, ORIGIN, SITE_NAME, SITE_TITLE, TODAY
from .content import build_posts
from .listings import Listing, front_page, render_listing
from .media import Image
from .model import Post
from .other_pages import WP_PAGES, render_404, render_attachment, render_wp_page
from .post_page import render_post
from .staff import CATEGORIES, WRITERS, TagBook
from .theme import SiteChrome, footer, sidebar, site_header
from .variants import VARIANT_KINDS, variant

Headers = list[tuple[str, str]]
Response = tuple[int, Headers, bytes]

HTML = "text/html; charset=UTF-8"
XML = "text/xml; charset=UTF-8"
_PAGED = re.compile(r"^(?P<base>/(?:.*?/)?)page/(?P<n>\d+)/$")
_TERM = re.compile(r"^/(category|tag|author)/([^/]+)/$")


class RyorthoSite:
    """A deterministic Orthopedics This Week: posts, pages, feed and sitemaps, rendered lazily."""

    name = SITE_NAME
    origin = ORIGIN
    domains = list(DOMAINS)

    def __init__(self, posts: list[Post], tags: TagBook, cache_size: int = 20000) -> None:
        self.posts = posts
        self.today = TODAY
        self.by_path = {p.path: p for p in posts}
        self.by_id = {p.post_id: p for p in posts}
        self.tags = tags.by_slug
        self.attachments: dict[str, tuple[Post, Image]] = {}
        self._by_term: dict[tuple[str, str], list[Post]] = {}
        for post in posts:
            for image in post.images:
                self.attachments[(image.page_url or "").removeprefix(ORIGIN)] = (post, image)
            for term in (*post.categories, *post.tags):
                self._by_term.setdefault((term.taxonomy, term.slug), []).append(post)
            for writer in post.writers:
                self._by_term.setdefault(("author", writer.slug), []).append(post)
        self._chrome: SiteChrome | None = None
        self._cache: OrderedDict[tuple, tuple] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    # -- what the tests and benchmarks read ------------------------------------------------
    def truth(self) -> list[dict]:
        return [p.truth() for p in self.posts]

    def article_urls(self) -> list[str]:
        return [p.url for p in self.posts]

    def non_article_urls(self) -> list[str]:
        """Pages a crawl may meet that must not be archived (one page each, no redirects)."""
        pages = [f"{ORIGIN}/{slug}/" for slug in WP_PAGES]
        pages += [f"{ORIGIN}/?s=spine", f"{ORIGIN}/breaking/", f"{ORIGIN}/category/legal/"]
        linked = [path for path, (_, image) in self.attachments.items()
                  if image is not _lead(self.by_path, path)][:2]
        return pages + [ORIGIN + path for path in linked]

    def variant_urls(self) -> dict[str, str]:
        """A sample of every variant kind, each mapped to the canonical URL it collapses to."""
        out: dict[str, str] = {}
        for post in self.posts[:3]:
            for kind in VARIANT_KINDS:
                out[variant(post, kind)] = post.url
            mixed = variant(post, "http_www").rstrip("/") + "?utm_source=rss&utm_medium=rss"
            out[mixed] = post.url
        return out

    def fixture_cases(self) -> dict[str, str]:
        return fixture_cases(self.posts)

    def chrome_texts(self, url: str) -> list[str]:
        post = self.by_path.get(urlsplit(url).path)
        if post is None:
            raise KeyError(f"not an article of the replica: {url}")
        _, lines = self._rendered_post(post)
        seen: dict[str, None] = {}
        for line in lines:
            line = normalize(line)
            if len(line) >= 12 and line not in post.body_text:
                seen.setdefault(line)
        return list(seen)

    # -- rendering, cached -----------------------------------------------------------------
    def warm(self) -> None:
        """Render every article page now, so serving them later costs only a cache hit."""
        paused = gc.isenabled()
        gc.disable()
        try:
            for post in self.posts:
                self._rendered_post(post)
        finally:
            if paused:
                gc.enable()

    @property
    def chrome(self) -> SiteChrome:
        if self._chrome is None:
            latest = self.posts[:10]
            popular = sorted(self.posts[:60], key=lambda p: (-p.views, p.index))[:5]
            self._chrome = SiteChrome(site_header(latest), sidebar(latest, popular), footer())
        return self._chrome

    def _cached(self, key: tuple, make: Callable[[], tuple]) -> tuple:
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
        value = make()
        with self._lock:
            self._cache[key] = value
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return value

    def _rendered_post(self, post: Post) -> tuple[bytes, list[str]]:
        def make() -> tuple[bytes, list[str]]:
            html, lines = render_post(post, self.chrome)
            return html.encode(), lines

        return self._cached(("post", post.post_id), make)

    # -- HTTP ------------------------------------------------------------------------------
    def handle(self, method: str, url: str, headers: Mapping[str, str]) -> Response:
        """Answer one request for a full public URL, as the real site would."""
        method = method.upper()
        if method not in ("GET", "HEAD"):
            return _finish(method, 405, b"Method Not Allowed", "text/plain; charset=UTF-8",
                           [("Allow", "GET, HEAD")])
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if host not in DOMAINS:
            return _finish(method, 404, b"Unknown host", "text/plain; charset=UTF-8")
        path, query = parts.path or "/", parts.query
        fixed = path
        if not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
            fixed = path + "/"
        target = ORIGIN + fixed + (f"?{query}" if query else "")
        if parts.scheme != "https" or host != CANONICAL_HOST:
            return _redirect(method, target)  # the web server's rewrite to https://ryortho.com
        if fixed != path:  # WordPress adds the slash only to URLs that exist
            found = fixed in self.by_path or self._route(fixed) is not None
            return _redirect(method, target) if found else self._not_found(method)
        params = parse_qs(query)
        if path == "/" and "p" in params:
            post = self.by_id.get(int(params["p"][0])) if params["p"][0].isdigit() else None
            return _redirect(method, post.url) if post else self._not_found(method)
        if "s" in params and (path == "/" or _PAGED.match(path)):
            return self._search(method, path, params["s"][0])
        post = self.by_path.get(path)
        if post is not None:
            return self._post(method, post, headers)
        return self._other(method, path)

    def _post(self, method: str, post: Post, headers: Mapping[str, str]) -> Response:
        extra = [("Last-Modified", http_date(post.modified)),
                 ("Link", f'<{ORIGIN}/?p={post.post_id}>; rel=shortlink')]
        since = _header(headers, "If-Modified-Since")
        if since:
            try:
                if parsedate_to_datetime(since) >= post.modified.replace(microsecond=0):
                    return 304, extra, b""
            except (TypeError, ValueError):
                pass
        body, _ = self._rendered_post(post)
        return _finish(method, 200, body, HTML, extra)

    def _other(self, method: str, path: str) -> Response:
        key = ("path", path)
        with self._lock:
            hit = self._cache.get(key)
        if hit is None:
            hit = self._route(path)
            if hit is None:
                return self._not_found(method)
            if isinstance(hit, str):
                return _redirect(method, hit)
            with self._lock:
                self._cache[key] = hit
        status, body, ctype = hit
        return _finish(method, status, body, ctype)

    def _route(self, path: str) -> tuple[int, bytes, str] | str | None:
        """(status, body, type) for a non-post path, a redirect target, or None for 404."""
        if path == "/robots.txt":
            return 200, feeds.robots().encode(), "text/plain; charset=utf-8"
        if path == "/feed/":
            return 200, feeds.rss(self.posts).encode(), "application/rss+xml; charset=UTF-8"
        if path == "/sitemap_index.xml":
            return 200, feeds.sitemap_index(self.posts).encode(), XML
        if path.startswith("/post-sitemap") and path.endswith(".xml"):
            doc = feeds.post_sitemap(self.posts, path[1:])
            return None if doc is None else (200, doc.encode(), XML)
        if path == "/page-sitemap.xml":
            newest = self.posts[0].modified if self.posts else TODAY
            return 200, feeds.page_sitemap(newest, list(WP_PAGES)).encode(), XML
        if path == "/category-sitemap.xml":
            rows = [(c.url, self._by_term[("category", slug)][0].modified)
                    for slug, c in CATEGORIES.items() if ("category", slug) in self._by_term]
            return 200, feeds.category_sitemap(rows).encode(), XML
        if path.strip("/") in WP_PAGES:
            return 200, render_wp_page(path.strip("/"), self.chrome).encode(), HTML
        if path in self.attachments:
            post, image = self.attachments[path]
            return 200, render_attachment(post, image, self.chrome).encode(), HTML
        n = 1
        paged = _PAGED.match(path)
        if paged:
            path, n = paged.group("base"), int(paged.group("n"))
            if n == 1:
                return ORIGIN + path
        listing = self._listing(path)
        if listing is None or n > listing.pages or n < 1:
            return None
        return 200, render_listing(listing, n, self.chrome).encode(), HTML

    def _listing(self, path: str) -> Listing | None:
        if path == "/":
            return front_page(self.posts)
        if path == "/breaking/":
            return Listing(path, "Breaking News", f"Breaking News - {SITE_TITLE}",
                           "blog archive", self.posts)
        term = _TERM.match(path)
        if not term:
            return None
        kind, slug = term.groups()
        posts = self._by_term.get((kind, slug))
        if not posts:
            return None
        if kind == "category":
            c = CATEGORIES[slug]
            return Listing(path, c.name, f"{c.name} Archives - {SITE_TITLE}",
                           f"archive category category-{slug} category-{c.term_id}", posts)
        if kind == "tag":
            t = self.tags[slug]
            return Listing(path, t.name, f"{t.name} Archives - {SITE_TITLE}",
                           f"archive tag tag-{slug} tag-{t.term_id}", posts)
        writer = next(w for w in WRITERS if w.slug == slug)
        return Listing(path, writer.name, f"{writer.name}, Author at {SITE_TITLE}",
                       f"archive author author-{slug}", posts, schema="ProfilePage")

    def _search(self, method: str, path: str, term: str) -> Response:
        paged = _PAGED.match(path)
        n = int(paged.group("n")) if paged else 1

        def make() -> tuple[int, bytes, str]:
            needle = term.lower()
            hits = [p for p in self.posts
                    if needle in p.title.lower() or needle in p.body_text.lower()]
            listing = Listing("/", f"Search Results for: {term}",
                              f"You searched for {term} - {SITE_TITLE}", "search search-results",
                              hits, query=f"?s={term}", schema="SearchResultsPage")
            if n > listing.pages:
                return 404, b"", HTML
            return 200, render_listing(listing, n, self.chrome).encode(), HTML

        status, body, ctype = self._cached(("search", term, n), make)
        if status == 404:
            return self._not_found(method)
        return _finish(method, status, body, ctype)

    def _not_found(self, method: str) -> Response:
        body = self._cached(("404",), lambda: (render_404(self.chrome).encode(),))[0]
        return _finish(method, 404, body, HTML)


def _lead(by_path: dict[str, Post], attachment_path: str) -> Image | None:
    post = by_path.get(attachment_path.rsplit("/", 2)[0] + "/")
    return post.lead if post else None


def _redirect(method: str, location: str) -> Response:
    return _finish(method, 301, b"", HTML, [("Location", location),
                                            ("X-Redirect-By", "WordPress")])


def _finish(method: str, status: int, body: bytes, ctype: str,
            extra: Headers | None = None) -> Response:
    headers = [("Content-Type", ctype), ("Content-Length", str(len(body))),
               ("Vary", "Accept-Encoding"), *(extra or ())]
    return status, headers, b"" if method == "HEAD" else body


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is None:
        lower = name.lower()
        value = next((v for k, v in headers.items() if k.lower() == lower), None)
    return value


def build_site(articles: int = 120, seed: int = 7) -> RyorthoSite:
    """Build the replica with ``articles`` posts; same arguments, byte-identical site."""
    posts, tags = build_posts(articles, seed)
    return RyorthoSite(posts, tags)
