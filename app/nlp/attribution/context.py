"""What a sieve looks at (`Context`), the quotation being attributed (`Quoted`), and how a list of
sieves decides (`attribute`)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

import app.nlp.attribution.cues as cues
from app.nlp.attribution.resolve import Resolver, Speaker
from app.nlp.marks import Spans
from app.nlp.quotations import Quotation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass
class Quoted:
    """A quotation being attributed."""

    quotation: Quotation
    speaker: Speaker | None = None
    sentence: tuple[int, int] = (0, 0)
    parent: "Quoted | None" = None
    before: "Quoted | None" = None  # the quotation (not nested) read before this one

    @property
    def block(self) -> int:
        return self.quotation.block

    @property
    def span(self):
        return self.quotation.span


@dataclass
class Context:
    """What a sieve may look at: the quotation, its sentence [lo, hi) and block, the one before."""

    resolver: Resolver
    k: int
    doc: "Doc"
    item: Quoted
    lo: int
    hi: int
    spans: Spans
    previous: Quoted | None
    sentences: list[tuple[int, int]] = field(default_factory=list)  # the block's, as `syntax.sentences` cut them

    @property
    def block(self):
        return self.resolver.structure.blocks[self.k]

    @cached_property
    def governing(self) -> "tuple[Token | None, bool]":
        return cues.governing_verb(self.doc, self.item.span, self.spans)

    @cached_property
    def according(self) -> "Token | None":
        return cues.according_to(self.doc, self.lo, self.hi, self.spans)

    @cached_property
    def previous_sentence(self) -> tuple[int, int] | None:
        """The sentence of this block right before the quotation's own."""
        before = [(a, b) for a, b in self.sentences if b <= self.lo]
        return before[-1] if before else None

    def resolved_subject(self, verb: "Token") -> Speaker | None:
        """The subject of `verb` when it resolves to an entity of the article, else None."""
        subject = cues.subject_of(verb, self.item.span.end, self.spans)
        if subject is None or self.spans.inside(subject.idx):
            return None
        found = self.resolver.speaker_of(self.k, subject)
        if found is None or found.entity is None:
            return None
        found = self.resolver.not_named_inside(self.k, subject, self.item.span, found)
        return found.with_cue(verb.text if cues.is_speech_verb(verb) else None)

    def subject_speaker(self, verb: "Token") -> Speaker:
        """The resolved subject of a verb of saying, with the verb as cue."""
        subject = cues.subject_of(verb, self.item.span.end, self.spans)
        if subject is None or self.spans.inside(subject.idx):
            return Speaker(None, None, verb.text)
        if cues.is_expletive(subject, verb):
            # 'It is stated on the forum that "..."', 'it was reported that': nobody, unless 'by X'
            agent = cues.agent_of(verb)
            found = self.resolver.speaker_of(self.k, agent) if agent is not None else None
            return (found or Speaker(None, None)).with_cue(verb.text)
        found = self.resolver.speaker_of(self.k, subject)
        found = self.resolver.not_named_inside(self.k, subject, self.item.span, found)
        return (found or Speaker(None, None)).with_cue(verb.text)


@dataclass(frozen=True)
class Sieve:
    name: str
    run: Callable[[Context], Speaker | None]


def attribute(ctx: Context, sieves: "tuple[Sieve, ...]") -> Speaker | None:
    """The first sieve's decision, stamped with its name (unless it names a more precise rule)."""
    for sieve in sieves:
        found = sieve.run(ctx)
        if found is not None:
            return found if found.sieve else replace(found, sieve=sieve.name)
    return None
