"""Quotations inside quotations: whoever the outer speaker says said them (`NESTED_SIEVES`)."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from app.domain import Mention
import app.nlp.attribution.cues as cues
from app.nlp.attribution.context import Context, Sieve
from app.nlp.attribution.cues import STATEMENT_NOUNS
from app.nlp.attribution.profiles import FEMALE_PRONOUNS, MALE_PRONOUNS
from app.nlp.attribution.resolve import Speaker
from app.nlp.names import title_gender
from app.nlp.syntax import SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Token


def nested_cue(ctx: Context) -> Speaker | None:
    """A quotation inside a quotation: whoever the outer speaker says said it.

    'I rang him and said, "Count me in"' - the outer speaker; 'Ana told me, "Stop"' - Ana;
    'the judge ruled, "Denied"' - the one person whose title fits 'judge';
    'the girl was shouting "Help!"' or 'people kept wondering, "How?"' - nobody the article names.
    Words quoted without a verb of saying ('it was "under review"') stay the outer speaker's."""
    parent = ctx.item.parent
    outer = parent.span
    within = lambda token: outer.start <= token.idx < outer.end  # noqa: E731
    verb = cues.nested_verb(ctx.doc, ctx.item.span, within)
    if verb is None:
        return replace(parent.speaker or Speaker(None, None), sieve="outer speaker")
    subject = cues.subject_of(verb)
    if subject is not None and within(subject):
        subject = _sender(subject, within) or subject
    if subject is None or not within(subject):
        return _narrated_subject(ctx, verb, within) or Speaker(None, None, verb.text)
    if subject.dep_ == "nsubjpass" and cues.agent_of(verb) is None:
        return Speaker(None, None, verb.text)  # 'we were told it was "on the list"': by someone unnamed
    if subject.lower_ in ("i", "we", "me", "us"):
        return parent.speaker or Speaker(None, None)
    resolver = ctx.resolver
    start = ctx.block.start + subject.idx
    mention = Mention(subject.text, start, start + len(subject.text))
    if subject.lower_ in MALE_PRONOUNS | FEMALE_PRONOUNS:  # 'He said, "Not yet"': someone else
        if _unnamed_relative(ctx, "m" if subject.lower_ in MALE_PRONOUNS else "f"):
            return Speaker(None, None, verb.text, resolution="unnamed relative")
        outer_entity = parent.speaker.entity if parent.speaker else None
        other = resolver.discourse.resolve_quoted_pronoun(subject.text, start, exclude={id(outer_entity)})
        return Speaker(other, mention, verb.text, resolution="pronoun")
    if subject.pos_ == "PROPN":  # 'Henrike came up and said, "Stop"': a first name will do
        entity = resolver.known_name(subject.text, start, start + len(subject.text))
        if entity is not None and entity.type in ("PERSON", "ORG"):
            return Speaker(entity, mention, verb.text, resolution="name")
    if subject.pos_ == "NOUN" and any((c.dep_ == "det" and c.lower_ == "the") or (c.dep_ == "poss" and c.lower_ in (
            "my", "our")) for c in subject.children):
        # 'My father used to say, "..."': the one person the narration calls the speaker's father, if any
        # '"The judge called it 'a gamble'," Roe said': the one person whose title fits, if any
        entity = resolver.descriptions.resolve(subject, start, fallback=False)
        if entity is not None and entity.type == "PERSON":
            return Speaker(entity, mention, verb.text, resolution="description")
    return Speaker(None, None, verb.text)


def _sender(subject: "Token", within) -> "Token | None":
    """'he sent me a note that said, "..."', 'she left a letter saying "..."': a note's words are the
    words of whoever sent, left or wrote it, in the speaker's own sentence."""
    noun = subject.head.head if subject.lower_ in ("that", "which") and subject.head.dep_ == "relcl" else subject
    if noun.lemma_.lower() not in STATEMENT_NOUNS or noun.pos_ != "NOUN":
        return None
    token = noun
    for _ in range(6):
        if token.dep_ not in ("conj", "dobj", "pobj", "prep", "appos", "dative") or token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ == "VERB":
            found = next((c for c in token.children if c.dep_ in SUBJECT_DEPS and within(c)), None)
            return found
    return None


def _narrated_subject(ctx: Context, verb: "Token", within) -> Speaker | None:
    """'X said officials, "... plied him with theories, calling me a 'menace'"': a participle of saying
    inside a fragment that goes on the narrator's clause belongs to that clause's subject, outside the
    marks, when the article names it."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or not within(verb.head):
        return None
    subject = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or within(subject) or ctx.spans.inside(subject.idx):
        return None
    found = ctx.resolver.speaker_of(ctx.k, subject)
    return found.with_cue(verb.text) if found is not None and found.entity is not None else None


def _unnamed_relative(ctx: Context, sex: str) -> bool:
    """'Roe ended by remembering her grandfather. "He always warned me, '...'"': the last person of that
    sex the paragraph's narration mentions before the quotation is a relative it does not name."""
    resolver = ctx.resolver
    outer = ctx.item.parent.speaker.entity if ctx.item.parent.speaker else None
    last = None
    blocks = resolver.structure.blocks
    before = ctx.k - 1
    if before >= 0 and blocks[before].kind == "paragraph" and not resolver.quotations.get(before):
        # 'Neighbours woke to the mother shouting.' / '"She kept screaming, '...'"': the paragraph before too
        last = _relative_in(ctx, before, resolver.docs[before], len(blocks[before].text), sex, outer, last)
    return bool(_relative_in(ctx, ctx.k, ctx.doc, ctx.item.parent.span.opener, sex, outer, last))


def _relative_in(ctx: Context, k: int, doc, until: int, sex: str, outer, last: bool | None) -> bool | None:
    """Reading block `k` up to `until`: True after an unnamed relative of that sex ('her mother', 'the
    mother'), False after a named person of that sex other than the one speaking, else `last`."""
    resolver, base = ctx.resolver, ctx.resolver.structure.blocks[k].start
    spans = resolver.quotations.get(k)
    for token in doc:
        if token.idx >= until:
            break
        if spans is not None and spans.inside(token.idx):
            continue
        hit = resolver.registry.mention_at(base + token.idx, base + token.idx + len(token.text), types=("PERSON",))
        if hit is not None and (resolver.discourse.profiles.gender_of(hit[0]) or sex) == sex:
            if hit[0] is not outer:  # the one speaking says 'I', not 'she'
                last = False
        elif token.pos_ == "NOUN" and title_gender(token.text) == sex and any(
                c.dep_ == "poss" or (k != ctx.k and c.dep_ == "det" and c.lower_ == "the")
                for c in token.children) and not any(
                c.dep_ in ("appos", "compound", "flat") and c.pos_ == "PROPN" for c in token.children) \
                and not (token.dep_ == "appos" and token.head.pos_ == "PROPN"):
            last = True
    return last


NESTED_SIEVES: tuple[Sieve, ...] = (Sieve("nested cue", nested_cue),)
