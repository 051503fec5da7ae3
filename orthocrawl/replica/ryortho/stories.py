"""What Orthopedics This Week publishes, from the shared corpus: short breaking news and
long features, courtroom stories, surgeon debates, research roundups, studies, interviews,
FDA and market news; written at this site's desk, whose images carry credit lines."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from random import Random

from ..blocks import OLDER_URL, Block
from ..corpus import stories
from ..corpus.writer import Story, Writer, person
from ..inline import Ink
from ..slugs import slugify
from ..timefmt import local
from ..wp_model import Upload
from . import media
from .constants import BLOCK_EDITOR_YEAR, ORIGIN

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
        return media.figure(self.ink, image, caption, self.year, self.image_style,
                            linked=self.chance(0.4))

    def older_link(self) -> Block:
        ink = self.ink
        return self.p(ink.join(["As ", ink.a(OLDER_URL, "we reported earlier"),
                                ", the company has been building toward this for some time."]))


def sections(w: Desk, story: Story) -> list[str]:
    """The story's categories as this site's sections, primary first."""
    slugs = [_SECTIONS.get(s, "") for s in story.categories]
    return list(dict.fromkeys(w.area() if s == "area" else s for s in slugs if s)) or [w.area()]


KINDS: tuple[tuple[Callable[[Writer], Story], float], ...] = (
    (stories.news, 0.22), (stories.brief, 0.08), (stories.study, 0.1), (stories.interview, 0.06),
    (stories.clearance, 0.1), (stories.report, 0.04), (stories.legal, 0.14),
    (stories.debate, 0.06), (stories.research, 0.1), (stories.essay, 0.1),
)
