"""The body model: typed blocks that render to WordPress HTML and to body_text together.

Each block's ``text`` follows docs/body-text.md exactly; ``""`` means the block adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .inline import Span, attr

# Placeholder for the post's own canonical URL inside body HTML (filled in once URLs exist).
SELF_URL = "\x00SELF\x00"
# Placeholder for a link to an older post ("as previously reported").
OLDER_URL = "\x00OLDER\x00"


@dataclass(slots=True)
class Block:
    kind: str  # p, h2, h3, h4, ul, ol, blockquote, figure, table, embed, div, chrome
    html: str
    text: str = ""
    image: Any = None  # the upload an image block shows (each replica has its own kind)
    # Chrome an editor or the CMS put among the blocks (no text): its visible lines.
    chrome: tuple[str, ...] = ()


def clean(text: str) -> str:
    """Whitespace rule of body-text.md: lines collapse and strip; empty lines go."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def paragraph(span: Span, css: str = "", docs_spans: bool = False) -> Block:
    html, text = span
    if docs_spans:  # pasted from an online editor: every run wrapped in a styled span
        html = f'<span style="font-weight: 400;">{html}</span>'
    cls = f' class="{css}"' if css else ""
    return Block("p", f"<p{cls}>{html}</p>", clean(text))


def spacer() -> Block:
    """``<p>&nbsp;</p>``: an empty paragraph, no block."""
    return Block("p", "<p>&nbsp;</p>")


def heading(level: int, span: Span, anchor: str = "") -> Block:
    html, text = span
    ident = f' id="{anchor}"' if anchor else ""
    css = ' class="wp-block-heading"' if anchor else ""
    return Block(f"h{level}", f"<h{level}{ident}{css}>{html}</h{level}>", clean(text))


def item_list(items: list[Span], ordered: bool = False, css: str = "") -> Block:
    tag = "ol" if ordered else "ul"
    cls = f' class="{css}"' if css else ""
    html = "".join(f"<li>{h}</li>" for h, _ in items)
    lines = [" ".join(t.split()) for _, t in items]
    marks = [f"{n}." if ordered else "-" for n in range(1, len(lines) + 1)]
    text = "\n".join(f"{m} {line}" for m, line in zip(marks, lines, strict=True))
    return Block(tag, f"<{tag}{cls}>\n{html}\n</{tag}>", text)


def quote(paragraphs: list[Span], css: str = "") -> Block:
    cls = f' class="{css}"' if css else ""
    inner = "".join(f"<p>{h}</p>" for h, _ in paragraphs)
    text = "\n\n".join(clean(t) for _, t in paragraphs)
    return Block("blockquote", f"<blockquote{cls}>{inner}</blockquote>", text)


def table(rows: list[list[Span]], head: bool = True, css: str = "") -> Block:
    cls = f' class="{css}"' if css else ""
    parts = [f"<table{cls}>"]
    body = rows
    if head:
        parts.append("<thead><tr>" + "".join(f"<th>{h}</th>" for h, _ in rows[0]) + "</tr></thead>")
        body = rows[1:]
    parts.append("<tbody>")
    parts.extend("<tr>" + "".join(f"<td>{h}</td>" for h, _ in row) + "</tr>" for row in body)
    parts.append("</tbody></table>")
    text = "\n".join(" | ".join(" ".join(t.split()) for _, t in row) for row in rows)
    return Block("table", "".join(parts), text)


def embed(video_id: str, title: str, style: int) -> Block:
    """A video embed: block-editor figure, a bare iframe in a paragraph, or Jetpack's span."""
    frame = (f'<iframe title="{attr(title)}" width="780" height="439" '
             f'src="https://www.youtube.com/embed/{video_id}?feature=oembed" frameborder="0" '
             'allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; '
             'picture-in-picture; web-share" allowfullscreen></iframe>')
    if style == 0:
        html = ('<figure class="wp-block-embed is-type-video is-provider-youtube '
                'wp-block-embed-youtube wp-embed-aspect-16-9 wp-has-aspect-ratio">'
                f'<div class="wp-block-embed__wrapper">\n{frame}\n</div></figure>')
    elif style == 1:
        html = f"<p>{frame}</p>"
    else:
        html = (f'<p><span class="embed-youtube" style="text-align:center; display: block;">'
                f"{frame}</span></p>")
    return Block("embed", html)
