"""Pages whose theme someone described: the body, the title and the chrome inside the body
named by selectors. The publishers' page objects (and configured sites with a body selector)
are ThemePages; WordPress sites through ``WordPressPage``, others (Becker's) directly.
"""

from __future__ import annotations

import copy
from typing import ClassVar

from lxml.etree import _Element
from web_poet import field
from web_poet.utils import cached_method

from orthocrawl.pages import body as bodytext
from orthocrawl.pages.byline import take_byline
from orthocrawl.pages.cascade import generic_body
from orthocrawl.pages.chrome import css, remove_chrome
from orthocrawl.pages.metadata import Content, MetadataPage

# When a page object's body selector finds nothing, or an element without words, on a page
# that should be an article, the theme changed: the generic body is taken (Article.body_source
# "fallback"). A body "far shorter than the page's text" is not a safe sign: the replicas'
# shortest genuine posts (a podcast note of 12 words beside 148 words of teasers) hold 8% of
# their page's prose, as little as a redesign's leftover might.


class ThemePage(MetadataPage):
    """A page whose body ``body_selector`` names, with the theme's chrome removed."""

    body_selector: ClassVar[str] = "div.entry-content"
    title_selectors: ClassVar[tuple[str, ...]] = ("h1.entry-title", "h1.post-title")
    # The site's own chrome inside (or around) the body, removed before text is made.
    chrome_selectors: ClassVar[tuple[str, ...]] = ()
    # How many leading blocks may hold a syndicated byline ("By NAME", "Written by  NAME").
    byline_scan: ClassVar[int] = 2

    @cached_method
    def _content_element(self) -> _Element | None:
        """The element holding the article body, as parsed (never modified)."""
        found = css(self.body_selector)(self.selector.root)
        return found[0] if found else None

    @cached_method
    def _content(self) -> Content:
        own = self._own_content()
        if not self._expects_article():
            return own
        if bodytext.word_count(own.text):
            return own
        # The selector missed: a redesign. The generic body, when it finds one, and said so.
        body = generic_body(self.selector.root, str(self.response.url), self._titles(),
                            self.chrome_selectors)
        if body.root is None:
            return own
        byline = take_byline(body.root, self.byline_scan)
        text = bodytext.body_text(body.root)
        if not bodytext.word_count(text):
            return own
        return Content(text, bodytext.body_html(body.root), byline, source="fallback")

    def _expects_article(self) -> bool:
        """Whether the page is one the body should come from (a WordPress listing is not)."""
        return True

    def _titles(self) -> list[str]:
        texts = [self.xpath("string(//h1)").get() or "", self._meta("og:title") or "",
                 self.xpath("//title/text()").get() or ""]
        return [t for t in texts if t.strip()]

    def _own_content(self) -> Content:
        """The body as the theme's selectors name it."""
        original = self._content_element()
        if original is None:
            return Content("", "", [])
        root = copy.deepcopy(original)
        remove_chrome(root, self.chrome_selectors)
        byline = self._take_byline(root)
        for element in root.iter("a", "img"):
            attribute = "href" if element.tag == "a" else "src"
            value = element.get(attribute)
            if value and not value.startswith(("#", "mailto:", "data:")):
                element.set(attribute, self._absolute(value.strip()))
        return Content(bodytext.body_text(root), bodytext.body_html(root), byline)

    def _take_byline(self, root: _Element) -> list[str]:
        """Find a syndicated byline among the first text blocks, remove it, return its names."""
        return take_byline(root, self.byline_scan)

    def _account(self) -> str | None:
        """The account the page names as its author (<meta name="author">, JSON-LD)."""
        value = (self._meta("author")
                 or next(iter(self._jsonld_people(self._jsonld_article().get("author"))), None))
        return bodytext.normalize_space(value) or None if value else None

    @field
    def title(self) -> str | None:
        for selector in self.title_selectors:
            found = self.css(selector)
            text = bodytext.inline_text(found[0].root) if found else ""
            if text:
                return text.replace("\n", " ")
        return super().title

    @field
    def authors(self) -> list[str]:
        byline = self._content().byline
        if byline:
            return byline
        people = super().authors
        if people:
            return people
        account = self._account()
        return [account] if account else []
