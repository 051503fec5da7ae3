"""The Spine Market Group (thespinemarketgroup.com): WordPress on the Genesis framework, with
no SEO plugin, so no OpenGraph and no JSON-LD: what the base page reads from those comes from
Genesis markup instead (``time.entry-time``, ``span.entry-author-name``, the featured image's
``itemprop="image"``). Categories and tags are the entry footer's rel="category tag" and
rel="tag" links, which the base already reads. Reposts close with a "Source: NAME" line that
names the original publisher; reposted trade stories open with their writer's byline, which
the base byline rule takes.
"""

from __future__ import annotations

import re
from typing import ClassVar

from web_poet import field, handle_urls

from orthocrawl.dates import to_utc_iso
from orthocrawl.pages.body import normalize_space
from orthocrawl.pages.wordpress import WordPressPage

# The closing line of a repost: "Source: Corvane Spine".
_SOURCE = re.compile(r"^source:\s*(?P<name>\S.{0,119})$", re.IGNORECASE)


@handle_urls("thespinemarketgroup.com")
class SpineMarketGroupPage(WordPressPage):
    site_name = "spinemarketgroup"
    chrome_selectors: ClassVar[tuple[str, ...]] = (
        "div.smg-jobs-banner",  # the jobs banner Genesis Simple Hooks adds to every post
    )

    def _account(self) -> str | None:
        name = self.css("header.entry-header .entry-author-name::text").get()
        return super()._account() or (normalize_space(name) or None if name else None)

    @field
    def published_at(self) -> str | None:
        return super().published_at or to_utc_iso(
            self.css("header.entry-header time.entry-time::attr(datetime)").get())

    @field
    def lead_image(self) -> str | None:
        image = super().lead_image or self.css(
            "article.entry [itemprop=image]::attr(src)").get()
        return self._absolute(image.strip()) if image else None

    @field
    def source(self) -> str | None:
        """The publisher named by the body's closing "Source:" line (a data note mid-body,
        "Source: ... estimates", names none)."""
        last = self._content().text.rpartition("\n\n")[2]
        match = _SOURCE.match(last)
        return normalize_space(match.group("name")) if match and "\n" not in last else None
