"""Parsing on a Dask cluster (`python -m app ingest --scheduler ADDRESS`), the store written here.

Files are read on this machine (the workers need no access to the folder);
each article's text goes to the cluster as one task and its parse comes back.
Workers must run this project at the same version: every result carries the
parser and model versions it was made with, and a mismatch stops the ingest
rather than storing parses under the wrong key. Tasks in flight never exceed
the cluster's threads, so a task starts when it is sent and the time budget
counts from then; a task past it is skipped and its worker restarted (a
thread cannot be stopped), which needs workers run by a nanny (the default).
"""
from __future__ import annotations

import logging
import time

from app.ingest.versions import Versions
from app.ingest.workers import Outcome, ParserUnavailable, Task, parse_one

log = logging.getLogger("app.ingest")


class ClusterParsers:
    def __init__(self, address: str, budget: float, expected: Versions):
        try:
            from distributed import Client
        except ImportError:
            raise ParserUnavailable("--scheduler needs Dask: install the project with its cluster extra "
                                    "(pip install -e '.[cluster]')") from None
        self.budget = budget
        self.expected = expected
        try:
            self.client = Client(address, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise ParserUnavailable(f"cannot reach the Dask scheduler at {address} ({exc})") from None
        self._running: dict[object, tuple[Task, float]] = {}  # future -> (task, deadline)
        self._threads = 0
        self._threads_at = 0.0

    def room(self) -> int:
        return self._capacity() - len(self._running)

    def submit(self, task: Task) -> None:
        future = self.client.submit(parse_one, task.article_id, task.text, pure=False,
                                    key=f"parse-{task.article_id}-{task.key}")
        self._running[future] = (task, time.monotonic() + self.budget)

    def poll(self, timeout: float) -> list[Outcome]:
        from distributed import wait

        if not self._running:
            return []
        now = time.monotonic()
        wait_for = max(0.0, min([timeout, *(deadline - now for _, deadline in self._running.values())]))
        try:
            wait(list(self._running), timeout=wait_for, return_when="FIRST_COMPLETED")
        except TimeoutError:
            pass
        outcomes = []
        for future in [f for f in self._running if f.done()]:
            task, _ = self._running.pop(future)
            outcomes.append(self._outcome(task, future))
        now = time.monotonic()
        overdue = [f for f, (_, deadline) in self._running.items() if deadline <= now]
        if overdue:
            self._restart_workers_running(overdue)
        for future in overdue:
            task, _ = self._running.pop(future)
            future.cancel()
            outcomes.append(Outcome(task, None, f"parsing took longer than {self.budget:g} s (PARSE_TIMEOUT)"))
        return outcomes

    def close(self) -> None:
        for future in self._running:
            future.cancel()
        self._running.clear()
        self.client.close()

    # ---

    def _capacity(self) -> int:
        if time.monotonic() - self._threads_at > 5:  # workers may join or leave
            self._threads = sum(self.client.nthreads().values())
            self._threads_at = time.monotonic()
        if self._threads == 0:
            return 1  # nothing to run on yet: one task waits for a worker
        return self._threads

    def _outcome(self, task: Task, future) -> Outcome:
        try:
            parser, model, article = future.result()
        except Exception as exc:
            return Outcome(task, None, f"the parser failed on this file ({type(exc).__name__})")
        if (parser, model) != (self.expected.parser, self.expected.model):
            raise ParserUnavailable(f"the cluster's workers run parser {parser} with {model}; this ingest "
                                    f"runs parser {self.expected.parser} with {self.expected.model}: "
                                    "install the same version of the project on the workers")
        return Outcome(task, article, None)

    def _restart_workers_running(self, futures: list) -> None:
        keys = {f.key for f in futures}
        try:
            processing = self.client.processing()
            workers = [w for w, running in processing.items() if keys & set(running)]
            if workers:
                self.client.restart_workers(workers)
        except Exception as exc:  # a scheduler without nannies: the stuck thread runs on, its result unused
            log.warning("could not restart the Dask worker of a task over its time budget: %s", exc)
