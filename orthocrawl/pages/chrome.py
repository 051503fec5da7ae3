"""Remove site chrome from a content element before its text is read.

Two layers: the selectors a publisher's page object names (its theme's blocks),
and generic markers that WordPress plugins and news themes share (sharing rows,
related-post lists, print buttons, newsletter forms, ad slots, author boxes,
comment areas). The generic layer catches plugins nobody described.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from lxml.cssselect import CSSSelector
from lxml.etree import XPath, _Element

# Tags that never hold article text.
NON_CONTENT_TAGS = ("script", "style", "noscript", "template", "form", "button", "input",
                    "select", "textarea", "svg", "nav", "aside", "footer", "iframe")

# Substrings of class or id values that plugins and themes give to chrome blocks.
CHROME_MARKERS = (
    "share", "sharing", "social", "sociable", "addtoany", "a2a_", "shareaholic", "addthis",
    "related", "yarpp", "crp_related", "printfriendly", "print-button", "pf-button",
    "newsletter", "mc4wp", "mailchimp", "subscribe", "optin", "signup",
    "advert", "adsense", "ad-slot", "ad-container", "stream-item", "sponsor",
    "author-box", "about-author", "author-bio", "authorbox", "comment", "respond",
    "sd-like", "jetpack-likes", "wpcnt", "post-shortlink", "post-edit-link", "breadcrumb",
    "post-navigation", "prev-next", "nav-links", "tags-links", "post-tags", "cat-links",
    "screen-reader-text", "skip-link", "widget", "sidebar", "popup", "modal", "cookie",
)

# Markers that look like chrome but name content wrappers; never removed on them.
CONTENT_MARKERS = ("entry-content", "post-content", "article-content", "article-body")


_CHROME = re.compile("|".join(re.escape(m) for m in CHROME_MARKERS))
_CONTENT = re.compile("|".join(re.escape(m) for m in CONTENT_MARKERS))
_NON_CONTENT = frozenset(NON_CONTENT_TAGS)


def _is_generic_chrome(element: _Element) -> bool:
    tag = element.tag
    if not isinstance(tag, str):
        return False
    if tag in _NON_CONTENT:
        return True
    names = f"{element.get('class', '')} {element.get('id', '')}"
    return bool(names != " " and _CHROME.search(names) and not _CONTENT.search(names))


XPATH_PREFIX = "xpath:"


@lru_cache(maxsize=256)
def css(selector: str) -> CSSSelector | XPath:
    """A compiled selector (compiled once per process): CSS, or XPath after ``xpath:``
    (for what CSS cannot say, such as paragraphs by how their text starts)."""
    if selector.startswith(XPATH_PREFIX):
        return XPath(selector.removeprefix(XPATH_PREFIX))
    return CSSSelector(selector)


def drop(element: _Element) -> None:
    """Remove an element but keep its tail text in place."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def remove_chrome(root: _Element, selectors: Iterable[str] = (), generic: bool = True) -> None:
    """Remove, in place, every element under root that a selector or a generic marker names."""
    doomed: list[_Element] = []
    for selector in selectors:
        doomed.extend(css(selector)(root))
    if generic:
        doomed.extend(el for el in root.iterdescendants() if _is_generic_chrome(el))
    for element in doomed:
        if element is not root:
            drop(element)
