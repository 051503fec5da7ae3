"""The pages of each replica worth keeping as page-object fixtures, one per trap or variant
(tests/fixtures/make_page_fixtures.py saves them)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..timefmt import local

Case = Callable[[Any], bool]  # a predicate over one of the replica's posts
_ITALIC_CREDIT = re.compile(r"<img [^>]*/>(?:</a>)?</p>\n<p><em>")


def _chrome_kinds(a: Any) -> set[str]:
    return {line.split(":")[0] for p in a.pieces for line in p.chrome}


CASES: dict[str, dict[str, Case]] = {
    "orthospinenews": {
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
    },
    "beckersspine": {
        # K2: title in h2 under the logo's h1, "NAME - Print | Email" inside the body
        # container, a date only in words (Chicago time), og:url echoing the requested URL.
        "k2_byline_print_email": lambda a: a.era == "k2" and len(a.authors) == 1
        and "written_by" not in a.features,
        "k2_written_by_two_writers": lambda a: a.era == "k2" and len(a.authors) >= 2,
        "k2_intro_without_paragraphs": lambda a: a.era == "k2" and a.pieces[0].kind == "loose",
        "k2_default_share_image": lambda a: a.era == "k2" and a.lead is None,
        "k2_last_modified_in_body": lambda a: a.era == "k2" and a.modified_shown is not None
        and "social" in a.features,
        "k2_no_description": lambda a: a.description is None,
        "spinal_tech_k2_item": lambda a: a.era == "k2" and a.section.slug == "spinal-tech",
        # Joomla 3: Created vs Published dates, byline line inside articleBody.
        "joomla_created_before_published": lambda a: a.era == "joomla"
        and a.created is not None,
        "joomla_typed_more_articles": lambda a: a.legacy and "more_style_0" in a.features
        and "more_articles" in a.features and bool(a.related),
        "legacy_more_articles_br_list": lambda a: a.legacy and "more_style_1" in a.features
        and "more_articles" in a.features and bool(a.related),
        "joomla_banner_module_in_body": lambda a: a.era == "joomla"
        and "Advertisement" in _chrome_kinds(a),
        "featured_insights_joomla": lambda a: a.era == "joomla"
        and a.section.slug == "featured-insights",
        # The Ask Spine Surgeons series: boilerplate paragraphs typed into the body.
        "ask_spine_surgeons_legacy": lambda a: a.kind == "ask" and a.legacy,
        "ask_spine_surgeons_modern": lambda a: a.kind == "ask" and not a.legacy,
        # The new CMS: JSON-LD, several writers, in-body ads, promos and sign-up prompts.
        "modern_three_writers": lambda a: a.era == "modern" and len(a.authors) == 3,
        "modern_inline_chrome": lambda a: a.era == "modern" and len(_chrome_kinds(a)) >= 2,
        "modern_more_articles_div": lambda a: a.era == "modern"
        and "more_articles" in a.features and bool(a.related),
        "modern_table": lambda a: a.era == "modern" and any(p.kind == "table" for p in a.pieces),
        "figure_caption_in_body": lambda a: any(p.kind == "figure" for p in a.pieces),
        "numbered_paragraphs": lambda a: a.kind == "things" and any(
            p.text.startswith("1. ") and p.kind == "p" for p in a.pieces),
        "very_short_brief": lambda a: a.kind == "brief" and len(a.pieces) == 1,
    },
    "ryortho": {
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
    },
    "orthobuzz": {
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
    },
    "spinemarketgroup": {
        "press_release_source_linked": lambda p: p.kind == "press" and p.source is not None
        and p.blocks[-1].html.startswith("<p>Source: <a"),
        "press_release_source_bold": lambda p: p.source is not None
        and p.blocks[-1].html.startswith("<p><strong>Source:"),
        "source_after_nbsp": lambda p: p.source is not None
        and "Source:&nbsp;" in p.blocks[-1].html,
        "press_release_without_source": lambda p: p.kind == "press" and p.source is None,
        "trade_repost_with_byline": lambda p: len(p.bylines) == 1 and p.source is not None,
        "trade_repost_two_writers": lambda p: len(p.bylines) == 2,
        "byline_pasted_as_div": lambda p: p.byline_block is not None
        and p.byline_block.kind == "div",
        "pasted_as_divs": lambda p: sum(b.kind == "div" and bool(b.text) for b in p.blocks) >= 3,
        "paragraphs_broken_by_br": lambda p: any("<br />\n<br />" in b.html for b in p.blocks),
        "market_note_data_source_mid_body": lambda p: p.kind == "market" and p.source is None,
        "market_note_by_year_opening": lambda p: p.kind == "market"
        and p.body_text.startswith("By 20"),
        "product_spotlight_caption": lambda p: p.kind == "spotlight" and any(
            b.kind == "div" and b.text for b in p.blocks),
        "featured_image_and_description": lambda p: p.lead is not None
        and p.summary is not None,
        "every_optional_block": lambda p: bool(p.comments and p.tags and p.lead)
        and {"addtoany", "jobs", "after_entry"} <= p.features,
        "bare_post": lambda p: not (p.comments or p.lead or p.tags)
        and not {"addtoany", "jobs"} & p.features,
        "video": lambda p: p.kind == "video",
    },
}


def fixture_cases(site: Any) -> dict[str, str]:
    """Case name -> article URL of ``site``, a different post for each case where one exists.

    A small replica may lack the rarer cases; from 500 articles on, every case is there."""
    chosen: dict[str, str] = {}
    for name, wanted in CASES[site.name].items():
        fitting = [p.url for p in site.posts if wanted(p)]
        if fitting:
            chosen[name] = next((u for u in fitting if u not in chosen.values()), fitting[0])
    return chosen
