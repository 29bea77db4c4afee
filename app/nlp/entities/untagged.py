"""Names the model left untagged that the article's own full names vouch for.

'Bruno took it over in 1989' after 'Bruno Lind' is named: the small model often misses a
lone first name or surname opening a sentence, and the pronouns after it then go astray.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from app.nlp.entities.mentions import RawMention
from app.nlp.names import fold, name_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from app.nlp.structure import Structure


def untagged_known_names(structure: "Structure", docs: list["Doc"], raws: list[RawMention]) -> list[RawMention]:
    """'Bruno took it over in 1989' with Bruno Lind named before: a lone capitalised subject the
    model left untagged that is the first name or surname of one full-named person is that person."""
    words: dict[str, set[tuple[str, ...]]] = {}
    for r in raws:
        if r.label == "PERSON" and len(tokens := tuple(name_tokens(r.text))) >= 2:
            for word in (tokens[0], tokens[-1]):
                words.setdefault(word, set()).add(tokens)
    taken = {(r.start, r.end) for r in raws}
    found = []
    for block, doc in zip(structure.blocks, docs):
        if block.kind != "paragraph":
            continue
        for token in doc:
            if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ != "PROPN" or token.ent_type_ \
                    or any(c.dep_ in ("compound", "flat") for c in token.children) or token.head.pos_ == "PROPN":
                continue
            start = block.start + token.idx
            if len(words.get(fold(token.text), ())) == 1 and (start, start + len(token.text)) not in taken:
                found.append(RawMention(token.text, start, start + len(token.text), "PERSON", in_body=True,
                                        person_context=True))
    return sorted(raws + found, key=lambda r: r.start) if found else raws
