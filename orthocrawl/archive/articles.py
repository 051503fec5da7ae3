"""Articles, their versions and their raw pages: the archive's main layer."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from orthocrawl.archive.bodies import DECOMPRESSORS, BodyStore
from orthocrawl.archive.schema import fold_extra
from orthocrawl.dates import utc_now
from orthocrawl.items import LIST_FIELDS, STORED_FIELDS, RawPage

# The article columns the archive writes (declared once, with the record, in items.py).
ARTICLE_COLUMNS = STORED_FIELDS
LIST_COLUMNS = LIST_FIELDS
__all__ = ["ARTICLE_COLUMNS", "DECOMPRESSORS", "ArticleStore", "decode_article"]


# What the archive writes for an article: its columns, and the folded words search needs;
# body_html goes to article_html, compressed (schema 11).
_WRITTEN = (*(c for c in ARTICLE_COLUMNS if c != "body_html"), "search_folded")
_INSERT_ARTICLE = "INSERT INTO articles ({}) VALUES ({})".format(
    ", ".join(_WRITTEN), ", ".join(f":{c}" for c in _WRITTEN))
_UPDATE_ARTICLE = ("UPDATE articles SET {}, version = version + 1, status = 'live', "
                   "gone_since = NULL WHERE url = :url").format(
    ", ".join(f"{c} = :{c}" for c in _WRITTEN if c not in ("url", "first_seen")))
# The current version's text is the article's own: its row in article_versions leaves
# title and body_text NULL until a newer version supersedes it (_KEEP_VERSION_TEXT).
_INSERT_VERSION = """
    INSERT INTO article_versions
    SELECT url, version, :now, content_hash, NULL, NULL, modified_at, :via
    FROM articles WHERE url = :url
"""
_KEEP_VERSION_TEXT = """
    UPDATE article_versions SET title = coalesce(article_versions.title, a.title),
       body_text = coalesce(article_versions.body_text, a.body_text)
    FROM articles a WHERE a.url = :url AND article_versions.url = :url
       AND article_versions.version = a.version
"""
_PAGE_COLUMNS = ("url", "article_url", "fetched_url", "fetched_at", "checked_at", "status",
                 "etag", "last_modified", "sitemap_lastmod", "body_sha256", "headers")
_UPSERT_PAGE = "INSERT INTO pages ({}) VALUES ({}) ON CONFLICT(url) DO UPDATE SET {}".format(
    ", ".join(_PAGE_COLUMNS), ", ".join(f":{c}" for c in _PAGE_COLUMNS),
    ", ".join(f"{c} = excluded.{c}" for c in _PAGE_COLUMNS if c != "url"))


class ArticleStore(BodyStore):
    """Writing and reading articles, versions and raw pages."""

    def store(self, articles: Iterable[tuple[dict[str, Any], RawPage | None]],
              now: str | None = None, via: str = "crawl",
              derive: Callable[[Any, str, dict[str, Any]], None] | None = None,
              derive_unchanged: bool = False) -> list[str]:
        """Upsert articles (and their raw pages) in one transaction.

        Returns, per article, "new", "changed" or "unchanged". A changed article
        (another content_hash) gets a new row in article_versions; an unchanged one
        only has its last_seen moved (and is live again if it had been marked gone).
        `derive(archive, url, record)` updates the derived layers (entities, stories) of each
        new or changed article (every one with `derive_unchanged`: a rebuild), in the same
        transaction.
        """
        now = now or utc_now()
        batch = list(articles)
        outcomes: list[str] = []
        with self.transaction():
            known = self._known_hashes([record["url"] for record, _ in batch])
            for record, page in batch:
                url = record["url"]
                seen = record.get("last_seen") or now
                if url not in known:
                    row = _article_row(record)
                    row.update(first_seen=record.get("first_seen") or seen, last_seen=seen,
                               last_changed=seen)
                    article_id = self.db.execute(_INSERT_ARTICLE, row).lastrowid
                    self.db.execute(_INSERT_VERSION, {"url": url, "now": seen, "via": via})
                    self.write_html(article_id, record.get("site"), row["body_html"])
                    outcomes.append("new")
                elif known[url] == record["content_hash"]:
                    self.db.execute("UPDATE articles SET last_seen = ?, status = 'live', "
                                    "gone_since = NULL WHERE url = ?", [seen, url])
                    outcomes.append("unchanged")
                else:
                    row = _article_row(record)
                    row.update(last_seen=seen, last_changed=seen)
                    self.db.execute(_KEEP_VERSION_TEXT, {"url": url})
                    self.db.execute(_UPDATE_ARTICLE, row)
                    self.db.execute(_INSERT_VERSION, {"url": url, "now": seen, "via": via})
                    self.write_html(self.article_id(url), record.get("site"), row["body_html"])
                    outcomes.append("changed")
                if derive is not None and (derive_unchanged or outcomes[-1] != "unchanged"):
                    derive(self, url, record)
                known[url] = record["content_hash"]
                if page is not None:
                    self._store_page(url, page, record.get("site"))
                self.db.execute("DELETE FROM dropped_urls WHERE url = ?", [url])
        return outcomes

    def touch(self, urls: Iterable[str], now: str | None = None) -> int:
        """Mark articles seen unchanged (a sitemap listed them so) without their text."""
        now = now or utc_now()
        with self.transaction():
            return sum(self.db.execute(
                "UPDATE articles SET last_seen = ?, status = 'live', gone_since = NULL "
                "WHERE url = ?", [now, url]).rowcount for url in urls)

    def confirm(self, pages: Iterable[tuple[str, str | None]], now: str | None = None) -> None:
        """The site answered 304 for these (url, sitemap <lastmod> asked with): the stored
        page counts as re-checked now, as of that <lastmod>."""
        now = now or utc_now()
        with self.transaction():
            for url, lastmod in pages:
                self.db.execute(
                    "UPDATE pages SET checked_at = ?, sitemap_lastmod = coalesce(?, "
                    "sitemap_lastmod) WHERE url = ?", [now, lastmod, url])

    def mark_gone(self, urls: Iterable[str], now: str | None = None) -> int:
        """Mark articles the site no longer has (kept, never deleted); how many."""
        now = now or utc_now()
        with self.transaction():
            return sum(self.db.execute(
                "UPDATE articles SET status = 'gone', gone_since = ? "
                "WHERE url = ? AND status != 'gone'", [now, url]).rowcount for url in urls)

    def known(self, site: str) -> Iterator[dict[str, Any]]:
        """A site's archived articles, as incremental runs need them: url, status,
        modified_at, checked_at (when the site last vouched for the stored page), etag,
        last_modified, sitemap_lastmod."""
        rows = self.db.execute(
            "SELECT a.url, a.status, coalesce(a.modified_at, a.published_at), "
            "coalesce(p.checked_at, p.fetched_at, a.last_seen), p.etag, p.last_modified, "
            "p.sitemap_lastmod "
            "FROM articles a LEFT JOIN pages p ON p.url = a.url WHERE a.site = ?", [site])
        # A run holds these for every article of the site: values many rows share (the
        # status, the second a page was checked in) are kept once, not once per row.
        shared: dict[str, str] = {}
        for url, status, modified, checked, etag, last_modified, lastmod in rows:
            yield {"url": url, "status": shared.setdefault(status, status),
                   "modified_at": modified,
                   "checked_at": shared.setdefault(checked, checked) if checked else "",
                   "etag": etag, "last_modified": last_modified, "sitemap_lastmod": lastmod}

    def stamps(self, url: str) -> tuple[str, str, str] | None:
        """An archived article's content_hash, first_seen and last_changed, if any."""
        row = self.db.execute("SELECT content_hash, first_seen, last_changed FROM articles "
                              "WHERE url = ?", [url]).fetchone()
        return tuple(row) if row else None  # type: ignore[return-value]

    def versions(self, url: str) -> list[dict[str, Any]]:
        table = "article_version_texts" if self.bodies_apart() else "article_versions"
        return list(self.db.query(
            f"SELECT * FROM {table} WHERE url = ? ORDER BY version", [url]))

    def _known_hashes(self, urls: list[str]) -> dict[str, str]:
        known: dict[str, str] = {}
        for start in range(0, len(urls), 500):
            chunk = urls[start:start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT url, content_hash FROM articles WHERE url IN ({marks})", chunk)
            known.update(dict(rows.fetchall()))
        return known

    def _store_page(self, article_url: str, page: RawPage, site: str | None = None) -> None:
        digest = hashlib.sha256(page.body).hexdigest()
        current = self.db.execute(
            "SELECT body_sha256 FROM pages WHERE url = ?", [article_url]).fetchone()
        if current and current[0] == digest:
            self.db.execute(
                "UPDATE pages SET fetched_at = ?, checked_at = ?, status = ?, etag = ?, "
                "last_modified = ?, sitemap_lastmod = coalesce(?, sitemap_lastmod) "
                "WHERE url = ?",
                [page.fetched_at, page.fetched_at, page.status, page.headers.get("etag"),
                 page.headers.get("last-modified"), page.sitemap_lastmod, article_url])
            return
        self.db.execute(_UPSERT_PAGE, {
            "url": article_url,
            "article_url": article_url,
            "fetched_url": None if page.url == article_url else page.url,  # NULL: the url
            "fetched_at": page.fetched_at,
            "checked_at": page.fetched_at,
            "status": page.status,
            "etag": page.headers.get("etag"),
            "last_modified": page.headers.get("last-modified"),
            "sitemap_lastmod": page.sitemap_lastmod,
            "body_sha256": digest,
            "headers": json.dumps(page.headers, sort_keys=True),
        })
        self.write_body(article_url, site, page.body)

    def sites(self) -> list[str]:
        """The sites the archive holds articles of, by name. One index seek a site (a loose
        index scan): DISTINCT read the whole site index, 32 MB of a 100,000-article
        archive's pages mapped into every read command before it started."""
        return [row[0] for row in self.db.execute(
            "WITH RECURSIVE s(site) AS (SELECT min(site) FROM articles UNION ALL "
            "SELECT (SELECT min(site) FROM articles WHERE site > s.site) FROM s "
            "WHERE s.site IS NOT NULL) SELECT site FROM s WHERE site IS NOT NULL")]

    def count(self, site: str | None = None) -> int:
        if site:
            return self.db.execute(
                "SELECT count(*) FROM articles WHERE site = ?", [site]).fetchone()[0]
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def article_id(self, url: str) -> int | None:
        """The article's row id (what the derived layers and article_html are keyed by)."""
        row = self.db.execute("SELECT rowid FROM articles WHERE url = ?", [url]).fetchone()
        return row[0] if row else None

    def write_html(self, article_id: int | None, site: str | None, html: str | None) -> None:
        """An article's body_html, compressed as raw pages are (with the site's dictionary)."""
        if article_id is None:
            return
        if html is None:
            self.db.execute("DELETE FROM article_html WHERE article_id = ?", [article_id])
            return
        encoding, dictionary, blob = self.compress_body(site, html.encode())
        self.db.execute("INSERT OR REPLACE INTO article_html (article_id, encoding, dictionary, "
                        "html) VALUES (?, ?, ?, ?)", [article_id, encoding, dictionary, blob])

    def html_apart(self) -> bool:
        """Whether body_html is in article_html (schema 11 on), not in articles."""
        if "_html_apart" not in self.__dict__:
            self.__dict__["_html_apart"] = self.db.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'article_html'").fetchone() is not None
        return bool(self.__dict__["_html_apart"])

    def _select_articles(self, where: str = "", order: str = "") -> str:
        """SELECT of whole article rows, body_html included (decoded by _full_article)."""
        if not self.html_apart():
            return f"SELECT * FROM articles a {where} {order}"
        return ("SELECT a.*, h.encoding AS html_encoding_, h.dictionary AS html_dictionary_, "
                "h.html AS html_ FROM articles a LEFT JOIN article_html h "
                f"ON h.article_id = a.rowid {where} {order}")

    def _full_article(self, row: dict[str, Any]) -> dict[str, Any]:
        if "html_" in row:
            encoding, dictionary, html = (row.pop("html_encoding_"),
                                          row.pop("html_dictionary_"), row.pop("html_"))
            row["body_html"] = None if html is None else \
                self.decompress_body(encoding, dictionary, html).decode()
        return decode_article(row)

    def article(self, url: str) -> dict[str, Any] | None:
        rows = list(self.db.query(self._select_articles("WHERE a.url = ?"), [url]))
        return self._full_article(rows[0]) if rows else None

    def articles(self, site: str | None = None) -> Iterator[dict[str, Any]]:
        sql = self._select_articles("WHERE a.site = ?" if site else "", "ORDER BY a.url")
        for row in self.db.query(sql, [site] if site else []):
            yield self._full_article(row)

    def raw_page(self, article_url: str) -> RawPage | None:
        body, join = self._body_columns()
        row = self.db.execute(
            f"SELECT coalesce(p.fetched_url, p.url), p.status, p.headers, {body}, "
            f"p.fetched_at FROM pages p{join} WHERE p.article_url = ?",
            [article_url]).fetchone()
        if row is None:
            return None
        url, status, headers, encoding, dictionary, body, fetched_at = row
        return RawPage(url, status, json.loads(headers),
                       self.decompress_body(encoding, dictionary, body), fetched_at)

    def iter_pages(self, site: str | None = None,
                   chunk: int = 100) -> Iterator[tuple[str, RawPage]]:
        """Every stored raw page with its article URL (for re-parsing and WARC export).

        Read a chunk at a time in key order, with no cursor left open between chunks:
        memory stays flat, and the caller may write to the archive as it goes."""
        body, join = self._body_columns()
        sql = ("SELECT p.url, p.article_url, coalesce(p.fetched_url, p.url), p.status, "
               f"p.headers, {body}, p.fetched_at FROM pages p "
               f"JOIN articles a ON a.url = p.article_url{join} WHERE p.url > ?" +
               (" AND a.site = ?" if site else "") + " ORDER BY p.url LIMIT ?")
        last = ""
        while True:
            rows = self.db.execute(sql, [last, *([site] if site else []), chunk]).fetchall()
            for _, article_url, url, status, headers, encoding, dictionary, body, fetched_at \
                    in rows:
                yield article_url, RawPage(url, status, json.loads(headers),
                                           self.decompress_body(encoding, dictionary, body),
                                           fetched_at)
            if len(rows) < chunk:
                return
            last = rows[-1][0]

    def _body_columns(self) -> tuple[str, str]:
        """The body's columns (encoding, dictionary, body) and the join they need: in
        page_bodies, or in pages in an archive of before schema 8 read as it is."""
        if self.bodies_apart():
            return "b.encoding, b.dictionary, b.body", " JOIN page_bodies b ON b.url = p.url"
        return "p.encoding, NULL, p.body", ""

    def latest(self, limit: int = 5) -> list[dict[str, Any]]:
        """The newest articles by publication date (decoded)."""
        return [self._full_article(row) for row in self.db.query(
            self._select_articles(order="ORDER BY a.published_at DESC LIMIT ?"), [limit])]

    def versions_and_status(self) -> dict[str, tuple[int, str]]:
        """Every article's version number and status, by URL (what a run changed)."""
        return {url: (version, status) for url, version, status in
                self.db.execute("SELECT url, version, status FROM articles")}


def _article_row(record: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for column in ARTICLE_COLUMNS:
        if column in ("first_seen", "last_seen", "last_changed"):
            continue
        value = record.get(column)
        if column in LIST_COLUMNS:
            value = json.dumps(list(value or []), ensure_ascii=False)
        row[column] = value
    row["search_folded"] = fold_extra(row["title"], row["authors"], row["body_text"])
    return row


def decode_article(row: dict[str, Any]) -> dict[str, Any]:
    for column in LIST_COLUMNS:
        if isinstance(row.get(column), str):
            row[column] = json.loads(row[column])
    return row
