"""The parsed article as plain typed data.

This is the hand-off point between the parsing pipeline (which knows spaCy)
and the HTTP layer (which does not). Everything is a frozen-ish dataclass so
it can be cached to disk as JSON and read back without importing spaCy.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Entity labels of values (dates, times, amounts, numbers), not of things: they join only their
# exact form, never speak, and are no corpus entity.
VALUE_TYPES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})


@dataclass
class Mention:
    """A stretch of the served text: `text == article.text[start:end]`."""

    text: str
    start: int
    end: int


@dataclass
class Paragraph:
    index: int
    text: str
    start: int
    end: int


@dataclass
class Section:
    id: str
    index: int
    heading: str | None
    start: int
    end: int
    paragraphs: list[Paragraph] = field(default_factory=list)
    heading_start: int | None = None
    heading_end: int | None = None


@dataclass
class SpeakerRef:
    id: str
    name: str


@dataclass
class Quote:
    id: str
    text: str
    start: int
    end: int
    kind: str  # "direct" | "partial"
    speaker: SpeakerRef | None
    speaker_mention: Mention | None
    cue: str | None
    section_id: str | None
    paragraph_index: int | None
    # The attribution rule (sieve) that chose the speaker, or found none: for `parse --explain`
    # and for tracing a wrong speaker to its rule. Not part of the API's Quote.
    sieve: str | None = None


@dataclass
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str]
    salience: float
    mentions: list[Mention]

    @property
    def mention_count(self) -> int:
        return len(self.mentions)


@dataclass
class ParsedArticle:
    id: str
    text: str
    title: str | None
    author: str | None
    publisher: str | None
    word_count: int
    sections: list[Section]
    quotes: list[Quote]
    entities: list[Entity]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ParsedArticle":
        def mention(m: dict | None) -> Mention | None:
            return Mention(**m) if m else None

        sections = [
            Section(**{**s, "paragraphs": [Paragraph(**p) for p in s["paragraphs"]]})
            for s in data["sections"]
        ]
        quotes = [
            Quote(**{**q, "speaker": SpeakerRef(**q["speaker"]) if q["speaker"] else None,
                     "speaker_mention": mention(q["speaker_mention"])})
            for q in data["quotes"]
        ]
        entities = [
            Entity(**{**e, "mentions": [Mention(**m) for m in e["mentions"]]})
            for e in data["entities"]
        ]
        return cls(**{**data, "sections": sections, "quotes": quotes, "entities": entities})
