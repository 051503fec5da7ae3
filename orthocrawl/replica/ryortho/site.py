"""RyorthoSite: the built Orthopedics This Week replica, its truth, and ``handle()``."""

from __future__ import annotations

from collections.abc import Iterable

from .. import wp_feeds
from ..text import Chrome
from ..wp_model import TagBook
from ..wp_site import RSS, TEXT, Listing, Route, Theme, WordPressReplica
from .constants import (
    DOMAINS,
    ORIGIN,
    PER_PAGE,
    SITE_NAME,
    SITE_TITLE,
    TAGLINE,
    TODAY,
    VARIANTS,
    WP_PAGES,
)
from .content import CATEGORIES, WRITERS, Post, build_posts
from .pages import render_404, render_attachment, render_listing, render_wp_page
from .post_page import render_post
from .theme import footer, sidebar, site_header


class RyorthoSite(WordPressReplica):
    """A deterministic Orthopedics This Week: posts, pages, feed and sitemaps, rendered lazily."""

    name = SITE_NAME
    origin = ORIGIN
    domains = list(DOMAINS)
    slash_first = True
    plain_type = "text/plain; charset=UTF-8"
    sitemap_type = "text/xml; charset=UTF-8"
    sitemap_xsl = "//ryortho.com/main-sitemap.xsl"
    # Yoast's sitemaps (a guess for this site: the same plugin as OrthoSpineNews's), without
    # the image schema's location.
    sitemap_urlset = wp_feeds.IMAGE_URLSET.replace(f" {wp_feeds.IMAGE_SCHEMA}", "")
    pages_modified = TODAY.replace(year=2023, month=6, day=1)
    wp_pages = WP_PAGES
    date_archives = ""
    variants, mixed = VARIANTS, "http_www"
    categories = CATEGORIES
    theme = Theme(render_post, render_listing, render_wp_page, render_attachment, render_404)
    titles = {
        "home": ("Latest News", f"{SITE_TITLE} - {TAGLINE}", "home blog", {"single_page": True}),
        "search": ("Search Results for: {name}", f"You searched for {{name}} - {SITE_TITLE}",
                   "search search-results", {"schema": "SearchResultsPage"}),
        "author": ("{name}", f"{{name}}, Author at {SITE_TITLE}", "{css}",
                   {"schema": "ProfilePage"}),
        "term": ("{name}", f"{{name}} Archives - {SITE_TITLE}", "{css} {kind}-{id}"),
    }

    def __init__(self, posts: list[Post], tags: TagBook, seed: int,
                 cache_size: int = 20000) -> None:
        super().__init__(posts, tags, seed, TODAY, cache_size)
        self.accounts = {w.slug: w for w in WRITERS}  # a co-writer may never post

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
        linked = [path for path, (post, image) in self.attachments.items()
                  if image is not post.lead][:2]
        return pages + [ORIGIN + path for path in linked]

    # -- the theme -----------------------------------------------------------------------------
    def make_chrome(self) -> Chrome:
        latest = self.posts[:10]
        popular = sorted(self.posts[:60], key=lambda p: (-p.views, p.index))[:5]
        return Chrome(site_header(latest), sidebar(latest, popular), footer())

    def document(self, path: str) -> Route:
        if path == "/robots.txt":
            return lambda: (200, wp_feeds.robots(f"{ORIGIN}/sitemap_index.xml",
                                                 "Disallow: /wp-login.php\n"), TEXT)
        if path == "/feed/":  # trimmed of comments; every other link tracked; decks as excerpts
            return lambda: (200, wp_feeds.rss(
                SITE_TITLE, ORIGIN, TAGLINE, self.posts[:PER_PAGE],
                lambda p: VARIANTS.variant(p, "utm") if p.post_id % 2 else p.url, TODAY,
                lambda p: p.description, more="", lean=True), RSS)
        return self.yoast_sitemap(path) if path.endswith(".xml") else None

    def archive(self, path: str) -> Listing | None:
        if path == "/breaking/":
            return Listing(ORIGIN, path, "Breaking News", f"Breaking News - {SITE_TITLE}",
                           "blog archive", self.posts)
        return super().archive(path)


def build_site(articles: int = 120, seed: int = 7) -> RyorthoSite:
    """Build the replica with ``articles`` posts; same arguments, byte-identical site."""
    posts, tags = build_posts(articles, seed)
    return RyorthoSite(posts, tags, seed)
