"""Places a title-case headline or heading names that the model leaves untagged.

'Dry Winter Has Ulster Farmers Worried': every word is capitalised, so the model cannot
tell the place from the words around it. A known country or state printed there is a
place when the body names a place that holds the same name ('Northern Ulster').
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.nlp.entities.mentions import RawMention
from app.nlp.names import is_country, is_first_name

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from app.nlp.structure import Structure

LONGEST_NAME = 3  # words: 'New South Wales'


def headline_places(structure: "Structure", docs: list["Doc"], raws: list[RawMention]) -> list[RawMention]:
    body_places = [r.text for r in raws if r.in_body and r.label in ("GPE", "LOC")]
    taken = [(r.start, r.end) for r in raws]
    found: list[RawMention] = []
    for block, doc in zip(structure.blocks, docs):
        if block.kind not in ("title", "heading"):
            continue
        i = 0
        while i < len(doc):
            for n in range(LONGEST_NAME, 0, -1):
                span = doc[i:i + n]
                if len(span) < n or not all(t.is_alpha and t.text[:1].isupper() for t in span):
                    continue
                start = block.start + span.start_char
                end = start + len(span.text)
                if any(s < end and start < e for s, e in taken) or not _known_place(span.text, body_places):
                    continue
                found.append(RawMention(span.text, start, end, "GPE", in_body=False))
                i += n - 1
                break
            i += 1
    return found


def _known_place(name: str, body_places: list[str]) -> bool:
    return is_country(name) and not is_first_name(name) and any(
        re.search(rf"(?<!\w){re.escape(name)}(?!\w)", place) for place in body_places)
