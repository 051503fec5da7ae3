"""The densest block of prose on a page: an extractor of its own, independent of trafilatura.

Every leaf block of text (paragraph, list item, heading, cell, a container's loose text) is
prose when it has PROSE_WORDS words or more and links hold less than PROSE_LINKS of them; other
blocks are short or link text. Each element scores the prose words under it minus the other
words under it (times OTHER_WEIGHT); the element with the best score holds the article, and its
blocks, less the link-dense ones, are the candidate body. Cheap (one pass over the leaf blocks,
each added to its ancestors), and it reads a page the way trafilatura does not: the article
split over sibling columns, or paragraphs trafilatura's rules drop, comes out whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from lxml.etree import _Element

from orthocrawl.pages import body as bodytext

_WORD = re.compile(r"\w+")
_MARKUP = re.compile(r"</?[a-z][a-z0-9]*[\s>]")
# Leaf blocks of text (body.py's blocks, and cells of layout tables).
_BLOCKS = bodytext.BLOCK_TAGS | {"li", "td", "th", "dd", "dt", "figcaption"}
_CONTAINERS = bodytext.CONTAINERS | {"form", "span", "font", "center", "td", "li", "table",
                                     "tbody", "tr", "ul", "ol", "blockquote"}
_HEADINGS = bodytext.HEADINGS

# A block is prose from this many words, with links holding less than PROSE_LINKS of them.
PROSE_WORDS = 12
PROSE_LINKS = 0.3
# How much a word of non-prose (links, short lines) under an element counts against it.
OTHER_WEIGHT = 1.0
# Blocks left out of the candidate: links hold this share of their words or more.
LINK_BLOCK = 0.5


@dataclass
class Block:
    element: _Element
    text: str
    words: int
    link_words: int


def _text_of(element: _Element) -> tuple[str, int]:
    """An element's text (block children included) and the words of it inside links."""
    text = etree.tostring(element, method="text", encoding="unicode", with_tail=False)
    links = sum(len(_WORD.findall(etree.tostring(a, method="text", encoding="unicode",
                                                 with_tail=False)))
                for a in element.iter("a"))
    return text, links


def leaf_blocks(root: _Element) -> list[Block]:
    """The leaf blocks under root (blocks with no block inside), in document order; a block
    repeating an earlier one's text (the article rendered twice, for small and large
    screens) is left out."""
    blocks = [e for e in root.iter() if isinstance(e.tag, str) and e.tag in _BLOCKS]
    inner: set[_Element] = set()
    for element in blocks:
        for ancestor in element.iterancestors():
            if ancestor in inner:
                break  # its ancestors are marked already
            inner.add(ancestor)
    found: list[Block] = []
    seen: set[str] = set()
    for element in blocks:
        if element in inner:
            continue
        text, links = _text_of(element)
        normal = bodytext.normalize_space(text)
        words = len(_WORD.findall(normal))
        if words and normal not in seen:
            seen.add(normal)
            found.append(Block(element, normal, words, links))
    return found


def is_prose(block: Block) -> bool:
    """Long enough, few links, and not markup shown as text (a "republish this story" box)."""
    return (block.words >= PROSE_WORDS and block.link_words < PROSE_LINKS * block.words
            and not _MARKUP.search(block.text))


def is_usable(block: Block) -> bool:
    """Whether a block may be part of a body: not mostly links, not markup shown as text."""
    return block.link_words < LINK_BLOCK * block.words and not _MARKUP.search(block.text)


def densest(root: _Element) -> tuple[_Element | None, list[Block]]:
    """The element holding the most prose net of other text, and its blocks (link-dense
    ones left out); (None, []) when the page has no prose at all."""
    blocks = leaf_blocks(root)
    score: dict[_Element, float] = {}
    for block in blocks:
        value = block.words if is_prose(block) else (
            0 if block.element.tag in _HEADINGS else -OTHER_WEIGHT * block.words)
        for ancestor in block.element.iterancestors():
            score[ancestor] = score.get(ancestor, 0.0) + value
    if not score or max(score.values()) <= 0:
        return None, []
    best = max(score, key=score.__getitem__)
    inside = [b for b in blocks if _under(b.element, best) and is_usable(b)]
    return best, inside


def _under(element: _Element, ancestor: _Element) -> bool:
    return any(parent is ancestor for parent in element.iterancestors())


