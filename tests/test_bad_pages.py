"""Bad pages during a crawl: each is counted with a reason, nothing archived is lost."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Mapping

import pytest
import sqlite_utils
from conftest import forked

from orthocrawl.replica import ReplicaServer, build_site

ORIGIN = "https://www.orthospinenews.com"


class FaultySite:
    """The replica, plus a few broken pages under /faults/ built from a real article."""

    def __init__(self, site) -> None:
        self.site = site
        self.sample = site.article_urls()[3]

    def __getattr__(self, name: str):
        return getattr(self.site, name)

    def _article(self) -> bytes:
        return self.site.handle("GET", self.sample, {})[2]

    def handle(self, method: str, url: str, headers: Mapping[str, str]):
        status, extra, body = self._fault(url)
        if status == 0:
            return self.site.handle(method, url, headers)
        if not any(name == "Content-Length" for name, _ in extra):
            extra = [*extra, ("Content-Length", str(len(body)))]
        return status, [("Content-Type", "text/html; charset=UTF-8"), *extra], body

    def _fault(self, url: str) -> tuple[int, list[tuple[str, str]], bytes]:
        path = url.split("://", 1)[1].split("/", 1)[1]
        html: list[tuple[str, str]] = []
        if path == "faults/no-title/":
            page = self._article().decode()
            page = re.sub(r"<h1[^>]*>.*?</h1>", "", page, flags=re.S)
            page = re.sub(r'<meta property="og:title"[^>]*>', "", page)
            page = re.sub(r'"headline":\s*"[^"]*",?', "", page)
            return 200, html, page.encode()
        if path == "faults/truncated/":
            body = self._article()
            # Announce the whole page, send half of it, close the connection.
            return 200, [("Content-Length", str(len(body))), ("Connection", "close")], \
                body[: len(body) // 2]
        if path == "faults/mis-encoded/":
            page = self._article().decode().replace(self.sample, ORIGIN + "/faults/mis-encoded/")
            return 200, html, page.encode("cp1252", errors="replace")
        if path == "faults/server-error/":
            return 500, html, b"<html><body>Internal Server Error</body></html>"
        if path == "faults/gone/":
            return 404, html, b"<html><body>Not found</body></html>"
        return 0, [], b""


@pytest.fixture(scope="module")
def server():
    with ReplicaServer(FaultySite(build_site(articles=30))) as running:
        yield running


def crawl(server, db, *urls: str) -> subprocess.CompletedProcess:
    args = [arg for url in urls for arg in ("--url", url)]
    return forked("crawl", "orthospinenews", "--db", str(db), "--base-url", server.base_url,
                  *args, timeout=300)


@pytest.mark.slow  # crawls
def test_bad_pages_are_counted_and_good_ones_kept(server, tmp_path):
    db = tmp_path / "a.db"
    first = crawl(server, db)  # the whole replica, through the sitemaps
    assert first.returncode == 0, first.stderr[-2000:]
    database = sqlite_utils.Database(db)
    before = {r["url"]: r["content_hash"] for r in database.query("SELECT * FROM articles")}
    assert len(before) == 30

    faults = [f"{ORIGIN}/faults/{name}/" for name in
              ("no-title", "truncated", "mis-encoded", "server-error", "gone")]
    second = crawl(server, db, *faults)
    assert "Traceback" not in second.stderr
    run = next(iter(database.query("SELECT * FROM crawl_runs ORDER BY id DESC LIMIT 1")))
    assert json.loads(run["drop_reasons"]) == {"no_title": 1}
    errors = json.loads(run["http_errors"])
    assert errors.get("500", 0) >= 1 and errors.get("404") == 1
    assert any("DataLoss" in key or "ResponseFailed" in key for key in errors), errors

    # The mis-encoded page is still an article: archived, with its bad bytes replaced.
    odd = database.execute("SELECT title, body_text FROM articles WHERE url = ?",
                           [f"{ORIGIN}/faults/mis-encoded/"]).fetchone()
    assert odd is not None and odd[0] and len(odd[1]) > 100

    after = {r["url"]: r["content_hash"] for r in database.query("SELECT * FROM articles")}
    assert all(after[url] == digest for url, digest in before.items())
    assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.slow  # crawls
def test_failed_pages_alone_make_a_failed_run(server, tmp_path):
    result = crawl(server, tmp_path / "b.db", f"{ORIGIN}/faults/gone/")
    assert result.returncode == 1
    assert "failed" in result.stdout and "no articles" in result.stdout
