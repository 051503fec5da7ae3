"""What kind of page a page is: an article to keep, or a shop, forum, index or other page to
drop (the validate pipeline drops anything but "article", naming the kind).

``page_kind`` is a pure function over what a page object read (``PageSignals``): plain
values, no page object, so it is tested and tuned on its own.
"""

from __future__ import annotations

import re
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
# Paths that name an article (a section for posts, or a date) and paths that name something
# else: a shop's product or category, a forum thread, documentation. Web conventions, not
# any site's: they count as evidence, never alone as the answer.
_SECTIONS = (r"(blogs?|news|articles?|posts?|stor(y|ies)|insights|magazine|features?|opinion|"
             r"press|editorial|columns?)")
_ARTICLE_PATH = re.compile(rf"/{_SECTIONS}/[^/]+|/(19|20)\d\d/\d\d?/[^/]+", re.I)
# ... and a path that ends at such a section is its index.
_SECTION_INDEX = re.compile(rf"/{_SECTIONS}/?$", re.I)
_PRODUCT_PATH = re.compile(r"/(products?|p|itm|item|dp|app|shop|store)(/|$)", re.I)
_COLLECTION_PATH = re.compile(
    r"/(collections?|category|categories|c|b|browse|genres?|tags?|departments?)(/|$)", re.I)
_FORUM_PATH = re.compile(
    r"/(t|threads?|forums?|topics?|questions|comments|discussions?|boards|community)(/|$)|"
    r"/(viewtopic|showthread)\.php", re.I)
_DOCS_PATH = re.compile(
    r"/(docs?|documentation|reference|api|manual|handbook|book|std|library)(/|$)", re.I)
_SLUG_WORD = re.compile(r"[^\W\d_]+")

# Evidence, in points: positive for an article, negative against. A page is refused only
# when the evidence against it reaches REFUSE_AT: when unsure, keep (a refused article is
# lost; a kept non-article costs one row). On wcxb-dev, -4 refuses 3 of 711 articles and 69
# of 180 other pages; -3 refuses 5 and 86; -2 refuses 16 and 114. None of the extraction
# set's 133 articles is refused at any of them.
REFUSE_AT = -4
# A site's home page or a section's index: evidence of a listing, not proof (a one-page site's
# home is its article).
ROOT_POINTS = 2
# A slug of this many words ("how-to-start-a-vegetable-garden") reads like an article's.
LONG_SLUG = 4
# Distinct <time datetime> values from which a page is a thread or a list of dated items
# (an article has one or two; a thread one per post).
MANY_TIMES = 5
LOTS_OF_TIMES = 10
# Code blocks from which a page without date or author reads like documentation.
MANY_CODE_BLOCKS = 3
LOTS_OF_CODE_BLOCKS = 5
# Links hold this share of the page's words: a page made for navigating.
LINKED_PAGE = 0.5
# A main text under this many words is thin for an article; under BARE_BODY, next to nothing.
THIN_BODY = 150
BARE_BODY = 50
BARE_POINTS = 2
# A text under this many words is no article's (a contact page, an empty shell).
EMPTY_BODY = 25
# Distinct links to members' profiles from which a page is a thread (posts by several
# members). wcxb-dev (tuning half, by sha1 of the page id): 8 of 17 forums, 2 of 346 articles
# have 5 or more; 3 or more refuses 14 more pages of 180, no more articles.
MANY_PROFILES = 3
PROFILE_POINTS = 4
# <pre>/<code> elements from which an undated, unsigned page is documentation (the median
# documentation page has 169, the 90th-percentile article none).
LOTS_OF_CODE = 50
CODE_POINTS = 4
# Headings with a permalink to themselves ("#section"): documentation generators add them to
# every heading. 10 of 13 documentation pages of the tuning half have 5 or more, 10 of 346
# articles (signed or dated ones are exempt).
ANCHORED_HEADINGS = 5
ANCHOR_POINTS = 2
# Amounts of money from which a page is a shop's (a category page lists a price per item:
# median 42); one point only, "best of" articles quote prices too; two from LOTS_OF_PRICES
# (one more page refused in each half of wcxb-dev).
MANY_PRICES = 40
LOTS_OF_PRICES = 100
# A path whose last segment has this many words or fewer names a product, a service or a
# section ("/lambda/", "/nba/standings"), not a headline. With nobody signing or dating the
# page and no article type declared (og:type, JSON-LD), one point against: on wcxb-dev 3
# more of 87 other pages refused in the tuning half, 4 of 93 in the check half, no article
# in either (2 points: 5 articles refused).
SHORT_SLUG = 2
# Linked headlines (h2/h3/h4 a) from which a page with a thin text is an index of teasers.
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
    bylined: bool = False                  # names an author
    dated: bool = False                    # declares a publication date (structured data)
    path: str = "/"                        # the URL's path
    time_count: int = 0                    # distinct <time datetime> values
    code_blocks: int = 0                   # <pre> elements
    link_share: float = 0.0                # share of the page's words inside links
    headline_links: int = 0                # h2/h3/h4 headings that are links
    article_elements: int = 0              # <article> elements
    profile_links: int = 0                 # distinct links to members' profiles (/members/x)
    code_elements: int = 0                 # <pre> and <code> elements
    anchored_headings: int = 0             # h1-h4 holding a link to a fragment of the page
    prices: int = 0                        # amounts of money in the page's text ($12.99)


def evidence(signals: PageSignals) -> tuple[int, str]:
    """Points for the page being an article (negative: against), and the kind the strongest
    evidence against names."""
    types, og_type, path = signals.jsonld_types, signals.og_type, signals.path
    points, against = 0, dict[str, int]()
    if types & ARTICLE_TYPES:
        points += 3
    if og_type == "article":
        points += 1
    if signals.dated:
        points += 2
    if signals.bylined:
        points += 2
    if _ARTICLE_PATH.search(path):
        points += 2
    if _slug_words(path) >= LONG_SLUG:
        points += 1
    wordpress = wordpress_kind(signals.body_classes) if signals.wordpress else None
    if wordpress == "article":
        points += 3
    elif wordpress in ("listing", "page") and not (
            "home" in signals.body_classes and _is_root(path)):
        # WordPress's "home" on the root path says again what the path says (ROOT_POINTS):
        # counted once, wcxb-dev's tuning half keeps 345 of 346 articles (344 before) and
        # refuses 48 of 87 other pages (49: a service's front page); the check half and the
        # extraction set are unchanged.
        against[wordpress] = 2
    def add(kind: str, value: int) -> None:
        against[kind] = against.get(kind, 0) + value

    if types & PRODUCT_TYPES or "product" in og_type or signals.priced:
        add("product", 4 if types & ARTICLE_TYPES else 5)
    if "ItemPage" in types:
        add("product", 2)
    if types & FORUM_TYPES or og_type.startswith("forum"):
        add("forum", 4)
    if types & LISTING_TYPES:
        add("search" if "SearchResultsPage" in types else "listing", 2)
    if _is_root(path) or _SECTION_INDEX.search(path):
        add("listing", ROOT_POINTS)
    for pattern, kind in ((_PRODUCT_PATH, "product"), (_COLLECTION_PATH, "listing"),
                          (_FORUM_PATH, "forum"), (_DOCS_PATH, "page")):
        if pattern.search(path):
            add(kind, 2)
    if signals.time_count >= MANY_TIMES:
        add("forum" if "forum" in against else "listing",
            3 if signals.time_count >= LOTS_OF_TIMES else 2)
    if signals.code_blocks >= MANY_CODE_BLOCKS and not (signals.dated or signals.bylined):
        add("page", 3 if signals.code_blocks >= LOTS_OF_CODE_BLOCKS else 2)
    anonymous = not (signals.dated or signals.bylined)
    if signals.profile_links >= MANY_PROFILES:
        add("forum", PROFILE_POINTS)
    if signals.code_elements >= LOTS_OF_CODE and anonymous:
        add("page", CODE_POINTS)
    if signals.anchored_headings >= ANCHORED_HEADINGS and anonymous:
        add("page", ANCHOR_POINTS)
    if signals.prices >= MANY_PRICES:
        add("product", 2 if signals.prices >= LOTS_OF_PRICES else 1)
    if signals.link_share >= LINKED_PAGE:
        add("listing", 1)
    words = bodytext.word_count(signals.body_text)
    if words < THIN_BODY:
        add("page", 4 if words < EMPTY_BODY else BARE_POINTS if words < BARE_BODY else 1)
        if signals.headline_links >= MIN_LISTING_HEADLINES:
            add("listing", 2)  # teasers and little text of its own: an index
    declared_article = bool(types & ARTICLE_TYPES) or og_type == "article"
    if anonymous and not declared_article and _slug_words(path) <= SHORT_SLUG:
        # evidence against an article, of no kind of its own: it adds to the leading kind
        add(max(against, key=against.__getitem__) if against else "page", 1)
    points -= sum(against.values())
    kind = max(against, key=against.__getitem__) if against else "page"
    return points, kind


def page_kind(signals: PageSignals) -> str:
    """"article", "product", "forum", "listing", "search", "attachment", "error" or "page"."""
    wordpress = wordpress_kind(signals.body_classes) if signals.wordpress else None
    if wordpress in ("attachment", "error", "search"):
        return wordpress
    points, kind = evidence(signals)
    return kind if points <= REFUSE_AT else "article"


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


def _is_root(path: str) -> bool:
    return path.strip("/") == ""


def _slug_words(path: str) -> int:
    """Words in the last segment of a path ("/guides/how-to-start-a-garden" -> 5)."""
    last = next((s for s in reversed(path.split("/")) if s), "")
    return len(_SLUG_WORD.findall(last.rsplit(".", 1)[0] if "." in last else last))
