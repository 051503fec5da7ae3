"""Small text helpers shared by the truth and the page renderers."""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")
_TAGS = re.compile(r"<[^>]+>")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def normalize(text: str) -> str:
    return " ".join(text.split())


def strip_tags(html: str) -> str:
    """What WordPress's wp_strip_all_tags leaves of body HTML: decoded text, spaces collapsed."""
    from html import unescape

    return normalize(unescape(_TAGS.sub(" ", html.replace("<iframe", " <iframe"))))


def excerpt(text: str, words: int) -> str:
    """The first ``words`` words, with WordPress's ellipsis when cut."""
    parts = text.split()
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]) + "…"
