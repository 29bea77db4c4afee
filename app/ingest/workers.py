"""Parsing in separate processes, each loading spaCy once, each article within a time budget.

The pool is ours rather than concurrent.futures' because a parse that runs
past its budget must be stopped: its process is killed (a tokenizer stuck in
C code hears no exception) and a fresh one takes its place, while the other
processes go on. A process that dies mid-parse costs only its article.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait

from app.domain import ParsedArticle

# A process that dies this many times in a row before it is ready means the parser cannot start at all.
_MAX_FAILED_STARTS = 2


@dataclass(frozen=True, slots=True)
class Task:
    key: int
    article_id: str
    text: str


@dataclass(frozen=True, slots=True)
class Outcome:
    task: Task
    article: ParsedArticle | None
    failure: str | None  # why there is no article: the reason /health lists


class ParserUnavailable(RuntimeError):
    """No parsing process could start (e.g. no spaCy model installed); the message says why."""


def parse_one(article_id: str, text: str) -> tuple[str, str, ParsedArticle]:
    """(parser version, model version, parse): what a parsing process or a cluster worker returns.

    The versions travel with the result so a cluster running other code is caught, not stored.
    """
    from app.ingest.versions import model_version
    from app.nlp.pipeline import PARSER_VERSION, parse_article

    with _PARSE_LOCK:  # a cluster worker may run tasks in threads; one parse at a time per process
        article = parse_article(article_id, text)
    return PARSER_VERSION, model_version(), article


_PARSE_LOCK = threading.Lock()


def _serve(conn: Connection) -> None:
    """A parsing process: load the model, say so, then parse one task at a time until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")  # one core per process: the pool is the parallelism
    try:
        from app.nlp.pipeline import load_nlp

        load_nlp()
    except Exception as exc:
        conn.send(("broken", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready",))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            _, _, article = parse_one(task.article_id, task.text)
            conn.send(("done", task.key, article))
        except Exception as exc:
            conn.send(("failed", task.key, f"the parser failed on this file ({type(exc).__name__})"))


def _die_with_parent() -> None:
    """Linux: the kernel kills this process if its parent dies, so no parse outlives an ingest."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass


@dataclass(slots=True)
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    ready: bool = False
    task: Task | None = None
    deadline: float = 0.0


class LocalParsers:
    """Up to `processes` parsing processes on this machine, started when the first task comes."""

    def __init__(self, processes: int, budget: float):
        self.size = max(1, processes)
        self.budget = budget
        self._ctx = multiprocessing.get_context("spawn")  # never fork a process that may hold threads
        self._workers: list[_Worker] = []
        self._queued: deque[Task] = deque()
        self._failed_starts = 0

    def room(self) -> int:
        """Tasks it takes now: one per process running, and one more waiting per process, so a process
        that finishes gets its next article at once instead of after the parent has stored its result."""
        busy = sum(1 for w in self._workers if w.task is not None)
        return 2 * self.size - busy - len(self._queued)

    def submit(self, task: Task) -> None:
        self._queued.append(task)
        self._dispatch()

    def poll(self, timeout: float) -> list[Outcome]:
        """Outcomes of the tasks that ended within `timeout` seconds (parsed, failed or over budget)."""
        self._dispatch()
        now = time.monotonic()
        deadlines = [w.deadline for w in self._workers if w.task is not None]
        wait_for = min([timeout, *(d - now for d in deadlines)])
        outcomes: list[Outcome] = []
        ready = wait([w.conn for w in self._workers], timeout=max(0.0, wait_for)) if self._workers else []
        for worker in [w for w in self._workers if w.conn in ready]:
            outcomes += self._receive(worker)
        now = time.monotonic()
        for worker in [w for w in self._workers if w.task is not None and w.deadline <= now]:
            outcomes.append(Outcome(worker.task, None, f"parsing took longer than {self.budget:g} s "
                                                        "(PARSE_TIMEOUT)"))
            self._retire(worker)
        self._dispatch()
        return outcomes

    def close(self) -> None:
        for worker in list(self._workers):
            self._retire(worker, gently=worker.task is None)
        self._queued.clear()

    # ---

    def _receive(self, worker: _Worker) -> list[Outcome]:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            return self._died(worker)
        kind = message[0]
        if kind == "ready":
            worker.ready = True
            self._failed_starts = 0
        elif kind == "broken":
            self._retire(worker)
            raise ParserUnavailable(f"the parser cannot start: {message[1]}")
        elif kind in ("done", "failed"):
            task, worker.task = worker.task, None
            if task is not None and task.key == message[1]:
                return [Outcome(task, message[2], None) if kind == "done" else Outcome(task, None, message[2])]
        return []

    def _died(self, worker: _Worker) -> list[Outcome]:
        task = worker.task
        worker.process.join(5)
        code = worker.process.exitcode
        self._retire(worker)
        if task is not None:
            how = f"signal {-code}" if code is not None and code < 0 else f"status {code}"
            return [Outcome(task, None, f"the parser process died on this file ({how})")]
        if not worker.ready:
            self._failed_starts += 1
            if self._failed_starts >= _MAX_FAILED_STARTS:
                raise ParserUnavailable("the parser process exits as soon as it starts")
        return []

    def _dispatch(self) -> None:
        for worker in self._workers:
            if not self._queued:
                return
            if worker.ready and worker.task is None:
                task = self._queued.popleft()
                worker.task, worker.deadline = task, time.monotonic() + self.budget
                worker.conn.send(task)
        idle_or_starting = sum(1 for w in self._workers if w.task is None)
        while len(self._workers) < self.size and len(self._queued) > idle_or_starting:
            self._workers.append(self._start())
            idle_or_starting += 1

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=_serve, args=(child,), name="article-parser", daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    def _retire(self, worker: _Worker, gently: bool = False) -> None:
        if worker in self._workers:
            self._workers.remove(worker)
        if gently:
            try:
                worker.conn.send(None)
            except OSError:
                pass
            worker.process.join(2)
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        worker.conn.close()
        worker.process.close()
