"""Analysts' commands on an archive filled from the replica: search, export, stats, runs."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from orthocrawl.archive import Archive
from orthocrawl.query import QueryError, fts_query
from orthocrawl.replica import build_site
from orthocrawl.replica.testing import fill


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("query") / "archive.db"
    truth = build_site(articles=200).truth()
    truth[0] = {**truth[0], "title": "=HYPERLINK(\"http://evil\") Perez-Cruet on L4-L5",
                "body_text": "Dr. O'Brien and Dr. Perez-Cruet discussed L4-L5 fusion.\n\n"
                             "Second line, with \"quotes\", commas\nand a newline."}
    with Archive(path) as archive:
        fill(archive, truth)
    return path, truth


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "orthocrawl.cli", *args], capture_output=True,
                          text=True, timeout=120)


@pytest.mark.parametrize(("text", "expected"), [
    ("fusion", "fusion"),
    ('"outpatient spine" robot*', '"outpatient spine" robot*'),
    ("Perez-Cruet", '"Perez-Cruet"'),
    ("O'Brien OR L4-L5", '"O\'Brien" OR "L4-L5"'),
    ("title:fusion NOT knee", "title : fusion NOT knee"),
    ("NEAR(spine fusion, 5)", "NEAR ( spine fusion, 5 )"),
    ("FDA 510(k) clearance", 'FDA "510(k)" clearance'),
])
def test_fts_query_translation(text, expected):
    assert fts_query(text) == expected


@pytest.mark.parametrize("text", ['"unbalanced', "spine -", "NEAR(", "a)", "", "  "])
def test_unparseable_queries_raise(text):
    with pytest.raises(QueryError):
        fts_query(text)


@pytest.mark.parametrize("text", ['"unbalanced', "spine -", "NEAR("])
def test_cli_bad_query_is_one_line_exit_2(db, text):
    result = run("search", text, "--db", str(db[0]))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("text", ["Perez-Cruet", "O'Brien", "L4-L5"])
def test_punctuated_words_just_work(db, text):
    result = run("search", text, "--db", str(db[0]), "--format", "json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert hits and hits[0]["url"] == db[1][0]["url"]


def test_title_outranks_body(db):
    path, truth = db
    word = "Quillon"
    in_title = {r["url"] for r in truth if word in r["title"]}
    result = run("search", word, "--db", str(path), "--format", "json", "--limit", "500")
    hits = [h["url"] for h in json.loads(result.stdout)]
    assert in_title and set(hits[: len(in_title)]) == in_title
    assert "[Quillon]" in json.loads(result.stdout)[0]["snippet"]


def test_filters(db):
    path, truth = db
    author = truth[5]["authors"][0]
    result = run("search", "the", "--db", str(path), "--author", author, "--format", "json",
                 "--limit", "1000", "--since", "2015-01-01", "--until", "2020-12-31")
    hits = json.loads(result.stdout)
    assert hits
    for hit in hits:
        assert author in hit["authors"]
        assert "2015-01-01" <= hit["published_at"][:10] <= "2020-12-31"
    bad = run("search", "the", "--db", str(path), "--since", "last blue moon")
    assert bad.returncode == 2 and "not a date" in bad.stderr
    # An export with a bad filter writes nothing at all, not a header and then an error.
    bad = run("export", "--db", str(path), "--until", "31/31/2020")
    assert bad.returncode == 2 and "not a date" in bad.stderr and bad.stdout == ""


def test_export_csv_is_rfc4180_excel_safe_and_complete(db, tmp_path):
    path, truth = db
    out = tmp_path / "all.csv"
    result = run("export", "--db", str(path), "-o", str(out), "--excel")
    assert result.returncode == 0, result.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(truth)
    assert list(rows[0])[:4] == ["url", "site", "title", "authors"]
    first = next(r for r in rows if r["url"] == truth[0]["url"])
    assert first["title"].startswith("'=HYPERLINK")
    assert "commas\nand a newline" in first["body_text"]
    many = next(r for r in truth if len(r["authors"]) > 1)
    assert next(r for r in rows if r["url"] == many["url"])["authors"] == "; ".join(
        many["authors"])


def test_export_raw_columns_and_jsonl(db):
    path, _ = db
    result = run("export", "--db", str(path), "--columns", "url,title,tags", "--raw")
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert rows[0] == ["url", "title", "tags"]
    assert any(r[1].startswith("=HYPERLINK") for r in rows[1:])
    jsonl = run("export", "--db", str(path), "--format", "jsonl", "--site", "orthospinenews",
                "--query", "fusion", "--columns", "url,authors")
    records = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert records and all(isinstance(r["authors"], list) for r in records)
    bad = run("export", "--db", str(path), "--columns", "url,nope")
    assert bad.returncode == 2 and "unknown column 'nope'" in bad.stderr


def test_stats_counts_and_chart(db, tmp_path):
    path, truth = db
    result = run("stats", "--db", str(path), "--by", "author", "--limit", "1000")
    counts = {line.rsplit(None, 1)[0]: int(line.rsplit(None, 1)[1].replace(",", ""))
              for line in result.stdout.splitlines()[1:]}
    expected: dict[str, int] = {}
    for record in truth:
        for author in record["authors"]:
            expected[author] = expected.get(author, 0) + 1
    assert counts == expected
    chart = tmp_path / "months.png"
    drawn = run("stats", "--db", str(path), "--by", "month", "--chart", str(chart))
    assert drawn.returncode == 0 and chart.read_bytes()[:4] == b"\x89PNG"
    svg = tmp_path / "months.svg"
    assert run("stats", "--db", str(path), "--chart", str(svg)).returncode == 0
    assert b"<svg" in svg.read_bytes()[:500]
    assert run("stats", "--db", str(path), "--chart", str(tmp_path / "x.gif")).returncode == 2


def test_runs_lists_runs(db):
    path, _ = db
    with Archive(path) as archive:
        run_id = archive.start_run(["orthospinenews"])
        archive.finish_run(run_id, status="ok", requests=12, articles_new=3,
                           finish_reason="finished")
    result = run("runs", "--db", str(path))
    assert result.returncode == 0
    assert "orthospinenews" in result.stdout and " ok " in result.stdout


def test_missing_archive_is_one_line(tmp_path):
    for command in (["search", "x"], ["export"], ["stats"], ["runs"], ["serve"]):
        result = run(*command, "--db", str(tmp_path / "none.db"))
        assert result.returncode == 1, command
        assert "no archive" in result.stderr and "Traceback" not in result.stderr
