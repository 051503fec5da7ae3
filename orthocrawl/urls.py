"""Canonical URLs: the key every article is archived under."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit, urlunsplit

from w3lib.url import canonicalize_url, url_query_cleaner

# Query parameters that only track where a reader came from.
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|"
                       r"origin|ref|src|share|amp)$")


def canonical_url(url: str) -> str:
    """Normalise an article URL: https, lower-case host, no fragment or tracking query.

    The ``www.`` prefix and the path are kept as the publisher gives them in its
    ``rel=canonical`` link; variants of scheme and tracking parameters collapse.
    """
    parts = urlsplit(url.strip())
    scheme = "https" if parts.scheme in ("http", "https") else parts.scheme
    url = urlunsplit((scheme, parts.netloc.lower(), parts.path or "/", parts.query, ""))
    tracking = [key for key, _ in _query_pairs(parts.query) if _TRACKING.match(key)]
    if tracking:
        url = url_query_cleaner(url, tracking, remove=True, keep_fragments=False)
    return canonicalize_url(url, keep_fragments=False)


def variant_key(url: str) -> str:
    """What a URL's variants share: no scheme, no www., no trailing slash, no tracking query."""
    parts = urlsplit(canonical_url(url))
    host = parts.netloc.removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}?{parts.query}"


def _query_pairs(query: str) -> list[tuple[str, str]]:
    pairs = []
    for chunk in query.split("&"):
        if chunk:
            key, _, value = chunk.partition("=")
            pairs.append((key.lower(), value))
    return pairs


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def domain_matches(host: str, domains: list[str] | tuple[str, ...]) -> bool:
    """True when host is one of domains or a subdomain of one."""
    host = host.lower()
    return any(host == d or host.endswith("." + d) for d in domains)


def is_loopback(url: str) -> bool:
    """True when url's host is this machine (localhost, 127.0.0.0/8, ::1)."""
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
