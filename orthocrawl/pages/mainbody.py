"""The main text of a page nobody wrote a page object for.

trafilatura (favor_precision, comments off) finds the main content. Before it runs, the
page's own chrome is taken out of a copy of the DOM: comments, the elements trafilatura
would drop anyway (head, header, nav, aside, footer, figure, ...), the selectors a site names,
elements whose class or id names chrome (chrome.py's generic markers and a few of news
sites' own, unless the element holds much of the page's text), and paragraphs or lists
that are mostly links to the same site ("Read more: ...", related stories). After it, a
leading block that repeats the title goes. The result is an HTML element that body.py
turns into body_text and body_html like any page object's content element.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

import trafilatura
from lxml import etree
from lxml.etree import _Element

from orthocrawl.pages import body as bodytext
from orthocrawl.pages.chrome import CHROME_MARKERS, CONTENT_MARKERS, drop, remove_chrome

# trafilatura's internal XML -> the HTML tags body.py reads.
_HTML_TAGS = {"head": "h2", "item": "li", "quote": "blockquote", "lb": "br", "code": "pre",
              "row": "tr", "cell": "td", "hi": "span", "ref": "span", "graphic": "img",
              "del": "span"}
_WORD = re.compile(r"\w+")
_NEWLINES = re.compile(r"\s*\n\s*")
# Characters beside inline code that need no space between: white space, brackets, stops.
_OPENING = frozenset(" \t\n\u00a0([{/")
_CLOSING = frozenset(" \t\n\u00a0)]}/,.;:!?")
_SENTENCE_END = frozenset(".!?:\"”'’")

# An element whose class/id names chrome stays when it holds more than this share of the
# page's text (it is then a wrapper of the article, e.g. <div class="has-sidebar">).
MAX_CHROME_SHARE = 0.2
# A paragraph or list goes when links to the same site hold this share of its text.
MAX_LINK_DENSITY = 0.6
# A first block that starts the title ("Title" of "Title | Site") has at least this many words.
MIN_TITLE_WORDS = 4


def _any_of(words: Iterable[str]) -> re.Pattern[str]:
    """A regex matching any of the (lower-case) words, grouped by first letter: many times
    faster than a flat alternation or re.I."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return re.compile("|".join(f"{re.escape(first)}(?:{'|'.join(rest)})"
                               for first, rest in groups.items()))


# chrome.py's generic markers, plus the names news sites give their own recirculation,
# hover cards and notification bars.
_MARKERS = _any_of((
    *CHROME_MARKERS, "read-more", "readmore", "rollover", "tooltip", "popover", "hovercard",
    "notification", "promo", "outbrain", "taboola", "recirc", "most-popular", "mostpopular",
    "trending", "more-stories"))
_KEEP = _any_of(CONTENT_MARKERS)
# Elements whose text is never content (code, styles, the document head): always gone first.
_SILENT = ("head", "script", "style", "noscript", "template", "svg")
# Elements that are chrome when they are a small part of the page: page furniture and form
# controls. A parser that meets an unclosed one (<header>, <button>) may nest the whole page
# inside it, so each goes only when it holds at most MAX_CHROME_SHARE of the page's text.
_FURNITURE = ("header", "aside", "nav", "footer", "figure", "picture", "menu", "button",
              "input", "select", "textarea", "iframe", "object", "embed", "video", "audio",
              "canvas", "map")
_NEVER = frozenset({"html", "body", "main", "article"})
# Markers that name nothing but chrome, whatever the block holds (a comment thread is prose).
_STRONG = _any_of(("comment", "respond", "cookie", "related", "share", "sharing", "newsletter",
                   "subscribe", "breadcrumb", "advert"))
# A block is prose (content, whatever its class says) when at least PROSE_SHARE of its text
# is in paragraphs of PROSE_WORDS words or more with links under PROSE_LINKS of their text.
# Page builders call every block a "widget" or a "panel": without this test the chrome
# markers removed the whole article on 19 of wcxb-dev's 711 articles (body F1 0.909 -> 0.934
# with it, trafilatura on the cleaned pages; the extraction set unchanged).
PROSE_WORDS = 20
PROSE_LINKS = 0.3
PROSE_SHARE = 0.5
_names_cache: dict[str, bool] = {}


def clean_tree(root: _Element, url: str, chrome_selectors: Iterable[str] = ()) -> _Element:
    """A copy of the page without its chrome, for an extractor to read. `root` is untouched."""
    work = copy.deepcopy(root)
    # Comments and processing instructions would cut the text around them short.
    etree.strip_elements(work, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    etree.strip_elements(work, *_SILENT, with_tail=False)
    remove_chrome(work, tuple(chrome_selectors), generic=False)
    _remove_furniture(work)
    _remove_marked_chrome(work)
    _remove_link_blocks(work, url)
    return work


def main_element(tree: _Element, url: str, precision: bool = True,
                 recall: bool = False) -> _Element | None:
    """trafilatura's main content of a (cleaned) tree as HTML, or None when it finds none
    (precision mode, balanced defaults with precision=False, or recall mode).
    The tree is consumed."""
    document = trafilatura.bare_extraction(
        tree, url=url, favor_precision=precision, favor_recall=recall, include_comments=False,
        include_tables=True,
        include_formatting=False, include_links=False, include_images=False,
    )
    # bare_extraction gives a Document unless asked for a dict (as_dict=True)
    body = getattr(document, "body", None)
    if body is None:
        return None
    return _as_html(body)


def _as_html(body: _Element) -> _Element:
    """trafilatura's XML (head, list, item, quote, ...) as the HTML body.py reads, with
    source line breaks as spaces (only <br> breaks a line)."""
    for element in body.iter():
        tag = element.tag
        if tag == "list":
            element.tag = "ol" if element.get("rend") == "ol" else "ul"
        elif tag == "code" and _is_inline_code(element, body):
            _space_around(element)
        elif tag in _HTML_TAGS:
            element.tag = _HTML_TAGS[tag]
        if element.tag != "pre":
            if element.text and "\n" in element.text:
                element.text = _NEWLINES.sub(" ", element.text)
        if element.tail and "\n" in element.tail:
            element.tail = _NEWLINES.sub(" ", element.tail)
        element.attrib.clear()
    body.tag = "div"
    _join_split_paragraphs(body)
    return body


def _is_inline_code(element: _Element, body: _Element) -> bool:
    """Code inside a paragraph, list item or cell, on one line: a word of the sentence
    ("the <code>.github</code> folder"), not a block of its own."""
    parent = element.getparent()
    return (parent is not None and parent is not body and parent.tag != "code"
            and "\n" not in "".join(element.itertext()))


def _space_around(element: _Element) -> None:
    """A space between inline code and the words beside it, which trafilatura's output
    sometimes glues to it ("'ß'<code>U+00DF</code><code>0x C3 9F</code>")."""
    previous = element.getprevious()
    if previous is not None:
        if (previous.tail or "")[-1:] not in _OPENING:
            previous.tail = (previous.tail or "") + " "
    else:
        parent = element.getparent()
        if parent is not None and (parent.text or "")[-1:] not in _OPENING:
            parent.text = (parent.text or "") + " "
    if (element.tail or " ")[:1] not in _CLOSING:
        element.tail = " " + (element.tail or "")


def _join_split_paragraphs(body: _Element) -> None:
    """One paragraph that trafilatura cut in three: text loose between two paragraphs is
    what was left of a link or inline element it dropped ("<p>... remain the</p>backbone of
    the economy<p>in different ..."): the two paragraphs and the text between are one."""
    for paragraph in list(body.iter("p")):
        if paragraph.getparent() is None or _has_blocks(paragraph):
            continue  # already joined to the one before
        following = paragraph.getnext()
        while (following is not None and following.tag == "p" and not _has_blocks(following)
               and _mid_sentence(paragraph, paragraph.tail or "")):
            joined = (paragraph.tail or "") + (following.text or "")
            if len(paragraph):
                paragraph[-1].tail = (paragraph[-1].tail or "") + joined
            else:
                paragraph.text = (paragraph.text or "") + joined
            paragraph.extend(list(following))
            paragraph.tail = following.tail
            following.getparent().remove(following)  # type: ignore[union-attr]
            following = paragraph.getnext()


def _mid_sentence(paragraph: _Element, tail: str) -> bool:
    """Whether the text after a paragraph goes on its last sentence: the paragraph ends
    without a full stop and the loose text starts with a small letter or a comma."""
    before = "".join(paragraph.itertext()).rstrip()
    after = tail.lstrip()
    return bool(before and after and before[-1] not in _SENTENCE_END
                and (after[0].islower() or after[0] in ",;)"))


def _has_blocks(element: _Element) -> bool:
    return any(child.tag in bodytext.BLOCK_TAGS for child in element)


def _key(text: str) -> str:
    """Text reduced to its lower-cased words, for comparing blocks."""
    return " ".join(_WORD.findall(text.lower()))


def drop_title(content: _Element, titles: Iterable[str]) -> None:
    """A first block repeating the page's title is its heading, not body text (the title
    may carry the site's name after it: "Title | Site")."""
    wanted = [key for key in map(_key, titles) if key]
    for element in bodytext.leading_blocks(content, 1):
        block = _key(bodytext.inline_text(element))
        if block and any(key == block or (key.startswith(block + " ") and
                                          block.count(" ") >= MIN_TITLE_WORDS - 1)
                         for key in wanted):
            drop(element)


def _names_chrome(names: str) -> bool:
    """Whether a class + id string names chrome (cached: pages repeat their class names)."""
    found = _names_cache.get(names)
    if found is None:
        lower = names.lower()
        found = bool(_MARKERS.search(lower)) and not _KEEP.search(lower)
        if len(_names_cache) > 50_000:
            _names_cache.clear()
        _names_cache[names] = found
    return found


def _text_size(element: _Element) -> int:
    """Characters of text under an element, white space left out."""
    text = etree.tostring(element, method="text", encoding="unicode", with_tail=False)
    return len("".join(text.split()))


def _is_prose(element: _Element, size: int) -> bool:
    """Whether most of an element's text is in long paragraphs with few links."""
    prose = 0
    for paragraph in element.iter("p"):
        text = etree.tostring(paragraph, method="text", encoding="unicode", with_tail=False)
        if len(_WORD.findall(text)) < PROSE_WORDS:
            continue
        chars = len("".join(text.split()))
        if sum(_text_size(a) for a in paragraph.iter("a")) < PROSE_LINKS * chars:
            prose += chars
    return size > 0 and prose >= PROSE_SHARE * size


def _remove_furniture(root: _Element) -> None:
    """Remove page furniture and controls that are a small part of the page and not prose.
    A figure holding a table is the table's wrapper (WordPress's table block): it stays."""
    limit = MAX_CHROME_SHARE * _text_size(root)
    doomed = []
    for element in root.iter(*_FURNITURE):
        if element.tag == "figure" and element.find(".//table") is not None:
            continue
        size = _text_size(element)
        if size <= limit and not (size and _is_prose(element, size)):
            doomed.append(element)
    for element in doomed:
        drop(element)


def _remove_marked_chrome(root: _Element) -> None:
    """Remove elements whose class or id names chrome, unless they hold much of the text or,
    for the weaker markers, are prose."""
    limit = MAX_CHROME_SHARE * _text_size(root)
    tree = root.getroottree()
    doomed: list[_Element] = []
    last = "\0"  # path of the last doomed element: its descendants follow it in document order
    for element in root.xpath("//*[@class or @id]"):
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if element.tag in _NEVER or not _names_chrome(names):
            continue
        path = tree.getpath(element)
        if path.startswith(last):
            continue
        size = _text_size(element)
        if size <= limit and (_STRONG.search(names.lower()) or not _is_prose(element, size)):
            doomed.append(element)
            last = path + "/"
    for element in doomed:
        drop(element)


_LOCAL_HREF = re.compile(r"^(?:/(?!/)|[^:/?#]*(?:[/?#]|$))")


def _site(host: str) -> str:
    return host.lower().removeprefix("www.")


def _same_site(href: str, site: str) -> bool:
    if _LOCAL_HREF.match(href):  # relative: this site
        return True
    return "//" in href and _site(urlsplit(href).hostname or "") == site


def _remove_link_blocks(root: _Element, url: str) -> None:
    """Paragraphs and lists mostly made of links to the same site ("Read more: ...", related
    stories) go; links elsewhere (sources, shops) are part of the content."""
    site = _site(urlsplit(url).hostname or "")
    doomed = []
    for element in root.xpath("//p[.//a]|//ul[.//a]|//ol[.//a]"):
        linked = sum(_text_size(a) for a in element.iter("a")
                     if _same_site((a.get("href") or "").strip(), site))
        if linked and linked >= MAX_LINK_DENSITY * _text_size(element):
            doomed.append(element)
    for element in doomed:
        drop(element)
