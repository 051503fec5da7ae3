"""Inline markup written twice at once: the HTML a post's source holds and the text it reads as.

A ``Span`` is ``(html, text)``. The text is what docs/body-text.md says a reader gets from the
HTML (entities decoded, markup flattened, ``<br>`` as a newline), so the replica's truth never
has to parse its own pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

Span = tuple[str, str]

_BASE = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", 0xA0: "&nbsp;"}
# wptexturize output: typographic punctuation as numeric entities.
_TEXTURIZE = {0x2019: "&#8217;", 0x2018: "&#8216;", 0x201C: "&#8220;", 0x201D: "&#8221;",
              0x2013: "&#8211;", 0x2014: "&#8212;", 0x2026: "&#8230;"}
# Old posts pasted from office software: accented letters as named entities.
_NAMED = {0xE9: "&eacute;", 0xE8: "&egrave;", 0xFC: "&uuml;", 0xF6: "&ouml;", 0xF4: "&ocirc;",
          0xE3: "&atilde;", 0xE7: "&ccedil;", 0xC9: "&Eacute;", 0xDC: "&Uuml;", 0xED: "&iacute;",
          0xF8: "&oslash;", 0xE1: "&aacute;"}
# Entity styles: 0 literal UTF-8, 1 texturized punctuation, 2 texturized + named accents.
TABLES = (_BASE, _BASE | _TEXTURIZE, _BASE | _TEXTURIZE | _NAMED)


def attr(value: str) -> str:
    """An attribute value, quoted-safe."""
    return escape(value, quote=True)


class Ink:
    """Writes the inline spans of one post in that post's entity style."""

    def __init__(self, style: int = 1) -> None:
        self.style, self.table = style, TABLES[style]

    def t(self, text: str) -> Span:
        return text.translate(self.table), text

    def a(self, href: str, inner: str | Span, rel: str | None = None) -> Span:
        html, text = self.span(inner)
        extra = f' rel="{rel}" target="_blank"' if rel else ""
        return f'<a href="{attr(href)}"{extra}>{html}</a>', text

    def b(self, inner: str | Span) -> Span:
        return self.wrap(inner, "strong")

    def i(self, inner: str | Span) -> Span:
        return self.wrap(inner, "em")

    def wrap(self, inner: str | Span, tag: str, attrs: str = "") -> Span:
        html, text = self.span(inner)
        return f"<{tag}{attrs}>{html}</{tag}>", text

    @staticmethod
    def br() -> Span:
        # WordPress's wpautop writes a newline after every <br />.
        return "<br />\n", "\n"

    def span(self, inner: str | Span) -> Span:
        return self.t(inner) if isinstance(inner, str) else inner

    def join(self, parts: Iterable[str | Span]) -> Span:
        spans = [self.span(p) for p in parts]
        return "".join(s[0] for s in spans), "".join(s[1] for s in spans)
