"""The OrthoBuzz replica: routes every path the blog answers."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from .. import wp_feeds
from ..constants import TODAY
from ..text import Chrome
from ..timefmt import local
from ..wp_model import Post, Upload
from ..wp_site import RSS, TEXT, Listing, Route, WordPressReplica
from .constants import HOST, ORIGIN, PER_PAGE, SITE_NAME, SITE_TITLE, TAGLINE, WP_PAGES
from .content import CATEGORIES, TagBook, build_posts
from .pages import render_404, render_attachment, render_listing, render_wp_page
from .post_page import render_post
from .theme import footer, sidebar, site_header


class OrthoBuzzSite(WordPressReplica):
    name = SITE_NAME
    origin = ORIGIN
    hosts = (HOST,)
    domains = [HOST]
    wp_pages = WP_PAGES
    pages_modified = datetime(2024, 3, 14, tzinfo=UTC)

    def __init__(self, posts: list[Post], tags: TagBook, seed: int) -> None:
        super().__init__(posts, seed, TODAY)
        self.tags = tags.by_slug
        self.accounts = {p.account.slug: p.account for p in posts}
        self.categories = CATEGORIES
        self._chrome: Chrome | None = None

    @property
    def chrome(self) -> Chrome:
        if self._chrome is None:
            months = sorted({(local(p.published).year, local(p.published).month)
                             for p in self.posts}, reverse=True)
            used = self.listed(CATEGORIES.values())
            self._chrome = Chrome(site_header(), sidebar(self.posts[:5], months, used),
                                  footer(TODAY.year))
        return self._chrome

    def render_post(self, post: Post) -> tuple[str, list[str]]:
        return render_post(post, self.chrome)

    def non_article_urls(self) -> list[str]:
        urls = [f"{ORIGIN}/{slug}/" for slug in self.wp_pages] + [f"{ORIGIN}/?s=knee"]
        return urls + [ORIGIN + path for path in list(self.attachments)[:6]]

    # -- routes --------------------------------------------------------------------------------
    def document(self, path: str) -> Route:
        if path == "/robots.txt":
            return lambda: (200, wp_feeds.robots(f"{ORIGIN}/sitemap_index.xml"), TEXT)
        if path == "/feed/":  # a feed plugin tags every link for the site's analytics
            return lambda: (200, wp_feeds.rss(SITE_TITLE, ORIGIN, TAGLINE, self.posts[:PER_PAGE],
                                              lambda p: self.variant(p, "utm") or p.url,
                                              TODAY), RSS)
        return self.yoast_sitemap(path) if path.endswith(".xml") else None

    def titled(self, path: str, kind: str, named: Any, posts: list[Post]) -> Listing:
        if kind == "home":
            return Listing(ORIGIN, "/", "", f"{SITE_TITLE} - {TAGLINE}", "home blog", posts)
        if kind == "search":
            return Listing(ORIGIN, path, f"Search Results for: {named}",
                           f"You searched for {named} - {SITE_TITLE}", "search search-results",
                           posts, schema="SearchResultsPage")
        if kind == "date":
            return Listing(ORIGIN, path, f"Archive | {named}", f"{named} - {SITE_TITLE}",
                           "archive date", posts)
        css = f"archive {kind} {kind}-{named.slug}"
        if kind == "author":
            return Listing(ORIGIN, path, f"Author: {named.name}",
                           f"{named.name}, Author at {SITE_TITLE}", css, posts,
                           schema="ProfilePage")
        return Listing(ORIGIN, path, f"{kind.title()}: {named.name}",
                       f"{named.name} Archives - {SITE_TITLE}", f"{css} {kind}-{named.term_id}",
                       posts)

    def render_listing(self, listing: Listing, n: int) -> str:
        return render_listing(listing, n, self.chrome)

    def render_page(self, slug: str) -> str:
        return render_wp_page(slug, *self.wp_pages[slug], self.chrome)

    def render_attachment(self, post: Post, image: Upload) -> str:
        return render_attachment(post, image, self.chrome)

    def render_404(self) -> str:
        return render_404(self.chrome)


def build_site(articles: int = 120, seed: int = 7) -> OrthoBuzzSite:
    """Build the replica with ``articles`` posts; same arguments, byte-identical site."""
    posts, tags = build_posts(articles, seed, TODAY)
    return OrthoBuzzSite(posts, tags, seed)
