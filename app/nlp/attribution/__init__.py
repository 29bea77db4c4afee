"""Who said each quotation.

The article is read in order, sentence by sentence. Each sentence first
updates the discourse memory (who is named, who the clauses are about), then
each quotation opening in it goes through the quote-to-speaker sieves
(`sieves.SIEVES`), whose answer the resolver has already turned from words
('he', 'the minister', 'Pellow') into an entity of the registry. Passes over
the whole article follow (`passes`). Every decision carries the name of the
sieve or pass that made it.

Modules: `cues` (verbs of saying and their subjects), `profiles` (titles,
ages, employers and sex of each person), `discourse` (the memory pronouns
point into), `descriptions` and `resolve` (mention to speaker), `sieves`
(quotation to mention), `passes`.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from app.domain import Quote, SpeakerRef
from app.nlp import lexicon
import app.nlp.attribution.cues as cues
from app.nlp.attribution import passes
from app.nlp.attribution.context import Context, Quoted, attribute
from app.nlp.attribution.descriptions import is_person_noun
from app.nlp.attribution.discourse import Discourse
from app.nlp.attribution.profiles import Profiles
from app.nlp.attribution.resolve import Resolver
from app.nlp.attribution.nested import NESTED_SIEVES
from app.nlp.attribution.sieves import SIEVES
from app.nlp.marks import Spans
from app.nlp.quotations import find_quotations
from app.nlp.names import title_gender
from app.nlp.syntax import SUBJECT_DEPS, sentences, tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from app.nlp.entities import EntityRegistry
    from app.nlp.structure import Structure

# Subjects that tell nothing about who the article is talking about.
NON_REFERRING_SUBJECTS = lexicon.words("pronouns", "untracked")
INDEFINITE = lexicon.words("determiners", "indefinite")


def attribute_quotes(structure: "Structure", docs: list["Doc"], registry: "EntityRegistry") -> list[Quote]:
    """Quotes in reading order; may add speaker entities (and mentions) through the registry."""
    discourse = Discourse(Profiles(structure, docs, registry))
    resolver = Resolver(structure, docs, registry, discourse)
    items = _quoted(structure)
    _read(resolver, items)
    passes.continued_quotation(items)
    passes.headline_echo(resolver, items)
    passes.headline_paraphrase(resolver, items)
    items = passes.without_scare_quotes(items)
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
        block_items = sorted(by_block.get(k, []), key=lambda i: i.span.opener)  # reading order, outer first
        openers = [i.span.opener for i in block_items]
        spans = Spans(i.span for i in block_items)
        resolver.quotations[k] = spans
        block_sentences = sentences(doc, spans, cues.is_speech_verb)
        for lo, hi in block_sentences:
            _record_sentence(resolver, k, doc, lo, hi, spans)
            for item in block_items[bisect_left(openers, lo):bisect_left(openers, hi)]:
                item.sentence = (lo, hi)
                ctx = Context(resolver, k, doc, item, lo, hi, spans, previous, block_sentences)
                if item.parent is not None:
                    item.speaker = attribute(ctx, NESTED_SIEVES)
                    continue
                item.before = previous
                item.speaker = attribute(ctx, SIEVES)
                previous = item


def _record_sentence(resolver: Resolver, k: int, doc: "Doc", lo: int, hi: int, spans: Spans) -> None:
    """Note who the sentence names and who its clauses are about, for later pronouns."""
    block = resolver.structure.blocks[k]
    discourse = resolver.discourse
    for entity, m in resolver.registry.mentions_between(block.start + lo, block.start + hi):
        if m.end <= block.end:
            discourse.record(m.start, entity, subject=False, quoted=spans.inside(m.start - block.start))
    for token in tokens(doc, lo, hi):
        # 'Jo Roe, her aunt, watched from the back' parsed with the name as the root: its subject still
        as_subject = token.dep_ == "ROOT" and token.pos_ in ("PROPN", "NOUN") and any(
            t.dep_ in ("acl", "relcl") and t.pos_ == "VERB" for t in token.subtree)
        if (token.dep_ in SUBJECT_DEPS or as_subject) and not spans.inside(token.idx):
            if token.lower_ in NON_REFERRING_SUBJECTS:
                continue
            speaker = resolver.speaker_of(k, token, create=False)
            main = token.head.dep_ == "ROOT" or token.head.head.i == token.head.i
            if speaker and speaker.entity is not None and speaker.entity.type == "PERSON":
                discourse.record(block.start + token.idx, speaker.entity, subject=True, main=main)
            elif token.pos_ == "NOUN" and is_person_noun(token.lemma_) and any(
                    c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE for c in token.children):
                # 'a bartender said', 'a spokeswoman for Acme said': unnamed, or speaking for a body
                speaks_for = speaker.entity if speaker and speaker.entity is not None else None
                discourse.record_unnamed(block.start + token.idx, title_gender(token.text), speaks_for, main)
                if speaks_for is not None:
                    discourse.record(block.start + token.idx, speaks_for, subject=True, main=main)
            elif speaker and speaker.entity is not None:
                discourse.record(block.start + token.idx, speaker.entity, subject=True, main=main)
    for entity, pos in _untagged_subjects(resolver, k, doc, lo, hi, spans):
        discourse.record(pos, entity, subject=True, main=True)


def _untagged_subjects(resolver: Resolver, k: int, doc: "Doc", lo: int, hi: int, spans: Spans):
    """'Roe sailed north, but he flew back': a name the tagger took for an adverb or a modifier
    right before a main verb that has no subject is that verb's subject all the same."""
    block = resolver.structure.blocks[k]
    for verb in tokens(doc, lo, hi):
        if verb.dep_ != "ROOT" or verb.pos_ not in ("VERB", "AUX") or verb.i == 0 or spans.inside(verb.idx):
            continue
        if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in verb.children):
            continue
        before = doc[verb.i - 1]
        if before.dep_ in SUBJECT_DEPS or spans.inside(before.idx):
            continue
        start, end = block.start + before.idx, block.start + before.idx + len(before.text)
        found = resolver.registry.mention_at(start, end, types=("PERSON", "ORG"))
        if found is not None and found[1].end == end:
            yield found[0], found[1].start
        elif found is None and before.is_title and (entity := resolver.known_name(before.text, start, end)) \
                and entity.type == "PERSON":
            yield entity, start  # 'Early toured Japan', the surname of a known Amos Early


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
