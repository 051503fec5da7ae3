"""Every known name in a text, in one pass: an Aho-Corasick automaton (pyahocorasick).

pyahocorasick was measured against flashtext2 and spaCy's PhraseMatcher on a blank English
pipeline (benchmarks/entity_matchers.py): it scans a 600-word article in a few microseconds and
needs no tokenizer, which spaCy's pipeline alone spends far more than the whole 0.67 ms budget
per article on. Keys are names with ASCII letters lowered (gazetteer.fold keeps offsets); a hit
counts when it stands as a whole word and does not start lowercase where the name does not.
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
