"""Capitalised words the model tags that name nothing in the article: steps that drop a mention
by the construction it stands in. Each reads one block's parse and returns the mentions kept."""
from __future__ import annotations

from typing import TYPE_CHECKING

from app.nlp import lexicon
from app.nlp.entities.mentions import ORG_KIND_WORDS, VALUE_TYPES, RawMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from app.nlp.structure import Block

TERM_NOUNS = lexicon.words("term_nouns")


def _last_tokens(doc: "Doc", block: "Block") -> dict[int, "Token"]:
    """The token ending at each global offset: where a mention ends, its last word."""
    return {block.start + t.idx + len(t.text): t for t in doc}


def without_eponymous_terms(doc: "Doc", block: "Block", raws: list[RawMention]) -> list[RawMention]:
    """'the Doppler effect', 'held by Haldorsen forces', 'the Tressimar classification': a name modifying a
    lowercase noun of science, measurement or classification is part of a term, and names no one ('Acme forces rivals
    out' is a verb: the name is its subject, not a modifier)."""
    ends = _last_tokens(doc, block)
    kept = []
    for r in raws:
        last = ends.get(r.end)
        term = doc[last.i + 1] if last is not None and last.i + 1 < len(doc) else None
        if r.label not in VALUE_TYPES and term is not None and term.is_lower and term.lower_ in TERM_NOUNS \
                and last.head.i == term.i and last.dep_ in ("compound", "amod", "nmod"):
            continue
        kept.append(r)
    return kept


PORTFOLIO_TITLES = lexicon.words("person_words", "portfolio")


def without_portfolios(doc: "Doc", block: "Block", raws: list[RawMention]) -> list[RawMention]:
    """'the Minister of Fisheries', 'Undersecretary for Trade Jo Roe': the field a minister answers
    for, printed after the title and 'of' or 'for', is no organisation (an organisation or a place
    after a title stays: 'Minister of the Arnish Trade Council', 'Secretary for Velmoria')."""
    firsts = {block.start + t.idx: t for t in doc}
    kept = []
    for r in raws:
        first = firsts.get(r.start)
        link = doc[first.i - 1] if first is not None and first.i >= 2 else None
        if r.label == "ORG" and link is not None and link.lower_ in ("of", "for") \
                and doc[first.i - 2].text[:1].isupper() and doc[first.i - 2].lower_ in PORTFOLIO_TITLES \
                and not any(w.lower() in ORG_KIND_WORDS for w in r.text.split()):
            continue
        kept.append(r)
    return kept



def without_abstract_nouns(raws: list[RawMention]) -> list[RawMention]:
    """'subject to Xenophobia', 'the rise of Populism': one capitalised word naming a doctrine or a
    fear ('-ism', '-phobia') names no person, organisation or place."""
    return [r for r in raws if not (r.label in ("PERSON", "ORG", "GPE", "LOC") and " " not in r.text
                                    and r.text.lower().endswith(("ism", "phobia")))]
