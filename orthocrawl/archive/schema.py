"""The archive's schema: every migration frozen as the literal SQL it ran.

``PRAGMA user_version`` holds the schema version. MIGRATIONS[n - 1] takes an archive of
version n - 1 to version n; a migration is never edited once released (an old archive is
what that migration made of it), so a change to the schema is always a new migration.
Real archives of every old version are kept in tests/fixtures/archives/ and migrated by
the tests.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata

from anyascii import anyascii

try:  # Python 3.14+
    from compression import zstd
except ImportError:  # the official backport of the same module
    from backports import zstd

# Version 1: articles, raw pages, runs, and the full-text index (external content, kept
# in sync by triggers; the update trigger fires only when indexed text changes, so a
# re-crawl that moves last_seen does not re-index).
_V1 = """
CREATE TABLE articles (
   url TEXT PRIMARY KEY, site TEXT NOT NULL, title TEXT, authors TEXT, posted_by TEXT,
   published_at TEXT, modified_at TEXT, categories TEXT, tags TEXT, description TEXT,
   lead_image TEXT, language TEXT, body_text TEXT, body_html TEXT, word_count INTEGER,
   source TEXT, content_hash TEXT, first_seen TEXT, last_seen TEXT, last_changed TEXT
);
CREATE INDEX idx_articles_site_published_at ON articles (site, published_at);
CREATE INDEX idx_articles_published_at ON articles (published_at);
CREATE TABLE pages (
   url TEXT PRIMARY KEY, article_url TEXT, fetched_at TEXT, status INTEGER, headers TEXT,
   body_sha256 TEXT, body BLOB, encoding TEXT
);
CREATE INDEX idx_pages_article_url ON pages (article_url);
CREATE TABLE crawl_runs (
   id INTEGER PRIMARY KEY, started_at TEXT, finished_at TEXT, sites TEXT, status TEXT,
   finish_reason TEXT, requests INTEGER, responses INTEGER, articles_new INTEGER,
   articles_changed INTEGER, articles_unchanged INTEGER, articles_dropped INTEGER,
   drop_reasons TEXT, http_errors TEXT, errors INTEGER, elapsed_seconds REAL
);
CREATE VIRTUAL TABLE articles_fts USING fts5(
   title, authors, body_text, content="articles", content_rowid="rowid",
   tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
   INSERT INTO articles_fts(rowid, title, authors, body_text)
      VALUES (new.rowid, new.title, new.authors, new.body_text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
   INSERT INTO articles_fts(articles_fts, rowid, title, authors, body_text)
      VALUES ('delete', old.rowid, old.title, old.authors, old.body_text);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, authors, body_text ON articles BEGIN
   INSERT INTO articles_fts(articles_fts, rowid, title, authors, body_text)
      VALUES ('delete', old.rowid, old.title, old.authors, old.body_text);
   INSERT INTO articles_fts(rowid, title, authors, body_text)
      VALUES (new.rowid, new.title, new.authors, new.body_text);
END;
"""

# Version 2: bm25 ranking with title above authors above body as the index's default
# `rank`; the view analysts browse (no body, a month to facet on).
_V2 = """
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 1.0)');
CREATE VIEW article_list AS
   SELECT rowid, published_at, substr(published_at, 1, 7) AS month, site, title, authors,
          tags, categories, word_count, source, url
   FROM articles;
"""

# Version 3: versions (every text an article has had, newest in `articles`), gone
# articles marked, validators for conditional requests, run figures.
_V3 = """
ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE articles ADD COLUMN status TEXT NOT NULL DEFAULT 'live';
ALTER TABLE articles ADD COLUMN gone_since TEXT;
CREATE TABLE article_versions (
   url TEXT NOT NULL, version INTEGER NOT NULL, fetched_at TEXT, content_hash TEXT,
   title TEXT, body_text TEXT, modified_at TEXT, via TEXT,
   PRIMARY KEY (url, version)
);
INSERT INTO article_versions
   SELECT url, 1, last_changed, content_hash, title, body_text, modified_at, 'crawl'
   FROM articles;
ALTER TABLE pages ADD COLUMN fetched_url TEXT;
ALTER TABLE pages ADD COLUMN etag TEXT;
ALTER TABLE pages ADD COLUMN last_modified TEXT;
UPDATE pages SET fetched_url = url;
ALTER TABLE crawl_runs ADD COLUMN field_shares TEXT;
ALTER TABLE crawl_runs ADD COLUMN failures TEXT;
ALTER TABLE crawl_runs ADD COLUMN articles_gone INTEGER;
ALTER TABLE crawl_runs ADD COLUMN pid INTEGER;
CREATE INDEX articles_site_status ON articles (site, status);
"""

# Version 4: checked_at, when the site last vouched for a stored page (a 200, or a 304 to
# a conditional GET), what re-checks are due by; sitemap_lastmod, the sitemap's own
# <lastmod> for the page then, which the next run compares with the sitemap's value.
_V4 = """
ALTER TABLE pages ADD COLUMN checked_at TEXT;
ALTER TABLE pages ADD COLUMN sitemap_lastmod TEXT;
UPDATE pages SET checked_at = fetched_at;
"""

# Version 5:
# - dropped_urls: pages a run fetched and did not archive (not an article, too short, no
#   title), so that later runs do not fetch them again until the sitemap says they
#   changed, their re-check is due, or `--recheck dropped` asks;
# - article_list shows status and gone_since (appended: the documented order stays);
# - search folds letters that unicode61 leaves alone (ø, æ, ß, ł, đ...): the words of an
#   article that fold differently are kept, folded, in articles.search_folded (written by
#   the archive: fold_extra), and indexed as a fourth column, so "Soren" finds "Søren" as
#   "Tomas" finds "Tomás". The triggers stay plain SQL: any SQLite client can write.
_V5 = """
CREATE TABLE dropped_urls (
   url TEXT PRIMARY KEY, site TEXT NOT NULL, reason TEXT NOT NULL, lastmod TEXT,
   dropped_at TEXT NOT NULL, checked_at TEXT NOT NULL
);
CREATE INDEX dropped_urls_site ON dropped_urls (site, checked_at);
DROP VIEW article_list;
CREATE VIEW article_list AS
   SELECT rowid, published_at, substr(published_at, 1, 7) AS month, site, title, authors,
          tags, categories, word_count, source, url, status, gone_since
   FROM articles;
ALTER TABLE articles ADD COLUMN search_folded TEXT;
UPDATE articles SET search_folded = orthocrawl_fold_extra(title, authors, body_text);
DROP TRIGGER articles_ai;
DROP TRIGGER articles_ad;
DROP TRIGGER articles_au;
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
   title, authors, body_text, search_folded, content="articles", content_rowid="rowid",
   tokenize='porter unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 1.0, 1.0)');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
   INSERT INTO articles_fts(rowid, title, authors, body_text, search_folded)
      VALUES (new.rowid, new.title, new.authors, new.body_text, new.search_folded);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
   INSERT INTO articles_fts(articles_fts, rowid, title, authors, body_text, search_folded)
      VALUES ('delete', old.rowid, old.title, old.authors, old.body_text, old.search_folded);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, authors, body_text, search_folded
   ON articles BEGIN
   INSERT INTO articles_fts(articles_fts, rowid, title, authors, body_text, search_folded)
      VALUES ('delete', old.rowid, old.title, old.authors, old.body_text, old.search_folded);
   INSERT INTO articles_fts(rowid, title, authors, body_text, search_folded)
      VALUES (new.rowid, new.title, new.authors, new.body_text, new.search_folded);
END;
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
"""

# Version 6: where each article's body came from ("page_object", or "fallback": the generic
# body, when a publisher's page object found none or far too little; issue 9). Articles
# archived before were all their page object's.
_V6 = """
ALTER TABLE articles ADD COLUMN body_source TEXT DEFAULT 'page_object';
"""

# Version 7: the industry layer (derived from articles, rebuildable, never versioned):
# entities (companies, people, products, institutions; one row per (kind, name)), their
# mentions per article, events (deals, clearances, launches, appointments, partnerships),
# people's roles per article, and which method made each derived layer (a change of
# extractor or gazetteer means it must be rebuilt). Views for Datasette's trackers.
_V7 = """
CREATE TABLE entities (
   id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,
   aliases TEXT NOT NULL DEFAULT '[]', candidate INTEGER NOT NULL DEFAULT 0, today TEXT,
   UNIQUE (kind, name)
);
CREATE TABLE mentions (
   article_url TEXT NOT NULL, entity_id INTEGER NOT NULL, count INTEGER NOT NULL,
   first_sentence TEXT, PRIMARY KEY (article_url, entity_id)
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions (entity_id, article_url);
CREATE TABLE events (
   id INTEGER PRIMARY KEY, article_url TEXT NOT NULL, kind TEXT NOT NULL, date TEXT,
   company TEXT, target TEXT, product TEXT, number TEXT, amount INTEGER, currency TEXT,
   round TEXT, status TEXT, investors TEXT, person TEXT, title TEXT, sentence TEXT NOT NULL
);
CREATE INDEX events_article ON events (article_url);
CREATE INDEX events_kind_date ON events (kind, date);
CREATE INDEX events_company ON events (company);
CREATE TABLE people (
   article_url TEXT NOT NULL, entity_id INTEGER NOT NULL, role TEXT, degrees TEXT,
   institution TEXT, title TEXT, company TEXT, sentence TEXT,
   PRIMARY KEY (article_url, entity_id)
) WITHOUT ROWID;
CREATE TABLE derived_methods (layer TEXT PRIMARY KEY, method TEXT NOT NULL, built_at TEXT);
CREATE VIEW deal_tracker AS
   SELECT e.date, e.kind, e.company, e.target, e.amount, e.currency, e.round, e.status,
          a.site, a.title, e.article_url, e.sentence
   FROM events e JOIN articles a ON a.url = e.article_url
   WHERE e.kind IN ('acquisition', 'financing', 'partnership');
CREATE VIEW fda_clearances AS
   SELECT e.date, e.company, e.product, e.number, e.status, a.site, a.title, e.article_url,
          e.sentence
   FROM events e JOIN articles a ON a.url = e.article_url WHERE e.kind = 'clearance';
CREATE VIEW company_mentions_by_month AS
   SELECT n.name AS company, substr(a.published_at, 1, 7) AS month,
          count(*) AS articles, sum(m.count) AS mentions
   FROM mentions m JOIN entities n ON n.id = m.entity_id JOIN articles a ON a.url = m.article_url
   WHERE n.kind = 'company' GROUP BY n.name, month;
"""

# Version 8: stories (issue 11 §2; derived, rebuildable, never versioned): every article in
# one story of its syndicated copies. story_signatures, story_keys and story_facts are the
# story layer's storage (orthocrawl.stories.Storage: a signature per article, its lookup keys,
# its fact keys by day); story_ids hands out ids never reused (watchlists report stories by
# id); `stories` holds one row per story (its canonical copy, dates, size), and
# articles.story_id mirrors story_signatures.story_id for joins. article_list shows the
# story and its size (appended: the documented order stays).
_V8 = """
CREATE TABLE story_signatures (
   article_id INTEGER PRIMARY KEY, story_id INTEGER NOT NULL, signature BLOB NOT NULL
);
CREATE INDEX story_signatures_story ON story_signatures (story_id);
CREATE TABLE story_keys (
   key INTEGER NOT NULL, article_id INTEGER NOT NULL, PRIMARY KEY (key, article_id)
) WITHOUT ROWID;
CREATE INDEX story_keys_article ON story_keys (article_id);
CREATE TABLE story_facts (
   key INTEGER NOT NULL, day INTEGER NOT NULL, article_id INTEGER NOT NULL,
   PRIMARY KEY (key, day, article_id)
) WITHOUT ROWID;
CREATE INDEX story_facts_article ON story_facts (article_id);
CREATE TABLE story_ids (id INTEGER PRIMARY KEY AUTOINCREMENT);
CREATE TABLE stories (
   id INTEGER PRIMARY KEY, canonical_url TEXT NOT NULL, site TEXT, title TEXT,
   first_published TEXT, last_published TEXT, first_seen TEXT, last_seen TEXT,
   articles INTEGER NOT NULL, sites INTEGER NOT NULL
);
CREATE INDEX stories_first_published ON stories (first_published);
ALTER TABLE articles ADD COLUMN story_id INTEGER;
CREATE INDEX articles_story ON articles (story_id);
DROP VIEW article_list;
CREATE VIEW article_list AS
   SELECT a.rowid, a.published_at, substr(a.published_at, 1, 7) AS month, a.site, a.title,
          a.authors, a.tags, a.categories, a.word_count, a.source, a.url, a.status,
          a.gone_since, a.story_id, s.articles AS story_articles, s.sites AS story_sites
   FROM articles a LEFT JOIN stories s ON s.id = a.story_id;
"""

# Version 9: watchlists (issue 11 §4): saved full-text queries and the stories each has
# matched. A match is one story (story_key: 'story:<id>'
# when the article has a story, else 'article:<url>'), so a new copy of a story a watch has
# reported is not reported again; `reported` 0 marks what the archive held when the watch was
# added (known, never reported unless a backfill asks: `watch run --since`).
_WATCHES = """
CREATE TABLE watches (
   id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, query TEXT NOT NULL,
   sites TEXT NOT NULL DEFAULT '[]', min_sites INTEGER NOT NULL DEFAULT 1,
   created_at TEXT NOT NULL
);
CREATE TABLE watch_matches (
   watch_id INTEGER NOT NULL, story_key TEXT NOT NULL, article_url TEXT NOT NULL,
   matched_at TEXT NOT NULL, run_id INTEGER, reported INTEGER NOT NULL DEFAULT 1,
   summary TEXT, PRIMARY KEY (watch_id, story_key)
) WITHOUT ROWID;
CREATE INDEX watch_matches_latest ON watch_matches (watch_id, reported, matched_at);
"""


# Version 10 (issue 13; the storage part): what a run reads per article kept apart from what it
# never reads.
# - pages keeps a page's metadata (what incremental runs read: validators, checked_at, the
#   sitemap's <lastmod>); its raw body moves to page_bodies, so reading the one no longer
#   walks the other's blobs. article_versions (small rows now) is a WITHOUT ROWID table:
#   keyed by (url, version) once, not in the table and again in its index.
# - page_bodies.dictionary: the zstd dictionary a body was compressed with (NULL: none),
#   by the dictionary's sha256; compression_dictionaries holds them, per site, versioned
#   (the newest of a site is used for new pages; a body names the one it needs).
# - articles_known covers the known-article query (no read of the articles' text).
# - article_versions no longer repeats the current text: the current version's title and
#   body_text are NULL there (they are the article's, in `articles`) and are written when a
#   newer version supersedes it; article_version_texts shows every version's text.
_STORAGE = """
CREATE TABLE compression_dictionaries (
   sha256 TEXT PRIMARY KEY, site TEXT NOT NULL, trained_at TEXT NOT NULL,
   samples INTEGER NOT NULL, dictionary BLOB NOT NULL
);
CREATE INDEX compression_dictionaries_site ON compression_dictionaries (site, trained_at);
CREATE TABLE page_bodies (
   url TEXT PRIMARY KEY, encoding TEXT NOT NULL, dictionary TEXT, body BLOB
);
INSERT INTO page_bodies (url, encoding, dictionary, body)
   SELECT url, coalesce(encoding, 'identity'), NULL, body FROM pages;
CREATE TABLE pages_v8 (
   url TEXT PRIMARY KEY, article_url TEXT, fetched_url TEXT, fetched_at TEXT,
   checked_at TEXT, status INTEGER, etag TEXT, last_modified TEXT, sitemap_lastmod TEXT,
   body_sha256 TEXT, headers TEXT
);
INSERT INTO pages_v8
   SELECT url, article_url, fetched_url, fetched_at, checked_at, status, etag, last_modified,
          sitemap_lastmod, body_sha256, headers
   FROM pages;
DROP TABLE pages;
ALTER TABLE pages_v8 RENAME TO pages;
CREATE INDEX idx_pages_article_url ON pages (article_url);
CREATE INDEX articles_known
   ON articles (site, url, status, modified_at, published_at, last_seen);
CREATE TABLE article_versions_v8 (
   url TEXT NOT NULL, version INTEGER NOT NULL, fetched_at TEXT, content_hash TEXT,
   title TEXT, body_text TEXT, modified_at TEXT, via TEXT,
   PRIMARY KEY (url, version)
) WITHOUT ROWID;
INSERT INTO article_versions_v8
   SELECT v.url, v.version, v.fetched_at, v.content_hash,
          CASE WHEN a.title IS v.title AND a.body_text IS v.body_text THEN NULL
               ELSE v.title END,
          CASE WHEN a.title IS v.title AND a.body_text IS v.body_text THEN NULL
               ELSE v.body_text END,
          v.modified_at, v.via
   FROM article_versions v LEFT JOIN articles a ON a.url = v.url AND a.version = v.version;
DROP TABLE article_versions;
ALTER TABLE article_versions_v8 RENAME TO article_versions;
CREATE VIEW article_version_texts AS
   SELECT v.url, v.version, v.fetched_at, v.content_hash,
          CASE WHEN v.version = a.version THEN coalesce(v.title, a.title)
               ELSE v.title END AS title,
          CASE WHEN v.version = a.version THEN coalesce(v.body_text, a.body_text)
               ELSE v.body_text END AS body_text,
          v.modified_at, v.via
   FROM article_versions v LEFT JOIN articles a ON a.url = v.url;
"""

# Version 11 (issue 13: an article's size): what need not be stored twice.
# - The industry layer is keyed by the article's row id, not its URL (which each mention,
#   person and event repeated, in its row and again in an index): article_mentions,
#   article_people and article_events; `mentions`, `people` and `events` are views of them
#   with the article's URL (article_url), as before, and the trackers' views read them.
# - body_html leaves `articles` for article_html, zstd-compressed (with the site's page
#   dictionary once it has one: an article's markup is mostly its page's), keyed by the
#   article's row id; `articles` rows (read by every query) are half as wide. Bodies moved
#   here are compressed without a dictionary (orthocrawl_zstd: zstd level 3); a site's
#   recompression (compaction) gives them its dictionary.
# - pages.fetched_url is NULL when the page was fetched at its own URL (the usual case:
#   readers take coalesce(fetched_url, url), as they did); articles_site_status goes
#   (articles_known, on (site, url, status, ...), serves what it served).
_SIZE = """
CREATE TABLE article_mentions (
   article_id INTEGER NOT NULL, entity_id INTEGER NOT NULL, count INTEGER NOT NULL,
   first_sentence TEXT, PRIMARY KEY (article_id, entity_id)
) WITHOUT ROWID;
INSERT INTO article_mentions
   SELECT a.rowid, m.entity_id, m.count, m.first_sentence
   FROM mentions m JOIN articles a ON a.url = m.article_url;
CREATE INDEX article_mentions_entity ON article_mentions (entity_id, article_id);
CREATE TABLE article_people (
   article_id INTEGER NOT NULL, entity_id INTEGER NOT NULL, role TEXT, degrees TEXT,
   institution TEXT, title TEXT, company TEXT, sentence TEXT,
   PRIMARY KEY (article_id, entity_id)
) WITHOUT ROWID;
INSERT INTO article_people
   SELECT a.rowid, p.entity_id, p.role, p.degrees, p.institution, p.title, p.company,
          p.sentence
   FROM people p JOIN articles a ON a.url = p.article_url;
CREATE TABLE article_events (
   id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL, kind TEXT NOT NULL, date TEXT,
   company TEXT, target TEXT, product TEXT, number TEXT, amount INTEGER, currency TEXT,
   round TEXT, status TEXT, investors TEXT, person TEXT, title TEXT, sentence TEXT NOT NULL
);
INSERT INTO article_events
   SELECT e.id, a.rowid, e.kind, e.date, e.company, e.target, e.product, e.number, e.amount,
          e.currency, e.round, e.status, e.investors, e.person, e.title, e.sentence
   FROM events e JOIN articles a ON a.url = e.article_url;
CREATE INDEX article_events_article ON article_events (article_id);
CREATE INDEX article_events_kind_date ON article_events (kind, date);
CREATE INDEX article_events_company ON article_events (company);
DROP VIEW deal_tracker;
DROP VIEW fda_clearances;
DROP VIEW company_mentions_by_month;
DROP TABLE mentions;
DROP TABLE people;
DROP TABLE events;
CREATE VIEW mentions AS
   SELECT a.url AS article_url, m.entity_id, m.count, m.first_sentence
   FROM article_mentions m JOIN articles a ON a.rowid = m.article_id;
CREATE VIEW people AS
   SELECT a.url AS article_url, p.entity_id, p.role, p.degrees, p.institution, p.title,
          p.company, p.sentence
   FROM article_people p JOIN articles a ON a.rowid = p.article_id;
CREATE VIEW events AS
   SELECT e.id, a.url AS article_url, e.kind, e.date, e.company, e.target, e.product,
          e.number, e.amount, e.currency, e.round, e.status, e.investors, e.person, e.title,
          e.sentence
   FROM article_events e JOIN articles a ON a.rowid = e.article_id;
CREATE VIEW deal_tracker AS
   SELECT e.date, e.kind, e.company, e.target, e.amount, e.currency, e.round, e.status,
          a.site, a.title, a.url AS article_url, e.sentence
   FROM article_events e JOIN articles a ON a.rowid = e.article_id
   WHERE e.kind IN ('acquisition', 'financing', 'partnership');
CREATE VIEW fda_clearances AS
   SELECT e.date, e.company, e.product, e.number, e.status, a.site, a.title,
          a.url AS article_url, e.sentence
   FROM article_events e JOIN articles a ON a.rowid = e.article_id
   WHERE e.kind = 'clearance';
CREATE VIEW company_mentions_by_month AS
   SELECT n.name AS company, substr(a.published_at, 1, 7) AS month,
          count(*) AS articles, sum(m.count) AS mentions
   FROM article_mentions m JOIN entities n ON n.id = m.entity_id
   JOIN articles a ON a.rowid = m.article_id
   WHERE n.kind = 'company' GROUP BY n.name, month;
CREATE TABLE article_html (
   article_id INTEGER PRIMARY KEY, encoding TEXT NOT NULL, dictionary TEXT, html BLOB
);
INSERT INTO article_html (article_id, encoding, dictionary, html)
   SELECT rowid, 'zstd', NULL, orthocrawl_zstd(body_html) FROM articles
   WHERE body_html IS NOT NULL;
ALTER TABLE articles DROP COLUMN body_html;
UPDATE pages SET fetched_url = NULL WHERE fetched_url = url;
DROP INDEX articles_site_status;
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8, _WATCHES,
                                 _STORAGE, _SIZE)

# Columns that a released migration gained after the release (before migrations were
# frozen): archives made by the earlier release of that version lack them. Added before
# the next migration runs. (table, column, type) by version.
LATE_COLUMNS: dict[int, tuple[tuple[str, str, str], ...]] = {
    4: (("pages", "sitemap_lastmod", "TEXT"),),
}
SCHEMA_VERSION = len(MIGRATIONS)
# The oldest schema the read-only commands can read as it is (status and versions came
# in version 3); older archives are refused with a pointer to `orthocrawl migrate`.
READABLE_FROM = 3


# ---- folding for the full-text index ----

_WORD = re.compile(r"\w+")


def _strip_marks(word: str) -> str:
    """What unicode61's remove_diacritics does: decompose, drop the combining marks."""
    return "".join(c for c in unicodedata.normalize("NFKD", word)
                   if not unicodedata.combining(c))


def fold_word(word: str) -> str:
    """The one folding rule of search: a word's ASCII form (Søren -> Soren, Tomás -> Tomas,
    Straße -> Strasse), for Latin letters; other scripts are left as they are."""
    return anyascii(word) if all(c < "\u0250" or "\u1e00" <= c < "\u1f00" for c in word) \
        else word


def fold_extra(*texts: str | None) -> str | None:
    """The folded form of the words in texts that the tokenizer would not fold by itself
    (Søren -> Soren, but not Tomás, which unicode61 folds already); None when there are
    none (most articles)."""
    extra = dict.fromkeys(
        folded for text in texts if text and not text.isascii()
        for word in _WORD.findall(text) if not word.isascii()
        and (folded := fold_word(word)) != _strip_marks(word) and folded.isascii())
    return " ".join(extra) or None


def repair(conn: sqlite3.Connection, version: int) -> None:
    """Give an archive of `version` the columns a later build of that version added."""
    for table, column, kind in LATE_COLUMNS.get(version, ()):
        names = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if column not in names:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")


def register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the migrations call (never the triggers: any client can write)."""
    conn.create_function("orthocrawl_fold_extra", 3, fold_extra, deterministic=True)
    conn.create_function("orthocrawl_zstd", 1, _zstd, deterministic=True)


def _zstd(text: str | bytes | None) -> bytes | None:
    """zstd level 3 of a text's UTF-8 (what migration 11 stores body_html as)."""
    if text is None:
        return None
    return zstd.compress(text.encode() if isinstance(text, str) else text, 3)
