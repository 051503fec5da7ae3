"""Orthopedics This Week's posts: WordPress posts (wp_model) with the theme's title badge, the
hand-written deck, every writer of the byline, and the blocks Ad Inserter places an ad after."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import wp_model
from ..wp_model import Account


@dataclass(eq=False)
class Post(wp_model.Post):
    flag: str | None = None  # the theme's badge inside the title ("Video", "Debate", "Exclusive")
    deck: str | None = None  # the hand-written excerpt, shown under the title
    writers: list[Account] = field(default_factory=list)  # the byline; the first posted it
    block_html: list[str] = field(default_factory=list)  # the blocks, placeholders resolved
    ad_after: int | None = None  # Ad Inserter's slot goes after this block

    @property
    def credits(self) -> list[str]:
        return [image.credit for image in self.images if image.credit]
