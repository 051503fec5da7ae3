"""Orthopedics This Week's posts, and turning stories into them: bylines, sections, the lead
image, page features, URLs, cross-links."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from random import Random
from typing import Any

from .. import wp_model
from ..blocks import OLDER_URL, SELF_URL, clean
from ..text import excerpt, slugify
from ..timefmt import local
from ..timeline import schedule
from ..wire import Press, plan
from ..wp_model import Account, TagBook, Term, Upload, grouped, permalinks
from .constants import CATEGORIES as CATEGORY_ROWS
from .constants import ORIGIN, POST_ID_BASE, POST_ID_STRIDE, SITE_NAME, STAFF, VARIANTS
from .stories import KINDS, Desk, sections


@dataclass(eq=False)
class Post(wp_model.Post):
    """A WordPress post (wp_model) with the theme's title badge, the hand-written deck, every
    writer of the byline, and the blocks Ad Inserter places an ad after."""

    flag: str | None = None  # the theme's badge inside the title ("Video", "Debate", "Exclusive")
    deck: str | None = None  # the hand-written excerpt, shown under the title
    writers: list[Account] = field(default_factory=list)  # the byline; the first posted it
    block_html: list[str] = field(default_factory=list)  # the blocks, placeholders resolved
    ad_after: int | None = None  # Ad Inserter's slot goes after this block

    @property
    def credits(self) -> list[str]:
        return [image.credit for image in self.images if image.credit]


_FLAGS = {"debate": "Debate", "feature": "Exclusive"}
WRITERS = tuple(Account(name, slug, ORIGIN, (bio,)) for name, slug, _, bio in STAFF)
WRITER_WEIGHTS = tuple(share for _, _, share, _ in STAFF)
CATEGORIES = {slug: Term(name, slug, "category", 3 + n, ORIGIN)
              for n, (name, slug) in enumerate(CATEGORY_ROWS)}


# The shared timeline, drawn with this site's own seed so its days differ from OSN's.
PRESS = Press(SITE_NAME, "ryortho-{seed}-{i}", KINDS, ((0, 1, 2), (0.3, 0.6, 0.1)), Desk,
              lambda i, seed: POST_ID_BASE - POST_ID_STRIDE * i,
              lambda count, seed: schedule(count, seed * 1009 + 17))


def build_posts(count: int, seed: int) -> tuple[list[Post], TagBook]:
    tags = TagBook(ORIGIN, 400)
    posts = [draft(i, seed, published, modified, tags, plan(count, seed))
             for i, (published, modified) in enumerate(PRESS.times(count, seed))]
    permalinks(posts, lambda p: f"/breaking/{p.slug}/")
    cross_link(posts, seed)
    return posts, tags


def _byline(page: Random) -> list[Account]:
    first = page.choices(WRITERS, WRITER_WEIGHTS)[0]
    if page.random() >= 0.15:
        return [first]
    others = [w for w in WRITERS if w is not first]
    return [first, page.choice(others)]


def draft(i: int, seed: int, published: datetime, modified: datetime, tags: TagBook,
          plan: Any) -> Post:
    """Write post ``i`` (0 = newest); its words depend only on ``seed`` and ``i``."""
    story, desk = PRESS.write(plan, i, seed, published)
    pid = desk.post_id
    page = Random(f"ryortho-{seed}-{i}-page")  # page furniture, independent of the words

    lead = None
    if page.random() < 0.85:
        width, height = page.choice(((1200, 800), (1000, 563), (800, 600)))
        lead = Upload(ORIGIN, desk.month, slugify(story.image_stem)[:50].strip("-") or "featured",
                      width, height, story.image_alt, pid + 1,
                      credit=desk.credit() if page.random() < 0.9 else None)
    images = [b.image for b in story.blocks if b.image is not None]
    if lead:
        images.insert(0, lead)

    body_text = "\n\n".join(b.text for b in story.blocks if b.text)
    deck = clean(story.summary) if story.summary else None
    description = deck or clean(excerpt(body_text, 28).replace("\n", " "))

    flag = _FLAGS.get(story.kind)
    if story.kind == "feature" and page.random() < 0.5:
        flag = None
    if story.title.startswith("Video:"):
        flag = "Video"
    year = local(published).year
    features = {name for name, p in (("paywall", 0.3 if year >= 2017 else 0.0),
                                     ("share_bottom", 0.5),
                                     ("inline_related", 0.35 if year >= 2014 else 0.0),
                                     ("newsletter", 0.2)) if page.random() < p}
    ad_after = None
    if year >= 2015 and len(story.blocks) >= 3 and page.random() < 0.5:
        ad_after = page.randint(0, len(story.blocks) - 2)

    writers = _byline(page)
    return Post.of(
        story, SITE_NAME, ORIGIN, i, pid, (published, modified), tags, 80, flag=flag,
        account=writers[0], writers=writers, bylines=[w.name for w in writers],
        categories=[CATEGORIES[s] for s in sections(desk, story)], description=description,
        deck=deck, lead=lead, lead_image=lead.url if lead else None, images=images,
        features=frozenset(features), views=int(page.paretovariate(1.2) * 150),
        ink_style=desk.ink.style, ad_after=ad_after)


def cross_link(posts: list[Post], seed: int) -> None:
    """Related stories, in-body links to older posts, and the final block HTML."""
    by_section = grouped(posts)
    count = len(posts)
    for post in posts:
        rng = Random(f"ryortho-{seed}-{post.index}-links")
        peers = [p for p in by_section[post.categories[0].slug] if p is not post]
        start = next((n for n, p in enumerate(peers) if p.index > post.index), len(peers))
        post.related = peers[max(0, start - 1):start + 2]
        target = posts[min(count - 1, post.index + rng.randint(1, 40))]
        older = VARIANTS.link(target, f"older-{post.post_id}") if target is not post else post.url
        post.block_html = [b.html.replace(SELF_URL, post.url).replace(OLDER_URL, older)
                           for b in post.blocks]
        post.body_html = "\n".join(post.block_html)
