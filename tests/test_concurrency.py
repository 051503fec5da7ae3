"""Many crawlers, one archive: runs of different sites write at once, two of one site never;
a killed run leaves the other and the archive whole; `crawl --jobs N`; two processes
creating one archive at once."""

from __future__ import annotations

import multiprocessing
import signal
import sqlite3
import threading
import time
from pathlib import Path

import pytest
import sqlite_utils
from conftest import Forked, quiet_collector, start_cli

from orthocrawl.replica import ReplicaServer, build_hub
from orthocrawl.replica.registry import ReplicaHub

SITES = ["orthospinenews", "ryortho", "beckersspine"]
ARTICLES = 60

pytestmark = pytest.mark.slow


def _key(url: str) -> str:
    return url.split("?")[0].split("://", 1)[-1].removeprefix("www.").rstrip("/")


class Gated:
    """The replicas' hub, with a gate a test can close on one site: while it is closed the
    site's article pages wait (a minute at most), so that a run of it is still running for
    as long as the test needs, whatever the machine's load; discovery is answered at once."""

    def __init__(self, hub: ReplicaHub) -> None:
        self.hub = hub
        self.opened = threading.Event()
        self.opened.set()
        self.held: set[str] = set()

    def __getattr__(self, name: str):
        return getattr(self.hub, name)

    def close(self, site: str) -> None:
        (replica,) = [s for s in self.hub.sites if s.name == site]
        self.held = {_key(url) for url in replica.article_urls()}
        self.opened.clear()

    def open(self) -> None:
        self.opened.set()

    def handle(self, method, url, headers):
        if _key(url) in self.held:
            self.opened.wait(timeout=60)
        return self.hub.handle(method, url, headers)


@pytest.fixture(scope="module")
def hub() -> Gated:
    return Gated(build_hub(SITES, articles=ARTICLES))


@pytest.fixture(scope="module")
def server(hub):
    with ReplicaServer(hub) as running:
        yield running


@pytest.fixture
def gate(hub):
    yield hub
    hub.open()  # whatever happened


def crawl(server, db: Path, *sites: str, extra: tuple[str, ...] = ()) -> Forked:
    """`orthocrawl crawl` started in a process of its own (forked from this one)."""
    mirrors = [a for s in sites for a in ("--base-url", f"{s}={server.base_url}")]
    return start_cli("crawl", *sites, "--db", str(db), *mirrors, *extra)


def finish(process: Forked) -> tuple[int, str, str]:
    done = process.wait(timeout=300)
    return done.returncode, done.stdout, done.stderr


def rows(db: Path) -> dict[str, int]:
    database = sqlite_utils.Database(db)
    try:
        return dict(database.execute(
            "SELECT site, count(*) FROM articles GROUP BY site").fetchall())
    except sqlite3.OperationalError:  # the archive is still being created
        return {}


def running(db: Path) -> bool:
    try:
        return bool(sqlite_utils.Database(db).execute(
            "SELECT count(*) FROM crawl_runs WHERE status = 'running'").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return False


def test_runs_of_different_sites_write_one_archive_at_once(server, tmp_path):
    db = tmp_path / "a.db"
    one, two = crawl(server, db, "orthospinenews"), crawl(server, db, "ryortho")
    (code_one, _, err_one), (code_two, _, err_two) = finish(one), finish(two)
    assert code_one == 0 and code_two == 0, err_one[-1500:] + err_two[-1500:]
    assert rows(db) == {"orthospinenews": ARTICLES, "ryortho": ARTICLES}
    database = sqlite_utils.Database(db)
    assert [r[0] for r in database.execute("SELECT status FROM crawl_runs")] == ["ok", "ok"]
    assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.usefixtures("short_probe_grace")
def test_two_runs_of_one_site_never_overlap(server, gate, tmp_path):
    db = tmp_path / "a.db"
    gate.close("beckersspine")  # the first run waits on its article pages until opened
    first = crawl(server, db, "beckersspine")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not running(db):
        time.sleep(0.05)  # until the first holds the site's lock and has its run row
    assert first.poll() is None, "the first run ended before the second could start"
    second = crawl(server, db, "beckersspine")
    code_two, _, err_two = finish(second)
    gate.open()
    code_one, _, _ = finish(first)
    assert code_one == 0
    assert code_two == 1 and "a crawl of beckersspine is writing" in err_two
    assert "Traceback" not in err_two
    waited = crawl(server, db, "beckersspine", extra=("--wait",))
    assert finish(waited)[0] == 0


def test_a_killed_run_leaves_the_other_and_the_archive_whole(server, tmp_path):
    db = tmp_path / "a.db"
    slow = ("--set", "DOWNLOAD_DELAY=0.2", "--set", "CONCURRENT_REQUESTS_PER_DOMAIN=1")
    victim = crawl(server, db, "orthospinenews", extra=slow)
    other = crawl(server, db, "ryortho")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (db.exists() and rows(db).get("orthospinenews")):
        time.sleep(0.05)  # killed mid-run: after its first batch, before its end
    victim.kill(signal.SIGKILL)
    victim.wait()
    code, _, err = finish(other)
    assert code == 0, err[-2000:]
    database = sqlite_utils.Database(db)
    assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert rows(db)["ryortho"] == ARTICLES
    statuses = dict(database.execute("SELECT sites, status FROM crawl_runs").fetchall())
    assert statuses['["orthospinenews"]'] == "running"  # nobody has written since
    assert finish(crawl(server, db, "orthospinenews"))[0] == 0  # the next writer of it
    statuses = [tuple(r) for r in database.execute(
        "SELECT sites, status FROM crawl_runs ORDER BY id").fetchall()]
    assert ('["orthospinenews"]', "interrupted") in statuses
    assert rows(db)["orthospinenews"] == ARTICLES


def test_crawl_jobs_spreads_the_sites_over_processes(server, tmp_path):
    db = tmp_path / "a.db"
    # a fourth site that cannot be reached: its run fails, the others' do not
    code, out, err = finish(crawl(server, db, *SITES, "spinemarketgroup", extra=(
        "--jobs", "2", "--base-url", "spinemarketgroup=http://127.0.0.1:9")))
    assert code == 1, err[-2000:]  # one site's run failed: the whole command says so
    summary = {line.split(":")[0]: line for line in out.splitlines()
               if not line.startswith("archive:")}
    assert sorted(summary) == sorted([*SITES, "spinemarketgroup"])
    assert "spinemarketgroup: failed" in summary["spinemarketgroup"]
    assert all(": ok" in summary[site] for site in SITES), out
    assert rows(db) == dict.fromkeys(SITES, ARTICLES)
    pids = {r[0] for r in sqlite_utils.Database(db).execute("SELECT pid FROM crawl_runs")}
    assert len(pids) == 2  # two crawler processes, each with its own run rows


def _open(path: str) -> int:
    from orthocrawl.archive import Archive

    with Archive(path) as archive:
        return archive.version


def test_two_processes_creating_one_archive_at_once(tmp_path):
    from orthocrawl.archive import SCHEMA_VERSION

    path = str(tmp_path / "new.db")
    with quiet_collector():  # see conftest.start_forked
        pool = multiprocessing.get_context("fork").Pool(4)  # four processes at once
    with pool:
        versions = pool.map(_open, [path] * 4)
    assert versions == [SCHEMA_VERSION] * 4
    database = sqlite_utils.Database(path)
    assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert "entities" in database.table_names()
