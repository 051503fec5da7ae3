"""Turn OrthoBuzz drafts into posts: accounts, images, page features, URLs and cross-links."""

from __future__ import annotations

from datetime import datetime
from random import Random

from .. import wp_model
from ..corpus import parts
from ..inline import Ink
from ..text import excerpt, strip_tags
from ..timefmt import local
from ..timeline import post_id, schedule
from ..wp_media import upload
from ..wp_model import Account, Post, TagBook, Term, comments, neighbours, permalinks, resolve
from .constants import ACCOUNTS as ACCOUNT_ROWS
from .constants import CATEGORIES as CATEGORY_ROWS
from .constants import ORIGIN, SEED_SALT, SITE_NAME
from .stories import KINDS, Desk

ACCOUNTS = [Account(name, slug, ORIGIN, (bio,)) for name, slug, _, bio in ACCOUNT_ROWS]
_WEIGHTS = [share for _, _, share, _ in ACCOUNT_ROWS]
CATEGORIES = {slug: Term(name, slug, "category", 2 + n, ORIGIN)
              for n, (name, slug) in enumerate(CATEGORY_ROWS)}
# Optional blocks of a post page and how often each is shown.
FEATURES = (("sharedaddy", 0.7), ("jp_related", 0.45), ("cme", 0.3))


def build_posts(count: int, seed: int, today: datetime) -> tuple[list[Post], TagBook]:
    tags = TagBook(ORIGIN, 300)
    salted = seed + SEED_SALT
    posts = [draft(i, seed, salted, published, modified, tags, today)
             for i, (published, modified) in enumerate(schedule(count, salted))]
    permalinks(posts, lambda p: f"/{local(p.published):%Y/%m/%d}/{p.slug}/")
    cross_link(posts)
    return posts, tags


def draft(i: int, seed: int, salted: int, published: datetime, modified: datetime,
          tags: TagBook, today: datetime) -> Post:
    """Write post ``i`` (0 = newest); its words depend only on ``seed`` and ``i``."""
    rng = Random(f"orthobuzz-{seed}-{i}")
    make = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
    pid = post_id(i, salted)
    desk = Desk(rng, Ink(rng.choices((0, 1), (0.3, 0.7))[0]), published, pid)
    story = make(desk)
    page = Random(f"orthobuzz-{seed}-{i}-page")  # page furniture, independent of the words
    account = page.choices(ACCOUNTS, _WEIGHTS)[0]

    lead = None
    if page.random() < 0.55:
        stem = f"{desk.slots['short']} {story.kind}"
        lead = upload(page, ORIGIN, desk.month, stem, desk.alt(), pid + 1)
    description = story.summary
    if not description:  # Yoast's fallback: the start of the stripped content, byline included
        shown = ([story.byline_block] if story.byline_block else []) + story.blocks
        description = excerpt(strip_tags("\n".join(b.html for b in shown)), 30)

    features = {name for name, p in FEATURES if page.random() < p}
    if "sharedaddy" in features and page.random() < 0.6:
        features.add("likes")
    said = comments(page, pid, published, today, 4, (30, 5000), parts.COMMENTS) \
        if page.random() < 0.35 else []
    return Post.of(
        story, SITE_NAME, ORIGIN, i, pid, (published, modified), tags, 190, account=account,
        categories=[CATEGORIES[s] for s in dict.fromkeys(story.categories)],
        bylines=story.bylines, byline_block=story.byline_block, lead=lead,
        images=([lead] if lead else []) + desk.uploads, description=description,
        summary=story.summary, lead_image=lead.url if lead else None,
        alts=[*desk.alts, *([lead.alt] if lead else [])], comments=said,
        comments_open=page.random() < 0.8, features=frozenset(features))


def cross_link(posts: list[Post]) -> None:
    """Prev/next, Jetpack's related posts, and the final body HTML."""
    by_category = wp_model.grouped(posts)
    place = {id(p): k for peers in by_category.values() for k, p in enumerate(peers)}
    for post in posts:
        post.newer, post.older = neighbours(posts, post.index)
        peers, at = by_category[post.categories[0].slug], place[id(post)]
        post.related = (peers[at + 1:at + 4] + peers[max(0, at - 3):at])[:3]
        resolve(post)
