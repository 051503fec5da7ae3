"""The Article record: the one item that flows from page object to archive, declared once.

Each field of Article says (in its metadata) what it is: extracted by a page object
(`content`), set by the pipelines (`derived`), or kept by the archive (`archive`); whether
exports carry it; whether it is a list; its weight in full-text search. Every column list
(the archive's, the exports', the feed exports', the search index's) is derived from it
below. The field order is the documented export order.
"""

from __future__ import annotations

from dataclasses import Field, dataclass, field, fields
from typing import Any


def _meta(role: str, *, export: bool = True, listed: bool = False,
          search: float | None = None, appended: bool = False) -> dict[str, Any]:
    """appended: a field added after the export order was documented, exported after the
    archive's state columns so that the documented order only ever grows at the end."""
    return {"role": role, "export": export, "list": listed, "search": search,
            "appended": appended}


def _content(**kwargs: Any) -> Any:
    default = kwargs.pop("default", None)
    return field(default=default, metadata=_meta("content", **kwargs))


@dataclass
class RawPage:
    """One fetched response, kept so the article can be re-parsed without the network."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: str
    sitemap_lastmod: str | None = None  # the <lastmod> the sitemap gave when it was asked for


@dataclass
class Article:
    """One article, as analysts get it.

    Dates are ISO 8601 in UTC (``2025-09-03T20:46:07Z``). ``body_text`` holds
    blocks (paragraphs, headings, lists, quotes, captions, tables) separated by
    blank lines; list items are lines inside their block.
    """

    url: str = field(metadata=_meta("content"))
    site: str = field(metadata=_meta("content"))
    title: str | None = _content(search=10.0)
    authors: list[str] = field(default_factory=list,
                               metadata=_meta("content", listed=True, search=5.0))
    posted_by: str | None = _content()
    published_at: str | None = _content()
    modified_at: str | None = _content()
    categories: list[str] = field(default_factory=list, metadata=_meta("content", listed=True))
    tags: list[str] = field(default_factory=list, metadata=_meta("content", listed=True))
    description: str | None = _content()
    lead_image: str | None = _content()
    language: str | None = _content()
    word_count: int = _content(default=0)
    source: str | None = _content()
    body_text: str = _content(default="", search=1.0)
    body_html: str = _content(default="", export=False)
    # Where the body came from: "page_object" (the publisher's page object, or the generic
    # extractor on a site without one), or "fallback" (a publisher's page object whose body
    # selector missed, or held far less than the page's text: the generic body instead).
    # Set by the pipelines, not by page objects.
    content_hash: str | None = field(default=None, metadata=_meta("derived"))
    # Kept by the archive: when the article was first seen, last seen, last changed.
    first_seen: str | None = field(default=None, metadata=_meta("archive"))
    last_seen: str | None = field(default=None, metadata=_meta("archive"))
    last_changed: str | None = field(default=None, metadata=_meta("archive"))
    # How the body was found: by the publisher's page object, or by the generic extractor
    # when the page object's body selector found nothing (a redesign).
    body_source: str = _content(default="page_object", appended=True)
    # What kind of page the page object saw ("article", "page", "attachment",
    # "listing", "search", ...). Not stored: the validate pipeline drops
    # anything that is not an article and counts why.
    page_type: str = field(default="article", metadata=_meta("internal", export=False))
    # The response the article came from; the spider middleware attaches it, the store
    # pipeline archives it (compressed) in the `pages` table.
    raw_page: RawPage | None = field(default=None, repr=False, compare=False,
                                     metadata=_meta("internal", export=False))


def _named(*roles: str, export: bool | None = None) -> tuple[str, ...]:
    return tuple(f.name for f in _FIELDS if f.metadata["role"] in roles
                 and (export is None or f.metadata["export"] == export))


_FIELDS: tuple[Field[Any], ...] = fields(Article)


def _by_name(name: str) -> Field[Any]:
    return next(f for f in _FIELDS if f.name == name)

# What a page object extracts (and `orthocrawl extract` prints).
CONTENT_FIELDS: tuple[str, ...] = _named("content")
# What the archive stores of an article (its columns in `articles`).
STORED_FIELDS: tuple[str, ...] = _named("content", "derived", "archive")
# What feed exports (`scrapy crawl -O file.jsonl`) write, in this order.
EXPORT_FIELDS: tuple[str, ...] = _named("content", "derived", "archive", export=True)
# Columns the archive keeps beside the record: an article's state on the site.
STATE_COLUMNS: tuple[str, ...] = ("status", "gone_since")
# The documented column order of `orthocrawl export`.
EXPORT_COLUMNS: tuple[str, ...] = (
    *(f for f in EXPORT_FIELDS if not _by_name(f).metadata["appended"]), *STATE_COLUMNS,
    *(f for f in EXPORT_FIELDS if _by_name(f).metadata["appended"]))
# Fields holding lists (JSON arrays in the archive, joined with "; " in CSV).
LIST_FIELDS: tuple[str, ...] = tuple(f.name for f in _FIELDS if f.metadata["list"])
# The full-text index's columns and their bm25 weights (title above authors above body).
SEARCH_WEIGHTS: dict[str, float] = {f.name: f.metadata["search"] for f in _FIELDS
                                    if f.metadata["search"] is not None}
