"""Writing the store: a new file next to the current one, swapped in whole.

One writer at a time per CACHE_DIR (StoreLock, an flock on a lock file: the
kernel drops it if the writer dies). The writer starts from a copy of the
current store (or an empty one), applies the ingest's changes, and only when
all is written and flushed renames the new file over the old (os.replace).
A reader therefore sees the old archive or the new one, never a mix, and a
crash leaves the current store as it was.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import sqlite3
import time
from pathlib import Path

from app.api.answers import Answer, Rendered
from app.domain import ParsedArticle
from app.nlp.linking import link_facts
from app.store import linker
from app.store.reader import decode_parsed, encode_parsed, store_path
from app.store.schema import DDL, FILE_COLUMNS, FILE_NAME, LOCK_NAME, FileRow

_NEW_SUFFIX = ".new"
# Answers this large keep their plain body beside the gzip coding: a client without gzip
# would otherwise cost a decompression of megabytes per request.
_KEEP_PLAIN_FROM = 256 * 1024
_WRITE_CACHE_KIB = 16 * 1024
# Rewrite the file compactly once this share of its pages is free (articles removed or replaced).
_VACUUM_FREE_SHARE = 0.25


class StoreLock:
    """The one-writer lock of a CACHE_DIR."""

    def __init__(self, cache_dir: Path):
        self.path = cache_dir / LOCK_NAME
        self._fd: int | None = None

    def acquire(self, blocking: bool = True) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
                return False
            raise
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops the flock
            self._fd = None

    def __enter__(self) -> "StoreLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


class StoreWriter:
    """The next store, being written; `finish()` swaps it in, `abandon()` drops it. Hold the StoreLock."""

    def __init__(self, cache_dir: Path, base: Path | None):
        self.target = store_path(cache_dir)
        self.path = cache_dir / (FILE_NAME + _NEW_SUFFIX)
        cache_dir.mkdir(parents=True, exist_ok=True)
        self.path.unlink(missing_ok=True)  # left by a writer that died: we hold the lock now
        if base is not None:
            shutil.copyfile(base, self.path)
        self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        # No journal: this file is either finished and swapped in, or deleted.
        for pragma in ("journal_mode = OFF", "synchronous = OFF", f"cache_size = -{_WRITE_CACHE_KIB}"):
            self.db.execute(f"PRAGMA {pragma}")
        if base is None:
            self.db.executescript(DDL)
        self.db.execute("BEGIN")
        self.db.execute("DELETE FROM meta WHERE key = 'complete'")
        self.articles_changed = base is None

    # --- articles ----------------------------------------------------------------------------

    def put_article(self, file: str, parse_key: str, article: ParsedArticle, rendered: Rendered) -> None:
        """Store one article (replacing any of the same id): its answers and the rows under them."""
        db, aid = self.db, article.id
        self.delete_article(aid)
        self.articles_changed = True
        db.execute(
            "INSERT INTO articles (id, ordinal, file, parse_key, title, author, publisher, word_count, "
            "section_count, quote_count, entity_count, summary, parsed) VALUES (?, -1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (aid, file, parse_key, article.title, article.author, article.publisher, article.word_count,
             len(article.sections), len(article.quotes), len(article.entities), rendered.summary,
             encode_parsed(article)))
        db.executemany("INSERT INTO answers (article_id, name, media_type, body, digest, gzipped) "
                       "VALUES (?, ?, ?, ?, ?, ?)",
                       [(aid, name, a.media_type, _plain_kept(a), a.digest, a.gzipped)
                        for name, a in rendered.answers.items()])
        db.executemany("INSERT INTO sections (article_id, idx, id, heading, json) VALUES (?, ?, ?, ?, ?)",
                       [(aid, s.index, s.id, s.heading, js) for s, js in zip(article.sections, rendered.sections)])
        for rank, (e, js) in enumerate(zip(article.entities, rendered.entities)):
            rowid = db.execute(
                "INSERT INTO entities (article_id, id, rank, name, type, aliases, mention_count, salience, "
                "link_facts, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (aid, e.id, rank, e.name, e.type, json.dumps(e.aliases, ensure_ascii=False), e.mention_count,
                 e.salience, json.dumps(link_facts(e.type, e.name, e.aliases).to_json(), ensure_ascii=False),
                 js)).lastrowid
            db.executemany('INSERT INTO mentions (entity, idx, text, start, "end") VALUES (?, ?, ?, ?, ?)',
                           [(rowid, i, m.text, m.start, m.end) for i, m in enumerate(e.mentions)])
        db.executemany(
            "INSERT INTO quotes (article_id, idx, id, text, kind, speaker_id, cue, section_id, paragraph_index, "
            "sieve, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(aid, i, q.id, q.text, q.kind, q.speaker.id if q.speaker else None, q.cue, q.section_id,
              q.paragraph_index, q.sieve, js) for i, (q, js) in enumerate(zip(article.quotes, rendered.quotes))])

    def delete_article(self, article_id: str) -> bool:
        db = self.db
        if db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
            return False
        db.execute("DELETE FROM mentions WHERE entity IN (SELECT rowid FROM entities WHERE article_id = ?)",
                   (article_id,))
        for table in ("answers", "sections", "entities", "quotes"):
            db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        self.articles_changed = True
        return True

    def drop_unlisted(self) -> None:
        """Articles no file row serves any more (a file removed, renamed or now refused)."""
        stale = [r[0] for r in self.db.execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM files WHERE article_id IS NOT NULL)")]
        for article_id in stale:
            self.delete_article(article_id)

    def parsed_by_key(self, parse_key: str) -> ParsedArticle | None:
        """A parse of the same bytes by the same parser already in the store (a renamed or duplicate file)."""
        row = self.db.execute("SELECT parsed FROM articles WHERE parse_key = ? LIMIT 1", (parse_key,)).fetchone()
        return decode_parsed(row[0]) if row else None

    def parsed(self, article_id: str) -> ParsedArticle | None:
        row = self.db.execute("SELECT parsed FROM articles WHERE id = ?", (article_id,)).fetchone()
        return decode_parsed(row[0]) if row else None

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY id")]

    # --- files -------------------------------------------------------------------------------

    def put_file(self, row: FileRow) -> None:
        self.db.execute(f"INSERT OR REPLACE INTO files ({FILE_COLUMNS}) VALUES ({', '.join('?' * len(row))})", row)

    def delete_file(self, name: str) -> None:
        self.db.execute("DELETE FROM files WHERE name = ?", (name,))

    def file_rows(self) -> list[FileRow]:
        return [FileRow._make(r) for r in self.db.execute(f"SELECT {FILE_COLUMNS} FROM files ORDER BY name")]

    # --- the swap ----------------------------------------------------------------------------

    def finish(self, meta: dict[str, str]) -> None:
        """Number the articles, link their entities, record the versions, flush, and swap the new store in."""
        db = self.db
        totals: dict[str, str] = {}
        if self.articles_changed:
            db.execute("CREATE TEMP TABLE places AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM articles")
            db.execute("UPDATE articles SET ordinal = (SELECT n FROM temp.places WHERE temp.places.id = articles.id)")
            db.execute("DROP TABLE temp.places")
            totals = linker.relink(db).meta()
        count = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        rows = {**meta, **totals, "articles": str(count), "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "complete": "1"}
        db.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", rows.items())
        db.execute("COMMIT")
        free, pages = (db.execute(f"PRAGMA {p}").fetchone()[0] for p in ("freelist_count", "page_count"))
        if pages and free / pages > _VACUUM_FREE_SHARE:
            db.execute("VACUUM")
        db.close()
        fd = os.open(self.path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(self.path, self.target)
        _fsync_dir(self.target.parent)

    def abandon(self) -> None:
        try:
            self.db.close()
        finally:
            self.path.unlink(missing_ok=True)


def _plain_kept(answer: Answer) -> bytes | None:
    """The plain body, unless its gzip coding holds it and decompressing it per request is cheap."""
    if answer.gzipped is None or len(answer.body) >= _KEEP_PLAIN_FROM:
        return answer.body
    return None


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
