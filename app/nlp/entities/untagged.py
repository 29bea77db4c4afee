"""Names the model left untagged, found by a construction around them (more repairs in `repairs`)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.nlp import lexicon
from app.nlp.entities.mentions import VALUE_TYPES, RawMention
from app.nlp.names import TITLE_WORDS, is_city, is_country

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from app.nlp.structure import Block

ACRONYM = re.compile(r"^[A-Z]{2,5}$")
PLACE_PREPOSITIONS = lexicon.words("place_prepositions")


_SPELLED_OUT = re.compile(r" \(((?:[A-Z][\w’'&.-]*|of|for|and|on|the|de|di|del|della|des|du|la|le)"
                         r"(?: (?:[A-Z][\w’'&.-]*|of|for|and|on|the|de|di|del|della|des|du|la|le)){1,9})\)")


def spelled_out_acronyms(block: "Block", raws: list[RawMention]) -> list[RawMention]:
    """'the secretary of the FRB (Federal Roads Board)': the words in brackets after an acronym spell
    out its name, though the model tagged only the acronym. The defined-acronym merge joins them."""
    found = []
    for raw in raws:
        if raw.label in VALUE_TYPES or raw.label == "PERSON" or not ACRONYM.match(raw.text.replace(".", "")):
            continue
        m = _SPELLED_OUT.match(block.text, raw.end - block.start)
        if m is None or not m.group(1)[:1].isupper() or not m.group(1).split()[-1][:1].isupper():
            continue
        start = block.start + m.start(1)
        if any(r.start < start + len(m.group(1)) and start < r.end for r in raws):
            continue
        found.append(RawMention(m.group(1), start, start + len(m.group(1)), "ORG", block.kind == "paragraph"))
    return found


def untagged_places(doc: "Doc", block: "Block", taken: list[tuple[int, int]]) -> list[RawMention]:
    """'a second shop in Bergen', 'flights from Lagos': a known city or country the model left
    untagged after a preposition of place is that place."""
    found = []
    for token in doc:
        if token.i == 0 or doc[token.i - 1].lower_ not in PLACE_PREPOSITIONS or not _untagged_name_word(token):
            continue
        end = token.i
        while end + 1 < len(doc) and end - token.i < 2 and _untagged_name_word(doc[end + 1]):
            end += 1
        text = doc[token.i:end + 1].text
        start = block.start + token.idx
        if not (is_city(text) or is_country(text)) or any(s < start + len(text) and start < e for s, e in taken):
            continue
        found.append(RawMention(text, start, start + len(text), "GPE", block.kind == "paragraph", place_context=True,
                                located=doc[token.i - 1].lower_ in ("in", "at", "near")))
    return found


def _untagged_name_word(token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and not token.ent_type_ and not token.is_sent_start \
        and token.lower_ not in TITLE_WORDS
