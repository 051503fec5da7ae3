"""What every extracted article goes through before the archive, wherever it came from (a
crawl's pipelines, `orthocrawl extract`, `reparse`): cleaning, hashing, and the reason it is
not archived, if any. No Scrapy here."""

from __future__ import annotations

import hashlib

from orthocrawl.items import Article
from orthocrawl.pages.body import normalize_space, word_count
from orthocrawl.urls import canonical_url


def content_hash(article: Article) -> str:
    """What identifies a version of an article: its title and its text."""
    digest = hashlib.sha256()
    digest.update((article.title or "").encode())
    digest.update(b"\x00")
    digest.update(article.body_text.encode())
    return digest.hexdigest()


def clean(article: Article) -> Article:
    """Normalise white space and lists, canonicalise the URL, count words, hash the content."""
    article.url = canonical_url(article.url)
    for name in ("title", "posted_by", "description", "source"):
        value = getattr(article, name)
        setattr(article, name, normalize_space(value) or None if value else None)
    for name in ("authors", "categories", "tags"):
        values = (normalize_space(v) for v in getattr(article, name) or [])
        setattr(article, name, list(dict.fromkeys(v for v in values if v)))
    article.body_text = article.body_text.strip()
    article.word_count = word_count(article.body_text)
    article.content_hash = content_hash(article)
    return article


def drop_reason(article: Article, min_words: int) -> str | None:
    """Why an extracted page is not archived as an article, or None when it is one."""
    if article.page_type != "article":
        return f"not_article_{article.page_type}"
    if not article.title:
        return "no_title"
    if article.word_count < min_words:
        return "too_short"
    return None
