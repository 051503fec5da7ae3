"""Every known name in a text, in one pass: an Aho-Corasick automaton, the same one that finds
the rules' cues (cues.py: ahocorasick-rs's), so that a text is walked once for both.

Chosen by measured speed (benchmarks/entity_matchers.py, 1,000 synthetic articles of about 660
words, the shipped gazetteer's 176 names and aliases, CPU time): pyahocorasick with this module's
checks 115 us per article, flashtext2 249 us, spaCy's PhraseMatcher on a blank English pipeline
6,689 us (its tokenizer alone is ten times the whole 0.67 ms budget an article has at 1,500
articles/s). Walking an article costs about as much as all the Python work on its hits, so
cues and names share one automaton: one walk instead of two saves 50-70 us an article.
Keys are names lowercased (gazetteer.fold keeps offsets); of the overlapping hits the
leftmost-longest ones are kept (what pyahocorasick's iter_long gave when names had an
automaton of their own), and a hit counts when it stands as a whole word and does not start
lowercase where the name does not.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .cues import Automaton, Cues, scan_with
from .gazetteer import Entry, fold


class Matcher:
    """Leftmost-longest, whole-word, case-tolerant matching of many names, with the cues."""

    def __init__(self, names: Iterable[tuple[str, Entry]]):
        keys: dict[str, tuple[int, Entry]] = {}
        self._lower_start: set[str] = set()  # names that start lowercase (iFuse, restor3d)
        for surface, entry in names:
            key = fold(surface)
            keys[key] = (len(key), entry)  # a later surface with the same key wins
            if surface[:1].islower():
                self._lower_start.add(surface)
        self._automaton = Automaton(keys.items())

    def scan(self, text: str, folded: str) -> tuple[Cues, list[tuple[int, int, Entry]]]:
        """The cues of `folded` (cues.scan's) and (start, end, entry) of each known name in
        `text` (`folded` is fold(text)), in order."""
        cues, hits = scan_with(self._automaton, folded)
        return cues, list(self._names(text, hits)) if hits else []

    def find(self, text: str, folded: str) -> Iterator[tuple[int, int, Entry]]:
        """(start, end, entry) of each known name in `text` (`folded` is fold(text))."""
        return iter(self.scan(text, folded)[1])

    def _names(self, text: str, hits: list[tuple[int, int, tuple[int, Entry]]]
               ) -> Iterator[tuple[int, int, Entry]]:
        size = len(text)
        # leftmost first, the longest of those starting at one offset; none overlaps a kept one
        hits.sort(key=lambda hit: (hit[0], -hit[1]))
        free_from = 0
        for start, end, (_, entry) in hits:
            if start < free_from:
                continue
            free_from = end
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_@"):
                continue
            if end < size and (text[end].isalnum() or text[end] == "_"):
                continue
            if text[start].islower() and text[start:end] not in self._lower_start:
                continue
            yield start, end, entry
