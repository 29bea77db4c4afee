"""The model's entity spans, cleaned to the name itself, with the evidence around them.

A `RawMention` is one name as printed, with global offsets, the model's label
and what the words around it say (a place after 'in', a person before a verb
of saying, an appositive 'the shipping group': read by `context.py`). Later
stages merge and type them; this one only reads one span at a time.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.nlp import lexicon
from app.nlp.entities.evidence import aged, described_place_after, organisation_evidence, place_of
from app.nlp.entities.surroundings import (ORG_KIND_WORDS, PLACE_NOUNS, SPEECH_VERBS, VALUE_TYPES, appositive_label, on_platform, situated,
                                      company_context, contexts, counted, listed_words, personal_role,
                                      pronoun_follows)
from app.nlp.entities.titles import honorific, occupation_before_name, without_trailing_titles
from app.nlp.names import SURNAME_PARTICLES, TITLE_WORDS, fold, is_first_name, is_particles, name_tokens, strip_possessive

if TYPE_CHECKING:
    from spacy.tokens import Span

    from app.nlp.structure import Block

ORG_SUFFIX_WORDS = lexicon.words("organisation_words", "suffix")
ORG_NAMED_WORDS = lexicon.words("organisation_words", "named")
OFFICE_WORDS = lexicon.words("organisation_words", "office")
PLACE_NAMED_NOUNS = lexicon.words("place_nouns", "named")
KIN_WORDS = lexicon.words("person_words", "kin")
POSTNOMINALS = lexicon.words("person_words", "postnominal")
WORK_NOUNS = lexicon.words("work_nouns")
PUBLICATION_NOUNS = lexicon.words("work_nouns", "publication")
THING_NOUNS = {word: next(t for t in tags if t.isupper()) for word, tags in lexicon.tags("thing_nouns").items()}
DEMONYM_NOUNS = lexicon.words("demonym_nouns")
AWARD_CATEGORY_OPENERS = lexicon.words("award_categories")
AWARD_WORDS = lexicon.words("award_words")
NAME_PREFIXES = lexicon.words("name_prefixes")
EDGE = "\"'“”‘’«»()[]{},.;:!?-–—…*"
_ABBREVIATION_END = re.compile(r"(?:^|[.\s])[A-Z]\.$")
# Capitals standing for a name: 'NRK', 'ARB'.
ACRONYM = re.compile(r"^[A-Z]{2,5}$")
_INITIALS_WORD = re.compile(r"^(?:[A-Z]\.){1,3}$")
_NOT_A_NAME_TAGS = frozenset({"JJ", "JJR", "JJS", "RB", "RBR", "RBS"})
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
    building_named: bool = False  # before a lowercase noun for a building or property: 'the X estate'
    capital_the: bool = False  # after a capitalised 'The' inside a sentence: 'told The Mercury', a title
    after_plural: bool = False  # right after a plural noun: 'the schools X and Y' may be two names
    speaks: bool = False  # the subject of a verb of saying: 'X said', 'X asked'
    authored: bool = False  # who made a thing: 'a song by X', 'the new novel by X'
    counted: bool = False  # under 'a' or 'an': 'a bulletproof X', 'an X': one of many things so called
    published_in: bool = False  # 'the study was published in X': a journal
    pronoun_person: bool = False  # a subject a later 'he' or 'she' of its sentence takes up: 'X won, but she left'
    organisation_evidence: str | None = None  # 'the security firm X', 'X employees', 'published in X' (evidence.py)


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
    if span.label_ == "PERSON" and len(tokens) > 2 and tokens[0].is_sent_start and occupation_before_name(tokens):
        tokens = tokens[1:]  # 'Clockmaker Edda Lind, 68, ...': the name begins at the given name

    tokens, office_of_place = without_trailing_titles(tokens)
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
    if _ABBREVIATION_END.search(text) and len(trimmed) > 1:
        trimmed += "."  # 'U.S.' keeps its last dot; 'on X.' ends a sentence
    trimmed = _without_prefix(trimmed)
    if not any(c.isalnum() for c in trimmed) or trimmed.startswith("@"):
        return None  # '@AcmeNews': an account's handle names no one
    offset = text.find(trimmed)
    start += offset
    end = start + len(trimmed)
    label = "GPE" if office_of_place else span.label_
    if label not in VALUE_TYPES and len(tokens) > 1 and honorific(tokens[0]):
        label = "PERSON"  # 'Hon Jo Roe' tagged an organisation: a courtesy title stands only before a person
    if label not in VALUE_TYPES and not starts_like_a_name(trimmed):
        return None  # "n’t" tagged as a place
    if label not in VALUE_TYPES and _has_lowercase_verb(tokens):
        return None  # "Maude recalls Brigitte": the model ran names and a verb together
    if label in ("PERSON", "ORG") and len(tokens) == 1 and (tokens[0].tag_ in _NOT_A_NAME_TAGS or (
            tokens[0].tag_ == "NNS" and tokens[0].is_title and not demonym_noun(tokens[0].text))):
        return None  # 'Lunar dust was found', 'she is TRULY fast': a word the tagger reads as no name
    if label not in VALUE_TYPES and all(w.lower().strip(".") in TITLE_WORDS for w in trimmed.replace("-", " ").split()):
        return None  # 'we thanked Coach', 'the Vice President said': a title standing alone names nobody
    if label == "PERSON" and " " in trimmed and fold(trimmed.split()[-1]) in TITLE_WORDS \
            and not (_INITIALS_WORD.match(trimmed.split()[0]) or is_first_name(trimmed.split()[0])):
        return None  # 'One Green MP said': a description of someone unnamed (but 'Carole King', 'B.B. King')
    if label == "PERSON" and trimmed.lower() in KIN_WORDS:
        return None  # "Mum, you've burnt the toast...": a relative called by what they are
    if label not in VALUE_TYPES and award_category(tokens[0], tokens[-1]):
        return None  # 'won Best Debut Novel': the category of an award names no one
    if label not in VALUE_TYPES and _DESIGNATION.fullmatch(trimmed):
        return None  # 'Group G', 'Division B': a designation, not a name
    if label == "PERSON":
        start = _extend_left(span, block, start)
    elif label not in VALUE_TYPES and " " not in trimmed and (extended := _extend_left(span, block, start)) < start:
        # 'Detective Sergeant Farid | Lokhane' (tagged a place), 'Van der | Meulen' (an organisation): a person
        start, label = extended, "PERSON"
    raw = RawMention(block.text[start - block.start:end - block.start], start, end, label,
                     in_body=block.kind == "paragraph")
    raw.place_context, raw.person_context = contexts(span)
    raw.personal_role = personal_role(span)
    raw.speaks = span.root.dep_ == "nsubj" and span.root.head.lemma_ in SPEECH_VERBS
    raw.pronoun_person = pronoun_follows(span)
    by = span.root.head if span.root.dep_ == "pobj" else None
    raw.published_in = bool(by is not None and by.lower_ == "in" and by.head.lemma_ == "publish")
    raw.counted = counted(span)
    raw.authored = bool(by is not None and by.lower_ == "by" and by.head.pos_ in ("NOUN", "PROPN"))
    raw.company_context = company_context(span)
    raw.organisation_evidence = organisation_evidence(span)
    after = span.doc[span.end] if span.end < len(span.doc) else None
    named = after.lower_ if after is not None and after.is_lower and after.pos_ == "NOUN" else ""
    raw.kind_named, raw.place_named = named in ORG_NAMED_WORDS, named in PLACE_NAMED_NOUNS and label != "NORP"
    raw.building_named = THING_NOUNS.get(named) == "FAC" and label != "NORP"  # not the Scottish prison
    raw.place_named |= place_of(span, PLACE_NAMED_NOUNS) or (
        label != "NORP" and described_place_after(span, PLACE_NAMED_NOUNS))
    prep = span.root.head if span.root.dep_ == "pobj" else None
    raw.on_platform = on_platform(span)
    raw.located = span.root.dep_ == "pobj" and span.root.head.lower_ in ("in", "at", "near") \
        and span.root.head.head.pos_ != "NUM"  # 'one in three X' is a share, not a place
    raw.situated = situated(span, raw.located)
    raw.described_as = appositive_label(span) or ("PERSON" if aged(span) else None)
    before = span.doc[span.start - 1] if span.start > 0 else None
    the = span.doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    raw.capital_the = bool(the is not None and the.text == "The" and not the.is_sent_start)
    raw.after_plural = bool(before is not None and before.is_lower and before.tag_ == "NNS")
    raw.work_named = bool(before is not None and before.is_lower and before.lower_ in WORK_NOUNS
                          and before.lower_ not in PUBLICATION_NOUNS)
    listed = [*span.root.conjuncts, *(span.doc[i] for i in (listed_words(span.doc, span.start) if len(span) == 1 else ()))]
    raw.listed_with = frozenset(t.ent_type_ for t in listed if t.ent_type_ and not span.start <= t.i < span.end)
    return raw


def _without_prefix(text: str) -> str:
    """'Ex-Acme boss', 'anti-Velmoria': a prefix joined by a hyphen is no part of the name after it."""
    head, hyphen, rest = text.partition("-")
    return rest if hyphen and head.lower() in NAME_PREFIXES and rest[:1].isupper() else text


def award_category(first, last=None) -> bool:
    """'won Best Debut Novel', 'nominated in Best Stage Design', 'named Baker of the Year': a capitalised
    superlative opening a run of capitalised words, or a name ending in 'of the Year', near a word
    of awards, is an award's category ('Best Buy shares' is not)."""
    doc = first.doc
    following = doc[first.i + 1] if first.i + 1 < len(doc) else None
    opened = bool(first.lower_ in AWARD_CATEGORY_OPENERS and first.text[:1].isupper() and following is not None
                  and following.is_alpha and following.text[:1].isupper())
    of_the_year = bool(last is not None and last.i >= 2 and last.text == "Year"
                       and [t.lower_ for t in doc[last.i - 2:last.i]] == ["of", "the"])
    if not (opened or of_the_year):
        return False
    near = doc[max(0, first.i - 60):first.i]
    return any(t.lower_ in AWARD_WORDS or t.lemma_ in AWARD_WORDS for t in near)


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
        if prev.ent_type_ in ("GPE", "LOC") and doc[i].text == ",":
            joined = False  # 'in Arnby, Tolsey and Quillan': the list goes on a list of places
            break
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
    tokens = _extend_over_served_places(_extend_over_untagged_words(tokens))
    first = tokens[0].i
    if first > 1 and _ORDINAL_LEAD.match(doc[first - 1].text + " A") and doc[first - 2].lower_ == "the" \
            and any(t.lower_ in ORG_KIND_WORDS for t in tokens):
        tokens = [doc[first - 1], *tokens]  # 'the 5th | District Court of Appeal': a numbered organisation
    after = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
    if after is not None and after.is_lower and after.lemma_ in ORG_SUFFIX_WORDS and after.pos_ == "NOUN":
        tokens = [*tokens, after]
    return tokens


def _extend_over_untagged_words(tokens: list) -> list:
    """'told Arnia Radio | Westvale:', 'the Brell Institute | Tamsworth': one or two capitalised
    words the model left untagged right after an organisation's name end it (titles aside:
    'Acme Chief Executive Jo Roe')."""
    doc = tokens[0].doc
    i = tokens[-1].i + 1
    while i < len(doc) and i - tokens[-1].i <= 2 and untagged_capital(doc[i]) and doc[i].pos_ == "PROPN" \
            and doc[i].lower_ not in TITLE_WORDS and not doc[i].is_sent_start and len(doc[i].text) > 1:
        i += 1
    if i == tokens[-1].i + 1 or i < len(doc) and (doc[i].text[:1].isupper() or doc[i].text in ("-", "–")):
        return tokens
    return list(doc[tokens[0].i:i])


def _extend_over_served_places(tokens: list) -> list:
    """'the Dental Guild | of Arnia and Velmoria', 'the Humane Society of Arnia | and Velmoria': an
    organisation named with the places it serves; the model stops before 'of' or after the first
    place. Only a definite name ('the ...'), and only places the model tagged as such, joined by
    commas and 'and'."""
    doc = tokens[0].doc
    if len(tokens) > 2 and tokens[-1].lower_ == "of":
        tokens = tokens[:-1]  # 'the Dental Guild of | Arnia': the model stopped after 'of'
    before = doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    if not (tokens[0].lower_ == "the" or before is not None and before.lower_ == "the") \
            or len(tokens) < 2 or tokens[-1].text.isupper():
        return tokens  # 'the TSIB of Arnia': an acronym is a whole name, the place says whose
    i = tokens[-1].i + 1
    served = len(tokens) >= 3 and tokens[-2].lower_ == "of" and tokens[-1].text[:1].isupper()
    if served and i + 1 < len(doc) and doc[i].lower_ == "and" and doc[i + 1].ent_type_ == "GPE":
        i -= 1  # 'the Humane Society of Arnia | and Velmoria'
    elif i + 1 >= len(doc) or doc[i].lower_ != "of" or doc[i + 1].ent_type_ != "GPE" or doc[i + 1].ent_iob_ != "B":
        return tokens
    end = i
    j = i + 1
    while j < len(doc):
        if doc[j].ent_type_ == "GPE" and (doc[j].ent_iob_ == "I" or doc[j - 1].lower_ in ("of", ",", "and")):
            end = j
        elif not (doc[j].text == "," or doc[j].lower_ == "and") or j + 1 >= len(doc) \
                or doc[j + 1].ent_type_ != "GPE":
            break
        j += 1
    nxt = doc[end + 1] if end + 1 < len(doc) else None
    if end == tokens[-1].i or nxt is not None and (nxt.text[:1].isupper() or nxt.text in ("-", "–", "'s", "’s")):
        return tokens  # 'of Arnia Valley Farms': the place begins another name
    return list(doc[tokens[0].i:end + 1])


def _extend_over_office(tokens: list) -> list:
    """'the Arnish Union High Commissioner for Fisheries', 'the League Special Envoy on Water',
    'the Standing Council | for the Protection of Farmers': an organisation or its office, named by a
    title or a kind and what it is for, is one organisation; the model may stop before 'for'."""
    doc = tokens[0].doc
    i = tokens[-1].i + 1
    titled = tokens[-1].lower_ in ORG_KIND_WORDS and tokens[-1].text[:1].isupper()  # 'Standing Council | for ...'
    while i < len(doc) and i - tokens[-1].i <= 3 and untagged_capital(doc[i]):
        titled |= doc[i].lower_ in TITLE_WORDS
        i += 1
    if not titled or i >= len(doc) or doc[i].lower_ not in ("for", "on", "of"):
        return tokens
    end = None
    j = i + 1
    while j < len(doc) and j - i <= 7:
        if untagged_capital(doc[j]):
            end = j
        elif not (doc[j].lower_ in ("the", "and", "of") and end is not None or doc[j].lower_ == "the" and j == i + 1):
            break
        j += 1
    return list(doc[tokens[0].i:end + 1]) if end is not None else tokens


def untagged_capital(token) -> bool:
    """A capitalised word the model left out of every name."""
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


_ORDINAL_LEAD = re.compile(r"\d{1,3}(?:st|nd|rd|th) [A-Z]")


def starts_like_a_name(text: str) -> bool:
    """A capital first, or a surname particle before one ('al-Rashidi', 'de la Cruz'), or a number,
    or an ordinal before a capital ('2nd Circuit Court of Appeals', '82nd Airborne Division')."""
    first = next((c for c in text if c.isalpha()), "")
    if _ORDINAL_LEAD.match(text):
        return True
    if first.islower():
        m = re.match(r"([a-z]+)[-‐ ]+(?:[a-z]+ )?([A-Z])", text)
        return bool(m) and is_particles(m.group(1))
    return first.isupper() or (not first and any(c.isdigit() for c in text))


def _has_lowercase_verb(tokens) -> bool:
    """A verb inside a span; not a possessive the model read as 'is' ('Radio 4’s')."""
    return any(t.pos_ in ("VERB", "AUX") and t.text.islower() and t.text not in ("'s", "’s") for t in tokens)


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
    # 'Sibusiso van | Wyk': a capitalised word before a lowercase particle is a given name, known or not
    particle_led = doc[i].text.islower() and is_particles(doc[i].lower_)
    before = doc[i - 1] if i > 0 else None
    if before is not None and not before.ent_type_ and before.pos_ == "PROPN" and before.text.istitle() \
            and (is_first_name(before.text) or particle_led) and not is_title(before):
        i -= 1
    while i > 0 and (is_title(doc[i - 1]) or (
            i > 1 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and is_title(doc[i - 2]))):
        i -= 1
    return block.start + doc[i].idx if i < span.start else start


@dataclass
class Group:
    mentions: list[RawMention] = field(default_factory=list)

    def forms(self) -> set[str]:
        """Distinct printed forms: a name repeated a thousand times is compared once."""
        cached = self.__dict__.get("_forms")
        if cached is None or cached[0] != len(self.mentions):
            cached = (len(self.mentions), {m.text for m in self.mentions})
            self.__dict__["_forms"] = cached
        return cached[1]

    @property
    def labels(self) -> Counter:
        return Counter(m.label for m in self.mentions)

    def full_person_names(self) -> list[RawMention]:
        return [m for m in self.mentions if m.label == "PERSON" and len(name_tokens(m.text)) >= 2]
