"""Downloader middlewares orthocrawl adds to Scrapy's."""

from __future__ import annotations

import re

from scrapy.crawler import Crawler
from scrapy.http import Request, Response, TextResponse

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
