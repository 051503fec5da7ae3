"""What every WordPress + Yoast site shares beyond the metadata base: the theme's
``div.entry-content``, the posting account, ``time.entry-date``, and the kind of page
WordPress names in its body classes.

A publisher's page subclasses WordPressPage and overrides only what differs:
``body_selector``, ``chrome_selectors``, ``title_selectors`` and the odd field.
"""

from __future__ import annotations

from web_poet import field

from orthocrawl.dates import to_utc_iso
from orthocrawl.pages import body as bodytext
from orthocrawl.pages.blockers import blocker_kind
from orthocrawl.pages.pagekind import wordpress_kind
from orthocrawl.pages.themed import ThemePage


class WordPressPage(ThemePage):
    """Extraction shared by WordPress sites with Yoast SEO (or any OpenGraph/JSON-LD site)."""

    def _expects_article(self) -> bool:
        """A post by its body classes; without them, a page that declares an article."""
        kind = wordpress_kind(self._body_classes())
        if kind is not None:
            return kind == "article"
        return self._meta("og:type") == "article" or bool(self._jsonld_article())

    def _account(self) -> str | None:
        """The WordPress account that posted the article."""
        value = (super()._account()
                 or self.css(".meta-author a.author-name::text, .entry-meta .author a::text").get())
        return bodytext.normalize_space(value) or None if value else None

    @field
    def posted_by(self) -> str | None:
        account = self._account()
        if account and account not in self.authors:
            return account
        return None

    @field
    def published_at(self) -> str | None:
        return super().published_at or to_utc_iso(
            self.css("time.entry-date::attr(datetime)").get())

    @field
    def page_type(self) -> str:
        blocked = blocker_kind(self.selector)
        if blocked:
            return blocked
        kind = wordpress_kind(self._body_classes())
        if kind:
            return kind
        og_type = self._meta("og:type")
        return "article" if og_type == "article" else (og_type or "unknown")
