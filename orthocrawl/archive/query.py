"""Reading the archive for analysts: filters, full-text search, export rows, statistics.

Everything here only reads. Filters become one parameterised WHERE clause over
`articles a`; full-text search goes through the FTS5 index with bm25 ranking,
title weighted above authors and body.
"""

from __future__ import annotations

import calendar
import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from orthocrawl.archive.connection import ArchiveError, Connection
from orthocrawl.dates import format_utc
from orthocrawl.items import SEARCH_WEIGHTS
from orthocrawl.urls import canonical_url

# The full-text index's columns (declared with the record, in items.py).
FTS_COLUMNS = tuple(SEARCH_WEIGHTS)
OPERATORS = {"AND", "OR", "NOT"}
STATUSES = ("live", "gone", "all")


class QueryError(ArchiveError, ValueError):
    """A search or filter the user wrote that cannot run; the message is one line."""

    code = 2


@dataclass
class Filters:
    site: list[str] = field(default_factory=list)
    author: list[str] = field(default_factory=list)
    tag: list[str] = field(default_factory=list)
    category: list[str] = field(default_factory=list)
    since: str | None = None
    until: str | None = None
    status: str = "all"  # live | gone | all
    company: list[str] = field(default_factory=list)  # canonical names (any of them)

    def __post_init__(self) -> None:
        self.where()  # a date that is not one fails here (QueryError), before any output

    def where(self) -> tuple[str, list[Any]]:
        """SQL conditions on `articles a`, joined by AND ("1" when there are none)."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.site:
            clauses.append(f"a.site IN ({', '.join('?' * len(self.site))})")
            params += self.site
        if self.company:  # mentioned, by whatever name the text used (the entities layer)
            # `mentions` is a view by URL from schema 11 on (article_mentions by row id)
            clauses.append("EXISTS (SELECT 1 FROM mentions m JOIN entities n ON n.id = "
                           "m.entity_id WHERE m.article_url = a.url AND n.kind = 'company' "
                           f"AND n.name IN ({', '.join('?' * len(self.company))}))")
            params += self.company
        for column, values in (("authors", self.author), ("tags", self.tag),
                               ("categories", self.category)):
            for value in values:  # each given value must be present (case-insensitive)
                clauses.append(f"EXISTS (SELECT 1 FROM json_each(a.{column}) "
                               "WHERE lower(json_each.value) = lower(?))")
                params.append(value)
        if self.status not in STATUSES:
            raise QueryError(f"--status {self.status!r}: use {', '.join(STATUSES)}")
        if self.status != "all":  # an article is live unless it has been marked gone
            clauses.append("a.status = 'gone'" if self.status == "gone"
                           else "a.status != 'gone'")
        bounds = []
        dates: tuple[tuple[str, str | None], ...] = (("--since", self.since),
                                                      ("--until", self.until))
        for option, given in dates:
            if given:
                operator, stamp = date_bound(given, option)
                clauses.append(f"a.published_at {operator} ?")
                params.append(stamp)
                bounds.append((stamp, operator))
        if len(bounds) == 2 and (bounds[0][0], "<=") > bounds[1]:  # "<" sorts before "<="
            raise QueryError(f"--since {self.since} is after --until {self.until}")
        return (" AND ".join(clauses) or "1"), params


# ---- dates of --since and --until ----

DATE_RULE = "YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 time such as 2024-05-31T12:00Z"
_PARTIAL_DATE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def date_bound(value: str, option: str) -> tuple[str, str]:
    """The one rule for --since and --until, never filled in from today's date: the SQL
    comparison and UTC time stamp that published_at is held to.

    A year means its first day (--until: through its last), a year-month its first day
    (through its last), a date that day (--until: through its end), a date with a time
    (ISO 8601, UTC unless it names a zone) that moment. Anything else (01/02/2024,
    yesterday, 12) raises QueryError.
    """
    until = option == "--until"
    text = value.strip()
    try:
        match = _PARTIAL_DATE.match(text)
        if match:
            year = int(match["year"])
            month = int(match["month"] or (12 if until else 1))
            day = int(match["day"] or (calendar.monthrange(year, month)[1] if until else 1))
            first = date(year, month, day)
            if until and first == date.max:
                return "<=", f"{first.isoformat()}T23:59:59Z"
            if until:  # through the end of that day: before the next one starts
                return "<", f"{(first + timedelta(days=1)).isoformat()}T00:00:00Z"
            return ">=", f"{first.isoformat()}T00:00:00Z"
        if _DATE_TIME.match(text):
            moment = format_utc(datetime.fromisoformat(text.replace("Z", "+00:00")))
            return ("<=" if until else ">="), moment
    except (ValueError, OverflowError):
        pass
    raise QueryError(f"{option} {value!r} is not a date: write {DATE_RULE}")


# ---- full-text queries ----

_TOKEN = re.compile(r'\s*(?:(?P<phrase>"(?:[^"]|"")*")|(?P<open>\()|(?P<close>\))|'
                    r'(?P<comma>,)|(?P<quote>")|'
                    # a word, with a glued parenthesis kept in it: 510(k)
                    r'(?P<word>[^\s(),"]+(?:\([^\s()"]*\)[^\s(),"]*)?))')
_BAREWORD = re.compile(r"^[\w\u0080-\uffff]+\*?$")
_COLUMN = re.compile(rf"^(?P<col>{'|'.join(FTS_COLUMNS)}):(?P<rest>.+)$")


def fts_query(text: str) -> str:
    """Turn what an analyst types into an FTS5 query.

    Phrases ("..."), prefixes (implant*), AND/OR/NOT, parentheses, NEAR(...) and
    column filters (title:fusion) mean what FTS5 says. A plain word with
    punctuation inside (Perez-Cruet, O'Brien, L4-L5) is searched as the phrase of
    its parts. What FTS5 cannot parse (an unbalanced quote, a lone "-", "NEAR(")
    raises QueryError.
    """
    if not text.strip():
        raise QueryError("empty search")
    parts: list[str] = []
    groups: list[bool] = []  # per open parenthesis: is it NEAR's?
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            break
        position = match.end()
        if match.group("quote"):
            raise QueryError(f"unbalanced quote in search {text!r}")
        if match.group("phrase"):
            parts.append(match.group("phrase"))
        elif match.group("open"):
            groups.append(bool(parts) and parts[-1] == "NEAR")
            parts.append("(")
        elif match.group("close"):
            if not groups:
                raise QueryError(f"unbalanced parenthesis in search {text!r}")
            groups.pop()
            parts.append(")")
        elif match.group("comma"):
            if groups and groups[-1]:  # NEAR(a b, 5); elsewhere a comma is only punctuation
                parts[-1] += ","
        else:
            parts.append(_word(match.group("word"), text))
    if groups:
        raise QueryError(f"unbalanced parenthesis in search {text!r}")
    return " ".join(parts)


def _word(word: str, text: str) -> str:
    if word in OPERATORS or word == "NEAR" or _BAREWORD.match(word):
        return word
    column = _COLUMN.match(word)
    if column:
        return f"{column.group('col')} : {_word(column.group('rest'), text)}"
    if not re.search(r"\w", word):
        raise QueryError(f"{word!r} is not a search term (in {text!r}); "
                         "to exclude a word write NOT word")
    return '"' + word.replace('"', '""') + '"'


# ---- searches and listings ----

def _has_stories(conn: sqlite3.Connection) -> bool:
    return any(row[1] == "story_id" for row in conn.execute("PRAGMA table_info(articles)"))


def _one_per_story(conn: sqlite3.Connection, where: str, params: list[Any],
                   query: str | None) -> tuple[str, list[Any]]:
    """The WHERE clause keeping one article of each story among those `where` (and the
    full-text query) selects: the story's canonical copy when it is among them, else the
    best match (the earliest archived without a query). An article in no story yet counts
    as a story of its own."""
    if not _has_stories(conn):
        raise QueryError("this archive has no stories (schema older than 8): run "
                         "`orthocrawl migrate`, then `orthocrawl stories --rebuild`")
    source = ("FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
              "LEFT JOIN stories s ON s.id = a.story_id WHERE articles_fts MATCH ? AND "
              if query else "FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE ")
    best = "articles_fts.rank" if query else "a.rowid"
    clause = (f"{where} AND a.rowid IN (SELECT rid FROM (SELECT a.rowid AS rid, row_number() "
              "OVER (PARTITION BY coalesce(a.story_id, -a.rowid) ORDER BY "
              f"coalesce(a.url = s.canonical_url, 0) DESC, {best}) AS n {source}{where}) "
              "WHERE n = 1)")
    return clause, [*params, *([query] if query else []), *params]


STORY_SIZE = ("(SELECT articles FROM stories WHERE id = a.story_id) AS story_articles, "
              "(SELECT sites FROM stories WHERE id = a.story_id) AS story_sites")


def search(conn: sqlite3.Connection, text: str, filters: Filters,
           limit: int = 20, one_per_story: bool = False) -> list[dict[str, Any]]:
    where, params = filters.where()
    query = fts_query(text)
    if one_per_story:
        where, params = _one_per_story(conn, where, params, query)
    # Since schema v5 the index has a fourth column, search_folded (the folded forms of an
    # article's words: Soren for Søren); a snippet FTS5 takes from it is a list of words.
    folded = "search_folded" in {row[1] for row in conn.execute(
        "PRAGMA table_info(articles_fts)")}
    sql = f"""
        SELECT a.site, a.published_at, a.title, a.authors, a.url, a.status, a.gone_since,
               snippet(articles_fts, -1, char(2), char(3), '…', 16) AS snippet,
               {"snippet(articles_fts, 3, char(2), char(3), '…', 16)" if folded else "NULL"}
                   AS folded_,
               a.rowid AS rowid_{", a.story_id, " + STORY_SIZE if one_per_story else ""}
        FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
        WHERE articles_fts MATCH ? AND {where}
        ORDER BY rank LIMIT ?
    """
    hits = _rows(conn, sql, [query, *params, limit], text)
    for hit in hits:
        rowid, from_folded = hit.pop("rowid_"), hit.pop("folded_")
        snippet = hit["snippet"] or ""
        if "\x02" not in snippet or snippet == from_folded:
            # Matched through folded forms only: the snippet is made here, from the text,
            # with the matching words marked.
            body = conn.execute("SELECT body_text FROM articles WHERE rowid = ?",
                                [rowid]).fetchone()[0]
            authors = ", ".join(json.loads(hit["authors"] or "[]"))
            snippet = next((found for found in (folded_snippet(field, query) for field in
                                                (body or "", hit["title"] or "", authors))
                            if found), snippet)
        hit["snippet"] = mark_whole_terms(snippet)
    return hits


def folded_snippet(text: str, query: str, size: int = 16) -> str | None:
    """About `size` words of text around the first word that matches a word of the FTS5
    query once both are folded (archive.schema.fold_word, the index's own rule), matches
    marked char(2) ... char(3); None when no word matches."""
    from orthocrawl.archive.schema import fold_word

    terms = [(fold_word(m[1]).lower(), bool(m[2]))
             for m in re.finditer(r"\b(\w+)\b(\*?)(?!\s*:)", query)
             if m[1] not in OPERATORS and m[1] != "NEAR" and not m[1].isdigit()]
    words = list(re.finditer(r"\w+", text))

    def matches(word: str) -> bool:
        folded = fold_word(word).lower()
        return any(folded.startswith(t) if prefix else folded == t for t, prefix in terms)

    hits = [i for i, word in enumerate(words) if matches(word[0])]
    if not hits:
        return None
    first = max(0, min(hits[0] - size // 4, len(words) - size))
    chosen = words[first:first + size]
    out, position = [], chosen[0].start()
    for word in chosen:
        out.append(text[position:word.start()])
        out.append(f"\x02{word[0]}\x03" if matches(word[0]) else word[0])
        position = word.end()
    return (("…" if first else "") + "".join(out) +
            ("…" if first + size < len(words) else ""))


def mark_whole_terms(snippet: str, start: str = "[", end: str = "]") -> str:
    """Bracket the matches of a snippet FTS5 marked with char(2) ... char(3), each whole.

    FTS5 marks tokens, and a term such as 510(k) is two of them, so its mark would end
    inside the term: 510(k]). A mark is stretched over the rest of the term (to the
    parenthesis that balances one inside it, with no space between)."""
    text: list[str] = []
    spans: list[list[int]] = []
    for char in snippet:
        if char == "\x02":
            spans.append([len(text), len(text)])
        elif char == "\x03" and spans:
            spans[-1][1] = len(text)
        else:
            text.append(char)
    plain = "".join(text)
    for span in spans:
        depth = plain.count("(", *span) - plain.count(")", *span)
        position = span[1]
        while depth > 0 and position < len(plain) and not plain[position].isspace():
            depth += {"(": 1, ")": -1}.get(plain[position], 0)
            position += 1
        if depth == 0:
            span[1] = position
        depth = plain.count(")", *span) - plain.count("(", *span)
        position = span[0]
        while depth > 0 and position > 0 and not plain[position - 1].isspace():
            position -= 1
            depth += {")": 1, "(": -1}.get(plain[position], 0)
        if depth == 0:
            span[0] = position
    merged: list[list[int]] = []
    for first, stop in spans:
        if merged and first < merged[-1][1]:  # a stretched mark now covers the next one
            merged[-1][1] = max(merged[-1][1], stop)
        else:
            merged.append([first, stop])
    out, last = [], 0
    for first, stop in merged:
        out += [plain[last:first], start, plain[first:stop], end]
        last = stop
    out.append(plain[last:])
    return "".join(out)


def _rows(conn: sqlite3.Connection, sql: str, params: list[Any],
          text: str = "") -> list[dict[str, Any]]:
    cursor = _execute(conn, sql, params, text)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


# What SQLite says when FTS5 cannot parse a MATCH expression (the only errors that are the
# query's fault; a locked, unreadable or damaged archive raises sqlite3's own error).
_FTS_SYNTAX = re.compile(r"^fts5: |syntax error|unterminated string|expected integer|"
                         r"unknown special query")


def _execute(conn: sqlite3.Connection, sql: str, params: list[Any],
             text: str | None) -> sqlite3.Cursor:
    """Run a statement; an FTS5 syntax error in the user's search becomes QueryError.

    sqlite3 steps a SELECT once on execute, so a MATCH that cannot be parsed fails here,
    before the caller has written anything."""
    try:
        return conn.execute(sql, params)
    except sqlite3.OperationalError as error:
        if text and _FTS_SYNTAX.search(str(error)):
            raise QueryError(f"cannot search for {text!r}: {error}") from None
        raise


def iter_articles(conn: sqlite3.Connection, columns: list[str], filters: Filters,
                  text: str | None = None,
                  one_per_story: bool = False) -> Iterator[dict[str, Any]]:
    """Rows for export in published order. The query runs (and fails, on a search FTS5
    cannot parse) when this is called; rows are then streamed as they are read.
    `one_per_story`: a story's canonical copy only (see _one_per_story), with two more
    columns, story_articles and story_sites (its copies and their sites)."""
    where, params = filters.where()
    query = fts_query(text) if text else None
    if one_per_story:
        where, params = _one_per_story(conn, where, params, query)
        columns = [*columns, "story_articles", "story_sites"]
    selected = ", ".join(f"a.{c}" for c in columns if not c.startswith("story_")) + (
        f", {STORY_SIZE}" if one_per_story else "")
    if query:
        sql = (f"SELECT {selected} FROM articles_fts JOIN articles a "
               f"ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ? AND {where} "
               "ORDER BY a.published_at, a.url")
        params = [query, *params]
    else:
        sql = f"SELECT {selected} FROM articles a WHERE {where} ORDER BY a.published_at, a.url"
    cursor = _execute(conn, sql, params, text)
    return (dict(zip(columns, row, strict=True)) for row in cursor)


def article_key(conn: sqlite3.Connection, url: str) -> str | None:
    """The URL an article is archived under, given that URL or a variant of it: http or
    https, with or without www., with or without the trailing slash, tracking parameters
    (canonical_url drops them). None when the archive has none of them."""
    key = canonical_url(url)
    parts = urlsplit(key)
    host = parts.netloc.removeprefix("www.")
    paths = [parts.path]
    if parts.path != "/":
        paths.append(parts.path[:-1] if parts.path.endswith("/") else parts.path + "/")
    candidates = dict.fromkeys([key] + [
        urlunsplit((parts.scheme, netloc, path, parts.query, ""))
        for netloc in (parts.netloc, host, f"www.{host}") for path in paths])
    for candidate in candidates:
        if conn.execute("SELECT 1 FROM articles WHERE url = ?", [candidate]).fetchone():
            return candidate
    return None


STAT_KEYS = {
    "site": ("a.site", ""),
    "month": ("substr(a.published_at, 1, 7)", ""),
    "author": ("j.value", "JOIN json_each(a.authors) j"),
    "tag": ("j.value", "JOIN json_each(a.tags) j"),
    "category": ("j.value", "JOIN json_each(a.categories) j"),
}


def stats(conn: sqlite3.Connection, by: str,
          filters: Filters) -> list[tuple[str, int, int]]:
    """(group, articles, of which gone) by site, month, author, tag or category."""
    key, join = STAT_KEYS[by]
    where, params = filters.where()
    order = "grp IS NULL, grp DESC" if by == "month" else "2 DESC, 1"  # newest month first
    sql = (f"SELECT {key} AS grp, count(*), total(a.status = 'gone') FROM articles a {join} "
           f"WHERE {where} GROUP BY grp ORDER BY {order}")
    return [(row[0] or "(none)", row[1], int(row[2])) for row in conn.execute(sql, params)]


def per_month_per_site(conn: sqlite3.Connection,
                       filters: Filters) -> list[tuple[str, str, int]]:
    where, params = filters.where()
    sql = (f"SELECT substr(a.published_at, 1, 7) AS month, a.site, count(*) FROM articles a "
           f"WHERE {where} AND a.published_at IS NOT NULL GROUP BY month, a.site ORDER BY month")
    return [tuple(row) for row in conn.execute(sql, params)]


# Datasette's canned queries (`orthocrawl serve`): what analysts ask first.
CANNED_QUERIES: dict[str, dict[str, str]] = {
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
    "story_copies": {
        "title": "A story's copies, side by side",
        "description": "Every copy of a story (its id: the stories table, or story_id in "
                       "article_list), earliest first, with its site and opening words.",
        "sql": """select coalesce(a.published_at, a.first_seen) as published, a.site, a.title,
       a.word_count, a.url = s.canonical_url as canonical, a.status,
       substr(a.body_text, 1, 400) as opening, a.url
from articles a join stories s on s.id = a.story_id
where a.story_id = :story
order by published, a.rowid""",
    },
    "sites_overview": {
        "title": "Sites: articles, first and latest",
        "sql": """select site, count(*) as articles, min(published_at) as first,
       max(published_at) as latest, sum(word_count) as words
from articles group by site order by articles desc""",
    },
}


class Queries(Connection):
    """The analysts' reads, as the archive's methods (one search API for every caller)."""

    def search(self, text: str, filters: Filters | None = None,
               limit: int = 20, one_per_story: bool = False) -> list[dict[str, Any]]:
        """Ranked full-text search (see fts_query for the query language): site,
        published_at, title, authors (a list), url, status, gone_since, snippet;
        `one_per_story`: one copy of each story (its canonical one when it matches), with
        story_id, story_articles and story_sites."""
        hits = search(self.db.conn, text, filters or Filters(), limit, one_per_story)
        for hit in hits:
            hit["authors"] = json.loads(hit["authors"] or "[]")
            hit["snippet"] = " ".join((hit["snippet"] or "").split())
        return hits

    def export_rows(self, columns: list[str], filters: Filters, text: str | None = None,
                    one_per_story: bool = False) -> Iterator[dict[str, Any]]:
        return iter_articles(self.db.conn, columns, filters, text, one_per_story)

    def stats(self, by: str, filters: Filters) -> list[tuple[str, int, int]]:
        return stats(self.db.conn, by, filters)

    def per_month(self, filters: Filters) -> list[tuple[str, str, int]]:
        return per_month_per_site(self.db.conn, filters)

    def find_article(self, url: str) -> str | None:
        """The archive's key for url or any variant of it (see article_key)."""
        return article_key(self.db.conn, url)

    def history(self, url: str) -> tuple[str, dict[str, Any], list[dict[str, Any]]]:
        """An article's key, row and every version, found by any variant of its URL
        (ArchiveError when the archive has none of them)."""
        key = self.find_article(url)
        article = self.article(key) if key else None  # type: ignore[attr-defined]
        if key is None or article is None:
            raise ArchiveError(f"{url} is not in {self.path} (nor any variant of it: http, "
                               "www., trailing slash, tracking parameters)")
        return key, article, self.versions(key)  # type: ignore[attr-defined]
