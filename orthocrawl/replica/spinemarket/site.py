"""The Spine Market Group replica: routes every path the site answers.

Posts and pages live at slug-only URLs without a trailing slash (``/corvane-spine-acquires-
nexilo-robotics-ltd``); archives keep theirs (``/category/articles/``). Discovery goes through
WordPress core's own sitemaps (``/wp-sitemap.xml``), the feed, and the Articles archive.
"""

from __future__ import annotations

from .. import wp_feeds
from ..constants import TODAY
from ..wp_model import Post
from ..wp_site import HTML, RSS, TEXT, XML, Route, WordPressReplica, paged
from .constants import HOST, ORIGIN, PAGES, PER_PAGE, SITE_NAME, SITE_TITLE, TAGLINE
from .content import CATEGORIES, POSTER, TagBook, build_posts
from .pages import Listing, home, render_404, render_attachment, render_listing, render_wp_page
from .post_page import render_post
from .theme import Chrome, footer, sidebar, site_header


class SpineMarketSite(WordPressReplica):
    name = SITE_NAME
    origin = ORIGIN
    hosts = (HOST, f"www.{HOST}")
    domains = [HOST, f"www.{HOST}"]

    def __init__(self, posts: list[Post], tags: TagBook, seed: int) -> None:
        super().__init__(posts, seed, TODAY)
        self.tags = tags.by_slug
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
    def route(self, path: str) -> Route:
        if path == "/robots.txt":
            return lambda: (200, wp_feeds.robots(f"{ORIGIN}/wp-sitemap.xml"), TEXT)
        if path == "/feed":
            return lambda: (200, wp_feeds.rss(SITE_TITLE, ORIGIN, TAGLINE, self.posts[:PER_PAGE],
                                              lambda p: p.url, TODAY), RSS)
        if path.startswith("/wp-sitemap") and path.endswith(".xml"):
            return self._sitemap(path[1:])
        slug = path[1:]
        if slug in PAGES:
            title, paras, page_id = PAGES[slug]
            return lambda: (200, render_wp_page(slug, title, paras, page_id, self.chrome), HTML)
        if path in self.attachments:
            post, image = self.attachments[path]
            return lambda: (200, render_attachment(post, image, self.chrome), HTML)
        base, n = paged(path)
        listing = self._listing(base)
        if listing is None or n > listing.pages or not base.endswith("/"):
            return None
        if n == 1 and base != path:
            return ORIGIN + base  # /page/1/ -> the archive itself
        return lambda: (200, render_listing(listing, n, self.chrome), HTML)

    def _sitemap(self, name: str) -> Route:
        posts = self.posts
        if name == "wp-sitemap.xml":
            names = [*wp_feeds.core_post_sitemaps(len(posts)), "wp-sitemap-posts-page-1.xml",
                     "wp-sitemap-taxonomies-category-1.xml", "wp-sitemap-taxonomies-post_tag-1.xml",
                     "wp-sitemap-users-1.xml"]
            return lambda: (200, wp_feeds.core_index(ORIGIN, names), XML)
        chunk = wp_feeds.core_chunk(posts, name)
        if chunk is not None:
            return lambda: (200, wp_feeds.core_urlset(ORIGIN, [p.url for p in chunk]), XML)
        locs = {
            "wp-sitemap-posts-page-1.xml": [f"{ORIGIN}/{slug}" for slug in PAGES],
            "wp-sitemap-taxonomies-category-1.xml": [
                c.url for c in self.listed(CATEGORIES.values())],
            "wp-sitemap-taxonomies-post_tag-1.xml": [t.url for t in self.tags.values()],
            "wp-sitemap-users-1.xml": [POSTER.url],
        }.get(name)
        if locs is None:
            return None
        return lambda: (200, wp_feeds.core_urlset(ORIGIN, locs), XML)

    def _listing(self, path: str) -> Listing | None:
        if path == "/":
            return home(self.posts)
        term = self.term_archive(path)
        if term:
            kind, slug, posts = term
            if kind == "category":
                c = CATEGORIES[slug]
                return Listing(path, c.name, f"{c.name} – {SITE_TITLE}",
                               f"archive category category-{slug} category-{c.term_id}", posts)
            if kind == "tag":
                t = self.tags[slug]
                return Listing(path, t.name, f"{t.name} – {SITE_TITLE}",
                               f"archive tag tag-{slug} tag-{t.term_id}", posts)
            return Listing(path, f"About {POSTER.name}", f"{POSTER.name} – {SITE_TITLE}",
                           f"archive author author-{slug}", posts)
        date = self.date_archive(path, days=False)
        if date:
            label, posts = date
            return Listing(path, f"Archives for {label}", f"{label} – {SITE_TITLE}",
                           "archive date", posts)
        return None

    def render_search(self, term: str, page: int) -> str | None:
        hits = self.search_hits(term)
        listing = Listing("/", f"Search Results for: {term}", f"Search Results for “{term}” – "
                          f"{SITE_TITLE}", "search search-results", hits, query=f"?s={term}")
        if page > listing.pages:
            return None
        return render_listing(listing, page, self.chrome)

    def render_404(self) -> str:
        return render_404(self.chrome)


def build_site(articles: int = 120, seed: int = 7) -> SpineMarketSite:
    """Build the replica with ``articles`` posts; same arguments, byte-identical site."""
    posts, tags = build_posts(articles, seed, TODAY)
    return SpineMarketSite(posts, tags, seed)
