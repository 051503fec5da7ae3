"""Middlewares orthocrawl adds to Scrapy's (the incremental ones are in incremental/)."""

from __future__ import annotations

import re
from typing import Any

from scrapy.crawler import Crawler
from scrapy.http import Request, Response, TextResponse
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware

from orthocrawl.dates import utc_now
from orthocrawl.items import Article, RawPage

_LATIN = re.compile(rb"charset\s*=\s*[\"']?(iso-8859-1|latin-?1|windows-1252|cp1252|us-ascii)",
                    re.I)


class CharsetMiddleware:
    """Fix a declared Latin-1 charset on a body that is really UTF-8.

    Servers that declare ISO-8859-1 (often by default) for UTF-8 pages turn every
    accent into mojibake ("ZÃ¼rich"). A body with non-ASCII bytes that decodes as
    UTF-8 is, in practice, never Latin-1 text, so the header is corrected.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CharsetMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if not isinstance(response, TextResponse):
            return response
        declared = response.headers.get(b"Content-Type") or b""
        if not _LATIN.search(declared) or response.body.isascii():
            return response
        try:
            response.body.decode("utf-8")
        except UnicodeDecodeError:
            return response  # really Latin-1
        self.stats.inc_value("orthocrawl/charset_fixed")
        headers = response.headers.copy()
        headers[b"Content-Type"] = _LATIN.sub(b"charset=utf-8", declared)
        return response.replace(headers=headers, encoding="utf-8")


class RawPageMiddleware(BaseSpiderMiddleware):
    """Attach to each article the response it came from: the store pipeline keeps it
    (compressed) so the article can be re-parsed without the network."""

    def get_processed_item(self, item: Any, response: Response | None) -> Any:
        if isinstance(item, Article) and response is not None and item.raw_page is None:
            item.raw_page = RawPage(
                url=response.url,
                status=response.status,
                headers={k.decode("latin-1").lower(): b", ".join(v).decode("latin-1")
                         for k, v in response.headers.items()},
                body=response.body,
                fetched_at=utc_now(),
                sitemap_lastmod=response.meta.get("sitemap_lastmod"),
            )
        return item
