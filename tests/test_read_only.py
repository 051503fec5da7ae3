"""Commands that only read an archive never create, migrate or write one; an archive of an
older schema is read as it is where that works, or refused naming `orthocrawl migrate`,
which migrates in place after a backup copy."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from conftest import forked, orthocrawl

from orthocrawl.archive import SCHEMA_VERSION

FIXTURES = Path(__file__).parent / "fixtures" / "archives"


def run(*args: str) -> subprocess.CompletedProcess:
    return orthocrawl(*args, timeout=60)  # serve forked, the readers in this process


def one_line(result: subprocess.CompletedProcess) -> str:
    lines = result.stderr.strip().splitlines()
    assert "Traceback" not in result.stderr
    assert len(lines) == 1, result.stderr
    return lines[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def version_of(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def old_archive(tmp_path: Path, name: str) -> Path:
    db = tmp_path / f"{name}.db"
    shutil.copyfile(FIXTURES / f"{name}.db", db)
    return db


def a_url(db: Path) -> str:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT url FROM articles ORDER BY url LIMIT 1").fetchone()[0]
    finally:
        conn.close()


READERS = [["search", "fusion"], ["export"], ["stats"], ["runs"],
           ["history", "https://www.orthospinenews.com/2024/05/02/x/"],
           ["export-warc", "-o", "out.warc.gz"], ["serve", "--port", "0"]]


@pytest.mark.parametrize("command", READERS, ids=lambda c: c[0])
def test_an_empty_file_is_refused_and_left_empty(tmp_path, command):
    db = tmp_path / "empty.db"
    db.touch()
    command = [tmp_path / c if c.endswith(".gz") else c for c in command]
    result = run(*map(str, command), "--db", str(db))
    assert result.returncode == 1, result.stdout
    assert "is an empty file, not an orthocrawl archive" in one_line(result)
    assert db.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]


@pytest.mark.parametrize("command", [["search", "fusion"], ["export"]], ids=lambda c: c[0])
def test_foreign_files_are_refused_and_untouched(tmp_path, command):
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all " * 500)
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    before = {p.name: digest(p) for p in tmp_path.iterdir()}
    for db, says in ((garbage, "cannot use"), (foreign, "is an SQLite file, not an orthocrawl")):
        result = run(*command, "--db", str(db))
        assert result.returncode == 1
        assert says in one_line(result)
    assert {p.name: digest(p) for p in tmp_path.iterdir()} == before


@pytest.mark.parametrize("name", ["v3", "v4", "v7"])
def test_archives_of_older_readable_schemas_are_read_as_they_are(tmp_path, name):
    db = old_archive(tmp_path, name)
    before = digest(db)
    url = a_url(db)
    conn = sqlite3.connect(db)
    count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    conn.close()
    exported = run("export", "--db", str(db), "--columns", "url,status")
    assert exported.returncode == 0, exported.stderr
    assert len(exported.stdout.splitlines()) == count + 1
    for command in (["search", "the"], ["stats", "--by", "month"], ["runs"], ["history", url],
                    ["export-warc", "-o", str(tmp_path / "out.warc.gz")]):
        result = run(*command, "--db", str(db))
        assert result.returncode == 0, (command, result.stderr)
        assert result.stdout.strip()
    assert digest(db) == before
    assert version_of(db) == int(name[1])


@pytest.mark.parametrize("name", ["v1", "v2"])
def test_archives_too_old_to_read_name_migrate(tmp_path, name):
    db = old_archive(tmp_path, name)
    before = digest(db)
    for command in (["search", "the"], ["export"], ["stats"]):
        result = run(*command, "--db", str(db))
        assert result.returncode == 1
        assert f"orthocrawl migrate --db {db}" in one_line(result)
    assert digest(db) == before


def test_migrate_backs_up_then_migrates_in_place(tmp_path):
    db = old_archive(tmp_path, "v2")
    result = run("migrate", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert f"from schema version 2 to {SCHEMA_VERSION}" in result.stdout
    backups = [p for p in tmp_path.iterdir() if p.name.startswith("v2.schema-v2.")]
    assert len(backups) == 1 and str(backups[0]) in result.stdout
    assert dump(backups[0]) == dump(FIXTURES / "v2.db")  # the copy is the archive as it was
    assert version_of(backups[0]) == 2
    assert version_of(db) == SCHEMA_VERSION
    search = run("search", "the", "--db", str(db))
    assert search.returncode == 0 and search.stdout.strip()

    again = run("migrate", "--db", str(db))
    assert again.returncode == 0 and "nothing to do" in again.stdout
    assert len([p for p in tmp_path.iterdir() if ".schema-v" in p.name]) == 1


@pytest.mark.usefixtures("short_probe_grace")
def test_migrate_refuses_what_it_cannot_migrate(tmp_path):
    from orthocrawl.lock import archive_lock

    empty = tmp_path / "empty.db"
    empty.touch()
    result = run("migrate", "--db", str(empty))
    assert result.returncode == 1 and "empty file" in one_line(result)
    assert empty.read_bytes() == b""
    missing = run("migrate", "--db", str(tmp_path / "none.db"))
    assert missing.returncode == 1 and "no archive at" in one_line(missing)
    assert not (tmp_path / "none.db").exists()

    db = old_archive(tmp_path, "v3")
    before = digest(db)
    with archive_lock(db, wait=False):  # a crawl is writing (this process holds the lock)
        busy = forked("migrate", "--db", str(db), timeout=60)
    assert busy.returncode == 1 and "--wait" in one_line(busy)
    assert digest(db) == before and version_of(db) == 3
