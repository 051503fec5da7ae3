"""The shared writer's desk (corpus.writer.Writer) with OrthoSpineNews's habits: its in-body
images (through Jetpack's CDN, with classic or block-editor captions) and links back."""

from __future__ import annotations

from ..blocks import OLDER_URL, SELF_URL, Block, clean
from ..corpus.writer import Writer
from ..inline import Ink, Span, attr
from ..slugs import slugify
from ..wp_media import caption_html
from ..wp_model import Upload
from .constants import ORIGIN


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


def figure(ink: Ink, image: Upload, caption: Span | None, classic: bool) -> Block:
    """An in-body image: classic ``figure.wp-caption`` (linked to its attachment page) or a
    block-editor ``figure.wp-block-image``. Only the caption reads as text."""
    ident = image.attachment_id
    text = "" if caption is None else clean(caption[1])
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
        return Block("figure", caption_html("html5", image, link, caption[0], width), text, image)
    img = (f'<img decoding="async" src="{attr(image.resize(780))}" alt="{attr(image.alt)}" '
           f'class="wp-image-{ident}"/>')
    return Block("figure", caption_html("block", image, img, caption and caption[0], 0, ""),
                 text, image)
