"""The Article record: the one item that flows from page object to archive."""

from __future__ import annotations

from dataclasses import dataclass, field

# Fields that describe the article itself (what a page object extracts).
CONTENT_FIELDS: tuple[str, ...] = (
    "url",
    "site",
    "title",
    "authors",
    "posted_by",
    "published_at",
    "modified_at",
    "categories",
    "tags",
    "description",
    "lead_image",
    "language",
    "body_text",
    "body_html",
    "word_count",
    "source",
)


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

    url: str
    site: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    posted_by: str | None = None
    published_at: str | None = None
    modified_at: str | None = None
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    description: str | None = None
    lead_image: str | None = None
    language: str | None = None
    body_text: str = ""
    body_html: str = ""
    word_count: int = 0
    source: str | None = None
    # Set by the pipelines, not by page objects.
    content_hash: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    last_changed: str | None = None
    # What kind of page the page object saw ("article", "page", "attachment",
    # "listing", "search", ...). Not stored: the validate pipeline drops
    # anything that is not an article and counts why.
    page_type: str = "article"
    # The response the article came from; the spider attaches it, the store
    # pipeline archives it (compressed) in the `pages` table.
    raw_page: RawPage | None = field(default=None, repr=False, compare=False)


# What feed exports (`scrapy crawl -O file.jsonl`) write, in this order.
EXPORT_FIELDS: tuple[str, ...] = (
    *CONTENT_FIELDS, "content_hash", "first_seen", "last_seen", "last_changed")
