"""Titles printed around a person's name that the model ran into a span: they are no part of it.

'Clockmaker Edda Lind' (an occupation before the given name), 'Arnby East MP Hon. | Jo Roe' (the
person's titles ending a place's span).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from app.nlp import lexicon
from app.nlp.entities.surroundings import ORG_KIND_WORDS
from app.nlp.names import TITLE_WORDS, fold, is_first_name

if TYPE_CHECKING:
    from spacy.tokens import Token

HONORIFICS = lexicon.words("person_words", "honorific")
PLACE_OFFICES = lexicon.words("person_words", "place")
SEAT_TITLES = lexicon.words("person_words", "seat")


def occupation_before_name(tokens: list["Token"]) -> bool:
    """A capitalised word that is no given name or title, before a given name, opening a sentence."""
    first, second = tokens[0], tokens[1]
    if fold(tokens[-1].text) in ORG_KIND_WORDS:
        return False  # 'Lok Sewa Party': an organisation the model called a person
    return (first.is_alpha and first.text[:1].isupper() and fold(first.text) not in TITLE_WORDS
            and not is_first_name(first.text) and second.text[:1].isupper() and second.is_alpha
            and is_first_name(second.text) and second.nbor().text not in ("-", "‐"))  # not 'Abdul al-Rahim


def honorific(token) -> bool:
    """'Mr', 'Dr', 'Hon.': a courtesy title, printed as one."""
    return token.text[:1].isupper() and token.lower_.rstrip(".") in HONORIFICS


def without_trailing_titles(tokens: list) -> tuple[list, bool]:
    """'Arnby East MP Hon | Jo Roe': a span the model ended with a courtesy title before a person's
    name holds the person's titles, not theirs; what stays before a title of a place's office
    ('Arnby East' before 'MP', 'Mayor') is that place. True when such a title was cut."""
    if len(tokens) < 2 or not honorific(tokens[-1]):
        return tokens, False
    doc = tokens[0].doc
    i = tokens[-1].i + 1
    while i < len(doc) and doc[i].text == ".":
        i += 1
    if i >= len(doc) or not (doc[i].text[:1].isupper() and doc[i].is_alpha):
        return tokens, False
    tokens = tokens[:-1]
    office = False
    while len(tokens) > 1 and tokens[-1].text[:1].isupper() and tokens[-1].lower_ in PLACE_OFFICES | SEAT_TITLES:
        tokens, office = tokens[:-1], True
    return tokens, office
