"""The store's tables: one SQLite file holding the whole parsed archive.

Written only by ingest (into a new file, swapped in whole) and read by the
server through read-only, immutable connections. Per-article answers are kept
as the bytes sent; the row tables below them serve the filtered reads and the
corpus-wide queries (quotes by speaker or by words, entities by name or type).
"""
from __future__ import annotations

from typing import NamedTuple

# Marks a SQLite file as ours (PRAGMA application_id): any other file is foreign and is rebuilt.
APPLICATION_ID = 0x41525431  # "ART1"
# Bump when the tables change: a store of another version is rebuilt.
SCHEMA_VERSION = 3

FILE_NAME = "store.sqlite3"
LOCK_NAME = "store.lock"

DDL = f"""
PRAGMA application_id = {APPLICATION_ID};
PRAGMA user_version = {SCHEMA_VERSION};

-- parser_version, model_version, render_version, built_at, articles, complete
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

-- Every *.txt the folder listed at the last ingest: served (article_id) or skipped (reason).
-- The fingerprint lets the next ingest trust an unchanged file without reading it again.
CREATE TABLE files (
    name TEXT PRIMARY KEY,            -- as the folder spells it, shown in /health
    article_id TEXT,                  -- the id it is served under; NULL when skipped
    reason TEXT,                      -- why it is skipped; NULL when served
    parse_failed INTEGER NOT NULL DEFAULT 0,  -- the reason came from the parser: kept for this parse_key
    size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER, inode INTEGER, device INTEGER,
    read_at_ns INTEGER,               -- when the bytes were read (a change after it has a later mtime)
    content_hash TEXT,                -- sha256 of the bytes read
    parse_key TEXT                    -- content hash + parser version + model version
) WITHOUT ROWID;

CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    ordinal INTEGER NOT NULL,         -- 0-based place in id order: /articles pages by range
    file TEXT NOT NULL,
    parse_key TEXT NOT NULL,
    title TEXT, author TEXT, publisher TEXT,
    word_count INTEGER NOT NULL, section_count INTEGER NOT NULL,
    quote_count INTEGER NOT NULL, entity_count INTEGER NOT NULL,
    summary BLOB NOT NULL,            -- its ArticleSummary JSON, an item of /articles
    parsed BLOB NOT NULL              -- the whole ParsedArticle (app/domain.py) as zlib-compressed JSON
);
CREATE INDEX articles_by_ordinal ON articles(ordinal);
CREATE INDEX articles_by_parse_key ON articles(parse_key);

-- Whole answers, ready to send, with their ETag digest: the gzip coding when it is worth sending,
-- and the plain body when there is no gzip coding or the answer is large (over 256 KiB); a small
-- answer's plain body is decompressed from its gzip coding for the rare client without gzip.
CREATE TABLE answers (
    article_id TEXT NOT NULL,
    name TEXT NOT NULL,               -- article, text, text.plain, sections, quotes, speakers, entities
    media_type TEXT NOT NULL,
    body BLOB,                        -- NULL when gzipped holds it (small answers)
    digest BLOB NOT NULL,
    gzipped BLOB,
    PRIMARY KEY (article_id, name)
);

CREATE TABLE sections (
    article_id TEXT NOT NULL,
    idx INTEGER NOT NULL,             -- reading order
    id TEXT NOT NULL,
    heading TEXT,
    json BLOB NOT NULL,               -- the Section as served
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX sections_by_id ON sections(article_id, id);

CREATE TABLE entities (
    rowid INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL,
    id TEXT NOT NULL,                 -- the entity's id within its article
    rank INTEGER NOT NULL,            -- its place in the article's entity list
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    aliases TEXT NOT NULL,            -- JSON list of the other forms used
    mention_count INTEGER NOT NULL,
    salience REAL NOT NULL,
    corpus_id TEXT,                   -- corpus_entities.id: the archive-wide thing it denotes
    link_facts TEXT NOT NULL,         -- JSON: what linking needs of its names (app/nlp/linking.py)
    json BLOB NOT NULL,               -- the Entity as served, mentions included
    UNIQUE (article_id, id)
);
CREATE INDEX entities_by_rank ON entities(article_id, rank);
CREATE INDEX entities_by_type ON entities(type, article_id, rank);
CREATE INDEX entities_by_corpus_id ON entities(corpus_id);

CREATE TABLE mentions (
    entity INTEGER NOT NULL,          -- entities.rowid
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (entity, idx)
) WITHOUT ROWID;

CREATE TABLE quotes (
    rowid INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL,
    idx INTEGER NOT NULL,             -- reading order
    id TEXT NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker_id TEXT,                  -- entities.id of the speaker in the same article; NULL when unknown
    cue TEXT,
    section_id TEXT,
    paragraph_index INTEGER,
    sieve TEXT,                       -- the attribution rule that chose the speaker
    corpus_speaker_id TEXT,           -- corpus_entities.id of the speaker; NULL when unknown
    json BLOB NOT NULL,               -- the Quote as served
    UNIQUE (article_id, idx)
);
CREATE INDEX quotes_by_speaker ON quotes(article_id, speaker_id, idx);
CREATE INDEX quotes_by_corpus_speaker ON quotes(corpus_speaker_id, article_id, idx);

-- Words of quotes, ignoring case and accents (external content: no second copy).
CREATE VIRTUAL TABLE quote_words USING fts5(
    text, content='quotes', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quote_words(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quote_words(quote_words, rowid, text) VALUES ('delete', old.rowid, old.text);
END;

-- The archive's things: every article's entities linked into one record per real-world thing,
-- rebuilt whenever an article is added, changed or removed (app/store/linker.py).
CREATE TABLE corpus_entities (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    rank INTEGER NOT NULL,            -- place in /entities: names before dates and numbers, most articles first
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL,            -- JSON list of the other forms the articles use
    article_count INTEGER NOT NULL,
    quote_count INTEGER NOT NULL,     -- quotes attributed to it
    speaker_rank INTEGER,             -- place in /speakers, most quoted first; NULL when never quoted
    json BLOB NOT NULL,               -- the /entities item
    speaker_json BLOB                 -- the /speakers item
);
CREATE INDEX corpus_entities_by_rank ON corpus_entities(rank);
CREATE INDEX corpus_entities_by_type ON corpus_entities(type, rank);
CREATE INDEX corpus_speakers_by_rank ON corpus_entities(speaker_rank) WHERE speaker_rank IS NOT NULL;

-- What a `?speaker=` may look up (app/nlp/speaker_query.py): a speaker's keys, and the words a
-- near spelling is measured against, by first letter and length.
CREATE TABLE speaker_keys (
    key TEXT NOT NULL,
    speaker INTEGER NOT NULL,         -- corpus_entities.rowid
    PRIMARY KEY (key, speaker)
) WITHOUT ROWID;
CREATE TABLE speaker_spellings (
    head TEXT NOT NULL,
    length INTEGER NOT NULL,
    speaker INTEGER NOT NULL,         -- corpus_entities.rowid
    PRIMARY KEY (head, length, speaker)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE corpus_names USING fts5(
    name, aliases, content='corpus_entities', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
"""


class FileRow(NamedTuple):
    """A `files` row: one listed *.txt, served or skipped, with what the next ingest compares.

    A tuple, not a dataclass: a warm start compares one per file of the archive.
    """

    name: str
    article_id: str | None = None
    reason: str | None = None
    parse_failed: bool = False
    size: int | None = None
    mtime_ns: int | None = None
    ctime_ns: int | None = None
    inode: int | None = None
    device: int | None = None
    read_at_ns: int | None = None
    content_hash: str | None = None
    parse_key: str | None = None


FILE_COLUMNS = ", ".join(FileRow._fields)
