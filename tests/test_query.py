"""Analysts' commands on an archive filled from the replica: search, export, stats, runs."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
import subprocess

import pytest
from conftest import orthocrawl

from orthocrawl.archive import Archive
from orthocrawl.archive.query import QueryError, fts_query
from orthocrawl.replica import build_site
from orthocrawl.replica.testing import fill


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("query") / "archive.db"
    truth = build_site(articles=200).truth()
    truth[0] = {**truth[0], "title": "=HYPERLINK(\"http://evil\") Perez-Cruet on L4-L5",
                "body_text": "Dr. O'Brien and Dr. Perez-Cruet discussed L4-L5 fusion.\n\n"
                             "Second line, with \"quotes\", commas\nand a newline."}
    truth[6] = {**truth[6], "authors": ["Søren Kjær"]}  # folded by search: Soren Kjaer
    with Archive(path) as archive:
        fill(archive, truth)
        archive.mark_gone([r["url"] for r in truth[1:GONE + 1]], now="2026-11-25T08:00:00Z")
    return path, truth


GONE = 4  # truth[1:5] are marked gone from their site


def run(*args: str) -> subprocess.CompletedProcess:
    return orthocrawl(*args)  # serve forked, the readers in this process


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


@pytest.mark.parametrize(("option", "value", "expected"), [
    ("--since", "2024", (">=", "2024-01-01T00:00:00Z")),
    ("--until", "2024", ("<", "2025-01-01T00:00:00Z")),
    ("--since", "2024-02", (">=", "2024-02-01T00:00:00Z")),
    ("--until", "2024-02", ("<", "2024-03-01T00:00:00Z")),  # through Feb 29
    ("--until", "2023-02", ("<", "2023-03-01T00:00:00Z")),
    ("--since", "2024-05-31", (">=", "2024-05-31T00:00:00Z")),
    ("--until", "2024-05-31", ("<", "2024-06-01T00:00:00Z")),
    ("--until", "2024-05-31T12:00", ("<=", "2024-05-31T12:00:00Z")),
    ("--since", "2024-05-31 12:00+02:00", (">=", "2024-05-31T10:00:00Z")),
])
def test_date_rule(option, value, expected):
    from orthocrawl.archive.query import date_bound

    assert date_bound(value, option) == expected


@pytest.mark.parametrize("value", ["01/02/2024", "yesterday", "12", "2024-13", "2024-02-30",
                                   "2024-1"])
def test_dates_outside_the_rule_are_refused(db, value):
    commands = [["search", "the"], ["export"], ["stats"]] if value == "yesterday" else [["export"]]
    for command in commands:
        result = run(*command, "--db", str(db[0]), "--since", value)
        assert result.returncode == 2, (command, result.stderr)
        assert "Traceback" not in result.stderr and result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "YYYY-MM-DD" in lines[0] and repr(value) in lines[0]


def test_a_year_and_a_month_mean_all_of_them(db):
    path, truth = db
    years = sorted({r["published_at"][:4] for r in truth})
    year = years[len(years) // 2]
    month = next(r["published_at"][:7] for r in truth if r["published_at"].startswith(year))
    for since, until, prefix in ((year, year, year), (month, month, month),
                                 (f"{year}-01-01", f"{year}-12-31", year)):
        result = run("export", "--db", str(path), "--columns", "url", "--format", "jsonl",
                     "--since", since, "--until", until)
        assert result.returncode == 0, result.stderr
        urls = {json.loads(line)["url"] for line in result.stdout.splitlines()}
        assert urls == {r["url"] for r in truth if r["published_at"].startswith(prefix)}
        assert urls
    backwards = run("stats", "--db", str(path), "--since", year, "--until", str(int(year) - 1))
    assert backwards.returncode == 2 and "is after --until" in backwards.stderr


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
    assert result.stdout.split("\n")[0].split() == ["author", "articles", "gone"]
    counts = {line.rsplit(None, 2)[0]: int(line.rsplit(None, 2)[1].replace(",", ""))
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
        archive.finish_run(run_id, status="ok", requests=12, articles_new=3, articles_gone=2,
                           http_errors={"404": 3, "500": 2, "TimeoutError": 1},
                           finish_reason="finished")
    result = run("runs", "--db", str(path))
    assert result.returncode == 0
    header, row = result.stdout.splitlines()[:2]
    assert "orthospinenews" in row and " ok " in row
    columns = dict(zip(header.split()[4:11], row.split()[4:11], strict=True))
    assert columns == {"reqs": "12", "new": "3", "chg": "0", "same": "0", "drop": "0",
                       "gone": "2", "errs": "6"}


def test_missing_archive_is_one_line(tmp_path):
    for command in (["search", "x"], ["export"], ["stats"], ["runs"], ["serve"]):
        result = run(*command, "--db", str(tmp_path / "none.db"))
        assert result.returncode == 1, command
        assert "no archive" in result.stderr and "Traceback" not in result.stderr


def test_gone_articles_are_marked_and_filtered(db):
    path, truth = db
    gone = {r["url"] for r in truth[1:GONE + 1]}
    exported = run("export", "--db", str(path), "--format", "jsonl")
    records = [json.loads(line) for line in exported.stdout.splitlines()]
    assert list(records[0])[-4:] == ["last_changed", "status", "gone_since", "body_source"]
    assert {r["url"] for r in records if r["status"] == "gone"} == gone
    assert {r["gone_since"] for r in records if r["url"] in gone} == {"2026-11-25T08:00:00Z"}
    assert all(r["gone_since"] is None for r in records if r["url"] not in gone)
    picked = run("export", "--db", str(path), "--columns", "url,status", "--status", "gone")
    rows = list(csv.reader(io.StringIO(picked.stdout, newline="")))
    assert rows[0] == ["url", "status"] and {r[0] for r in rows[1:]} == gone
    live = run("export", "--db", str(path), "--columns", "url", "--status", "live")
    assert len(live.stdout.splitlines()) == len(truth) - GONE + 1

    title = truth[1]["title"]
    shown = run("search", f'"{title}"', "--db", str(path), "--limit", "1")
    assert "gone since 2026-11-25" in shown.stdout.split("\n")[0]
    assert run("search", f'"{title}"', "--db", str(path), "--status", "live",
               "--format", "json").stdout.strip() == "[]"

    stats = run("stats", "--db", str(path)).stdout.splitlines()
    assert stats[0].split() == ["site", "articles", "gone"]
    assert stats[1].split()[1:] == [str(len(truth)), str(GONE)]
    only_gone = run("stats", "--db", str(path), "--status", "gone").stdout.splitlines()
    assert only_gone[0].split() == ["site", "articles"] and only_gone[1].split()[1] == str(GONE)
    assert run("stats", "--db", str(path), "--status", "maybe").returncode == 2


@pytest.mark.parametrize("text", ["spine AND", "NEAR(spine fusion, x)", "OR fusion"])
def test_export_with_a_query_fts5_cannot_parse_writes_nothing(db, tmp_path, text):
    out = tmp_path / "out.csv"
    result = run("export", "--db", str(db[0]), "--query", text, "-o", str(out))
    assert result.returncode == 2
    assert not out.exists()
    assert "cannot search for" in result.stderr and len(result.stderr.splitlines()) == 1
    to_stdout = run("export", "--db", str(db[0]), "--query", text)
    assert to_stdout.returncode == 2 and to_stdout.stdout == ""


def test_a_damaged_archive_is_not_a_bad_query(db, tmp_path):
    damaged = tmp_path / "damaged.db"
    shutil.copyfile(db[0], damaged)
    conn = sqlite3.connect(damaged)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master "
                        "WHERE name = 'articles_fts_data'").fetchone()[0]
    conn.close()
    with damaged.open("r+b") as file:  # the full-text index's root page, overwritten
        file.seek(page * (root - 1))
        file.write(b"\xff" * page)
    for command in (["export", "--query", "fusion"], ["search", "fusion"]):
        result = run(*command, "--db", str(damaged))
        assert result.returncode == 1, (command, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in result.stderr
        assert f"cannot read {damaged}" in lines[0] and "cannot search" not in lines[0]


def test_a_locked_archive_is_not_a_bad_query(db):
    from orthocrawl.archive.query import Filters, iter_articles, search

    holder = sqlite3.connect(db[0])
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    reader = sqlite3.connect(f"{db[0].resolve().as_uri()}?mode=ro", uri=True, timeout=0)
    try:
        for call in (lambda: iter_articles(reader, ["url"], Filters(), "fusion"),
                     lambda: search(reader, "fusion", Filters())):
            with pytest.raises(sqlite3.OperationalError, match="locked") as raised:
                call()
            assert not isinstance(raised.value, QueryError)
    finally:
        reader.close()
        holder.rollback()
        holder.close()


def test_an_unknown_site_names_the_sites_there(db, tmp_path):
    out = tmp_path / "out.warc.gz"
    for command in (["search", "fusion"], ["export"], ["stats"], ["export-warc", "-o", str(out)]):
        result = run(*command, "--db", str(db[0]), "--site", "orthospinenew")
        assert result.returncode == 2, (command, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and result.stdout == ""
        assert "'orthospinenew'" in lines[0] and "(sites there: orthospinenews)" in lines[0]
    assert not out.exists()
    known = run("stats", "--db", str(db[0]), "--site", "orthospinenews")
    assert known.returncode == 0 and "orthospinenews" in known.stdout


def test_months_newest_first_and_the_limit_keeps_the_newest(db):
    path, truth = db
    months = sorted({r["published_at"][:7] for r in truth}, reverse=True)
    result = run("stats", "--db", str(path), "--by", "month", "--limit", "3")
    assert result.returncode == 0, result.stderr
    shown = [line.split()[0] for line in result.stdout.splitlines()[1:]]
    assert shown == months[:3]
    every = run("stats", "--db", str(path), "--by", "month", "--limit", "100000")
    assert [line.split()[0] for line in every.stdout.splitlines()[1:]] == months


def test_history_finds_an_article_by_any_variant_of_its_url(db):
    path, truth = db
    url = truth[0]["url"]
    assert url.startswith("https://www.") and url.endswith("/")
    bare = url.replace("https://www.", "http://").rstrip("/")
    for variant in (url, bare, bare + "/?utm_source=newsletter&fbclid=abc", url + "#comments"):
        result = run("history", variant, "--db", str(path))
        assert result.returncode == 0, (variant, result.stderr)
        assert result.stdout.splitlines()[1] == url
    missing = run("history", url.replace("/20", "/19", 1), "--db", str(path))
    assert missing.returncode == 1 and len(missing.stderr.strip().splitlines()) == 1


def test_snippets_mark_whole_terms(db):
    result = run("search", "510(k)", "--db", str(db[0]), "--format", "json", "--limit", "50")
    snippets = [hit["snippet"] for hit in json.loads(result.stdout)]
    assert snippets
    for snippet in snippets:
        assert "[510(k)]" in snippet and "[510(k]" not in snippet, snippet


def test_a_folded_name_finds_the_name_as_written(db):
    path, truth = db
    result = run("search", "Soren Kjaer", "--db", str(path), "--format", "json")
    assert [hit["url"] for hit in json.loads(result.stdout)] == [truth[6]["url"]]
    assert json.loads(result.stdout)[0]["authors"] == ["Søren Kjær"]
    assert "[Søren] [Kjær]" in json.loads(result.stdout)[0]["snippet"]


def test_help_says_a_repeated_filter_means_all(db):
    text = " ".join(run("search", "--help").stdout.split())
    for option, rule in (("--author", "by all of them"), ("--tag", "with all of them"),
                         ("--category", "in all of them"), ("--site", "of any of these")):
        assert f"{option} TEXT " in text
        described = text.split(f"{option} TEXT ", 1)[1].split(" --", 1)[0]
        assert f"(repeated: {rule}" in described, (option, described)
