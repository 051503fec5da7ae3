"""The command line: help, sites, and bad input ending in one line and a non-zero exit."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "orthocrawl.cli", *args], capture_output=True,
                          text=True, timeout=120, cwd=cwd)


def one_line_error(result: subprocess.CompletedProcess) -> str:
    lines = [line for line in result.stderr.strip().splitlines() if line.strip()]
    assert "Traceback" not in result.stderr
    assert len(lines) <= 3, result.stderr  # click usage errors add a usage line
    return lines[-1]


@pytest.mark.parametrize("command", [[], ["crawl"], ["demo"], ["sites"], ["replica", "serve"],
                                     ["replica", "truth"]])
def test_help_everywhere_with_example(command):
    result = run(*command, "--help")
    assert result.returncode == 0
    assert "Usage:" in result.stdout
    if command and command != ["sites"]:
        assert "Example" in result.stdout or "orthocrawl" in result.stdout


def test_sites_lists_orthospinenews():
    result = run("sites")
    assert result.returncode == 0
    assert "orthospinenews" in result.stdout and "https://www.orthospinenews.com" in result.stdout


def test_unknown_site(tmp_path):
    result = run("crawl", "nosuchsite", "--db", str(tmp_path / "a.db"))
    assert result.returncode == 2
    assert "unknown site 'nosuchsite'" in one_line_error(result)


@pytest.mark.parametrize(("option", "value"), [
    ("--recheck", "-3"), ("--recheck", "soon"), ("--base-url", "notaurl"),
    ("--set", "NOEQUALS"), ("--discover", "carrier-pigeon")])
def test_bad_crawl_options_are_one_line(tmp_path, option, value):
    result = run("crawl", "orthospinenews", "--db", str(tmp_path / "a.db"), option, value)
    assert result.returncode == 2
    assert value in one_line_error(result)


def test_corrupt_db_is_refused_and_untouched(tmp_path):
    db = tmp_path / "bad.db"
    db.write_bytes(b"garbage" * 1000)
    result = run("crawl", "orthospinenews", "--db", str(db))
    assert result.returncode == 1
    assert "cannot use" in one_line_error(result)
    assert db.read_bytes() == b"garbage" * 1000


def test_unwritable_db_path(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("crawl", "orthospinenews", "--db", str(blocker / "sub" / "a.db"))
    assert result.returncode == 1
    assert "cannot create" in one_line_error(result)


def test_db_that_is_a_directory(tmp_path):
    result = run("crawl", "orthospinenews", "--db", str(tmp_path))
    assert result.returncode != 0
    one_line_error(result)


def test_bad_discovery_mode(tmp_path):
    result = run("crawl", "orthospinenews", "--db", str(tmp_path / "a.db"), "--discover", "rss")
    assert result.returncode == 2
    assert "discover=" in one_line_error(result) and "rss" in one_line_error(result)


def test_bad_base_url(tmp_path):
    result = run("crawl", "orthospinenews", "--db", str(tmp_path / "a.db"),
                 "--base-url", "ftp://x")
    assert result.returncode == 2
    one_line_error(result)


def test_replica_truth_prints_article_records():
    result = run("replica", "truth", "--articles", "7", "--site", "orthospinenews")
    assert result.returncode == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 7
    assert set(records[0]) == {
        "url", "site", "title", "authors", "posted_by", "published_at", "modified_at",
        "categories", "tags", "description", "lead_image", "language", "body_text",
        "word_count", "source"}


def test_demo_crawls_the_replica_and_searches(tmp_path):
    db = tmp_path / "demo.db"
    result = run("demo", "--db", str(db), "--articles", "40")
    assert result.returncode == 0, result.stderr[-2000:]
    from orthocrawl.replica import available

    assert result.stdout.count("40 new") == len(available())
    assert "example search" in result.stdout
    assert sqlite_utils.Database(db)["articles"].count == 40 * len(available())


def test_scrapy_list_from_the_repository_root():
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-m", "scrapy", "list"], capture_output=True,
                            text=True, cwd=root, timeout=120)
    assert result.returncode == 0
    assert {"orthospinenews", "beckersspine"} <= set(result.stdout.split())


def test_readme_settings_table_is_generated_from_the_declarations():
    from pathlib import Path

    from orthocrawl.config import markdown_table

    readme = (Path(__file__).parents[1] / "README.md").read_text()
    table = readme.split("<!-- settings table: generated -->\n")[1].split("\n<!-- end")[0]
    assert table == markdown_table()
