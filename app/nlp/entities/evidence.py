"""What the words around a name say about an organisation, read from one model span.

`organisation_evidence` says how, when the article's own syntax says the name is an
organisation's, whatever the model labelled it:

- a lowercase organisation noun right before it: 'the security firm X', 'the studio X';
- a noun for its people right after it or its possessive: 'an X spokesperson', 'X employees',
  'the X manager Jo Roe', "X's head of research"; or before it: 'a candidate for X';
- a possessive before a person's full name: "X's Jo Roe" (the party or team Jo Roe is of), which
  `mentions` also reads the other way: Jo Roe is a person;
- a verb of publishing before 'in X': 'a study published in X', 'writing in X' (a journal);
- a verb of signing a player before 'from X': 'signed from X' (a club, even one named after a town).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from app.nlp import lexicon
from app.nlp.names import is_first_name

if TYPE_CHECKING:
    from spacy.tokens import Span

ORG_KIND_WORDS = lexicon.words("organisation_words", "kind")
MEMBER_NOUNS = lexicon.words("member_nouns")
HEAD_NOUNS = lexicon.words("member_nouns", "head")
MEMBER_BEFORE = lexicon.words("member_nouns", "before")
PUBLISHING_VERBS = frozenset({"publish", "write"})
SIGNING_VERBS = frozenset({"sign", "loan", "transfer", "recruit"})


def organisation_evidence(span: "Span") -> str | None:
    """'kind', 'published', 'affiliation' or 'members' (the weakest: a town has councillors and a
    team of its name, `labels` weighs it only where the model did not say place). The nouns after a
    span the model calls an organisation are not read: a later repair may keep only its first word
    ('Arnby' of 'Arnby Borough Council's head of planning')."""
    if _kind_before(span):
        return "kind"
    if _published_in(span):
        return "published"
    if _signed_from(span):
        return "club"
    if _member_before(span):
        return "members"
    end = span.end + (span.end < len(span.doc) and span.doc[span.end].text in ("'s", "’s"))  # the model may keep it
    if affiliated_person(span.doc, end):
        return "affiliation"
    return "members" if span.label_ != "ORG" and _members_after(span) else None


def _kind_before(span: "Span") -> bool:
    """'the security firm X', 'startup X': not 'the firm X founded' (X the subject of a clause)."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return bool(before is not None and before.is_lower and before.pos_ == "NOUN" and before.lemma_ in ORG_KIND_WORDS
                and span.root.dep_ not in ("nsubj", "nsubjpass"))


def _members_after(span: "Span") -> bool:
    doc, i = span.doc, span.end
    possessive = i < len(doc) and doc[i].text in ("'s", "’s")
    i += possessive
    after = doc[i] if i < len(doc) else None
    if after is None:
        return False
    if after.is_lower and after.lower_ in MEMBER_NOUNS:
        return after.lower_ not in HEAD_NOUNS or (i + 1 < len(doc) and doc[i + 1].lower_ == "of")
    return False


def affiliated_person(doc, i: int) -> bool:
    """"X's Jo Roe": a given name and a capitalised surname right after a possessive name are a
    person of the party, the team or the firm it names."""
    return bool(i + 1 < len(doc) and i > 0 and doc[i - 1].text in ("'s", "’s") and is_first_name(doc[i].text)
                and doc[i + 1].text[:1].isupper() and doc[i + 1].is_alpha and doc[i].pos_ == doc[i + 1].pos_ == "PROPN")


def _member_before(span: "Span") -> bool:
    """'a candidate for X', 'a member of X': the party or the body someone stands for or belongs to."""
    root = span.root
    prep = root.head if root.dep_ == "pobj" else None
    return bool(prep is not None and prep.lower_ in ("for", "of") and prep.i == span.start - 1
                and prep.head.lemma_ in MEMBER_BEFORE and prep.head.is_lower)


def _signed_from(span: "Span") -> bool:
    """'signed from X in the summer', 'on loan from X': the club a player came from, even one named
    after its town."""
    root = span.root
    prep = root.head if root.dep_ == "pobj" else None
    return bool(prep is not None and prep.lower_ == "from" and prep.i == span.start - 1
                and prep.head.lemma_ in SIGNING_VERBS)


def _published_in(span: "Span") -> bool:
    """'a study published Monday in X', 'Writing in the X, she said': the journal or paper it appeared in."""
    root = span.root
    prep = root.head if root.dep_ == "pobj" else None
    return bool(prep is not None and prep.lower_ == "in" and prep.head.lemma_ in PUBLISHING_VERBS)


def place_of(span: "Span", place_nouns: frozenset[str]) -> bool:
    """'the town of X', 'the village of X': a lowercase noun for a kind of place, then 'of' and the name."""
    root = span.root
    of = root.head if root.dep_ == "pobj" else None
    return bool(of is not None and of.lower_ == "of" and of.i == span.start - 1 and of.head.is_lower
                and of.head.lemma_ in place_nouns and of.head.i == of.i - 1)


def aged(span: "Span") -> bool:
    """'Jo Roe, 19, joined in spring': a name with an age between commas is a person's."""
    doc, i = span.doc, span.end
    return bool(i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].like_num and doc[i + 1].text.isdigit()
                and 0 < int(doc[i + 1].text) < 120 and doc[i + 2].text in (",", ";", ")"))


def described_place_after(span: "Span", place_nouns: frozenset[str]) -> bool:
    """'the Arnby industrial estate', 'the Arnby and Tolsey local government areas': a name before
    lowercase words that describe a kind of place, ending in a noun for it, names that place (one
    word right after it is read by `mentions`): an adjective first, then at most two words."""
    doc, i = span.doc, span.end
    if i >= len(doc) or doc[i].pos_ != "ADJ":
        return False
    last = min(len(doc), i + 3)
    while i < last and doc[i].is_lower and doc[i].pos_ in ("ADJ", "NOUN"):
        if doc[i].pos_ == "NOUN" and doc[i].lemma_ in place_nouns:
            return True
        i += 1
    return False
