"""The body of a page nobody wrote a page object for: one extractor's answer, checked.

The main candidate is trafilatura (its balanced defaults) on the page without its chrome
(mainbody.py). It is then held against candidates that do not share its failures:

1. The page's own blocks (density.py). Each block of the cleaned page that the main text
   holds marks where the article is; the deepest element holding MAIN_COVER of those words
   is the article's container. Prose of that container that the main text skipped *between*
   its first and last block (a table, a box, a section trafilatura judged chrome) is put
   back: the span from the first to the last block wins.
   Prose between the headline and the main text's first block (LEDE_BLOCKS paragraphs or
   more, a box of opening paragraphs above a long body) is put before it.
2. The whole page: when cleaning removed much of the page's prose and the body holds little
   of it, or the body is next to nothing, trafilatura runs again on the uncleaned page (the
   costly candidate, on few pages), and wins when it is PAGE_GROWTH times as long.
3. The densest block of prose, when everything else came back (almost) empty.
4. Agreement: when the densest block is FRAGMENT_GROWTH times the body, trafilatura's recall
   mode runs on the uncleaned page, and wins when it holds both the body and the densest
   block and is as much longer.
5. What the page declares (JSON-LD articleBody, declared.py), when the body is a fragment
   of it.

Thresholds were set on ../shared/bench/wcxb-dev and held on ../shared/bench/extraction
(`python benchmarks/generic.py`); the figure behind each is in its comment.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lxml import etree
from lxml.etree import _Element

from orthocrawl.pages import body as bodytext
from orthocrawl.pages.declared import reconcile
from orthocrawl.pages.density import Block, densest, is_prose, is_usable, leaf_blocks
from orthocrawl.pages.mainbody import clean_tree, drop_title, main_element
from orthocrawl.similarity import share, tokens

# The article's container holds this share of the main text's matched words (0.8 to 0.95
# give the same figures on both sets).
MAIN_COVER = 0.9
# Skipped prose inside the main text's span is put back from this share of the main text's
# words: wcxb-dev body F1 0.935 -> 0.946 (71 of 711 articles), the extraction set 0.975 ->
# 0.975; 0.2 gives 0.945, 0.5 gives 0.938.
SPAN_PROSE = 0.1
# Prose of the container before or after the main text's span, from this share of its words,
# means the main text is one part of the article: the whole container wins (3 pages of
# wcxb-dev, among them two whole-page failures; 1.0 or 2.0 give the same).
OUTER_PROSE = 0.5
# A body under this many words is next to nothing: the page and the densest block are asked.
MIN_BODY_WORDS = 50
# Cleaning "removed much prose" when the cleaned page keeps less than KEPT_PROSE of the raw
# page's prose words, and the body holds less than BODY_PROSE of them; the uncleaned page's
# candidate then wins from PAGE_GROWTH times the body's words. On wcxb-dev this flags 15 of
# 891 pages and takes body F1 0.946 -> 0.950, failures 14 -> 10 (0.5 / 0.5 / 2: the same).
KEPT_PROSE = 0.7
BODY_PROSE = 0.5
PAGE_GROWTH = 2.0
# The body is a fragment of the article when the densest block has FRAGMENT_GROWTH times its
# words and trafilatura's recall mode, as long, holds HOLDS_BODY of the body's words and
# HOLDS_DENSEST of the densest block's: two independent readings agree that the article is
# longer. trafilatura's recall mode reads the uncleaned page (on the cleaned one it chose the
# same fragment again). On wcxb-dev it runs on about 1 page in 50 and takes the tuning half
# 0.9468 -> 0.9503 (failures 7 -> 5: two guides whose body was their last section), the
# check half 0.9565 -> 0.9565, the extraction set 0.9754 -> 0.9754 (no page changed).
FRAGMENT_GROWTH = 2.0
HOLDS_BODY = 0.9
HOLDS_DENSEST = 0.7
# Prose between the headline and the body's first block opens the article when it is at
# most this share of the body's words (more is another part of the page).
LEDE_SHARE = 0.5
# ... and holds this many paragraphs of prose: one or two are the standfirst under the
# headline, which the article's text leaves out (with one the extraction set fell 0.9754 ->
# 0.9704, and 26 of its 27 changed pages lost). With three, 11 wcxb-dev articles change:
# tuning half F1 0.9502 -> 0.9503, with% 0.8792 -> 0.8799, failures 5 -> 4; check half
# 0.9565 -> 0.9567, with% 0.8584 -> 0.8597; the extraction set unchanged.
LEDE_BLOCKS = 3
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class Body:
    """The chosen body as an HTML element (None: nothing), and which candidate it came from:
    "main", "span", "container", "page", "densest", "recall" or "declared"."""

    root: _Element | None
    source: str
    page_words: int = 0         # words of the page's blocks (the page as parsed)
    page_link_words: int = 0    # ... of them inside links


def generic_body(root: _Element, url: str, titles: Iterable[str] = (),
                 chrome_selectors: Sequence[str] = (), declared: Sequence[str] = ()) -> Body:
    """The page's article body, chosen among the candidates (`root` is left untouched)."""
    titles = list(titles)
    tree = clean_tree(root, url, chrome_selectors)
    blocks = leaf_blocks(tree)
    main = main_element(copy.deepcopy(tree), url, precision=False)
    if main is not None:
        drop_title(main, titles)
    chosen = _with_lede(_within_container(main, blocks, titles), blocks)
    raw_blocks = leaf_blocks(root)
    if declared and (chosen.root is None
                     or reconcile(chosen.root, list(declared)) == "declared"):
        chosen = Body(_paragraphs(declared), "declared")
    else:
        chosen = _safety_nets(chosen, root, url, titles, tree, blocks, raw_blocks)
    chosen.page_words = sum(b.words for b in raw_blocks)
    chosen.page_link_words = sum(b.link_words for b in raw_blocks)
    return chosen


def _safety_nets(chosen: Body, root: _Element, url: str, titles: list[str], tree: _Element,
                 blocks: list[Block], raw_blocks: list[Block]) -> Body:
    """The uncleaned page's candidate when cleaning lost the article, the densest block when
    everything came back (almost) empty."""
    words = _words(chosen.root)
    raw_prose = sum(b.words for b in raw_blocks if is_prose(b))
    page_prose = sum(b.words for b in blocks if is_prose(b))
    lost_prose = page_prose < KEPT_PROSE * raw_prose and words < BODY_PROSE * raw_prose
    if lost_prose or words < MIN_BODY_WORDS:
        whole = main_element(copy.deepcopy(root), url, precision=False)
        if whole is not None:
            drop_title(whole, titles)
            found = _words(whole)
            if found >= MIN_BODY_WORDS and found >= PAGE_GROWTH * words:
                chosen, words = Body(whole, "page"), found
    _, dense = densest(tree)
    found = sum(b.words for b in dense)
    if words < MIN_BODY_WORDS:
        if found >= MIN_BODY_WORDS and found > words:
            chosen = Body(_blocks_html(dense, titles), "densest")
    elif found >= FRAGMENT_GROWTH * words:
        chosen = _agreed(chosen, words, dense, root, url, titles)
    return chosen


def _agreed(chosen: Body, words: int, dense: list[Block], root: _Element, url: str,
            titles: list[str]) -> Body:
    """trafilatura's recall mode, when the densest block is much longer than the body, and
    both say the body is a fragment: it holds the body and most of the densest block, and is
    FRAGMENT_GROWTH times as long."""
    wider = main_element(copy.deepcopy(root), url, precision=False, recall=True)
    if wider is None:
        return chosen
    drop_title(wider, titles)
    found = Counter(tokens(bodytext.body_text(wider).lower()))
    if sum(found.values()) < FRAGMENT_GROWTH * words:
        return chosen
    body = Counter(tokens(bodytext.body_text(chosen.root).lower()))  # type: ignore[arg-type]
    block = Counter(tokens(" ".join(b.text for b in dense).lower()))
    if share(body, found) >= HOLDS_BODY and share(block, found) >= HOLDS_DENSEST:
        return Body(wider, "recall")
    return chosen


def _within_container(main: _Element | None, blocks: list[Block],
                      titles: list[str]) -> Body:
    """The main text, or the span of its container's blocks from its first block to its last
    when that span holds prose the main text skipped."""
    if main is None:
        return Body(None, "main")
    text = bodytext.body_text(main)
    key = f" {_key(text)} "
    matched = [b for b in blocks if (k := _key(b.text)) and f" {k} " in key]
    total = sum(b.words for b in matched)
    if not total:
        return Body(main, "main")
    held: dict[_Element, int] = {}
    depth: dict[_Element, int] = {}
    for block in matched:
        for level, ancestor in enumerate(reversed(list(block.element.iterancestors()))):
            held[ancestor] = held.get(ancestor, 0) + block.words
            depth[ancestor] = level
    container = max((e for e, w in held.items() if w >= MAIN_COVER * total),
                    key=depth.__getitem__)
    inside = [b for b in blocks if is_usable(b) and _is_under(b.element, container)]
    hits = [b in matched for b in inside]
    if True not in hits:
        return Body(main, "main")
    first, last = hits.index(True), len(hits) - 1 - hits[::-1].index(True)
    span = inside[first:last + 1]
    main_words = len(tokens(text))

    def prose(part: list[Block], part_hits: list[bool]) -> int:
        return sum(b.words for b, hit in zip(part, part_hits, strict=True)
                   if not hit and is_prose(b))

    skipped = prose(span, hits[first:last + 1])
    outside = max(prose(inside[:first], hits[:first]), prose(inside[last + 1:], hits[last + 1:]))
    if (main_words < MIN_BODY_WORDS and outside + skipped > 2 * main_words) or (
            outside >= OUTER_PROSE * main_words):
        return Body(_blocks_html(inside, titles), "container")
    if skipped >= SPAN_PROSE * main_words:
        return Body(_blocks_html(span, titles), "span")
    return Body(main, "main")


def _with_lede(chosen: Body, blocks: list[Block]) -> Body:
    """The body with the prose between the headline and its first block put before it:
    the article's opening paragraphs, which trafilatura leaves out when they sit in a box of
    their own above a long body ("summary", "intro")."""
    if chosen.root is None:
        return chosen
    headline = next((i for i, b in enumerate(blocks) if b.element.tag == "h1"), None)
    if headline is None:
        return chosen
    key = f" {_key(bodytext.body_text(chosen.root))} "
    first = next((i for i, b in enumerate(blocks) if i > headline
                  and (k := _key(b.text)) and f" {k} " in key), None)
    if first is None:
        return chosen
    lede = [b for b in blocks[headline + 1:first] if is_prose(b)]
    if len(lede) < LEDE_BLOCKS or sum(b.words for b in lede) > LEDE_SHARE * _words(chosen.root):
        return chosen
    div = _blocks_html(lede, [])
    div.append(chosen.root)
    return Body(div, chosen.source)


def _is_under(element: _Element, ancestor: _Element) -> bool:
    return any(parent is ancestor for parent in element.iterancestors())


def _key(text: str) -> str:
    return " ".join(tokens(text.lower()))


def _words(root: _Element | None) -> int:
    return bodytext.word_count(bodytext.body_text(root)) if root is not None else 0


def _blocks_html(blocks: Iterable[Block], titles: list[str]) -> _Element:
    """Blocks of the page as a body: headings stay headings, the rest are paragraphs."""
    div = etree.Element("div")
    for block in blocks:
        tag = block.element.tag
        element = etree.SubElement(div, "h2" if tag == "h1" else (
            tag if tag in bodytext.HEADINGS else "p"))
        element.text = _xml_safe(block.text)
    drop_title(div, titles)
    return div


def _paragraphs(blocks: Sequence[str]) -> _Element:
    div = etree.Element("div")
    for block in blocks:
        etree.SubElement(div, "p").text = _xml_safe(block)
    return div


def _xml_safe(text: str) -> str:
    """Text without the control characters an XML tree refuses."""
    return _CONTROL.sub("", text)
