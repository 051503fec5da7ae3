"""Turn Spine Market Group drafts into posts: featured images, page features, URLs."""

from __future__ import annotations

from datetime import datetime
from random import Random
from typing import Any

from ..timeline import post_id, schedule
from ..wire import Press, plan
from ..wp_model import Account, Post, TagBook, Term, comments, neighbours, permalinks, resolve
from .constants import ACCOUNT, ORIGIN, SEED_SALT, SITE_NAME
from .constants import CATEGORIES as CATEGORY_ROWS
from .stories import KINDS, Desk, categories, featured_image

POSTER = Account(ACCOUNT[0], ACCOUNT[1], ORIGIN, "")
CATEGORIES = {slug: Term(name, slug, "category", 1 + n, ORIGIN)
              for n, (name, slug) in enumerate(CATEGORY_ROWS)}
# Optional blocks of a post page and how often each is shown.
FEATURES = (("addtoany", 0.5), ("jobs", 0.35), ("after_entry", 0.8))
_COMMENTS = (
    "Thanks for posting this. Any word on pricing for the ASC channel?",
    "Congratulations to the whole team, well deserved.",
    "Is the system available outside the U.S. yet?",
    "Good news for independent spine companies.",
    "Does anyone know who the distributor is in the Southeast?",
)


PRESS = Press(SITE_NAME, "spinemarket-{seed}-{i}", KINDS, ((0, 1, 2), (0.4, 0.5, 0.1)), Desk,
              lambda i, seed: post_id(i, seed + SEED_SALT),
              lambda count, seed: schedule(count, seed + SEED_SALT))


def build_posts(count: int, seed: int, today: datetime) -> tuple[list[Post], TagBook]:
    tags = TagBook(ORIGIN, 200)
    posts = [draft(i, seed, published, modified, tags, today, plan(count, seed))
             for i, (published, modified) in enumerate(PRESS.times(count, seed))]
    permalinks(posts, lambda p: f"/{p.slug}", "{url}/{name}")
    for post in posts:
        post.newer, post.older = neighbours(posts, post.index)
        resolve(post)
    return posts, tags


def draft(i: int, seed: int, published: datetime, modified: datetime, tags: TagBook,
          today: datetime, plan: Any) -> Post:
    """Write post ``i`` (0 = newest); its words depend only on ``seed`` and ``i``."""
    story, desk = PRESS.write(plan, i, seed, published)
    pid = desk.post_id
    page = Random(f"spinemarket-{seed}-{i}-page")  # page furniture, independent of the words
    lead = featured_image(desk) if page.random() < 0.45 else None
    features = {name for name, p in FEATURES if page.random() < p}
    said = comments(page, pid, published, today, 3, (30, 9000), _COMMENTS) \
        if page.random() < 0.15 else []
    return Post.of(
        story, SITE_NAME, ORIGIN, i, pid, (published, modified), tags, 190, account=POSTER,
        categories=[CATEGORIES[s] for s in categories(story)], bylines=story.bylines,
        byline_block=story.byline_block, lead=lead, images=([lead] if lead else []) + desk.uploads,
        alts=[*desk.alts, *([lead.alt] if lead else [])], source=story.source,
        description=story.summary, summary=story.summary,
        lead_image=lead.sized(720) if lead else None, shows_modified=False,
        comments=said, comments_open=page.random() < 0.6, features=frozenset(features))

