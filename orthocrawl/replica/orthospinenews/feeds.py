"""Machine-facing documents: RSS feed, Yoast sitemaps, robots.txt (wp_feeds' formats)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import wp_feeds
from ..constants import TODAY
from .constants import ORIGIN, PER_PAGE, SITE_TITLE, TAGLINE
from .variants import variant

if TYPE_CHECKING:
    from datetime import datetime

    from .model import Post, Term

XSL = f"//{ORIGIN.removeprefix('https://')}/main-sitemap.xsl"  # a scheme-relative stylesheet


def _summary(post: Post) -> str:
    """The feed excerpt starts at the byline paragraph, then the body text."""
    lead = post.byline_block.text + " " if post.byline_block else ""
    return lead + post.body_text


def rss(posts: list[Post]) -> str:
    return wp_feeds.rss(SITE_TITLE, ORIGIN, TAGLINE, posts[:PER_PAGE],
                        lambda post: variant(post, "utm"), TODAY, _summary, comment_feeds=True)


def sitemap_index(posts: list[Post], categories: list[Term]) -> str:
    return wp_feeds.yoast_index(ORIGIN, wp_feeds.yoast_entries(posts, TODAY), XSL)


def post_sitemap(posts: list[Post], name: str) -> str | None:
    chunk = wp_feeds.yoast_chunk(posts, name)
    if chunk is None:
        return None
    rows = [(p.url, p.modified, [i.url for i in p.images]) for p in chunk]
    return wp_feeds.yoast_urlset(ORIGIN, rows, XSL)


def page_sitemap(posts: list[Post], pages: list[str]) -> str:
    newest = posts[0].modified if posts else TODAY
    rows: list[tuple[str, datetime | None, list[str]]] = [(f"{ORIGIN}/", newest, [])]
    rows += [(f"{ORIGIN}/{slug}/", TODAY.replace(year=2024, month=3, day=14), [])
             for slug in pages]
    return wp_feeds.yoast_urlset(ORIGIN, rows, XSL)


def category_sitemap(categories: list[tuple[Term, datetime]]) -> str:
    return wp_feeds.yoast_urlset(ORIGIN, [(term.url, when, []) for term, when in categories], XSL)


def robots() -> str:
    return wp_feeds.robots(f"{ORIGIN}/sitemap_index.xml")
