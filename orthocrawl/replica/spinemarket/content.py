"""Turn Spine Market Group drafts into posts: featured images, page features, URLs."""

from __future__ import annotations

from datetime import datetime, timedelta
from random import Random

from ..blocks import SELF_URL
from ..corpus import cast
from ..inline import Ink
from ..slugs import slugify, unique_slug
from ..timeline import post_id, schedule
from ..wp_model import Account, Comment, Post, TagBook, Term
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


def build_posts(count: int, seed: int, today: datetime) -> tuple[list[Post], TagBook]:
    tags = TagBook(ORIGIN, 200)
    salted = seed + SEED_SALT
    posts = [draft(i, seed, salted, published, modified, tags, today)
             for i, (published, modified) in enumerate(schedule(count, salted))]
    assign_paths(posts)
    for post in posts:
        post.newer = posts[post.index - 1] if post.index > 0 else None
        post.older = posts[post.index + 1] if post.index + 1 < len(posts) else None
        parts = [post.byline_block.html] if post.byline_block else []
        post.body_html = "\n".join(parts + [b.html for b in post.blocks]).replace(SELF_URL,
                                                                                  post.url)
    return posts, tags


def draft(i: int, seed: int, salted: int, published: datetime, modified: datetime,
          tags: TagBook, today: datetime) -> Post:
    """Write post ``i`` (0 = newest); its words depend only on ``seed`` and ``i``."""
    rng = Random(f"spinemarket-{seed}-{i}")
    make = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
    pid = post_id(i, salted)
    desk = Desk(rng, Ink(rng.choices((0, 1, 2), (0.4, 0.5, 0.1))[0]), published, pid)
    story = make(desk)
    page = Random(f"spinemarket-{seed}-{i}-page")  # page furniture, independent of the words
    lead = featured_image(desk) if page.random() < 0.45 else None
    features = {name for name, p in FEATURES if page.random() < p}
    comments: list[Comment] = []
    if page.random() < 0.15:
        when = published
        for k in range(page.randint(1, 3)):
            when = min(when + timedelta(minutes=page.randint(30, 9000)), today)
            comments.append(Comment(pid * 8 + k, page.choice(cast.COMMENTERS),
                                    page.choice(_COMMENTS), when))
    post = Post(
        site=SITE_NAME, origin=ORIGIN, index=i, post_id=pid, kind=story.kind, title=story.title,
        published=published, modified=modified, account=POSTER,
        categories=[CATEGORIES[s] for s in categories(story)],
        tags=[tags.get(name) for name in story.tags], blocks=story.blocks, bylines=story.bylines,
        byline_block=story.byline_block, lead=lead,
        images=([lead] if lead else []) + desk.uploads,
        alts=[*desk.alts, *([lead.alt] if lead else [])], source=story.source,
        description=story.summary, summary=story.summary,
        lead_image=lead.sized(720) if lead else None, shows_modified=False,
        comments=comments, comments_open=page.random() < 0.6, features=frozenset(features),
        body_text="\n\n".join(b.text for b in story.blocks if b.text), facts=story.facts,
    )
    post.slug = slugify(story.title)[:190].strip("-")
    return post


def assign_paths(posts: list[Post]) -> None:
    """Slug-only permalinks without a trailing slash; a later duplicate slug gets ``-2``."""
    seen: set[str] = set()
    for post in reversed(posts):
        post.slug = slug = unique_slug(post.slug or f"post-{post.post_id}", seen)
        post.path = f"/{slug}"
        for image in post.images:
            image.page_url = f"{post.url}/{image.name}"
