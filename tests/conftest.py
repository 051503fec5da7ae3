"""Fixtures and runners shared by the test files.

Three ways to run a command, quickest first:
- `cli()`: `orthocrawl ARGS` in this process (click's CliRunner), for commands that start no
  crawl and no server;
- `forked()` / `start_forked()`: a command in a child forked from this process, for crawls
  (Scrapy's reactor starts once per process) and `scrapy` commands; the child has every module
  this process imported, so it skips the seconds a fresh Python spends importing Scrapy;
- `cli_process()`: `python -m orthocrawl.cli ARGS` in a new process, for what must be a real
  process (signals, a server, the entry point itself).
All three return a subprocess.CompletedProcess (returncode, stdout, stderr as text).
`orthocrawl()` picks the first two by the command. A command that must not share this
process's state (the archive locks a test holds here, the site files it loaded) is forked.
"""

from __future__ import annotations

import faulthandler
import gc
import importlib.util
import io
import logging
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import warnings
import weakref
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock

ROOT = Path(__file__).resolve().parents[1]
DEMO_ARTICLES = 30  # per replica


# ---- in this process ----

@contextmanager
def _in_folder(cwd: str | os.PathLike[str] | None) -> Iterator[None]:
    if cwd is None:
        yield
        return
    before = os.getcwd()
    os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(before)


# Commands that start Scrapy's reactor (once per process) or a server that runs until stopped.
_NOT_IN_PROCESS = (["crawl"], ["demo"], ["serve"], ["sites", "check"])


def cli(*args: str | os.PathLike[str], env: Mapping[str, str | None] | None = None,
        cwd: str | os.PathLike[str] | None = None,
        input: str | None = None) -> subprocess.CompletedProcess:
    """`orthocrawl ARGS` run in this process by click's CliRunner, as a process would return
    it. An exception other than the command's own exit shows in stderr as a traceback, so that
    "no Traceback on stderr" fails as it would for the real command."""
    from click.testing import CliRunner

    from orthocrawl.cli import main

    words = [str(arg) for arg in args]
    if any(words[:len(path)] == path for path in _NOT_IN_PROCESS) and "--help" not in words:
        raise AssertionError(f"`orthocrawl {' '.join(words[:2])}` starts a crawl or a server: "
                             "run it with forked() or cli_process()")
    with _in_folder(cwd):
        result = CliRunner().invoke(main, words, env=dict(env or {}), input=input,
                                    prog_name="orthocrawl")
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "Traceback (in process):\n" + "".join(
            traceback.format_exception(result.exception))
    return subprocess.CompletedProcess(words, result.exit_code, result.stdout, stderr)


# ---- in a forked child ----

def _fresh_process_state() -> None:
    """In a forked child: the logging, warnings and signal handling of a new Python process,
    not pytest's (which records warnings and logs instead of printing them)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.setLevel(logging.WARNING)
    logging.disable(logging.NOTSET)
    spec = importlib.util.find_spec("warnings")
    assert spec is not None and spec.loader is not None
    fresh = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fresh)
    warnings.showwarning = fresh.showwarning
    warnings._showwarnmsg = fresh._showwarnmsg  # type: ignore[attr-defined]
    warnings.resetwarnings()
    for category in (ResourceWarning, ImportWarning, PendingDeprecationWarning,
                     DeprecationWarning):
        warnings.simplefilter("ignore", category)
    warnings.filterwarnings("default", category=DeprecationWarning, module="__main__")
    for number in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # as Python starts
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    lock = sys.modules.get("orthocrawl.lock")
    if lock is not None:  # the locks this process holds are not the child's
        lock._held.clear()


def _exit_code(code: Any) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


@dataclass
class Forked:
    """A command running in a forked child; wait() gives what it printed and its exit code."""

    pid: int
    args: list[str]
    out: Any
    err: Any
    returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def output(self) -> str:
        """What it printed on stdout so far (read without moving the file's shared offset)."""
        return os.pread(self.out.fileno(), 1 << 24, 0).decode("utf-8", errors="replace")

    def kill(self, number: int = signal.SIGKILL) -> None:
        if self.poll() is None:
            os.kill(self.pid, number)

    def wait(self, timeout: float = 600) -> subprocess.CompletedProcess:
        deadline = time.monotonic() + timeout
        delay = 0.005
        while self.poll() is None:
            if time.monotonic() > deadline:
                self.kill(signal.SIGUSR1)  # the child's faulthandler prints where it is
                time.sleep(1)
                self.kill()
                os.waitpid(self.pid, 0)
                self.returncode = -signal.SIGKILL
                stacks = os.pread(self.err.fileno(), 1 << 20, 0).decode("utf-8", "replace")
                raise AssertionError(f"{self.args} did not end in {timeout} s; its threads "
                                     f"then:\n{stacks[-6000:]}")
            time.sleep(delay)
            delay = min(delay * 2, 0.1)
        texts = []
        for stream in (self.out, self.err):
            stream.seek(0)
            texts.append(stream.read().decode("utf-8", errors="replace"))
            stream.close()
        return subprocess.CompletedProcess(self.args, self.returncode, *texts)


_WARM_COMPONENTS = (  # {path: order}; the download handlers are {scheme: path}
    "ADDONS", "DOWNLOADER_MIDDLEWARES_BASE",
    "DOWNLOADER_MIDDLEWARES", "SPIDER_MIDDLEWARES_BASE", "SPIDER_MIDDLEWARES",
    "ITEM_PIPELINES_BASE", "ITEM_PIPELINES", "EXTENSIONS_BASE", "EXTENSIONS",
)
_WARM_SETTINGS = (
    "DOWNLOADER", "SCHEDULER", "SCHEDULER_PRIORITY_QUEUE", "SCHEDULER_DISK_QUEUE",
    "SCHEDULER_MEMORY_QUEUE", "DUPEFILTER_CLASS", "SPIDER_LOADER_CLASS", "STATS_CLASS",
    "LOG_FORMATTER", "REQUEST_FINGERPRINTER_CLASS", "DNS_RESOLVER", "DOWNLOADER_HTTPCLIENTFACTORY",
    "DOWNLOADER_CLIENTCONTEXTFACTORY", "ITEM_PROCESSOR", "ROBOTSTXT_PARSER",
)
_warmed = False
_slow_test = True  # whether the running test is marked slow (pytest_runtest_setup)


def _warm() -> None:
    """Import what every crawl imports, once, before the first fork: each child then starts
    with it instead of spending a second or two of CPU importing Scrapy, its components and
    orthocrawl's commands (measured: a one-URL crawl's child 2.4 s of CPU cold, 0.2 s warm).
    Only imports: no component is built and no reactor is installed here."""
    global _warmed
    if _warmed or not _slow_test:
        return
    _warmed = True
    import scrapy.crawler  # noqa: F401
    from scrapy.settings import Settings
    from scrapy.spiderloader import SpiderLoader
    from scrapy.utils.misc import load_object

    import orthocrawl.cli
    import orthocrawl.crawl  # noqa: F401

    settings = Settings()
    settings.setmodule("orthocrawl.settings", priority="project")
    paths = [path for name in _WARM_COMPONENTS for path in settings.getdict(name)]
    paths += [path for name in ("DOWNLOAD_HANDLERS_BASE", "DOWNLOAD_HANDLERS")
              for path in settings.getdict(name).values()]
    paths += [settings[name] for name in _WARM_SETTINGS if isinstance(settings[name], str)]
    for path in paths:
        try:
            load_object(path)
        except (ImportError, AttributeError, NameError, ValueError):  # optional, or none
            pass
    SpiderLoader.from_settings(settings)  # imports every spider module
    assert "twisted.internet.reactor" not in sys.modules, "warming installed a reactor"



_collecting = threading.Event()  # set while a garbage collection runs, in any thread


def _collection_phase(phase: str, info: dict[str, int]) -> None:
    if phase == "start":
        _collecting.set()
    else:
        _collecting.clear()


gc.callbacks.append(_collection_phase)


class _TrackedConnection(sqlite3.Connection):
    """A connection this process opened, kept in _OPEN until it is collected (a plain
    sqlite3.Connection cannot be weakly referenced)."""


_OPEN: weakref.WeakSet[_TrackedConnection] = weakref.WeakSet()
_connect = sqlite3.connect


def _tracked_connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
    kwargs.setdefault("factory", _TrackedConnection)
    connection = _connect(*args, **kwargs)
    if isinstance(connection, _TrackedConnection):
        _OPEN.add(connection)
    return connection


sqlite3.connect = _tracked_connect  # type: ignore[assignment]


def _close_inherited_connections() -> None:
    """In a forked child, first thing: close the SQLite connections of the test process it
    inherited (a test's forgotten reader, a fixture's open archive). SQLite forbids using a
    connection across fork, and one left open breaks the child's own connections to the same
    file: with the inherited reader of test_an_unchanged_article_listed_under_a_variant_url...
    open in the child, its crawl's writes of checked_at were lost every time."""
    for connection in list(_OPEN):
        try:
            connection.close()
        except sqlite3.Error:
            pass


@contextmanager
def quiet_collector() -> Iterator[None]:
    """For forking: no garbage collection runs in any thread of this process meanwhile."""
    gc.disable()
    while _collecting.is_set():
        time.sleep(0.001)
    try:
        yield
    finally:
        gc.enable()


def start_forked(run: Callable[[], Any], args: list[str],
                 env: Mapping[str, str | None] | None = None,
                 cwd: str | os.PathLike[str] | None = None) -> Forked:
    """Run `run()` in a child forked from this process, with `env` added to its environment
    (a None value removes the variable) and `cwd` as its folder; what it prints is kept."""
    if "twisted.internet.reactor" in sys.modules:  # a test of this process installed one
        raise AssertionError("a reactor is installed in the test process: cannot fork a crawl")
    _warm()
    out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        if stream is not None:
            stream.flush()
    # No fork while a garbage collection runs in another thread of this process (a replica
    # server's handler): a collection closing one of this process's forgotten SQLite
    # connections holds SQLite's mutex with the GIL released, and the child, which inherits
    # the mutex locked, then waits in sqlite3.connect for good. Seen in CI (2026-12-01) and
    # here with three workers: the stack showed "Garbage-collecting" above the archive's
    # sqlite3.connect.
    with quiet_collector():
        pid = os.fork()
        if not pid:
            _close_inherited_connections()
            # The child leaves what it inherited out of its collections: a collection of the
            # test process's whole heap would cost it CPU and copy most of its memory pages
            # (measured: a 40-article crawl's child 0.72 s of CPU, 0.48 s frozen).
            gc.freeze()
    if pid:
        return Forked(pid, args, out, err)
    code = 1
    try:  # the child: never returns into pytest
        os.dup2(out.fileno(), 1)
        os.dup2(err.fileno(), 2)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False))
        sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), write_through=True)
        sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), write_through=True)
        sys.__stdout__, sys.__stderr__ = sys.stdout, sys.stderr
        _fresh_process_state()
        faulthandler.register(signal.SIGUSR1, file=sys.__stderr__, all_threads=True)
        for name, value in (env or {}).items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        if cwd is not None:
            os.chdir(cwd)
        try:
            run()
            code = 0
        except SystemExit as done:
            code = _exit_code(done.code)
        except KeyboardInterrupt:
            code = 130
    except BaseException:
        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def _orthocrawl(words: list[str]) -> Callable[[], Any]:
    def run() -> Any:
        from orthocrawl.cli import main

        sys.argv = ["orthocrawl", *words]
        return main.main(words, prog_name="orthocrawl")

    return run


def forked(*args: str | os.PathLike[str], env: Mapping[str, str | None] | None = None,
           cwd: str | os.PathLike[str] | None = None,
           timeout: float = 600) -> subprocess.CompletedProcess:
    """`orthocrawl ARGS` in a forked child, as `python -m orthocrawl.cli ARGS` would run."""
    words = [str(arg) for arg in args]
    return start_forked(_orthocrawl(words), words, env, cwd).wait(timeout)


def start_cli(*args: str | os.PathLike[str], env: Mapping[str, str | None] | None = None,
              cwd: str | os.PathLike[str] | None = None) -> Forked:
    """`orthocrawl ARGS` started in a forked child: wait() for it, or poll() and kill() it."""
    words = [str(arg) for arg in args]
    return start_forked(_orthocrawl(words), words, env, cwd)


def scrapy(*args: str | os.PathLike[str], env: Mapping[str, str | None] | None = None,
           cwd: str | os.PathLike[str] = ROOT, timeout: float = 600) -> subprocess.CompletedProcess:
    """`scrapy ARGS` (Scrapy's own command line, as scrapyd runs a job) from the repository
    root, in a forked child."""
    words = [str(arg) for arg in args]

    def run() -> Any:
        from scrapy.cmdline import execute

        os.environ.pop("SCRAPY_SETTINGS_MODULE", None)
        execute(["scrapy", *words])

    return start_forked(run, ["scrapy", *words], env=env, cwd=cwd).wait(timeout)


def orthocrawl(*args: str | os.PathLike[str], env: Mapping[str, str | None] | None = None,
               cwd: str | os.PathLike[str] | None = None,
               timeout: float = 600) -> subprocess.CompletedProcess:
    """`orthocrawl ARGS` the quickest way it can run: a crawl (or demo, serve, sites check)
    forked, any other command in this process. A command that must not see this process's
    locks or loaded site files is run with forked() instead."""
    words = [str(arg) for arg in args]
    if any(words[:len(path)] == path for path in _NOT_IN_PROCESS) and "--help" not in words:
        return forked(*words, env=env, cwd=cwd, timeout=timeout)
    return cli(*words, env=env, cwd=cwd)


# ---- in a new process ----

def cli_process(*args: str | os.PathLike[str], env: Mapping[str, str] | None = None,
                cwd: str | os.PathLike[str] | None = None,
                timeout: float = 600) -> subprocess.CompletedProcess:
    """`python -m orthocrawl.cli ARGS` in a new process (environment: this one's and `env`)."""
    return subprocess.run([sys.executable, "-m", "orthocrawl.cli", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, cwd=cwd,
                          env={**os.environ, **(env or {})})


def one_line_error(result: subprocess.CompletedProcess, most: int = 3) -> str:
    """The last line of stderr, after checking there is no traceback and at most `most`
    lines (click's usage errors add a usage line)."""
    lines = [line for line in result.stderr.strip().splitlines() if line.strip()]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert 0 < len(lines) <= most, result.stderr
    return lines[-1]


# ---- fixtures ----

def pytest_collection_modifyitems(items):
    """A test of the demo archive is slow: making it crawls every replica (about 20 s).

    Then the files are put in order, those with the most slow tests first (a file's tests
    stay together, in their order): the workers take the files in this order (pyproject's
    --dist loadfile --no-loadscope-reorder), so the long files start early and the run ends
    on quick ones, which even out when the workers finish. (xdist's own order, the files
    with the most tests first, left a long file of one or five tests for the end.)"""
    for item in items:
        if "demo_archive" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
    slow: dict[str, int] = {}
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        path = item.nodeid.split("::")[0]
        first.setdefault(path, index)
        slow[path] = slow.get(path, 0) + (item.get_closest_marker("slow") is not None)
    items.sort(key=lambda item: (-slow[item.nodeid.split("::")[0]],
                                 first[item.nodeid.split("::")[0]]))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Forks warm up (_warm) for slow tests only (noted before any of the test's fixtures,
    module ones included, is made): the quick ones fork commands that fail before they
    crawl, for which the warm-up would cost each worker more than it saves."""
    global _slow_test
    _slow_test = item.get_closest_marker("slow") is not None


SHORT_PROBE_GRACE = 0.2  # seconds; orthocrawl.lock.PROBE_GRACE is 1 s


@pytest.fixture
def short_probe_grace(monkeypatch):
    """For a test that has a run refused because another holds the lock: the refusal comes
    after SHORT_PROBE_GRACE instead of lock.PROBE_GRACE, in this process and in the commands
    it forks (they inherit it); still long against the instant another writer's probe holds
    a free lock."""
    from orthocrawl import lock

    monkeypatch.setattr(lock, "PROBE_GRACE", SHORT_PROBE_GRACE)


@pytest.fixture(autouse=True)
def _no_archive_from_the_environment(monkeypatch):
    """Commands under test read --db or their default, never the developer's $ORTHOCRAWL_DB."""
    monkeypatch.delenv("ORTHOCRAWL_DB", raising=False)


@dataclass
class DemoArchive:
    root: Path  # a folder holding data/demo.db, as after README's quick start
    db: Path
    output: str  # what `orthocrawl demo` printed


@pytest.fixture(scope="session")
def demo_archive(tmp_path_factory, worker_id) -> DemoArchive:
    """One demo archive per test run, made by `orthocrawl demo` as a user would make it
    (every replica, DEMO_ARTICLES articles each). Tests read the archive and never write to
    it; files they write (exports, charts) go next to data/, in root. Under pytest-xdist the
    first worker to ask makes it and the others wait for it (a file lock), then use a copy."""
    if worker_id == "master":
        shared = tmp_path_factory.mktemp("quickstart")
    else:
        shared = tmp_path_factory.getbasetemp().parent / "quickstart"
        shared.mkdir(exist_ok=True)
    with FileLock(str(shared) + ".lock"):
        made = shared / "output.txt"
        if not made.exists():
            result = forked("demo", "--articles", str(DEMO_ARTICLES), cwd=shared,
                            env={"ORTHOCRAWL_DB": None}, timeout=600)
            assert result.returncode == 0, result.stderr[-2000:]
            made.write_text(result.stdout)
    if worker_id == "master":
        root = shared
    else:  # each worker its own folder: tests write their exports next to data/
        root = tmp_path_factory.mktemp("quickstart")
        shutil.copytree(shared / "data", root / "data")
    return DemoArchive(root, root / "data" / "demo.db", made.read_text())


@pytest.fixture(scope="session")
def worker_id(request) -> str:
    """pytest-xdist's worker id ("gw0", ...), "master" without xdist (its own fixture when
    xdist is installed)."""
    workerinput = getattr(request.config, "workerinput", None)
    return workerinput["workerid"] if workerinput else "master"
