"""HTTP answers every replica builds alike: the response triple, redirects, conditional GET."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from email.utils import parsedate_to_datetime

Headers = list[tuple[str, str]]
Response = tuple[int, Headers, bytes]


def finish(method: str, status: int, body: bytes, ctype: str,
           extra: Headers | None = None) -> Response:
    """The response to send: HEAD gets the headers of GET and no body."""
    headers = [("Content-Type", ctype), ("Content-Length", str(len(body))),
               ("Vary", "Accept-Encoding"), *(extra or ())]
    return status, headers, b"" if method == "HEAD" else body


def redirect(method: str, location: str, ctype: str, by: str | None = "WordPress") -> Response:
    """A 301; WordPress names itself in X-Redirect-By (``by=None``: a CMS that does not)."""
    extra = [("Location", location)]
    if by is not None:
        extra.append(("X-Redirect-By", by))
    return finish(method, 301, b"", ctype, extra)


def header(headers: Mapping[str, str], name: str) -> str | None:
    """A request header by name, whatever its case."""
    value = headers.get(name)
    if value is None:
        lower = name.lower()
        for key, val in headers.items():
            if key.lower() == lower:
                return val
    return value


def unmodified_since(headers: Mapping[str, str], modified: datetime,
                     etag: str | None = None) -> bool:
    """True when If-Modified-Since is sent, parses, and is not older than ``modified``; for a
    page with an ``etag``, If-None-Match decides when sent (weak comparison)."""
    match = header(headers, "If-None-Match") if etag else None
    if match is not None:
        tags = {t.strip().removeprefix("W/") for t in match.split(",")}
        return "*" in tags or etag in tags
    since = header(headers, "If-Modified-Since")
    if since:
        try:
            return parsedate_to_datetime(since) >= modified.replace(microsecond=0)
        except (TypeError, ValueError):
            pass
    return False
