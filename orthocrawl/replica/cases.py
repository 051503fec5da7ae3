"""The OrthoSpineNews pages worth keeping as page-object fixtures, one per variant."""

from __future__ import annotations

from collections.abc import Callable

from .model import Post

CASES: dict[str, Callable[[Post], bool]] = {
    "syndicated_written_by": lambda p: bool(p.bylines) and p.bylines != [p.account.name]
    and "Written by" in p.body_html[:200],
    "syndicated_by_two_writers": lambda p: len(p.bylines) >= 2,
    "editor_own_byline": lambda p: p.bylines == [p.account.name],
    "every_optional_block": lambda p: bool(p.comments and p.tags and p.lead and p.source
                                           and p.highlights) and len(p.features) >= 6,
    "bare_post": lambda p: not p.comments and not p.tags and p.lead is None
    and "author_box" not in p.features,
    "market_report_with_table": lambda p: any(b.kind == "table" for b in p.blocks),
    "interview_q_and_a": lambda p: p.kind == "interview",
    "fda_clearance": lambda p: p.kind == "fda_clearance",
    "press_release": lambda p: p.kind == "press_release",
    "very_short": lambda p: p.kind == "brief",
    "very_long": lambda p: p.kind == "roundup",
    "slug_only_url": lambda p: not p.path[1:5].isdigit(),
    "body_starts_with_by_year": lambda p: p.body_text.startswith("By 20"),
    "via_without_source": lambda p: p.via is not None and p.source is None,
    "figures_and_quotes": lambda p: {"figure", "blockquote"} <= {b.kind for b in p.blocks},
}


def fixture_cases(posts: list[Post]) -> dict[str, str]:
    """Case name -> article URL, a different post for each case where one exists."""
    chosen: dict[str, str] = {}
    for name, wanted in CASES.items():
        fitting = [p.url for p in posts if wanted(p)]
        if not fitting:
            raise LookupError(f"no post of the replica fits case {name!r}")
        chosen[name] = next((u for u in fitting if u not in chosen.values()), fitting[0])
    return chosen
