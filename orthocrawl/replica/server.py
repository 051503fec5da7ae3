"""Serve a replica (or a hub of them) over HTTP: in a background thread, or in its own
process.

A site may ask for more than a response through control headers, which the server consumes
and never sends: ``X-Replica-Delay: S`` waits S seconds first (a server stopping cuts the wait
short, and then drops the connection); ``X-Replica-Action: drop`` closes the connection
without answering; ``X-Replica-Action: close`` closes it after the response (a body shorter
than its Content-Length, sent this way, is a truncated response).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from .protocol import Replica
from .responses import Headers

_ORPHAN_GUARD = "ORTHOCRAWL_REPLICA_ORPHAN_GUARD"

CONTROL = "X-Replica-"
DELAY, ACTION = CONTROL + "Delay", CONTROL + "Action"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as crawlers expect
    disable_nagle_algorithm = True  # headers and body go out without a delayed-ACK stall
    server_version = "nginx"
    sys_version = ""
    site: Replica
    closing: threading.Event  # set when the server stops: cuts delays short

    def _serve(self) -> None:
        proto = self.headers.get("X-Forwarded-Proto")
        host = self.headers.get("X-Forwarded-Host")
        browser = proto is None and host is None
        # A browser on the bare server sees the (first) served site.
        origin = self.site.origin
        url = f"{proto or 'https'}://{host or urlsplit(origin).netloc}{self.path}"
        status, headers, body = self.site.handle(self.command, url, self.headers)
        action = None
        if any(name.startswith(CONTROL) for name, _ in headers):
            headers, action = self._control(headers)
            if action == "drop":
                self.close_connection = True
                return
        self.send_response(status)
        for name, value in headers:
            if browser and name == "Location" and value.startswith(origin):
                # A browser on the bare server stays on it.
                value = f"http://{self.headers.get('Host', '')}{value.removeprefix(origin)}"
            self.send_header(name, value)
        self.end_headers()
        if body:
            self.wfile.write(body)
        if action == "close":
            self.close_connection = True

    def _control(self, headers: Headers) -> tuple[Headers, str | None]:
        """The headers to send, and the action asked for, after any delay asked for."""
        control = dict(h for h in headers if h[0].startswith(CONTROL))
        delay = float(control.get(DELAY, 0))
        if delay > 0 and self.closing.wait(delay):
            return [], "drop"  # stopping: give up the held connection
        return [h for h in headers if not h[0].startswith(CONTROL)], control.get(ACTION)

    do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = _serve

    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    """A client hanging up mid-response (timeouts, fault modes) is not worth a traceback."""
    request_queue_size = 128  # socketserver's 5 overflows when several crawls connect at once

    def handle_error(self, request: object, client_address: object) -> None:
        error = sys.exc_info()[1]
        if not isinstance(error, (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class ReplicaServer:
    """``with ReplicaServer(site) as srv:`` serves ``site`` at ``srv.base_url``."""

    def __init__(self, site: Replica, host: str = "127.0.0.1", port: int = 0) -> None:
        self.closing = threading.Event()
        handler = type("ReplicaHandler", (_Handler,), {"site": site, "closing": self.closing})
        self.httpd = _QuietServer((host, port), handler)
        self.httpd.daemon_threads = True
        self.host, self.port = self.httpd.server_address[:2]
        self.base_url = f"http://{self.host}:{self.port}"
        self._thread: threading.Thread | None = None

    def start(self) -> ReplicaServer:
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="replica",
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.closing.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        if self._thread:
            self._thread.join(timeout=5)

    def __enter__(self) -> ReplicaServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextmanager
def spawn_replica(articles: int = 2000, seed: int = 7, host: str = "127.0.0.1",
                  timeout: float = 300.0, warm: bool = True,
                  sites: list[str] | None = None, state: int = 1,
                  faults: Iterable[str] | None = None,
                  crawl_delay: float | None = None) -> Iterator[str]:
    """Run ``orthocrawl replica serve`` in its own process; yield its URL.

    With ``warm`` (the default) every article page is rendered before the URL is yielded.
    ``state`` applies to OrthoSpineNews; ``faults`` (fault modes, see faults.py) to every
    replica served, ``crawl_delay`` to the robots.txt of fault mode ``crawl_delay``."""
    root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env[_ORPHAN_GUARD] = "1"  # the server stops when our end of its stdin closes
    cmd = [sys.executable, "-m", "orthocrawl.cli", "replica", "serve", "--articles",
           str(articles), "--seed", str(seed), "--host", host, "--port", "0",
           "--state", str(state), *([] if warm else ["--no-warm"])]
    for name in sites or ["orthospinenews"]:
        cmd += ["--site", name]
    if faults:
        cmd += ["--faults", ",".join(faults)]
    if crawl_delay is not None:
        cmd += ["--crawl-delay", str(crawl_delay)]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env,
                            text=True)
    try:
        line = _first_line(proc, timeout)
        if not line.startswith("listening on "):
            raise RuntimeError(f"replica did not start: {line!r}")
        yield line.removeprefix("listening on ").strip()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout:
            proc.stdout.close()


def _first_line(proc: subprocess.Popen, timeout: float) -> str:
    box: list[str] = []
    reader = threading.Thread(target=lambda: box.append(proc.stdout.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    if not box:
        raise RuntimeError(f"replica gave no address within {timeout:.0f} s")
    return box[0]


def serve_until_stopped(names: list[str], articles: int, seed: int, state: int,
                        faults: list[str], crawl_delay: float | None, host: str, port: int,
                        warm: bool, listening: Callable[[str], None]) -> None:
    """Build the replicas (with their fault modes), serve them until KeyboardInterrupt;
    `listening` is told the base URL once the server listens. ValueError for a build that
    cannot be (too few articles for the fault modes), OSError for a port it cannot take."""
    import gc

    from .registry import build_hub

    hub = build_hub(names, articles=articles, seed=seed, state=state, faults=faults,
                    crawl_delay=crawl_delay)
    if warm:
        hub.warm()
    gc.freeze()  # the built site lives as long as the process: keep it out of GC passes
    server = ReplicaServer(hub, host=host, port=port)
    server.start()
    listening(server.base_url)
    try:
        if os.environ.get(_ORPHAN_GUARD):
            sys.stdin.buffer.read()  # until spawn_replica's process ends, however it ends
        else:
            threading.Event().wait()
    except KeyboardInterrupt:
        pass
    server.stop()
