"""Turn an article's content element into body blocks, body_text and body_html.

The rules are written down in docs/body-text.md. Chrome must already be removed
from the element (see chrome.py): this module only reads what is left.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import nh3
from lxml import html as lxml_html
from lxml.etree import _Comment, _Element, _ProcessingInstruction

_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_WORD = re.compile(r"\w+")

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements whose text is never body text.
SILENT = frozenset(
    {"script", "style", "noscript", "iframe", "form", "button", "input", "select", "textarea",
     "svg", "template", "object", "embed", "video", "audio", "canvas", "map", "head", "title",
     "meta", "link"}
)
# Block-level elements that are walked into rather than emitted as one block.
CONTAINERS = frozenset(
    {"div", "section", "article", "main", "header", "footer", "aside", "center", "details",
     "dl", "dd", "dt", "body", "html"}
)
BLOCK_TAGS = HEADINGS | CONTAINERS | frozenset(
    {"p", "ul", "ol", "blockquote", "figure", "table", "pre", "hr", "address"}
)

# Tags and attributes kept in body_html (a safe, presentation-free subset).
SAFE_TAGS = {
    "p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "figure", "figcaption",
    "img", "table", "thead", "tbody", "tr", "th", "td", "a", "strong", "em", "b", "i", "br",
    "sub", "sup", "pre", "code",
}
SAFE_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt"}, "td": {"colspan"},
                   "th": {"colspan"}}


def normalize_space(text: str) -> str:
    """Collapse every run of white space (non-breaking included) to one space."""
    return _SPACE.sub(" ", text).strip()


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _tag(el: _Element) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def _raw_text(el: _Element) -> str:
    """An element's text, inline markup flattened, `<br>` as a newline, spaces untouched."""
    parts: list[str] = []

    def walk(node: _Element) -> None:
        if node.text and _tag(node) not in SILENT:
            parts.append(node.text)
        for child in node:
            if isinstance(child, (_Comment, _ProcessingInstruction)):
                pass
            elif _tag(child) == "br":
                parts.append("\n")
            elif _tag(child) not in SILENT:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return "".join(parts)


def _lines(raw: str) -> str:
    lines = (normalize_space(line) for line in raw.split("\n"))
    return "\n".join(line for line in lines if line)


def inline_text(el: _Element) -> str:
    """An element's text with inline markup flattened and `<br>` kept as a newline."""
    return _lines(_raw_text(el))


def _list_block(el: _Element) -> str:
    ordered = _tag(el) == "ol"
    lines: list[str] = []
    for li in el:
        if _tag(li) != "li":
            continue
        text = normalize_space(inline_text(li))
        if text:
            marker = f"{len(lines) + 1}." if ordered else "-"
            lines.append(f"{marker} {text}")
    return "\n".join(lines)


def _table_block(el: _Element) -> str:
    rows = []
    for tr in el.iter("tr"):
        cells = [normalize_space(inline_text(c)) for c in tr if _tag(c) in ("td", "th")]
        if any(cells):
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def iter_blocks(root: _Element) -> Iterator[str]:
    """Yield the text blocks of a content element in document order."""
    loose: list[str] = []  # inline text sitting directly in a container

    def flush() -> Iterator[str]:
        text = _lines("".join(loose))
        loose.clear()
        if text:
            yield text

    def walk(container: _Element) -> Iterator[str]:
        if container.text:
            loose.append(container.text)
        for child in container:
            tag = _tag(child)
            if not tag or tag in SILENT:
                pass
            elif tag == "br":
                loose.append("\n")
            elif tag not in BLOCK_TAGS and not _has_block_child(child):
                loose.append(_raw_text(child))
            else:
                yield from flush()
                yield from block(child, tag)
            if child.tail:
                loose.append(child.tail)
        yield from flush()

    def block(el: _Element, tag: str) -> Iterator[str]:
        if tag in ("p", "address", "pre") or tag in HEADINGS:
            if _has_block_child(el):
                yield from walk(el)
            else:
                text = inline_text(el)
                if text:
                    yield text
        elif tag in ("ul", "ol"):
            text = _list_block(el)
            if text:
                yield text
        elif tag == "table":
            text = _table_block(el)
            if text:
                yield text
        elif tag == "figure":
            for cap in el.iter("figcaption"):
                text = inline_text(cap)
                if text:
                    yield text
        elif tag == "hr":
            return
        else:  # blockquote and generic containers
            yield from walk(el)

    yield from walk(root)


def leading_blocks(root: _Element, count: int | None) -> list[_Element]:
    """The first `count` leaf blocks under root that hold text (paragraphs, headings, ...);
    all of them when count is None."""
    found: list[_Element] = []
    for element in root.iterdescendants():
        tag = _tag(element)
        if tag in BLOCK_TAGS and not _has_block_child(element) and inline_text(element):
            found.append(element)
            if len(found) == count:
                break
    return found


def _has_block_child(el: _Element) -> bool:
    return any(_tag(child) in BLOCK_TAGS for child in el)


def body_text(root: _Element) -> str:
    return "\n\n".join(iter_blocks(root))


def body_html(root: _Element) -> str:
    """The content element as a safe HTML subset (no scripts, styles, classes or ids)."""
    inner = "".join(
        lxml_html.tostring(child, encoding="unicode", with_tail=True) for child in root
    )
    if root.text:
        inner = root.text + inner
    cleaned = nh3.clean(
        inner, tags=SAFE_TAGS, attributes=SAFE_ATTRIBUTES, clean_content_tags=SILENT & {
            "script", "style", "template", "textarea", "noscript"}, link_rel=None,
    )
    return cleaned.strip()
