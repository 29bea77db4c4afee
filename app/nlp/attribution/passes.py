"""Passes over all of an article's quotations once each has been through the sieves.

Each pass is one construction that needs the whole article: a quotation run
over paragraphs, a headline echoing words the body attributes, a headline
paraphrasing a sentence of the body. A pass that changes a speaker stamps
its own name on the decision.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from app.nlp import lexicon
import app.nlp.attribution.cues as cues
from app.nlp.attribution.context import Quoted
from app.nlp.attribution.resolve import Resolver, Speaker
from app.nlp.names import fold
from app.nlp.marks import Spans
from app.nlp.syntax import SUBJECT_DEPS, lemmas

if TYPE_CHECKING:
    from app.domain import Entity

ORG_KIND_WORDS = lexicon.words("organisation_words", "kind")


def continued_quotation(items: list[Quoted]) -> None:
    """A quotation run over paragraphs has one speaker: an unattributed part takes its continuation's."""
    top = [item for item in items if item.parent is None]
    for item, following in reversed(list(zip(top, top[1:]))):
        if item.span.closed or following.block != item.block + 1:
            continue
        if (item.speaker is None or item.speaker.entity is None) and following.speaker is not None \
                and following.speaker.entity is not None:
            item.speaker = replace(following.speaker, sieve="continued quotation")


def headline_echo(resolver: Resolver, items: list[Quoted]) -> None:
    """A headline, a heading or a standfirst quoting words the body attributes: the body's speaker
    says them.

    "'We're fixing the basics': Acme vows reform" - the chief executive said it in the body,
    whatever the headline's grammar makes of 'Acme'."""
    blocks = resolver.structure.blocks
    said = [(fold(blocks[i.block].text[i.span.start:i.span.end]), i.speaker) for i in items
            if blocks[i.block].kind == "paragraph" and i.speaker and i.speaker.entity]
    # A standfirst, printed above the byline, sums up the body: its quoted words are the body's.
    byline = min((b.start for b in blocks if b.kind == "byline"), default=-1)
    standfirst = {k for k, block in enumerate(blocks) if block.kind == "paragraph" and block.start < byline}
    for item in items:
        words = fold(blocks[item.block].text[item.span.start:item.span.end])
        named = item.speaker is not None and item.speaker.entity is not None
        if item.block in standfirst:
            if named:
                continue  # its own grammar named someone
        elif blocks[item.block].kind not in ("title", "heading"):
            continue
        elif len(words.split()) < 2 and named:
            continue  # one word echoes the body only when the headline's own grammar named nobody
        speakers = {id(sp.entity): sp for text, sp in said if f" {words} " in f" {text} "}
        if len(speakers) == 1:
            item.speaker = Speaker(next(iter(speakers.values())).entity, None, sieve="headline echo")


def headline_paraphrase(resolver: Resolver, items: list[Quoted]) -> None:
    """A headline that is only a quotation: whoever says the same thing in the body."""
    blocks, docs = resolver.structure.blocks, resolver.docs
    for item in items:
        block = blocks[item.block]
        if item.speaker is not None and item.speaker.entity is not None:
            continue
        if block.kind not in ("title", "heading") or item.parent is not None:
            continue
        want = lemmas(docs[item.block], item.span.start, item.span.end)
        if len(want) < 2:
            continue
        best, best_overlap = None, 0.0
        for k, other in enumerate(blocks):
            if other.kind != "paragraph":
                continue
            for sent in docs[k].sents:
                got = lemmas(docs[k], sent.start_char, sent.end_char)
                overlap = len(want & got) / len(want)
                if overlap > best_overlap and len(want & got) >= 2:
                    best, best_overlap = (k, sent), overlap
        if best is None or best_overlap < 0.6:
            continue
        k, sent = best
        said = [i for i in items if i.block == k and sent.start_char <= i.span.start < sent.end_char
                and i.speaker and i.speaker.entity]
        if said:
            body = _body_spoken_for(resolver, item, k, sent) or said[0].speaker.entity
            item.speaker = Speaker(body, None, sieve="headline paraphrase")
            continue
        subject = next((t for t in sent if t.dep_ in SUBJECT_DEPS and t.head.dep_ == "ROOT"), None)
        speaker = resolver.speaker_of(k, subject) if subject is not None else None
        if speaker and speaker.entity is not None and speaker.entity.type == "PERSON":
            item.speaker = Speaker(speaker.entity, None, sieve="headline paraphrase")



def _body_spoken_for(resolver: Resolver, item: Quoted, k: int, sent) -> "Entity | None":
    """'... as union says depot "ignored drivers"' over 'Acme Union's secretary, Jo Roe, said the depot had
    been "ignoring its drivers"': a headline that gives the words to a kind of body gives them to the body
    the speaker of the body's sentence speaks for, the one organisation named in that subject."""
    doc = resolver.docs[item.block]
    verb, _ = cues.governing_verb(doc, item.span, resolver.quotations.get(item.block) or Spans())
    subject = cues.subject_of(verb) if verb is not None else None
    if subject is None or subject.pos_ != "NOUN" or subject.lemma_.lower() not in ORG_KIND_WORDS:
        return None
    base = resolver.structure.blocks[k].start
    speaker = next((t for t in sent if t.dep_ in SUBJECT_DEPS and t.head.i == sent.root.i), None)
    found = {id(hit[0]): hit[0] for t in (speaker.subtree if speaker is not None else ())
             if (hit := resolver.registry.mention_at(base + t.idx, base + t.idx + len(t.text), types=("ORG",)))}
    return next(iter(found.values())) if len(found) == 1 else None


def without_scare_quotes(items: list[Quoted]) -> list[Quoted]:
    """Marks inside a quotation around a fragment no verb of saying introduces ('we could try a
    "slow lane"', 'these "events"') are the speaker's own scare quotes: they quote nobody
    else, so they are no quotation of their own."""
    return [i for i in items if not (i.parent is not None and i.quotation.kind == "partial"
                                     and i.speaker is not None and i.speaker.sieve == "outer speaker")]
