"""The Orthopedics This Week pages worth keeping as page-object fixtures, one per trap."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..timefmt import local
from .model import Post

_ITALIC_CREDIT = re.compile(r"<img [^>]*/>(?:</a>)?</p>\n<p><em>")

CASES: dict[str, Callable[[Post], bool]] = {
    # Yoast and meta author name one writer; the theme's byline names both.
    "two_writers": lambda p: len(p.writers) == 2,
    "credit_in_old_caption_div": lambda p: '<p class="wp-caption-text">' in p.body_html,
    "credit_in_html5_caption": lambda p: 'class="wp-caption-text">' in p.body_html
    and "<figcaption" in p.body_html,
    "credit_in_italic_paragraph": lambda p: bool(_ITALIC_CREDIT.search(p.body_html)),
    "credit_after_line_break": lambda p: "<br />\n<em>" in p.body_html,
    "block_caption_and_credit": lambda p: "wp-element-caption" in p.body_html
    and "image-credit" in p.body_html,
    "featured_image_credit": lambda p: bool(p.lead and p.lead.credit)
    and local(p.published).year < 2016,
    "no_featured_image": lambda p: p.lead is None and not p.tags,
    "title_badge": lambda p: p.flag == "Video",
    "debate": lambda p: p.kind == "debate",
    "research_roundup": lambda p: p.kind == "roundup",
    "long_feature_with_table": lambda p: p.kind == "feature"
    and any(b.kind == "table" for b in p.blocks),
    "short_breaking": lambda p: len(p.blocks) <= 2 and p.word_count < 80,
    "legal_with_list": lambda p: p.kind == "legal" and any(b.kind in ("ul", "ol")
                                                            for b in p.blocks),
    "paywall_and_ad_in_body": lambda p: "paywall" in p.features and p.ad_after is not None,
    "every_plugin_block": lambda p: len(p.features) >= 4 and p.ad_after is not None,
}


def fixture_cases(posts: list[Post]) -> dict[str, str]:
    """Case name -> article URL, a different post for each case where one exists.

    A small replica may lack the rarer cases; from 500 articles on, every case is there."""
    chosen: dict[str, str] = {}
    for name, wanted in CASES.items():
        fitting = [p.url for p in posts if wanted(p)]
        if fitting:
            chosen[name] = next((u for u in fitting if u not in chosen.values()), fitting[0])
    return chosen
