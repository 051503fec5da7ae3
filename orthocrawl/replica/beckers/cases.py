"""The Becker's pages worth keeping as page-object fixtures, one per trap."""

from __future__ import annotations

from collections.abc import Callable

from .model import Article


def _chrome_kinds(a: Article) -> set[str]:
    return {line.split(":")[0] for p in a.pieces for line in p.chrome}


CASES: dict[str, Callable[[Article], bool]] = {
    # K2: title in h2 under the logo's h1, "NAME - Print | Email" inside the body container,
    # a date only in words (Chicago time), og:url echoing the requested URL.
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
    "joomla_created_before_published": lambda a: a.era == "joomla" and a.created is not None,
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
    "modern_more_articles_div": lambda a: a.era == "modern" and "more_articles" in a.features
    and bool(a.related),
    "modern_table": lambda a: a.era == "modern" and any(p.kind == "table" for p in a.pieces),
    "figure_caption_in_body": lambda a: any(p.kind == "figure" for p in a.pieces),
    "numbered_paragraphs": lambda a: a.kind == "things" and any(
        p.text.startswith("1. ") and p.kind == "p" for p in a.pieces),
    "very_short_brief": lambda a: a.kind == "brief" and len(a.pieces) == 1,
}


def fixture_cases(articles: list[Article]) -> dict[str, str]:
    """Case name -> article URL, a different article for each case where one exists."""
    chosen: dict[str, str] = {}
    for name, wanted in CASES.items():
        fitting = [a.url for a in articles if wanted(a)]
        if not fitting:
            raise LookupError(f"no article of the replica fits case {name!r}")
        chosen[name] = next((u for u in fitting if u not in chosen.values()), fitting[0])
    return chosen
