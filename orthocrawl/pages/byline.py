"""Syndicated bylines: "Written by  Megan Wood", "By Laura Dyrda and Alan Condon"."""

from __future__ import annotations

import re

from lxml.etree import _Element

from orthocrawl.pages.body import inline_text, leading_blocks
from orthocrawl.pages.chrome import drop

_BYLINE = re.compile(r"^\s*(?:written\s+by|story\s+by|by)[\s:]+(?P<names>.+?)\s*$", re.I)
_SEPARATORS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
# A person's name: 2 to 5 words, each capitalised (initials, particles and hyphens allowed).
_NAME = re.compile(
    r"^(?:(?:Dr\.|Prof\.)\s+)?[A-ZÀ-Ý][\w'’.\-]*(?:\s+(?:(?:de|da|van|von|der|del|la|le|di|bin|al)"
    r"\s+)?[A-ZÀ-Ý][\w'’.\-]*){1,4}(?:,?\s+(?:MD|PhD|DO|Jr\.?|Sr\.?|II|III))?$"
)
MAX_BYLINE_CHARS = 120
_CREDENTIALS = frozenset({"MD", "PhD", "DO", "RN", "MBA", "MPH", "Jr", "Sr"})


def split_byline(text: str) -> list[str]:
    """The names in a byline line, or [] when the line is not a byline."""
    if len(text) > MAX_BYLINE_CHARS or "\n" in text:
        return []
    match = _BYLINE.match(text)
    if not match:
        return []
    parts = (n.strip() for n in _SEPARATORS.split(match.group("names")))
    names = [n for n in parts if n and n.rstrip(".") not in _CREDENTIALS]
    if not names or not all(_NAME.match(name) for name in names):
        return []
    return names


def take_byline(root: _Element, scan: int) -> list[str]:
    """Find a syndicated byline among the first `scan` text blocks under root, remove it
    (in place) and return its names; [] when none of them is a byline."""
    for element in leading_blocks(root, scan):
        names = split_byline(inline_text(element))
        if names:
            drop(element)
            return names
    return []
