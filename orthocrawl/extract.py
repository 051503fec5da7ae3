"""Extract one page outside a crawl: the page object web-poet picks for its URL
(the publisher's, a configured site's, else the generic fallback)."""

from __future__ import annotations

import asyncio
import gzip
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from web_poet import HttpResponse, default_registry

import orthocrawl.pages  # noqa: F401  (registers the publishers' page objects)
from orthocrawl.cleaning import content_hash
from orthocrawl.errors import UserError
from orthocrawl.items import CONTENT_FIELDS, Article
from orthocrawl.pages.body import word_count

_CANONICAL = re.compile(
    rb"<link[^>]+rel=[\"']canonical[\"'][^>]*href=[\"']([^\"']+)|"
    rb"<meta[^>]+property=[\"']og:url[\"'][^>]*content=[\"']([^\"']+)", re.I)


def page_class_for(url: str) -> type:
    cls = default_registry.page_cls_for_item(url, Article)
    if cls is not None:
        return cls
    try:
        from orthocrawl.pages.generic import GenericPage
    except ImportError:
        from orthocrawl.pages.wordpress import WordPressPage as GenericPage
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


class ExtractError(UserError):
    """A page that cannot be read or fetched as asked."""


def load_page(source: str, page_url: str | None = None, site: str | None = None,
              base_url: str | None = None) -> tuple[bytes, dict[str, str], str]:
    """A page to extract, from a saved file (gzip-compressed or not) or a live http(s) URL
    (through a mirror with base_url): its body, headers and URL (given, else the final URL
    of a fetch, its canonical link, or the file's). ExtractError when it cannot be had."""
    from orthocrawl.fetch import FetchError, fetch
    from orthocrawl.sites import spider_for

    headers: dict[str, str] = {}
    if source.startswith(("http://", "https://")):
        mirrors = {d: base_url for d in [urlsplit(source).hostname or ""]} if base_url else {}
        try:
            fetched = fetch(source, mirrors)
        except FetchError as error:
            raise ExtractError(str(error)) from None
        if fetched.status >= 400:
            raise ExtractError(f"{source}: HTTP {fetched.status}")
        body, headers, page_url = fetched.body, fetched.headers, page_url or fetched.url
    else:
        try:
            body = maybe_gunzip(Path(source).read_bytes())
        except (OSError, EOFError, gzip.BadGzipFile) as error:
            raise ExtractError(f"cannot read {source}: "
                               f"{getattr(error, 'strerror', None) or error}") from None
    if site:
        spider = spider_for(site)
        page_url = page_url or spider.origin + "/"
        domains = [*spider.allowed_domains, *(f"www.{d}" for d in spider.allowed_domains)]
        if urlsplit(page_url).hostname not in domains:
            raise ExtractError(f"--url {page_url} is not on {site} "
                               f"({', '.join(spider.allowed_domains)})", 2)
    return body, headers, page_url or declared_url(body) or Path(source).resolve().as_uri()
