"""Becker's Spine Review (beckersspine.com): not WordPress, and three templates on one site.

The new CMS (``/spine/slug/``) has JSON-LD, ``h1.article-title`` and ``div.article-body``.
Older articles keep their Joomla 3 pages (``/spine/44584-slug.html``: microdata, the title
in ``h2[itemprop=headline]``) or Joomla + K2 pages (``/spine/item/24081-slug.html``: the
title in ``h2.itemTitle`` under the logo's ``h1``, dates only in words, Chicago time).
On both old templates the byline line ("NAME - Print | Email") sits inside the body
container. The OpenGraph/JSON-LD reading of the base page still fits; what differs is
below: selectors, the byline, dates, the section label, and which pages are articles. It is
a ThemePage, not a WordPress one: writers publish under their own names (no posting account).
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar
from zoneinfo import ZoneInfo

from web_poet import field, handle_urls

from orthocrawl.dates import format_utc, to_utc_iso
from orthocrawl.pages.body import inline_text, normalize_space
from orthocrawl.pages.byline import split_byline
from orthocrawl.pages.chrome import XPATH_PREFIX
from orthocrawl.pages.themed import ThemePage

CHICAGO = ZoneInfo("America/Chicago")
K2_DATE = "%A, %d %B %Y %H:%M"  # "Thursday, 14 March 2013 19:48"

# A paragraph's text as XPath sees it: non-breaking spaces as spaces, runs collapsed.
_TEXT = "normalize-space(translate(., '\u00a0', ' '))"
_LOWER = f"translate({_TEXT}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"


def _literal(text: str) -> str:
    return f'"{text}"' if "'" in text else f"'{text}'"


def _paragraphs_starting(*starts: str) -> str:
    tests = " or ".join(f"starts-with({_TEXT}, {_literal(s)})" for s in starts)
    return f"{XPATH_PREFIX}.//p[{tests}]"


# The Ask Spine Surgeons series: what the series is, next week's question, where to send
# answers, the editor's note. Typed into every week's body, never part of it.
SERIES_BOILERPLATE = _paragraphs_starting(
    "Ask Spine Surgeons is a weekly series", "Next question:", "Please send responses to",
    "Editor's note: Responses", "Editor’s note: Responses")
# "More articles on spine:" typed at the end of old bodies, then its links: one paragraph
# with <br>-separated links, or one paragraph per link (a paragraph of links and nothing else).
_MORE = f".//p[starts-with({_LOWER}, 'more articles on')]"
MORE_ARTICLES = f"{XPATH_PREFIX}{_MORE}"
MORE_ARTICLES_LINKS = (
    f"{XPATH_PREFIX}{_MORE}/following-sibling::p[a and not(text()[normalize-space("
    "translate(., '\u00a0', ' '))]) and not(*[not(self::a or self::br)])]")


def _k2_date(text: str | None, prefix: str = "") -> str | None:
    """A K2 date in words, printed in the site's Chicago time, as UTC ISO."""
    text = normalize_space(text or "").removeprefix(prefix).strip()
    try:
        moment = datetime.strptime(text, K2_DATE)
    except ValueError:
        return None
    return format_utc(moment.replace(tzinfo=CHICAGO))


@handle_urls("beckersspine.com")
class BeckersPage(ThemePage):
    site_name = "beckersspine"
    # New CMS, Joomla 3, K2: one of them is on the page.
    body_selector: ClassVar[str] = (
        "div.article-body, div.item-page div[itemprop=articleBody], div.itemView div.itemBody")
    title_selectors: ClassVar[tuple[str, ...]] = (
        "h1.article-title", "div.item-page h2[itemprop=headline]", "div.itemHeader h2.itemTitle")
    chrome_selectors: ClassVar[tuple[str, ...]] = (
        "div.article-tools",            # Joomla 3: "NAME - Print | Email" atop the body
        "div.itemToolbar",              # K2: the same line
        "div.itemImageBlock",           # K2: the lead image and its caption
        "div.itemDateModified",         # K2: "Last modified on ..."
        "div.itemSocialSharing",
        "div.moduletable",              # Joomla modules loaded into the text (banners)
        "div.bannergroup",
        "div.more-articles",            # new CMS: "More articles on ..." list
        "div.promo-inline",             # new CMS: webinar and event promos
        SERIES_BOILERPLATE,
        MORE_ARTICLES_LINKS,
        MORE_ARTICLES,
    )
    # The printed byline of each template: new CMS, Joomla 3, K2.
    byline_selectors: ClassVar[tuple[str, ...]] = (
        "div.article-byline span.article-authors",
        "div.article-tools [itemprop=author] [itemprop=name]",
        "div.itemToolbar span.itemAuthor",
    )
    section_selector: ClassVar[str] = (
        "div.article-section a, dd.category-name a, div.itemHeader div.itemCategory a")
    # Old pages without an image of their own share the site's default image.
    default_image_marker: ClassVar[str] = "/templates/"

    @field
    def authors(self) -> list[str]:
        for selector in self.byline_selectors:
            found = self.css(selector)
            text = normalize_space(inline_text(found[0].root)) if found else ""
            names = (split_byline(text) or split_byline(f"By {text}")) if text else []
            if names:
                return names
        return super().authors

    @field
    def published_at(self) -> str | None:
        return (super().published_at
                or to_utc_iso(self.css("time[itemprop=datePublished]::attr(datetime)").get())
                or _k2_date(self.css("div.itemHeader span.itemDateCreated::text").get()))

    @field
    def modified_at(self) -> str | None:
        return (super().modified_at
                or to_utc_iso(self.css("time[itemprop=dateModified]::attr(datetime)").get())
                or _k2_date(self.css("div.itemDateModified::text").get(), "Last modified on"))

    @field
    def categories(self) -> list[str]:
        label = normalize_space(" ".join(self.css(f"{self.section_selector}")[:1]
                                         .css("::text").getall()))
        return [label] if label else super().categories

    @field
    def lead_image(self) -> str | None:
        image = super().lead_image
        return None if image and self.default_image_marker in image else image

    def _expects_article(self) -> bool:
        return bool(self.published_at) and not self.css("div.section-listing")

    @field
    def page_type(self) -> str:
        if (self._content_element() is not None or self.body_source == "fallback") and (
                self.published_at):
            return "article"
        if self.css("div.section-listing"):
            return "search" if "page-search" in self._body_classes() else "listing"
        return "page"
