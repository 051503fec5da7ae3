"""`orthocrawl serve`: the archive in Datasette, configured for analysts.

The browsable view is `article_list` (no body, a month column to facet on, the
FTS search box through articles_fts); `articles` keeps everything; canned
queries cover what analysts ask first. CSV download is Datasette's own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

FACETS = ["site", {"array": "authors"}, {"array": "tags"}, "month"]

QUERIES: dict[str, dict[str, str]] = {
    "latest_per_site": {
        "title": "Latest articles per site",
        "description": "The ten newest articles of each site.",
        "sql": """select site, published_at, title, url from (
  select site, published_at, title, url,
         row_number() over (partition by site order by published_at desc) as n
  from articles
) where n <= 10 order by site, published_at desc""",
    },
    "mentions_by_month": {
        "title": "Articles mentioning a term, by month",
        "description": "Full-text search (FTS5 syntax: words, \"phrases\", prefix*, OR, NOT) "
                       "counted per month.",
        "sql": """select substr(a.published_at, 1, 7) as month, count(*) as articles
from articles_fts join articles a on a.rowid = articles_fts.rowid
where articles_fts match :term
group by month order by month""",
    },
    "authors_by_count": {
        "title": "Authors by article count",
        "sql": """select j.value as author, count(*) as articles,
       min(a.published_at) as first, max(a.published_at) as latest,
       group_concat(distinct a.site) as sites
from articles a, json_each(a.authors) j
group by author order by articles desc, author""",
    },
    "sites_overview": {
        "title": "Sites: articles, first and latest",
        "sql": """select site, count(*) as articles, min(published_at) as first,
       max(published_at) as latest, sum(word_count) as words
from articles group by site order by articles desc""",
    },
}


def metadata(db: Path) -> dict[str, Any]:
    name = db.stem
    return {
        "title": "orthocrawl archive",
        "description": "Articles of the orthopaedic and spine trade press, crawled by "
                       "orthocrawl. Search, facet, and download any table or query as CSV.",
        "databases": {name: {
            "description": "One row per article in `articles` (newest version); "
                           "`article_list` is the browsable view; raw pages in `pages`; "
                           "one row per crawl in `crawl_runs`.",
            "tables": {
                "article_list": {
                    "title": "Articles",
                    "description": "Every article, newest first. Search uses the full text.",
                    "sort_desc": "published_at",
                    "facets": FACETS,
                    "fts_table": "articles_fts",
                    "fts_pk": "rowid",
                    "label_column": "title",
                    "size": 50,
                },
                "articles": {
                    "description": "Every field of every article, body included.",
                    "sort_desc": "published_at",
                    "facets": ["site"],
                    "label_column": "title",
                },
                "crawl_runs": {"description": "One row per crawl run, with its counts.",
                               "sort_desc": "id"},
                "pages": {"hidden": True},
            },
            "queries": QUERIES,
        }},
    }


def serve(db: Path, host: str, port: int, metadata_path: Path) -> int:
    """Run Datasette in the foreground until interrupted; its exit code."""
    metadata_path.write_text(json.dumps(metadata(db), indent=1), encoding="utf-8")
    command = [sys.executable, "-m", "datasette", "serve", str(db), "--metadata",
               str(metadata_path), "--host", host, "--port", str(port),
               "--setting", "default_page_size", "50", "--setting", "facet_time_limit_ms",
               "500", "--setting", "sql_time_limit_ms", "5000"]
    try:
        return subprocess.call(command)
    except KeyboardInterrupt:
        return 0
