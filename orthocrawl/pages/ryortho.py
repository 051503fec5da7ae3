"""Orthopedics This Week (ryortho.com): WordPress with its own subscription theme.

What differs from the WordPress base: the credit line printed under every image (the site's
convention, in the markup of each editor era) and the chrome the theme and its paywall put
inside the content; a badge inside the title heading; and the byline, which the theme prints
from Co-Authors Plus while Yoast names the first writer only.
"""

from __future__ import annotations

import copy
from typing import ClassVar

from lxml.etree import _Element
from web_poet import field, handle_urls

from orthocrawl.pages.body import inline_text
from orthocrawl.pages.chrome import remove_chrome
from orthocrawl.pages.values import clean_list
from orthocrawl.pages.wordpress import WordPressPage


@handle_urls("ryortho.com")
class RyorthoPage(WordPressPage):
    site_name = "ryortho"
    chrome_selectors: ClassVar[tuple[str, ...]] = (
        # Image credits: the theme's line under the featured image, the block editor's credit
        # paragraph, and the classic caption (div.wp-caption or figure.wp-caption), which on
        # this site holds the credit only.
        ".image-credit",
        ".wp-caption .wp-caption-text",
        # ... or, under a classic image without a caption, the credit in italics: in its own
        # paragraph, or after a line break in the image's paragraph.
        "p:has(img) + p:has(> em:only-child)",
        "p:has(img) > em",
        "div.code-block",                   # Ad Inserter slots between paragraphs
        "div.leaky_paywall_message_wrap",   # Leaky Paywall's metered-access message
    )
    # Badges the theme puts inside the title heading ("Video", "Debate", "Exclusive").
    title_chrome: ClassVar[tuple[str, ...]] = ("span.post-flag",)
    byline_selector: ClassVar[str] = "header.entry-header .byline .author a"

    def _take_byline(self, root: _Element) -> list[str]:
        return []  # the theme prints the byline; the content never opens with one

    @field
    def title(self) -> str | None:
        for heading in self.css(self.title_selectors[0]):
            clone = copy.deepcopy(heading.root)
            remove_chrome(clone, self.title_chrome, generic=False)
            text = inline_text(clone).replace("\n", " ")
            if text:
                return text
        return super().title

    @field
    def authors(self) -> list[str]:
        return clean_list(self.css(f"{self.byline_selector}::text").getall()) or super().authors
