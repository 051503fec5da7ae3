"""Fixtures shared by several test files."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

DEMO_ARTICLES = 30  # per replica


@dataclass
class DemoArchive:
    root: Path  # a folder holding data/demo.db, as after README's quick start
    db: Path
    output: str  # what `orthocrawl demo` printed


@pytest.fixture(autouse=True)
def _no_archive_from_the_environment(monkeypatch):
    """Commands under test read --db or their default, never the developer's $ORTHOCRAWL_DB."""
    monkeypatch.delenv("ORTHOCRAWL_DB", raising=False)


@pytest.fixture(scope="session")
def demo_archive(tmp_path_factory) -> DemoArchive:
    """One demo archive per test session, made by `orthocrawl demo` as a user would make it
    (every replica, DEMO_ARTICLES articles each). Tests read the archive and never write to
    it; files they write (exports, charts) go next to data/, in root."""
    root = tmp_path_factory.mktemp("quickstart")
    env = {k: v for k, v in os.environ.items() if k != "ORTHOCRAWL_DB"}
    result = subprocess.run(
        [sys.executable, "-m", "orthocrawl.cli", "demo", "--articles", str(DEMO_ARTICLES)],
        capture_output=True, text=True, timeout=300, cwd=root, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    return DemoArchive(root, root / "data" / "demo.db", result.stdout)
