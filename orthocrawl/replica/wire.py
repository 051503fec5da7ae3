"""The replicas' wire: one stream of underlying news (press releases, FDA clearances, deals,
interviews) that the five publishers pick from, each in its own way.

A story is born on the site that publishes it first (its original). Other sites publish it
hours to days later as a verbatim copy (their own markup and chrome, their title casing,
sometimes another headline), an excerpt (the first paragraphs, then a Source block or "Read
more at"), or a rewrite (a shorter piece in their own words that shares the facts, numbers
and a quote). A decoy is different news about the same company, product or surgeon in the
same week: the original of a story of its own.

Every site writes its post ``i`` through its Press (here): the rng named after the post draws
a story kind and an ink style, the site's desk writes. The plan (wire_plan.py) decides from
the five sites' schedules and drawn kinds alone which posts are copies or decoys of which;
wire_copies.py writes them. ``truth(post)`` gives every article its story and kind of copy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from random import Random
from typing import Any

from .corpus.writer import Story, Writer
from .inline import Ink

Times = list[tuple[datetime, datetime]]


@dataclass(frozen=True, slots=True)
class Role:
    """A post's place on the wire: the story it tells and what kind of copy it is."""

    story: str  # the story's key, shared by every copy: "SITE:INDEX" of its original
    copy: str = "original"  # original, verbatim, excerpt or rewrite
    source: tuple[str, int] | None = None  # (site, index): the original copied or resembled
    decoy_of: str | None = None  # a decoy: the key of the story it resembles


def own(site: str, index: int) -> Role:
    return Role(f"{site}:{index}")


@dataclass(frozen=True)
class Press:
    """How one site writes its post ``i``: the rng named ``name`` ("{seed}", "{i}") draws a
    story kind from ``kinds`` (format, weight) and an ink style from ``styles`` (styles,
    weights; or a function of the publication time giving them), then ``desk`` writes.
    ``prepare`` sets the desk up first, ``finish`` touches the story up last; ``times`` is
    the site's schedule, ``post_id`` its WordPress ids."""

    site: str
    name: str
    kinds: tuple[tuple[Callable[[Any], Story], float], ...]
    styles: Any
    desk: type[Writer]
    post_id: Callable[[int, int], int]
    times: Callable[[int, int], Times]
    prepare: Callable[[Any, int, int], None] | None = None
    finish: Callable[[Story], None] | None = None

    def rng(self, i: int, seed: int) -> Random:
        return Random(self.name.format(seed=seed, i=i))

    def kind(self, i: int, seed: int) -> Callable[[Any], Story]:
        """The story kind post ``i`` draws (the first draw of its rng)."""
        kinds = self.kinds
        return self.rng(i, seed).choices([k for k, _ in kinds], [w for _, w in kinds])[0]

    def write(self, plan: Any, i: int, seed: int, published: datetime) -> tuple[Story, Any]:
        """Post ``i``'s story and the desk that wrote it; ``plan`` (or None: every post its
        own story) says whether it is a copy or a decoy."""
        from .wire_copies import written

        rng = self.rng(i, seed)
        kinds = self.kinds
        make = rng.choices([k for k, _ in kinds], [w for _, w in kinds])[0]
        styles = self.styles(published) if callable(self.styles) else self.styles
        desk = self.desk(rng, Ink(rng.choices(*styles)[0]), published, self.post_id(i, seed))
        if self.prepare:
            self.prepare(desk, i, seed)
        role = plan.roles.get((self.site, i)) if plan is not None else None
        story = written(self.site, role or own(self.site, i), make, desk, plan)
        if self.finish:
            self.finish(story)
        return story, desk


def plan(articles: int, seed: int) -> Any:
    """The wire of ``articles`` posts per site (wire_plan.Plan)."""
    from .wire_plan import plan as made

    return made(articles, seed)


def truth(post: Any) -> dict[str, Any]:
    """An article's place on the wire, for the truth."""
    role: Role = post.role or own(post.site, post.index)
    return {"story": role.story, "copy": role.copy, "decoy_of": role.decoy_of}
