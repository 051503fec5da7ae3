"""The TieLabs "Jannah" WordPress theme: its title, its chrome, its Source block."""

from __future__ import annotations

from typing import ClassVar

from web_poet import field

from orthocrawl.pages.body import normalize_space
from orthocrawl.pages.wordpress import WordPressPage


class JannahPage(WordPressPage):
    body_selector: ClassVar[str] = "div.entry-content"
    title_selectors: ClassVar[tuple[str, ...]] = ("h1.post-title.entry-title", "h1.post-title")
    # What the theme injects inside div.entry-content around the post's own content.
    chrome_selectors: ClassVar[tuple[str, ...]] = (
        "div.stream-item",              # ad slots
        "div#story-highlights",         # "Story Highlights"
        "div.multiple-post-pages",      # page links of a post split in pages
        "div.post-bottom-meta",         # Source, Via and Tags blocks
        "div.post-shortlink",           # shortlink box with "Copy URL"
        "div.share-buttons",
        "a.post-edit-link",
        "div.entry-content > div.clearfix:empty",
    )

    @field
    def source(self) -> str | None:
        content = self._content_element()
        if content is None:
            return None
        names = content.xpath(
            ".//*[@id='post-bottom-source']//span[contains(@class, 'tagcloud')]/a//text()")
        name = normalize_space("".join(names))
        return name or None
