"""OrthoSpineNews's posts (WordPress posts, wp_model, with what the Jannah theme shows besides)
and turning stories into them: the desk (the shared writer's, with OrthoSpineNews's in-body images
through Jetpack's CDN and links back), accounts, bylines, images, page features, URLs and
cross-links."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from random import Random
from typing import Any

from .. import wp_model
from ..blocks import OLDER_URL, SELF_URL, Block, clean, paragraph
from ..constants import TODAY
from ..corpus import cast, parts, stories
from ..corpus.writer import Story, Writer
from ..inline import Ink, Span, attr
from ..text import excerpt, slugify
from ..timefmt import local
from ..timeline import post_id, schedule
from ..wire import Press, plan
from ..wp_media import caption_html
from ..wp_model import TagBook, Upload, comments, grouped, neighbours, permalinks, resolve
from .constants import ACCOUNTS as ACCOUNT_ROWS
from .constants import CATEGORIES as CATEGORY_ROWS
from .constants import ORIGIN, SITE_NAME, VARIANTS


@dataclass(eq=False)
class Post(wp_model.Post):
    source_url: Any = None  # where the Source block links (a function: a URL known later)
    via: tuple[str, str] | None = None  # (outlet, link) of a "Via" block
    highlights: list[str] = field(default_factory=list)  # the Story Highlights box
    check_also: Post | None = None


class Desk(Writer):
    extras = frozenset({"figure", "surgeon_quote", "older_link", "spacer", "forward", "contact",
                        "source_line", "things"})

    def older_link(self) -> Block:
        ink = self.ink
        lead = self.pick(("OrthoSpineNews ", "We "))
        return self.p(ink.join([lead, ink.a(OLDER_URL, "previously reported"),
                                " on the company’s earlier milestones."]))

    def figure(self, stem: str, caption: str | None, alt: str = "") -> Block:
        self.images += 1
        name = f"{slugify(stem)[:60].strip('-')}-{self.images}"
        width, height = self.pick(((790, 559), (800, 450), (1024, 683), (640, 427)))
        image = Upload(ORIGIN, self.month, name, width, height, alt,
                       self.post_id + 3 + self.images, cdn=self.rng.randint(0, 2))
        cap = None if caption is None else self.ink.t(caption)
        return figure(self.ink, image, cap, classic=self.chance(0.6))


def figure(ink: Ink, image: Upload, caption: Span | None, classic: bool) -> Block:
    """An in-body image: classic ``figure.wp-caption`` (linked to its attachment page) or a
    block-editor ``figure.wp-block-image``. Only the caption reads as text."""
    ident = image.attachment_id
    text = "" if caption is None else clean(caption[1])
    if caption is not None:
        image.caption = caption[1]
    if classic:
        width = min(image.width, 640)
        img = (f'<img loading="lazy" decoding="async" class="size-full wp-image-{ident}" '
               f'src="{attr(image.resize(width))}" alt="{attr(image.alt)}" width="{width}" '
               f'height="{round(image.height * width / image.width)}" '
               f'srcset="{attr(image.resize(width))} {width}w, {attr(image.resize(300))} 300w" '
               f'sizes="(max-width: {width}px) 100vw, {width}px" />')
        link = f'<a href="{SELF_URL}attachment/{image.name}/">{img}</a>'
        if caption is None:
            return Block("figure", f'<figure id="attachment_{ident}" style="width: {width}px" '
                                   f'class="wp-caption aligncenter">{link}</figure>', "", image)
        return Block("figure", caption_html("html5", image, link, caption[0], width), text, image)
    img = (f'<img decoding="async" src="{attr(image.resize(780))}" alt="{attr(image.alt)}" '
           f'class="wp-image-{ident}"/>')
    return Block("figure", caption_html("block", image, img, caption and caption[0], 0, ""),
                 text, image)


KINDS: tuple[tuple[Callable[[Writer], Story], float], ...] = (
    (stories.release, 0.22), (stories.clearance, 0.12), (stories.interview, 0.14),
    (stories.report, 0.07), (stories.news, 0.22), (stories.people, 0.05), (stories.study, 0.09),
    (stories.brief, 0.06), (stories.roundup, 0.03),
)
PRESS = Press(SITE_NAME, "{seed}-{i}", KINDS, ((0, 1, 2), (0.25, 0.65, 0.1)), Desk, post_id,
              schedule)

ACCOUNTS = [wp_model.Account(name, slug, ORIGIN, bio, social)
            for name, slug, _, bio, social in ACCOUNT_ROWS]
_ACCOUNT_WEIGHTS = [share for _, _, share, _, _ in ACCOUNT_ROWS]
CATEGORIES = {slug: wp_model.Term(name, slug, "category", 2 + n, ORIGIN, desc)
              for n, (name, slug, desc) in enumerate(CATEGORY_ROWS)}


def build_posts(count: int, seed: int) -> tuple[list[Post], TagBook]:
    tags = TagBook(ORIGIN, 100)
    posts = [draft(i, seed, published, modified, tags, plan=plan(count, seed))
             for i, (published, modified) in enumerate(schedule(count, seed))]
    assign_paths(posts)
    cross_link(posts, seed)
    return posts, tags


def _byline(ink: Ink, names: list[str], rng: Random) -> Block:
    if len(names) == 2:
        line = f"By {names[0]} and {names[1]}"
    elif rng.random() < 0.4:
        line = f"Written by  {names[0]}"  # two spaces, as the site prints it
    else:
        line = f"By {names[0]}"
    span = ink.t(line)
    wrap = rng.random()
    if wrap < 0.2:
        span = ink.i(span)
    elif wrap < 0.3:
        span = ink.b(span)
    return paragraph(span)


def draft(i: int, seed: int, published, modified, tags: TagBook,
          now: datetime = TODAY, plan: Any = None) -> Post:
    """Write post ``i`` (0 = newest); its words depend only on ``seed`` and ``i``.

    ``now`` is the site's clock (no comment is later); posts of a later state have ``i < 0``;
    ``plan`` puts the post on the wire (wire_plan.py)."""
    story, writer = PRESS.write(plan, i, seed, published)
    ink, pid = writer.ink, writer.post_id
    page = Random(f"{seed}-{i}-page")  # page furniture, independent of the words
    account = page.choices(ACCOUNTS, _ACCOUNT_WEIGHTS)[0]

    bylines: list[str] = []
    byline_block = None
    source = via = None
    if story.syndicated:
        bylines = story.bylines or page.sample(cast.WRITERS, 2 if page.random() < 0.15 else 1)
        byline_block = _byline(ink, bylines, page)
        outlet = page.choice(cast.OUTLETS)
        if story.source or page.random() < 0.85:
            source = (story.source, story.source_url) if story.source else (
                outlet[0], f"{outlet[1]}{outlet[2]}{slugify(story.title)[:70]}.html")
    elif page.random() < 0.03:  # the editor's own byline: still not body text
        bylines = [account.name]
        byline_block = _byline(ink, bylines, page)
    if story.wire and page.random() < 0.5:
        source = story.wire
    if source is None and page.random() < 0.05:
        outlet = page.choice(cast.OUTLETS)
        via = (outlet[0], outlet[1] + "/")

    categories = [CATEGORIES[s] for s in dict.fromkeys(story.categories)]
    if page.random() < 0.05 and CATEGORIES["featured"] not in categories:
        categories.append(CATEGORIES["featured"])

    images = [b.image for b in story.blocks if b.image is not None]
    lead = None
    if page.random() < 0.85:
        width, height = page.choice(((790, 559), (790, 444), (800, 533), (1024, 683)))
        lead = Upload(ORIGIN, f"{local(published):%Y/%m}",
                      slugify(story.image_stem)[:50].strip("-") or "featured", width, height,
                      story.image_alt, pid + 1, cdn=page.randint(0, 2))
        if page.random() < 0.5:
            lead.caption = page.choice((
                f"Photo courtesy of {story.image_alt}", "Image: OrthoSpineNews file photo",
                f"{story.image_alt} (stock image)"))
        images.insert(0, lead)

    body_text = "\n\n".join(b.text for b in story.blocks if b.text)
    description = story.summary or _auto_excerpt(byline_block, body_text)

    year = local(published).year
    features = {name for name, p in (
        ("author_box", 0.75), ("highlights", 0.12), ("shortlink", 0.35), ("check_also", 0.85),
        ("sharedaddy", 0.7 if year <= 2019 else 0.15), ("jp_related", 0.4 if year <= 2020 else 0),
        ("printfriendly", 0.45 if year >= 2014 else 0), ("mc4wp", 0.3 if year >= 2018 else 0),
        ("addtoany", 0.5 if 2017 <= year <= 2022 else 0.1)) if page.random() < p}
    if "sharedaddy" in features and page.random() < 0.6:
        features.add("likes")

    comments_open = page.random() < 0.75
    said = comments(page, pid, published, now, 5, (20, 6000), parts.COMMENTS) \
        if page.random() < 0.45 else []
    if not comments_open and not said and page.random() < 0.5:
        features.add("no_comments_block")

    highlights = []
    if "highlights" in features:
        highlights = [writer.fill(h) for h in page.sample(parts.HIGHLIGHTS, 3)]

    return Post.of(
        story, SITE_NAME, ORIGIN, i, pid, (published, modified), tags, 90, account=account,
        categories=categories, description=description, ink_style=ink.style, bylines=bylines,
        byline_block=byline_block, lead=lead, lead_image=lead.fit() if lead else None,
        images=images, source=source[0] if source else None,
        source_url=source[1] if source else None, via=via, highlights=highlights, comments=said,
        comments_open=comments_open, views=int(page.paretovariate(1.2) * 180) + page.randint(0, 90),
        features=frozenset(features))


def _auto_excerpt(byline: Block | None, body_text: str) -> str:
    """Yoast's fallback description: the start of the stripped content, byline included."""
    text = (byline.text + " " if byline else "") + body_text
    return clean(excerpt(text, 28).replace("\n", " "))


def assign_paths(posts: list[Post]) -> None:
    """Date permalinks; two old posts have slug-only ones, with a ``-2`` in the slug."""
    count = len(posts)
    slug_only = {count - 1, count - 3} if count >= 10 else set()
    for post in posts:
        if post.index in slug_only:
            post.slug = (post.slug or f"post-{post.post_id}") + "-2"
    permalinks(posts, lambda p: f"/{p.slug}/" if p.index in slug_only else
               f"/{local(p.published):%Y/%m/%d}/{p.slug}/", "{url}attachment/{name}/")


def cross_link(posts: list[Post], seed: int) -> None:
    """Prev/next, related posts, "Check Also", in-body links to older posts; final body HTML."""
    by_category = grouped(posts)
    for post in posts:
        link_post(post, posts, post.index, by_category[post.categories[0].slug], seed)


def link_post(post: Post, posts: list[Post], at_post: int, peers: list[Post], seed: int) -> None:
    """Link ``post``, at ``posts[at_post]``, to its neighbours; ``peers`` share its category."""
    rng = Random(f"{seed}-{post.index}-links")
    count = len(posts)
    post.newer, post.older = neighbours(posts, at_post)
    at = bisect_left(peers, post.index, key=lambda p: p.index)  # newest first, as posts
    near = peers[max(0, at - 3):at] + peers[at + 1:at + 4]
    post.related = near[:rng.randint(3, 5)] if near else []
    others = [p for p in (peers[at + 4:at + 12] or posts[:8]) if p is not post]
    post.check_also = rng.choice(others) if others else None
    target = posts[min(count - 1, at_post + rng.randint(1, 40))]
    older = VARIANTS.link(target, f"older-{post.post_id}") if target is not post else post.url
    resolve(post, older)

