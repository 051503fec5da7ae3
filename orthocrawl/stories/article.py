"""What the story layer needs of an article, and where a stored article names its source."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import lxml.html

from orthocrawl.evaluate import tokens


@dataclass(frozen=True)
class StoryArticle:
    """One archived article as the story layer sees it.

    ``id`` is the archive's article id (assignment is deterministic in its order). ``cites``
    holds the URLs the article names as its source (a "Source" link, "Read more at" link or
    a canonical URL on another site): a cited article that is archived is in the same story
    and is its canonical copy.
    """

    id: int
    url: str
    site: str
    body_text: str
    title: str | None = None
    published_at: str | None = None  # ISO 8601; first_seen when the page gives no date
    authors: tuple[str, ...] = ()
    cites: tuple[str, ...] = ()


def timestamp(iso: str | None) -> int | None:
    """Seconds since the epoch of an ISO 8601 date or date-time (UTC when it has no zone)."""
    if not iso:
        return None
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())


def url_form(url: str) -> str:
    """What the variants of an article URL share: no scheme, www., query, fragment or final
    slash, host case-folded (so a Source link matches the archive's canonical URL)."""
    parts = urlsplit(url.strip())
    host = parts.netloc.casefold().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}"


# Link texts and labels by which an article names the one it was copied from.
_SOURCE_LABELS = ("source", "read more at", "read the full", "originally published",
                  "continue reading at", "via")


def source_links(body_html: str, base_url: str) -> tuple[str, ...]:
    """Absolute URLs of the links a body names its source with: a link whose text, or the
    text just before it in its block, starts with one of the source labels."""
    if not body_html.strip():
        return ()
    try:
        root = lxml.html.fragment_fromstring(body_html, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return ()
    found: dict[str, None] = {}
    for link in root.iter("a"):
        href = (link.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:", "javascript:")):
            continue
        block = link.getparent()
        while block is not None and block.tag not in {"p", "div", "li", "blockquote"}:
            block = block.getparent()
        before = ""
        if block is not None:
            text = block.text_content()
            before = text[:max(0, text.find(link.text_content()))]
        label = " ".join(tokens(f"{before} {link.text_content()}".casefold()))
        tail = " ".join(tokens(before.casefold()))
        if any(label.startswith(x) or tail.endswith(x) for x in _SOURCE_LABELS):
            found.setdefault(urljoin(base_url, href), None)
    return tuple(found)
