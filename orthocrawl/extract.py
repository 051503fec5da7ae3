"""Extract one page outside a crawl: the page object web-poet picks for its URL
(the publisher's, a configured site's, else the generic fallback)."""

from __future__ import annotations

import asyncio
import gzip
import re
from typing import Any

from web_poet import HttpResponse, default_registry

import orthocrawl.pages  # noqa: F401  (registers the publishers' page objects)
from orthocrawl.items import CONTENT_FIELDS, Article
from orthocrawl.pages.body import word_count
from orthocrawl.pages.generic import GenericPage
from orthocrawl.pipelines import content_hash

_CANONICAL = re.compile(
    rb"<link[^>]+rel=[\"']canonical[\"'][^>]*href=[\"']([^\"']+)|"
    rb"<meta[^>]+property=[\"']og:url[\"'][^>]*content=[\"']([^\"']+)", re.I)


def page_class_for(url: str) -> type:
    cls = default_registry.page_cls_for_item(url, Article)
    if cls is not None:
        return cls
    return GenericPage


def declared_url(body: bytes) -> str | None:
    """The page's own canonical URL (or og:url), read cheaply, for choosing a page object."""
    match = _CANONICAL.search(body[:200_000])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("utf-8", "replace")


def maybe_gunzip(body: bytes) -> bytes:
    return gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body


def extract(body: bytes, url: str, headers: dict[str, str] | None = None) -> Article:
    page_cls = page_class_for(url)
    response = HttpResponse(url, body=body, headers=headers or {})
    article: Article = asyncio.run(page_cls(response=response).to_item())
    article.word_count = word_count(article.body_text)
    article.content_hash = content_hash(article)
    return article


def as_record(article: Article) -> dict[str, Any]:
    record = {name: getattr(article, name) for name in CONTENT_FIELDS}
    record["content_hash"] = article.content_hash
    record["page_type"] = article.page_type
    return record
