"""Every known name in a text, in one pass: an Aho-Corasick automaton (pyahocorasick).

Chosen by measured speed (benchmarks/entity_matchers.py, 1,000 synthetic articles of about 660
words, the shipped gazetteer's 176 names and aliases, CPU time): pyahocorasick with this module's
checks 115 us per article, flashtext2 249 us, spaCy's PhraseMatcher on a blank English pipeline
6,689 us (its tokenizer alone is ten times the whole 0.67 ms budget an article has at 1,500
articles/s). Keys are names lowercased (gazetteer.fold keeps offsets); a hit counts when it
stands as a whole word and does not start lowercase where the name does not.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import ahocorasick

from .gazetteer import Entry, fold


class Matcher:
    """Leftmost-longest, whole-word, case-tolerant matching of many names."""

    def __init__(self, names: Iterable[tuple[str, Entry]]):
        self._automaton = ahocorasick.Automaton()
        self._lower_start: set[str] = set()  # names that start lowercase (iFuse, restor3d)
        for surface, entry in names:
            key = fold(surface)
            self._automaton.add_word(key, (len(key), entry))
            if surface[:1].islower():
                self._lower_start.add(surface)
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str, folded: str) -> Iterator[tuple[int, int, Entry]]:
        """(start, end, entry) of each known name in `text` (`folded` is fold(text))."""
        if self._empty:
            return
        size = len(text)
        for last, (length, entry) in self._automaton.iter_long(folded):
            start, end = last - length + 1, last + 1
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_@"):
                continue
            if end < size and (text[end].isalnum() or text[end] == "_"):
                continue
            if text[start].islower() and text[start:end] not in self._lower_start:
                continue
            yield start, end, entry
