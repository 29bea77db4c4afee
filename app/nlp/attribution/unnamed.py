"""Someone the article introduces without a name ('a nurse, who would not give her name'), whom a later
'the nurse said' means rather than any named nurse."""
from __future__ import annotations

from typing import TYPE_CHECKING

from app.nlp import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from app.nlp.entities import EntityRegistry
    from app.nlp.marks import Spans
    from app.nlp.structure import Structure

INDEFINITE = lexicon.words("determiners", "indefinite")
# How far back (in tokens) an unnamed "a diplomat" is looked for before "the diplomat".
UNNAMED_REACH = 150


def introduced_unnamed(structure: "Structure", docs: list, registry: "EntityRegistry", quotations: "dict[int, Spans]",
                       k: int, token: "Token") -> bool:
    """'One engineer, who declined to give a name, ... . "...," the engineer said': this paragraph or
    the one before introduced someone by that word with 'a' or 'one' and named nobody since; 'the
    engineer' is that one, not a named engineer of the article."""
    # Back from the description to the last person named, within a few sentences' reach: a
    # paragraph of thousands of words costs no more than a short one.
    here = list(token.doc[max(0, token.i - UNNAMED_REACH):token.i])
    blocks = [(k, here[::-1])]
    if len(here) < UNNAMED_REACH and k > 0 and structure.blocks[k - 1].kind == "paragraph":
        doc = docs[k - 1]
        blocks.append((k - 1, list(doc[max(0, len(doc) - UNNAMED_REACH + len(here)):])[::-1]))
    for j, words in blocks:
        found = _unnamed_among(structure.blocks[j].start, registry, quotations.get(j), words, token)
        if found is not None:
            return found
    return False


def _unnamed_among(base: int, registry: "EntityRegistry", spans: "Spans | None", words: list["Token"],
                   token: "Token") -> bool | None:
    """True at an indefinite 'a nurse' among `words` (read backwards), False at a named person first."""
    for earlier in words:
        if spans is not None and spans.inside(earlier.idx):
            continue
        if registry.mention_at(base + earlier.idx, base + earlier.idx + len(earlier.text), types=("PERSON",)):
            return False  # someone named since: 'the engineer' may be them
        if earlier.lemma_ != token.lemma_ or earlier.pos_ != "NOUN":
            continue
        if earlier.dep_ in ("appos", "attr", "compound") or earlier.head.pos_ == "PROPN":
            continue  # 'Roe, a diplomat,', 'Roe is a diplomat': a description of someone named
        if any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE for c in earlier.children) and not any(
                c.dep_ in ("appos", "compound", "flat") and c.pos_ == "PROPN" for c in earlier.children):
            return True
    return None
