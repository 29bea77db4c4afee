"""The archive as the server reads it: one SQLite file, opened read-only, read per request.

Nothing of the archive is held in memory but SQLite's small page caches, so
the server's size does not depend on the number of articles. The file is
pinned at open (a descriptor on it), so an ingest that swaps a new store in
meanwhile never mixes two archives in one server: the new one is read at the
next start. Every connection is `immutable`: the file never changes once
written, so SQLite takes no locks and keeps its caches.
"""
from __future__ import annotations

import gzip
import json
import logging
import os
import queue
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.api.answers import Answer
from app.domain import ParsedArticle
from app.store.archive_reads import ArchiveReads, SpeakerCandidate
from app.store.schema import APPLICATION_ID, FILE_COLUMNS, FILE_NAME, SCHEMA_VERSION, FileRow

log = logging.getLogger(__name__)

# Per connection, in KiB: B-tree interior pages stay cached; the OS page cache does the rest.
_CACHE_KIB = 512


class DamagedStore(RuntimeError):
    """The store file is not a complete store of this version; the message says what is wrong."""


@dataclass(frozen=True, slots=True)
class StoreInfo:
    articles: int
    skipped: int
    parser_version: str
    model_version: str
    render_version: str
    built_at: str
    quote_total: int
    speaker_total: int
    entity_total: int


@dataclass(frozen=True, slots=True)
class Skipped:
    file: str
    reason: str


def store_path(cache_dir: Path) -> Path:
    return cache_dir / FILE_NAME


class Store:
    """Read-only queries over one store file; safe to use from many threads at once."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self._fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        except FileNotFoundError:
            raise
        except OSError as exc:
            raise DamagedStore(f"cannot be opened ({exc.strerror})") from None
        self._uri = f"file:{_pinned(self._fd, path)}?mode=ro&immutable=1"
        self._pool: queue.LifoQueue[sqlite3.Connection] = queue.LifoQueue()
        try:
            self.info = self._validate()
        except BaseException:
            self.close()
            raise
        self.archive = ArchiveReads(self._db, self.info.quote_total, self.info.speaker_total, self.info.entity_total)

    @classmethod
    def open(cls, cache_dir: Path) -> "Store":
        """The current store in `cache_dir`; FileNotFoundError when there is none, DamagedStore when unusable."""
        return cls(store_path(cache_dir))

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        while True:
            try:
                self._pool.get_nowait().close()
            except queue.Empty:
                break
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self._uri, uri=True, check_same_thread=False, cached_statements=64)
        db.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
        return db

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        try:
            db = self._pool.get_nowait()
        except queue.Empty:
            db = self._connect()
        try:
            yield db
        finally:
            self._pool.put(db)

    def _validate(self) -> StoreInfo:
        try:
            with self._db() as db:
                app_id = db.execute("PRAGMA application_id").fetchone()[0]
                if app_id != APPLICATION_ID:
                    raise DamagedStore("not an article store (another kind of file)")
                version = db.execute("PRAGMA user_version").fetchone()[0]
                if version != SCHEMA_VERSION:
                    raise DamagedStore(f"made for store schema {version}, this version reads {SCHEMA_VERSION}")
                pages = db.execute("PRAGMA page_count").fetchone()[0] * db.execute("PRAGMA page_size").fetchone()[0]
                if pages != os.fstat(self._fd).st_size:
                    raise DamagedStore(f"file is {os.fstat(self._fd).st_size} bytes, its header says {pages}")
                meta = dict(db.execute("SELECT key, value FROM meta"))
                skipped = db.execute("SELECT count(*) FROM files WHERE reason IS NOT NULL").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise DamagedStore(f"unreadable ({exc})") from None
        if meta.get("complete") != "1":
            raise DamagedStore("an unfinished store")
        try:
            return StoreInfo(int(meta["articles"]), skipped, meta["parser_version"], meta["model_version"],
                             meta["render_version"], meta["built_at"], int(meta["quote_total"]),
                             int(meta["speaker_total"]), int(meta["entity_total"]))
        except (KeyError, ValueError) as exc:
            raise DamagedStore(f"its record of itself lacks {exc}") from None

    def check(self) -> None:
        """Read every page (PRAGMA quick_check): for ingest, before the store is reused; DamagedStore if not sound."""
        try:
            with self._db() as db:
                problems = [row[0] for row in db.execute("PRAGMA quick_check(3)")]
        except sqlite3.DatabaseError as exc:
            raise DamagedStore(f"unreadable ({exc})") from None
        if problems != ["ok"]:
            raise DamagedStore("damaged: " + "; ".join(problems))

    # --- the archive -------------------------------------------------------------------------

    def summaries(self, limit: int, offset: int) -> list[bytes]:
        """The /articles items of one page, in id order."""
        if offset >= self.info.articles:
            return []  # also keeps an offset beyond SQLite's integers out of the query
        with self._db() as db:
            rows = db.execute("SELECT summary FROM articles WHERE ordinal >= ? AND ordinal < ? ORDER BY ordinal",
                              (offset, offset + limit)).fetchall()
        return [r[0] for r in rows]

    def skipped(self) -> list[Skipped]:
        with self._db() as db:
            rows = db.execute("SELECT name, reason FROM files WHERE reason IS NOT NULL ORDER BY name").fetchall()
        return [Skipped(name, reason) for name, reason in rows]

    def file_rows(self) -> Iterator[FileRow]:
        """What the last ingest recorded of every listed file, in name order (for the next ingest)."""
        with self._db() as db:
            yield from map(FileRow._make, db.execute(f"SELECT {FILE_COLUMNS} FROM files ORDER BY name"))

    def has_article(self, article_id: str) -> bool:
        with self._db() as db:
            return db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def article_files(self) -> Iterator[tuple[str, str]]:
        """(id, file name) of every article, in id order."""
        with self._db() as db:
            yield from db.execute("SELECT id, file FROM articles ORDER BY ordinal")

    # --- one article -------------------------------------------------------------------------

    def answer(self, article_id: str, name: str) -> Answer | None:
        """A whole stored answer (see app/api/answers.py for the names)."""
        with self._db() as db:
            row = db.execute("SELECT body, media_type, digest, gzipped FROM answers WHERE article_id = ? AND name = ?",
                             (article_id, name)).fetchone()
        if row is None:
            return None
        body, media_type, digest, gzipped = row
        return Answer(gzip.decompress(gzipped) if body is None else body, media_type, digest, gzipped)

    def parsed(self, article_id: str) -> ParsedArticle | None:
        """The whole parsed article, for the reads that need all of it."""
        with self._db() as db:
            row = db.execute("SELECT parsed FROM articles WHERE id = ?", (article_id,)).fetchone()
        return decode_parsed(row[0]) if row else None

    def section(self, article_id: str, ref: str) -> bytes | None:
        """The first section in reading order whose id is `ref`, or whose index it spells."""
        index = _index(ref)
        with self._db() as db:
            row = db.execute("SELECT json FROM sections WHERE article_id = ? AND (id = ? OR idx = ?) "
                             "ORDER BY idx LIMIT 1", (article_id, ref, index)).fetchone()
        return row[0] if row else None

    def speakers(self, article_id: str) -> list[SpeakerCandidate]:
        """The entities the article quotes: who a `?speaker=` may name."""
        with self._db() as db:
            rows = db.execute(
                "SELECT id, name, aliases FROM entities WHERE article_id = ? AND id IN "
                "(SELECT speaker_id FROM quotes WHERE article_id = ? AND speaker_id IS NOT NULL) ORDER BY rank",
                (article_id, article_id)).fetchall()
        return [SpeakerCandidate(i, n, json.loads(a)) for i, n, a in rows]

    def quotes(self, article_id: str, speaker_ids: list[str] | None = None,
               section_ref: str | None = None) -> list[bytes]:
        """The article's quotes in reading order, of these speakers and in this section when given."""
        sql = "SELECT json FROM quotes WHERE article_id = ?"
        args: list = [article_id]
        if speaker_ids is not None:
            sql += f" AND speaker_id IN ({','.join('?' * len(speaker_ids))})"
            args += speaker_ids
        if section_ref is not None:
            index = _index(section_ref)
            sql += " AND section_id IN (SELECT id FROM sections WHERE article_id = ? AND (id = ? OR idx = ?))"
            args += [article_id, section_ref, index]
        with self._db() as db:
            return [r[0] for r in db.execute(sql + " ORDER BY idx", args)]

    def entities(self, article_id: str, entity_type: str | None = None) -> list[bytes]:
        """The article's entities in their served order, of one type when given."""
        with self._db() as db:
            if entity_type is None:
                rows = db.execute("SELECT json FROM entities WHERE article_id = ? ORDER BY rank", (article_id,))
            else:
                rows = db.execute("SELECT json FROM entities WHERE type = ? AND article_id = ? ORDER BY rank",
                                  (entity_type, article_id))
            return [r[0] for r in rows]

    def entity(self, article_id: str, entity_id: str) -> bytes | None:
        with self._db() as db:
            row = db.execute("SELECT json FROM entities WHERE article_id = ? AND id = ?",
                             (article_id, entity_id)).fetchone()
        return row[0] if row else None


def _index(ref: str) -> int:
    """The section index a reference spells plainly (`2`, not `02`), or -1 when it spells none."""
    if not (ref.isascii() and ref.isdigit()) or (len(ref) > 1 and ref[0] == "0"):
        return -1
    index = int(ref)
    return index if index < 2**31 else -1  # SQLite integers are 64-bit; no article has that many sections


def encode_parsed(article: ParsedArticle) -> bytes:
    return zlib.compress(json.dumps(article.to_dict(), ensure_ascii=False, separators=(",", ":")).encode(), 6)


def decode_parsed(blob: bytes) -> ParsedArticle:
    return ParsedArticle.from_dict(json.loads(zlib.decompress(blob)))


def _pinned(fd: int, path: Path) -> str:
    """A path that opens the very file behind `fd`, whatever is renamed over `path` later (Linux /proc)."""
    proc = f"/proc/self/fd/{fd}"
    return proc if os.path.exists(proc) else str(path.resolve())
