"""Look at a new site's front page, robots.txt, sitemaps and feeds to start a site file."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from parsel import Selector

from orthocrawl.errors import BadInput
from orthocrawl.fetch import FetchError, fetch
from orthocrawl.siteconfig import NAME, SiteConfig, load, render, sites_dir

SITEMAP_GUESSES = ("/sitemap_index.xml", "/wp-sitemap.xml", "/sitemap.xml")
FEED_GUESSES = ("/feed/", "/rss", "/feed.xml", "/atom.xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml")


class ProbeError(BadInput):
    """A site that cannot be probed, or a site file that cannot be written."""


def _path_or_url(url: str, origin: str) -> str:
    """Keep start points on the site's origin as paths (the file reads better)."""
    return url[len(origin):] or "/" if url.startswith(origin) else url


def probe(name: str, url: str, base_url: str | None = None) -> SiteConfig:
    if not NAME.match(name):
        raise ProbeError(f"{name!r}: a site name is lower-case letters, digits, - or _")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ProbeError(f"{url!r} is not an http(s) URL")
    bare = re.sub(r"^www\.", "", parts.hostname)
    mirrors = {bare: base_url} if base_url else {}
    try:
        front = fetch(url, mirrors)
    except FetchError as error:
        raise ProbeError(str(error)) from None
    if front.status >= 400:
        raise ProbeError(f"{url}: HTTP {front.status}")
    final = urlsplit(front.url)
    origin = f"{final.scheme}://{final.netloc}"
    page = Selector(text=front.body.decode("utf-8", "replace"))

    sitemaps: list[str] = []
    robots = _get(origin + "/robots.txt", mirrors)
    if robots is not None:
        sitemaps = ["/robots.txt"] if re.search(r"(?im)^\s*sitemap:", robots) else []
    if not sitemaps:
        sitemaps = [path for path in SITEMAP_GUESSES
                    if (_get(origin + path, mirrors) or "").lstrip().startswith("<?xml")][:1]

    feeds = [urljoin(front.url, href) for href in page.xpath(
        "//link[@rel='alternate']" + "[" + " or ".join(f"@type='{t}'" for t in FEED_TYPES)
        + "]/@href").getall()][:1]
    if not feeds:
        feeds = [origin + path for path in FEED_GUESSES
                 if re.search(r"<(rss|feed)\b", (_get(origin + path, mirrors) or "")[:2000])][:1]

    wordpress = bool(page.xpath("//meta[@name='generator'][starts-with(@content, 'WordPress')]")
                     or b"/wp-content/" in front.body)
    title = page.xpath("//meta[@property='og:site_name']/@content").get() or \
        (page.xpath("//title/text()").get() or name).strip()
    return SiteConfig(
        name=name, title=title, origin=origin, domains=[bare],
        sitemaps=sitemaps, feeds=[_path_or_url(f, origin) for f in feeds],
        listings=[_path_or_url(front.url, origin)],
        body="div.entry-content" if wordpress and page.css("div.entry-content") else "",
    )


def _get(url: str, mirrors: dict[str, str]) -> str | None:
    try:
        result = fetch(url, mirrors, timeout=15)
    except FetchError:
        return None
    return result.body.decode("utf-8", "replace") if result.status == 200 else None


def write_site_file(config: SiteConfig, force: bool = False) -> Path:
    """Write config as a site file in the sites folder (ProbeError when one exists and
    not `force`); what was written is read back (SiteConfigError if it does not)."""
    path = sites_dir() / f"{config.name}.toml"
    if path.exists() and not force:
        raise ProbeError(f"{path} exists (use --force to overwrite)", 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(config), encoding="utf-8")
    load(path)
    return path
