"""The archive's things, in the store being written: every article's entities linked.

Run by the writer whenever an article was added, changed or removed, inside the same
transaction as the change, so a store is never served with stale links. Linking itself is
app/nlp/linking.py over the facts each entity row keeps; this module reads those rows and
writes what the archive-wide reads look up: corpus_entities (with their /entities and
/speakers items), the corpus id of every entity and quote, the speakers' lookup keys and the
name index.
"""
from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass

from app.api import answers
from app.domain import VALUE_TYPES
from app.nlp.linking import CorpusEntity, EntityRecord, LinkFacts, link
from app.nlp.speaker_query import index_keys


@dataclass(frozen=True, slots=True)
class Totals:
    """What the archive-wide lists count when unfiltered (kept in `meta`)."""

    quotes: int
    speakers: int
    entities: int

    def meta(self) -> dict[str, str]:
        return {"quote_total": str(self.quotes), "speaker_total": str(self.speakers),
                "entity_total": str(self.entities)}


@dataclass
class _Speaking:
    quotes: int = 0
    articles: int = 0


def relink(db: sqlite3.Connection) -> Totals:
    """Rebuild the archive-wide tables from the entity and quote rows."""
    rowids: dict[tuple[str, str], int] = {}
    records = []
    for rowid, article_id, entity_id, name, type_, aliases, mentions, facts in db.execute(
            "SELECT rowid, article_id, id, name, type, aliases, mention_count, link_facts FROM entities"):
        rowids[article_id, entity_id] = rowid
        records.append(EntityRecord(article_id, entity_id, name, type_, tuple(json.loads(aliases)), mentions,
                                    LinkFacts.from_json(json.loads(facts))))
    things = link(records)
    quoted = {(a, s): n for a, s, n in db.execute(
        "SELECT article_id, speaker_id, count(*) FROM quotes WHERE speaker_id IS NOT NULL GROUP BY 1, 2")}
    speaking = {thing.id: _speaking(thing, quoted) for thing in things}
    things.sort(key=lambda t: (t.type in VALUE_TYPES, -t.article_count, -t.mention_count, t.name.lower(), t.id))
    speakers = sorted((t for t in things if speaking[t.id].quotes),
                      key=lambda t: (-speaking[t.id].quotes, -speaking[t.id].articles, t.name.lower(), t.id))
    speaker_rank = {t.id: rank for rank, t in enumerate(speakers)}

    for table in ("corpus_entities", "speaker_keys", "speaker_spellings"):
        db.execute(f"DELETE FROM {table}")
    db.executemany(
        "INSERT INTO corpus_entities (rowid, id, rank, type, name, aliases, article_count, quote_count, "
        "speaker_rank, json, speaker_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (_row(rank, t, speaking[t.id], speaker_rank.get(t.id)) for rank, t in enumerate(things)))
    db.executemany("UPDATE entities SET corpus_id = ? WHERE rowid = ?",
                   ((t.id, rowids[m.article_id, m.entity_id]) for t in things for m in t.members))
    db.execute("UPDATE quotes SET corpus_speaker_id = (SELECT corpus_id FROM entities e WHERE "
               "e.article_id = quotes.article_id AND e.id = quotes.speaker_id) WHERE speaker_id IS NOT NULL")
    rank_of = {t.id: rank for rank, t in enumerate(things)}
    for t in speakers:
        keys, spellings = index_keys(t.name, t.aliases, t.id)
        speaker = rank_of[t.id] + 1  # its rowid
        db.executemany("INSERT INTO speaker_keys (key, speaker) VALUES (?, ?)", ((k, speaker) for k in keys))
        db.executemany("INSERT INTO speaker_spellings (head, length, speaker) VALUES (?, ?, ?)",
                       ((s.head, s.length, speaker) for s in spellings))
    db.execute("INSERT INTO corpus_names (corpus_names) VALUES ('rebuild')")
    total_quotes = db.execute("SELECT count(*) FROM quotes").fetchone()[0]
    return Totals(total_quotes, len(speakers), len(things))


def _speaking(thing: CorpusEntity, quoted: dict[tuple[str, str], int]) -> _Speaking:
    by_article: dict[str, int] = defaultdict(int)
    for m in thing.members:
        by_article[m.article_id] += quoted.get((m.article_id, m.entity_id), 0)
    counts = [n for n in by_article.values() if n]
    return _Speaking(sum(counts), len(counts))


def _row(rank: int, thing: CorpusEntity, speaking: _Speaking, speaker_rank: int | None) -> tuple:
    item = answers.corpus_entity(thing.id, thing.name, thing.type, thing.aliases, thing.article_count,
                                 thing.mention_count)
    speaker = None if speaker_rank is None else answers.corpus_speaker(thing.id, thing.name, speaking.quotes,
                                                                       speaking.articles)
    return (rank + 1, thing.id, rank, thing.type, thing.name, json.dumps(thing.aliases, ensure_ascii=False),
            thing.article_count, speaking.quotes, speaker_rank, item, speaker)
