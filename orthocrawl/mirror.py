"""Point a site's crawl at a mirror of it (such as a running replica).

Requests keep their real URLs everywhere above the download handler: robots.txt,
redirects, the dupefilter, page-object rules and the archive all see
https://www.orthospinenews.com/... Only the transport goes to the mirror, which
learns the URL that was asked for from X-Forwarded-Proto / X-Forwarded-Host, the
way a site behind a reverse proxy does.

Setting: ORTHOCRAWL_MIRRORS = {"orthospinenews.com": "http://127.0.0.1:8123"}
(a domain covers its subdomains).
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler
from scrapy.http import Request, Response

from orthocrawl.urls import domain_matches


class MirrorDownloadHandler(HTTP11DownloadHandler):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.mirrors: dict[str, str] = dict(crawler.settings.getdict("ORTHOCRAWL_MIRRORS"))

    def _mirror_for(self, host: str) -> str | None:
        for domain, base in self.mirrors.items():
            if domain_matches(host, (domain,)):
                return base
        return None

    async def download_request(self, request: Request) -> Response:
        parts = urlsplit(request.url)
        base = self._mirror_for(parts.hostname or "")
        if base is None:
            return await super().download_request(request)
        mirror = urlsplit(base)
        target = urlunsplit((mirror.scheme, mirror.netloc, parts.path, parts.query, ""))
        headers = request.headers.copy()
        headers["X-Forwarded-Proto"] = parts.scheme
        headers["X-Forwarded-Host"] = parts.netloc
        response = await super().download_request(request.replace(url=target, headers=headers))
        return response.replace(url=request.url)
