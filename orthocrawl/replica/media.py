"""Uploaded images: where the file lives, its CDN (Jetpack Photon) URLs, its attachment page."""

from __future__ import annotations

from dataclasses import dataclass

from .constants import CANONICAL_HOST, ORIGIN


@dataclass(slots=True)
class Image:
    name: str  # file stem, e.g. "corvane-spine-trellan-cage"
    month: str  # upload folder, "2016/08"
    width: int
    height: int
    alt: str
    attachment_id: int
    cdn: int = 0  # i0 / i1 / i2.wp.com
    caption: str | None = None  # caption text, when the image has one
    page_url: str | None = None  # attachment page, set once the post's URL is known

    @property
    def upload_url(self) -> str:
        return f"{ORIGIN}/wp-content/uploads/{self.month}/{self.name}.jpg"

    @property
    def title(self) -> str:
        return self.name.replace("-", " ").title()

    def cdn_url(self, query: str) -> str:
        path = f"{CANONICAL_HOST}/wp-content/uploads/{self.month}/{self.name}.jpg"
        return f"https://i{self.cdn}.wp.com/{path}?{query}"

    def fit(self) -> str:
        """The og:image form: ``...jpg?fit=790%2C559&ssl=1``."""
        return self.cdn_url(f"fit={self.width}%2C{self.height}&ssl=1")

    def resize(self, width: int) -> str:
        height = round(self.height * width / self.width)
        return self.cdn_url(f"resize={width}%2C{height}&ssl=1")
