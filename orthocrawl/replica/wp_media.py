"""Images in post content as WordPress writes them: bare ``<img>`` tags (often at the start of
a paragraph), captioned images in the three markups WordPress has used, and the uploads."""

from __future__ import annotations

from random import Random

from .blocks import Block, clean
from .inline import Span, attr
from .slugs import slugify
from .wp_model import Upload

SIZES = ((1200, 800), (1024, 683), (800, 533), (790, 444), (640, 480), (1280, 720))


def upload(rng: Random, origin: str, month: str, stem: str, alt: str,
           attachment_id: int) -> Upload:
    width, height = rng.choice(SIZES)
    name = slugify(stem)[:60].strip("-") or "image"
    return Upload(origin, month, name, width, height, alt, attachment_id)


def img(image: Upload, width: int, css: str) -> str:
    """An ``<img>`` at one of the upload's sizes, with srcset, as the editor inserts it."""
    width = min(width, image.width)
    return (f'<img loading="lazy" decoding="async" class="{css} wp-image-{image.attachment_id}" '
            f'src="{attr(image.sized(width))}" alt="{attr(image.alt)}" width="{width}" '
            f'height="{image.height_at(width)}" srcset="{attr(image.sized(width))} {width}w, '
            f'{attr(image.url)} {image.width}w" sizes="(max-width: {width}px) 100vw, '
            f'{width}px" />')


def captioned(image: Upload, caption: Span | None, markup: str, width: int = 640,
              align: str = "aligncenter", link: bool = False) -> Block:
    """A captioned image; only the caption reads as text.

    markup: "html5" (``figure.wp-caption`` + ``figcaption``, themes with html5 support),
    "xhtml" (``div.wp-caption`` + ``p.wp-caption-text``, older themes) or "block"
    (block editor ``figure.wp-block-image``).
    """
    ident = image.attachment_id
    tag = img(image, width, "size-large" if markup == "block" else f"size-full {align}")
    if link:
        tag = f'<a href="{attr(image.url)}">{tag}</a>'
    text = ""
    if caption is not None:
        image.caption = caption[1]
        text = clean(caption[1])
    if markup == "block":
        cap = "" if caption is None else \
            f'<figcaption class="wp-element-caption">{caption[0]}</figcaption>'
        return Block("figure", f'<figure class="wp-block-image {align} size-large">{tag}{cap}'
                               "</figure>", text, None)
    if caption is None:
        return Block("p", f"<p>{tag}</p>", "", None)
    shown = min(width, image.width)
    if markup == "xhtml":
        return Block("div", f'<div id="attachment_{ident}" style="width: {shown + 10}px" '
                            f'class="wp-caption {align}">{tag}<p class="wp-caption-text">'
                            f"{caption[0]}</p></div>", text, None)
    return Block("figure", f'<figure id="attachment_{ident}" aria-describedby="caption-attachment-'
                           f'{ident}" style="width: {shown}px" class="wp-caption {align}">{tag}'
                           f'<figcaption id="caption-attachment-{ident}" class="wp-caption-text">'
                           f"{caption[0]}</figcaption></figure>", text, None)
