"""The replica's records: lead images and articles, with each article's truth."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from ..blocks import Block
from ..cached_site import truth_record
from ..text import word_count
from .constants import ORIGIN, SITE_NAME, Section


@dataclass(slots=True)
class LeadImage:
    path: str  # on the origin: /images/articles/2024/05/name.jpg
    width: int
    height: int
    alt: str
    caption: str | None = None

    @property
    def url(self) -> str:
        return ORIGIN + self.path


@dataclass(eq=False)
class Article:
    index: int  # 0 = newest
    era: str  # "k2" (oldest), "joomla" (Joomla 3) or "modern" (the new CMS)
    kind: str  # story kind: news, things, ask, surgeons, study, earnings, insight, brief
    section: Section
    title: str
    item_id: int  # the old CMS's numeric id (in legacy URLs), or the new CMS's node id
    published: datetime
    modified: datetime
    authors: list[str]
    pieces: list[Block]  # the body container's blocks, chrome blocks included
    description: str | None
    lead: LeadImage | None
    ink_style: int
    slug: str = ""
    path: str = ""
    features: frozenset[str] = frozenset()  # optional page blocks shown
    created: datetime | None = None  # Joomla's "Created" date, when the page shows it
    byline_prefix: str = ""  # "Written by " on some K2 pages
    topic: str = "spine"  # what "More articles on ..." calls the article's subject
    related: list[Article] = field(default_factory=list)
    older: Article | None = None
    newer: Article | None = None
    facts: Any = None  # who and what the story is about (corpus.writer.Facts)

    @property
    def url(self) -> str:
        return ORIGIN + self.path

    @property
    def legacy(self) -> bool:
        return self.era != "modern"

    @property
    def modified_shown(self) -> datetime | None:
        """The modification date the page states, if it states one."""
        if self.era == "modern":
            return self.modified
        if self.era == "joomla":
            return self.modified if "show_modified" in self.features else None
        return self.modified if self.modified != self.published else None

    @cached_property
    def body_text(self) -> str:
        return "\n\n".join(p.text for p in self.pieces if p.text)

    @cached_property
    def word_count(self) -> int:
        return word_count(self.body_text)

    @property
    def site(self) -> str:
        return SITE_NAME

    def truth(self) -> dict:
        return truth_record(self, list(self.authors), None, self.modified_shown,
                            [self.section.label], [], self.lead.url if self.lead else None, None)
