"""What kind of page a generic page is: an article to keep, or a shop, forum, index or
other page to drop (the validate pipeline drops anything but "article", naming the kind)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from orthocrawl.pages import body as bodytext
from orthocrawl.pages.wordpress import _BODY_CLASS_KINDS, ARTICLE_TYPES

if TYPE_CHECKING:
    from orthocrawl.pages.generic import GenericPage

PRODUCT_TYPES = frozenset({"Product", "ProductGroup", "Offer", "AggregateOffer",
                           "IndividualProduct", "ProductModel"})
FORUM_TYPES = frozenset({"DiscussionForumPosting", "QAPage", "Question"})
LISTING_TYPES = frozenset({"CollectionPage", "ItemList", "SearchResultsPage", "Blog",
                           "ProfilePage"})
# A page without declared type is an article when its main text has this many words, in at
# least MIN_LONG_BLOCKS blocks of LONG_BLOCK_WORDS words or more (teasers are short); less
# when it names an author or a date, as articles do.
MIN_ARTICLE_WORDS = 150
MIN_BYLINED_WORDS = 60
LONG_BLOCK_WORDS = 30
MIN_LONG_BLOCKS = 2
# Headline links (h2/h3/h4 a) from which a page without an article's text is an index.
MIN_LISTING_HEADLINES = 5


def page_kind(page: GenericPage) -> str:
    """"article", "product", "forum", "listing", "search", "attachment", "error" or "page"."""
    types = page._jsonld_types()
    og_type = (page._meta("og:type") or "").lower()
    if types & ARTICLE_TYPES or og_type == "article":
        return "article"
    if (types & PRODUCT_TYPES or og_type.startswith("product")
            or page._meta("product:price:amount") or page.css("[itemprop=price]")):
        return "product"
    if types & FORUM_TYPES or og_type.startswith("forum"):
        return "forum"
    if types & LISTING_TYPES:
        return "search" if "SearchResultsPage" in types else "listing"
    wordpress = _wordpress_kind(page)
    if wordpress:
        return wordpress
    if _substantial_text(page.body_text, bool(page.authors or page.published_at)):
        return "article"
    if len(page.css("h2 a[href], h3 a[href], h4 a[href]")) >= MIN_LISTING_HEADLINES or len(
            page.css("article")) >= 3:
        return "listing"
    return "page"


def _wordpress_kind(page: GenericPage) -> str | None:
    """The kind WordPress names in its body classes, on WordPress pages only."""
    classes = page._body_classes()
    if not any(c.startswith(("postid-", "page-id-", "wp-")) for c in classes) and not any(
            "wordpress" in g.lower() for g in page._meta_all("generator")):
        return None
    for marker, kind in _BODY_CLASS_KINDS:
        if marker in classes:
            return kind
    return None


def _substantial_text(text: str, bylined: bool) -> bool:
    if bodytext.word_count(text) < (MIN_BYLINED_WORDS if bylined else MIN_ARTICLE_WORDS):
        return False
    long_blocks = sum(bodytext.word_count(b) >= LONG_BLOCK_WORDS for b in text.split("\n\n"))
    return long_blocks >= (1 if bylined else MIN_LONG_BLOCKS)
