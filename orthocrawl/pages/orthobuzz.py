"""OrthoBuzz (orthobuzz.jbjs.org), the blog of The Journal of Bone & Joint Surgery: WordPress
with a Twenty Sixteen-style theme, Yoast SEO and Jetpack.

The base page reads it all (the Yoast graph names the posting editor by ``@id``; guest posts
open with a "By NAME, MD" byline, which the base byline rule takes). Images that open a
paragraph carry their alt text in an attribute, which never becomes text. What differs is one
block inside the content that no generic chrome marker names.
"""

from __future__ import annotations

from typing import ClassVar

from web_poet import handle_urls

from orthocrawl.pages.wordpress import WordPressPage


@handle_urls("orthobuzz.jbjs.org")
class OrthoBuzzPage(WordPressPage):
    site_name = "orthobuzz"
    chrome_selectors: ClassVar[tuple[str, ...]] = (
        "div.jbjs-cme-callout",  # the journal's CME notice, appended to posts by a site plugin
    )
