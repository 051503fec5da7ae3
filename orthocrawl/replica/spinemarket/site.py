"""The Spine Market Group replica: routes every path the site answers.

Posts and pages live at slug-only URLs without a trailing slash (``/corvane-spine-acquires-
nexilo-robotics-ltd``); archives keep theirs (``/category/articles/``). Discovery goes through
WordPress core's own sitemaps (``/wp-sitemap.xml``), the feed, and the Articles archive.
"""

from __future__ import annotations

from typing import Any

from .. import wp_feeds
from ..constants import TODAY
from ..text import Chrome
from ..wp_model import Post, Upload
from ..wp_site import RSS, TEXT, XML, Listing, Route, WordPressReplica
from .constants import HOST, ORIGIN, PAGES, PER_PAGE, SITE_NAME, SITE_TITLE, TAGLINE
from .content import CATEGORIES, POSTER, TagBook, build_posts
from .pages import render_404, render_attachment, render_listing, render_wp_page
from .post_page import render_post
from .theme import footer, sidebar, site_header


class SpineMarketSite(WordPressReplica):
    name = SITE_NAME
    origin = ORIGIN
    hosts = (HOST, f"www.{HOST}")
    domains = [HOST, f"www.{HOST}"]
    wp_pages = PAGES
    page_slash = False
    date_archives = "months"

    def __init__(self, posts: list[Post], tags: TagBook, seed: int) -> None:
        super().__init__(posts, seed, TODAY)
        self.tags = tags.by_slug
        self.categories = CATEGORIES
        self.accounts = {POSTER.slug: POSTER}
        self._chrome: Chrome | None = None

    @property
    def chrome(self) -> Chrome:
        if self._chrome is None:
            used = self.listed(CATEGORIES.values())
            self._chrome = Chrome(site_header(), sidebar(self.posts[:6], used),
                                  footer(TODAY.year))
        return self._chrome

    def render_post(self, post: Post) -> tuple[str, list[str]]:
        return render_post(post, self.chrome)

    def non_article_urls(self) -> list[str]:
        urls = [f"{ORIGIN}/{slug}" for slug in PAGES] + [f"{ORIGIN}/?s=spine"]
        return urls + [ORIGIN + path for path in list(self.attachments)[:4]]

    # -- routes --------------------------------------------------------------------------------
    def document(self, path: str) -> Route:
        if path == "/robots.txt":
            return lambda: (200, wp_feeds.robots(f"{ORIGIN}/wp-sitemap.xml"), TEXT)
        if path == "/feed":
            return lambda: (200, wp_feeds.rss(SITE_TITLE, ORIGIN, TAGLINE, self.posts[:PER_PAGE],
                                              lambda p: p.url, TODAY), RSS)
        if path.startswith("/wp-sitemap") and path.endswith(".xml"):
            return self._sitemap(path[1:])
        return None

    def _sitemap(self, name: str) -> Route:
        posts = self.posts
        if name == "wp-sitemap.xml":
            names = [*wp_feeds.core_post_sitemaps(len(posts)), "wp-sitemap-posts-page-1.xml",
                     "wp-sitemap-taxonomies-category-1.xml", "wp-sitemap-taxonomies-post_tag-1.xml",
                     "wp-sitemap-users-1.xml"]
            return lambda: (200, wp_feeds.core_index(ORIGIN, names), XML)
        chunk = wp_feeds.core_chunk(posts, name)
        locs = [p.url for p in chunk] if chunk is not None else {
            "wp-sitemap-posts-page-1.xml": [f"{ORIGIN}/{slug}" for slug in PAGES],
            "wp-sitemap-taxonomies-category-1.xml": [
                c.url for c in self.listed(CATEGORIES.values())],
            "wp-sitemap-taxonomies-post_tag-1.xml": [t.url for t in self.tags.values()],
            "wp-sitemap-users-1.xml": [POSTER.url],
        }.get(name)
        return None if locs is None else lambda: (200, wp_feeds.core_urlset(ORIGIN, locs), XML)

    def titled(self, path: str, kind: str, named: Any, posts: list[Post]) -> Listing:
        if kind == "home":
            return Listing(ORIGIN, "/", "", f"{SITE_TITLE} – {TAGLINE}", "home blog", posts)
        if kind == "search":
            return Listing(ORIGIN, path, f"Search Results for: {named}",
                           f"Search Results for “{named}” – {SITE_TITLE}",
                           "search search-results", posts)
        if kind == "date":
            return Listing(ORIGIN, path, f"Archives for {named}", f"{named} – {SITE_TITLE}",
                           "archive date", posts)
        css = f"archive {kind} {kind}-{named.slug}"
        if kind == "author":
            return Listing(ORIGIN, path, f"About {named.name}", f"{named.name} – {SITE_TITLE}",
                           css, posts)
        return Listing(ORIGIN, path, named.name, f"{named.name} – {SITE_TITLE}",
                       f"{css} {kind}-{named.term_id}", posts)

    def render_listing(self, listing: Listing, n: int) -> str:
        return render_listing(listing, n, self.chrome)

    def render_page(self, slug: str) -> str:
        return render_wp_page(slug, *self.wp_pages[slug], self.chrome)

    def render_attachment(self, post: Post, image: Upload) -> str:
        return render_attachment(post, image, self.chrome)

    def render_404(self) -> str:
        return render_404(self.chrome)


def build_site(articles: int = 120, seed: int = 7) -> SpineMarketSite:
    """Build the replica with ``articles`` posts; same arguments, byte-identical site."""
    posts, tags = build_posts(articles, seed, TODAY)
    return SpineMarketSite(posts, tags, seed)
