"""The title of an article: its headline, without the site's name or a section prefix.

Pages say what they are called in several places: the visible headline (``<h1>``), JSON-LD
``headline``, ``og:title``, ``twitter:title``, Dublin Core and ``<title>``. The metadata ones
often carry the site's name ("Title | Site", "Site - Title") and HTML entities escaped twice
(``&amp;#8217;``). The visible headline is the title when it agrees with what the page
declares; declared titles are cleaned of the site's name before they are compared or used.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from orthocrawl.pages.body import normalize_space

# Separators between a title and the site's name (spaced, so "COVID-19" is not split).
_SEPARATOR = re.compile(r"\s+[|\-–—•·:»/]\s+|\s+::\s+")
_WORD = re.compile(r"\w+")
# A visible heading agrees with a declared title when this share of the shorter one's words
# is in the other (wcxb-dev: 0.5 to 0.7 give the same titles).
AGREEMENT = 0.6
# Headlines are not this long; longer "titles" are a description or a text's first lines.
MAX_TITLE_WORDS = 40


def unescape(text: str) -> str:
    """HTML entities decoded, twice escaped ones too ("&amp;#8217;" -> "’")."""
    for _ in range(2):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return normalize_space(text)


def _key(text: str) -> str:
    return "".join(_WORD.findall(text.casefold()))


def strip_site_name(title: str, site_names: Iterable[str]) -> str:
    """A declared title without the leading or trailing parts that name the site."""
    names = {k for k in map(_key, site_names) if k}
    parts = _SEPARATOR.split(title)
    if len(parts) < 2 or not names:
        return title

    def is_site(part: str) -> bool:
        key = _key(part)
        return bool(key) and any(key == n or key in n or n in key for n in names)

    while len(parts) > 1 and is_site(parts[-1]):
        parts.pop()
    while len(parts) > 1 and is_site(parts[0]):
        parts.pop(0)
    # Rejoin what is left with the separators it had.
    kept = " ".join(parts)
    if kept in title:
        return kept
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end] if 0 <= start < end else kept


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def agrees(heading: str, declared: str) -> bool:
    """Whether a visible heading and a declared title name the same thing."""
    a, b = _words(heading), _words(declared)
    if not a or not b:
        return False
    return len(a & b) >= AGREEMENT * min(len(a), len(b))


def choose_title(headings: Sequence[str], declared: Sequence[str | None],
                 site_names: Iterable[str]) -> str | None:
    """The article's title from its visible headings (h1, in page order) and its declared
    titles (best source first: JSON-LD headline, og:title, twitter:title, DC, <title>)."""
    names = list(site_names)
    titles = [strip_site_name(unescape(t), names) for t in declared if t and t.strip()]
    titles = [t for t in titles if t and len(_WORD.findall(t)) <= MAX_TITLE_WORDS]
    visible = [unescape(h) for h in headings if h and h.strip()]
    visible = [h for h in visible if len(_WORD.findall(h)) <= MAX_TITLE_WORDS]
    for heading in visible:
        if any(agrees(heading, title) for title in titles):
            return heading
    if titles:
        return titles[0]
    return visible[0] if visible else None
