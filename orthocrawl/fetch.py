"""One page fetched outside a crawl (for `extract URL`, `sites add`): redirects followed,
and, like the crawl's mirror transport, a mirrored domain's requests sent to its mirror."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

from orthocrawl.config import from_environment
from orthocrawl.politeness import user_agent
from orthocrawl.urls import domain_matches

USER_AGENT = user_agent(from_environment().get("ORTHOCRAWL_CONTACT", ""))
MAX_REDIRECTS = 5
MAX_BYTES = 16 * 1024 * 1024


class FetchError(Exception):
    """A page that could not be fetched; the message is one line."""


@dataclass
class Fetched:
    url: str  # after redirects
    status: int
    headers: dict[str, str]
    body: bytes


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # followed by hand, so a redirect to a mirrored domain stays mirrored


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, mirrors: dict[str, str] | None = None, timeout: float = 30) -> Fetched:
    mirrors = mirrors or {}
    for _ in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchError(f"{url}: not an http(s) URL")
        target, headers = url, {"User-Agent": USER_AGENT}
        base = next((b for d, b in mirrors.items() if domain_matches(parts.hostname or "", (d,))),
                    None)
        if base:
            mirror = urlsplit(base)
            target = urlunsplit((mirror.scheme, mirror.netloc, parts.path or "/", parts.query, ""))
            headers.update({"X-Forwarded-Proto": parts.scheme, "X-Forwarded-Host": parts.netloc})
        try:
            with _OPENER.open(urllib.request.Request(target, headers=headers),
                              timeout=timeout) as response:
                return Fetched(url, response.status, dict(response.headers.items()),
                               response.read(MAX_BYTES))
        except urllib.error.HTTPError as error:
            location = error.headers.get("Location")
            if error.code in (301, 302, 303, 307, 308) and location:
                url = urljoin(url, location)
                continue
            return Fetched(url, error.code, dict(error.headers.items()), error.read(MAX_BYTES))
        except (urllib.error.URLError, OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            raise FetchError(f"cannot fetch {url}: {reason}") from None
    raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")
