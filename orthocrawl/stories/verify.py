"""Whether two articles are copies of one story: the checks run on each LSH, paragraph, fact,
headline or citation candidate.

A pair is one story when
- one cites the other as its source (at any distance in time), or, both dated within
  ``window_days`` of each other:
- they do not name different 510(k), De Novo, PMA or trial numbers, and
- their MinHash Jaccard is very high, or high while they open with the same words or the
  same paragraph (a verbatim copy with another site's chrome, headline or dateline);
- they are on different sites and most of the shorter one's paragraphs, at least 30 words,
  are the longer one's, its lead among them, or most of its shingles are and they open with
  the same words (an excerpt: the first paragraphs, then "Read more at ...");
- they are on different sites and share enough facts outside the paragraphs they share
  (a rewrite): quoted sentences, ids, amounts, counts, percentages and names, weighed by kind;
  at least two of them strong (not names, which a company's other stories of the week share
  too, nor percentages, which coincide), one a quote or an id (a follow-up repeats the
  amount of the deal it follows);
- they are on different sites with the same headline and byline and some text in common.
Paragraphs that many archived articles share (a company's "About" paragraph, a disclaimer)
and facts stated by more articles of the same days than one story has copies (a stock
quote, "$10 million" in a busy week) are left out of every check: they say nothing about
which story it is.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import Enum

import numpy as np

from orthocrawl.stories.facts import ANCHORS, WEAK, WEIGHTS, Kind
from orthocrawl.stories.signature import DAY, FIGURE, Signature


@dataclass(frozen=True)
class Params:
    window_days: float = 10.0  # copies of a story appear within days of each other
    common: int = 30  # a paragraph or LSH band stored by this many articles is boilerplate
    # a fact stated by more other articles within the time window is not one story's
    fact_rarity: int = 8
    identical_jaccard: float = 0.85  # a copy, whatever else differs
    duplicate_jaccard: float = 0.6  # a copy, unless only the ends are the same paragraphs
    paragraph_containment: float = 0.6
    excerpt_words: int = 30  # an excerpt's shared paragraphs hold at least this many words
    shingle_containment: float = 0.85
    excerpt_jaccard: float = 0.2  # the floor under a containment estimated from MinHash
    rewrite_score: int = 5
    rewrite_headline: float = 0.5  # the same news, headlines this alike, an amount or count
    names_headline: float = 0.6  # the same news, headlines this alike, and names alone
    rewrite_names: int = 2
    headline_jaccard: float = 0.1
    max_candidates: int = 200


class Reason(Enum):
    CITED = "cited"
    DUPLICATE = "duplicate"
    EXCERPT = "excerpt"
    REWRITE = "rewrite"
    HEADLINE = "headline"


def jaccard(a: Signature, b: Signature) -> float:
    if not len(a.minhash) or not len(b.minhash):
        return 0.0
    return float(np.count_nonzero(a.minhash == b.minhash)) / len(a.minhash)


def containment(a: Signature, b: Signature, similarity: float) -> float:
    """The estimated share of the smaller text's shingles found in the other."""
    smaller = min(a.shingles, b.shingles)
    if not smaller:
        return 0.0
    return min(1.0, similarity * (a.shingles + b.shingles) / ((1 + similarity) * smaller))


def shared_facts(a: Signature, b: Signature, left_out: set[int],
                 common_facts: set[int]) -> Counter[Kind]:
    """The kinds of the facts both state outside the paragraphs in `left_out` and outside
    `common_facts` (each fact once)."""
    mine, theirs = a.fact_info, b.fact_info
    kinds: Counter[Kind] = Counter()
    for h in mine.keys() & theirs.keys():
        if h in common_facts:
            continue
        kind, index = mine[h]
        other = theirs[h][1]
        if ((index < len(a.paragraphs) and a.paragraphs[index] in left_out)
                or (other < len(b.paragraphs) and b.paragraphs[other] in left_out)):
            continue
        kinds[Kind(kind)] += 1
    return kinds


def fact_score(kinds: Counter[Kind]) -> tuple[int, int, bool]:
    """What shared facts weigh (names and percentages together 2 at most: two stories of a
    company share its names, and percentages coincide), how many are strong (a quote, id,
    amount or count), and whether one is a quote or an id."""
    weak = sum(n for k, n in kinds.items() if k in WEAK)
    score = sum(WEIGHTS[k] * n for k, n in kinds.items() if k not in WEAK) + min(weak, 2)
    return score, kinds.total() - weak, any(kinds[k] for k in ANCHORS)


def headline_overlap(a: Signature, b: Signature) -> float:
    """The share of the shorter headline's content words the other headline has."""
    if not a.title_words or not b.title_words:
        return 0.0
    shared = len(set(a.title_words) & set(b.title_words))
    return shared / min(len(a.title_words), len(b.title_words))


def rewrite(a: Signature, b: Signature, kinds: Counter[Kind], params: Params) -> bool:
    """Whether the facts two articles on different sites share, their headlines' words and
    the kinds of news they report make them one story told twice (see the module's
    docstring)."""
    if a.events and b.events and not a.events & b.events:
        return False  # different news: a clearance and the first cases with the product
    if conflicting(a, b, Kind.MONEY) or conflicting_figures(a, b):
        return False  # a $25 million round is not the $55 million one
    score, strong, anchored = fact_score(kinds)
    if anchored and strong >= 2 and score >= params.rewrite_score:
        return True  # a rare quote or id, and an amount, a count or another quote or id
    if kinds[Kind.ID] and kinds.total() >= 2:
        return True  # the 510(k) number, and something else (the company's name)
    if not a.events & b.events:
        return False
    headline = headline_overlap(a, b)
    names = kinds[Kind.NAME]
    specific = kinds[Kind.MONEY] + kinds[Kind.COUNT]
    if specific and names >= params.rewrite_names and headline >= params.rewrite_headline:
        return True  # the same news of the same company, with the same amount or count
    # the same news, the same names, much the same headline
    return names >= params.rewrite_names and headline >= params.names_headline


def conflicting(a: Signature, b: Signature, kind: Kind) -> bool:
    """Both state facts of this kind and none is the same."""
    mine = {h for h, k, _ in a.facts if k == kind}
    theirs = {h for h, k, _ in b.facts if k == kind}
    return bool(mine) and bool(theirs) and not mine & theirs


def conflicting_figures(a: Signature, b: Signature) -> bool:
    """Both headlines state figures (an amount, a percentage, "125-patient") and none is the
    same: "revenue climbs 51%" is not "revenue climbs 52%"."""
    mine = {h for h in a.title_words if h & FIGURE}
    theirs = {h for h in b.title_words if h & FIGURE}
    return bool(mine) and bool(theirs) and not mine & theirs


def conflicting_ids(a: Signature, b: Signature) -> bool:
    """Both name a 510(k), De Novo, PMA or trial number, and none is the same: two
    clearances (or trials), however alike their wording."""
    return bool(a.ids) and bool(b.ids) and not a.ids & b.ids


def same_story(a: Signature, b: Signature, params: Params, common_paragraphs: set[int],
               common_facts: set[int]) -> Reason | None:
    """Why `a` and `b` are one story, or None."""
    if a.url in b.cites or b.url in a.cites:
        return Reason.CITED
    if a.time is not None and b.time is not None and (
            abs(a.time - b.time) > params.window_days * DAY):
        return None
    if conflicting_ids(a, b):
        return None
    mine = [p for p in dict.fromkeys(a.paragraphs) if p not in common_paragraphs]
    theirs = [p for p in dict.fromkeys(b.paragraphs) if p not in common_paragraphs]
    # A text whose every paragraph is boilerplate has a MinHash of boilerplate.
    boilerplate = (bool(a.paragraphs) and not mine) or (bool(b.paragraphs) and not theirs)
    similarity = 0.0 if boilerplate else jaccard(a, b)
    if similarity >= params.identical_jaccard:
        return Reason.DUPLICATE
    # Copies share their beginning; different stories of one company share their end (the
    # "About" paragraph, the disclaimer) and the sentences a publisher or a template repeats.
    # Shared paragraphs without the shorter text's lead are the first pattern, and then only
    # the facts outside them count; different opening words rule out the rest.
    everything = set(a.paragraphs) & set(b.paragraphs)
    shorter, words = min((mine, a), (theirs, b), key=lambda pair: len(pair[0]))
    lead_shared = bool(shorter) and shorter[0] in everything
    same_lead = bool(a.lead) and a.lead == b.lead
    opening = not everything or lead_shared  # not just a shared end
    if opening and similarity >= params.duplicate_jaccard and (lead_shared or same_lead):
        return Reason.DUPLICATE
    if a.site == b.site:
        return None  # a site repeats itself (series, templates) but does not excerpt itself
    if opening:
        shared = everything - common_paragraphs
        shared_words = sum(n for p, n in zip(words.paragraphs, words.paragraph_words,
                                             strict=True) if p in shared)
        if (lead_shared and len(shared) / len(shorter) >= params.paragraph_containment
                and shared_words >= params.excerpt_words):
            return Reason.EXCERPT
        if (same_lead and similarity >= params.excerpt_jaccard
                and containment(a, b, similarity) >= params.shingle_containment):
            return Reason.EXCERPT
    kinds = shared_facts(a, b, everything | common_paragraphs, common_facts)
    if rewrite(a, b, kinds, params):
        return Reason.REWRITE
    score = fact_score(kinds)[0]
    if a.headline and a.headline == b.headline and (
            lead_shared or same_lead or similarity >= params.headline_jaccard or score >= 3):
        return Reason.HEADLINE
    return None
