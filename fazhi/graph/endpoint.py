"""A SPARQL 1.1 Protocol endpoint over a store: Oxigraph's own server, read-only, plus pages.

The endpoint is the ``oxigraph`` server that PyPI's ``oxigraph`` package ships
(``serve-read-only``, union default graph): GET and POST queries, content
negotiation for SPARQL JSON/XML/CSV/TSV results and Turtle/N-Triples graphs,
400 with the parser's message on malformed SPARQL, updates refused. It reads
the store's current generation, which no build ever writes to, and moves to
the next one when a build commits it. Beside it, when given a ``pages``
callback, a static server (the standard library's) serves the pages that the
callback writes from the same store into a folder; this module knows nothing of
what they are (``fazhi serve`` passes ``fazhi.viz.pages.render_pages``). The
endpoint answers at once: the pages are made in the background (an index says
so meanwhile), and made again after each new build::

    with Endpoint("out/store", port=0) as ep:   # port 0: any free port
        ep.query_url                             # http://127.0.0.1:PORT/query
"""

from __future__ import annotations

import functools
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

from ..errors import FazhiError, GraphError

LOOPBACK = ("127.0.0.1", "localhost", "::1")
STARTUP_SECONDS = 30


def oxigraph_binary() -> str:
    """The ``oxigraph`` server program installed beside this Python (the ``oxigraph`` package)."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise FazhiError("oxigraph: the SPARQL server program is not installed — pip install oxigraph")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def ensure_free(host: str, port: int, option: str) -> None:
    """Fail before anything starts when ``port`` is taken (an answer from another server is no endpoint)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        try:
            s.bind((host, port))
        except OSError:
            raise GraphError(f"{host}:{port}: the port is in use — choose another with {option}") from None


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the standard library's name
        pass


class Endpoint:
    """Oxigraph's SPARQL server over a store's current generation, and a server for its pages.

    ``pages(store, folder)``, if given, writes the pages of the store into ``folder``; it is called
    at start and again whenever the server moves to a new generation of the store.
    """

    def __init__(self, store: str | Path, *, host: str = "127.0.0.1", port: int = 7878,
                 pages_port: int | None = None, pages: Callable[[object, Path], None] | None = None,
                 timeout_s: int = 120):
        self.store_dir = Path(store)
        self.host = host
        self.port = port
        self.pages_port = pages_port
        self.pages = pages
        self.timeout_s = timeout_s
        self._proc: subprocess.Popen | None = None
        self._pages_server: ThreadingHTTPServer | None = None
        self._pages_dir: Path | None = None
        self._pages_wanted = threading.Condition()
        self._pages_for: Path | None = None  # the generation whose pages are wanted next
        self._pages_thread: threading.Thread | None = None
        self.pages_ready = threading.Event()  # set when the current generation's pages are written
        self.pages_error: str | None = None
        self._log = None
        self.generation: Path | None = None

    @property
    def base_url(self) -> str:
        return f"http://{_url_host(self.host)}:{self.port}"

    @property
    def query_url(self) -> str:
        return f"{self.base_url}/query"

    @property
    def pages_url(self) -> str | None:
        return f"http://{_url_host(self.host)}:{self.pages_port}/" if self._pages_server else None

    def start(self) -> "Endpoint":
        if not self.port:
            self.port = free_port(self.host)
        ensure_free(self.host, self.port, "--port")
        if self.pages is not None:
            ensure_free(self.host, self.pages_port if self.pages_port is not None else self.port + 1, "--pages-port")
        self._launch()
        if self.pages is not None:
            self._serve_pages()
        return self

    def _launch(self) -> None:
        """Start Oxigraph's server on the store's current generation; ask for its pages."""
        from .store import Store

        store = Store(self.store_dir)  # fails with a clear message if it is no store
        self.generation = store.generation
        del store
        if self.pages is not None:
            self._want_pages(self.generation)
        self._log = tempfile.TemporaryFile()
        command = [oxigraph_binary(), "serve-read-only", "--location", str(self.generation),
                   "--bind", f"{_url_host(self.host)}:{self.port}", "--union-default-graph",
                   "--timeout-s", str(self.timeout_s)]
        self._proc = subprocess.Popen(command, stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if self._proc.poll() is not None:
                self._log.seek(0)
                said = " ".join(self._log.read().decode("utf-8", "replace").split())[-300:]
                self.stop()
                raise GraphError(f"{self.store_dir}: the SPARQL server did not start on {self.host}:{self.port} ({said or 'no message'})")
            try:
                with socket.create_connection((self.host, self.port), timeout=0.5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise GraphError(f"{self.store_dir}: the SPARQL server did not answer on {self.host}:{self.port} within {STARTUP_SECONDS} s") from None
                time.sleep(0.05)

    def _stop_server(self) -> None:
        if self._proc is not None:
            if self._proc.poll() is None:
                self._proc.terminate()
                try:
                    self._proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self._proc.kill()
                    self._proc.wait()
            self._proc = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def _want_pages(self, generation: Path) -> None:
        """Have the pages of ``generation`` made in the background (the latest wish wins)."""
        if self._pages_dir is None:
            self._pages_dir = Path(tempfile.mkdtemp(prefix="fazhi-pages-"))
        self.pages_ready.clear()
        (self._pages_dir / "index.html").write_text(PENDING.format(generation=generation.name), encoding="utf-8")
        with self._pages_wanted:
            self._pages_for = generation
            self._pages_wanted.notify()
        if self._pages_thread is None:
            self._pages_thread = threading.Thread(target=self._make_pages, name="fazhi-pages-maker", daemon=True)
            self._pages_thread.start()

    def _make_pages(self) -> None:
        from .store import Store

        while True:
            with self._pages_wanted:
                while self._pages_for is None:
                    self._pages_wanted.wait()
                generation, self._pages_for = self._pages_for, None
            if generation == "stop":
                return
            try:
                store = Store(self.store_dir)
                if store.generation == generation:
                    self.pages(store, self._pages_dir)
                del store
                self.pages_error = None
            except Exception as exc:  # noqa: BLE001 - a background thread: say it in one line, never a traceback
                exc = exc if isinstance(exc, (FazhiError, OSError)) else f"{exc.__class__.__name__}: {exc}"
                self.pages_error = str(exc)
                print(f"fazhi: the pages could not be made: {exc}", file=sys.stderr, flush=True)
                (self._pages_dir / "index.html").write_text(FAILED.format(error=exc), encoding="utf-8")
            with self._pages_wanted:
                if self._pages_for is None:
                    self.pages_ready.set()

    def _serve_pages(self) -> None:
        handler = functools.partial(_QuietHandler, directory=str(self._pages_dir))
        port = self.pages_port if self.pages_port is not None else self.port + 1
        try:
            self._pages_server = ThreadingHTTPServer((self.host, port), handler)
        except OSError as exc:
            self.stop()
            raise GraphError(f"{self.host}:{port}: cannot serve the pages ({exc.strerror}) — choose another --pages-port") from None
        self.pages_port = self._pages_server.server_address[1]
        threading.Thread(target=self._pages_server.serve_forever, name="fazhi-pages", daemon=True).start()

    def wait(self, follow: bool = True, poll_s: float = 2.0, on_switch=None) -> int:
        """Block until the SPARQL server ends (it runs until stopped).

        With ``follow``, a build that commits a new generation of the store is
        picked up: the server restarts on it (same port; a fraction of a second
        without answers) and the pages are made again. ``on_switch(generation)``
        is called after each switch.
        """
        from .store import current_generation

        while self._proc is not None:
            try:
                return self._proc.wait(timeout=poll_s)
            except subprocess.TimeoutExpired:
                pass
            if follow and current_generation(self.store_dir) not in (None, self.generation):
                self._stop_server()
                self._launch()
                if on_switch:
                    on_switch(self.generation)
        return 0

    def stop(self) -> None:
        """Stop both servers and remove the rendered pages."""
        if self._pages_thread is not None:
            with self._pages_wanted:
                self._pages_for = "stop"
                self._pages_wanted.notify()
            self._pages_thread.join(timeout=60)
            self._pages_thread = None
        if self._pages_server is not None:
            self._pages_server.shutdown()
            self._pages_server.server_close()
            self._pages_server = None
        self._stop_server()
        if self._pages_dir is not None:
            shutil.rmtree(self._pages_dir, ignore_errors=True)
            self._pages_dir = None

    def __enter__(self) -> "Endpoint":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


PENDING = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3"><title>fazhi</title>
<style>body{{font-family:sans-serif;max-width:40em;margin:3em auto;line-height:1.6}}</style></head>
<body><h1>fazhi</h1><p id="pending">The pages of {generation} are being made; this page reloads by itself.
SPARQL queries are answered already.</p></body></html>
"""

FAILED = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>fazhi</title></head>
<body><h1>fazhi</h1><p id="failed">The pages could not be made: {error}</p></body></html>
"""
