"""An article as one string with its sentences, asides blanked out, and name-shape helpers.

Offsets found by any rule index one string (title, blank line, body), so a rule runs once over
the whole article and `Doc.sentence(pos)` gives the sentence a hit is in.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Letters for name shapes: `re` has no \p{Lu}, so Latin-1 upper and lower ranges are spelled out.
UP = "A-ZÀ-ÖØ-Þ"
LOW = "a-zß-öø-ÿĀ-ſ"

# A paragraph (or parenthesis) that only points at another story: a decoy, not the article's.
_ASIDE = (r"[ \t]*(?:related(?: (?:articles?|stories|story|content|news|reading|coverage))?|"
          r"read (?:more|also|next)|also read|see also|more (?:from|on) [^:\n]{1,40}|"
          r"further reading|you may also like|recommended(?: reading)?|don['’]t miss|icymi|"
          r"editor['’]s picks?|also in the news)[ \t]*[:—–|-]")
_ASIDE_LINE = re.compile(_ASIDE, re.IGNORECASE)
# the same after a line break: `re` finds the literal "\n" first, not trying every offset (an
# aside line never holds one, so these are _ASIDE_LINE's matches of the body's lines)
_ASIDE_AFTER_BREAK = re.compile("\n" + _ASIDE, re.IGNORECASE)
_ASIDE_PAREN_REST = (r"(?:[Rr]elated|RELATED|[Ss]ee also|[Rr]ead more|[Aa]lso read)"
                     r"\s*[:—–-][^)\]\n]*[)\]]")
_ASIDE_PAREN = re.compile(r"[(\[]" + _ASIDE_PAREN_REST)
# Where _ASIDE_PAREN can match, one of these does: each starts with a literal, which `re`
# looks for in C (a set of first characters is tried at every offset, ten times slower)
_ASIDE_OPENS = (re.compile(r"\(" + _ASIDE_PAREN_REST), re.compile(r"\[" + _ASIDE_PAREN_REST))

_ABBREV = frozenset("""
dr mr mrs ms prof st mt ft jr sr inc corp co ltd bros no nos vs etc e.g i.e u.s u.k n.v s.a
m.d ph.d d.o jan feb mar apr jun jul aug sep sept oct nov dec ala ariz ark calif colo conn del
fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev n.h n.j n.m n.y n.c n.d okla
ore pa r.i s.c s.d tenn tex va vt wash wis wyo approx fig figs vol rev gen sen rep gov lt col
""".split())
# A sentence ends at a stop (and its closing quotes) before a capital, or at a line's end.
# The two are found apart, each several times faster than one expression with both
# alternatives (a line break by its literal first character); merged in order, less the line
# breaks among a stop's spaces (its \s+ takes them all), they are that expression's matches.
# Each stop by its own expression, a literal first (see _ASIDE_OPENS): a match holds only its
# stop, quotes and spaces, so theirs together are one expression's for "[.!?]".
_STOPS = tuple((stop, re.compile(re.escape(stop) + r"([\"”’)\]]*)\s+"
                                     r"(?=[\"“‘(\[]?[" + UP + r"0-9])")) for stop in ".!?")
_BREAK = re.compile(r"\n\s*")
_BYTE = [bytes((i,)) for i in range(256)]  # made once, not bytes((i,)) for each sentence


class Doc:
    """Title and body as one text; `spans` are the sentences' (start, end) offsets."""

    def __init__(self, title: str, body: str):
        title = " ".join(title.split())
        self.title_end = len(title)
        text = title + "\n\n" + _blank_aside_lines(body)
        if any(opening.search(text) for opening in _ASIDE_OPENS):
            text = _ASIDE_PAREN.sub(_blank, text)
        self.text = text
        self.spans = _sentences(self.text, self.title_end)
        # index(pos): the index of the sentence that holds offset `pos` (0 <= pos <=
        # len(text)), asked a hundred times an article, so a list of every offset's answer
        # (what bisect_right over the starts would say) read by its C __getitem__
        # sentence i covers bounds[i]..bounds[i + 1] (the first from 0, the last to the end)
        bounds = [s for s, _ in self.spans]
        bounds[:1] = [0]
        bounds.append(len(text) + 1)
        at: bytes | list[int]
        if len(bounds) <= 256:  # one byte an offset, made by C's memset
            at = b"".join([_BYTE[i] * (bounds[i + 1] - bounds[i])
                           for i in range(len(bounds) - 1)])
        else:
            at = []
            for i in range(len(bounds) - 1):
                at += [i] * (bounds[i + 1] - bounds[i])
        self.index: Callable[[int], int] = at.__getitem__

    def sentence(self, pos: int) -> str:
        start, end = self.spans[self.index(pos)]
        return self.text[start:end]


def _blank(found: re.Match[str]) -> str:
    return " " * len(found.group(0))


def _blank_aside_lines(body: str) -> str:
    """The body with each line that is an aside ("Related: ...") blanked out."""
    asides = [found.start() + 1 for found in _ASIDE_AFTER_BREAK.finditer(body)]
    if _ASIDE_LINE.match(body):
        asides.insert(0, 0)
    if not asides:
        return body
    parts, done = [], 0
    for start in asides:
        end = body.find("\n", start)
        end = len(body) if end == -1 else end
        parts += [body[done:start], " " * (end - start)]
        done = end
    parts.append(body[done:])
    return "".join(parts)


def _sentences(text: str, title_end: int) -> list[tuple[int, int]]:
    spans = [(0, title_end)] if title_end else []
    start = title_end
    while start < len(text) and text[start].isspace():
        start += 1
    # every cut as (start, end of the stop and its quotes or -1 for a line break, end)
    cuts = [(m.start(), m.end(1), m.end()) for stop, pattern in _STOPS if stop in text
            for m in pattern.finditer(text, title_end)]
    cuts += [(m.start(), -1, m.end()) for m in _BREAK.finditer(text, title_end)]
    cuts.sort()
    last = -1
    for end, stop, after in cuts:
        if end < last:
            continue  # a line break among a stop's spaces, read with the stop
        last = after
        if stop != -1:
            space = text.rfind(" ", start, end)
            if end - space < 8:  # a short word before the stop: an abbreviation or initial?
                token = text[space + 1:end].lower().lstrip("(“\"")
                if token in _ABBREV or (len(token) == 1 and token.isalpha()):
                    continue  # Dr. Smith, Stryker Corp. said, John A. Smith
            end = stop
        while end > start and text[end - 1] in " \t":
            end -= 1
        if end > start:
            spans.append((start, end))
        start = after
    end = len(text.rstrip())
    if end > start:
        spans.append((start, end))
    return spans
