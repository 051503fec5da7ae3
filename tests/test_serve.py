"""`orthocrawl serve` as a process: a SIGTERM to its PID leaves nothing running, the port
free and no temporary files; a busy port is one line and exit 1. (The pages themselves are
tested in a browser by test_browse.py.)"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from conftest import forked


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture
def start_serve(tmp_path):
    """Start `orthocrawl serve` in a session of its own, with its own empty TMPDIR; whatever
    is left of that session at the end is killed (a test failure must not leak a server)."""
    started: list[subprocess.Popen] = []
    temp = tmp_path / "tmp"
    temp.mkdir()

    def start(db, port: int) -> subprocess.Popen:
        process = subprocess.Popen(
            [sys.executable, "-m", "orthocrawl.cli", "serve", "--db", str(db), "--port",
             str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "TMPDIR": str(temp)}, start_new_session=True)
        started.append(process)
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
                return process
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"serve did not start: {process.communicate()[1][-1000:]}")
                time.sleep(0.2)

    yield start, temp
    for process in started:
        if group_alive(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def test_sigterm_stops_everything(demo_archive, start_serve):
    start, temp = start_serve
    port = free_port()
    process = start(demo_archive.db, port)
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/demo/article_list.json") as page:
        assert page.status == 200
    os.kill(process.pid, signal.SIGTERM)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Traceback" not in err
    assert not group_alive(process.pid)  # no server left behind under another PID
    assert port_is_free(port)
    assert list(temp.iterdir()) == []


def test_a_busy_port_is_one_line(demo_archive, start_serve):
    start, _ = start_serve
    port = free_port()
    start(demo_archive.db, port)
    # forked: the second server fails before it serves, and needs no interpreter of its own
    second = forked("serve", "--db", str(demo_archive.db), "--port", str(port), timeout=60)
    assert second.returncode == 1
    lines = second.stderr.strip().splitlines()
    assert lines == [f"orthocrawl: error: cannot listen on 127.0.0.1:{port}: "
                     "Address already in use"]
