"""The Spine Market Group pages worth keeping as page-object fixtures, one per trap."""

from __future__ import annotations

from collections.abc import Callable

from ..wp_model import Post

CASES: dict[str, Callable[[Post], bool]] = {
    "press_release_source_linked": lambda p: p.kind == "press" and p.source is not None
    and p.blocks[-1].html.startswith("<p>Source: <a"),
    "press_release_source_bold": lambda p: p.source is not None
    and p.blocks[-1].html.startswith("<p><strong>Source:"),
    "source_after_nbsp": lambda p: p.source is not None and "Source:&nbsp;" in p.blocks[-1].html,
    "press_release_without_source": lambda p: p.kind == "press" and p.source is None,
    "trade_repost_with_byline": lambda p: len(p.bylines) == 1 and p.source is not None,
    "trade_repost_two_writers": lambda p: len(p.bylines) == 2,
    "byline_pasted_as_div": lambda p: p.byline_block is not None and p.byline_block.kind == "div",
    "pasted_as_divs": lambda p: sum(b.kind == "div" and bool(b.text) for b in p.blocks) >= 3,
    "paragraphs_broken_by_br": lambda p: any("<br />\n<br />" in b.html for b in p.blocks),
    "market_note_data_source_mid_body": lambda p: p.kind == "market" and p.source is None,
    "market_note_by_year_opening": lambda p: p.kind == "market"
    and p.body_text.startswith("By 20"),
    "product_spotlight_caption": lambda p: p.kind == "spotlight" and any(
        b.kind == "div" and b.text for b in p.blocks),
    "featured_image_and_description": lambda p: p.lead is not None and p.summary is not None,
    "every_optional_block": lambda p: bool(p.comments and p.tags and p.lead)
    and {"addtoany", "jobs", "after_entry"} <= p.features,
    "bare_post": lambda p: not (p.comments or p.lead or p.tags)
    and not {"addtoany", "jobs"} & p.features,
    "video": lambda p: p.kind == "video",
}


def fixture_cases(posts: list[Post]) -> dict[str, str]:
    """Case name -> article URL, a different post for each case where one exists."""
    chosen: dict[str, str] = {}
    for name, wanted in CASES.items():
        fitting = [p.url for p in posts if wanted(p)]
        if not fitting:
            raise LookupError(f"no post of the Spine Market Group replica fits case {name!r}")
        chosen[name] = next((u for u in fitting if u not in chosen.values()), fitting[0])
    return chosen
