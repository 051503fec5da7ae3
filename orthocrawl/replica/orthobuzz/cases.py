"""The OrthoBuzz pages worth keeping as page-object fixtures, one per trap."""

from __future__ import annotations

from collections.abc import Callable

from ..wp_model import Post

CASES: dict[str, Callable[[Post], bool]] = {
    "image_alt_at_paragraph_start": lambda p: p.blocks[0].html.startswith("<p><img"),
    "linked_image_at_paragraph_start": lambda p: any(
        b.html.startswith("<p><a href") and "<img" in b.html[:200] for b in p.blocks),
    "image_then_line_break": lambda p: any("/><br />" in b.html for b in p.blocks),
    "image_alone_in_paragraph": lambda p: any(
        b.kind == "p" and not b.text and "<img" in b.html for b in p.blocks),
    "guest_byline": lambda p: bool(p.bylines) and "<img" not in p.body_html[:300],
    "guest_byline_after_headshot": lambda p: p.byline_block is not None
    and "<img" in p.byline_block.html,
    "two_guest_authors": lambda p: len(p.bylines) == 2,
    "other_things_found_list": lambda p: p.kind == "found",
    "whats_new_headings": lambda p: p.kind == "whats_new",
    "case_report_figures": lambda p: p.kind == "case" and any(
        b.kind in ("figure", "div") and b.text for b in p.blocks),
    "numbers_table": lambda p: p.kind == "numbers",
    "need_to_know_short": lambda p: p.kind == "news" and p.word_count < 60,
    "every_optional_block": lambda p: bool(p.comments and p.tags and p.lead and p.related)
    and {"sharedaddy", "likes", "jp_related", "cme"} <= p.features,
    "bare_post": lambda p: not (p.features or p.comments or p.lead or p.tags),
    "untagged_post": lambda p: not p.tags and bool(p.categories),
}


def fixture_cases(posts: list[Post]) -> dict[str, str]:
    """Case name -> article URL, a different post for each case where one exists."""
    chosen: dict[str, str] = {}
    for name, wanted in CASES.items():
        fitting = [p.url for p in posts if wanted(p)]
        if not fitting:
            raise LookupError(f"no post of the OrthoBuzz replica fits case {name!r}")
        chosen[name] = next((u for u in fitting if u not in chosen.values()), fitting[0])
    return chosen
