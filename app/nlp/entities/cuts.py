"""Spans the model ran over several names, cut by the words in and after them (one block at a time):

- two places: 'the Arnby and Tolsey areas', 'Arnby and Tolsey, both fishing villages': two single
  words joined by 'and' before a plural noun for a kind of place are two places;
- an office and a titled person: 'the Minister for Roads, Mrs Jo Roe': a title and a given name after
  a comma open a person; a single word before the comma is the end of the office's title.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.nlp import lexicon
from app.nlp.entities.mentions import VALUE_TYPES, RawMention
from app.nlp.names import TITLE_WORDS, is_first_name

if TYPE_CHECKING:
    from app.nlp.structure import Block

_PLURAL_PLACES = sorted({w + ("es" if w.endswith("s") else "s") for w in lexicon.words("place_nouns")}
                        | {"areas", "communities", "municipalities", "cities", "counties"}, key=len, reverse=True)
_PAIR = re.compile(r"^([A-Z][\w'’-]+) and ([A-Z][\w'’-]+)$")
_KIND_AFTER = re.compile(r"^(?:,\s+(?:both|two)\b)?(?:\s+[a-z][\w-]*){0,3}?\s+(?:" + "|".join(_PLURAL_PLACES) + r")\b")


def cut_spans(block: "Block", raws: list[RawMention]) -> list[RawMention]:
    return _titled_person_after_comma(_listed_places(block, raws))


def _listed_places(block: "Block", raws: list[RawMention]) -> list[RawMention]:
    out = []
    for raw in raws:
        m = _PAIR.match(raw.text) if raw.label not in VALUE_TYPES and raw.label != "PERSON" else None
        if not m or not _KIND_AFTER.match(block.text[raw.end - block.start:raw.end - block.start + 60]):
            out.append(raw)
            continue
        out.extend(RawMention(m.group(n), raw.start + m.start(n), raw.start + m.end(n), "GPE", raw.in_body,
                              place_context=True) for n in (1, 2))
    return out


_TITLED = re.compile(r"^(.+?), ((\w+)\.? ([A-Z][\w'’-]+)(?: [A-Z][\w'’-]+)+)$")


def _titled_person_after_comma(raws: list[RawMention]) -> list[RawMention]:
    out = []
    for raw in raws:
        m = _TITLED.match(raw.text) if raw.label not in VALUE_TYPES else None
        if not m or m.group(3).lower() not in TITLE_WORDS or not is_first_name(m.group(4)):
            out.append(raw)
            continue
        if " " in m.group(1):
            out.append(RawMention(m.group(1), raw.start, raw.start + m.end(1), raw.label, raw.in_body))
        out.append(RawMention(m.group(2), raw.start + m.start(2), raw.end, "PERSON", raw.in_body))
    return out
