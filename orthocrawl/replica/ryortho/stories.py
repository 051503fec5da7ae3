"""What Orthopedics This Week publishes, from the shared corpus: short breaking news and
long features, courtroom stories, surgeon debates, research roundups, studies, interviews,
FDA and market news; written at this site's desk. Its images (no CDN on this site) carry
credit lines in the markup each editor era gave them.

Every image carries a credit line right under it ("Source: Wikimedia
Commons and ...", "Image created by RRY Publications, LLC", "Courtesy of ..."). Credits are
chrome, never article text. Where the credit sits changed with the editor:

- classic editor before 2016: ``[caption]`` printed as ``div.wp-caption`` with the credit in
  ``p.wp-caption-text``; from 2016 the theme's HTML5 captions, ``figure.wp-caption`` >
  ``figcaption.wp-caption-text``. Either way the caption field held the credit only.
- classic editor without a caption: the credit typed in italics under the image, as its own
  paragraph (``<p><img></p><p><em>credit</em></p>``) or after a line break in the same one.
- block editor (2019 on): ``figure.wp-block-image`` whose figcaption, when there is one, is a
  real caption (article text), then a paragraph with the class ``image-credit``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from random import Random

from ..blocks import OLDER_URL, SELF_URL, Block, clean
from ..corpus import stories
from ..corpus.writer import Story, Writer, person
from ..inline import Ink, attr
from ..text import slugify
from ..timefmt import local
from ..wp_media import caption_html
from ..wp_model import Upload
from .constants import BLOCK_EDITOR_YEAR, HTML5_CAPTION_YEAR, ORIGIN

# The device named in a post decides its section.
_AREAS = (("Nail", "trauma"), ("Plating", "extremities"), ("Suture", "sports-medicine"),
          ("Graft", "biologics"), ("Knee", "large-joints"), ("Hip", "large-joints"))
# A story's generic category -> this site's section ("" drops it; area: the device's).
_SECTIONS = {"research": "research", "business-finance": "business",
             "practice-management": "business", "market-reports": "business",
             "fda": "regulatory", "interviews": "interviews", "legal": "legal",
             "debates": "debates", "spine": "area", "orthopedics": "area"}
MAX_IMAGES = 12  # in-body images per post (ids between posts are spaced for them)
# Credit lines printed under images: chrome, never part of the article text.
CREDITS = ("Source: Wikimedia Commons and {person}", "Source: Wikimedia Commons and {hospital}",
           "Image created by RRY Publications, LLC", "Courtesy of {company}", "Source: {company}",
           "Source: Flickr and {person}",
           "(L to R): {surgeon} and {person} / Courtesy of {hospital}")


class Desk(Writer):
    """One post's writer, with how its editor placed image credits."""

    extras = frozenset({"figure", "older_link"})

    def __init__(self, rng: Random, ink: Ink, published: datetime, post_id: int) -> None:
        super().__init__(rng, ink, published, post_id)
        self.year = local(published).year
        # The classic editor's habit for this post: caption shortcode, or an italic credit
        # line in its own paragraph or after a line break.
        self.image_style = rng.choice((0, 1, 2, 3))

    def area(self) -> str:
        device = self.facts.device.name
        return next((slug for key, slug in _AREAS if key in device), "spine")

    def credit(self) -> str:
        return self.fill(self.pick(CREDITS), person=person(self.rng))

    def figure(self, stem: str, caption: str | None, alt: str = "") -> Block:
        if self.images >= MAX_IMAGES:
            return Block("p", "")
        self.images += 1
        name = f"{slugify(stem)[:60].strip('-')}-{self.images}"
        width, height = self.pick(((1200, 800), (900, 600), (800, 533), (640, 480)))
        image = Upload(ORIGIN, self.month, name, width, height, alt,
                       self.post_id + 1 + self.images, credit=self.credit())
        if self.year < BLOCK_EDITOR_YEAR:
            caption = None  # the classic caption field held the credit
        return figure(self.ink, image, caption, self.year, self.image_style,
                            linked=self.chance(0.4))

    def older_link(self) -> Block:
        ink = self.ink
        return self.p(ink.join(["As ", ink.a(OLDER_URL, "we reported earlier"),
                                ", the company has been building toward this for some time."]))


def _img(image: Upload, width: int, css: str) -> str:
    height = round(image.height * width / image.width)
    return (f'<img decoding="async" class="{css}" src="{attr(image.sized(width))}" '
            f'alt="{attr(image.alt)}" width="{width}" height="{height}" />')


def figure(ink: Ink, image: Upload, caption: str | None, year: int, style: int,
           linked: bool) -> Block:
    """An in-body image with its credit, as the editor of ``year`` wrote it.

    ``style`` picks among the classic editor's forms (0-1 caption shortcode, 2 credit in its own
    paragraph, 3 credit after a line break); ``caption`` is text only the block editor shows.
    """
    ident = image.attachment_id
    credit = ink.t(image.credit or "")[0]
    if year >= BLOCK_EDITOR_YEAR:
        img = (f'<img decoding="async" src="{attr(image.sized(780))}" alt="{attr(image.alt)}" '
               f'class="wp-image-{ident}"/>')
        html = caption_html("block", image, img, caption and ink.t(caption)[0], 0, "")
        if image.credit:
            html += f'\n<p class="image-credit has-small-font-size">{credit}</p>'
        return Block("figure", html, "" if caption is None else clean(caption), image)
    width = min(image.width, 600)
    img = _img(image, width, f"size-full wp-image-{ident}" if style < 2
               else f"aligncenter size-full wp-image-{ident}")
    if linked:
        img = f'<a href="{SELF_URL}{image.name}/">{img}</a>'
    if style == 0 or style == 1:
        markup = "xhtml" if year < HTML5_CAPTION_YEAR else "html5"
        html = caption_html(markup, image, img, credit, width)
    elif style == 2:
        html = f"<p>{img}</p>\n<p><em>{credit}</em></p>"
    else:
        html = f"<p>{img}<br />\n<em>{credit}</em></p>"  # wpautop's line break
    return Block("figure", html, "", image)


def sections(w: Desk, story: Story) -> list[str]:
    """The story's categories as this site's sections, primary first."""
    slugs = [_SECTIONS.get(s, "") for s in story.categories]
    return list(dict.fromkeys(w.area() if s == "area" else s for s in slugs if s)) or [w.area()]


KINDS: tuple[tuple[Callable[[Writer], Story], float], ...] = (
    (stories.news, 0.22), (stories.brief, 0.08), (stories.study, 0.1), (stories.interview, 0.06),
    (stories.clearance, 0.1), (stories.report, 0.04), (stories.legal, 0.14),
    (stories.debate, 0.06), (stories.research, 0.1), (stories.essay, 0.1),
)
