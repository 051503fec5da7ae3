"""`orthocrawl extract`: what orthocrawl extracts from one page, outside a crawl."""

from __future__ import annotations

import json

import click

from orthocrawl.cli.common import user_errors
from orthocrawl.sites import load_sites


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
    from orthocrawl.extract import as_record, extract, load_page

    load_sites()  # a site file's page object, as a crawl uses it
    body, headers, url = load_page(source, page_url, site, base_url)
    article = extract(body, url, headers)
    click.echo(json.dumps(as_record(article), ensure_ascii=False, indent=2))
    if article.page_type != "article":
        click.echo(f"orthocrawl: note: this page is not an article (page_type "
                   f"{article.page_type!r}); a crawl would not archive it", err=True)
