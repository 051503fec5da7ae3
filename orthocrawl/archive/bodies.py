"""Raw page bodies: zstd-compressed, with a dictionary per site once the site has enough pages.

Pages of one site share most of their markup (header, menus, footer, scripts), which a
zstd dictionary trained on the site's own pages holds once instead of in every page. A
site's dictionary is trained when it has TRAIN_AT raw pages (StorePipeline does it when a
run closes: `compact`), the pages stored before are recompressed with it, and new pages
use it. Dictionaries are kept per site by their sha256 (a newer one may follow; each body
names the one it needs), so every body ever stored stays readable. The dictionaries are
made and used through the `zstandard` package; bodies stored without one (every archive
before schema 8) are read as before.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import zstandard

try:  # Python 3.14+
    from compression import zstd
except ImportError:  # the official backport of the same module
    from backports import zstd

from orthocrawl.archive.connection import Connection
from orthocrawl.dates import utc_now

# How page_bodies.body is stored without a dictionary, by page_bodies.encoding.
DECOMPRESSORS: dict[str, Callable[[bytes], bytes]] = {
    "zstd": zstd.decompress,
    "zlib": zlib.decompress,
    "identity": bytes,
}
LEVEL = 3  # 4x faster than zlib's default level at a smaller size on HTML pages
# With a dictionary: level 5 and a 200 KB dictionary took the OrthoSpineNews replica's pages
# from 2.96 KB (level 3, zstd's default 110 KB) to 2.07 KB, for 4 to 4.5 times level 3's
# compression time (about 0.5 ms a page against 0.12 ms on an idle core; a crawl extracts a
# page in about 7 ms); levels above 6 cost twice as much again for 5% less.
DICT_LEVEL = 5
TRAIN_AT = 200  # raw pages a site needs before its dictionary is trained
SAMPLES = 400  # the newest pages of the site it is trained on, at most
DICT_SIZE = 200 * 1024
RECOMPRESS_BATCH = 100  # bodies recompressed per transaction


@dataclass(frozen=True)
class Compacted:
    trained: str | None = None  # the new dictionary's sha256, if one was trained
    recompressed: int = 0


class BodyStore(Connection):
    """Compressing, storing and reading raw bodies (table page_bodies)."""

    _dicts: dict[str, zstandard.ZstdCompressionDict]
    _newest: dict[str, str | None]

    def bodies_apart(self) -> bool:
        """Whether raw bodies are in page_bodies (schema 8 on), not in pages: read-only
        commands read archives of older schemas as they are."""
        if "_apart" not in self.__dict__:
            self.__dict__["_apart"] = self.db.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'page_bodies'").fetchone() is not None
        return bool(self.__dict__["_apart"])

    def _dictionary(self, sha256: str) -> zstandard.ZstdCompressionDict:
        cache = self.__dict__.setdefault("_dicts", {})
        if sha256 not in cache:
            row = self.db.execute("SELECT dictionary FROM compression_dictionaries "
                                  "WHERE sha256 = ?", [sha256]).fetchone()
            if row is None:
                raise ValueError(f"no compression dictionary {sha256} in the archive")
            cache[sha256] = zstandard.ZstdCompressionDict(row[0])
        return cache[sha256]

    def site_dictionary(self, site: str) -> str | None:
        """The sha256 of the site's newest dictionary (what new pages use), if any."""
        newest = self.__dict__.setdefault("_newest", {})
        if site not in newest:
            row = self.db.execute(
                "SELECT sha256 FROM compression_dictionaries WHERE site = ? "
                "ORDER BY trained_at DESC, sha256 LIMIT 1", [site]).fetchone()
            newest[site] = row[0] if row else None
        return newest[site]

    def compress_body(self, site: str | None, body: bytes) -> tuple[str, str | None, bytes]:
        """(encoding, dictionary sha256 or None, compressed body) for a new page of site."""
        sha256 = self.site_dictionary(site) if site else None
        if sha256 is None:
            return "zstd", None, zstd.compress(body, LEVEL)
        return "zstd", sha256, self._codec(sha256)[0].compress(body)

    def decompress_body(self, encoding: str, dictionary: str | None, body: bytes) -> bytes:
        if dictionary is None:
            return DECOMPRESSORS[encoding](body)
        return self._codec(dictionary)[1].decompress(body)

    def _codec(self, sha256: str) -> tuple[zstandard.ZstdCompressor, zstandard.ZstdDecompressor]:
        """A dictionary's compressor and decompressor, made once: making a compressor digests
        the dictionary first, which cost three times the compression of a page itself."""
        codecs = self.__dict__.setdefault("_codecs", {})
        if sha256 not in codecs:
            data = self._dictionary(sha256)
            data.precompute_compress(level=DICT_LEVEL)
            codecs[sha256] = (zstandard.ZstdCompressor(level=DICT_LEVEL, dict_data=data),
                              zstandard.ZstdDecompressor(dict_data=data))
        codec: tuple[zstandard.ZstdCompressor, zstandard.ZstdDecompressor] = codecs[sha256]
        return codec

    def write_body(self, url: str, site: str | None, body: bytes) -> None:
        encoding, dictionary, blob = self.compress_body(site, body)
        self.db.execute(
            "INSERT INTO page_bodies (url, encoding, dictionary, body) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(url) DO UPDATE SET encoding = excluded.encoding, "
            "dictionary = excluded.dictionary, body = excluded.body",
            [url, encoding, dictionary, blob])

    # ---- dictionaries ----

    def site_pages(self, site: str) -> int:
        """How many raw pages the archive holds of site."""
        return self.db.execute(
            "SELECT count(*) FROM articles a JOIN pages p ON p.url = a.url "
            "WHERE a.site = ?", [site]).fetchone()[0]

    def train_dictionary(self, site: str, now: str | None = None) -> str:
        """Train a dictionary on the site's newest raw pages, store it as the site's newest,
        and return its sha256 (the same pages give the same dictionary). zstandard.ZstdError
        when the pages are too few (under 5) or too small to train on."""
        rows = self.db.execute(
            "SELECT b.encoding, b.dictionary, b.body FROM articles a "
            "JOIN pages p ON p.url = a.url JOIN page_bodies b ON b.url = a.url "
            "WHERE a.site = ? ORDER BY p.fetched_at DESC, a.url LIMIT ?",
            [site, SAMPLES]).fetchall()
        samples: list[bytes | bytearray | memoryview] = [
            self.decompress_body(*row) for row in rows]
        # zstd wants samples of about ten times the dictionary's size, at least.
        size = min(DICT_SIZE, max(4096, sum(map(len, samples)) // 10))
        trained = zstandard.train_dictionary(size, samples, level=DICT_LEVEL, k=1024, d=8)
        data = trained.as_bytes()
        sha256 = hashlib.sha256(data).hexdigest()
        with self.transaction():
            self.db.execute(
                "INSERT OR IGNORE INTO compression_dictionaries (sha256, site, trained_at, "
                "samples, dictionary) VALUES (?, ?, ?, ?, ?)",
                [sha256, site, now or utc_now(), len(samples), data])
        self.__dict__.setdefault("_newest", {}).pop(site, None)
        return sha256

    def recompress(self, site: str) -> int:
        """Recompress the site's raw pages not stored with its newest dictionary, a batch
        per transaction (readers and other sites' writers go on meanwhile); how many."""
        done = 0
        for rows in self._stale_batches(
                "SELECT b.url, b.encoding, b.dictionary, b.body FROM articles a "
                "JOIN page_bodies b ON b.url = a.url WHERE a.site = ? AND a.url > ? "
                "AND b.dictionary IS NOT ? ORDER BY a.url LIMIT ?", site, ""):
            with self.transaction():
                for url, encoding, dictionary, body in rows:
                    # Deleted and inserted anew, not updated in place: a body shrunk where it
                    # was would leave most of its page empty; the freed pages are reused.
                    self.db.execute("DELETE FROM page_bodies WHERE url = ?", [url])
                    self.write_body(url, site, self.decompress_body(encoding, dictionary, body))
            done += len(rows)
        return done

    def recompress_html(self, site: str) -> int:
        """The same for the site's articles' body_html (article_html, schema 11 on)."""
        if self.db.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'article_html'").fetchone() is None:
            return 0
        done = 0
        for rows in self._stale_batches(
                "SELECT h.article_id, h.encoding, h.dictionary, h.html FROM articles a "
                "JOIN article_html h ON h.article_id = a.rowid WHERE a.site = ? AND "
                "a.rowid > ? AND h.dictionary IS NOT ? ORDER BY a.rowid LIMIT ?", site, 0):
            with self.transaction():
                for article_id, encoding, dictionary, html in rows:
                    self.db.execute("DELETE FROM article_html WHERE article_id = ?",
                                    [article_id])
                    self.db.execute(
                        "INSERT INTO article_html (article_id, encoding, dictionary, html) "
                        "VALUES (?, ?, ?, ?)", [article_id, *self.compress_body(
                            site, self.decompress_body(encoding, dictionary, html))])
            done += len(rows)
        return done

    def _stale_batches(self, select: str, site: str, first: str | int
                       ) -> Iterator[list[tuple[Any, ...]]]:
        """Batches of the rows `select` finds (parameters: site, the last key seen, the
        site's newest dictionary, a batch size) not compressed with the site's newest
        dictionary, keyed by their first column; none when the site has no dictionary."""
        sha256 = self.site_dictionary(site)
        if sha256 is None:
            return
        last = first
        while rows := self.db.execute(select, [site, last, sha256, RECOMPRESS_BATCH]).fetchall():
            yield rows
            last = rows[-1][0]

    def compact(self, site: str, now: str | None = None) -> Compacted:
        """Once a site has TRAIN_AT raw pages and no dictionary: train one, recompress the
        site's pages with it. Nothing to do (the usual case) costs one small query."""
        if self.site_dictionary(site) is not None:
            return Compacted()
        pages = self.site_pages(site)
        failed = self.__dict__.setdefault("_untrainable", {})
        if pages < max(TRAIN_AT, 2 * failed.get(site, 0)):
            return Compacted()
        try:
            sha256 = self.train_dictionary(site, now)
        except zstandard.ZstdError:  # pages too small to train on: they stay as they are,
            failed[site] = pages  # and training waits until the site has twice as many
            return Compacted()
        recompressed = self.recompress(site)
        self.recompress_html(site)
        return Compacted(sha256, recompressed)
