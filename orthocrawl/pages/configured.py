"""Page objects for the sites added in TOML files (see orthocrawl/siteconfig.py).

A site file with a body selector gets a WordPressPage-style page (its selectors, its chrome);
one without gets the generic fallback, improved by the chrome it names. The classes are built
from plain (uncached) fields only: a `byline` override reads its element and falls back to
the base page's rule through ``super()``, which a cached field of the same name would re-enter.
"""

from __future__ import annotations

from typing import Any

from url_matcher import Patterns
from web_poet import ApplyRule, default_registry, field

from orthocrawl.items import Article
from orthocrawl.pages.body import inline_text, normalize_space
from orthocrawl.pages.byline import split_byline
from orthocrawl.pages.generic import GenericPage
from orthocrawl.pages.metadata import MetadataPage
from orthocrawl.pages.wordpress import WordPressPage
from orthocrawl.siteconfig import SiteConfig

_REGISTERED: dict[str, type[MetadataPage]] = {}


def _byline_authors(selector: str, owner: dict[str, Any]) -> Any:
    """An `authors` field reading the element a site file's `byline` selector names."""

    def authors(self: Any) -> list[str]:
        found = self.css(selector)
        text = normalize_space(inline_text(found[0].root)) if found else ""
        names = (split_byline(text) or split_byline(f"By {text}")) if text else []
        return names or super(owner["cls"], self).authors  # else the base page's rule

    return field(authors)


def page_class(config: SiteConfig) -> type[MetadataPage]:
    """Build (once) and register with web-poet the page object for a configured site."""
    if config.name in _REGISTERED:
        return _REGISTERED[config.name]
    attributes: dict[str, Any] = {
        "site_name": config.name,
        "chrome_selectors": tuple(config.chrome),
        "__module__": __name__,
    }
    base: type[MetadataPage] = WordPressPage if config.body else GenericPage
    if config.body:
        attributes["body_selector"] = config.body
    owner: dict[str, type] = {}
    if config.byline not in ("", "body"):
        attributes["authors"] = _byline_authors(config.byline, owner)
    name = config.name.title().replace("-", "").replace("_", "")
    cls = owner["cls"] = type(f"{name}Page", (base,), attributes)
    # Above a built-in publisher's rule (500) for the same domain: the analyst's file wins.
    patterns = Patterns(include=list(config.domains), priority=600)
    default_registry.add_rule(ApplyRule(patterns, use=cls, to_return=Article))
    _REGISTERED[config.name] = cls
    return cls
