"""The shared corpus of story parts (parts.toml), as the story formats read it.

Parts are keyed by kind: a company event (EVENTS: how a press release and a news story tell a
launch, a financing, an acquisition, an FDA clearance...), an interview, a study, a market
report, a legal case, a debate, an essay, a journal's posts. ``{slot}`` names a fact of the
story (writer.Facts: company, product, amount, executive, surgeon...) or a number drawn
afresh at each use (writer.DYNAMIC). Extraction depends on markup, not on these words: the
sites' markup lives with each replica, the words live in the data file.
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
_P = {key: _frozen(value) for section in _DATA.values() for key, value in section.items()
      if section is not _DATA["events"]}

RELEASES, NEWS, DETAIL, NEWS_DETAIL, BENEFITS = (
    _P[k] for k in ("releases", "news", "detail", "news_detail", "benefits"))
QUOTES, SURGEON_QUOTES, ABOUT, FORWARD, CLEARANCE, MATERIALS, FEATURES, THINGS = (
    _P[k] for k in ("quotes", "surgeon_quotes", "about", "forward", "clearance", "materials",
                    "features", "things"))
INTERVIEW_INTROS, QUESTIONS, ANSWERS, BIOS, LAUNCHES = (
    _P[k] for k in ("interview_intros", "questions", "answers", "bios", "launches"))
STUDY_TITLES, STUDY_OPENERS, METHODS, RESULTS, TAKEAWAYS, FINDINGS = (
    _P[k] for k in ("study_titles", "study_openers", "methods", "results", "takeaways",
                    "findings"))
MARKET_TITLES, MARKET_LEADS, MARKET_DETAIL, MARKET_FINDINGS = (
    _P[k] for k in ("market_titles", "market_leads", "market_detail", "market_findings"))
LEGAL, LEGAL_DETAIL, ALLEGATIONS = (_P[k] for k in ("legal", "legal_detail", "allegations"))
MOTIONS, DEBATE_INTROS, FOR, AGAINST, VERDICTS = (
    _P[k] for k in ("motions", "debate_intros", "for", "against", "verdicts"))
ESSAY_TITLES, HEADINGS, ESSAY, RESEARCH, RESEARCH_OPENERS = (
    _P[k] for k in ("essay_titles", "headings", "essay", "research", "research_openers"))
FOUND_TITLES, FOUND_INTROS, FOUND, UPDATE_TOPICS, UPDATE_INTROS, UPDATE_POINTS = (
    _P[k] for k in ("found_titles", "found_intros", "found", "update_topics", "update_intros",
                    "update_points"))
GUEST_TITLES, GUEST, GUEST_ROLES, CASE, CAPTIONS, ALTS, JOURNAL_NEWS, JOURNAL_MORE = (
    _P[k] for k in ("guest_titles", "guest", "guest_roles", "case", "captions", "alts",
                    "journal_news", "journal_more"))
HIGHLIGHTS, COMMENTS = _P["highlights"], _P["comments"]
UPDATES, SILENT = _P["updates"], _P["silent"]
