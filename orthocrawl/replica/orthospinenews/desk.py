"""The shared writer's desk (corpus.writer.Writer) with OrthoSpineNews's
habits: its in-body images (Jetpack CDN, classic or block-editor captions) and links back."""

from __future__ import annotations

from ..blocks import OLDER_URL, Block
from ..corpus.writer import Writer
from ..slugs import slugify
from ..wp_model import Upload
from .constants import ORIGIN
from .media import figure


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
