"""The model's entity spans, cleaned to the name itself, with the evidence around them.

A `RawMention` is one name as printed, with global offsets, the model's label
and what the words around it say (a place after 'in', a person before a verb
of saying, an appositive 'the shipping group'). Later stages merge and type
them; this one only reads one span at a time.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.nlp import lexicon
from app.nlp.entities.evidence import affiliated_person, aged, organisation_evidence, place_of
from app.nlp.names import OCCUPATION_WORDS, SURNAME_PARTICLES, TITLE_WORDS, fold, is_first_name, strip_possessive

if TYPE_CHECKING:
    from spacy.tokens import Span

    from app.nlp.structure import Block

VALUE_TYPES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
PLACE_PREPOSITIONS = lexicon.words("place_prepositions")
ORG_KIND_WORDS = lexicon.words("organisation_words", "kind")
ORG_SUFFIX_WORDS = lexicon.words("organisation_words", "suffix")
ORG_NAMED_WORDS = lexicon.words("organisation_words", "named")
OFFICE_WORDS = lexicon.words("organisation_words", "office")
PLACE_NOUNS = lexicon.words("place_nouns")
PLACE_NAMED_NOUNS = lexicon.words("place_nouns", "named")
PERSON_NOUNS = lexicon.words("person_words", "person")
KIN_WORDS = lexicon.words("person_words", "kin")
POSTNOMINALS = lexicon.words("person_words", "postnominal")
SPEECH_VERBS = lexicon.words("speech_verbs")
PERSON_AGENT_VERBS = lexicon.words("person_agent_verbs")
COMPANY_NOUNS = lexicon.words("company_nouns")
POSTED_WORDS = lexicon.words("posted_words")
WORK_NOUNS = lexicon.words("work_nouns")
PUBLICATION_NOUNS = lexicon.words("work_nouns", "publication")
THING_NOUNS = {word: next(t for t in tags if t.isupper()) for word, tags in lexicon.tags("thing_nouns").items()}
DEMONYM_NOUNS = lexicon.words("demonym_nouns")
# 'Jo Roe, her sister', 'Another neighbour, Jo': a relative's or an occupation's noun says person too
APPOSITIVE_PERSON_NOUNS = PERSON_NOUNS | OCCUPATION_WORDS | lexicon.words("person_words", "male") \
    | lexicon.words("person_words", "female")
EDGE = "\"'“”‘’«»()[]{},.;:!?-–—…*"
_ABBREVIATION_END = re.compile(r"(?:^|[.\s])[A-Z]\.$")
_DESIGNATION = re.compile(r"[A-Z][a-z]+ (?:[A-Z]|\d{1,2})")


@dataclass
class RawMention:
    """A cleaned model mention with the evidence merging needs."""

    text: str
    start: int
    end: int
    label: str
    in_body: bool
    place_context: bool = False
    person_context: bool = False
    located: bool = False  # object of 'in', 'at', 'near': where something is
    described_as: str | None = None  # label implied by an appositive: 'X, the shipping group'
    listed_with: frozenset[str] = frozenset()  # labels of names coordinated with it: 'Leeds and Bury'
    weak: bool = False  # a label guessed for a piece of a span the model ran together
    lone: bool = False  # an acronym the model left untagged, used once, with nothing to say what it is
    quoted_title: bool = False  # the words of a title the article prints in quotation marks
    work_named: bool = False  # right after a noun for a work: 'her album Marigolds', 'the film Sirens'
    personal_role: bool = False  # a role only a person fills: 'founded by X', 'X of Acme Partners'
    situated: bool = False  # where a thing or a person is: 'a school in X', 'born near X'
    on_platform: bool = False  # where things are posted: 'posted a video on X', 'messages on X'
    company_context: bool = False  # what only a company has: 'X shares', 'X boss Jo Roe', 'X's customers'
    kind_named: bool = False  # before a lowercase noun for the organisation it names: 'the X label', 'X magazine'
    place_named: bool = False  # before a lowercase noun for the place it names: 'the X town', 'X village'
    organisation_evidence: str | None = None  # 'the security firm X', 'X employees', 'published in X' (evidence.py)


def _occupation_before_name(tokens: list["Token"]) -> bool:
    """A capitalised word that is no given name or title, before a given name, opening a sentence."""
    first, second = tokens[0], tokens[1]
    if fold(tokens[-1].text) in ORG_KIND_WORDS:
        return False  # 'Lok Sewa Party': an organisation the model called a person
    return (first.is_alpha and first.text[:1].isupper() and fold(first.text) not in TITLE_WORDS
            and not is_first_name(first.text) and second.text[:1].isupper() and second.is_alpha
            and is_first_name(second.text) and second.nbor().text not in ("-", "‐"))  # not 'Abdul al-Rahim


def clean_span(span: "Span", block: "Block") -> RawMention | None:
    """Trim a model span to the name itself, keeping exact global offsets."""
    tokens = list(span)
    while tokens and tokens[0].lower_ in ("the", "a", "an") and span.label_ != "WORK_OF_ART":
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].text in ("'s", "’s", "'", "’") or (
            span.label_ not in VALUE_TYPES and len(tokens) > 1 and not any(c.isalpha() for c in tokens[-1].text))
            or tokens[-1].lower_ in ("and", "or")):
        tokens = tokens[:-1]  # possessives, edge punctuation, a score run into a name: 'Leeds United 2-1', 'Acme and'
    while span.label_ == "PERSON" and len(tokens) > 2 and tokens[-1].lower_.replace(".", "") in POSTNOMINALS:
        tokens = tokens[:-1]  # 'Jo Roe KC': the letters after a name are no part of it
        while len(tokens) > 2 and tokens[-1].is_punct:
            tokens = tokens[:-1]
    if span.label_ == "PERSON" and len(tokens) > 2 and tokens[0].is_sent_start and _occupation_before_name(tokens):
        tokens = tokens[1:]  # 'Clockmaker Edda Lind, 68, ...': the name begins at the given name

    if not tokens:
        return None
    if span.label_ == "ORG" and block.kind == "paragraph":  # headlines are all capitalised
        tokens = _extend_over_office(_extend_organisation(span, tokens))
    if span.label_ not in VALUE_TYPES:
        tokens = _extend_over_possessive_office(tokens)
    start = block.start + tokens[0].idx
    end = block.start + tokens[-1].idx + len(tokens[-1].text)
    text = block.text[start - block.start:end - block.start]
    trimmed = strip_possessive(text).strip(EDGE)
    if _ABBREVIATION_END.search(text):
        trimmed += "."  # 'U.S.' keeps its last dot
    if not any(c.isalnum() for c in trimmed):
        return None
    offset = text.find(trimmed)
    start += offset
    end = start + len(trimmed)
    label = span.label_
    if label not in VALUE_TYPES and not starts_like_a_name(trimmed):
        return None  # "n’t" tagged as a place
    if label not in VALUE_TYPES and _has_lowercase_verb(tokens):
        return None  # "Maude recalls Brigitte": the model ran names and a verb together
    if label not in VALUE_TYPES and all(w.lower().strip(".") in TITLE_WORDS for w in trimmed.replace("-", " ").split()):
        return None  # 'we thanked Coach', 'the Vice President said': a title standing alone names nobody
    if label == "PERSON" and " " in trimmed and fold(trimmed.split()[-1]) in TITLE_WORDS:
        return None  # 'One Green MP said': a description of someone unnamed
    if label == "PERSON" and trimmed.lower() in KIN_WORDS:
        return None  # "Mum, you've burnt the toast...": a relative called by what they are
    if label not in VALUE_TYPES and _DESIGNATION.fullmatch(trimmed):
        return None  # 'Group G', 'Division B': a designation, not a name
    if label == "PERSON":
        start = _extend_left(span, block, start)
    elif label not in VALUE_TYPES and " " not in trimmed and (extended := _extend_left(span, block, start)) < start:
        # 'Detective Sergeant Farid | Lokhane' (tagged a place), 'Van der | Meulen' (an organisation): a person
        start, label = extended, "PERSON"
    raw = RawMention(block.text[start - block.start:end - block.start], start, end, label,
                     in_body=block.kind == "paragraph")
    raw.place_context, raw.person_context = _contexts(span)
    raw.personal_role = _personal_role(span)
    raw.company_context = _company_context(span)
    raw.organisation_evidence = organisation_evidence(span)
    after = span.doc[span.end] if span.end < len(span.doc) else None
    named = after.lower_ if after is not None and after.is_lower and after.pos_ == "NOUN" else ""
    raw.kind_named, raw.place_named = named in ORG_NAMED_WORDS, named in PLACE_NAMED_NOUNS and label != "NORP"
    raw.place_named |= place_of(span, PLACE_NAMED_NOUNS)
    prep = span.root.head if span.root.dep_ == "pobj" else None
    raw.on_platform = bool(prep is not None and prep.lower_ in ("on", "to") and (
        prep.head.lemma_ in POSTED_WORDS and prep.head.pos_ in ("VERB", "NOUN")
        or any(c.dep_ == "dobj" and c.lemma_ in POSTED_WORDS for c in prep.head.children)))
    raw.located = span.root.dep_ == "pobj" and span.root.head.lower_ in ("in", "at", "near") \
        and span.root.head.head.pos_ != "NUM"  # 'one in three X' is a share, not a place
    raw.situated = raw.located and span.root.head.lower_ != "at" and (
        span.root.head.lower_ == "near" or span.root.head.head.pos_ == "NOUN")
    raw.described_as = _appositive_label(span) or ("PERSON" if aged(span) else None)
    before = span.doc[span.start - 1] if span.start > 0 else None
    raw.work_named = bool(before is not None and before.is_lower and before.lower_ in WORK_NOUNS
                          and before.lower_ not in PUBLICATION_NOUNS)
    raw.listed_with = frozenset(t.ent_type_ for t in span.root.conjuncts if t.ent_type_ and not span.start <= t.i < span.end)
    return raw


def _appositive_label(span: "Span") -> str | None:
    """What an appositive noun says the name is: 'Jo Bloggs, a shop steward' is a person."""
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    for noun in nouns:
        phrase = []
        for token in noun.subtree:  # 'a shop steward at the plant' -> a, shop, steward
            if token.pos_ == "ADP" or token.i > noun.i + 2:
                break
            phrase.append(token.lemma_.lower())
        for lemma in reversed(phrase):
            for words, label in ((APPOSITIVE_PERSON_NOUNS, "PERSON"), (ORG_KIND_WORDS, "ORG"), (PLACE_NOUNS, "GPE")):
                if lemma in words:
                    return label
    return None


def _extend_organisation(span: "Span", tokens: list) -> list:
    """'the Bus, Ferry and Tram union': the model tags only 'Tram'.

    Extend left over a capitalised list joined by commas and 'and', and right over
    a lowercase organisation word such as 'union' or 'party'.
    """
    doc = span.doc
    i = tokens[0].i
    joined = False
    while i > 0 and tokens[0].i - i < 6:
        prev = doc[i - 1]
        if prev.ent_type_ or prev.is_sent_start:
            break
        if prev.text in (",", "&") or prev.lower_ == "and":
            joined = True
        elif not (prev.text[:1].isupper() and prev.is_alpha and prev.lower_ not in ("the", "a", "an")):
            break
        i -= 1
    while i < tokens[0].i and not doc[i].text[:1].isupper():
        i += 1
    if joined and i < tokens[0].i:
        tokens = list(doc[i:tokens[-1].i + 1])
    after = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
    if after is not None and after.is_lower and after.lemma_ in ORG_SUFFIX_WORDS and after.pos_ == "NOUN":
        tokens = [*tokens, after]
    return tokens


def _extend_over_office(tokens: list) -> list:
    """'the Arnish Union High Commissioner for Fisheries', 'the League Special Envoy on Water',
    'the Standing Council | for the Protection of Farmers': an organisation or its office, named by a
    title or a kind and what it is for, is one organisation; the model may stop before 'for'."""
    doc = tokens[0].doc
    i = tokens[-1].i + 1
    titled = tokens[-1].lower_ in ORG_KIND_WORDS and tokens[-1].text[:1].isupper()  # 'Standing Council | for ...'
    while i < len(doc) and i - tokens[-1].i <= 3 and _untagged_capital(doc[i]):
        titled |= doc[i].lower_ in TITLE_WORDS
        i += 1
    if not titled or i >= len(doc) or doc[i].lower_ not in ("for", "on", "of"):
        return tokens
    end = None
    j = i + 1
    while j < len(doc) and j - i <= 7:
        if _untagged_capital(doc[j]):
            end = j
        elif not (doc[j].lower_ in ("the", "and", "of") and end is not None or doc[j].lower_ == "the" and j == i + 1):
            break
        j += 1
    return list(doc[tokens[0].i:end + 1]) if end is not None else tokens


def _untagged_capital(token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and not token.ent_type_


def _extend_over_possessive_office(tokens: list) -> list:
    """'the Arnby County Sheriff’s Office', 'the Coroner's office': an office named by its holder's
    title; the model stops at the possessive."""
    doc = tokens[0].doc
    i = tokens[-1].i
    if i + 2 >= len(doc) or doc[i + 1].text not in ("'s", "’s") or doc[i + 2].lower_ not in OFFICE_WORDS:
        return tokens
    if not (doc[i + 2].text[:1].isupper() or tokens[-1].lower_ in TITLE_WORDS):
        return tokens  # 'Acme's office' is a room; 'the Sheriff's office' an institution
    return [*tokens, doc[i + 1], doc[i + 2]]


def demonym_noun(text: str) -> str | None:
    """'Scots' -> 'scot', 'Welshmen' -> 'welsh': the stem of a noun for someone of a nation or faith."""
    word = text.lower()
    for form in (word, word[:-1] if word.endswith("s") else "", word[:-3] + "man" if word.endswith("men") else ""):
        if form in DEMONYM_NOUNS:
            return re.sub(r"(?:s?man|s?woman)$", "", form) or form
    return None


def starts_like_a_name(text: str) -> bool:
    """A capital first, or a surname particle before one ('al-Rashidi', 'de la Cruz'), or a number."""
    first = next((c for c in text if c.isalpha()), "")
    if first.islower():
        m = re.match(r"([a-z]+)[-‐ ]+(?:[a-z]+ )?([A-Z])", text)
        return bool(m) and m.group(1) in SURNAME_PARTICLES
    return first.isupper() or (not first and any(c.isdigit() for c in text))


def _has_lowercase_verb(tokens) -> bool:
    return any(t.pos_ in ("VERB", "AUX") and t.text.islower() for t in tokens)


def _extend_left(span: "Span", block: "Block", start: int) -> int:
    """Include what the model left out before a person's name: a given name ('the Tenants Council
    Orhan Belcastro') and capitalised titles ('Deputy Mayor Ana Varela')."""
    doc = span.doc
    i = span.start
    if start != block.start + span[0].idx:
        return start  # the span was trimmed: its first token is not the name's

    def is_title(token) -> bool:
        return (token.text[:1].isupper() and token.lower_.strip(".") in TITLE_WORDS
                and token.lower_ != "the" and token.ent_type_ in ("", "PERSON"))

    while i > 0 and doc[i - 1].lower_ in SURNAME_PARTICLES and not doc[i - 1].ent_type_:
        i -= 1  # 'Van der | Meulen said': the particles the model left out of the surname
    before = doc[i - 1] if i > 0 else None
    if before is not None and not before.ent_type_ and before.pos_ == "PROPN" and before.text.istitle() \
            and is_first_name(before.text) and not is_title(before):
        i -= 1
    while i > 0 and (is_title(doc[i - 1]) or (
            i > 1 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and is_title(doc[i - 2]))):
        i -= 1
    return block.start + doc[i].idx if i < span.start else start


def _personal_role(span: "Span") -> bool:
    """'founded by X', 'saved by X': the agent of a verb only people do; 'X of Acme Partners': a person
    and the organisation they work for. Stronger than a verb of saying, which companies use too."""
    head = span.root
    if head.dep_ == "pobj" and head.head.dep_ == "agent" and head.head.head.lemma_ in PERSON_AGENT_VERBS:
        return True
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    employer = doc[after.i + 1] if after is not None and after.lower_ == "of" and after.i + 1 < len(doc) else None
    return bool(employer is not None and employer.text[:1].isupper() and (
        employer.ent_type_ == "ORG" and employer.ent_iob_ == "B" or not employer.ent_type_ and employer.pos_ == "PROPN"))


def _company_context(span: "Span") -> bool:
    """'Acme shares fell', 'Acme boss Jo Roe', 'Acme's largest customers', 'shares of Acme': the name
    modifies or owns a noun for what only a company has."""
    doc, head = span.doc, span.root
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.is_lower and after.lower_ in COMPANY_NOUNS:
        return True
    if head.dep_ in ("poss", "compound") and head.head.is_lower and head.head.lower_ in COMPANY_NOUNS:
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in COMPANY_NOUNS


def _place_compound(span: "Span") -> bool:
    """'the Arnby-based company', 'an Arnby, Velmoria-based firm', 'the Arnby-born singer': a place,
    whatever verb the company it describes governs."""
    doc, i = span.doc, span.end
    if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].text[:1].isupper():
        i += 2  # 'Arnby, Velmoria-based'
        while i < len(doc) and doc[i].text[:1].isupper() and doc[i].is_alpha:
            i += 1
    return i + 1 < len(doc) and doc[i].text == "-" and doc[i + 1].lower_ in ("based", "born", "headquartered")


def _contexts(span: "Span") -> tuple[bool, bool]:
    """(reads like a place, reads like a person) from the words around the span."""
    doc = span.doc
    head = span.root
    place = (head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPOSITIONS) or (
        head.dep_ == "dobj" and head.head.lemma_ in ("visit", "leave", "enter", "invade"))
    for sibling in head.conjuncts:
        if sibling.ent_type_ in ("GPE", "LOC"):
            place = True
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if _place_compound(span):
        return True, False
    person = bool(before is not None and before.lower_.strip(".") in TITLE_WORDS and before.text[:1].isupper())
    # 'cinematographer Bartosz Kempa', 'novelist Ana Varela': a lowercase role noun before the name
    person |= bool(before is not None and before.is_lower and (
        before.lower_ in OCCUPATION_WORDS or before.lower_.endswith(("grapher", "ist", "ian"))
        or (before.pos_ == "NOUN" and before.lower_.endswith(("er", "or")))))
    owner = bool(after is not None and after.text in ("'s", "’s")) or span[-1].text in ("'s", "’s")
    person |= owner and (span.label_ in ("GPE", "LOC")  # "Acme's Jo Roe": Acme is no person
                         or not affiliated_person(doc, span.end + (span[-1].text not in ("'s", "’s"))))
    person |= head.dep_ in ("nsubj",) and head.head.lemma_ in SPEECH_VERBS
    person |= affiliated_person(doc, span.start)  # "Acme's Jo Roe"
    # 'Dorian Quell of Brindle Capital': a person and the organisation they work for
    person |= bool(after is not None and after.lower_ in ("of", "at") and after.i + 1 < len(doc)
                   and (doc[after.i + 1].ent_type_ == "ORG" or doc[after.i + 1].pos_ == "PROPN"))
    return place, person
