"""The Spine Market Group replica: routes every path the site answers.

Posts and pages live at slug-only URLs without a trailing slash (``/corvane-spine-acquires-
nexilo-robotics-ltd``); archives keep theirs (``/category/articles/``). Discovery goes through
WordPress core's own sitemaps (``/wp-sitemap.xml``), the feed, and the Articles archive.
"""

from __future__ import annotations

from .. import wp_feeds
from ..constants import TODAY
from ..text import Chrome
from ..url_forms import Variants
from ..wp_site import RSS, TEXT, XML, Route, Theme, WordPressReplica
from .constants import HOST, ORIGIN, PAGES, PER_PAGE, SITE_NAME, SITE_TITLE, TAGLINE
from .content import CATEGORIES, POSTER, build_posts
from .pages import render_404, render_attachment, render_listing, render_wp_page
from .post_page import render_post
from .theme import footer, sidebar, site_header


class SpineMarketSite(WordPressReplica):
    name = SITE_NAME
    origin = ORIGIN
    domains = [HOST, f"www.{HOST}"]
    wp_pages = PAGES
    page_slash = False
    date_archives = "months"
    variants = Variants(ORIGIN, {"http": f"http://{HOST}", "host": f"https://www.{HOST}"}, ())
    attachments_shown = 4
    categories = CATEGORIES
    theme = Theme(render_post, render_listing, render_wp_page, render_attachment, render_404)
    titles = {
        "home": ("", f"{SITE_TITLE} – {TAGLINE}", "home blog"),
        "search": ("Search Results for: {name}", f"Search Results for “{{name}}” – {SITE_TITLE}",
                   "search search-results"),
        "date": ("Archives for {name}", f"{{name}} – {SITE_TITLE}", "archive date"),
        "author": ("About {name}", f"{{name}} – {SITE_TITLE}", "{css}"),
        "term": ("{name}", f"{{name}} – {SITE_TITLE}", "{css} {kind}-{id}"),
    }

    def make_chrome(self) -> Chrome:
        used = self.listed(CATEGORIES.values())
        return Chrome(site_header(), sidebar(self.posts[:6], used), footer(TODAY.year))

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


def build_site(articles: int = 120, seed: int = 7) -> SpineMarketSite:
    """Build the replica with ``articles`` posts; same arguments, byte-identical site."""
    posts, tags = build_posts(articles, seed, TODAY)
    return SpineMarketSite(posts, tags, seed)
