"""The archive-wide reads: quotes, speakers and entities across every article.

Each is an indexed lookup returning one page and the total, never a scan of every
article: quotes by archive-wide speaker (quotes_by_corpus_speaker) or by words (the
quote_words index), speakers and entities in their stored rank or by words of their names
(corpus_names). The rows were made by app/store/linker.py when the store was written.
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass

Connect = Callable[[], AbstractContextManager[sqlite3.Connection]]

_WORD = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class SpeakerCandidate:
    """Someone quoted, as a `?speaker=` is matched against them."""

    id: str
    name: str
    aliases: list[str]


@dataclass(frozen=True, slots=True)
class QuoteRow:
    article_id: str
    title: str | None
    corpus_speaker_id: str | None
    json: bytes


@dataclass(frozen=True, slots=True)
class Page:
    items: list
    total: int


def match_expression(words: str) -> str | None:
    """An FTS5 query every word of `words` must match (a word with inner punctuation, such as
    'so-called', as the phrase of its parts); None when no word has a letter or digit."""
    phrases = ['"' + w.replace('"', '""') + '"' for w in words.split() if _WORD.search(w)]
    return " AND ".join(phrases) if phrases else None


class ArchiveReads:
    """Read-only, thread-safe: each call borrows a connection from the store's pool."""

    def __init__(self, connect: Connect, quote_total: int, speaker_total: int, entity_total: int):
        self._db = connect
        self._quote_total, self._speaker_total, self._entity_total = quote_total, speaker_total, entity_total

    # --- quotes ------------------------------------------------------------------------------

    def quotes(self, limit: int, offset: int, speaker_ids: Iterable[str] | None = None,
               words: str | None = None, article_id: str | None = None) -> Page:
        """Quotes in article id order, then reading order; each filter narrows (None: not asked)."""
        where, args = [], []
        if speaker_ids is not None:
            ids = sorted(speaker_ids)
            if not ids:
                return Page([], 0)
            where.append(f"q.corpus_speaker_id IN ({','.join('?' * len(ids))})")
            args += ids
        if words is not None:
            expression = match_expression(words)
            if expression is None:
                return Page([], 0)
            where.append("q.rowid IN (SELECT rowid FROM quote_words WHERE quote_words MATCH ?)")
            args.append(expression)
        if article_id is not None:
            where.append("q.article_id = ?")
            args.append(article_id)
        condition = " WHERE " + " AND ".join(where) if where else ""
        with self._db() as db:
            total = self._quote_total if not where else \
                db.execute(f"SELECT count(*) FROM quotes q{condition}", args).fetchone()[0]
            if offset >= total:
                return Page([], total)
            # The page is chosen on the small columns, and only its rows' JSON read.
            rows = db.execute(
                f"WITH page AS (SELECT q.rowid AS quote FROM quotes q{condition} ORDER BY q.article_id, q.idx "
                f"LIMIT ? OFFSET ?) SELECT q.article_id, a.title, q.corpus_speaker_id, q.json FROM page "
                f"JOIN quotes q ON q.rowid = page.quote JOIN articles a ON a.id = q.article_id "
                f"ORDER BY q.article_id, q.idx", [*args, limit, offset]).fetchall()
        return Page([QuoteRow(*row) for row in rows], total)

    # --- speakers ----------------------------------------------------------------------------

    def speakers_by_keys(self, keys: Iterable[str]) -> list[SpeakerCandidate]:
        keys = sorted(keys)
        return self._candidates(
            f"SELECT DISTINCT c.id, c.name, c.aliases FROM speaker_keys k JOIN corpus_entities c "
            f"ON c.rowid = k.speaker WHERE k.key IN ({','.join('?' * len(keys))})", keys)

    def speakers_by_spellings(self, ranges: Iterable[tuple[str, int, int]]) -> list[SpeakerCandidate]:
        found: dict[str, SpeakerCandidate] = {}
        for head, shortest, longest in ranges:
            for c in self._candidates(
                    "SELECT DISTINCT c.id, c.name, c.aliases FROM speaker_spellings s JOIN corpus_entities c "
                    "ON c.rowid = s.speaker WHERE s.head = ? AND s.length BETWEEN ? AND ?", [head, shortest, longest]):
                found.setdefault(c.id, c)
        return list(found.values())

    def _candidates(self, sql: str, args: list) -> list[SpeakerCandidate]:
        with self._db() as db:
            return [SpeakerCandidate(i, n, json.loads(a)) for i, n, a in db.execute(sql, args)]

    def speakers(self, limit: int, offset: int, words: str | None = None) -> Page:
        """/speakers items, most quoted first."""
        return self._ranked("speaker_json", "speaker_rank", "c.speaker_rank IS NOT NULL", [], self._speaker_total,
                            limit, offset, words)

    # --- entities ----------------------------------------------------------------------------

    def entities(self, limit: int, offset: int, entity_type: str | None = None, words: str | None = None) -> Page:
        """/entities items: names before dates and numbers, in the most articles first."""
        if entity_type is None:
            return self._ranked("json", "rank", "", [], self._entity_total, limit, offset, words)
        return self._ranked("json", "rank", "c.type = ?", [entity_type], None, limit, offset, words)

    def entity(self, corpus_id: str) -> tuple[bytes, list[dict]] | None:
        """An /entities item and the articles naming it (EntityArticle fields), most salient first."""
        with self._db() as db:
            row = db.execute("SELECT json FROM corpus_entities WHERE id = ?", (corpus_id,)).fetchone()
            if row is None:
                return None
            members = db.execute(
                "SELECT e.article_id, a.title, e.id, e.mention_count, e.salience FROM entities e "
                "JOIN articles a ON a.id = e.article_id WHERE e.corpus_id = ? ORDER BY e.article_id, e.rank",
                (corpus_id,)).fetchall()
        articles: dict[str, dict] = {}
        for article_id, title, entity_id, mentions, salience in members:
            entry = articles.setdefault(article_id, {"id": article_id, "title": title, "mention_count": 0,
                                                     "salience": 0.0, "entity_ids": []})
            entry["mention_count"] += mentions
            entry["salience"] = max(entry["salience"], salience)
            entry["entity_ids"].append(entity_id)
        return row[0], sorted(articles.values(), key=lambda a: (-a["salience"], a["id"]))

    # --- shared ------------------------------------------------------------------------------

    def _ranked(self, column: str, rank: str, condition: str, args: list, known_total: int | None,
                limit: int, offset: int, words: str | None) -> Page:
        """One page of corpus_entities rows in `rank` order, under `condition`, matching `words`."""
        source, where = "corpus_entities c", [condition] if condition else []
        if words is not None:
            expression = match_expression(words)
            if expression is None:
                return Page([], 0)
            source = "corpus_names JOIN corpus_entities c ON c.rowid = corpus_names.rowid"
            where.append("corpus_names MATCH ?")
            args = [*args, expression]
            known_total = None
        clause = " WHERE " + " AND ".join(where) if where else ""
        with self._db() as db:
            total = known_total if known_total is not None else \
                db.execute(f"SELECT count(*) FROM {source}{clause}", args).fetchone()[0]
            if offset >= total:
                return Page([], total)
            rows = db.execute(f"SELECT c.{column} FROM {source}{clause} ORDER BY c.{rank} LIMIT ? OFFSET ?",
                              [*args, limit, offset]).fetchall()
        return Page([r[0] for r in rows], total)
