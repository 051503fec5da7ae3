"""WordPress-style slugs: accents removed, punctuation dropped, words joined by hyphens."""

from __future__ import annotations

import re
import unicodedata

_SPECIAL = str.maketrans({"ß": "ss", "ø": "o", "Ø": "o", "æ": "ae", "’": "", "'": "", "&": ""})
_NON_WORD = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii").lower()
    return _NON_WORD.sub("-", ascii_text).strip("-")


def unique_slug(wanted: str, seen: set[str]) -> str:
    """As wp_unique_post_slug: ``wanted``, else ``wanted-2``, ``-3``... whichever is free first;
    the slug returned is added to ``seen``."""
    slug, n = wanted, 2
    while slug in seen:
        slug, n = f"{wanted}-{n}", n + 1
    seen.add(slug)
    return slug
