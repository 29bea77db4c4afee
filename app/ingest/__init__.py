"""Ingest: the articles folder into the store, doing only what changed.

    ingest(articles_dir, cache_dir, Options()) -> IngestReport

First, without any lock, the folder's listing is compared with the store: a
warm start over an unchanged archive ends there, having written nothing and
loaded no model. Otherwise, holding the store's writer lock, a new store is
made from the current one: new or changed files are read once, hashed and
parsed in separate processes (or on a Dask cluster), files with the same
bytes as an article already parsed (a duplicate, a renamed file) reuse that
parse, removed files are dropped; then the new store is swapped in whole.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from collections import deque
from dataclasses import dataclass, field, replace
from itertools import count
from pathlib import Path

from app.api import answers
from app.domain import ParsedArticle
from app.ingest import plan, sources, versions
from app.ingest.progress import Progress
from app.ingest.sources import FolderError, Unreadable
from app.ingest.workers import LocalParsers, Outcome, ParserUnavailable, Task
from app.store.reader import DamagedStore, Skipped, Store, store_path
from app.store.schema import FileRow
from app.store.writer import StoreLock, StoreWriter

log = logging.getLogger("app.ingest")

# Files found unchanged but with new fingerprints (copied, touched) are worth a rewrite of the
# store, so they are not read again at every start, once there are this many of them.
_REFRESH_REWRITE = 64

__all__ = ["FolderError", "IngestError", "IngestReport", "Options", "ingest"]


class IngestError(RuntimeError):
    """The ingest cannot run or finish; the message is one line saying why."""


@dataclass
class Options:
    max_bytes: int = 5 * 1024 * 1024
    parse_timeout: float = 120.0  # seconds one article may take to parse
    workers: int | None = None  # parsing processes; None: one per core
    scheduler: str | None = None  # a Dask scheduler's address: parse on that cluster instead
    progress_bar: bool | None = None  # None: a bar when standard error is a terminal
    stop: threading.Event | None = None  # set it to stop early, keeping what is done


@dataclass
class IngestReport:
    articles: int = 0
    parsed: int = 0
    reused: int = 0  # the same bytes as an article already parsed: parsed once
    rendered: int = 0  # answers made again from a stored parse (the API's shapes changed)
    unchanged: int = 0
    removed: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0
    wrote: bool = False
    interrupted: bool = False
    stale_fingerprints: bool = False  # unchanged, but many files would be read again at every start

    def line(self) -> str:
        """The one-line summary."""
        done = [f"{self.parsed:,} parsed"]
        if self.reused:
            done.append(f"{self.reused:,} reused (same bytes as another file)")
        if self.rendered:
            done.append(f"{self.rendered:,} answers remade")
        done += [f"{self.unchanged:,} unchanged", f"{self.removed:,} removed"]
        text = f"ingest: {self.articles:,} articles ({', '.join(done)}), {len(self.skipped):,} skipped"
        if self.skipped:
            shown = "; ".join(f"{s.file}: {s.reason}" for s in self.skipped[:3])
            more = f"; and {len(self.skipped) - 3:,} more (see /health)" if len(self.skipped) > 3 else ""
            text += f" ({shown}{more})"
        text += f", in {self.seconds:.1f} s"
        if self.interrupted:
            text += "; interrupted: what was done is kept, the next ingest does the rest"
        return text


def ingest(articles_dir: Path, cache_dir: Path, options: Options | None = None) -> IngestReport:
    """Bring the store in `cache_dir` up to date with `articles_dir` (see the module's docstring).

    Raises FolderError when the folder cannot be read, IngestError when the store cannot be
    written or the parser cannot start.
    """
    options = options or Options()
    started = time.monotonic()
    current = versions.current()
    folder_fd = sources.open_folder(articles_dir)
    try:
        report = _if_unchanged(folder_fd, cache_dir, current, options, quiet=True)
        if report is None:
            report = _write(folder_fd, cache_dir, current, options)
        elif report.stale_fingerprints:  # worth recording, not worth failing for (e.g. a read-only image)
            try:
                report = _write(folder_fd, cache_dir, current, options)
            except IngestError as exc:
                log.info("the files are unchanged but their new fingerprints cannot be recorded (%s): "
                         "they are read again at the next start", exc)
    finally:
        os.close(folder_fd)
    report.seconds = time.monotonic() - started
    return report


def _if_unchanged(folder_fd: int, cache_dir: Path, current: versions.Versions, options: Options,
                  quiet: bool) -> IngestReport | None:
    """The report of an ingest with nothing to do, or None when the store must be written."""
    store = _open_current(cache_dir, check=False, quiet=quiet)
    if store is None:
        return None
    try:
        if store.info.articles and store.info.render_version != current.render:
            return None  # every stored answer is to be made again
        entries = sources.list_folder(folder_fd)
        refreshed = 0
        for item in plan.work(entries, store.file_rows(), current, store.info.render_version):
            if item.kind != "read":
                return None
            row, _ = _examine(folder_fd, item.entry, current, options.max_bytes)
            if not _same_but_fingerprint(row, item.old):
                return None
            refreshed += 1
        info = store.info
        return IngestReport(articles=info.articles, unchanged=info.articles, skipped=store.skipped(),
                            stale_fingerprints=refreshed >= _REFRESH_REWRITE)
    finally:
        store.close()


def _same_but_fingerprint(row: FileRow, old: FileRow | None) -> bool:
    """Reading the file again found what the store has (a copied or touched file, or a racy one)."""
    if old is None or row.parse_key != old.parse_key:
        return False
    if old.parse_failed:  # the same bytes would fail the same way
        return row.reason is None
    return (row.article_id, row.reason) == (old.article_id, old.reason)


def _open_current(cache_dir: Path, check: bool, quiet: bool = False) -> Store | None:
    try:
        store = Store.open(cache_dir)
    except FileNotFoundError:
        return None
    except DamagedStore as exc:
        if not quiet:
            log.warning("the store %s is %s: rebuilding it from the articles", store_path(cache_dir), exc)
        return None
    if check:
        try:
            store.check()
        except DamagedStore as exc:
            store.close()
            log.warning("the store %s is %s: rebuilding it from the articles", store_path(cache_dir), exc)
            return None
    return store


def _write(folder_fd: int, cache_dir: Path, current: versions.Versions, options: Options) -> IngestReport:
    lock = StoreLock(cache_dir)
    try:
        if not lock.acquire(blocking=False):
            log.info("waiting for another ingest into %s to finish", cache_dir)
            lock.acquire()
    except OSError as exc:
        raise IngestError(f"cannot write the store in {cache_dir} ({exc.strerror or exc})") from None
    try:
        unchanged = _if_unchanged(folder_fd, cache_dir, current, options, quiet=True)  # another writer did it
        if unchanged is not None and not unchanged.stale_fingerprints:
            return unchanged
        store = _open_current(cache_dir, check=True)
        base, stored_render = (store.path, store.info.render_version) if store else (None, None)
        if store:
            store.close()
        try:
            writer = StoreWriter(cache_dir, base)
        except OSError as exc:
            raise IngestError(f"cannot write the store in {cache_dir} ({exc.strerror or exc})") from None
        try:
            report = _Run(folder_fd, writer, current, stored_render, options).run()
            writer.finish(current.meta())
        except BaseException:
            writer.abandon()
            raise
        with Store.open(cache_dir) as store:
            report.articles, report.skipped = store.info.articles, store.skipped()
        report.unchanged = max(0, report.articles - report.parsed - report.reused - report.rendered)
        report.wrote = True
        return report
    finally:
        lock.release()


def _examine(folder_fd: int, entry: sources.Entry, current: versions.Versions, max_bytes: int) \
        -> tuple[FileRow, str | None]:
    """The file's new row, and its text when it is an article to parse (the bytes are read once here)."""
    try:
        source = sources.read(folder_fd, entry.name, max_bytes)
    except Unreadable as exc:
        return FileRow(entry.file, reason=str(exc)), None
    fp = source.fingerprint
    row = FileRow(entry.file, entry.article_id, None, False, fp.size, fp.mtime_ns, fp.ctime_ns, fp.inode, fp.device,
                  source.read_at_ns, source.content_hash, current.parse_key(source.content_hash))
    try:
        return row, sources.article_text(source.raw)
    except Unreadable as exc:
        return row._replace(article_id=None, reason=str(exc)), None


@dataclass(slots=True)
class _Job:
    entry: sources.Entry
    row: FileRow  # the row to store once parsed
    old: FileRow | None


class _Run:
    """One pass over the work list, writing into the new store as results come."""

    def __init__(self, folder_fd: int, writer: StoreWriter, current: versions.Versions, stored_render: str | None,
                 options: Options):
        self.folder_fd, self.writer, self.current, self.options = folder_fd, writer, current, options
        self.render_stale = stored_render != current.render
        self.report = IngestReport()
        self.parsers: LocalParsers | None = None
        self.inflight: dict[int, _Job] = {}
        self.waiting: dict[str, list[_Job]] = {}  # parse key -> files with the same bytes as one being parsed
        self.failed: dict[str, str] = {}  # parse key -> why its parse failed in this run
        self.keys = count()
        self.claimed: set[str] = set()

    def run(self) -> IngestReport:
        entries = sources.list_folder(self.folder_fd)
        self.claimed = {e.article_id for e in entries if e.article_id}
        items = list(plan.work(entries, self.writer.file_rows(), self.current,
                               None if self.render_stale else self.current.render))
        removals = [i for i in items if i.kind == "remove"]
        pending = deque(i for i in items if i.kind != "remove")
        if items:
            log.info("ingest: %s file(s) to read or parse, %s removed", f"{len(pending):,}", f"{len(removals):,}")
        self.progress = Progress(len(items), bar=self.options.progress_bar)
        try:
            while pending or self.inflight:
                self._check_stop()
                while pending and (self.parsers is None or self.parsers.room() > 0):
                    self._start(pending.popleft())
                if self.inflight:
                    for outcome in self.parsers.poll(0.5):
                        self._finish(outcome)
            for item in removals:
                self._remove(item.old)
            self.writer.drop_unlisted()
        except (KeyboardInterrupt, _Stopped):
            self.report.interrupted = True
        except ParserUnavailable as exc:
            raise IngestError(str(exc)) from None
        finally:
            if self.parsers is not None:
                self.parsers.close()
            self.progress.close()
        return self.report

    def _check_stop(self) -> None:
        if self.options.stop is not None and self.options.stop.is_set():
            raise _Stopped

    def _parsers(self) -> LocalParsers:
        if self.parsers is None:
            if self.options.scheduler:
                from app.ingest.cluster import ClusterParsers

                self.parsers = ClusterParsers(self.options.scheduler, self.options.parse_timeout, self.current)
            else:
                processes = self.options.workers or len(os.sched_getaffinity(0))
                self.parsers = LocalParsers(processes, self.options.parse_timeout)
        return self.parsers

    def _start(self, item: plan.Work) -> None:
        entry, old = item.entry, item.old
        if item.kind == "skip":
            self._skip(entry, old, FileRow(entry.file, reason=entry.reason))
            return
        if item.kind == "render":
            article = self.writer.parsed(entry.article_id)
            if article is not None:
                self._put(_Job(entry, old, old), article, "rendered")
                return
        row, text = _examine(self.folder_fd, entry, self.current, self.options.max_bytes)
        if text is None:
            self._skip(entry, old, row)
            return
        key = row.parse_key
        if old is not None and old.reason is None and (old.article_id, old.parse_key) == (entry.article_id, key):
            self.writer.put_file(row)  # the same bytes as stored: a new fingerprint at most
            if self.render_stale and (article := self.writer.parsed(entry.article_id)) is not None:
                self._put(_Job(entry, row, old), article, "rendered")
            else:
                self.progress.step("unchanged")
            return
        job = _Job(entry, row, old)
        if old is not None and old.parse_failed and old.parse_key == key:
            self._skip(entry, old, row._replace(article_id=None, reason=old.reason, parse_failed=True))
        elif key in self.failed:
            self._skip(entry, old, row._replace(article_id=None, reason=self.failed[key], parse_failed=True))
        elif key in self.waiting:
            self.waiting[key].append(job)
        elif (article := self.writer.parsed_by_key(key)) is not None:
            self._put(job, replace(article, id=entry.article_id), "reused")
        else:
            task = Task(next(self.keys), entry.article_id, text)
            self.waiting[key] = []
            self.inflight[task.key] = job
            self._parsers().submit(task)

    def _finish(self, outcome: Outcome) -> None:
        job = self.inflight.pop(outcome.task.key)
        same_bytes = self.waiting.pop(job.row.parse_key, [])
        if outcome.article is not None:
            self._put(job, outcome.article, "parsed")
            for other in same_bytes:
                self._put(other, replace(outcome.article, id=other.entry.article_id), "reused")
            return
        self.failed[job.row.parse_key] = outcome.failure
        log.warning("skipping %s: %s", job.entry.file, outcome.failure)
        for each in (job, *same_bytes):
            self._skip(each.entry, each.old, each.row._replace(article_id=None, reason=outcome.failure,
                                                     parse_failed=True))

    def _put(self, job: _Job, article: ParsedArticle, what: str) -> None:
        self.writer.put_article(job.entry.file, job.row.parse_key, article, answers.render(article))
        self.writer.put_file(job.row)
        if job.old is not None and job.old.article_id not in (None, article.id) \
                and job.old.article_id not in self.claimed:
            self.writer.delete_article(job.old.article_id)
        setattr(self.report, what, getattr(self.report, what) + 1)
        self.progress.step(what)

    def _skip(self, entry: sources.Entry, old: FileRow | None, row: FileRow) -> None:
        self.writer.put_file(row)
        for aid in {entry.article_id, old.article_id if old else None} - {None}:
            if aid == entry.article_id or aid not in self.claimed:
                self.writer.delete_article(aid)
        if row.parse_failed is False:
            log.warning("skipping %s: %s", row.name, row.reason)
        self.progress.step("skipped")

    def _remove(self, old: FileRow) -> None:
        self.writer.delete_file(old.name)
        if old.article_id is not None and old.article_id not in self.claimed:
            self.writer.delete_article(old.article_id)
            self.report.removed += 1
        self.progress.step("removed")


class _Stopped(Exception):
    pass
