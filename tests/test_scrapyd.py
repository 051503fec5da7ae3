"""scrapyd, really: a real scrapyd server on 127.0.0.1, the project deployed to it as its users
do (an egg built by setuptools, with the `scrapy` entry point naming the settings, POSTed to
addversion.json), two publishers' spiders scheduled at once into one archive."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from orthocrawl.replica import ReplicaServer, build_hub
from orthocrawl.sites import spider_for

pytest.importorskip("scrapyd", reason="scrapyd is not installed (pip install -e '.[test]')")
requests = pytest.importorskip("requests", reason="requests is not installed")

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SITES = ["orthospinenews", "ryortho"]
ARTICLES = 30


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_egg(work: Path) -> Callable[[], Path]:
    """The project's egg, as scrapyd-deploy builds it: setuptools' bdist_egg of the project
    (a copy, so the checkout gains no build/ folder); pyproject.toml's `scrapy` entry point
    puts `settings = orthocrawl.settings` in EGG-INFO/entry_points.txt. The build starts in
    a process of its own; the function returned waits for it and gives the egg."""
    source = work / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "orthocrawl", source / "orthocrawl",
                    ignore=shutil.ignore_patterns("__pycache__"))
    build = subprocess.Popen([sys.executable, "-c", "import setuptools; setuptools.setup()",
                              "-q", "bdist_egg", "--dist-dir", str(work / "dist")], cwd=source,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)

    def egg() -> Path:
        if build.returncode is None:
            output, _ = build.communicate(timeout=300)
            assert build.returncode == 0, output.decode(errors="replace")[-3000:]
        return next((work / "dist").glob("orthocrawl-*.egg"))

    return egg


@pytest.fixture
def egg(tmp_path) -> Iterator[Callable[[], Path]]:
    """The egg's build, started before the scrapyd server (the test asks for it first), so
    that the two start at once."""
    work = tmp_path / "egg"
    work.mkdir()
    wait = start_egg(work)
    try:
        yield wait
    finally:
        wait()  # never leaves the build running


@pytest.fixture
def scrapyd(tmp_path) -> Iterator[str]:
    """A scrapyd server in a folder of its own, with its own config file; killed at the end,
    with any job it started, whatever happened."""
    home = tmp_path / "scrapyd"
    home.mkdir()
    port = free_port()
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\n"
        f"eggs_dir = {home / 'eggs'}\nlogs_dir = {home / 'logs'}\ndbs_dir = {home / 'dbs'}\n"
        "items_dir =\njobs_to_keep = 5\n"
        f"bind_address = 127.0.0.1\nhttp_port = {port}\n"
        "max_proc = 2\npoll_interval = 0.2\n")
    # Without PYTHONPATH the jobs import orthocrawl from the deployed egg, as on a server
    # where the project is not installed (the egg comes before an editable install's finder).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    server = subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=home, env=env,
                              stdout=subprocess.DEVNULL, stderr=(home / "scrapyd.err").open("w"),
                              start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{url}/daemonstatus.json", timeout=2).ok:
                    break
            except requests.ConnectionError:
                pass
            assert server.poll() is None, (home / "scrapyd.err").read_text()[-2000:]
            assert time.monotonic() < deadline, "scrapyd did not start within 60 s"
            time.sleep(0.2)
        yield url
    finally:
        try:
            os.killpg(server.pid, signal.SIGTERM)  # the server and the jobs it launched
            server.wait(timeout=15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            pass
        try:
            os.killpg(server.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        server.wait()


def call(url: str, endpoint: str, **kwargs: Any) -> dict[str, Any]:
    method = requests.post if "data" in kwargs or "files" in kwargs else requests.get
    answer = method(f"{url}/{endpoint}", timeout=30, **kwargs).json()
    assert answer["status"] == "ok", answer
    return answer


def test_two_spiders_at_once_under_scrapyd_into_one_archive(egg, scrapyd, tmp_path):
    with egg().open("rb") as data:
        added = call(scrapyd, "addversion.json", data={"project": "orthocrawl",
                                                       "version": "1"}, files={"egg": data})
    assert set(SITES) <= set(call(scrapyd, "listspiders.json",
                                  params={"project": "orthocrawl"})["spiders"])
    assert added["spiders"] >= len(SITES)
    db = tmp_path / "archive.db"
    with ReplicaServer(build_hub(SITES, articles=ARTICLES)) as replica:
        jobs = []
        for site in SITES:
            mirrors = dict.fromkeys(spider_for(site).allowed_domains, replica.base_url)
            jobs.append(call(scrapyd, "schedule.json", data=[
                ("project", "orthocrawl"), ("spider", site),
                ("setting", f"ORTHOCRAWL_DB={db}"),
                ("setting", f"ORTHOCRAWL_MIRRORS={json.dumps(mirrors)}"),
                ("setting", "DOWNLOAD_DELAY=0"), ("setting", "AUTOTHROTTLE_ENABLED=False"),
            ])["jobid"])
        deadline = time.monotonic() + 300
        while True:
            listed = call(scrapyd, "listjobs.json", params={"project": "orthocrawl"})
            finished = {job["id"]: job for job in listed["finished"]}
            if all(job in finished for job in jobs):
                break
            assert time.monotonic() < deadline, f"jobs not finished in 300 s: {listed}"
            time.sleep(0.5)
    logs = {job: (tmp_path / "scrapyd" / "logs" / "orthocrawl" / site / f"{job}.log")
            for job, site in zip(jobs, SITES, strict=True)}
    with sqlite3.connect(db) as conn:
        counts = dict(conn.execute("SELECT site, count(*) FROM articles GROUP BY site"))
        assert counts == dict.fromkeys(SITES, ARTICLES), {
            job: path.read_text()[-3000:] for job, path in logs.items() if path.exists()}
        runs = conn.execute("SELECT sites, status, started_at, finished_at FROM crawl_runs "
                            "ORDER BY id").fetchall()
        assert sorted(json.loads(row[0])[0] for row in runs) == sorted(SITES)
        assert [row[1] for row in runs] == ["ok", "ok"]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # At once: each job started before the other finished (max_proc = 2, per-site locks), by
    # scrapyd's times (microseconds); crawl_runs' whole seconds can only not contradict it.
    (start_one, end_one), (start_two, end_two) = (
        (datetime.fromisoformat(finished[job]["start_time"]),
         datetime.fromisoformat(finished[job]["end_time"])) for job in jobs)
    assert start_one < end_two and start_two < end_one, (start_one, end_one, start_two, end_two)
    (_, _, start_one, end_one), (_, _, start_two, end_two) = runs
    assert start_one <= end_two and start_two <= end_one
    assert all(path.exists() for path in logs.values())  # scrapyd kept each job's log
