"""Uploaded images (no CDN on this site) and the markup each editor era gave them.

The site's convention: every image carries a credit line right under it ("Source: Wikimedia
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

from ..blocks import SELF_URL, Block, clean
from ..inline import Ink, attr
from ..wp_media import caption_html
from ..wp_model import Upload
from .constants import BLOCK_EDITOR_YEAR, HTML5_CAPTION_YEAR


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
