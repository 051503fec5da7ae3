"""`orthocrawl extract`: what orthocrawl extracts from pages outside a crawl: saved files,
WARC files and live URLs, one or many in one process."""

from __future__ import annotations

import json
from pathlib import Path

import click

from orthocrawl.cli.common import fail, user_errors


@click.command("extract")
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE [SOURCE ...]")
@click.option("--url", "page_url", help="The page's URL, for one saved file (default: its "
              "canonical link).")
@click.option("--urls", "urls_file", type=click.Path(dir_okay=False, path_type=Path),
              help="A file of PATH<tab>URL lines giving each saved file's URL.")
@click.option("--jsonl", is_flag=True, help="One JSON object per line, with \"file\", even "
              "for one file.")
@click.option("--record", type=click.IntRange(min=1), help="Only the N-th response record of a "
              "WARC file (1 is the first).")
@click.option("--site", help="Extract with this site's page object.")
@click.option("--base-url", help="Fetch a live URL through this mirror (e.g. a replica).")
@user_errors
def extract_command(sources: tuple[str, ...], page_url: str | None, urls_file: Path | None,
                    jsonl: bool, record: int | None, site: str | None,
                    base_url: str | None) -> None:
    """Print the Article orthocrawl extracts from pages, as JSON.

    Each SOURCE is a saved HTML file (gzip-compressed or not), a WARC file (every response
    record, or --record N) or a live http(s) URL. The publisher's page object is used when
    the URL's domain has one (or --site names it), the generic fallback otherwise. One page
    prints one JSON object; several (or --jsonl) print one object per line, each with
    "file" as given. A source that cannot be read or is not HTML gives a line
    {"file": ..., "error": ...} (one line on stderr for a single page), the others are still
    extracted, and the exit status is 1.

    \b
    Examples:
      orthocrawl extract page.html.gz --url https://www.orthospinenews.com/2024/05/02/x/
      orthocrawl extract saved/*.html --urls saved/urls.tsv > articles.jsonl
      orthocrawl extract crawl.warc.gz --record 3
      orthocrawl extract https://www.spinewire.example/news/some-story/
    """
    from orthocrawl.extract import extract_sources
    from orthocrawl.sites import spider_for

    if page_url and len(sources) > 1:
        fail("--url names the URL of one file; give several files' URLs with --urls", 2)
    urls = _read_urls(urls_file) if urls_file else {}
    if page_url:
        urls[sources[0]] = page_url
    failed = 0
    domains: list[str] | None = None
    origin = None
    if site:
        spider = spider_for(site)
        domains, origin = list(spider.allowed_domains), spider.origin
    outputs = extract_sources(sources, urls, record, domains, origin, base_url)
    batch = jsonl or len(sources) > 1
    for output in outputs:
        if not batch and output.error is not None and not output.is_warc:
            fail(f"{output.source}: {output.error}")
        if output.error is not None:
            failed += 1
        if batch or (output.is_warc and record is None):
            click.echo(json.dumps(output.as_json(), ensure_ascii=False))
        else:  # one page: its Article, as before batches existed
            click.echo(json.dumps(output.record if output.error is None else output.as_json(),
                                  ensure_ascii=False, indent=2))
            if output.record and output.record.get("page_type", "article") != "article":
                click.echo(f"orthocrawl: note: this page is not an article (page_type "
                           f"{output.record['page_type']!r}); a crawl would not archive it",
                           err=True)
    if failed:
        fail(f"{failed} source(s) could not be extracted")


def _read_urls(path: Path) -> dict[str, str]:
    """PATH<tab>URL lines (blank lines and # comments skipped)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        fail(f"cannot read {path}: {getattr(error, 'strerror', None) or error}", 2)
    urls = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        name, tab, url = line.partition("\t")
        if not tab or not url.strip().startswith(("http://", "https://")):
            fail(f"{path}:{number}: expected PATH<tab>http(s) URL", 2)
        urls[name.strip()] = url.strip()
    return urls
