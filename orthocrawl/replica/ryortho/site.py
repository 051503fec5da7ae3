"""RyorthoSite: the built Orthopedics This Week replica, its truth, and ``handle()``."""

from __future__ import annotations

from collections.abc import Iterable

from ..wp_model import TagBook, Upload
from ..wp_site import HTML, RSS, TEXT, Route, WordPressReplica, paged
from . import feeds
from .constants import CANONICAL_HOST, DOMAINS, ORIGIN, SITE_NAME, SITE_TITLE, TODAY
from .content import CATEGORIES, WRITERS, build_posts
from .listings import Listing, front_page, render_listing
from .model import Post
from .other_pages import WP_PAGES, render_404, render_attachment, render_wp_page
from .post_page import render_post
from .theme import SiteChrome, footer, sidebar, site_header
from .variants import VARIANT_KINDS, variant

XML = "text/xml; charset=UTF-8"


class RyorthoSite(WordPressReplica):
    """A deterministic Orthopedics This Week: posts, pages, feed and sitemaps, rendered lazily."""

    name = SITE_NAME
    origin = ORIGIN
    hosts = (CANONICAL_HOST, *(d for d in DOMAINS if d != CANONICAL_HOST))
    domains = list(DOMAINS)
    slash_first = True
    plain_type = "text/plain; charset=UTF-8"

    def __init__(self, posts: list[Post], tags: TagBook, seed: int,
                 cache_size: int = 20000) -> None:
        super().__init__(posts, seed, TODAY, cache_size)
        self.tags = tags.by_slug
        self._chrome: SiteChrome | None = None

    def terms_of(self, post: Post) -> Iterable[tuple[str, str]]:
        for term in (*post.categories, *post.tags):
            yield term.taxonomy, term.slug
        for writer in post.writers:  # every byline has an author archive
            yield "author", writer.slug

    # -- what the tests and benchmarks read ------------------------------------------------
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

    # -- the theme -----------------------------------------------------------------------------
    @property
    def chrome(self) -> SiteChrome:
        if self._chrome is None:
            latest = self.posts[:10]
            popular = sorted(self.posts[:60], key=lambda p: (-p.views, p.index))[:5]
            self._chrome = SiteChrome(site_header(latest), sidebar(latest, popular), footer())
        return self._chrome

    def render_post(self, post: Post) -> tuple[str, list[str]]:
        return render_post(post, self.chrome)

    def route(self, path: str) -> Route:
        if path == "/robots.txt":
            return lambda: (200, feeds.robots(), TEXT)
        if path == "/feed/":
            return lambda: (200, feeds.rss(self.posts), RSS)
        if path == "/sitemap_index.xml":
            return lambda: (200, feeds.sitemap_index(self.posts), XML)
        if path.startswith("/post-sitemap") and path.endswith(".xml"):
            doc = feeds.post_sitemap(self.posts, path[1:])
            return None if doc is None else lambda: (200, doc, XML)
        if path == "/page-sitemap.xml":
            newest = self.posts[0].modified if self.posts else TODAY
            return lambda: (200, feeds.page_sitemap(newest, list(WP_PAGES)), XML)
        if path == "/category-sitemap.xml":
            rows = [(c.url, self.by_term[("category", c.slug)][0].modified)
                    for c in self.listed(CATEGORIES.values())]
            return lambda: (200, feeds.category_sitemap(rows), XML)
        if path.strip("/") in WP_PAGES:
            return lambda: (200, render_wp_page(path.strip("/"), self.chrome), HTML)
        if path in self.attachments:
            post, image = self.attachments[path]
            return lambda: (200, render_attachment(post, image, self.chrome), HTML)
        base, n = paged(path)
        if base != path and n == 1:
            return ORIGIN + base
        listing = self._listing(base)
        if listing is None or n > listing.pages or n < 1:
            return None
        return lambda: (200, render_listing(listing, n, self.chrome), HTML)

    def _listing(self, path: str) -> Listing | None:
        if path == "/":
            return front_page(self.posts)
        if path == "/breaking/":
            return Listing(path, "Breaking News", f"Breaking News - {SITE_TITLE}",
                           "blog archive", self.posts)
        term = self.term_archive(path)
        if not term:
            return None
        kind, slug, posts = term
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

    def render_search(self, term: str, page: int) -> str | None:
        hits = self.search_hits(term)
        listing = Listing("/", f"Search Results for: {term}",
                          f"You searched for {term} - {SITE_TITLE}", "search search-results",
                          hits, query=f"?s={term}", schema="SearchResultsPage")
        if page > listing.pages:
            return None
        return render_listing(listing, page, self.chrome)

    def render_404(self) -> str:
        return render_404(self.chrome)


def _lead(by_path: dict[str, Post], attachment_path: str) -> Upload | None:
    post = by_path.get(attachment_path.rsplit("/", 2)[0] + "/")
    return post.lead if post else None


def build_site(articles: int = 120, seed: int = 7) -> RyorthoSite:
    """Build the replica with ``articles`` posts; same arguments, byte-identical site."""
    posts, tags = build_posts(articles, seed)
    return RyorthoSite(posts, tags, seed)
