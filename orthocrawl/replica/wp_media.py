"""Images in post content as WordPress writes them: bare ``<img>`` tags (often at the start of
a paragraph), captioned images in the three markups WordPress has used, and the uploads."""

from __future__ import annotations

from random import Random

from .blocks import Block, clean
from .inline import Span, attr
from .text import slugify
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


def caption_html(markup: str, image: Upload, tag: str, caption: str | None, width: int,
                 align: str = "aligncenter") -> str:
    """An image tag with its caption in one of WordPress's markups: "html5"
    (``figure.wp-caption`` + ``figcaption``), "xhtml" (``div.wp-caption`` +
    ``p.wp-caption-text``, older themes) or "block" (``figure.wp-block-image``)."""
    ident = image.attachment_id
    if markup == "block":
        cap = "" if caption is None else \
            f'<figcaption class="wp-element-caption">{caption}</figcaption>'
        css = " ".join(filter(None, ("wp-block-image", align, "size-large")))
        return f'<figure class="{css}">{tag}{cap}</figure>'
    if markup == "xhtml":
        return (f'<div id="attachment_{ident}" style="width: {width + 10}px" class="wp-caption '
                f'{align}">{tag}<p class="wp-caption-text">{caption}</p></div>')
    return (f'<figure id="attachment_{ident}" aria-describedby="caption-attachment-{ident}" '
            f'style="width: {width}px" class="wp-caption {align}">{tag}<figcaption id="caption-'
            f'attachment-{ident}" class="wp-caption-text">{caption}</figcaption></figure>')


def captioned(image: Upload, caption: Span | None, markup: str, width: int = 640,
              align: str = "aligncenter", link: bool = False) -> Block:
    """A captioned image (see caption_html); only the caption reads as text."""
    tag = img(image, width, "size-large" if markup == "block" else f"size-full {align}")
    if link:
        tag = f'<a href="{attr(image.url)}">{tag}</a>'
    text = ""
    if caption is not None:
        image.caption = caption[1]
        text = clean(caption[1])
    if caption is None and markup != "block":
        return Block("p", f"<p>{tag}</p>", "", None)
    html = caption_html(markup, image, tag, caption and caption[0], min(width, image.width), align)
    return Block("div" if markup == "xhtml" else "figure", html, text, None)
