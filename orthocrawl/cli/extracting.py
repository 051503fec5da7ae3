"""`orthocrawl extract`: what orthocrawl extracts from one page, outside a crawl."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from urllib.parse import urlsplit

import click

from orthocrawl.cli.common import fail, user_errors


@click.command("extract")
@click.argument("source")
@click.option("--url", "page_url", help="The page's URL, for a saved file (default: its "
              "canonical link).")
@click.option("--site", help="Extract with this site's page object.")
@click.option("--base-url", help="Fetch a live URL through this mirror (e.g. a replica).")
@user_errors
def extract_command(source: str, page_url: str | None, site: str | None,
                    base_url: str | None) -> None:
    """Print the Article orthocrawl extracts from one page, as JSON.

    SOURCE is a saved HTML file (gzip-compressed or not) or a live http(s) URL. The
    publisher's page object is used when the URL's domain has one (or --site names
    it), the generic fallback otherwise.

    \b
    Examples:
      orthocrawl extract page.html.gz --url https://www.orthospinenews.com/2024/05/02/x/
      orthocrawl extract https://www.spinewire.example/news/some-story/
    """
    from orthocrawl.extract import as_record, declared_url, extract, maybe_gunzip
    from orthocrawl.fetch import FetchError, fetch
    from orthocrawl.sites import spider_for

    headers: dict[str, str] = {}
    if source.startswith(("http://", "https://")):
        mirrors = {d: base_url for d in [urlsplit(source).hostname or ""]} if base_url else {}
        try:
            fetched = fetch(source, mirrors)
        except FetchError as error:
            fail(str(error))
        if fetched.status >= 400:
            fail(f"{source}: HTTP {fetched.status}")
        body, headers, page_url = fetched.body, fetched.headers, page_url or fetched.url
    else:
        path = Path(source)
        try:
            body = maybe_gunzip(path.read_bytes())
        except (OSError, EOFError, gzip.BadGzipFile) as error:
            fail(f"cannot read {source}: {getattr(error, 'strerror', None) or error}")
    if site:
        spider = spider_for(site)
        page_url = page_url or spider.origin + "/"
        if urlsplit(page_url).hostname not in (spider.allowed_domains +
                                               [f"www.{d}" for d in spider.allowed_domains]):
            fail(f"--url {page_url} is not on {site} ({', '.join(spider.allowed_domains)})", 2)
    page_url = page_url or declared_url(body) or Path(source).resolve().as_uri()
    article = extract(body, page_url, headers)
    click.echo(json.dumps(as_record(article), ensure_ascii=False, indent=2))
    if article.page_type != "article":
        click.echo(f"orthocrawl: note: this page is not an article (page_type "
                   f"{article.page_type!r}); a crawl would not archive it", err=True)
