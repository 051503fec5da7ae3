"""The OrthoBuzz replica: routes every path the blog answers."""

from __future__ import annotations

from datetime import UTC, datetime

from .. import wp_feeds
from ..constants import TODAY
from ..timefmt import local
from ..wp_model import Post
from ..wp_site import HTML, RSS, TEXT, XML, Route, WordPressReplica, paged
from .constants import ABOUT, CONTACT, HOST, ORIGIN, PER_PAGE, SITE_NAME, SITE_TITLE, TAGLINE
from .content import CATEGORIES, TagBook, build_posts
from .pages import Listing, home, render_404, render_attachment, render_listing, render_wp_page
from .post_page import render_post
from .theme import Chrome, footer, sidebar, site_header

WP_PAGES = {"about": ("About OrthoBuzz", ABOUT, 2), "contact": ("Contact", CONTACT, 5)}


class OrthoBuzzSite(WordPressReplica):
    name = SITE_NAME
    origin = ORIGIN
    hosts = (HOST,)
    domains = [HOST]

    def __init__(self, posts: list[Post], tags: TagBook, seed: int) -> None:
        super().__init__(posts, seed, TODAY)
        self.tags = tags.by_slug
        self.accounts = {p.account.slug: p.account for p in posts}
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
        urls = [f"{ORIGIN}/{slug}/" for slug in WP_PAGES] + [f"{ORIGIN}/?s=knee"]
        return urls + [ORIGIN + path for path in list(self.attachments)[:6]]

    # -- routes --------------------------------------------------------------------------------
    def route(self, path: str) -> Route:
        if path == "/robots.txt":
            return lambda: (200, wp_feeds.robots(f"{ORIGIN}/sitemap_index.xml"), TEXT)
        if path == "/feed/":
            return lambda: (200, wp_feeds.rss(SITE_TITLE, ORIGIN, TAGLINE, self.posts[:PER_PAGE],
                                              self.feed_link, TODAY), RSS)
        if path.endswith(".xml"):
            return self._sitemap(path[1:])
        slug = path.strip("/")
        if slug in WP_PAGES:
            title, paras, page_id = WP_PAGES[slug]
            return lambda: (200, render_wp_page(slug, title, paras, page_id, self.chrome), HTML)
        if path in self.attachments:
            post, image = self.attachments[path]
            return lambda: (200, render_attachment(post, image, self.chrome), HTML)
        base, n = paged(path)
        listing = self._listing(base)
        if listing is None or n > listing.pages:
            return None
        if n == 1 and base != path:
            return ORIGIN + base  # /page/1/ -> the archive itself
        return lambda: (200, render_listing(listing, n, self.chrome), HTML)

    def feed_link(self, post: Post) -> str:
        # A feed plugin tags every link for the site's analytics.
        return self.variant(post, "utm") or post.url

    def _sitemap(self, name: str) -> Route:
        posts = self.posts
        if name == "sitemap_index.xml":
            entries = [(n, max(p.modified for p in wp_feeds.yoast_chunk(posts, n) or posts[:1]))
                       for n in wp_feeds.yoast_post_sitemaps(len(posts))]
            newest = max((p.modified for p in posts), default=TODAY)
            entries += [("page-sitemap.xml", newest), ("category-sitemap.xml", newest)]
            return lambda: (200, wp_feeds.yoast_index(ORIGIN, entries), XML)
        chunk = wp_feeds.yoast_chunk(posts, name)
        if chunk is not None:
            rows = [(p.url, p.modified, [i.url for i in p.images]) for p in chunk]
            return lambda: (200, wp_feeds.yoast_urlset(ORIGIN, rows), XML)
        if name == "page-sitemap.xml":
            rows = [(f"{ORIGIN}/", posts[0].modified if posts else TODAY, [])]
            rows += [(f"{ORIGIN}/{slug}/", datetime(2024, 3, 14, tzinfo=UTC), [])
                     for slug in WP_PAGES]
            return lambda: (200, wp_feeds.yoast_urlset(ORIGIN, rows), XML)
        if name == "category-sitemap.xml":
            rows = [(c.url, self.by_term[("category", c.slug)][0].modified, [])
                    for c in self.listed(CATEGORIES.values())]
            return lambda: (200, wp_feeds.yoast_urlset(ORIGIN, rows), XML)
        return None

    def _listing(self, path: str) -> Listing | None:
        if path == "/":
            return home(self.posts)
        term = self.term_archive(path)
        if term:
            kind, slug, posts = term
            if kind == "category":
                c = CATEGORIES[slug]
                return Listing(path, f"Category: {c.name}", f"{c.name} Archives - {SITE_TITLE}",
                               f"archive category category-{slug} category-{c.term_id}", posts)
            if kind == "tag":
                t = self.tags[slug]
                return Listing(path, f"Tag: {t.name}", f"{t.name} Archives - {SITE_TITLE}",
                               f"archive tag tag-{slug} tag-{t.term_id}", posts)
            a = self.accounts[slug]
            return Listing(path, f"Author: {a.name}", f"{a.name}, Author at {SITE_TITLE}",
                           f"archive author author-{slug}", posts, kind="ProfilePage")
        date = self.date_archive(path)
        if date:
            label, posts = date
            return Listing(path, f"Archive | {label}", f"{label} - {SITE_TITLE}",
                           "archive date", posts)
        return None

    def render_search(self, term: str, page: int) -> str | None:
        hits = self.search_hits(term)
        listing = Listing("/", f"Search Results for: {term}",
                          f"You searched for {term} - {SITE_TITLE}", "search search-results",
                          hits, query=f"?s={term}", kind="SearchResultsPage")
        if page > listing.pages:
            return None
        return render_listing(listing, page, self.chrome)

    def render_404(self) -> str:
        return render_404(self.chrome)


def build_site(articles: int = 120, seed: int = 7) -> OrthoBuzzSite:
    """Build the replica with ``articles`` posts; same arguments, byte-identical site."""
    posts, tags = build_posts(articles, seed, TODAY)
    return OrthoBuzzSite(posts, tags, seed)
