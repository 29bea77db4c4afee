"""Model spans that are several names, cut apart by general rules of news text.

'Union at Employer', 'Jo Roe for Acme Foods', 'Actor (Character', 'City’s Station', 'the
brands A and B', 'Hall for The Lantern': `split_spans` puts each cleaned span through `SPLITS`
in turn, then through `cut_spans`, the cuts that read the block's words after a span too: two
places ('the Arnby and Tolsey areas', 'Arnby and Tolsey, both fishing villages'), an office and
a titled person ('the Minister for Roads, Mrs Jo Roe').
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.nlp import lexicon
from app.nlp.entities.mentions import ACRONYM, EDGE, OFFICE_WORDS, ORG_KIND_WORDS, VALUE_TYPES, RawMention, starts_like_a_name
from app.nlp.names import TITLE_WORDS, is_first_name

if TYPE_CHECKING:
    from app.nlp.structure import Block

PEOPLE_PLURALS = lexicon.words("person_words", "plural")


def split_spans(block: "Block", raws: list[RawMention]) -> list[RawMention]:
    """Each model span through `SPLITS` in turn, then `cut_spans`: one span may be several names."""
    for splitter in SPLITS:
        raws = [part for raw in raws for part in splitter(raw)]
    return cut_spans(block, raws)


_AT_SPLIT = re.compile(r"^([A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*)*) at ([A-Z].*)$")


def _split_at(raw: RawMention) -> list[RawMention]:
    """'Wardlink at Acme Hospitals Trust': the model ran a union and its employer together;
    'University of Leeds and Wexbury College': two organisations listed as one."""
    both = re.match(r"^(.+?) and (.+)$", raw.text) if raw.label not in VALUE_TYPES else None
    if both and all(set(w.lower() for w in part.split()) & ORG_KIND_WORDS for part in both.groups()):
        m = both
    else:
        m = _AT_SPLIT.match(raw.text) if raw.label == "ORG" else None
    if not m:
        return [raw]
    return [RawMention(m.group(n), raw.start + m.start(n), raw.start + m.end(n), "ORG", raw.in_body) for n in (1, 2)]


_PERSON_FOR = re.compile(r"^([A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,2}) (?:for|at) ([A-Z].+)$")
_PERSON_AFTER = re.compile(r"^(.+) ([A-Z][\w'’-]+ [A-Z][\w'’-]+)$")


def _split_person_and_organisation(raw: RawMention) -> list[RawMention]:
    """'Jo Roe for Acme Foods', 'the Acme Workers Council Jo Roe': a person and the organisation
    they speak for, run together by the model. The person's given name, and an organisation noun
    in the other part only, tell them apart."""
    if raw.label in VALUE_TYPES:
        return [raw]
    parts = None
    m = _PERSON_FOR.match(raw.text)
    if m:
        parts = ((m, 1, "PERSON"), (m, 2, "ORG"))
    else:
        m = _PERSON_AFTER.match(raw.text)
        parts = ((m, 1, "ORG"), (m, 2, "PERSON")) if m else None
    if parts is None:
        return [raw]
    person = next(m.group(n) for m, n, label in parts if label == "PERSON")
    organisation = next(m.group(n) for m, n, label in parts if label == "ORG")
    after = parts[0][2] == "ORG"  # 'Acme Council Jo Roe': only an organisation noun marks the cut
    if not is_first_name(person.split()[0]) or {w.lower() for w in person.split()} & ORG_KIND_WORDS \
            or (after and not {w.lower() for w in organisation.split()} & ORG_KIND_WORDS):
        return [raw]
    return [RawMention(m.group(n), raw.start + m.start(n), raw.start + m.end(n), label, raw.in_body)
            for m, n, label in parts]


def _split_listed(raw: RawMention) -> list[RawMention]:
    """'the rival schools Wetherfold Abbey and Saint Wenlock', 'the firms Acme and Brindle': a name with
    'and' in it right after a plural noun is the names of the things the noun counts."""
    m = re.match(r"^(.+?) and ([A-Z].*)$", raw.text) if raw.after_plural and raw.label not in VALUE_TYPES else None
    if not m or "," in raw.text:
        return [raw]
    return [RawMention(m.group(n), raw.start + m.start(n), raw.start + m.end(n), raw.label, raw.in_body)
            for n in (1, 2)]


_BEFORE_THE = re.compile(r"^([A-Z].*?) (?:for|at|to|with|from|in) (The [A-Z].*)$")


def _split_before_the(raw: RawMention) -> list[RawMention]:
    """'Quarrie Pellow for The Evening Lantern': a capitalised 'The' inside a span opens another name,
    run on by the model after a preposition."""
    m = _BEFORE_THE.match(raw.text) if raw.label not in VALUE_TYPES else None
    if not m:
        return [raw]
    return [RawMention(m.group(n), raw.start + m.start(n), raw.start + m.end(n), raw.label, raw.in_body)
            for n in (1, 2)]


def _split_brackets(raw: RawMention) -> list[RawMention]:
    """'Amos (Lucian Fenwright': a character and the actor in brackets, run together by the model."""
    if raw.label in VALUE_TYPES or not re.search(r"[()]", raw.text):
        return [raw]
    parts = []
    for m in re.finditer(r"[^()]+", raw.text):
        text = m.group(0).strip(EDGE + " ")
        if text and starts_like_a_name(text):
            start = raw.start + raw.text.index(text, m.start())
            parts.append(RawMention(text, start, start + len(text), raw.label, raw.in_body, weak=bool(parts)))
    return parts

def _split_inner_possessive(raw: RawMention) -> list[RawMention]:
    """'City’s Station' is two things; keep the owner, which names something on its own."""
    m = re.search(r"['’]s\s", raw.text)
    if not m or raw.label == "WORK_OF_ART" or raw.text[m.end():].lower() in OFFICE_WORDS:
        return [raw]  # 'the County Sheriff’s Office' is one institution
    owner = raw.text[:m.start()]
    if raw.label in ("ORG", "FAC") and (owner.lower() in PEOPLE_PLURALS
                                        or owner.split()[0].lower().strip(".") in TITLE_WORDS):
        return [raw]  # 'the People’s Courier', 'King’s College', 'St Anne’s Hospital': the name of one thing
    if raw.label in ("ORG", "FAC"):  # 'Leeds's Station' a town's; 'Jo Roe's Horizon' a person's
        label = "PERSON" if len(owner.split()) >= 2 and is_first_name(owner.split()[0]) else \
            "ORG" if ACRONYM.match(owner.split()[0]) else "GPE"  # 'the NRK Radio 2’s show': a broadcaster
    else:
        label = raw.label
    parts = [RawMention(owner, raw.start, raw.start + len(owner), label, raw.in_body, raw.place_context,
                        raw.person_context or label == "PERSON")]
    owned = raw.text[m.end():]
    words = [w.lower() for w in owned.split()]
    if raw.label == "ORG" and owned[:1].isupper() and len(words) >= 2 and (words[0] in ORG_KIND_WORDS
                                                                           or words[-1] in ORG_KIND_WORDS):
        # 'Velmoria’s Ministry of Water': the country and its ministry, both named
        parts.append(RawMention(owned, raw.start + m.end(), raw.end, "ORG", raw.in_body))
    return parts


SPLITS = (_split_inner_possessive, _split_at, _split_listed, _split_before_the, _split_brackets, _split_person_and_organisation)


_PLURAL_PLACES = sorted({w + ("es" if w.endswith("s") else "s") for w in lexicon.words("place_nouns")}
                        | {"areas", "communities", "municipalities", "cities", "counties"}, key=len, reverse=True)
_PAIR = re.compile(r"^([A-Z][\w'’-]+) and ([A-Z][\w'’-]+)$")
_KIND_AFTER = re.compile(r"^(?:,\s+(?:both|two)\b)?(?:\s+[a-z][\w-]*){0,3}?\s+(?:" + "|".join(_PLURAL_PLACES) + r")\b")


def cut_spans(block: "Block", raws: list[RawMention]) -> list[RawMention]:
    """Cuts that read the words after a span too ('the Arnby and Tolsey areas'): two places; and an
    office before a titled person ('the Minister for Roads, Mrs Jo Roe')."""
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
