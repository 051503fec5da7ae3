"""Other forms of an article URL that links use: newsletter tracking, http, no www, no slash,
an old id-only link. The tracking form is served 200 (the CMS ignores the query); the others
answer 301 to the canonical URL."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..url_forms import pick
from .constants import CANONICAL_HOST, ORIGIN

if TYPE_CHECKING:
    from .model import Article

BARE_HOST = CANONICAL_HOST.removeprefix("www.")
EMAIL_QUERY = "origin=SpineE&utm_source=SpineE&utm_medium=email&utm_content=newsletter"
# (kind, cumulative share of links in percent); the rest stay canonical.
_MIX = (("email", 14), ("http", 19), ("bare", 23), ("noslash", 28))


def kinds(article: Article) -> tuple[str, ...]:
    """The variant kinds that apply to this article's URL shape."""
    if article.legacy:
        return ("email", "rss", "http", "http_www", "bare", "id_only")
    return ("email", "rss", "http", "http_www", "bare", "noslash")


def variant(article: Article, kind: str) -> str:
    url, path = article.url, article.path
    if kind == "email":
        return f"{url}?{EMAIL_QUERY}"
    if kind == "rss":
        return f"{url}?utm_source=rss&utm_medium=rss&utm_campaign=bsr"
    if kind == "http":
        return f"http://{BARE_HOST}{path}"
    if kind == "http_www":
        return f"http://{CANONICAL_HOST}{path}"
    if kind == "bare":
        return f"https://{BARE_HOST}{path}"
    if kind == "noslash" and not article.legacy:
        return url.rstrip("/")
    if kind == "id_only" and article.legacy:
        item = "item/" if article.era == "k2" else ""
        return f"{ORIGIN}/{article.section.slug}/{item}{article.item_id}"
    return url


def link(article: Article, context: str) -> str:
    """The URL a given page uses to link to ``article``: usually canonical, sometimes not."""
    kind = pick(context, article.item_id, _MIX)
    return variant(article, kind) if kind else article.url
