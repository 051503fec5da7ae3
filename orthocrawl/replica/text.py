"""Small text helpers shared by the truth and the page renderers; WordPress-style slugs
(accents removed, punctuation dropped, words joined by hyphens)."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .inline import TABLES

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


# Chrome strings are written with texturized punctuation, whatever the post's style.
CHROME_TABLE = TABLES[1]


class Texts(list[str]):
    """Collects the chrome text lines of one page while it is rendered."""

    def t(self, text: str) -> str:
        self.append(text)  # normalised when asked for, not on every render
        return text.translate(CHROME_TABLE)


@dataclass(slots=True)
class Part:
    html: str
    texts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Chrome:
    """The parts of every page that do not depend on the page: built once per site."""

    header: Part
    sidebar: Part
    footer: Part

    def lines(self, *page: list[str]) -> list[str]:
        """A page's chrome text lines: the header's, the page's own, the sidebar's, the
        footer's."""
        return [*self.header.texts, *(line for part in page for line in part),
                *self.sidebar.texts, *self.footer.texts]


def words(module: str) -> dict[str, Any]:
    """A replica's own words, the ones its pages print that are not its stories' (pages,
    people, categories): words.toml beside ``module`` (a module's ``__file__``)."""
    return tomllib.loads((Path(module).parent / "words.toml").read_text(encoding="utf-8"))


def wp_pages(words: dict[str, Any]) -> dict[str, tuple[str, tuple[str, ...], int]]:
    """slug -> (title, paragraphs, page id) of the WordPress pages in ``words``."""
    return {slug: (page["title"], tuple(page["paragraphs"]), page["id"])
            for slug, page in words["pages"].items()}


def template(module: str, name: str) -> str:
    """A verbatim markup template beside ``module`` (a module's ``__file__``), for str.format."""
    return (Path(module).parent / name).read_text(encoding="utf-8")
