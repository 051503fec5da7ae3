"""A post of the replica and its truth (computed from the block model, never from the HTML)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from ..blocks import Block
from ..text import strip_tags, word_count
from ..timefmt import iso_z
from .constants import ORIGIN, SITE_NAME
from .media import Image
from .staff import Section, Writer


@dataclass(eq=False)
class Post:
    index: int  # 0 = newest
    post_id: int
    kind: str
    title: str
    flag: str | None  # the theme's badge inside the title ("Video", "Debate", "Exclusive")
    published: datetime
    modified: datetime
    writers: list[Writer]  # the byline, in order; the first is the WordPress post author
    categories: list[Section]
    tags: list[Section]
    blocks: list[Block]
    description: str
    deck: str | None  # the hand-written excerpt, shown under the title
    lead: Image | None
    images: list[Image]  # lead first, then body images
    features: frozenset[str]  # optional in-content blocks of the theme and plugins
    views: int
    ink_style: int
    body_text: str = ""
    slug: str = ""
    path: str = ""  # "/breaking/slug/"
    block_html: list[str] = field(default_factory=list)  # placeholders resolved
    related: list[Post] = field(default_factory=list)
    ad_after: int | None = None  # Ad Inserter's slot goes after this block
    facts: Any = None  # who and what the story is about (corpus.writer.Facts)

    @property
    def url(self) -> str:
        return ORIGIN + self.path

    @property
    def body_html(self) -> str:
        return "\n".join(self.block_html)

    @cached_property
    def word_count(self) -> int:
        return word_count(self.body_text)

    @cached_property
    def stripped(self) -> str:
        return strip_tags(self.body_html)

    @property
    def credits(self) -> list[str]:
        return [image.credit for image in self.images if image.credit]

    def truth(self) -> dict:
        return {
            "url": self.url,
            "site": SITE_NAME,
            "title": self.title,
            "authors": [w.name for w in self.writers],
            "posted_by": None,
            "published_at": iso_z(self.published),
            "modified_at": iso_z(self.modified),
            "categories": [c.name for c in self.categories],
            "tags": [t.name for t in self.tags],
            "description": self.description,
            "lead_image": self.lead.url if self.lead else None,
            "language": "en",
            "body_text": self.body_text,
            "word_count": self.word_count,
            "source": None,
        }
