"""Per-article answers as the bytes sent, made once at ingest and kept in the store.

The response models (schemas.py, through views.py) decide every shape; this
module only serialises them: each list item once (so a filtered list is its
stored items joined), each whole answer with its ETag digest and gzip coding.
RENDER_VERSION changes with any of the code that shapes these bytes, and a
store made by other code has its answers made again (without re-parsing).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from app.api import representation, schemas, views
from app.domain import ParsedArticle

JSON = "application/json"
PLAIN_TEXT = "text/plain; charset=utf-8"


def _render_version() -> str:
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in ("answers.py", "schemas.py", "views.py", "representation.py"):
        digest.update(name.encode() + b"\0" + (here / name).read_bytes())
    return digest.hexdigest()[:16]


RENDER_VERSION = _render_version()


@dataclass(frozen=True, slots=True)
class Answer:
    """A whole 200 body ready to send, with what the HTTP layer would otherwise compute per request."""

    body: bytes
    media_type: str
    digest: bytes
    gzipped: bytes | None

    @classmethod
    def of(cls, body: bytes, media_type: str = JSON) -> "Answer":
        return cls(body, media_type, representation.digest(body),
                   representation.gzip_coding(body, media_type.encode()))


@dataclass(frozen=True, slots=True)
class Rendered:
    """An article's answers, and the JSON of each item the filtered reads pick from."""

    summary: bytes
    sections: list[bytes]
    quotes: list[bytes]
    entities: list[bytes]
    answers: dict[str, Answer]


def render(article: ParsedArticle) -> Rendered:
    sections = [dump(views.section(s)) for s in article.sections]
    quotes = [dump(views.quote(q)) for q in article.quotes]
    entities = [dump(views.entity(e)) for e in article.entities]
    answers = {
        "article": Answer.of(dump(views.article(article))),
        "text": Answer.of(dump(schemas.ArticleText(id=article.id, text=article.text))),
        "text.plain": Answer.of(article.text.encode("utf-8"), PLAIN_TEXT),
        "sections": Answer.of(envelope(sections)),
        "quotes": Answer.of(envelope(quotes, total=len(quotes))),
        "speakers": Answer.of(dump(schemas.SpeakerList(items=views.speakers(article)))),
        "entities": Answer.of(envelope(entities, total=len(entities))),
    }
    return Rendered(dump(views.summary(article)), sections, quotes, entities, answers)


# --- the archive's lists: items made when the archive is linked, or joined per request ----------

def corpus_entity(id: str, name: str, type: str, aliases: list[str], article_count: int,
                  mention_count: int) -> bytes:
    return dump(schemas.CorpusEntity(id=id, name=name, type=type, aliases=aliases, article_count=article_count,
                                     mention_count=mention_count))


def corpus_speaker(id: str, name: str, quote_count: int, article_count: int) -> bytes:
    return dump(schemas.CorpusSpeaker(id=id, name=name, quote_count=quote_count, article_count=article_count))


def corpus_quote(article_id: str, title: str | None, corpus_speaker_id: str | None, quote: bytes) -> bytes:
    """A stored Quote's JSON with its article and archive-wide speaker in front (a CorpusQuote)."""
    head = _compact({"article_id": article_id, "title": title, "corpus_speaker_id": corpus_speaker_id})
    return head[:-1] + b"," + quote[1:]


def corpus_entity_detail(entity: bytes, articles: list[dict]) -> bytes:
    """A stored /entities item with the articles naming it (EntityArticle fields) added."""
    return entity[:-1] + b',"articles":' + _compact(articles) + b"}"


def _compact(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def dump(model: BaseModel) -> bytes:
    return model.model_dump_json().encode("utf-8")


def envelope(items: list[bytes], **fields: int) -> bytes:
    """`{"items": [...], **fields}` from items already serialised: the bytes the list's model would give."""
    tail = b"".join(b',"%s":%s' % (name.encode(), json.dumps(value).encode()) for name, value in fields.items())
    return b'{"items":[' + b",".join(items) + b"]" + tail + b"}"
