"""ReplicaSite: the built site, its truth, and ``handle()`` which answers any request."""

from __future__ import annotations

import hashlib

from .. import wp_feeds
from ..constants import TODAY
from ..text import Chrome
from ..timefmt import display_date, weekday_date
from ..wp_site import RSS, TEXT, Listing, Route, Theme, WordPressReplica
from .constants import (
    CANONICAL_HOST,
    DOMAINS,
    ORIGIN,
    PER_PAGE,
    SITE_NAME,
    SITE_TITLE,
    TAGLINE,
    VARIANTS,
    WP_PAGES,
)
from .content import CATEGORIES, Post, TagBook, build_posts
from .pages import render_404, render_attachment, render_listing, render_wp_page
from .post_page import render_post
from .states import Evolution, evolve, no_changes, state_today
from .theme import Part, footer, sidebar, site_header

_DATE_SPAN = '<span class="date meta-item tie-icon">{}</span>'


class ReplicaSite(WordPressReplica):
    """A deterministic OrthoSpineNews: posts, pages, feeds and sitemaps, rendered lazily.

    A later state (``later``) keeps the state-1 site as ``base``: the pages of posts it did
    not change are the base's, byte for byte, as a page cache would keep serving them."""

    name = SITE_NAME
    origin = ORIGIN
    domains = list(DOMAINS)
    slash_first = True
    plain_type = "text/plain; charset=UTF-8"
    sitemap_type = "text/xml; charset=UTF-8"
    sitemap_xsl = f"//{CANONICAL_HOST}/main-sitemap.xsl"  # a scheme-relative stylesheet
    pages_modified = TODAY.replace(year=2024, month=3, day=14)
    wp_pages = WP_PAGES
    variants = VARIANTS
    categories = CATEGORIES
    theme = Theme(render_post, render_listing, render_wp_page, render_attachment, render_404)
    titles = {
        "home": ("Latest News", SITE_TITLE, "home blog"),
        "search": ("Search Results for: {name}", f"You searched for {{name}} - {SITE_TITLE}",
                   "search search-results", {"schema": "SearchResultsPage"}),
        "author": ("{name}", f"{{name}}, Author at {SITE_TITLE}", "{css}",
                   {"schema": "ProfilePage"}),
        "date": ("{name}", f"{{name}} - {SITE_TITLE}", "archive date", {"paging": "next"}),
        "tag": ("{name}", f"{{name}} Archives - {SITE_TITLE}", "{css} {kind}-{id}",
                {"paging": "next"}),
        "category": ("{name}", f"{{name}} Archives - {SITE_TITLE}", "{css} {kind}-{id}"),
    }

    def __init__(self, posts: list[Post], tags: TagBook, seed: int,
                 cache_size: int = 20000, *, base: ReplicaSite | None = None,
                 later: Evolution | None = None) -> None:
        super().__init__(posts, tags, seed, later.today if later else TODAY, cache_size)
        self.base, self.later = base, later
        self.state = 1 if later is None else 2
        self._fresh = later.fresh if later else set()
        self._at = {p.post_id: n for n, p in enumerate(posts)}

    # -- what the tests and benchmarks read ------------------------------------------------
    def changes(self) -> dict[str, list[str]]:
        """URLs new, edited, silently edited and deleted since state 1 (all empty in state 1)."""
        return self.later.changes() if self.later else no_changes()

    def variant_sample(self) -> list[Post]:  # the newest, and an old slug-only permalink
        return self.posts[:3] + [p for p in self.posts if p.path.count("/") == 2][:1]

    # -- the theme, rendered and cached ------------------------------------------------------
    def make_chrome(self) -> Chrome:
        latest = self.posts[:8]
        popular = sorted(self.posts[:60], key=lambda p: (-p.views, p.index))[:4]
        counts = sorted(((len(v), k[1]) for k, v in self.by_term.items() if k[0] == "tag"),
                        key=lambda x: (-x[0], x[1]))
        cloud = [self.tags[slug] for _, slug in counts[:20]]
        header = site_header(latest)
        if self.today != TODAY:  # the header prints the date
            old, new = weekday_date(TODAY), weekday_date(self.today)
            header = Part(header.html.replace(old, new, 1),
                          tuple(new if t == old else t for t in header.texts))
        return Chrome(header, sidebar(latest, popular, cloud), footer(latest))

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

        return self.cached(("post", post.post_id), make)

    def document(self, path: str) -> Route:
        if path == "/robots.txt":
            return lambda: (200, wp_feeds.robots(f"{ORIGIN}/sitemap_index.xml"), TEXT)
        if path == "/feed/":
            return lambda: (200, wp_feeds.rss(
                SITE_TITLE, ORIGIN, TAGLINE, self.posts[:PER_PAGE],
                lambda p: VARIANTS.variant(p, "utm"), TODAY, _summary, comment_feeds=True), RSS)
        return self.yoast_sitemap(path) if path.endswith(".xml") else None

    def render_listing(self, listing: Listing, n: int) -> str:
        return render_listing(listing, n, self.chrome, self.today)


def _summary(post: Post) -> str:
    """The feed excerpt starts at the byline paragraph, then the body text."""
    lead = post.byline_block.text + " " if post.byline_block else ""
    return lead + post.body_text


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
