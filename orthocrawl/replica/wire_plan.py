"""Which post of which site is a copy or a decoy of which, decided once per (articles, seed)
from the five sites' schedules and the story kinds their posts draw: every replica built
alone agrees with the others, and no story is written to decide.

The plan walks all five sites' posts oldest first. A post whose kind can carry another
site's story (COPIES) takes, by chance, an original of a type it copies published one hour
to four days earlier on another site, if that site is one it copies from and it has not
copied that story yet. Otherwise its story is its own, an original; an original of a kind
on the wire (TYPES) may be copied later, and is by chance a decoy (DECOYS) of a story of its
type published in the week before (any site): different news about that story's company,
or its surgeon.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from random import Random
from typing import Any

from .corpus.writer import Story
from .wire import Press, Role, own

# The sites on the wire (OrthoBuzz, a journal's blog, carries none of its news).
SITES = {"orthospinenews": "orthospinenews", "beckersspine": "beckers", "ryortho": "ryortho",
         "spinemarketgroup": "spinemarket"}
# The type of story a site's kind of post tells as an original on the wire, by kind name.
TYPES: dict[str, dict[str, str]] = {
    "orthospinenews": {"release": "release", "clearance": "release", "news": "news",
                       "interview": "interview"},
    "beckersspine": {"news": "news", "things": "news", "interview": "interview"},
    "ryortho": {"news": "news", "clearance": "release", "interview": "interview"},
    "spinemarketgroup": {"press": "release", "fda": "release", "trade": "news"},
}
# What a site's post of some kinds may be instead of its own story: (its kinds, the type of
# original it takes, the sites it takes them from, chance, copy kinds and their weights).
COPIES: dict[str, tuple[tuple[Any, ...], ...]] = {
    "orthospinenews": (
        (("release", "clearance"), "release", ("spinemarketgroup", "ryortho"), 0.55,
         {"verbatim": 1}),
        (("interview",), "interview", ("beckersspine",), 0.85, {"excerpt": 0.6, "verbatim": 0.4}),
        (("news",), "news", ("beckersspine",), 0.4, {"verbatim": 0.5, "excerpt": 0.5}),
    ),
    "spinemarketgroup": (
        (("press", "fda"), "release", ("orthospinenews", "ryortho"), 0.55,
         {"verbatim": 0.75, "excerpt": 0.25}),
        (("trade",), "news", ("beckersspine",), 0.6, {"verbatim": 0.5, "excerpt": 0.5}),
        (("trade",), "interview", ("beckersspine",), 0.5, {"excerpt": 1}),
    ),
    "beckersspine": (
        (("news", "things"), "release", ("orthospinenews", "spinemarketgroup", "ryortho"), 0.5,
         {"rewrite": 1}),
    ),
    "ryortho": (
        (("news", "clearance"), "release", ("orthospinenews", "spinemarketgroup"), 0.5,
         {"rewrite": 1}),
    ),
}
# Kinds of post that may be decoys: kind -> the type of story they resemble; and the chance.
DECOYS = {"release": "release", "clearance": "release", "press": "release", "fda": "release",
          "news": "release", "trade": "release", "interview": "interview"}
DECOY_CHANCE = 0.12
COPY_AFTER, COPY_WITHIN, DECOY_WITHIN = (timedelta(hours=1), timedelta(days=4),
                                         timedelta(days=7))


def press(site: str) -> Press:
    module = importlib.import_module(f"orthocrawl.replica.{SITES[site]}.content")
    return module.PRESS


@dataclass(eq=False)
class Plan:
    """Every post's role (copies and decoys; a post not listed tells its own story)."""

    articles: int
    seed: int
    times: dict[str, list[datetime]] = field(default_factory=dict)  # publication, by index
    roles: dict[tuple[str, int], Role] = field(default_factory=dict)

    def story_of(self, source: tuple[str, int]) -> Story:
        """The story of post ``source`` (site, index), as its site wrote it."""
        site, i = source
        return _story(self, site, i)

    def role(self, site: str, i: int) -> Role:
        return self.roles.get((site, i)) or own(site, i)


@lru_cache(maxsize=4096)
def _story(plan: Plan, site: str, i: int) -> Story:
    return press(site).write(plan, i, plan.seed, plan.times[site][i])[0]


@dataclass(slots=True)
class _Open:
    """An original some later post may copy or resemble."""

    when: datetime
    site: str
    index: int
    type: str
    copied_by: set[str] = field(default_factory=set)


@lru_cache(maxsize=4)
def plan(articles: int, seed: int) -> Plan:
    """The wire of ``articles`` posts per site."""
    out = Plan(articles, seed)
    posts = []
    for site in SITES:
        spec = press(site)
        times = [published for published, _ in spec.times(articles, seed)]
        out.times[site] = times
        posts += [(when, site, i, spec.kind(i, seed).__name__) for i, when in enumerate(times)]
    posts.sort()
    recent: list[_Open] = []
    for when, site, i, kind in posts:
        recent = [o for o in recent if when - o.when <= DECOY_WITHIN]
        rng = Random(f"wire-{seed}-{site}-{i}")
        role = _copy(site, kind, when, recent, rng) or _decoy(site, i, kind, when, recent, rng)
        if role is not None:
            out.roles[(site, i)] = role
        if (role is None or role.decoy_of) and kind in TYPES[site]:
            recent.append(_Open(when, site, i, TYPES[site][kind]))
    return out


def _copy(site: str, kind: str, when: datetime, recent: list[_Open], rng: Random) -> Role | None:
    for kinds, wanted, sources, chance, copies in COPIES.get(site, ()):
        if kind not in kinds:
            continue
        fits = [o for o in recent if o.type == wanted and o.site in sources
                and COPY_AFTER <= when - o.when <= COPY_WITHIN and site not in o.copied_by]
        if fits and rng.random() < chance:
            chosen = rng.choice(fits)
            chosen.copied_by.add(site)
            copy = rng.choices(list(copies), list(copies.values()))[0]
            return Role(f"{chosen.site}:{chosen.index}", copy, (chosen.site, chosen.index))
    return None


def _decoy(site: str, i: int, kind: str, when: datetime, recent: list[_Open],
           rng: Random) -> Role | None:
    wanted = DECOYS.get(kind)
    if wanted is None or kind not in TYPES[site] or rng.random() >= DECOY_CHANCE:
        return None
    fits = [o for o in recent if o.type == wanted and COPY_AFTER <= when - o.when]
    if not fits:
        return None
    chosen = rng.choice(fits)
    return Role(f"{site}:{i}", "original", (chosen.site, chosen.index),
                f"{chosen.site}:{chosen.index}")
