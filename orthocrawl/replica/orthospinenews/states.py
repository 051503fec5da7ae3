"""The replica some days later (state 2): new, edited, silently edited and deleted posts.

State 2 starts from the exact posts of state 1 and changes a few: ~2% new posts (newest),
~3% edited (text changed and a new modified date), ~1% silently edited (text changed, dates
kept) and ~0.5% deleted; at least one of each. Every other post is the very same object, so
its page can be served as state 1 rendered it (byte-identical, as a page cache keeps it).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from random import Random

from ..blocks import Block, clean, paragraph
from ..constants import TODAY
from ..corpus import parts
from ..inline import Ink
from ..text import unique_slug
from ..timefmt import local, long_date
from ..wp_model import grouped
from .content import Post, TagBook, _auto_excerpt, draft, link_post

STATES = (1, 2)
DAYS_LATER = 5  # state 2's "today" is this many days after state 1's

# Shares of the posts of state 1 (each at least one).
NEW, EDITED, SILENT, DELETED = 0.02, 0.03, 0.01, 0.005

_UPDATES, _SILENT = parts.UPDATES, parts.SILENT


def state_today(state: int) -> datetime:
    if state not in STATES:
        raise ValueError(f"the replica has states {STATES}, not {state!r}")
    return TODAY + timedelta(days=DAYS_LATER * (state - 1))


@dataclass
class Evolution:
    """One later state: its live posts and what changed since state 1."""

    today: datetime
    posts: list[Post]  # live, newest first
    new: list[Post] = field(default_factory=list)
    edited: list[Post] = field(default_factory=list)  # the later versions
    silently_edited: list[Post] = field(default_factory=list)
    deleted: list[Post] = field(default_factory=list)  # the posts of state 1

    @property
    def fresh(self) -> set[int]:
        """Ids of the posts whose pages are rendered anew."""
        return {p.post_id for p in (*self.new, *self.edited, *self.silently_edited)}

    def changes(self) -> dict[str, list[str]]:
        return {kind: [p.url for p in getattr(self, kind)]
                for kind in ("new", "edited", "silently_edited", "deleted")}


def no_changes() -> dict[str, list[str]]:
    return {"new": [], "edited": [], "silently_edited": [], "deleted": []}


def _share(count: int, share: float) -> int:
    return max(1, round(count * share))


def evolve(base: list[Post], tags: TagBook, seed: int, state: int = 2) -> Evolution:
    """State ``state`` of the site whose state-1 posts are ``base`` (left unchanged)."""
    today = state_today(state)
    if len(base) < 10:
        raise ValueError("a later state needs at least 10 posts")
    rng = Random(f"{seed}-state{state}")
    count = len(base)
    edits, silent = _share(count, EDITED), _share(count, SILENT)
    picks = rng.sample(range(count), edits + silent + _share(count, DELETED))
    edited_at = sorted(picks[:edits])
    silent_at = sorted(picks[edits:edits + silent])
    deleted_at = set(picks[edits + silent:])

    later = Evolution(today, [])
    later.deleted = [base[i] for i in sorted(deleted_at)]
    stamps = sorted((TODAY + timedelta(seconds=rng.randint(3600, DAYS_LATER * 86400 - 3600))
                     for _ in edited_at), reverse=True)
    swap: dict[int, Post] = {}
    for i, when in zip(edited_at, stamps, strict=True):
        swap[i] = _edit(base[i], when, rng)
        later.edited.append(swap[i])
    for i in silent_at:
        swap[i] = _silent_edit(base[i], rng)
        later.silently_edited.append(swap[i])
    later.new = _new_posts(base, tags, seed, _share(count, NEW), today, rng)
    old = [swap.get(i, p) for i, p in enumerate(base) if i not in deleted_at]
    later.posts = later.new + old
    _relink(later, seed)
    return later


def _edit(post: Post, when: datetime, rng: Random) -> Post:
    """A visible edit: an update note at the end, sometimes a new title; a new modified date."""
    note = rng.choice(_UPDATES).format(date=long_date(when))
    block = paragraph(Ink(post.ink_style).t(note))
    title = f"UPDATED: {post.title}" if rng.random() < 0.34 else post.title
    return _rewritten(post, [*post.blocks, block], post.body_html + "\n" + block.html,
                      title=title, modified=when)


def _silent_edit(post: Post, rng: Random) -> Post:
    """An edit that changes no date: one sentence added to the last plain paragraph."""
    sentence = rng.choice(_SILENT)
    blocks = list(post.blocks)
    for k in range(len(blocks) - 1, -1, -1):
        block = blocks[k]
        if (block.kind == "p" and block.text and block.html.endswith("</p>")
                and "\x00" not in block.html and post.body_html.count(block.html) == 1):
            html, text = Ink(post.ink_style).t(sentence)
            blocks[k] = Block("p", f"{block.html[:-4]} {html}</p>",
                              clean(f"{block.text} {text}"))
            body_html = post.body_html.replace(block.html, blocks[k].html)
            return _rewritten(post, blocks, body_html)
    block = paragraph(Ink(post.ink_style).t(sentence))  # no plain paragraph: add one
    return _rewritten(post, [*blocks, block], post.body_html + "\n" + block.html)


def _rewritten(post: Post, blocks: list[Block], body_html: str, **changes: object) -> Post:
    body_text = "\n\n".join(b.text for b in blocks if b.text)
    description = post.description
    if description == _auto_excerpt(post.byline_block, post.body_text):
        description = _auto_excerpt(post.byline_block, body_text)
    return replace(post, blocks=blocks, body_html=body_html, body_text=body_text,
                   description=description, **changes)


def _new_posts(base: list[Post], tags: TagBook, seed: int, count: int, today: datetime,
               rng: Random) -> list[Post]:
    """``count`` posts published since state 1, newest first, with indices -count..-1."""
    span = int((today - TODAY).total_seconds())
    moments = sorted({rng.randint(1800, span - 1800) for _ in range(count * 2)},
                     reverse=True)[:count]
    while len(moments) < count:  # (only for absurd counts)
        moments.append(moments[-1] - 60)
    seen = {p.slug for p in base}
    posts = []
    for k, offset in enumerate(moments):
        published = TODAY + timedelta(seconds=offset)
        modified = published
        if rng.random() < 0.3:
            modified = min(published + timedelta(seconds=rng.randint(120, 86400)),
                           today - timedelta(minutes=5))
        post = draft(k - count, seed, published, modified, tags, now=today)
        post.slug = slug = unique_slug(post.slug or f"post-{post.post_id}", seen)
        post.path = f"/{local(published):%Y/%m/%d}/{slug}/"
        for image in post.images:
            image.page_url = f"{post.url}attachment/{image.name}/"
        posts.append(post)
    return posts


def _relink(later: Evolution, seed: int) -> None:
    """Links of the posts rendered anew; unchanged posts keep the links they were served with."""
    live = later.posts
    at = {p.post_id: n for n, p in enumerate(live)}
    by_id = {p.post_id: p for p in live}
    by_category = grouped(live)
    for post in later.new:
        link_post(post, live, at[post.post_id], by_category[post.categories[0].slug], seed)
    for post in (*later.edited, *later.silently_edited):
        n = at[post.post_id]
        post.newer = live[n - 1] if n > 0 else None
        post.older = live[n + 1] if n + 1 < len(live) else None
        post.related = [by_id[r.post_id] for r in post.related if r.post_id in by_id]
        check = post.check_also
        post.check_also = by_id.get(check.post_id) if check is not None else None
