"""Cues: the verb of saying (or noun of claiming) a quotation hangs on, and its subject.

Read off spaCy's dependency parse; every function looks only outside the
quotations of the sentence, since words inside a quotation are the
speaker's, not the narrator's.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from app.nlp import lexicon
from app.nlp.marks import ALL_MARKS, QuoteSpan, Spans
from app.nlp.syntax import SUBJECT_DEPS, first_token_at, quote_heads, tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SPEECH_VERBS = lexicon.words("speech_verbs")
RETORT_VERBS = lexicon.words("retort_verbs")
DISPLAY_VERBS = lexicon.words("display_verbs")
STATEMENT_NOUNS = lexicon.words("speech_nouns", "statement")
CLAIM_NOUNS = lexicon.words("speech_nouns", "claim")
WORK_NOUNS = lexicon.words("work_nouns")
AUTHORING_VERBS = lexicon.words("authoring_verbs")
QUOTING_VERBS = lexicon.words("speech_verbs", "quoting")
CLIMB_DEPS = ("conj", "advcl", "xcomp", "pcomp", "prep", "pobj", "acomp", "npadvmod", "dobj", "agent")
NO_SPANS = Spans()


def is_speech_verb(token: "Token") -> bool:
    """A verb of saying ('said', 'clarifies'), 'hit back', 'as she put it', or a text's verb with a
    text as subject ('a letter that read', 'the statement reads')."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    return (lemma in SPEECH_VERBS or (lemma in RETORT_VERBS and any(c.lower_ == "back" for c in token.children))
            or (lemma == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)
                and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children))
            or (lemma == "put" and _put_to_someone(token))
            or (lemma in DISPLAY_VERBS and any(c.dep_ in SUBJECT_DEPS and c.lemma_.lower() in STATEMENT_NOUNS
                                               for c in token.children)))


def _put_to_someone(verb: "Token") -> bool:
    """'"...?" I put to her', 'I put it to him': a question or a claim put to a person."""
    if any(c.dep_ == "dobj" and c.lower_ not in ("it", "this", "that", "question") for c in verb.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(o.dep_ == "pobj" and o.pos_ in ("PRON", "PROPN")
                                                             for o in c.children) for c in verb.children)


def is_mistagged_cue(token: "Token", span: QuoteSpan) -> bool:
    """'The Agency notes, "..."': a verb of saying the tagger took for a noun, right before the
    comma or colon that introduces the quotation."""
    if token.pos_ not in ("NOUN", "PROPN") or not token.is_lower or token.lemma_.lower() not in SPEECH_VERBS:
        return False
    between = token.doc.text[token.idx + len(token.text):span.opener]
    return between.strip() in (",", ":") and token.i > 0 and token.doc[token.i - 1].pos_ in ("PROPN", "NOUN")


def subject_of(verb: "Token", before: int | None = None, spans: Spans = NO_SPANS) -> "Token | None":
    """The subject of a verb of saying, climbing through 'by saying', 'stating that', 'and said'."""
    if verb.pos_ in ("NOUN", "PROPN"):  # a cue the tagger took for a noun: the name right before it
        return verb.doc[verb.i - 1] if verb.i > 0 else None
    token = verb
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_.lower() in QUOTING_VERBS:
        # 'The Herald quoted the mayor as saying ...': the one quoted says it, not the paper
        quoted = next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)
        if quoted is not None:
            return quoted
    if verb.tag_ == "VBG" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children) and verb.dep_ == "advcl":
        # '..., saying it was "for the neighbours"': the one who says is the sentence's subject
        subjects = [c for c in verb.sent.root.children if c.dep_ in SUBJECT_DEPS and not spans.inside(c.idx)]
        if subjects:
            return subjects[0]
    for _ in range(8):
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS and not spans.inside(c.idx)]
        if not subjects:
            # 'Roe had, while visiting the town, alleged that...': the subject hung on the auxiliary
            subjects = [c for aux in token.children if aux.dep_ == "aux" for c in aux.children
                        if c.dep_ in SUBJECT_DEPS and not spans.inside(c.idx)]
        if subjects:
            return subjects[0]
        if token.dep_ == "relcl" or (token.dep_ == "acl" and (token.tag_ in ("VBD", "VBZ", "VBP")
                                                             or token.head.pos_ == "PROPN" or _after_apposition(token))):
            return token.head  # 'Jo Roe, who saved twice, posted: "..."' misread as a clause of 'Roe'
        if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.pos_ == "NOUN":
            return token.head  # 'a notice stating, "..."', 'a man shouting "..."': the notice, the man
        if token.dep_ == "conj" and spans.inside(token.head.idx) and token.head.head.i != token.head.i:
            # 'X hit back that Y was "spinning it" and accused her': the narrator's verb is
            # never coordinated with a verb inside a quotation, whatever the parse says.
            token = token.head.head
            continue
        if token is verb and token.dep_ == "conj" and token.head.dep_ == "ccomp" and is_speech_verb(token.head.head) \
                and not spans.inside(token.head.head.idx):
            # 'The union said the cuts were "reckless" and accused the board of...': the parse hangs the
            # second verb of saying on the reported clause; it shares the first one's subject.
            token = token.head.head
            continue
        if token.dep_ in ("ROOT", "ccomp") or token.head.i == token.i or token.dep_ not in CLIMB_DEPS:
            break
        token = token.head
    # 'said Wexbury Fire Chief Jo Roe.' may come out without a subject label.
    after = [c for c in verb.rights if c.pos_ in ("PROPN", "PRON") and c.dep_ in ("dobj", "attr", "npadvmod",
                                                                                  "appos", "dep", "oprd")]
    if after and verb.lemma_ in ("say", "add", "write", "tell") and (before is None or verb.idx > before):
        return after[0]
    return _left_neighbour(verb, spans)


def _after_apposition(verb: "Token") -> bool:
    """'The singer, known as Pip Lark, posted:': a participle the parse hangs on the subject, right
    after the comma that closes an apposition, with no 'by' of a passive: the subject's own verb."""
    return verb.tag_ == "VBN" and verb.i > 0 and verb.doc[verb.i - 1].text == "," \
        and not any(c.dep_ == "agent" for c in verb.children)


def is_expletive(subject: "Token", verb: "Token") -> bool:
    """'It is said that...', 'it was reported that': an empty 'it' before a passive verb of saying."""
    return (subject.lower_ == "it" and subject.dep_ == "nsubjpass" and subject.head.i == verb.i
            and any(c.dep_ == "ccomp" for c in verb.children))  # not 'it was informed of the talks'


def agent_of(verb: "Token") -> "Token | None":
    """The one doing a passive verb: 'was reported by the Courier' -> Courier."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _left_neighbour(verb: "Token", spans: Spans) -> "Token | None":
    """'..., Mrs Roe's husband, Jo Roe, said:' parsed without a subject: the name right before the verb."""
    doc, j = verb.doc, verb.i - 1
    while j >= 0 and (doc[j].is_punct or doc[j].pos_ == "NUM") and doc[j].text not in ALL_MARKS:
        j -= 1  # 'Jo Roe, 58, said'
    if j < 0 or spans.inside(doc[j].idx):
        return None
    age = doc[j].lower_ == "old" and j > 0 and doc[j - 1].text == "-"  # 'the 27-year-old wrote'
    if age or (doc[j].pos_ in ("PROPN", "NOUN") and j < verb.i - 1 and doc[j].dep_ != "pobj"):
        return doc[j]
    return _person_before(verb, spans)


def _person_before(verb: "Token", spans: Spans) -> "Token | None":
    """'X, whose younger brother's van was stolen, said:' misparsed so that 'said' has no subject:
    the last person's name before the verb in its sentence, outside quotations, when a comma
    closes the clause that parted them."""
    if verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    start = verb.sent.start
    if 0 < start and verb.doc[start].is_lower and verb.doc[start - 1].text[-1:] in ALL_MARKS + "!?":
        start = verb.doc[start - 1].sent.start  # 'Jo, a finalist on "Who Dares?" in 2019, said': cut at the '?'
    for j in range(verb.i - 1, start - 1, -1):
        token = verb.doc[j]
        if spans.inside(token.idx):
            continue
        if token.ent_type_ == "PERSON" and token.pos_ == "PROPN" and token.dep_ in ("nsubj", "nsubjpass", "appos"):
            return token
    return None


def according_to(doc: "Doc", lo: int, hi: int, spans: Spans) -> "Token | None":
    """The source named by 'according to X' or 'in the words of X' in the sentence [lo, hi),
    outside the quotations."""
    for t in tokens(doc, lo, hi):
        if spans.inside(t.idx) or t.i + 1 >= len(doc):
            continue
        after = t.nbor(1)
        if (t.lower_ == "according" and after.lower_ == "to") or (t.lower_ == "words" and after.lower_ == "of"):
            objs = [c for c in after.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def governing_verb(doc: "Doc", span: QuoteSpan, spans: Spans) -> "tuple[Token | None, bool]":
    """The verb of saying (or noun of claiming) the quotation depends on, outside every quotation,
    and whether the quotation is the text of a relative clause ('flags that read "..."') that no
    verb elsewhere in the sentence can claim.

    A fragment inside any other relative clause is the words of whoever says the whole sentence:
    'She said the council promised pools that were "never delivered"' - she, not the council."""
    blocked, passive = False, None
    for head in quote_heads(doc, span):
        token, relative = head, None
        for _ in range(12):
            below = token
            if token.dep_ in ("relcl", "acl") and not is_speech_verb(token) and (
                    token.i == head.i or not spans.inside(token.idx)):
                if token.dep_ == "acl" and token.head.lemma_.lower() in STATEMENT_NOUNS:
                    pass  # 'said in a statement that it was "a warning"': the statement is the saying
                elif token.dep_ == "relcl" and token.head.dep_ == "dobj" and is_speech_verb(token.head.head):
                    pass  # 'told the crowd that it was "a toy maker"', misread as a relative clause
                elif token.lemma_.lower() in DISPLAY_VERBS:
                    blocked = True  # 'banners that read "Save Our Jobs"'
                    break
                else:
                    relative = token
            if token.head.i == token.i:
                break
            token = token.head
            if spans.inside(token.idx):
                continue
            if is_speech_verb(token) or (token.pos_ == "NOUN" and token.lemma_.lower() in CLAIM_NOUNS):
                if relative is not None and token.pos_ != "NOUN" and _argument_of(relative.head, token):
                    relative = None
                    continue  # 'promised pools that...': the pools are promised, the words are not
                if _text_as_patient(token):
                    passive = passive or token
                    continue  # 'she said the letter was drafted "in a hurry"': she, not the letter
                if below.dep_ == "conj" and token.pos_ != "NOUN" and (upper := _reporter_above(token, spans)):
                    return upper, False
                return token, False
    return passive, blocked and passive is None


def _reporter_above(verb: "Token", spans: Spans) -> "Token | None":
    """'He added that Roe had written to the board and would "fight on"': a verb of saying coordinated
    with the quotation's own is part of what a verb above it reports; that verb's subject speaks."""
    token, reported = verb, False
    for _ in range(8):
        if token.head.i == token.i:
            return None
        reported = reported or token.dep_ == "ccomp"
        token = token.head
        if not spans.inside(token.idx) and is_speech_verb(token):
            return token if reported else None
    return None


def _text_as_patient(verb: "Token") -> bool:
    """'the album was written', 'the letter was described': a passive verb of saying or writing
    whose subject is a text or a work, with no 'by' naming who wrote it."""
    return verb.pos_ != "NOUN" and not any(c.dep_ == "agent" for c in verb.children) and any(
        c.dep_ == "nsubjpass" and c.pos_ == "NOUN" and c.lemma_.lower() in WORK_NOUNS | STATEMENT_NOUNS
        for c in verb.children)


def _argument_of(noun: "Token", verb: "Token") -> bool:
    """Is `noun` an object or adjunct of `verb` ('promised pools at the election'), not part of
    what the verb reports ('said that the pools...')?"""
    token = noun
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ in ("ccomp", "xcomp", "parataxis"):
            return False
        token = token.head
    return token.i == verb.i


def nearest_verb(doc: "Doc", span: QuoteSpan, spans: Spans, lo: int, hi: int) -> "Token | None":
    """For a quoted sentence: the closest verb of saying in the words around it, with no other
    quotation in between."""
    best, distance = None, None
    for token in tokens(doc, lo, hi):
        if spans.inside(token.idx) or not (is_speech_verb(token) or is_mistagged_cue(token, span)):
            continue
        d = span.opener - token.idx if token.idx < span.opener else token.idx - (span.closer or span.end)
        between = [s for s in spans if s is not span and s.depth == 0 and (
            token.idx < s.opener < span.opener or (span.closer or span.end) < s.opener < token.idx)]
        if between:
            continue
        if distance is None or d < distance:
            best, distance = token, d
    return best


def _quotative_go(token: "Token", span: QuoteSpan) -> bool:
    """'he'd sit there going, "Stop"': 'going' right before a comma or colon that opens the quotation."""
    between = token.doc.text[token.idx + len(token.text):span.opener]
    return token.lower_ == "going" and between.strip() in (",", ":")


def nested_verb(doc: "Doc", span: QuoteSpan, within) -> "Token | None":
    """The verb of saying inside the outer quotation that the inner one depends on, else the
    nearest one before it in the same sentence ('My uncle told me, "..."', 'he sat there going, "..."')."""
    for head in quote_heads(doc, span):
        token = head
        for _ in range(8):
            if token.head.i == token.i or not within(token.head):
                break
            token = token.head
            if is_speech_verb(token):
                return token
    first = first_token_at(doc, span.opener)
    for j in range(first - 1, -1, -1):
        token = doc[j]
        if not within(token) or token.text in ".!?":
            break
        if is_speech_verb(token):
            return token
        if _quotative_go(token, span):  # 'the tub going' may be read as a noun: then the clause's verb
            root = token.sent.root
            return token if token.pos_ == "VERB" else root if within(root) and root.pos_ == "VERB" else None
    return None


def author_named_after(noun: "Token") -> "Token | None":
    """'That post, published on Monday from Acme's account, warned ...', 'the letter, signed by Roe,':
    the word for the text's author that the participle right after the text names ('by X', 'from X's
    account'); not 'a memo seen by X', whose X only read it."""
    doc = noun.doc
    at = noun.i + 1 + (noun.i + 1 < len(doc) and doc[noun.i + 1].text == ",")
    if at >= len(doc) or doc[at].tag_ != "VBN" or doc[at].dep_ not in ("acl", "advcl") \
            or doc[at].lemma_.lower() not in AUTHORING_VERBS:
        return None
    for prep in doc[at].children:
        if prep.dep_ not in ("prep", "agent") or prep.lower_ not in ("by", "from"):
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                return next((c for c in obj.children if c.dep_ == "poss"), None) if obj.pos_ == "NOUN" else obj
    return None
