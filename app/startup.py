"""What the server does before it answers: ingest what is new, then open the store read-only.

A failure is one clear line (StartupError), never a traceback: uvicorn logs the
message and exits. Ctrl-C or SIGTERM during a long start-up ingest stops it,
keeping what was parsed.
"""
from __future__ import annotations

import ctypes
import logging
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from app.ingest import FolderError, IngestError, Options, ingest
from app.settings import Settings
from app.store import DamagedStore, Store, store_path

log = logging.getLogger("app")


class StartupError(RuntimeError):
    """The server cannot start; the message says why in one line."""


def configure_logging(settings: Settings) -> None:
    logging.basicConfig(level=settings.log_level.upper(), format="%(levelname)s %(name)s: %(message)s")


def open_archive(settings: Settings) -> Store:
    """Bring the store up to date with the articles folder, then open it for reading."""
    configure_logging(settings)
    stop = threading.Event()
    options = Options(max_bytes=settings.max_article_bytes, parse_timeout=settings.parse_timeout,
                      workers=settings.ingest_workers, stop=stop)
    try:
        with _stopped_by_signals(stop):
            report = ingest(settings.articles_dir, settings.cache_dir, options)
    except FolderError as exc:
        raise StartupError(f"cannot start: {exc}") from None
    except IngestError as exc:
        store = _open(settings, f"cannot start: {exc}")
        log.warning("%s; serving the archive as last ingested (%d articles)", exc, store.info.articles)
        return store
    if report.interrupted:
        raise StartupError(f"start-up stopped: {report.line()}")
    if report.wrote:
        log.info("%s", report.line())
    _give_back_memory()  # what comparing or parsing the whole folder allocated is not kept while serving
    store = _open(settings, "cannot start: the store just written cannot be read")
    log.info("serving %d articles (%d files skipped: see /health)", store.info.articles, store.info.skipped)
    return store


def _open(settings: Settings, failure: str) -> Store:
    try:
        return Store.open(settings.cache_dir)
    except (FileNotFoundError, DamagedStore) as exc:
        raise StartupError(f"{failure} ({store_path(settings.cache_dir)}: {exc})") from None


@contextmanager
def _stopped_by_signals(stop: threading.Event) -> Iterator[None]:
    """SIGINT and SIGTERM set `stop` (then reach whoever handled them before, e.g. uvicorn)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}

    def handler(signum, frame):
        stop.set()
        before = previous.get(signum)
        if callable(before):
            before(signum, frame)

    for signum in (signal.SIGINT, signal.SIGTERM):
        previous[signum] = signal.signal(signum, handler)
    try:
        yield
    finally:
        for signum, before in previous.items():
            signal.signal(signum, before)


def _give_back_memory() -> None:
    """After the start-up ingest in the server's own process, return freed heap pages to the system (glibc)."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
