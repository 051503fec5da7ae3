"""Records of a WordPress replica on any origin: accounts, terms, comments, uploads and posts,
each carrying its site's origin (a publisher's replica adds what only its theme shows)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property
from random import Random
from typing import Any

from .blocks import OLDER_URL, SELF_URL, Block
from .cached_site import truth_record
from .corpus.cast import COMMENTERS
from .text import slugify, strip_tags, unique_slug, word_count


@dataclass(slots=True)
class Account:
    """A WordPress user who posts."""

    name: str
    slug: str
    origin: str
    bio: tuple[str, ...] = ()  # sentences
    social: str = ""  # a profile elsewhere

    @property
    def url(self) -> str:
        return f"{self.origin}/author/{self.slug}/"


@dataclass(slots=True)
class Term:
    """A category or a tag."""

    name: str
    slug: str
    taxonomy: str  # "category" or "tag"
    term_id: int
    origin: str
    description: str = ""

    @property
    def url(self) -> str:
        return f"{self.origin}/{self.taxonomy}/{self.slug}/"


class TagBook:
    """Tags get ids in order of first use, so the same build always numbers them alike."""

    def __init__(self, origin: str, first_id: int) -> None:
        self.origin = origin
        self.first_id = first_id
        self.by_slug: dict[str, Term] = {}

    def get(self, name: str) -> Term:
        slug = slugify(name)
        term = self.by_slug.get(slug)
        if term is None:
            term = self.by_slug[slug] = Term(name, slug, "tag", self.first_id + len(self.by_slug),
                                             self.origin)
        return term


@dataclass(slots=True)
class Comment:
    comment_id: int
    author: str
    text: str
    when: datetime


@dataclass(slots=True)
class Upload:
    """An image in the media library, served from the site's own uploads folder (and, with
    ``cdn``, through Jetpack's image CDN, i0/i1/i2.wp.com)."""

    origin: str
    month: str  # "2020/01"
    name: str  # file stem
    width: int
    height: int
    alt: str
    attachment_id: int
    caption: str | None = None
    page_url: str | None = None  # the attachment page, once the post's URL is known
    cdn: int | None = None
    credit: str | None = None  # a credit line printed under the image (chrome)

    @property
    def url(self) -> str:
        return f"{self.origin}/wp-content/uploads/{self.month}/{self.name}.jpg"

    @property
    def title(self) -> str:
        return self.name.replace("-", " ").title()

    def height_at(self, width: int) -> int:
        return round(self.height * width / self.width)

    def sized(self, width: int) -> str:
        """An intermediate size WordPress made on upload: ``name-300x200.jpg``."""
        if width >= self.width:
            return self.url
        return (f"{self.origin}/wp-content/uploads/{self.month}/{self.name}-{width}x"
                f"{self.height_at(width)}.jpg")

    def _cdn(self, query: str) -> str:
        return f"https://i{self.cdn}.wp.com/{self.url.removeprefix('https://')}?{query}"

    def fit(self) -> str:
        """The CDN's og:image form: ``...jpg?fit=790%2C559&ssl=1``."""
        return self._cdn(f"fit={self.width}%2C{self.height}&ssl=1")

    @property
    def body_css(self) -> str:
        """The body class of its attachment page."""
        ident = self.attachment_id
        return (f"attachment attachment-template-default single single-attachment "
                f"postid-{ident} attachmentid-{ident} attachment-jpeg")

    def resize(self, width: int) -> str:
        return self._cdn(f"resize={width}%2C{self.height_at(width)}&ssl=1")


@dataclass(eq=False)
class Post:
    site: str
    origin: str
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
    bylines: list[str] = field(default_factory=list)  # names in the byline paragraph
    byline_block: Block | None = None
    lead: Upload | None = None  # the featured image
    images: list[Upload] = field(default_factory=list)  # every upload the post shows
    alts: list[str] = field(default_factory=list)  # the images' alt texts: never body text
    source: str | None = None  # original publisher, as the page names it
    description: str | None = None  # what the page offers as its description
    summary: str | None = None  # the hand-written meta description, when there is one
    lead_image: str | None = None  # the featured image URL as the page gives it
    shows_modified: bool = True  # False: the page never says when it was last modified
    comments: list[Comment] = field(default_factory=list)
    comments_open: bool = True
    features: frozenset[str] = frozenset()  # optional page blocks and plugins shown
    slug: str = ""
    path: str = ""
    body_html: str = ""  # byline paragraph + blocks, placeholders resolved
    body_text: str = ""
    related: list[Post] = field(default_factory=list)
    older: Post | None = None
    newer: Post | None = None
    facts: Any = None  # who and what the story is about (corpus.writer.Facts)
    role: Any = None  # its place on the wire (wire.Role)
    views: int = 0
    ink_style: int = 1  # the entity style of its text (inline.TABLES)

    @classmethod
    def of(cls, story: Any, site: str, origin: str, index: int, post_id: int,
           dates: tuple[datetime, datetime], tags: TagBook, slug: int, **fields: Any) -> Any:
        """The post of ``story`` (its kind, title, blocks, text, tags, facts and wire role),
        published and modified at ``dates``; its slug the title's first ``slug`` characters."""
        post = cls(site=site, origin=origin, index=index, post_id=post_id, kind=story.kind,
                   title=story.title, published=dates[0], modified=dates[1], blocks=story.blocks,
                   tags=[tags.get(name) for name in story.tags], facts=story.facts,
                   body_text="\n\n".join(b.text for b in story.blocks if b.text),
                   role=story.role, **fields)
        post.slug = slugify(story.title)[:slug].strip("-")
        return post

    @property
    def url(self) -> str:
        return self.origin + self.path

    @property
    def authors(self) -> list[str]:
        return list(self.bylines) if self.bylines else [self.account.name]

    @cached_property
    def word_count(self) -> int:
        return word_count(self.body_text)

    def head_links(self, titled: bool = True) -> str:
        """The head's links to the post in the REST API and to its shortlink."""
        title = ' title="JSON"' if titled else ""
        return (f'<link rel="alternate"{title} type="application/json" href="{self.origin}/wp-json/'
                f"wp/v2/posts/{self.post_id}\" />\n<link rel='shortlink' href='{self.origin}/?p="
                f"{self.post_id}' />\n")

    @cached_property
    def stripped(self) -> str:
        """The content as WordPress's wp_strip_all_tags sees it (byline included)."""
        return strip_tags(self.body_html)

    def truth(self) -> dict:
        authors, poster = self.authors, self.account.name
        return truth_record(self, authors, None if poster in authors else poster,
                            self.modified if self.shows_modified else None,
                            [c.name for c in self.categories], [t.name for t in self.tags],
                            self.lead_image, self.source)


def permalinks(posts: list[Post], path: Callable[[Post], str],
               attachment: str = "{url}{name}/") -> None:
    """Slugs and URLs, oldest first so that a later duplicate slug gets ``-2`` as WordPress
    gives it; ``attachment``: where an upload's attachment page is."""
    seen: set[str] = set()
    for post in reversed(posts):
        post.slug = unique_slug(post.slug or f"post-{post.post_id}", seen)
        post.path = path(post)
        for image in post.images:
            image.page_url = attachment.format(url=post.url, name=image.name)


def comments(page: Random, post_id: int, published: datetime, now: datetime, most: int,
             minutes: tuple[int, int], texts: Sequence[str]) -> list[Comment]:
    """Up to ``most`` comments, ``minutes`` apart, none later than ``now``."""
    out, when = [], published
    for k in range(page.randint(1, most)):
        when = min(when + timedelta(minutes=page.randint(*minutes)), now)
        out.append(Comment(post_id * 8 + k, page.choice(COMMENTERS), page.choice(texts), when))
    return out


def resolve(post: Post, older: str = "") -> None:
    """The post's final body HTML: byline and blocks, with its own URL (and the older post it
    links) in place of their placeholders."""
    parts = [post.byline_block.html] if post.byline_block else []
    post.body_html = "\n".join([*parts, *(b.html for b in post.blocks)]).replace(
        SELF_URL, post.url).replace(OLDER_URL, older)


def neighbours(posts: list[Post], at: int) -> tuple[Post | None, Post | None]:
    """The posts around ``posts[at]`` (newest first): (newer, older)."""
    return posts[at - 1] if at > 0 else None, posts[at + 1] if at + 1 < len(posts) else None


def grouped(posts: list[Any], key: Callable[[Any], str] = lambda p: p.categories[0].slug,
            ) -> dict[str, list[Any]]:
    """The posts by ``key`` (default: their primary category), each group in their order."""
    out: dict[str, list[Any]] = {}
    for post in posts:
        out.setdefault(key(post), []).append(post)
    return out
