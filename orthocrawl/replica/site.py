"""ReplicaSite: the built site, its truth, and ``handle()`` which answers any request."""

from __future__ import annotations

import gc
import hashlib
import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qs, urlsplit

from . import feeds
from .constants import CANONICAL_HOST, DOMAINS, ORIGIN, SITE_NAME, SITE_TITLE, TODAY
from .content import ACCOUNTS, CATEGORIES, TagBook, build_posts
from .listings import Listing, render_listing
from .media import Image
from .model import Post
from .other_pages import ABOUT, CONTACT, render_404, render_attachment, render_wp_page
from .post_page import SiteChrome, render_post
from .states import Evolution, evolve, no_changes, state_today
from .text import normalize
from .theme import Part, footer, sidebar, site_header
from .timefmt import MONTHS, display_date, http_date, local, weekday_date
from .variants import VARIANT_KINDS, variant

Headers = list[tuple[str, str]]
Response = tuple[int, Headers, bytes]

HTML = "text/html; charset=UTF-8"
_PAGED = re.compile(r"^(?P<base>/(?:.*?/)?)page/(?P<n>\d+)/$")
_TERM = re.compile(r"^/(category|tag|author)/([^/]+)/$")
_DATE = re.compile(r"^/(\d{4})/(?:(\d{2})/(?:(\d{2})/)?)?$")
WP_PAGES = {"about-us": ("About Us", ABOUT, 2), "contact": ("Contact", CONTACT, 7)}
_DATE_SPAN = '<span class="date meta-item tie-icon">{}</span>'


class RequestLog:
    """Thread-safe tally of answered requests: (url, status) -> times. ``reset()`` clears it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hits: Counter[tuple[str, int]] = Counter()
        self._local = threading.local()

    def record(self, url: str, status: int) -> None:
        if getattr(self._local, "muted", False):
            return
        with self._lock:
            self._hits[(url, status)] += 1

    @contextmanager
    def muted(self) -> Iterator[None]:
        """Requests this thread makes inside the block are not counted (a wrapper's own)."""
        self._local.muted = True
        try:
            yield
        finally:
            self._local.muted = False

    def count(self, status: int | None = None, url: str | None = None) -> int:
        """Requests answered with ``status`` (any when None), for ``url`` (any when None)."""
        with self._lock:
            return sum(n for (u, st), n in self._hits.items()
                       if (status is None or st == status) and (url is None or u == url))

    def statuses(self) -> Counter[int]:
        with self._lock:
            out: Counter[int] = Counter()
            for (_, status), n in self._hits.items():
                out[status] += n
            return out

    def urls(self, status: int | None = None) -> set[str]:
        with self._lock:
            return {u for (u, st) in self._hits if status is None or st == status}

    def reset(self) -> None:
        with self._lock:
            self._hits.clear()


class ReplicaSite:
    """A deterministic OrthoSpineNews: posts, pages, feeds and sitemaps, rendered lazily.

    A later state (``later``) keeps the state-1 site as ``base``: the pages of posts it did
    not change are the base's, byte for byte, as a page cache would keep serving them.
    ``request_log`` counts the article pages answered (200, 304, and 404 for deleted ones)."""

    name = SITE_NAME
    origin = ORIGIN
    domains = list(DOMAINS)

    def __init__(self, posts: list[Post], tags: TagBook, seed: int,
                 cache_size: int = 20000, *, base: ReplicaSite | None = None,
                 later: Evolution | None = None) -> None:
        self.seed = seed
        self.posts = posts
        self.base, self.later = base, later
        self.today: datetime = later.today if later else TODAY
        self.state = 1 if later is None else 2
        self._fresh = later.fresh if later else set()
        self._gone = {p.path for p in later.deleted} if later else set()
        self._at = {p.post_id: n for n, p in enumerate(posts)}
        self.request_log = RequestLog()
        self.by_path: dict[str, Post] = {p.path: p for p in posts}
        self.by_id: dict[int, Post] = {p.post_id: p for p in posts}
        self.attachments: dict[str, tuple[Post, Image]] = {}
        for post in posts:
            for image in post.images:
                self.attachments[(image.page_url or "").removeprefix(ORIGIN)] = (post, image)
        self.categories = CATEGORIES
        self.tags = tags.by_slug
        self.accounts = {a.slug: a for a in ACCOUNTS}
        self._by_term: dict[tuple[str, str], list[Post]] = {}
        self._by_date: dict[str, list[Post]] = {}
        for post in posts:
            for c in post.categories:
                self._by_term.setdefault(("category", c.slug), []).append(post)
            for t in post.tags:
                self._by_term.setdefault(("tag", t.slug), []).append(post)
            self._by_term.setdefault(("author", post.account.slug), []).append(post)
            day = local(post.published)
            for key in (f"{day:%Y}", f"{day:%Y/%m}", f"{day:%Y/%m/%d}"):
                self._by_date.setdefault(key, []).append(post)
        self._chrome: SiteChrome | None = None
        self._cache: OrderedDict[tuple, tuple] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    # -- what the tests and benchmarks read ------------------------------------------------
    def truth(self) -> list[dict]:
        return [p.truth() for p in self.posts]

    def article_urls(self) -> list[str]:
        return [p.url for p in self.posts]

    def changes(self) -> dict[str, list[str]]:
        """URLs new, edited, silently edited and deleted since state 1 (all empty in state 1)."""
        return self.later.changes() if self.later else no_changes()

    def non_article_urls(self) -> list[str]:
        urls = [f"{ORIGIN}/{slug}/" for slug in WP_PAGES] + [f"{ORIGIN}/?s=spine"]
        return urls + [ORIGIN + path for path in self.attachments]

    def variant_urls(self) -> dict[str, str]:
        """A sample of every variant kind, each mapped to the canonical URL it collapses to."""
        sample = self.posts[:3] + [p for p in self.posts if p.path.count("/") == 2][:1]
        out: dict[str, str] = {}
        for post in sample:
            for kind in VARIANT_KINDS:
                out[variant(post, kind)] = post.url
            mixed = variant(post, "http").rstrip("/") + "?utm_source=rss&utm_medium=rss"
            out[mixed] = post.url
        return out

    def fixture_cases(self) -> dict[str, str]:
        """Case name -> URL of a page that shows that variant (for page-object fixtures)."""
        from .cases import fixture_cases

        return fixture_cases(self.posts)

    def chrome_texts(self, url: str) -> list[str]:
        post = self.by_path.get(urlsplit(url).path)
        if post is None:
            raise KeyError(f"not an article of the replica: {url}")
        _, lines, _ = self._rendered_post(post)
        body = post.body_text
        seen: dict[str, None] = {}
        for line in lines:
            line = normalize(line)
            if len(line) >= 12 and line not in body:
                seen.setdefault(line)
        return list(seen)

    # -- rendering, cached -----------------------------------------------------------------
    def warm(self) -> None:
        """Render every article page now, so serving them later costs only a cache hit."""
        paused = gc.isenabled()
        gc.disable()  # only long-lived strings are made here: skip the collector's passes
        try:
            for post in self.posts:
                self._rendered_post(post)
        finally:
            if paused:
                gc.enable()

    @property
    def chrome(self) -> SiteChrome:
        if self._chrome is None:
            latest = self.posts[:8]
            popular = sorted(self.posts[:60], key=lambda p: (-p.views, p.index))[:4]
            counts = sorted(((len(v), k[1]) for k, v in self._by_term.items() if k[0] == "tag"),
                            key=lambda x: (-x[0], x[1]))
            cloud = [self.tags[slug] for _, slug in counts[:20]]
            header = site_header(latest)
            if self.today != TODAY:  # the header prints the date
                old, new = weekday_date(TODAY), weekday_date(self.today)
                header = Part(header.html.replace(old, new, 1),
                              tuple(new if t == old else t for t in header.texts))
            self._chrome = SiteChrome(header, sidebar(latest, popular, cloud), footer(latest))
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

    def _rendered_post(self, post: Post) -> tuple[bytes, list[str], str]:
        """(page, chrome lines, ETag) of a post's page."""
        if self.base is not None and post.post_id not in self._fresh:
            return self.base._rendered_post(post)  # unchanged since state 1

        def make() -> tuple[bytes, list[str], str]:
            at = self._at[post.post_id]
            around = self.posts[at + 1:at + 4] or self.posts[:3]
            html, lines = render_post(post, self.chrome, [p for p in around if p is not post])
            if self.today != TODAY:  # the post's own date, as the later clock prints it
                old, new = (display_date(post.published, now) for now in (TODAY, self.today))
                html = html.replace(_DATE_SPAN.format(old), _DATE_SPAN.format(new), 1)
                if old in lines:
                    lines[lines.index(old)] = new
            body = html.encode()
            return body, lines, f'"{hashlib.sha1(body).hexdigest()[:24]}"'

        return self._cached(("post", post.post_id), make)

    # -- HTTP ------------------------------------------------------------------------------
    def handle(self, method: str, url: str, headers: Mapping[str, str]) -> Response:
        """Answer one request for a full public URL, as the real site would."""
        method = method.upper()
        if method not in ("GET", "HEAD"):
            return self._finish(method, 405, b"Method Not Allowed", "text/plain; charset=UTF-8",
                                [("Allow", "GET, HEAD")])
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if host not in DOMAINS:
            return self._finish(method, 404, b"Unknown host", "text/plain; charset=UTF-8")
        path, query = parts.path or "/", parts.query
        fixed = path
        if not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
            fixed = path + "/"
        target = ORIGIN + fixed + (f"?{query}" if query else "")
        if parts.scheme != "https" or host != CANONICAL_HOST:
            return self._redirect(method, target)  # the web server's own rewrite
        if fixed != path:  # WordPress adds the slash only to URLs that exist
            found = fixed in self.by_path or self._route(fixed) is not None
            return self._redirect(method, target) if found else self._not_found(method)
        params = parse_qs(query)
        if path == "/" and "p" in params:
            post = self.by_id.get(int(params["p"][0])) if params["p"][0].isdigit() else None
            return self._redirect(method, post.url) if post else self._not_found(method)
        if "s" in params and (path == "/" or _PAGED.match(path)):
            return self._search(method, path, params["s"][0])
        post = self.by_path.get(path)
        if post is not None:
            return self._post(method, post, headers)
        if path in self._gone:
            self.request_log.record(ORIGIN + path, 404)
        return self._other(method, path)

    def _post(self, method: str, post: Post, headers: Mapping[str, str]) -> Response:
        body, _, etag = self._rendered_post(post)
        extra = [("Last-Modified", http_date(post.modified)),
                 ("Link", f'<{ORIGIN}/?p={post.post_id}>; rel=shortlink'), ("ETag", etag)]
        status = 304 if _not_modified(headers, etag, post.modified) else 200
        self.request_log.record(post.url, status)
        if status == 304:
            return 304, extra, b""
        return self._finish(method, 200, body, HTML, extra)

    def _other(self, method: str, path: str) -> Response:
        key = ("path", path)
        with self._lock:
            hit = self._cache.get(key)
        if hit is None:
            hit = self._route(path)
            if hit is None:
                return self._not_found(method)
            if isinstance(hit, str):  # a redirect target
                return self._redirect(method, hit)
            with self._lock:
                self._cache[key] = hit
        status, body, ctype = hit
        return self._finish(method, status, body, ctype)

    def _route(self, path: str) -> tuple[int, bytes, str] | str | None:
        """(status, body, type) for a non-post path, a redirect target, or None for 404."""
        xml = "text/xml; charset=UTF-8"
        if path == "/robots.txt":
            return 200, feeds.robots().encode(), "text/plain; charset=utf-8"
        if path == "/feed/":
            return 200, feeds.rss(self.posts).encode(), "application/rss+xml; charset=UTF-8"
        if path == "/sitemap_index.xml":
            return 200, feeds.sitemap_index(self.posts, list(CATEGORIES.values())).encode(), xml
        if path.startswith("/post-sitemap") and path.endswith(".xml"):
            doc = feeds.post_sitemap(self.posts, path[1:])
            return None if doc is None else (200, doc.encode(), xml)
        if path == "/page-sitemap.xml":
            return 200, feeds.page_sitemap(self.posts, list(WP_PAGES)).encode(), xml
        if path == "/category-sitemap.xml":
            rows = [(term, self._by_term[("category", slug)][0].modified)
                    for slug, term in CATEGORIES.items() if ("category", slug) in self._by_term]
            return 200, feeds.category_sitemap(rows).encode(), xml
        slug = path.strip("/")
        if slug in WP_PAGES:
            title, paras, page_id = WP_PAGES[slug]
            return 200, render_wp_page(slug, title, paras, page_id, self.chrome).encode(), HTML
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
        return 200, render_listing(listing, n, self.chrome, self.today).encode(), HTML

    def _listing(self, path: str) -> Listing | None:
        if path == "/":
            return Listing("/", "Latest News", SITE_TITLE, "home blog", self.posts)
        term = _TERM.match(path)
        if term:
            kind, slug = term.groups()
            posts = self._by_term.get((kind, slug))
            if not posts:
                return None
            if kind == "category":
                c = CATEGORIES[slug]
                return Listing(path, c.name, f"{c.name} Archives - {SITE_TITLE}",
                               f"archive category category-{slug} category-{c.term_id}", posts,
                               description=c.description)
            if kind == "tag":
                t = self.tags[slug]
                return Listing(path, t.name, f"{t.name} Archives - {SITE_TITLE}",
                               f"archive tag tag-{slug} tag-{t.term_id}", posts, paging="next")
            a = self.accounts[slug]
            return Listing(path, a.name, f"{a.name}, Author at {SITE_TITLE}",
                           f"archive author author-{slug}", posts, schema="ProfilePage")
        date = _DATE.match(path)
        if date:
            key = "/".join(g for g in date.groups() if g)
            posts = self._by_date.get(key)
            if not posts:
                return None
            y, m, d = date.groups()
            label = y if m is None else f"{MONTHS[int(m) - 1]} {y}" if d is None else \
                f"{MONTHS[int(m) - 1]} {int(d)}, {y}"
            return Listing(path, label, f"{label} - {SITE_TITLE}", "archive date", posts,
                           paging="next")
        return None

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
            return 200, render_listing(listing, n, self.chrome, self.today).encode(), HTML

        status, body, ctype = self._cached(("search", term, n), make)
        if status == 404:
            return self._not_found(method)
        return self._finish(method, status, body, ctype)

    def _not_found(self, method: str) -> Response:
        body = self._cached(("404",), lambda: (render_404(self.chrome).encode(),))[0]
        return self._finish(method, 404, body, HTML)

    def _redirect(self, method: str, location: str) -> Response:
        return self._finish(method, 301, b"", HTML, [("Location", location),
                                                     ("X-Redirect-By", "WordPress")])

    @staticmethod
    def _finish(method: str, status: int, body: bytes, ctype: str,
                extra: Headers | None = None) -> Response:
        headers = [("Content-Type", ctype), ("Content-Length", str(len(body))),
                   ("Vary", "Accept-Encoding"), *(extra or ())]
        return status, headers, b"" if method == "HEAD" else body


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is None:
        lower = name.lower()
        for key, val in headers.items():
            if key.lower() == lower:
                return val
    return value


def _not_modified(headers: Mapping[str, str], etag: str, modified: datetime) -> bool:
    """If-None-Match decides when sent (weak comparison); else If-Modified-Since."""
    match = _header(headers, "If-None-Match")
    if match is not None:
        tags = {t.strip().removeprefix("W/") for t in match.split(",")}
        return "*" in tags or etag in tags
    since = _header(headers, "If-Modified-Since")
    if since:
        try:
            return parsedate_to_datetime(since) >= modified.replace(microsecond=0)
        except (TypeError, ValueError):
            pass
    return False


def build_site(articles: int = 120, seed: int = 7, state: int = 1) -> ReplicaSite:
    """Build the replica with ``articles`` posts; same arguments, byte-identical site.

    ``state=2`` is the same site some days later (see states.py); ``site.changes()`` says
    what changed."""
    state_today(state)  # rejects unknown states before any work
    posts, tags = build_posts(articles, seed)
    site = ReplicaSite(posts, tags, seed)
    if state == 1:
        return site
    later = evolve(posts, tags, seed, state)
    return ReplicaSite(later.posts, tags, seed, base=site, later=later)
