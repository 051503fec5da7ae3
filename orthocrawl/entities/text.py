"""An article as one string with its sentences, asides blanked out, and name-shape helpers.

Offsets found by any rule index one string (title, blank line, body), so a rule runs once over
the whole article and `Doc.sentence(pos)` gives the sentence a hit is in.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# Letters for name shapes: `re` has no \p{Lu}, so Latin-1 upper and lower ranges are spelled out.
UP = "A-ZÀ-ÖØ-Þ"
LOW = "a-zß-öø-ÿĀ-ſ"

# A paragraph (or parenthesis) that only points at another story: a decoy, not the article's.
_ASIDE = re.compile(
    r"(?im)^[ \t]*(?:related(?: (?:articles?|stories|story|content|news|reading|coverage))?|"
    r"read (?:more|also|next)|also read|see also|more (?:from|on) [^:\n]{1,40}|"
    r"further reading|you may also like|recommended(?: reading)?|don['’]t miss|icymi|"
    r"editor['’]s picks?|also in the news)[ \t]*[:—–|-].*$"
    r"|[(\[](?:related|see also|read more|also read)\s*[:—–-][^)\]\n]*[)\]]")

_ABBREV = frozenset("""
dr mr mrs ms prof st mt ft jr sr inc corp co ltd bros no nos vs etc e.g i.e u.s u.k n.v s.a
m.d ph.d d.o jan feb mar apr jun jul aug sep sept oct nov dec ala ariz ark calif colo conn del
fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev n.h n.j n.m n.y n.c n.d okla
ore pa r.i s.c s.d tenn tex va vt wash wis wyo approx fig figs vol rev gen sen rep gov lt col
""".split())
_END = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[" + UP + r"0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


class Doc:
    """Title and body as one text; `spans` are the sentences' (start, end) offsets."""

    def __init__(self, title: str, body: str):
        title = " ".join(title.split())
        self.title_end = len(title)
        self.text = _ASIDE.sub(_blank, f"{title}\n\n{body}")
        self.spans = _sentences(self.text, self.title_end)
        self._starts = [s for s, _ in self.spans]

    def index(self, pos: int) -> int:
        """The index of the sentence that holds offset `pos`."""
        return max(bisect_right(self._starts, pos) - 1, 0)

    def sentence(self, pos: int) -> str:
        start, end = self.spans[self.index(pos)]
        return self.text[start:end]


def _blank(found: re.Match[str]) -> str:
    return " " * len(found.group(0))


def _sentences(text: str, title_end: int) -> list[tuple[int, int]]:
    spans = [(0, title_end)] if title_end else []
    for para in re.finditer(r"[^\n]+", text[title_end:]):
        start, stop = para.start() + title_end, para.end() + title_end
        for cut in _END.finditer(text, start, stop):
            word = _WORD_BEFORE.search(text, max(start, cut.start() - 12), cut.start() + 1)
            token = word.group(1).lower().rstrip(".") if word else ""
            if token in _ABBREV or (len(token) == 1 and token.isalpha()):
                continue  # Dr. Smith, Stryker Corp. said, John A. Smith
            _add(spans, text, start, cut.start() + 1)
            start = cut.end()
        _add(spans, text, start, stop)
    return spans


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
