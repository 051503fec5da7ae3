"""The replica's records: accounts and posts (terms and comments are wp_model's)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from ..blocks import Block
from ..text import strip_tags, word_count
from ..timefmt import iso_z
from ..wp_model import Comment, Term
from .constants import ORIGIN, SITE_NAME
from .media import Image

__all__ = ["Account", "Comment", "Post", "Term"]


@dataclass(slots=True)
class Account:
    """A WordPress user who posts."""

    name: str
    slug: str
    bio: tuple[str, ...]
    social: str

    @property
    def url(self) -> str:
        return f"{ORIGIN}/author/{self.slug}/"


@dataclass(eq=False)
class Post:
    index: int  # 0 = newest
    post_id: int
    kind: str
    title: str
    published: datetime
    modified: datetime
    account: Account
    categories: list[Term]
    tags: list[Term]
    blocks: list[Block]
    description: str
    ink_style: int
    bylines: list[str] = field(default_factory=list)  # names in the byline paragraph
    byline_block: Block | None = None
    lead: Image | None = None
    images: list[Image] = field(default_factory=list)  # lead first, then body figures
    source: tuple[str, str] | None = None  # (publisher, link) of the Source block
    via: tuple[str, str] | None = None
    highlights: list[str] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    comments_open: bool = True
    views: int = 0
    features: frozenset[str] = frozenset()  # optional page blocks and plugins shown
    slug: str = ""
    path: str = ""  # "/2016/08/26/slug/" or "/slug-2/"
    body_html: str = ""  # byline paragraph + blocks, placeholders resolved
    body_text: str = ""
    related: list[Post] = field(default_factory=list)
    check_also: Post | None = None
    older: Post | None = None  # previous post (prev link)
    newer: Post | None = None
    facts: Any = None  # who and what the story is about (corpus.writer.Facts)

    @property
    def url(self) -> str:
        return ORIGIN + self.path

    @property
    def authors(self) -> list[str]:
        return list(self.bylines) if self.bylines else [self.account.name]

    @cached_property
    def word_count(self) -> int:
        return word_count(self.body_text)

    @cached_property
    def stripped(self) -> str:
        """The content as WordPress's wp_strip_all_tags sees it (byline included)."""
        return strip_tags(self.body_html)

    def truth(self) -> dict:
        authors = self.authors
        return {
            "url": self.url,
            "site": SITE_NAME,
            "title": self.title,
            "authors": authors,
            "posted_by": None if authors == [self.account.name] else self.account.name,
            "published_at": iso_z(self.published),
            "modified_at": iso_z(self.modified),
            "categories": [c.name for c in self.categories],
            "tags": [t.name for t in self.tags],
            "description": self.description,
            "lead_image": self.lead.fit() if self.lead else None,
            "language": "en",
            "body_text": self.body_text,
            "word_count": self.word_count,
            "source": self.source[0] if self.source else None,
        }
