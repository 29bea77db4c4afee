"""Quote-to-speaker sieves: one linguistic construction each, most precise first.

As in CoreNLP's quote attribution and Lee et al.'s multi-pass sieves, every
quotation goes through `SIEVES` in order; the first sieve that recognises
its construction decides (possibly that nobody is named) and the decision
records the sieve's name. A sieve returns None when its construction is
absent, and a `Speaker` (whose entity may be None) when it decides.

To add a sieve: write `def my_sieve(ctx: Context) -> Speaker | None`, and
put `Sieve("my construction", my_sieve)` at its place in `SIEVES`.
"""
from __future__ import annotations

import re

from app.domain import Mention
from app.nlp import lexicon
import app.nlp.attribution.cues as cues
from app.nlp.attribution.context import Context, Sieve
from app.nlp.attribution.resolve import Speaker
from app.nlp.marks import find_quote_spans
from app.nlp.syntax import SUBJECT_DEPS, first_token_at, quote_heads, tokens

ACCUSATION_VERBS = lexicon.words("accusation_verbs")
LAWSUIT_VERBS = lexicon.words("accusation_verbs", "lawsuit")
STATEMENT_NOUNS = lexicon.words("speech_nouns", "statement")


# ---------------------------------------------------------------- the sieves


def quote_colon_name(ctx: Context) -> Speaker | None:
    """"'Quote...': Name" in a headline: the name after the colon."""
    span = ctx.item.span
    if span.closer is None or span.depth > 0:
        return None
    m = re.match(r"\s*[,.!?…]*\s*[:–—-]\s*", ctx.block.text[span.closer + 1:])
    if not m:
        return None
    first = first_token_at(ctx.doc, span.closer + 1 + m.end())
    token = ctx.doc[first] if first < len(ctx.doc) else None
    if token is None or token.pos_ != "PROPN":
        return None
    while token.i + 1 < len(ctx.doc) and ctx.doc[token.i + 1].pos_ == "PROPN":
        token = ctx.doc[token.i + 1]
    return ctx.resolver.speaker_of(ctx.k, token)


def name_colon_quote(ctx: Context) -> Speaker | None:
    """"Name: 'Quote'", "Name, the finance minister: 'Quote'", "Mission controller Name: 'Quote'": a
    name (its title before it, its description after it) standing alone before a colon."""
    before = ctx.block.text[ctx.lo:ctx.item.span.opener]
    m = re.match(r"^\s*(?:[\w’'.-]+\s+){0,3}?([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s*(?:,[^:;.!?]{1,80})?:\s*$",
                 before)
    if not m:
        return None
    if any(t.pos_ not in ("NOUN", "PROPN", "ADJ", "DET", "PUNCT") for t in tokens(ctx.doc, ctx.lo, ctx.lo + m.start(1))):
        return None  # 'She told Roe: "..."': a sentence of the narrator's, not a title before a name
    name, start = m.group(1), ctx.block.start + ctx.lo + m.start(1)
    entity = ctx.resolver.known_name(name, start, start + len(name))
    return Speaker(entity, Mention(name, start, start + len(name)), resolution="name") if entity else None


def cue_subject(ctx: Context) -> Speaker | None:
    """The quotation is what a verb of saying reports: its subject speaks ('X said "..."',
    'X said it was "...", '"...", X said' when the parse links them)."""
    verb, _ = ctx.governing
    if verb is None or verb.pos_ == "NOUN":
        return None
    found = ctx.subject_speaker(verb)
    outer = verb.head
    if found.entity is None and verb.dep_ == "ccomp" and outer.i > verb.i and cues.is_speech_verb(outer) \
            and not ctx.spans.inside(outer.idx) and (reporter := ctx.resolved_subject(outer)) is not None:
        return reporter  # 'The study suggests reefs are "tougher than thought", said Dr Roe': Roe reports it
    return found


def headline_quote_then_speaker(ctx: Context) -> Speaker | None:
    """"'NOTHING CHANGES ON MONDAY!' Binman with £2m scratchcard insists he is staying": a headline opening
    with a quotation and going on with someone's verb of saying: they speak; a description that names
    nobody there ('Binman', 'Mum') is the person the article is most about."""
    span, text = ctx.item.span, ctx.block.text
    if ctx.block.kind != "title" or span.depth > 0 or span.closer is None or text[:span.opener].strip() \
            or not re.match(r"\s+[A-Z]", text[span.closer + 1:]):
        return None
    verb = next((t for t in ctx.doc if t.idx > span.closer and not ctx.spans.inside(t.idx) and cues.is_speech_verb(t)),
                None)
    subject = cues.subject_of(verb) if verb is not None else None
    if subject is None or subject.idx <= span.closer or ctx.spans.inside(subject.idx):
        return None
    found = ctx.resolver.speaker_of(ctx.k, subject, create=False)
    if found is not None and found.entity is not None:
        return found.with_cue(verb.text)
    if subject.pos_ not in ("NOUN", "PROPN") or found is not None:
        return None
    people = ctx.resolver.registry.people()
    main = max(people, key=lambda e: len(e.mentions), default=None)
    return Speaker(main, None, verb.text, resolution="the article's main person") if main else None


def verb_before_quotation(ctx: Context) -> Speaker | None:
    """'visitors said that all that came up was a notice stating, "..."': a verb of saying right before the
    quotation, with only a comma or colon between, introduces it, whatever farther verb the parse hangs
    it on."""
    verb, _ = ctx.governing
    span = ctx.item.span
    first = first_token_at(ctx.doc, span.opener)
    j = first - 1
    while j >= 0 and ctx.doc[j].text in (",", ":"):
        j -= 1
    if j < 0 or j == first - 1 or ctx.doc[j].idx < ctx.lo or ctx.spans.inside(ctx.doc[j].idx):
        return None
    before = ctx.doc[j]
    if verb is None or before.i == verb.i or not cues.is_speech_verb(before) or before.tag_ != "VBG":
        return None
    return ctx.subject_speaker(before)


def described_as(ctx: Context) -> Speaker | None:
    """'The board has described as "reckless" the decision by Roe', 'Board dismisses Roe's claim as
    "baseless"': words right after 'as' on a verb of saying (or on its object) are the verb's subject's,
    whoever owns the thing described."""
    first = first_token_at(ctx.doc, ctx.item.span.opener)
    if first == 0 or ctx.item.span.depth > 0:
        return None
    before = ctx.doc[first - 1]
    if before.lower_ != "as" or before.dep_ != "prep" or ctx.spans.inside(before.idx):
        return None
    verb = before.head
    if verb.dep_ == "dobj" and not cues.is_speech_verb(verb):
        verb = verb.head
    if not cues.is_speech_verb(verb) or ctx.spans.inside(verb.idx):
        return None
    return ctx.subject_speaker(verb)


def claim_owner(ctx: Context) -> Speaker | None:
    """Whose 'claims' a quotation stands in: the owner ('her claims'), or the one accused over them
    ('accused the council of lying over claims it was "stalling"'); nobody the text does not name."""
    noun, _ = ctx.governing
    if noun is None or noun.pos_ != "NOUN":
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        token = noun
        for _ in range(8):
            if token.head.i == token.i:
                break
            token = token.head
            if token.pos_ == "VERB" and token.lemma_.lower() in ACCUSATION_VERBS:
                owner = next((c for c in token.children if c.dep_ == "dobj"), None)
                break
    speaker = ctx.resolver.speaker_of(ctx.k, owner) if owner is not None else None
    return speaker.with_cue(noun.text) if speaker else Speaker(None, None)


def lawsuit_claims(ctx: Context) -> Speaker | None:
    """'The paper is being sued for "malicious falsehood"': what a lawsuit claims ('for' on a verb
    of suing) is the plaintiff's: the one suing in that sentence ('sued by X', 'X sued'), else the
    one party the article's paragraphs say sues; nobody when they name none or several."""
    verb = None
    for head in quote_heads(ctx.doc, ctx.item.span):
        token, through_for = head, False
        for _ in range(6):  # up from the claim through 'for' (and 'and also ...') to the verb
            if token.head.i == token.i or token.pos_ == "VERB":
                break
            through_for = through_for or token.lower_ == "for"
            token = token.head
        if through_for and token.pos_ == "VERB" and token.lemma_.lower() in LAWSUIT_VERBS:
            verb = token
            break
    if verb is None:
        return None
    found = _plaintiff(ctx, ctx.k, verb)
    if found is None:
        facts = ctx.resolver.article_facts
        if "plaintiffs" not in facts:  # once per article, however many claims it quotes
            blocks, docs = ctx.resolver.structure.blocks, ctx.resolver.docs
            facts["plaintiffs"] = {id(s.entity): s for k, doc in enumerate(docs) if blocks[k].kind == "paragraph"
                                   for t in doc if t.pos_ == "VERB" and t.lemma_.lower() in LAWSUIT_VERBS
                                   and (s := _plaintiff(ctx, k, t)) is not None}  # a headline drops 'is'
        plaintiffs = facts["plaintiffs"]
        found = next(iter(plaintiffs.values())) if len(plaintiffs) == 1 else None
    return (found or Speaker(None, None)).with_cue(verb.text)


def _plaintiff(ctx: Context, k: int, verb) -> Speaker | None:
    """Who sues: the agent of a passive verb of suing, or the subject of an active one."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    party = cues.agent_of(verb) if passive else next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if party is None or party.pos_ == "PRON":
        return None
    found = ctx.resolver.speaker_of(k, party)
    return found if found is not None and found.entity is not None else None


def according_to(ctx: Context) -> Speaker | None:
    """'..., according to X': X, when no verb of saying governs the quotation."""
    if ctx.according is None:
        return None
    found = ctx.resolver.speaker_of(ctx.k, ctx.according)
    return (found or Speaker(None, None)).with_cue("according to")


def text_own_words(ctx: Context) -> Speaker | None:
    """'The letter, which is twelve pages long, "must be signed by a witness"': a quotation whose own
    verb has a text for subject, outside the marks, gives the text's words: its author speaks."""
    for head in quote_heads(ctx.doc, ctx.item.span):
        if head.pos_ not in ("VERB", "AUX"):
            continue
        for subject in head.children:
            if subject.dep_ in SUBJECT_DEPS and subject.pos_ == "NOUN" and not ctx.spans.inside(subject.idx) \
                    and subject.lemma_.lower() in STATEMENT_NOUNS:
                found = ctx.resolver.speaker_of(ctx.k, subject)
                return found if found is not None and found.entity is not None else None
    return None


def text_on_display(ctx: Context) -> Speaker | None:
    """'banners that read "..."': the words of a sign, said by nobody the article names."""
    _, blocked = ctx.governing
    return Speaker(None, None) if blocked else None


def nearest_cue(ctx: Context) -> Speaker | None:
    """A verb of saying beside the quotation in its sentence ('"...," she said', 'said X: "..."'),
    with no other quotation in between: its subject speaks."""
    verb = cues.nearest_verb(ctx.doc, ctx.item.span, ctx.spans, ctx.lo, ctx.hi)
    return ctx.subject_speaker(verb) if verb is not None else None


def colon_introduction(ctx: Context) -> Speaker | None:
    """'X defended the plan on Monday: "..."': a clause ending in a colon introduces the
    quotation that follows, whatever its verb; its subject speaks."""
    text = ctx.block.text
    before = text[ctx.lo:ctx.item.span.opener].rstrip()
    if not before.endswith(":") or ctx.item.span.depth > 0:
        return None
    colon = first_token_at(ctx.doc, ctx.lo + len(before) - 1)
    if colon >= len(ctx.doc) or colon == 0:
        return None
    token = ctx.doc[colon - 1]
    for _ in range(8):  # up to the verb of the clause the colon ends
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
    if ctx.spans.inside(token.idx):
        return None
    if token.pos_ not in ("VERB", "AUX"):
        # 'His reply: "Patience."', 'The ministry's statement: "..."': a text's author speaks
        noun = ctx.doc[colon - 1]
        if noun.lemma_.lower() in STATEMENT_NOUNS:
            found = ctx.resolver.speaker_of(ctx.k, noun)
            return found if found is not None and found.entity is not None else None
        return None
    return ctx.resolved_subject(token)


def sentence_speaker(ctx: Context) -> Speaker | None:
    """'X thought of Y as "a menace" who "should go", adding: ...': when a verb of saying in the
    sentence has a subject the article names, the sentence's other quoted fragments are theirs too."""
    for token in tokens(ctx.doc, ctx.lo, ctx.hi):
        if ctx.spans.inside(token.idx) or not cues.is_speech_verb(token):
            continue
        found = ctx.resolved_subject(token)
        if found is not None:
            return found
    return None


def previous_sentence_cue(ctx: Context) -> Speaker | None:
    """'Roe stressed the results matter. "Quote."' / 'Roe issued a statement. "Quote."' / 'Roe was
    defiant. "Quote."': a bare quotation after a sentence of the same paragraph that reports someone
    speaking, or says how a person took something, and quotes nothing itself."""
    if not _bare(ctx) or ctx.previous_sentence is None:
        return None
    lo, hi = ctx.previous_sentence
    if any(lo <= s.opener < hi for s in ctx.spans):
        return None  # a quotation there: the run of quotations goes on (`quote_run`)
    verbs = [t for t in tokens(ctx.doc, lo, hi) if not ctx.spans.inside(t.idx) and (
        cues.is_speech_verb(t) or (t.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS for c in t.children)))]
    roots = [t for t in verbs if t.dep_ == "ROOT"]
    for verb in roots + verbs[::-1]:
        found = ctx.resolved_subject(verb)
        if found is not None:
            return found
    for verb in tokens(ctx.doc, lo, hi):  # 'Roe was defiant. "Quote."': how a person took it, then their words
        if verb.dep_ == "ROOT" and verb.lemma_ == "be" and any(c.dep_ == "acomp" for c in verb.children):
            found = ctx.resolved_subject(verb)
            if found is not None and found.entity.type == "PERSON":
                return found
    return None


def _bare(ctx: Context) -> bool:
    """The sentence is nothing but the quotation: no narrator's words around it."""
    frame = "".join(ch for pos, ch in enumerate(ctx.block.text[ctx.lo:ctx.hi], ctx.lo) if not ctx.spans.inside(pos))
    return not re.search(r"\w", frame) and ctx.block.kind == "paragraph"


def interview_answer(ctx: Context) -> Speaker | None:
    """'"So did you go back?" I ask.' / '"Twice. The second time I stayed."': a paragraph that is only a
    quotation, right after the writer's own question, is the answer of the one being interviewed, the
    last person quoted before the question."""
    previous = ctx.previous
    if previous is None or ctx.k - previous.block != 1 or not _bare(ctx) or ctx.item.span.opener != 0:
        return None
    if previous.speaker is None or previous.speaker.resolution != "the writer" or previous.speaker.entity is None:
        return None
    asked = ctx.resolver.structure.blocks[previous.block].text[previous.span.start:previous.span.end]
    if not asked.rstrip(" ,’'\"”").endswith("?"):
        return None
    writer, earlier = previous.speaker.entity, previous.before
    while earlier is not None:
        found = earlier.speaker
        if found is not None and found.entity is not None and found.entity is not writer \
                and found.entity.type == "PERSON":
            return Speaker(found.entity, None, resolution="the one interviewed")
        earlier = earlier.before
    return None


def quote_run(ctx: Context) -> Speaker | None:
    """A quotation right after another (this paragraph or the one before), with no verb of its
    own around it ('"..."', 'Then, more quietly: "..."'): the same speaker goes on."""
    previous = ctx.previous
    if previous is None or ctx.k - previous.block > 1:
        return None
    if not _bare(ctx) and not (previous.block == ctx.k and _verbless(ctx)):
        return None
    return previous.speaker or Speaker(None, None)


def _verbless(ctx: Context) -> bool:
    """No verb in the sentence outside its quotations."""
    return not any(t.pos_ in ("VERB", "AUX") and not ctx.spans.inside(t.idx) for t in tokens(ctx.doc, ctx.lo, ctx.hi))


def introduced_speaker(ctx: Context) -> Speaker | None:
    """A paragraph that is only a quotation, after a paragraph about someone that quotes nobody:
    'Roe ended by thanking the volunteers.' / '"Some of you were here at dawn..."' - Roe speaks."""
    blocks = ctx.resolver.structure.blocks
    k = ctx.k
    if not _bare(ctx) or ctx.item.span.opener != 0 or k == 0 or blocks[k - 1].kind != "paragraph":
        return None
    if find_quote_spans(blocks[k - 1].text):
        return None
    person = lambda e: e.type in ("PERSON", "ORG")  # noqa: E731
    discourse = ctx.resolver.discourse
    entity = discourse.real(discourse.recent(blocks[k].start, person, subject_only=True, since=blocks[k - 1].start))
    return Speaker(entity, None) if entity is not None else None


SIEVES: tuple[Sieve, ...] = (
    Sieve("quote, colon, name", quote_colon_name),
    Sieve("name, colon, quote", name_colon_quote),
    Sieve("headline quote, then its speaker", headline_quote_then_speaker),
    Sieve("verb before the quotation", verb_before_quotation),
    Sieve("cue subject", cue_subject),
    Sieve("described as", described_as),
    Sieve("claim owner", claim_owner),
    Sieve("lawsuit claims", lawsuit_claims),
    Sieve("according to", according_to),
    Sieve("a text's own words", text_own_words),
    Sieve("colon introduction", colon_introduction),
    Sieve("text on display", text_on_display),
    Sieve("nearest cue", nearest_cue),
    Sieve("sentence speaker", sentence_speaker),
    Sieve("previous sentence cue", previous_sentence_cue),
    Sieve("interview answer", interview_answer),
    Sieve("quote run", quote_run),
    Sieve("introduced speaker", introduced_speaker),
)
