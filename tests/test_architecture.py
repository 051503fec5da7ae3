"""The house's rules, checked on the code itself: SQL only in the archive package, and who
may import whom (pages are pure, spiders do not open the archive, the replica stays apart)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRODUCT = ROOT / "orthocrawl"
SQL = re.compile(r"\b(select\s.+\sfrom|insert\s+into|update\s+\w+\s+set|delete\s+from|"
                 r"create\s+(table|index|view|trigger|virtual)|drop\s+(table|view|trigger)|"
                 r"alter\s+table|pragma\s+\w+)\b", re.I | re.S)


def modules(under: Path = PRODUCT) -> list[Path]:
    return [p for p in sorted(under.rglob("*.py")) if "replica" not in p.relative_to(
        PRODUCT).parts]


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_no_sql_outside_the_archive_package():
    archive = PRODUCT / "archive"
    offenders = []
    for path in modules():
        if archive in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and SQL.search(node.value):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_the_scan_would_see_sql():
    assert SQL.search("SELECT url FROM articles WHERE site = ?")
    assert SQL.search("update crawl_runs set status = 'ok'")
    assert SQL.search("pragma user_version")


@pytest.mark.parametrize(("folder", "forbidden"), [
    ("pages", ("scrapy", "orthocrawl.archive", "orthocrawl.pipelines", "sqlite_utils")),
    ("spiders", ("orthocrawl.archive", "orthocrawl.incremental", "sqlite_utils")),
    ("incremental", ("orthocrawl.spiders",)),
])
def test_who_may_import_whom(folder, forbidden):
    for path in modules(PRODUCT / folder):
        bad = sorted(m for m in imports(path) if m.startswith(forbidden))
        assert not bad, (path.relative_to(ROOT), bad)


def test_the_incremental_index_needs_neither_scrapy_nor_sqlite():
    bad = sorted(m for m in imports(PRODUCT / "incremental" / "known.py")
                 if m.startswith(("scrapy", "sqlite", "orthocrawl.archive")))
    assert bad == []


def test_the_archive_and_its_derived_layers_load_no_crawler():
    """Reading the archive (search, export, stories, entities) loads neither Scrapy nor the
    page objects nor scipy: an export of 100,000 articles peaked 52 MB higher when the
    stories layer pulled them in through a shared text helper."""
    code = ("import sys, orthocrawl.archive, orthocrawl.stories, orthocrawl.entities\n"
            "print(' '.join(sorted(m for m in ('scrapy', 'twisted', 'web_poet', 'parsel', "
            "'orthocrawl.pages', 'scipy', 'datasketch', 'matplotlib') if m in sys.modules)))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=ROOT).stdout.split()
    assert loaded == []
