"""Which matcher finds the gazetteer's names fastest: an Aho-Corasick automaton, flashtext2 or
spaCy.

Each matcher is given every name and alias of the shipped gazetteer (case-insensitive) and
finds them in the same synthetic articles as benchmarks/entities.py (about 660 words each).
The automaton's figure is orthocrawl's Matcher (orthocrawl.entities.matcher: ahocorasick-rs,
first pyahocorasick), with its own whole-word and capital checks and, since names and the
rules' cues share its one walk, finding every cue too; flashtext2 checks word boundaries
itself; spaCy runs a blank English pipeline (its tokenizer) and a PhraseMatcher on lowercase
forms (attr="LOWER").
flashtext2 and spaCy are not orthocrawl dependencies: a matcher that is not installed is
skipped (pip install flashtext2 spacy to compare).

Reproduce:
    python benchmarks/entity_matchers.py
    python benchmarks/entity_matchers.py --articles 500
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from entities import synthetic  # benchmarks/entities.py

from orthocrawl.entities.gazetteer import fold, load_gazetteer
from orthocrawl.entities.matcher import Matcher


def measure(name: str, texts: list[str], build: Callable[[], Callable[[str], int]]) -> None:
    try:
        started = time.process_time()
        find = build()
        built = time.process_time() - started
    except ImportError as exc:
        print(f"{name:14s} skipped ({exc.name} is not installed)")
        return
    found = sum(find(t) for t in texts[:50])  # warm up; also counts matches
    started = time.process_time()
    for text in texts:
        find(text)
    per = (time.process_time() - started) / len(texts)
    print(f"{name:14s} {per * 1e6:8.1f} us/article  ({1 / per:,.0f} articles/s; "
          f"{found / 50:.1f} names/article; built in {built * 1000:.0f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    texts = [f"{title}\n\n{body}" for title, body, _ in synthetic(args.articles)]
    gazetteer = load_gazetteer()
    names = [(surface, entry) for entry in gazetteer.entries.values()
             for surface in (entry.name, *entry.aliases)]

    def aho() -> Callable[[str], int]:
        matcher = Matcher(names)
        return lambda text: sum(1 for _ in matcher.find(text, fold(text)))

    def flash() -> Callable[[str], int]:
        from flashtext2 import KeywordProcessor
        processor = KeywordProcessor(False)
        for surface, entry in names:
            processor.add_keyword(surface, entry.name)
        return lambda text: len(processor.extract_keywords_with_span(text))

    def spacy_phrases() -> Callable[[str], int]:
        import spacy
        from spacy.matcher import PhraseMatcher
        nlp = spacy.blank("en")
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        matcher.add("NAME", list(nlp.tokenizer.pipe(s for s, _ in names)))
        return lambda text: len(matcher(nlp.make_doc(text)))

    print(f"{len(texts)} synthetic articles, {len(names)} names and aliases")
    measure("Matcher+cues", texts, aho)
    measure("flashtext2", texts, flash)
    measure("spaCy", texts, spacy_phrases)


if __name__ == "__main__":
    main()
