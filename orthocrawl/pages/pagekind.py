"""What kind of page a page is: an article to keep, or a shop, forum, index or other page to
drop (the validate pipeline drops anything but "article", naming the kind).

``page_kind`` is a pure function over what a page object read (``PageSignals``): plain
values, no page object, so it is tested and tuned on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from orthocrawl.pages import body as bodytext

ARTICLE_TYPES = frozenset({
    "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "TechArticle",
    "ScholarlyArticle", "MedicalScholarlyArticle", "Report", "LiveBlogPosting",
    "SocialMediaPosting",
})
PRODUCT_TYPES = frozenset({"Product", "ProductGroup", "Offer", "AggregateOffer",
                           "IndividualProduct", "ProductModel"})
FORUM_TYPES = frozenset({"DiscussionForumPosting", "QAPage", "Question"})
LISTING_TYPES = frozenset({"CollectionPage", "ItemList", "SearchResultsPage", "Blog",
                           "ProfilePage"})
# Body classes WordPress gives each kind of page, most specific first.
WORDPRESS_BODY_KINDS = (
    ("attachment", "attachment"),
    ("single-post", "article"),
    ("error404", "error"),
    ("search", "search"),
    ("archive", "listing"),
    ("blog", "listing"),
    ("home", "listing"),
    ("page", "page"),
)
# A page without declared type is an article when its main text has this many words, in at
# least MIN_LONG_BLOCKS blocks of LONG_BLOCK_WORDS words or more (teasers are short); less
# when it names an author or a date, as articles do.
MIN_ARTICLE_WORDS = 150
MIN_BYLINED_WORDS = 60
LONG_BLOCK_WORDS = 30
MIN_LONG_BLOCKS = 2
# Headline links (h2/h3/h4 a) from which a page without an article's text is an index.
MIN_LISTING_HEADLINES = 5


@dataclass(frozen=True)
class PageSignals:
    """What a page says about its kind, read by a page object."""

    jsonld_types: frozenset[str] = frozenset()
    og_type: str = ""                      # lower-cased
    priced: bool = False                   # a price in meta tags or microdata
    body_classes: frozenset[str] = frozenset()
    wordpress: bool = False                # WordPress body classes or generator
    body_text: str = ""                    # the extracted main text
    bylined: bool = False                  # names an author or a publication date
    headline_links: int = 0                # h2/h3/h4 headings that are links
    article_elements: int = 0              # <article> elements


def page_kind(signals: PageSignals) -> str:
    """"article", "product", "forum", "listing", "search", "attachment", "error" or "page"."""
    types, og_type = signals.jsonld_types, signals.og_type
    if types & ARTICLE_TYPES or og_type == "article":
        return "article"
    if types & PRODUCT_TYPES or og_type.startswith("product") or signals.priced:
        return "product"
    if types & FORUM_TYPES or og_type.startswith("forum"):
        return "forum"
    if types & LISTING_TYPES:
        return "search" if "SearchResultsPage" in types else "listing"
    wordpress = wordpress_kind(signals.body_classes) if signals.wordpress else None
    if wordpress:
        return wordpress
    if _substantial_text(signals.body_text, signals.bylined):
        return "article"
    if (signals.headline_links >= MIN_LISTING_HEADLINES or signals.article_elements >= 3):
        return "listing"
    return "page"


def is_wordpress(body_classes: frozenset[str] | set[str], generators: list[str]) -> bool:
    """Whether a page is WordPress's, by its body classes or its generator meta."""
    return any(c.startswith(("postid-", "page-id-", "wp-")) for c in body_classes) or any(
        "wordpress" in g.lower() for g in generators)


def wordpress_kind(body_classes: frozenset[str] | set[str]) -> str | None:
    """The kind WordPress names in its body classes."""
    for marker, kind in WORDPRESS_BODY_KINDS:
        if marker in body_classes:
            return kind
    return None


def _substantial_text(text: str, bylined: bool) -> bool:
    if bodytext.word_count(text) < (MIN_BYLINED_WORDS if bylined else MIN_ARTICLE_WORDS):
        return False
    long_blocks = sum(bodytext.word_count(b) >= LONG_BLOCK_WORDS for b in text.split("\n\n"))
    return long_blocks >= (1 if bylined else MIN_LONG_BLOCKS)
