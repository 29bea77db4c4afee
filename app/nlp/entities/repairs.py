"""Mentions the model misses or cuts wrongly, found by general rules of news text.

Each function is one repair over one block's mentions (or the article's):
names it did not tag (acronyms, listed people, untagged subjects, nicknamed
people, a dateline's place), spans it ran together (`splits.py`: 'Union at
Employer', 'Actor (Character'), spans it split ('Jane' | 'Roe'), and labels the
rest of the article contradicts. `collect_mentions` runs them in order.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate
from typing import TYPE_CHECKING

from app.nlp import lexicon
from app.nlp.entities.constructions import headline_places, untagged_known_names, untagged_names
from app.nlp.entities.mentions import ACRONYM, ORG_KIND_WORDS, PLACE_NOUNS, POSTNOMINALS, VALUE_TYPES, RawMention, award_category, \
    clean_span
from app.nlp.entities.non_names import without_abstract_nouns, without_eponymous_terms, without_portfolios
from app.nlp.entities.splits import split_spans
from app.nlp.marked_words import article_titles, quoted_names, quoted_titles
from app.nlp.names import (ORG_TRAILING_WORDS, TITLE_WORDS, TRADE_WORDS, bare_name, first_name_gender, fold, is_city, is_country, is_first_name,
                           is_particles, name_tokens, nickname, same_thing)
from app.nlp.text import overlaps
from app.nlp.structure import DATELINE_STATE

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from app.nlp.structure import Block, Structure

COMMON_CAPITALS = lexicon.words("common_capitals")
COMPASS_WORDS = lexicon.words("compass_words")
_ROMAN = re.compile(r"^M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$")


def collect_mentions(structure: "Structure", docs: list["Doc"]) -> list[RawMention]:
    """Every name of the article as a cleaned, repaired RawMention, in reading order."""
    raws: list[RawMention] = []
    titles = article_titles([block.text for block in structure.blocks if block.kind != "byline"])
    for block, doc in zip(structure.blocks, docs):
        if block.kind == "byline":
            continue
        block_raws = split_spans(block, [r for r in (clean_span(s, block) for s in doc.ents) if r])
        block_raws = _nicknamed_people(block, _quoted_names(block, _titles_as_works(block, block_raws, titles)))
        _extend_peoples_names(doc, block, block_raws)
        if block.kind == "paragraph" and block.paragraph_index in (0, 1):  # 1: after a standfirst
            block_raws = _dateline_place(block, block_raws)
        block_raws += _listed_people(doc, block)
        taken = [(r.start, r.end) for r in block_raws]
        block_raws += _untagged_subjects(doc, block, taken)
        taken = [(r.start, r.end) for r in block_raws]
        block_raws += _acronyms(doc, block, taken, structure.text)
        block_raws += untagged_names(doc, block, block_raws)
        block_raws = without_portfolios(doc, block, without_eponymous_terms(doc, block, block_raws))
        raws.extend(_join_adjacent(_without_nested(sorted(block_raws, key=lambda r: r.start)), structure.text))
    raws = _without_postnominals(_without_common_capitals(_without_lone_acronyms(raws)), structure.text)
    _relabel_affiliations(raws, structure.text)
    _trim_to_known_people(raws)
    vouched = untagged_known_names(structure, docs, raws) + headline_places(structure, docs, raws)
    raws = sorted(raws + vouched, key=lambda r: r.start)
    _relabel_first_names(raws)
    _relabel_compass_parts(raws)
    _relabel_companies(raws)
    return _without_families(without_abstract_nouns(raws))


def _without_nested(raws: list[RawMention]) -> list[RawMention]:
    """A name a repair extended over the model's other spans ('the Dental Guild of Arnia', 'the 5th |
    District Court') holds them: the inner spans are no names of their own."""
    # Held by another span: one that starts earlier and ends no sooner, or starts here and ends later.
    ends_by_start: dict[int, int] = {}
    for r in raws:
        if r.label not in VALUE_TYPES:
            ends_by_start[r.start] = max(ends_by_start.get(r.start, r.end), r.end)
    starts = sorted(ends_by_start)
    reach = list(accumulate((ends_by_start[s] for s in starts), max))  # farthest end of spans from starts[:i+1]
    kept = []
    for r in raws:
        i = bisect_left(starts, r.start)  # spans starting before r: starts[:i]
        earlier = reach[i - 1] if i else -1
        here = ends_by_start.get(r.start, -1)
        if not (earlier >= r.end or here > r.end):
            kept.append(r)
    return kept


def _without_families(raws: list[RawMention]) -> list[RawMention]:
    """'the Roes' is a family, not an organisation: a plural of a known person's surname."""
    surnames = {name_tokens(r.text)[-1] for r in raws if r.label == "PERSON" and len(name_tokens(r.text)) >= 2}
    return [r for r in raws if not (r.label != "PERSON" and " " not in r.text and r.text.endswith("s")
                                    and fold(r.text[:-1]) in surnames)]


# ---------------------------------------------------------------- names the model left untagged


def _acronyms(doc: "Doc", block: "Block", taken: list[tuple[int, int]], text: str) -> list[RawMention]:
    """All-capital words the model left untagged: in news these are organisations. One the article
    uses once, with no organisation noun beside it ('the KT news agency'), is `lone`: more often a
    unit, a code or a term, unless it spells another name. A Roman numeral is none."""
    if block.text.isupper():
        return []
    found = []
    for token in doc:
        if not ACRONYM.match(token.text) or token.ent_type_ or token.lower_ in TITLE_WORDS | COMMON_CAPITALS:
            continue
        if _ROMAN.match(token.text):
            continue
        near = {t.lemma_.lower() for t in doc[max(0, token.i - 2):token.i + 3]}
        lone = len(re.findall(rf"\b{re.escape(token.text)}\b", text)) < 2 and not near & ORG_KIND_WORDS
        start = block.start + token.idx
        if any(s <= start < e for s, e in taken):
            continue
        found.append(RawMention(token.text, start, start + len(token.text), "ORG", in_body=block.kind == "paragraph",
                                lone=lone))
    return found


def _without_lone_acronyms(raws: list[RawMention]) -> list[RawMention]:
    """A lone acronym is kept only when it spells another name of the article ('DLRC')."""
    names = [r.text for r in raws if not r.lone and r.label not in VALUE_TYPES and " " in r.text]
    return [r for r in raws if not r.lone or any(same_thing(r.text, name) for name in names)]


def _without_common_capitals(raws: list[RawMention]) -> list[RawMention]:
    """'GMT', 'VAT', 'COVID-19': an everyday term in capitals, whatever the model tagged it, names no one."""
    return [r for r in raws if r.label in VALUE_TYPES or not (r.text.isupper() and r.text.lower() in COMMON_CAPITALS)]


_NAME_BEFORE = re.compile(r"[A-Z][\w'’.-]*,? $")


def _without_postnominals(raws: list[RawMention], text: str) -> list[RawMention]:
    """'Jo Roe KC', 'Jo Roe, OBE': letters after a person's name are an honour or a rank, no organisation."""
    return [r for r in raws if not (r.label != "PERSON" and fold(r.text.replace(".", "")) in POSTNOMINALS
                                    and _NAME_BEFORE.search(text[max(0, r.start - 40):r.start]))]


def _listed_people(doc: "Doc", block: "Block") -> list[RawMention]:
    """Untagged names in a list with tagged people: 'stars A B, C D and E F'."""
    found = []
    for token in doc:
        if token.ent_type_ or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        partners = [token.head] if token.dep_ == "conj" else []
        partners += [c for c in token.children if c.dep_ == "conj"]
        if not any(p.ent_type_ == "PERSON" for p in partners):
            continue
        first = token
        while first.i > 0 and doc[first.i - 1].pos_ == "PROPN" and not doc[first.i - 1].ent_type_ \
                and doc[first.i - 1].text[:1].isupper() and doc[first.i - 1].dep_ == "compound":
            first = doc[first.i - 1]
        if first.i == token.i or award_category(first):
            continue  # a lone word is too weak a sign; 'won Best Stage Design' names a category
        start, end = block.start + first.idx, block.start + token.idx + len(token.text)
        found.append(RawMention(block.text[start - block.start:end - block.start], start, end, "PERSON",
                                in_body=block.kind == "paragraph"))
    return found


def _untagged_subjects(doc: "Doc", block: "Block", taken: list[tuple[int, int]]) -> list[RawMention]:
    """'Neighbor Marta Lindgren said': a first name and a surname the model left untagged,
    standing as the subject of a verb, are a person."""
    found = []
    for token in doc:
        if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ != "PROPN" or token.ent_type_ \
                or token.lower_ in TITLE_WORDS:
            continue  # 'Vice President ... said': a title, not a surname
        chain = [token]
        while chain[0].i > 0 and doc[chain[0].i - 1].dep_ in ("compound", "flat") \
                and doc[chain[0].i - 1].pos_ == "PROPN" and not doc[chain[0].i - 1].ent_type_:
            chain.insert(0, doc[chain[0].i - 1])
        first = next((n for n, t in enumerate(chain[:-1]) if is_first_name(t.text)), None)
        if first is None or len(chain) - first > 3:
            continue
        start = block.start + chain[first].idx
        end = block.start + token.idx + len(token.text)
        if overlaps(taken, start, end):
            continue
        found.append(RawMention(block.text[start - block.start:end - block.start], start, end, "PERSON",
                                in_body=block.kind == "paragraph", person_context=True))
    return found


def _replacing(raws: list[RawMention], found: list[RawMention]) -> list[RawMention]:
    """The names a repair `found` in place of the model's spans that cross them."""
    if not found:
        return raws
    kept = [r for r in raws if not any(f.start < r.end and r.start < f.end for f in found)]
    return sorted(kept + found, key=lambda r: r.start)


_NICKNAMED = re.compile(r"\b([A-Z][a-z]+) [\"“‘']([A-Z][^\"“”‘’']{0,30})[\"”’'] ((?:[A-Z][\w’'-]+ ?){1,2})")


def _nicknamed_people(block: "Block", raws: list[RawMention]) -> list[RawMention]:
    """Duke “Bullfrog” Pettaway: a first name, a nickname in quotes and a surname are one person,
    however the model cut them up."""
    found = []
    for m in _NICKNAMED.finditer(block.text):
        if not is_first_name(m.group(1)):
            continue
        text = m.group(0).rstrip()
        start = block.start + m.start()
        found.append(RawMention(text, start, start + len(text), "PERSON", block.kind == "paragraph"))
    return _replacing(raws, found)


_COLON_DATELINE = re.compile(r"^([A-Z][A-Z .'’-]*[A-Z]):\s")
_DATELINE_PLACE = re.compile(rf"^([A-Z][A-Z .'’-]*[A-Z])(?={DATELINE_STATE}?,?\s*(?:\([^)]*\)\s*)?[–—-])")


def _dateline_place(block: "Block", raws: list[RawMention]) -> list[RawMention]:
    """'TAMPERE (FNB) —' opens the first paragraph with the place it was filed from; so does
    'TAMPERE:', when the capitals are a known place ('UPDATE:' is none)."""
    m = _DATELINE_PLACE.match(block.text)
    if not m:
        m = _COLON_DATELINE.match(block.text)
        if not m or not (is_city(m.group(1)) or is_country(m.group(1))):
            return raws
    start, end = block.start, block.start + m.end(1)
    kept = [r for r in raws if r.end <= start or r.start >= end]
    return [RawMention(m.group(1), start, end, "GPE", in_body=True), *kept]


# ---------------------------------------------------------------- spans cut wrongly


def _titles_as_works(block: "Block", raws: list[RawMention], elsewhere: frozenset[str]) -> list[RawMention]:
    """Words of a quoted title ('Halloran’s “Lisbon, Ohio”', or a title the article marks as one
    elsewhere) name a work, not the places in it."""
    titles = quoted_titles(block.text, elsewhere)
    if not titles:
        return raws
    kept = [r for r in raws if not any(block.start + s <= r.start and r.end <= block.start + e for s, e in titles)]
    if len(kept) == len(raws):
        return raws
    for s, e in titles:
        text = block.text[s:e].rstrip(",.")
        if any(block.start + s <= r.start < block.start + e for r in raws):
            kept.append(RawMention(text, block.start + s, block.start + s + len(text), "WORK_OF_ART",
                                   block.kind == "paragraph", quoted_title=True))
    return sorted(kept, key=lambda r: r.start)


def _quoted_names(block: "Block", raws: list[RawMention]) -> list[RawMention]:
    """'a dog character named "Rex"': the quoted words are a being's given name, a person's to the
    article, whatever the model made of them."""
    found = []
    for s, e in quoted_names(block.text):
        text = block.text[s:e].rstrip(",.")
        found.append(RawMention(text, block.start + s, block.start + s + len(text), "PERSON", block.kind == "paragraph"))
    return _replacing(raws, found)


def _extend_peoples_names(doc: "Doc", block: "Block", raws: list[RawMention]) -> None:
    """'Liberal | Democrat MPs', 'Social | Democrat leaders': a proper noun the model left untagged right
    before a people's or a party's name is its first word ('Senior Democrats', 'Former Republican'
    begin with adjectives, no part of it)."""
    firsts = {block.start + t.idx: t for t in doc}
    for raw in raws:
        first = firsts.get(raw.start)
        before = doc[first.i - 1] if first is not None and first.i > 0 else None
        if raw.label == "NORP" and before is not None and before.tag_ == "NNP" and before.is_alpha \
                and before.text.istitle() and not before.ent_type_ and before.whitespace_ \
                and before.lower_ not in TITLE_WORDS:
            raw.start = block.start + before.idx
            raw.text = block.text[raw.start - block.start:raw.end - block.start]


def _join_adjacent(raws: list[RawMention], text: str) -> list[RawMention]:
    """The model sometimes splits one name in two ('Jane' GPE, 'Roe' GPE): rejoin them."""
    out: list[RawMention] = []
    for raw in raws:
        prev = out[-1] if out else None
        gap = text[prev.end:raw.start] if prev else ""
        nicknamed = bool(prev and nickname(gap) and gap.strip() and "PERSON" in (prev.label, raw.label)
                         and is_first_name(prev.text))  # Duke “Bullfrog” | Pettaway
        # 'Seed Authority Arnia | Norway', 'Acme | Canada': an organisation named for the country it serves
        national = bool(prev and prev.label == "ORG" and raw.label in ("GPE", "LOC") and gap == " "
                        and is_country(raw.text) and text[raw.end:raw.end + 2] not in ("'s", "’s"))
        # 'Carmela Rosa | dela Pena': a surname led by a lowercase particle ends the given names before it
        surname = bool(prev and gap == " " and "PERSON" in (prev.label, raw.label) and _particle_led(raw.text))
        if prev and prev.label not in VALUE_TYPES and raw.label not in VALUE_TYPES \
                and (gap == " " or nicknamed) and prev.label != "NORP" and raw.label != "NORP" \
                and (" " not in prev.text and " " not in raw.text or national or surname):
            label = "PERSON" if "PERSON" in (prev.label, raw.label) else prev.label
            out[-1] = RawMention(text[prev.start:raw.end], prev.start, raw.end, label, prev.in_body,
                                 prev.place_context or raw.place_context, prev.person_context or raw.person_context,
                                 prev.located or raw.located, prev.described_as or raw.described_as)
        else:
            out.append(raw)
    return out


def _particle_led(name: str) -> bool:
    """'dela Pena', 'van der Berg': a name opened by lowercase surname particles."""
    words = name.split()
    return len(words) >= 2 and words[0].islower() and is_particles(words[0])


# ---------------------------------------------------------------- labels the article contradicts


def _relabel_affiliations(raws: list[RawMention], text: str) -> None:
    """'Acme Deputy Chief Jane Roe': a PERSON right before titles and a person is their employer."""
    for first, second in zip(raws, raws[1:]):
        if first.label != "PERSON" or second.label != "PERSON":
            continue
        between = text[first.end:second.start].split() + _leading_titles(second.text)
        if between and all(w.lower().strip(".") in TITLE_WORDS for w in between):
            first.label = "ORG"


def _leading_titles(name: str) -> list[str]:
    words = name.replace("-", " ").split()
    titles = []
    while len(words) > 1 and words[0].lower().strip(".") in TITLE_WORDS:
        titles.append(words.pop(0))
    return titles


def organisation_name(name: str) -> bool:
    """'Acme Inc', 'Port Authority', 'Orrin Foods': a word in it says it is an organisation or a place."""
    words = name.split()
    return any(w.lower().strip(".") in ORG_KIND_WORDS | ORG_TRAILING_WORDS | PLACE_NOUNS for w in words) \
        or len(words) >= 2 and words[-1].lower() in TRADE_WORDS


def _relabel_first_names(raws: list[RawMention]) -> None:
    """'Ilse Marwood said' tagged ORG: a first name and a surname name a person, when speaking
    or sharing a known person's surname ('Val Rescue' alone is no person)."""
    surnames = {name_tokens(r.text)[-1] for r in raws if r.label == "PERSON" and name_tokens(r.text)}
    for r in raws:
        words = r.text.split()
        if r.label in VALUE_TYPES or r.label == "PERSON" or not 2 <= len(words) <= 3 or not r.text.istitle():
            continue
        if organisation_name(r.text) or not first_name_gender(r.text):
            continue
        if r.person_context or name_tokens(r.text)[-1] in surnames:
            r.label = "PERSON"


def _relabel_compass_parts(raws: list[RawMention]) -> None:
    """'Arnby North' tagged a person: a name and a direction after it ('Leeds West', 'Brent Central')
    is part of a place, a ward or a seat, unless a given name opens it ('Oliver North')."""
    for r in raws:
        words = r.text.split()
        if r.label == "PERSON" and len(words) == 2 and words[1].lower() in COMPASS_WORDS and words[1].istitle() \
                and not is_first_name(words[0]):
            r.label = "GPE"


def _relabel_companies(raws: list[RawMention]) -> None:
    """'Acme's customers' tagged a place: a name that owns what only a company has is one, unless it
    is a country's or a city's ('London shares': its market)."""
    for r in raws:
        if r.label in ("GPE", "LOC") and r.company_context and not (is_city(r.text) or is_country(r.text)):
            r.label = "ORG"


def _trim_to_known_people(raws: list[RawMention]) -> None:
    """'Jane Best' tagged ORG where Jane is a known person's first name: keep only the person."""
    known: set[str] = set()
    full_names: set[tuple[str, ...]] = set()
    for r in raws:
        if r.label == "PERSON" and len(name_tokens(r.text)) >= 2:
            if is_first_name(bare_name(r.text).split()[0]):  # not 'Arnby North' or 'Space Probe' mistyped a person
                known.update(name_tokens(r.text))
            full_names.add(tuple(name_tokens(r.text)))
    for r in raws:
        if r.label in VALUE_TYPES or r.label == "PERSON":
            continue
        words = r.text.split()
        if tuple(name_tokens(r.text)) in full_names:
            r.label = "PERSON"  # the whole of a known person's name, mistyped
        elif len(words) >= 2 and fold(words[0]) in known:
            r.text, r.end, r.label = words[0], r.start + len(words[0]), "PERSON"
