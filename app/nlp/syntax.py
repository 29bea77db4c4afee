"""Small readings of spaCy's parse that several stages share: tokens by offset,
sentences that never cut a quotation, definite nouns, appositions."""
from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from app.nlp import lexicon
from app.nlp.marks import QuoteSpan, Spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJECT_DEPS = ("nsubj", "nsubjpass")


def _token_starts(doc: "Doc") -> list[int]:
    starts = doc.user_data.get("token_starts")
    if starts is None:
        starts = doc.user_data["token_starts"] = [t.idx for t in doc]
    return starts


def first_token_at(doc: "Doc", offset: int) -> int:
    """Index of the first token starting at or after `offset` (len(doc) if none)."""
    return bisect_left(_token_starts(doc), offset)


def tokens(doc: "Doc", lo: int, hi: int):
    """Tokens starting in [lo, hi): a slice, not a scan of the whole block."""
    return doc[first_token_at(doc, lo):first_token_at(doc, hi)]


def quote_heads(doc: "Doc", span: QuoteSpan) -> list["Token"]:
    """Tokens of a quotation whose syntactic head lies outside it."""
    return [t for t in tokens(doc, span.start, span.end) if not (span.start <= t.head.idx < span.end) or t.head.i == t.i]


def sentences(doc: "Doc", spans: Spans, is_cue=None) -> list[tuple[int, int]]:
    """Sentence ranges of a block that never cut through a quotation, nor (given `is_cue`, a test
    of verbs of saying) part a quoted question or exclamation from the short cue after it
    ('"Why now?" I ask.', '"Stop!" she shouted.')."""
    by_start = {s.start_char: s for s in doc.sents}
    closers = {s.closer for s in spans if s.closer is not None}
    kept = {0}
    text = doc.text  # built afresh on every access: once per block, not per sentence
    for start, sentence in by_start.items():
        if spans.cuts(start):
            continue
        if is_cue and len(sentence) <= 8 and _after_closer(text, start, closers) \
                and any(is_cue(t) for t in sentence):
            continue  # 'I ask.' after '"Why now?"'
        kept.add(start)
    kept = sorted(kept)
    return [(a, b) for a, b in zip(kept, kept[1:] + [len(text)])]


def _after_closer(text: str, boundary: int, closers: set[int]) -> bool:
    """Is there only space between a quotation's closing mark and `boundary`?"""
    i = boundary - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i in closers


def lemmas(doc: "Doc", lo: int, hi: int) -> set[str]:
    """Content lemmas of the tokens in [lo, hi)."""
    return {t.lemma_.lower() for t in tokens(doc, lo, hi) if t.is_alpha and not t.is_stop}


def definite(noun: "Token") -> bool:
    """'the festival', 'the Scot': a noun with the definite article points back to someone known;
    'the dairy farmers association' may come out with the article on a modifier of the noun."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) or any(
        c.dep_ == "compound" and c.i < noun.i and definite(c) for c in noun.lefts)


def apposed(noun: "Token", name: "Token") -> bool:
    """'The health secretary, Glen Harcourt': the description and the name stand in apposition."""
    def head_of(token):
        while token.dep_ in ("compound", "flat") and token.head.i != token.i:
            token = token.head
        return token
    noun, name = head_of(noun), head_of(name)
    return (name.dep_ == "appos" and name.head.i == noun.i) or (noun.dep_ == "appos" and noun.head.i == name.i)


NAMING_PARTICIPLES = lexicon.words("naming_words", "participle")  # 'known as', 'named as', 'identified as'


def appositions(token: "Token") -> list["Token"]:
    """'The union's general secretary, Jo Roe,': the names standing in apposition to a subject.

    The parser often hangs the name on the last noun of the description ('The mayor of
    Springfield, Ana Varela,'), so the search goes down through 'of'/'at'/'for' phrases too."""
    found, todo = [], [token]
    while todo:
        current = todo.pop(0)
        for child in current.children:
            if child.dep_ == "appos":
                found.append(child)
                todo.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("of", "at", "for", "in"):
                todo.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ == "acl" and child.lower_ in NAMING_PARTICIPLES and current is token:
                # 'The singer, known as Pip Lark,', 'the man, named as Jo Roe,': the name given
                found.extend(c for prep in child.children if prep.lower_ == "as" for c in prep.children
                             if c.dep_ == "pobj")
    return found


def introducer(docs: list["Doc"], k: int, noun: "Token", reach: int = 3) -> tuple[int, "Token"] | None:
    """'Roe sent an email to staff. ... The email reads': (block, token) of who brought in the
    text a definite noun points back to: the subject of the verb that took it as object, or its
    possessor, at its last mention in this block or the `reach` blocks before."""
    lemma = noun.lemma_.lower()
    for j in range(k, max(-1, k - reach - 1), -1):
        earlier = [t for t in docs[j] if t.lemma_.lower() == lemma and t.pos_ == "NOUN" and (j < k or t.i < noun.i)]
        for t in reversed(earlier):
            owner = next((c for c in t.children if c.dep_ == "poss"), None)
            if owner is None and t.dep_ == "dobj":
                owner = next((c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if owner is not None:
                return j, owner
    return None
