"""The pure part of the derived layers (an article's entities extracted, its story signature
made) computed ahead, in one worker process, while the crawl goes on fetching.

Scrapy runs a crawl on one thread, so this CPU work would otherwise add to the crawl's wall
time (issue 11's budget: entities and stories together at most 15% of a first crawl). The
store still decides: `Derivations` uses a result only when it was made from exactly the
article it stores, else it computes inline, so the archive is the same with or without the
worker (`ORTHOCRAWL_DERIVE_WORKER=False` turns it off). The archive itself is never opened
here: placing an article in its story and writing rows stay in the store's transaction.

One worker serves every crawl of a process (`orthocrawl crawl` of five sites runs five
spiders on one reactor); it is started on first use with `spawn` (it inherits no open
archive, lock or thread) and stopped when the last crawl closes. It ignores Ctrl-C (the
crawl stops it) and exits by itself if the crawl's process dies.

Jobs go out through a multiprocessing queue (its feeder thread writes them) and results
come back through a pipe that the crawl's thread reads only when the store needs them: a
ProcessPoolExecutor's result thread, waking for every task and taking the GIL from the
reactor, cost the crawl about 9% of its wall time with the results not even used
(`benchmarks/derived_cost.py`, 2026-12-02).
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.queues
import os
import signal
import threading
import time
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger(__name__)

Job = tuple[tuple[str, str, str | None], dict[str, Any] | None]  # entity inputs, story fields


class WorkerLost(Exception):
    """The worker process is gone or cannot be reached: compute inline."""


@dataclass(frozen=True)
class Ahead:
    """What the worker made of one article (the crawl keeps what it sent, to check it
    against what the store stores): no text comes back, to keep the pipe small."""

    extraction: Any  # orthocrawl.entities.Extraction
    cites: tuple[str, ...]  # the URLs its body_html names as its source
    signature: Any  # orthocrawl.stories.Signature, or None


class _Jobs(multiprocessing.queues.Queue):  # type: ignore[type-arg]
    """A job queue whose feeder thread stays quiet when the worker is gone (the store then
    computes inline and says so once) instead of printing a traceback."""

    @staticmethod
    def _on_queue_feeder_error(e: Exception, obj: object) -> None:
        logger.debug("a job did not reach the derived worker: %s", e)


class Worker:
    """The worker process, its job queue and result pipe; tasks are numbered in order."""

    def __init__(self, gazetteers: list[str]) -> None:
        context = multiprocessing.get_context("spawn")
        self.jobs = _Jobs(ctx=context)
        self.results, sender = context.Pipe(duplex=False)
        self.process = context.Process(target=_serve, name="orthocrawl-derive", daemon=True,
                                       args=(self.jobs, sender, gazetteers, os.getpid()))
        self.process.start()
        sender.close()  # the worker's end: the pipe reports EOF when the worker is gone
        _widen(self.results.fileno())
        self.sent = 0  # tasks numbered 1, 2, ...
        self.received = 0
        self.done: dict[int, list[Ahead | None]] = {}  # received, not yet taken
        self.forgotten: set[int] = set()  # no longer wanted: dropped when they arrive
        self.answered = False  # it has sent a result: it is up (imports, gazetteers done)
        self.users = 0

    def submit(self, jobs: list[Job]) -> int:
        """Several articles in one task (fewer wake-ups); the task's number."""
        if not self.process.is_alive():
            raise WorkerLost(f"exit code {self.process.exitcode}")
        self.sent += 1
        self.jobs.put((self.sent, jobs))
        return self.sent

    def result(self, task: int) -> list[Ahead | None]:
        """A task's results, reading (and keeping) the ones before it; kept until
        forgotten."""
        while task not in self.done:
            if task <= self.received:
                raise KeyError(task)  # taken or forgotten already
            try:
                while not self.results.poll(1.0):
                    if not self.process.is_alive():
                        raise WorkerLost(f"exit code {self.process.exitcode}")
                number, found = self.results.recv()
            except (EOFError, OSError) as error:
                raise WorkerLost(str(error) or type(error).__name__) from None
            self.received = number
            self.answered = True
            if number in self.forgotten:
                self.forgotten.discard(number)
            else:
                self.done[number] = found
        return self.done[task]

    def starting(self) -> bool:
        """Whether it has not answered yet and has nothing to say: still importing and
        reading its gazetteers (about a second), which a small crawl should not wait for."""
        return not self.answered and not self.results.poll(0)

    def forget(self, tasks: set[int]) -> None:
        """Tasks whose results are no longer wanted (taken, or of articles not stored)."""
        for task in tasks:
            if self.done.pop(task, None) is None and task > self.received:
                self.forgotten.add(task)

    def stop(self) -> None:
        """Stop at once: what it is still computing is wanted by no one. (Asking it to
        finish could deadlock: it may be waiting to send results nobody will read, and
        the queue's thread waiting for it to read the jobs.)"""
        self.jobs.cancel_join_thread()  # jobs not yet written are dropped, not waited for
        self.jobs.close()
        self.process.terminate()
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)
        self.results.close()


def _widen(pipe: int) -> None:
    """Let the pipe hold about 400 articles' results (Linux; elsewhere its default): the
    worker stops when the pipe is full, and the crawl reads it only when a batch is stored,
    so with the default 64 KB it kept only a task or two ahead and the store waited for
    the rest (0.58 s of a 1,500-article crawl)."""
    try:
        import fcntl  # not on Windows
    except ImportError:
        return
    if hasattr(fcntl, "F_SETPIPE_SZ"):
        try:
            fcntl.fcntl(pipe, fcntl.F_SETPIPE_SZ, 1 << 20)
        except OSError:  # above /proc/sys/fs/pipe-max-size: the default stays
            pass


_worker: Worker | None = None


def acquire(gazetteers: list[str]) -> Worker | None:
    """The process's worker (started on first use), or None when it cannot start."""
    global _worker
    if _worker is None:
        try:
            _worker = Worker(gazetteers)
        except (OSError, ValueError) as error:  # no processes left, a bad context
            logger.warning("derived layers computed inline: %s", error)
            return None
    _worker.users += 1
    return _worker


def release() -> None:
    """One crawl is done with the worker; the last one stops it."""
    global _worker
    if _worker is not None:
        _worker.users -= 1
        if _worker.users <= 0:
            worker, _worker = _worker, None
            worker.stop()


# ---- in the worker ----

_extractor: Any = None  # the entities extractor, built once


def _serve(jobs: Any, results: Any, gazetteers: list[str], parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the crawl's to handle
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    from orthocrawl.entities import Extractor
    from orthocrawl.entities.gazetteer import load_gazetteer

    global _extractor
    # the crawl's own gazetteer files, not this process's environment
    _extractor = Extractor(load_gazetteer(gazetteers))
    while (task := jobs.get()) is not None:
        number, batch = task
        try:
            results.send((number, _compute_many(batch)))
        except (BrokenPipeError, OSError):  # the crawl stopped reading: it is closing
            return


def _exit_with(parent: int) -> None:
    """Exit when the crawl's process is gone (killed: nothing told us to stop)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


def _compute_many(jobs: list[Job]) -> list[Ahead | None]:
    done: list[Ahead | None] = []
    for entity_inputs, story_fields in jobs:
        try:
            done.append(_compute(entity_inputs, story_fields))
        except Exception:  # the store computes it inline and meets it there
            done.append(None)
    return done


def _compute(entity_inputs: tuple[str, str, str | None],
             story_fields: dict[str, Any] | None) -> Ahead:
    extraction = _extractor.extract(*entity_inputs)
    if story_fields is None:
        return Ahead(extraction, (), None)
    from orthocrawl.archive.stories import cited_sources
    from orthocrawl.stories import StoryArticle
    from orthocrawl.stories.index import prepared

    html = story_fields.pop("body_html")
    article = StoryArticle(0, **story_fields, cites=cited_sources(html, story_fields["url"]))
    return Ahead(extraction, article.cites, prepared(article))
