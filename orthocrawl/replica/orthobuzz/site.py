"""The OrthoBuzz replica: routes every path the blog answers."""

from __future__ import annotations

from datetime import UTC, datetime

from .. import wp_feeds
from ..constants import TODAY
from ..text import Chrome
from ..timefmt import local
from ..url_forms import Variants
from ..wp_site import RSS, TEXT, Route, Theme, WordPressReplica
from .constants import HOST, ORIGIN, PER_PAGE, SITE_NAME, SITE_TITLE, TAGLINE, WP_PAGES
from .content import CATEGORIES, build_posts
from .pages import render_404, render_attachment, render_listing, render_wp_page
from .post_page import render_post
from .theme import footer, sidebar, site_header


class OrthoBuzzSite(WordPressReplica):
    name = SITE_NAME
    origin = ORIGIN
    domains = [HOST]
    wp_pages = WP_PAGES
    pages_modified = datetime(2024, 3, 14, tzinfo=UTC)
    variants = Variants(ORIGIN, {"http": f"http://{HOST}"}, ())
    search_term, attachments_shown = "knee", 6
    categories = CATEGORIES
    theme = Theme(render_post, render_listing, render_wp_page, render_attachment, render_404)
    titles = {
        "home": ("", f"{SITE_TITLE} - {TAGLINE}", "home blog"),
        "search": ("Search Results for: {name}", f"You searched for {{name}} - {SITE_TITLE}",
                   "search search-results", {"schema": "SearchResultsPage"}),
        "date": ("Archive | {name}", f"{{name}} - {SITE_TITLE}", "archive date"),
        "author": ("Author: {name}", f"{{name}}, Author at {SITE_TITLE}", "{css}",
                   {"schema": "ProfilePage"}),
        "term": ("{Kind}: {name}", f"{{name}} Archives - {SITE_TITLE}", "{css} {kind}-{id}"),
    }

    def make_chrome(self) -> Chrome:
        months = sorted({(local(p.published).year, local(p.published).month)
                         for p in self.posts}, reverse=True)
        used = self.listed(CATEGORIES.values())
        return Chrome(site_header(), sidebar(self.posts[:5], months, used), footer(TODAY.year))

    # -- routes --------------------------------------------------------------------------------
    def document(self, path: str) -> Route:
        if path == "/robots.txt":
            return lambda: (200, wp_feeds.robots(f"{ORIGIN}/sitemap_index.xml"), TEXT)
        if path == "/feed/":  # a feed plugin tags every link for the site's analytics
            return lambda: (200, wp_feeds.rss(SITE_TITLE, ORIGIN, TAGLINE, self.posts[:PER_PAGE],
                                              lambda p: self.variants.variant(p, "utm"),
                                              TODAY), RSS)
        return self.yoast_sitemap(path) if path.endswith(".xml") else None


def build_site(articles: int = 120, seed: int = 7) -> OrthoBuzzSite:
    """Build the replica with ``articles`` posts; same arguments, byte-identical site."""
    posts, tags = build_posts(articles, seed, TODAY)
    return OrthoBuzzSite(posts, tags, seed)
