"""Uploaded images: where the file lives, its CDN (Jetpack Photon) URLs, its attachment page."""

from __future__ import annotations

from dataclasses import dataclass

from ..blocks import SELF_URL, Block, clean
from ..inline import Ink, Span, attr
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


def figure(ink: Ink, image: Image, caption: Span | None, classic: bool) -> Block:
    """An in-body image: classic ``figure.wp-caption`` (linked to its attachment page) or a
    block-editor ``figure.wp-block-image``. Only the caption reads as text."""
    ident = image.attachment_id
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
        return Block(
            "figure",
            f'<figure id="attachment_{ident}" aria-describedby="caption-attachment-{ident}" '
            f'style="width: {width}px" class="wp-caption aligncenter">{link}'
            f'<figcaption id="caption-attachment-{ident}" class="wp-caption-text">{caption[0]}'
            f"</figcaption></figure>",
            clean(caption[1]), image)
    img = (f'<img decoding="async" src="{attr(image.resize(780))}" alt="{attr(image.alt)}" '
           f'class="wp-image-{ident}"/>')
    cap = ("" if caption is None else
           f'<figcaption class="wp-element-caption">{caption[0]}</figcaption>')
    text = "" if caption is None else clean(caption[1])
    return Block("figure", f'<figure class="wp-block-image size-large">{img}{cap}</figure>',
                 text, image)
