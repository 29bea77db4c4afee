"""Two places the model ran into one span: 'Arnby and Tolsey areas', 'Arnby and Tolsey, two farming
villages'. A span of two single words joined by 'and', followed by a plural noun for a kind of place
(within a few lowercase words, or after a comma and a number), is two places.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.nlp import lexicon
from app.nlp.entities.mentions import VALUE_TYPES, RawMention

if TYPE_CHECKING:
    from app.nlp.structure import Block

_PLURAL_PLACES = sorted({w + ("es" if w.endswith("s") else "s") for w in lexicon.words("place_nouns")}
                        | {"areas", "communities", "municipalities", "cities", "counties"}, key=len, reverse=True)
_PAIR = re.compile(r"^([A-Z][\w'’-]+) and ([A-Z][\w'’-]+)$")
_KIND_AFTER = re.compile(r"^(?:,\s+(?:both|two)\b)?(?:\s+[a-z][\w-]*){0,3}?\s+(?:" + "|".join(_PLURAL_PLACES) + r")\b")


def split_listed_places(block: "Block", raws: list[RawMention]) -> list[RawMention]:
    out = []
    for raw in raws:
        m = _PAIR.match(raw.text) if raw.label not in VALUE_TYPES and raw.label != "PERSON" else None
        if not m or not _KIND_AFTER.match(block.text[raw.end - block.start:raw.end - block.start + 60]):
            out.append(raw)
            continue
        out.extend(RawMention(m.group(n), raw.start + m.start(n), raw.start + m.end(n), "GPE", raw.in_body,
                              place_context=True) for n in (1, 2))
    return out
