"""The replica's records: lead images and articles, with each article's truth."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any, ClassVar

from ..blocks import Block
from ..cached_site import truth_record
from ..text import word_count
from ..url_forms import pick
from .constants import CANONICAL_HOST, ORIGIN, SITE_NAME, Section

BARE_HOST = CANONICAL_HOST.removeprefix("www.")
EMAIL_QUERY = "origin=SpineE&utm_source=SpineE&utm_medium=email&utm_content=newsletter"
# Other forms of an article URL that links use (kind, cumulative percent of links): newsletter
# tracking, http, no www, no slash. The tracking forms are served 200 (the CMS ignores the
# query); the others, and the old id-only links, answer 301 to the canonical URL.
_MIX = (("email", 14), ("http", 19), ("bare", 23), ("noslash", 28))


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
    role: Any = None  # its place on the wire (wire.Role)
    site: ClassVar[str] = SITE_NAME

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
    def variant_kinds(self) -> tuple[str, ...]:
        """The variant kinds that apply to this article's URL shape."""
        last = "id_only" if self.legacy else "noslash"
        return ("email", "rss", "http", "http_www", "bare", last)

    def variant(self, kind: str) -> str:
        url, path = self.url, self.path
        if kind == "email":
            return f"{url}?{EMAIL_QUERY}"
        if kind == "rss":
            return f"{url}?utm_source=rss&utm_medium=rss&utm_campaign=bsr"
        if kind == "http":
            return f"http://{BARE_HOST}{path}"
        if kind == "http_www":
            return f"http://{CANONICAL_HOST}{path}"
        if kind == "bare":
            return f"https://{BARE_HOST}{path}"
        if kind == "noslash" and not self.legacy:
            return url.rstrip("/")
        if kind == "id_only" and self.legacy:
            item = "item/" if self.era == "k2" else ""
            return f"{ORIGIN}/{self.section.slug}/{item}{self.item_id}"
        return url

    def link(self, context: str) -> str:
        """The URL a given page uses to link to this article: usually canonical."""
        kind = pick(context, self.item_id, _MIX)
        return self.variant(kind) if kind else self.url

    def truth(self) -> dict:
        return truth_record(self, list(self.authors), None, self.modified_shown,
                            [self.section.label], [], self.lead.url if self.lead else None, None)
