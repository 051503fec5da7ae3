"""Sites added without Python: one TOML file per site in the sites folder.

    name = "spinewire"
    title = "Spine Wire"
    origin = "https://www.spinewire.example"
    domains = ["spinewire.example"]

    [discovery]
    discover = ["sitemap", "feed"]             # default discovery (default: whatever start
                                               # points the file gives: sitemaps if any)
    sitemaps = ["/sitemap_index.xml"]          # paths on origin or full URLs; or "/robots.txt"
    sitemap_follow = ['post-sitemap']          # regexes: which sitemaps of an index to follow
                                               # (default: all but page, category, tag, author)
    feeds = ["/feed/"]
    listings = ["/news/"]
    article_pattern = '^/\\d{4}/\\d{2}/[^/]+/$'  # which paths are articles (regex)
    listing_links = "h2.entry-title a::attr(href)"
    next_page = "a.next::attr(href)"

    [extract]
    body = "div.entry-content"                   # CSS; absent: the generic extractor finds it
    chrome = ["div.share-row", "div.related"]    # CSS of blocks to remove from the body
    byline = "body"                              # "body": "By NAME" first lines; or a CSS
                                                 # selector of the element naming the authors

The folder is ``./sites`` unless ORTHOCRAWL_SITES_DIR names another.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orthocrawl.errors import BadInput

NAME = re.compile(r"^[a-z][a-z0-9_-]{1,40}$")
TOP_KEYS = {"name", "title", "origin", "domains", "discovery", "extract"}
DISCOVERY_KEYS = {"sitemaps", "feeds", "listings", "article_pattern", "listing_links",
                  "next_page", "discover", "sitemap_follow"}
DISCOVERY_MODES = ("sitemap", "feed", "listing")
# Which sitemaps of a sitemap index are followed when a site file does not say: all but
# WordPress's and Yoast's page, category, tag and author (user) sitemaps.
DEFAULT_SITEMAP_FOLLOW = (r"^(?!.*/(?:[^/]*[-_])?(?:pages?|categor(?:y|ies)|post_tag|tags?|"
                          r"authors?|users?|taxonomies)(?:[-_.][^/]*)?$)",)
EXTRACT_KEYS = {"body", "chrome", "byline"}


class SiteConfigError(BadInput):
    """A site file that cannot be used; the message names file, line and reason."""


@dataclass
class SiteConfig:
    name: str
    origin: str
    domains: list[str]
    title: str = ""
    sitemaps: list[str] = field(default_factory=lambda: ["/robots.txt"])
    feeds: list[str] = field(default_factory=list)
    listings: list[str] = field(default_factory=list)
    article_pattern: str = ""
    listing_links: str = "h2 a::attr(href), h3 a::attr(href), article a[rel=bookmark]::attr(href)"
    next_page: str = "a.next::attr(href), a[rel=next]::attr(href), li.the-next-page a::attr(href)"
    discover: list[str] = field(default_factory=list)  # empty: from the start points
    sitemap_follow: list[str] = field(default_factory=lambda: list(DEFAULT_SITEMAP_FOLLOW))
    body: str = ""
    chrome: list[str] = field(default_factory=list)
    byline: str = "body"
    path: Path | None = None


def sites_dir() -> Path:
    return Path(os.environ.get("ORTHOCRAWL_SITES_DIR", "sites"))


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line) or line.strip() == f"[{key}]":
            return number
    return 1


def load(path: Path) -> SiteConfig:
    """Read and check one site file; SiteConfigError says where and what is wrong."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SiteConfigError(f"{path}: cannot read: {error}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib says "(at line N, column M)"; put the line first, as compilers do.
        match = re.search(r"\(at line (\d+), column \d+\)", str(error))
        line = match.group(1) if match else "1"
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        raise SiteConfigError(f"{path}:{line}: {reason}") from None

    def fail(key: str, reason: str) -> SiteConfigError:
        return SiteConfigError(f"{path}:{_line_of(text, key.split('.')[-1])}: {reason}")

    for key in data:
        if key not in TOP_KEYS:
            raise fail(key, f"unknown key {key!r} (known: {', '.join(sorted(TOP_KEYS))})")
    discovery = _table(data, "discovery", DISCOVERY_KEYS, fail)
    extract = _table(data, "extract", EXTRACT_KEYS, fail)
    name = data.get("name")
    if not isinstance(name, str) or not NAME.match(name):
        raise fail("name", "name must be lower-case letters, digits, - or _ (2 to 41 chars)")
    origin = data.get("origin")
    if not isinstance(origin, str) or not re.match(r"^https?://[^/\s]+$", origin.rstrip("/")):
        raise fail("origin", "origin must be a URL like https://www.example.com")
    origin = origin.rstrip("/")
    domains = data.get("domains") or [re.sub(r"^www\.", "", origin.split("://", 1)[1])]
    config = SiteConfig(name=name, origin=origin, domains=_strings(domains, "domains", fail),
                        title=str(data.get("title", "")), path=path)
    for key in ("sitemaps", "feeds", "listings", "discover", "sitemap_follow"):
        if key in discovery:
            setattr(config, key, _strings(discovery[key], f"discovery.{key}", fail,
                                          allow_empty=key != "discover"))
    for mode in config.discover:
        if mode not in (*DISCOVERY_MODES, "all"):
            raise fail("discover", f"discover: {mode!r} is not one of "
                                   f"{', '.join(DISCOVERY_MODES)}, all")
    for pattern in config.sitemap_follow:
        try:
            re.compile(pattern)
        except re.error as error:
            raise fail("sitemap_follow", f"sitemap_follow {pattern!r} is not a regex: "
                                         f"{error}") from None
    config.discover = config.discover or default_discover(config)
    if not config.discover:
        raise fail("discovery", "the site file gives no sitemaps, feeds or listings to start "
                                "from")
    for key in ("article_pattern", "listing_links", "next_page"):
        if key in discovery:
            setattr(config, key, _string(discovery[key], f"discovery.{key}", fail))
    if config.article_pattern:
        try:
            re.compile(config.article_pattern)
        except re.error as error:
            raise fail("article_pattern", f"article_pattern is not a regex: {error}") from None
    if "body" in extract:
        config.body = _string(extract["body"], "extract.body", fail)
    if "chrome" in extract:
        config.chrome = _strings(extract["chrome"], "extract.chrome", fail)
    if "byline" in extract:
        config.byline = _string(extract["byline"], "extract.byline", fail)
    for key, selectors in (("body", [config.body] if config.body else []),
                           ("chrome", config.chrome)):
        for selector in selectors:
            _check_css(selector, key, fail)
    return config


def default_discover(config: SiteConfig) -> list[str]:
    """A site file's discovery when it does not say: its sitemaps if it gives any, else its
    feeds and listings (never sitemaps it does not have)."""
    if config.sitemaps:
        return ["sitemap"]
    return [mode for mode, points in (("feed", config.feeds), ("listing", config.listings))
            if points]


def _table(data: dict[str, Any], key: str, allowed: set[str], fail: Any) -> dict[str, Any]:
    table = data.get(key, {})
    if not isinstance(table, dict):
        raise fail(key, f"{key} must be a table ([{key}])")
    for inner in table:
        if inner not in allowed:
            raise fail(inner, f"unknown key {inner!r} in [{key}] "
                              f"(known: {', '.join(sorted(allowed))})")
    return table


def _string(value: Any, key: str, fail: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise fail(key, f"{key} must be a non-empty string")
    return value


def _strings(value: Any, key: str, fail: Any, allow_empty: bool = True) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value) or (
            not value and not allow_empty):
        raise fail(key, f"{key} must be a list of strings")
    return list(value)


def _check_css(selector: str, key: str, fail: Any) -> None:
    from cssselect import GenericTranslator, SelectorError

    try:
        GenericTranslator().css_to_xpath(selector)
    except SelectorError as error:
        raise fail(key, f"{selector!r} is not a CSS selector: {error}") from None


def load_all(folder: Path | None = None) -> list[SiteConfig]:
    """Every site file in the folder (none when it does not exist), by file name."""
    folder = folder or sites_dir()
    if not folder.is_dir():
        return []
    return [load(path) for path in sorted(folder.glob("*.toml"))]


def render(config: SiteConfig) -> str:
    """The TOML text of a site file (what `orthocrawl sites add` writes)."""

    def strings(values: list[str]) -> str:
        return "[" + ", ".join(_quote(v) for v in values) + "]"

    lines = [
        "# Site file for orthocrawl (see README: Adding a site without writing Python).",
        f"name = {_quote(config.name)}",
        f"title = {_quote(config.title)}",
        f"origin = {_quote(config.origin)}",
        f"domains = {strings(config.domains)}",
        "",
        "[discovery]",
        f"sitemaps = {strings(config.sitemaps)}",
        f"feeds = {strings(config.feeds)}",
        f"listings = {strings(config.listings)}",
        f"discover = {strings(config.discover or default_discover(config))}",
    ]
    if config.article_pattern:
        lines.append(f"article_pattern = {_quote(config.article_pattern)}")
    lines += ["", "[extract]",
              "# body = \"div.entry-content\"   # CSS of the body; absent: found generically",
              f"chrome = {strings(config.chrome)}",
              f"byline = {_quote(config.byline)}", ""]
    if config.body:
        lines[-4] = f"body = {_quote(config.body)}"
    return "\n".join(lines)


def _quote(value: str) -> str:
    # A TOML literal string needs no escaping (regexes stay readable); else a basic string,
    # whose escapes JSON's are a subset of.
    return f"'{value}'" if "'" not in value and "\n" not in value else json.dumps(value)
