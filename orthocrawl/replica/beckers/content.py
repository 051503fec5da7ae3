"""Turn drafts into articles: era, authors, in-body chrome, description, image, URL, links."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta
from random import Random
from typing import Any

from ..blocks import Block
from ..corpus import cast
from ..inline import Ink
from ..text import excerpt, normalize, slugify, unique_slug
from ..timeline import schedule
from ..wire import Press, plan
from ..wp_model import grouped, neighbours
from . import boilerplate
from .clock import PACE, local
from .constants import EPOCH, JOOMLA_UNTIL, K2_UNTIL, SECTIONS, SITE_NAME
from .model import Article, LeadImage
from .stories import KINDS, TOPICS, Desk, section

_INK_STYLES = {"k2": ((1, 2), (0.4, 0.6)), "joomla": ((0, 1, 2), (0.2, 0.6, 0.2)),
               "modern": ((0, 1), (0.5, 0.5))}
_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.S)


def build_articles(count: int, seed: int) -> list[Article]:
    articles = [draft(i, seed, published, modified, plan(count, seed))
                for i, (published, modified) in enumerate(schedule(count, seed, PACE))]
    assign_paths(articles)
    cross_link(articles, seed)
    return articles


def era_of(published) -> str:
    return "k2" if published < K2_UNTIL else "joomla" if published < JOOMLA_UNTIL else "modern"


def byline(i: int, seed: int) -> tuple[Random, list[str]]:
    """Article ``i``'s page furniture, independent of the words, after its first draw: the
    writers of its byline."""
    page = Random(f"bsr-{seed}-{i}-page")
    return page, page.sample(cast.WRITERS, page.choices((1, 2, 3), (0.8, 0.15, 0.05))[0])


# The Ask Spine Surgeons series names the article's writer; titles are in sentence case.
PRESS = Press(SITE_NAME, "bsr-{seed}-{i}", KINDS, lambda when: _INK_STYLES[era_of(when)], Desk,
              lambda i, seed: 100 + i, lambda count, seed: schedule(count, seed, PACE),
              lambda desk, i, seed: desk.slots.update(writer=byline(i, seed)[1][0]),
              lambda story: setattr(story, "title", story.title[:1].upper() + story.title[1:]))


def draft(i: int, seed: int, published, modified, plan: Any = None) -> Article:
    """Write article ``i`` (0 = newest); its words depend only on ``seed`` and ``i``."""
    story, writer = PRESS.write(plan, i, seed, published)
    page, authors = byline(i, seed)
    era, style = era_of(published), writer.ink.style
    where = section(writer, story)
    topic = "spine surgeons" if story.kind in ("ask", "people") else TOPICS[where]
    pieces = _with_inline_chrome(story.blocks, era, topic, page, i)

    features: set[str] = set()
    created = None
    if era == "joomla":
        if modified != published and page.random() < 0.6:
            features.add("show_modified")
        if page.random() < 0.35:
            features.add("show_created")
            created = published - timedelta(seconds=page.randint(600, 3 * 86400))
    if era == "k2":
        features |= {name for name, p in (("social", 0.7), ("k2_related", 0.5),
                                          ("written_by", 0.3), ("bare_intro", 0.3))
                     if page.random() < p}
    if era == "modern":
        features |= {name for name, p in (("lead_caption", 0.5), ("more_articles", 0.5))
                     if page.random() < p}
    elif page.random() < 0.6:
        features.add("more_articles")
        features.add(f"more_style_{page.randint(0, 1)}")
    if "bare_intro" in features:
        pieces = _bare_intro(pieces)

    body = [p for p in pieces if p.text]
    first = body[0].text if body else ""
    auto = normalize(excerpt(first.replace("\n", " "), 32))
    summary = normalize(story.summary) if story.summary else None
    description: str | None
    if era == "modern":
        description = summary or auto
    elif era == "k2" and page.random() < 0.12:
        description = None
        features.add("no_description")
    else:
        description = (summary if page.random() < 0.5 else None) or auto

    lead = None
    if page.random() < {"modern": 0.8, "joomla": 0.5, "k2": 0.4}[era]:
        width, height = page.choice(((600, 400), (800, 450), (1200, 675), (640, 427)))
        caption = None
        if "lead_caption" in features or (era != "modern" and page.random() < 0.4):
            caption = page.choice((f"Photo courtesy of {story.image_alt}", "Stock photo",
                                   f"{story.image_alt} (file photo)"))
        lead = LeadImage("", width, height, story.image_alt, caption)

    return Article(
        index=i, era=era, kind=story.kind, section=SECTIONS[where], title=story.title,
        item_id=0, published=published, modified=modified, authors=authors, pieces=pieces,
        description=description, lead=lead, ink_style=style, features=frozenset(features),
        created=created, byline_prefix="Written by " if "written_by" in features else "",
        topic=topic, facts=story.facts, role=story.role)


def _with_inline_chrome(pieces: list[Block], era: str, topic: str, page: Random,
                        i: int) -> list[Block]:
    """Ad modules, sign-up prompts and promos the CMS places between paragraphs."""
    out = list(pieces)
    middle = max(1, len(out) // 2)
    if era == "modern":
        if page.random() < 0.7:
            out.insert(min(2, len(out)), boilerplate.ad_slot(i))
        if page.random() < 0.35:
            out.insert(max(1, len(out) - 1), boilerplate.newsletter_prompt())
        if page.random() < 0.15:
            out.insert(middle, boilerplate.webinar_promo(topic))
    elif page.random() < 0.3:
        out.insert(middle, boilerplate.banner_module(1 + i % 9))
    return out


def _bare_intro(pieces: list[Block]) -> list[Block]:
    """An old K2 intro typed without paragraphs: two paragraphs joined by <br /><br />."""
    if len(pieces) < 3 or pieces[0].kind != "p" or pieces[1].kind != "p":
        return pieces
    inner = [_PARAGRAPH.match(p.html) for p in pieces[:2]]
    if not all(inner):
        return pieces
    html = "<br /><br />\n".join(m.group(1) for m in inner if m)
    return [Block("loose", html, f"{pieces[0].text}\n{pieces[1].text}"), *pieces[2:]]


def _item_id(article: Article) -> int:
    """Old CMS ids grow with time (K2 up to ~29,000, Joomla 3 from 30,000)."""
    if article.era == "k2":
        return 1000 + int((article.published - EPOCH).total_seconds() // 5900)
    if article.era == "joomla":
        return 30000 + int((article.published - K2_UNTIL).total_seconds() // 6600)
    return 100000 + int((article.published - JOOMLA_UNTIL).total_seconds() // 1200)


def assign_paths(articles: list[Article]) -> None:
    """Ids, slugs, URLs and image paths, oldest first (a later duplicate slug gets -2)."""
    last_id = 0
    seen: dict[str, set[str]] = {}  # the new CMS's slugs, by section
    for article in reversed(articles):
        article.item_id = last_id = max(_item_id(article), last_id + 1)
        slug = slugify(article.title)[:80].strip("-") or f"article-{article.item_id}"
        section = article.section.slug
        if article.era == "k2":
            article.path = f"/{section}/item/{article.item_id}-{slug}.html"
        elif article.era == "joomla":
            article.path = f"/{section}/{article.item_id}-{slug}.html"
        else:
            slug = unique_slug(slug, seen.setdefault(section, set()))
            article.path = f"/{section}/{slug}/"
        article.slug = slug
        lead = article.lead
        if lead is not None:
            day = local(article.published)
            stem = slugify(lead.alt)[:40].strip("-") or "image"
            if article.era == "k2":
                digest = hashlib.md5(f"Image{article.item_id}".encode()).hexdigest()
                lead.path = f"/media/k2/items/cache/{digest}_XL.jpg"
            elif article.era == "joomla":
                lead.path = f"/images/stories/{day:%Y}/{stem}-{article.item_id}.jpg"
            else:
                lead.path = f"/images/articles/{day:%Y/%m}/{stem}-{article.item_id}.jpg"


def cross_link(articles: list[Article], seed: int) -> None:
    """Prev/next, related articles and the "More articles on ..." list that ends old bodies."""
    by_section = grouped(articles, lambda a: a.section.slug)
    position = {id(a): n for peers in by_section.values() for n, a in enumerate(peers)}
    for article in articles:
        rng = Random(f"bsr-{seed}-{article.index}-links")
        article.newer, article.older = neighbours(articles, article.index)
        peers = by_section[article.section.slug]
        at = position[id(article)]
        near = peers[at + 1:at + 5] + peers[max(0, at - 3):at]
        article.related = near[:rng.randint(3, 4)]
        if "more_articles" in article.features and article.related:
            style = 2 if article.era == "modern" else (
                1 if "more_style_1" in article.features else 0)
            article.pieces.append(boilerplate.more_articles(
                article, article.topic, style, Ink(1)))
