"""Who said each quotation.

The article is read in order, sentence by sentence. Each sentence first
updates the discourse memory (who is named, who the clauses are about), then
each quotation opening in it goes through the quote-to-speaker sieves
(`sieves.SIEVES`), whose answer the resolver has already turned from words
('he', 'the minister', 'Vance') into an entity of the registry. Passes over
the whole article follow (`passes`). Every decision carries the name of the
sieve or pass that made it.

Modules: `cues` (verbs of saying and their subjects), `profiles` (titles,
ages, employers and sex of each person), `discourse` (the memory pronouns
point into), `descriptions` and `resolve` (mention to speaker), `sieves`
(quotation to mention), `passes`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain import Quote, SpeakerRef
from app.nlp import lexicon
from app.nlp.attribution import passes
from app.nlp.attribution.discourse import Discourse
from app.nlp.attribution.profiles import Profiles
from app.nlp.attribution.resolve import Resolver
from app.nlp.attribution.sieves import NESTED_SIEVES, SIEVES, Context, Quoted, attribute
from app.nlp.marks import Spans, find_quotations
from app.nlp.syntax import SUBJECT_DEPS, sentences, tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from app.nlp.entities import EntityRegistry
    from app.nlp.structure import Structure

# Subjects that tell nothing about who the article is talking about.
NON_REFERRING_SUBJECTS = lexicon.words("pronouns", "untracked")


def attribute_quotes(structure: "Structure", docs: list["Doc"], registry: "EntityRegistry") -> list[Quote]:
    """Quotes in reading order; may add speaker entities (and mentions) through the registry."""
    discourse = Discourse(Profiles(structure, docs, registry))
    resolver = Resolver(structure, docs, registry, discourse)
    items = _quoted(structure)
    _read(resolver, items)
    passes.continued_quotation(items)
    passes.headline_echo(resolver, items)
    passes.headline_paraphrase(resolver, items)
    return _to_quotes(structure, items)


def _quoted(structure: "Structure") -> list[Quoted]:
    by_quotation: dict[int, Quoted] = {}
    items = []
    for quotation in find_quotations(structure):
        parent = by_quotation.get(id(quotation.parent)) if quotation.parent is not None else None
        item = Quoted(quotation, parent=parent)
        by_quotation[id(quotation)] = item
        items.append(item)
    return items


def _read(resolver: Resolver, items: list[Quoted]) -> None:
    by_block: dict[int, list[Quoted]] = {}
    for item in items:
        by_block.setdefault(item.block, []).append(item)
    previous: Quoted | None = None
    for k, block in enumerate(resolver.structure.blocks):
        if block.kind == "byline":
            continue
        doc = resolver.docs[k]
        block_items = by_block.get(k, [])
        spans = Spans(i.span for i in block_items)
        for lo, hi in sentences(doc, spans):
            _record_sentence(resolver, k, doc, lo, hi, spans)
            for item in block_items:
                if not (lo <= item.span.opener < hi):
                    continue
                item.sentence = (lo, hi)
                ctx = Context(resolver, k, doc, item, lo, hi, spans, previous)
                if item.parent is not None:
                    item.speaker = attribute(ctx, NESTED_SIEVES)
                    continue
                item.speaker = attribute(ctx, SIEVES)
                previous = item


def _record_sentence(resolver: Resolver, k: int, doc: "Doc", lo: int, hi: int, spans: Spans) -> None:
    """Note who the sentence names and who its clauses are about, for later pronouns."""
    block = resolver.structure.blocks[k]
    discourse = resolver.discourse
    for entity, m in resolver.registry.mentions_between(block.start + lo, block.start + hi):
        if m.end <= block.end and not spans.inside(m.start - block.start):
            discourse.record(m.start, entity, subject=False)
    for token in tokens(doc, lo, hi):
        if token.dep_ in SUBJECT_DEPS and not spans.inside(token.idx):
            if token.lower_ in NON_REFERRING_SUBJECTS:
                continue
            speaker = resolver.speaker_of(k, token, create=False)
            if speaker and speaker.entity is not None:
                main = token.head.dep_ == "ROOT" or token.head.head.i == token.head.i
                discourse.record(block.start + token.idx, speaker.entity, subject=True, main=main)


def _to_quotes(structure: "Structure", items: list[Quoted]) -> list[Quote]:
    quotes = []
    for item in sorted(items, key=lambda i: (structure.blocks[i.block].start + i.span.start, -i.span.end)):
        block = structure.blocks[item.block]
        start, end = block.start + item.span.start, block.start + item.span.end
        speaker = item.speaker
        entity = speaker.entity if speaker else None
        mention = speaker.mention if speaker else None
        if mention is not None and structure.text[mention.start:mention.end] != mention.text:
            mention = None
        quotes.append(Quote(
            id=f"q{len(quotes) + 1}", text=structure.text[start:end], start=start, end=end,
            kind=item.quotation.kind,
            speaker=SpeakerRef(entity.id, entity.name) if entity else None,
            speaker_mention=mention if entity else None,
            cue=speaker.cue if speaker else None,
            section_id=block.section_id, paragraph_index=block.paragraph_index,
            sieve=_trace(speaker)))
    return quotes


def _trace(speaker) -> str | None:
    if speaker is None or speaker.sieve is None:
        return None
    return f"{speaker.sieve} ({speaker.resolution})" if speaker.resolution else speaker.sieve
