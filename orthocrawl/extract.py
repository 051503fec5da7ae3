"""Extract one page outside a crawl: the page object web-poet picks for its URL
(the publisher's, a configured site's, else the generic fallback)."""

from __future__ import annotations

import asyncio
import gzip
import io
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from web_poet import HttpResponse, default_registry

import orthocrawl.pages  # noqa: F401  (registers the publishers' page objects)
from orthocrawl.cleaning import content_hash
from orthocrawl.errors import UserError
from orthocrawl.fetch import FetchError, fetch
from orthocrawl.items import CONTENT_FIELDS, Article
from orthocrawl.pages.body import word_count
from orthocrawl.pages.generic import GenericPage

_CANONICAL = re.compile(
    rb"<link[^>]+rel=[\"']canonical[\"'][^>]*href=[\"']([^\"']+)|"
    rb"<meta[^>]+property=[\"']og:url[\"'][^>]*content=[\"']([^\"']+)", re.I)


def page_class_for(url: str) -> type:
    cls = default_registry.page_cls_for_item(url, Article)
    if cls is not None:
        return cls
    return GenericPage


def declared_url(body: bytes) -> str | None:
    """The page's own canonical URL (or og:url), read cheaply, for choosing a page object."""
    match = _CANONICAL.search(body[:200_000])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("utf-8", "replace")


def maybe_gunzip(body: bytes) -> bytes:
    return gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body


def extract(body: bytes, url: str, headers: dict[str, str] | None = None) -> Article:
    page_cls = page_class_for(url)
    response = HttpResponse(url, body=body, headers=headers or {})
    article: Article = asyncio.run(page_cls(response=response).to_item())
    article.word_count = word_count(article.body_text)
    article.content_hash = content_hash(article)
    return article


def as_record(article: Article) -> dict[str, Any]:
    record = {name: getattr(article, name) for name in CONTENT_FIELDS}
    record["content_hash"] = article.content_hash
    record["page_type"] = article.page_type
    return record


# ---- files on the command line: HTML, gzip-compressed HTML, WARC ----

# Signatures of what is plainly not an HTML page (images, archives, documents, programs).
_SIGNATURES = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive"),
    (b"\x7fELF", "an executable (ELF)"), (b"MZ", "an executable (Windows)"),
    (b"\xca\xfe\xba\xbe", "an executable (Mach-O)"),
    (b"\xcf\xfa\xed\xfe", "an executable (Mach-O)"),
    (b"RIFF", "a media file"), (b"\x00\x00\x01\x00", "an icon"),
)
_MARKUP = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body|meta|title|p|div|article|main|"
                     rb"h[1-6]|span|a|table|ul|section)[\s>/]", re.I)
SNIFF_BYTES = 65536


class NotHtmlError(ValueError):
    """A file that is not an HTML page; the message says what it is."""


def check_html(body: bytes) -> None:
    """Raise NotHtmlError unless the bytes are an HTML page (or fragment)."""
    if not body.strip():
        raise NotHtmlError("empty file")
    for signature, what in _SIGNATURES:
        if body.startswith(signature):
            raise NotHtmlError(f"not HTML: {what}")
    head = body[:SNIFF_BYTES]
    if b"\x00" in head:
        raise NotHtmlError("not HTML: binary data")
    if not _MARKUP.search(head):
        raise NotHtmlError("not HTML: no HTML markup")


def is_warc(body: bytes) -> bool:
    return body.startswith(b"WARC/")


@dataclass
class WarcPage:
    record: int            # 1-based, among the file's response records
    url: str
    headers: dict[str, str]
    body: bytes


def warc_pages(data: bytes) -> list[WarcPage]:
    """Every response record of a WARC file (gzip-compressed or not), through warcio."""
    pages = []
    number = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response":
                continue
            number += 1
            http = record.http_headers
            headers = {k: v for k, v in http.headers} if http is not None else {}
            pages.append(WarcPage(number, record.rec_headers.get_header("WARC-Target-URI") or "",
                                  headers, record.content_stream().read()))
    except (ArchiveLoadFailed, EOFError, ValueError, AttributeError, KeyError) as error:
        # warcio's parser meets a malformed record with whichever error its code hits first
        # (a record without a target URI is an AttributeError): all of them mean the same.
        reason = str(error) if isinstance(error, ArchiveLoadFailed) else "a malformed record"
        raise NotHtmlError(f"not a readable WARC file: {reason or 'cut short'}") from None
    return pages


@dataclass
class Output:
    """What one source (or one WARC record) gave: an Article's record, or an error."""

    source: str                     # as given on the command line
    record: dict[str, Any] | None = None
    error: str | None = None
    is_warc: bool = False
    warc_record: int | None = None

    def as_json(self) -> dict[str, Any]:
        head: dict[str, Any] = {"file": self.source}
        if self.warc_record is not None:
            head["record"] = self.warc_record
        if self.error is not None:
            return {**head, "error": self.error}
        return {**head, **(self.record or {})}


def extract_sources(sources: tuple[str, ...] | list[str], urls: dict[str, str],
                    warc_record: int | None = None, site_domains: list[str] | None = None,
                    site_origin: str | None = None,
                    base_url: str | None = None) -> Iterator[Output]:
    """Extract every source in turn (files, WARC files, live URLs); a bad one yields an
    Output with an error and the others go on."""
    for source in sources:
        if source.startswith(("http://", "https://")):
            yield _from_url(source, urls.get(source), base_url)
            continue
        try:
            body = maybe_gunzip(Path(source).read_bytes())
        except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as error:
            yield Output(source, error=f"cannot read: "
                         f"{getattr(error, 'strerror', None) or error}")
            continue
        if is_warc(body):
            yield from _from_warc(source, body, warc_record)
            continue
        try:
            check_html(body)
        except NotHtmlError as error:
            yield Output(source, error=str(error))
            continue
        url = urls.get(source)
        if site_origin:
            url = url or site_origin + "/"
            if site_domains and (urlsplit(url).hostname or "").removeprefix("www.") not in \
                    site_domains:
                yield Output(source, error=f"{url} is not on the site "
                             f"({', '.join(site_domains)})")
                continue
        url = url or declared_url(body) or Path(source).resolve().as_uri()
        yield Output(source, as_record(extract(body, url)))


def _from_url(source: str, url: str | None, base_url: str | None) -> Output:
    mirrors = {urlsplit(source).hostname or "": base_url} if base_url else {}
    try:
        fetched = fetch(source, mirrors)
    except FetchError as error:
        return Output(source, error=str(error))
    if fetched.status >= 400:
        return Output(source, error=f"HTTP {fetched.status}")
    try:
        check_html(fetched.body)
    except NotHtmlError as error:
        return Output(source, error=str(error))
    return Output(source, as_record(extract(fetched.body, url or fetched.url, fetched.headers)))


def _from_warc(source: str, body: bytes, wanted: int | None) -> Iterator[Output]:
    try:
        pages = warc_pages(body)
    except NotHtmlError as error:
        yield Output(source, error=str(error), is_warc=True)
        return
    if wanted is not None:
        pages = [p for p in pages if p.record == wanted]
        if not pages:
            yield Output(source, error=f"no response record {wanted}", is_warc=True,
                         warc_record=wanted)
            return
    if not pages:
        yield Output(source, error="no response records", is_warc=True)
    for page in pages:
        content = maybe_gunzip(page.body)
        try:
            check_html(content)
        except NotHtmlError as error:
            yield Output(source, error=str(error), is_warc=True, warc_record=page.record)
            continue
        yield Output(source, as_record(extract(content, page.url, page.headers)), is_warc=True,
                     warc_record=page.record)


class ExtractError(UserError):
    """A batch that cannot run as asked (exit 2), or one whose sources failed (exit 1)."""


def read_urls(path: Path) -> dict[str, str]:
    """An --urls file: PATH<tab>URL lines (blank lines and # comments skipped)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ExtractError(f"cannot read {path}: "
                           f"{getattr(error, 'strerror', None) or error}", 2) from None
    urls = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        name, tab, url = line.partition("\t")
        if not tab or not url.strip().startswith(("http://", "https://")):
            raise ExtractError(f"{path}:{number}: expected PATH<tab>http(s) URL", 2)
        urls[name.strip()] = url.strip()
    return urls


def run(sources: tuple[str, ...], page_url: str | None, urls_file: Path | None,
        record: int | None, site: str | None, base_url: str | None,
        jsonl: bool) -> Iterator[str]:
    """`orthocrawl extract`: the lines to print (orthocrawl.output). One page prints its
    Article as JSON (with a note on stderr when it is not an article); several (or
    --jsonl, or a whole WARC file) one JSON object per line, a failed source as
    {"file", "error"}. ExtractError at the end when any source failed."""
    import json

    from orthocrawl.output import Note
    from orthocrawl.sites import load_sites, spider_for

    load_sites()  # a site file's page object, as a crawl uses it
    if page_url and len(sources) > 1:
        raise ExtractError("--url names the URL of one file; give several files' URLs "
                           "with --urls", 2)
    urls = read_urls(urls_file) if urls_file else {}
    if page_url:
        urls[sources[0]] = page_url
    domains, origin = None, None
    if site:
        spider = spider_for(site)
        domains, origin = list(spider.allowed_domains), spider.origin
    batch, failed = jsonl or len(sources) > 1, 0
    for output in extract_sources(sources, urls, record, domains, origin, base_url):
        if not batch and output.error is not None and not output.is_warc:
            raise ExtractError(f"{output.source}: {output.error}")
        failed += output.error is not None
        if batch or (output.is_warc and record is None):
            yield json.dumps(output.as_json(), ensure_ascii=False)
            continue
        yield json.dumps(output.record if output.error is None else output.as_json(),
                         ensure_ascii=False, indent=2)
        if output.record and output.record.get("page_type", "article") != "article":
            yield Note(f"orthocrawl: note: this page is not an article (page_type "
                       f"{output.record['page_type']!r}); a crawl would not archive it")
    if failed:
        raise ExtractError(f"{failed} source(s) could not be extracted")
