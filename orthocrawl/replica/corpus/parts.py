"""The shared corpus of story parts (parts.toml), as the story formats read it.

Parts are keyed by kind: a company event (EVENTS: how a press release and a news story tell a
launch, a financing, an acquisition, an FDA clearance...), an interview, a study, a market
report, a legal case, a debate, an essay, a journal's posts. ``{slot}`` names a fact of the
story (writer.Facts: company, product, amount, executive, surgeon...) or a number drawn
afresh at each use (writer.DYNAMIC). Extraction depends on markup, not on these words: the
sites' markup lives with each replica, the words live in the data file. Each part is this
module's attribute of its key in capitals (``questions``: ``parts.QUESTIONS``).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Event:
    """One kind of company news, as a press release and as a news story tell it."""

    news: str  # a news story's title, sentence case
    lead: str  # a news story's first sentence
    headlines: tuple[str, ...] = ()  # press-release titles, title case
    announce: str = ""  # "... today announced {announce}." (press releases)
    category: str = ""  # the business category it adds, if any


def _frozen(value: Any) -> Any:
    return tuple(map(_frozen, value)) if isinstance(value, list) else value


_DATA = tomllib.loads((Path(__file__).parent / "parts.toml").read_text(encoding="utf-8"))
EVENTS: dict[str, Event] = {kind: Event(**{k: _frozen(v) for k, v in fields.items()})
                            for kind, fields in _DATA["events"].items()}
# Every other part, by its key in capitals: parts.SURGEON_QUOTES.
globals().update({key.upper(): _frozen(value) for section in _DATA.values()
                  for key, value in section.items() if section is not _DATA["events"]})
