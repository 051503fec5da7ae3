"""The shared writer's desk (orthocrawl.replica.writing.Writer), with this site's habits:
credited images in the markup of the post's editor era, and its own "as we reported" links."""

from __future__ import annotations

from datetime import datetime
from random import Random

from ..blocks import OLDER_URL, Block
from ..inline import Ink
from ..slugs import slugify
from ..timefmt import local
from ..writing import Writer, person
from . import media, phrases
from .constants import BLOCK_EDITOR_YEAR
from .media import Image

# The device named in a post decides its section.
_AREAS = (("Nail", "trauma"), ("Plating", "extremities"), ("Suture", "sports-medicine"),
          ("Graft", "biologics"), ("Knee", "large-joints"), ("Hip", "large-joints"),
          ("Shoulder", "large-joints"))
MAX_IMAGES = 12  # in-body images per post (ids between posts are spaced for them)


class Desk(Writer):
    """One post's writer: its rng, ink and facts, plus how its editor placed image credits."""

    def __init__(self, rng: Random, ink: Ink, published: datetime, post_id: int) -> None:
        super().__init__(rng, ink, published, post_id)
        self.year = local(published).year
        # The classic editor's habit for this post: caption shortcode, or an italic credit
        # line in its own paragraph or after a line break.
        self.image_style = rng.choice((0, 1, 2, 3))

    def area(self) -> str:
        device = self.facts["device"]
        return next((slug for key, slug in _AREAS if key in device), "spine")

    def credit(self) -> str:
        self.facts["person"] = person(self.rng)
        return self.fill(self.pick(phrases.CREDITS))

    def figure(self, stem: str, caption: str | None, alt: str = "") -> Block:
        if self.images >= MAX_IMAGES:
            return Block("p", "")
        self.images += 1
        name = f"{slugify(stem)[:60].strip('-')}-{self.images}"
        width, height = self.pick(((1200, 800), (900, 600), (800, 533), (640, 480)))
        image = Image(name=name, month=self.month, width=width, height=height, alt=alt,
                      attachment_id=self.post_id + 1 + self.images, credit=self.credit())
        if self.year < BLOCK_EDITOR_YEAR:
            caption = None  # the classic caption field held the credit
        return media.figure(self.ink, image, caption, self.year, self.image_style,
                            linked=self.chance(0.4))

    def older_link(self) -> Block:
        ink = self.ink
        return self.p(ink.join(["As ", ink.a(OLDER_URL, "we reported earlier"),
                                ", the company has been building toward this for some time."]))
