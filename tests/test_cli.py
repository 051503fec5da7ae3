"""The command line: help, sites, and bad input ending in one line and a non-zero exit."""

from __future__ import annotations

import json
import shlex
import subprocess
import time
from pathlib import Path

import pytest
import sqlite_utils
from conftest import (
    DEMO_ARTICLES,
    cli,
    cli_process,
    forked,
    one_line_error,
    orthocrawl,
    scrapy,
    start_cli,
)

from orthocrawl.archive import Archive


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return orthocrawl(*args, cwd=cwd, timeout=120)  # crawls forked, the rest in this process


def command_paths() -> list[list[str]]:
    """Every command and group of `orthocrawl`, as the words that invoke it."""
    import click

    from orthocrawl.cli import main

    def walk(command: click.Command, path: list[str]):
        yield path
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, [*path, name])

    return list(walk(main, []))


@pytest.mark.parametrize("command", command_paths(), ids=lambda c: " ".join(c) or "orthocrawl")
def test_help_everywhere_with_example(command):
    import click
    from click.testing import CliRunner

    from orthocrawl.cli import main

    result = CliRunner().invoke(main, [*command, "--help"], prog_name="orthocrawl")
    assert result.exit_code == 0
    assert result.output.startswith(f"Usage: orthocrawl {' '.join(command)}".rstrip())
    group = main
    for word in command:
        group = group.commands[word]
    if isinstance(group, click.Group):  # a group lists every command it has
        listed = result.output.split("Commands:", 1)[1].split()
        assert set(group.commands) <= set(listed)
        return
    # a command shows at least one example of itself, after an "Example(s):" heading
    body = result.output.split("Example", 1)[1]
    examples = [line.strip() for line in body.splitlines()[1:] if line.startswith("  ")]
    assert any(line.startswith(f"orthocrawl {' '.join(command)} ") or
               line == f"orthocrawl {' '.join(command)}" for line in examples), examples


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
        "word_count", "source", "story", "copy", "decoy_of", "entities"}
    assert set(records[0]["entities"]) == {
        "subject", "companies", "asides", "candidates", "people", "products", "institutions",
        "numbers", "events"}


def test_demo_crawls_the_replica_and_searches(demo_archive):
    from orthocrawl.replica import available

    assert demo_archive.output.count(f"{DEMO_ARTICLES} new") == len(available())
    assert "example search" in demo_archive.output
    assert sqlite_utils.Database(demo_archive.db)["articles"].count == (
        DEMO_ARTICLES * len(available()))


def next_steps(output: str) -> list[str]:
    """The commands the demo's closing lines suggest."""
    steps = output[output.index("\nnext:\n"):].splitlines()[2:]
    return [line.split("  # ")[0].strip() for line in steps if line.strip()]


def test_demo_ends_with_commands_that_work_as_printed(demo_archive):
    steps = next_steps(demo_archive.output)
    assert "export ORTHOCRAWL_DB=data/demo.db" in steps
    reading = [s for s in steps if s.startswith(("orthocrawl search", "orthocrawl stats",
                                                 "orthocrawl export"))]
    assert len(reading) == 3
    for command in reading:
        assert "--db data/demo.db" in command
        result = cli(*shlex.split(command)[1:], cwd=demo_archive.root)  # as printed
        assert result.returncode == 0, (command, result.stderr)
        assert "error" not in result.stderr


def test_archive_from_the_environment_and_db_wins(demo_archive, tmp_path):
    env = {"ORTHOCRAWL_DB": str(demo_archive.db)}
    # `python -m orthocrawl.cli`, a process of its own: the entry point as installed
    runs = cli_process("runs", env=env, cwd=tmp_path, timeout=120)
    assert runs.returncode == 0, runs.stderr
    assert "orthospinenews" in runs.stdout
    other = tmp_path / "other.db"
    wins = cli("runs", "--db", str(other), env=env, cwd=tmp_path)  # in this process
    assert wins.returncode == 1
    assert f"no archive at {other}" in one_line_error(wins)
    assert "ORTHOCRAWL_DB" in run("search", "--help").stdout


def test_missing_default_archive_points_at_the_demo(demo_archive, tmp_path):
    after_demo = run("stats", cwd=demo_archive.root)
    assert after_demo.returncode == 1
    line = one_line_error(after_demo)
    assert "no archive at data/orthocrawl.db" in line
    assert "--db data/demo.db" in line and "ORTHOCRAWL_DB=data/demo.db" in line
    nothing = run("stats", cwd=tmp_path)
    assert nothing.returncode == 1
    assert "ORTHOCRAWL_DB" in one_line_error(nothing)


@pytest.mark.slow  # crawls
def test_demo_keeps_its_own_archive(tmp_path):
    production = tmp_path / "production.db"
    result = forked("demo", "--articles", "3", "--site", "orthospinenews",
                    env={"ORTHOCRAWL_DB": str(production)}, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "demo.db").exists()
    assert not production.exists()


@pytest.mark.slow  # crawls
@pytest.mark.usefixtures("short_probe_grace")
def test_demo_waits_for_a_busy_archive_with_wait(tmp_path):
    from orthocrawl.lock import site_locks

    db = tmp_path / "demo.db"
    command = ["demo", "--articles", "3", "--site", "orthospinenews", "--db", str(db)]
    with site_locks(db, ["orthospinenews"], wait=False):  # a crawl of one of them
        busy = forked(*command, timeout=120)
        assert busy.returncode == 1
        assert "--wait" in one_line_error(busy)
        waiting = start_cli(*command, "--wait")
        try:
            deadline = time.monotonic() + 60  # until it says it serves and waits
            while "replicas of orthospinenews" not in waiting.output() and \
                    time.monotonic() < deadline and waiting.poll() is None:
                time.sleep(0.05)
            assert "replicas of orthospinenews" in waiting.output()
            time.sleep(0.6)  # it waits for the lock, not exits (after the 0.2 s grace)
            assert waiting.poll() is None
            assert sqlite_utils.Database(db)["articles"].count == 0
        except BaseException:
            waiting.kill()
            raise
    done = waiting.wait(timeout=120)
    assert done.returncode == 0, done.stderr
    assert sqlite_utils.Database(db)["articles"].count == 3


def test_demo_lists_every_change_or_counts_the_rest(tmp_path):
    from orthocrawl.replica import build_site
    from orthocrawl.replica.testing import fill
    from orthocrawl.reports import changes

    db = tmp_path / "a.db"
    with Archive(db) as archive:
        fill(archive, build_site(articles=9).truth())
        urls = [row["url"] for row in archive.articles()]
        after = archive.versions_and_status()
    # every article has a new version
    lines = [line.split() for line in changes({url: (0, "live") for url in urls}, after, db)]
    edited = [line for line in lines if line[:1] == ["edited"]]
    listed = [line[1] for line in edited if line[1].startswith("https://")]
    more = [int(line[3]) for line in edited if line[1:3] == ["...", "and"]]
    assert len(listed) + sum(more) == len(urls) == 9
    assert set(listed) <= set(urls)


def test_scrapy_list_from_the_repository_root():
    root = Path(__file__).resolve().parents[1]
    result = scrapy("list", cwd=root, timeout=120)  # Scrapy's command line, forked
    assert result.returncode == 0
    assert {"orthospinenews", "beckersspine"} <= set(result.stdout.split())


def test_readme_settings_table_is_generated_from_the_declarations():
    from pathlib import Path

    from orthocrawl.config import markdown_table

    readme = (Path(__file__).parents[1] / "README.md").read_text()
    table = readme.split("<!-- settings table: generated -->\n")[1].split("\n<!-- end")[0]
    assert table == markdown_table()


def test_the_command_reference_is_up_to_date():
    """docs/cli.md is every command's --help; regenerate it with
    `python -m orthocrawl.reference > docs/cli.md` when a command changes."""
    from orthocrawl.reference import markdown

    reference = Path(__file__).parents[1] / "docs" / "cli.md"
    assert reference.read_text() == markdown(), "docs/cli.md is stale"
