"""Named entities: model mentions merged into one record per real-world thing.

The small English model is run per block (see app.nlp.pipeline); this module
cleans its mentions (possessives, edge punctuation, a leading article), fixes
the errors it makes in a systematic way, and merges what names one thing:

- a surname, first name or titled form joins the one full name it belongs to;
- an acronym joins the name whose initials it spells (`UK`, `United Kingdom`);
- a short organisation name joins its longer form (`Labour`, `Labour Party`);
- a plural demonym joins its singular (`Canadians`, `Canadian`).

One type per entity, by the article's evidence: a name seen as a PERSON in
full is a PERSON everywhere; otherwise the majority label wins. Titles and
headings are written in title case that the model misreads, so their mentions
only count when they name something the body also names.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from app.domain import Entity, Mention
from app.nlp.names import (ROLE_WORDS, TITLE_WORDS, bare_name, find_entity, first_name_gender, fold, is_first_name,
                           name_tokens, nickname, same_country, same_person, strip_possessive, title_gender)
from app.nlp.structure import DATELINE_STATE
from app.nlp.text import slugify

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from app.nlp.structure import Block, Structure

VALUE_TYPES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
# When the evidence is tied, the label a news reader would pick first.
TYPE_PREFERENCE = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT",
                   "LAW", "LANGUAGE")
PLACE_PREPOSITIONS = frozenset({"in", "into", "from", "to", "at", "near", "across", "around", "outside",
                                "inside", "throughout", "towards", "toward"})
# Words that may trail an organisation's short name without changing what it names.
ORG_DESIGNATORS = frozenset({"party", "union", "inc", "corp", "corporation", "ltd", "plc", "llc", "group",
                             "company", "co", "agency", "news", "association", "organisation",
                             "organization", "foundation", "institute", "university", "club"})
# Head nouns that say what kind of thing a name is: 'Acme, the shipping group'.
ORG_NOUNS = frozenset("""
agency alliance army assembly association authority bank board broadcaster bureau business carrier chain
charity club coalition command congress cooperation federation forum fund initiative programme program
commission committee company conglomerate corporation council court department firm foundation giant group
institute insurer lab laboratory league maker manufacturer ministry network newspaper office operator
organisation organization outlet parliament party police publisher regulator retailer service startup
studio team union university
""".split())
# Lowercase words printed after an organisation's name as part of it: 'the RMT union', 'the Labour party'.
ORG_SUFFIX_NOUNS = frozenset("""
union party group council committee agency association federation alliance coalition foundation institute
authority board commission trust league club company police
""".split())
PLACE_NOUNS = frozenset("""
capital city country county district island municipality nation province region republic state town
village
""".split())
PERSON_NOUNS = frozenset("""
actor actress adviser advisor analyst author boss campaigner ceo chairman chairwoman chief citizen coach
commander councillor councilor critic daughter director economist editor executive expert father founder
governor head husband journalist judge lawyer leader manager mayor member minister mother official
officer owner player politician president professor prosecutor researcher resident scientist secretary
senator singer son speaker spokesman spokeswoman spokesperson steward student teacher trader wife worker
writer
""".split())
# Roles in which a capitalised word stands as a noun phrase of its own, not as a modifier.
NAME_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj", "attr"})
KINSHIP_WORDS = frozenset({"mum", "mom", "mummy", "mommy", "dad", "daddy", "mama", "papa", "grandma", "grandpa",
                           "granny", "grandad", "granddad", "nan", "nana", "nanna", "auntie", "aunty", "sis", "bro"})
# All-capital words of everyday English that name no organisation.
COMMON_CAPITALS = frozenset({"ok", "tv", "am", "pm", "id", "pc", "dj", "mc", "vip", "diy", "faq", "asap", "fyi",
                             "ceo", "cfo", "coo", "cto", "mp", "mps", "gp", "ad", "bc", "usb", "gps", "suv"})
NAME_PARTICLES = frozenset({"of", "and", "the", "for", "de", "la", "du", "von", "van", "&", "on", "in"})
_EDGE = "\"'“”‘’«»()[]{},.;:!?-–—…*"
_ACRONYM = re.compile(r"^[A-Z]{2,5}$")
_ABBREVIATION_END = re.compile(r"(?:^|[.\s])[A-Z]\.$")


@dataclass
class _Raw:
    """A cleaned model mention with the evidence merging needs."""

    text: str
    start: int
    end: int
    label: str
    in_body: bool
    place_context: bool = False
    person_context: bool = False
    located: bool = False  # object of 'in', 'at', 'near': where something is
    described_as: str | None = None  # label implied by an appositive: 'X, the shipping group'
    listed_with: frozenset[str] = frozenset()  # labels of names coordinated with it: 'Leeds and Bury'
    weak: bool = False  # a label guessed for a piece of a span the model ran together


@dataclass
class _Group:
    mentions: list[_Raw] = field(default_factory=list)

    def forms(self) -> set[str]:
        """Distinct printed forms: a name repeated a thousand times is compared once."""
        cached = self.__dict__.get("_forms")
        if cached is None or cached[0] != len(self.mentions):
            cached = (len(self.mentions), {m.text for m in self.mentions})
            self.__dict__["_forms"] = cached
        return cached[1]

    @property
    def labels(self) -> Counter:
        return Counter(m.label for m in self.mentions)

    def full_person_names(self) -> list[_Raw]:
        return [m for m in self.mentions if m.label == "PERSON" and len(name_tokens(m.text)) >= 2]


# ---------------------------------------------------------------- mentions


def _clean_span(span: "Span", block: "Block") -> _Raw | None:
    """Trim a model span to the name itself, keeping exact global offsets."""
    tokens = list(span)
    while tokens and tokens[0].lower_ in ("the", "a", "an") and span.label_ != "WORK_OF_ART":
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].text in ("'s", "’s", "'", "’") or (
            span.label_ not in VALUE_TYPES and len(tokens) > 1 and not any(c.isalpha() for c in tokens[-1].text))):
        tokens = tokens[:-1]  # possessives, edge punctuation, a score run into a name: 'Leeds United 2-1'

    if not tokens:
        return None
    if span.label_ == "ORG" and block.kind == "paragraph":  # headlines are all capitalised
        tokens = _extend_organisation(span, tokens)
    start = block.start + tokens[0].idx
    end = block.start + tokens[-1].idx + len(tokens[-1].text)
    text = block.text[start - block.start:end - block.start]
    trimmed = strip_possessive(text).strip(_EDGE)
    if _ABBREVIATION_END.search(text):
        trimmed += "."  # 'U.S.' keeps its last dot
    if not any(c.isalnum() for c in trimmed):
        return None
    offset = text.find(trimmed)
    start += offset
    end = start + len(trimmed)
    label = span.label_
    if label not in VALUE_TYPES and not _starts_like_a_name(trimmed):
        return None  # "n’t" tagged as a place
    if label not in VALUE_TYPES and _has_lowercase_verb(tokens):
        return None  # "Nicole recalls Sofia": the model ran names and a verb together
    if label not in VALUE_TYPES and " " not in trimmed and trimmed.lower().strip(".") in TITLE_WORDS:
        return None  # 'I told Coach', 'the CEO said': a title standing alone names nobody
    if label == "PERSON" and " " in trimmed and fold(trimmed.split()[-1]) in TITLE_WORDS:
        return None  # 'One Labor MP said': a description of someone unnamed
    if label == "PERSON" and trimmed.lower() in KINSHIP_WORDS:
        return None  # "Mum, you've just written...": a relative called by what they are
    if label == "PERSON":
        start = _extend_over_titles(span, block, start)
    raw = _Raw(block.text[start - block.start:end - block.start], start, end, label,
               in_body=block.kind == "paragraph")
    raw.place_context, raw.person_context = _contexts(span)
    raw.located = span.root.dep_ == "pobj" and span.root.head.lower_ in ("in", "at", "near")
    raw.described_as = _appositive_label(span)
    raw.listed_with = frozenset(t.ent_type_ for t in span.root.conjuncts if t.ent_type_ and not span.start <= t.i < span.end)
    return raw


def _appositive_label(span: "Span") -> str | None:
    """What an appositive noun says the name is: 'Jo Bloggs, a shop steward' is a person."""
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    for noun in nouns:
        phrase = []
        for token in noun.subtree:  # 'a shop steward at the plant' -> a, shop, steward
            if token.pos_ == "ADP" or token.i > noun.i + 2:
                break
            phrase.append(token.lemma_.lower())
        for lemma in reversed(phrase):
            for words, label in ((PERSON_NOUNS, "PERSON"), (ORG_NOUNS, "ORG"), (PLACE_NOUNS, "GPE")):
                if lemma in words:
                    return label
    return None


def _extend_organisation(span: "Span", tokens: list) -> list:
    """'the Rail, Maritime and Transport union': the model tags only 'Transport'.

    Extend left over a capitalised list joined by commas and 'and', and right over
    a lowercase organisation word such as 'union' or 'party'.
    """
    doc = span.doc
    i = tokens[0].i
    joined = False
    while i > 0 and tokens[0].i - i < 6:
        prev = doc[i - 1]
        if prev.ent_type_ or prev.is_sent_start:
            break
        if prev.text in (",", "&") or prev.lower_ == "and":
            joined = True
        elif not (prev.text[:1].isupper() and prev.is_alpha and prev.lower_ not in ("the", "a", "an")):
            break
        i -= 1
    while i < tokens[0].i and not doc[i].text[:1].isupper():
        i += 1
    if joined and i < tokens[0].i:
        tokens = list(doc[i:tokens[-1].i + 1])
    after = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
    if after is not None and after.is_lower and after.lemma_ in ORG_SUFFIX_NOUNS and after.pos_ == "NOUN":
        tokens = [*tokens, after]
    return tokens


def _starts_like_a_name(text: str) -> bool:
    first = next((c for c in text if c.isalpha()), "")
    return first.isupper() or (not first and any(c.isdigit() for c in text))


def _has_lowercase_verb(tokens) -> bool:
    return any(t.pos_ in ("VERB", "AUX") and t.text.islower() for t in tokens)


def _extend_over_titles(span: "Span", block: "Block", start: int) -> int:
    """Include capitalised titles printed before a name: 'Deputy Mayor Ana Ruiz'."""
    doc = span.doc
    i = span.start
    def is_title(token) -> bool:
        return (token.text[:1].isupper() and token.lower_.strip(".") in TITLE_WORDS
                and token.lower_ != "the" and token.ent_type_ in ("", "PERSON"))

    while i > 0 and (is_title(doc[i - 1]) or (
            i > 1 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and is_title(doc[i - 2]))):
        i -= 1
    return block.start + doc[i].idx if i < span.start else start


def _contexts(span: "Span") -> tuple[bool, bool]:
    """(reads like a place, reads like a person) from the words around the span."""
    doc = span.doc
    head = span.root
    place = (head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPOSITIONS) or (
        head.dep_ == "dobj" and head.head.lemma_ in ("visit", "leave", "enter", "invade"))
    for sibling in (*head.conjuncts,):
        if sibling.ent_type_ in ("GPE", "LOC"):
            place = True
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    person = bool(before is not None and before.lower_.strip(".") in TITLE_WORDS and before.text[:1].isupper())
    # 'cinematographer Tomasz Wilk', 'novelist Ana Ruiz': a lowercase role noun before the name
    person |= bool(before is not None and before.is_lower and (
        before.lower_ in ROLE_WORDS or before.lower_.endswith(("grapher", "ist", "ian"))
        or (before.pos_ == "NOUN" and before.lower_.endswith(("er", "or")))))
    person |= bool(after is not None and after.text in ("'s", "’s"))
    person |= head.dep_ in ("nsubj",) and head.head.lemma_ in _speech_verbs()
    # 'Marcus Feld of Harrow Capital': a person and the organisation they work for
    person |= bool(after is not None and after.lower_ in ("of", "at") and after.i + 1 < len(doc)
                   and (doc[after.i + 1].ent_type_ == "ORG" or doc[after.i + 1].pos_ == "PROPN"))
    return place, person


def _speech_verbs() -> frozenset[str]:
    from app.nlp.quotes import SPEECH_VERBS  # the one list of verbs of saying

    return SPEECH_VERBS


def _relabel_affiliations(raws: list[_Raw], text: str) -> None:
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


def _acronyms(doc: "Doc", block: "Block", taken: list[tuple[int, int]]) -> list[_Raw]:
    """All-capital words the model left untagged: in news these are organisations."""
    if block.text.isupper():
        return []
    found = []
    for token in doc:
        if not _ACRONYM.match(token.text) or token.ent_type_ or token.lower_ in TITLE_WORDS | COMMON_CAPITALS:
            continue
        start = block.start + token.idx
        if any(s <= start < e for s, e in taken):
            continue
        found.append(_Raw(token.text, start, start + len(token.text), "ORG", in_body=block.kind == "paragraph"))
    return found


def _listed_people(doc: "Doc", block: "Block") -> list[_Raw]:
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
        if first.i == token.i:
            continue  # a lone word is too weak a sign
        start, end = block.start + first.idx, block.start + token.idx + len(token.text)
        found.append(_Raw(block.text[start - block.start:end - block.start], start, end, "PERSON",
                          in_body=block.kind == "paragraph"))
    return found


def _untagged_subjects(doc: "Doc", block: "Block", taken: list[tuple[int, int]]) -> list[_Raw]:
    """'Neighbor Teresa Nguyen said': a first name and a surname the model left untagged,
    standing as the subject of a verb, are a person."""
    found = []
    for token in doc:
        if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ != "PROPN" or token.ent_type_:
            continue
        chain = [token]
        while chain[0].i > 0 and doc[chain[0].i - 1].dep_ in ("compound", "flat") \
                and doc[chain[0].i - 1].pos_ == "PROPN" and not doc[chain[0].i - 1].ent_type_:
            chain.insert(0, doc[chain[0].i - 1])
        first = next((n for n, t in enumerate(chain[:-1]) if is_first_name(t.text)), None)
        if first is None or len(chain) - first > 3:
            continue
        start = block.start + chain[first].idx
        end = block.start + token.idx + len(token.text)
        if any(s < end and start < e for s, e in taken):
            continue
        found.append(_Raw(block.text[start - block.start:end - block.start], start, end, "PERSON",
                          in_body=block.kind == "paragraph", person_context=True))
    return found


_AT_SPLIT = re.compile(r"^([A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*)*) at ([A-Z].*)$")


def _split_at(raw: _Raw) -> list[_Raw]:
    """'Unison at Acme Hospitals Trust': the model ran a union and its employer together;
    'University of Leeds and University College Cork': two organisations listed as one."""
    both = re.match(r"^(.+?) and (.+)$", raw.text) if raw.label not in VALUE_TYPES else None
    if both and all(set(w.lower() for w in part.split()) & ORG_NOUNS for part in both.groups()):
        m = both
    else:
        m = _AT_SPLIT.match(raw.text) if raw.label == "ORG" else None
    if not m:
        return [raw]
    return [_Raw(m.group(n), raw.start + m.start(n), raw.start + m.end(n), "ORG", raw.in_body) for n in (1, 2)]


def _split_brackets(raw: _Raw) -> list[_Raw]:
    """'Eli (Tobias Wren': a character and the actor in brackets, run together by the model."""
    if raw.label in VALUE_TYPES or not re.search(r"[()]", raw.text):
        return [raw]
    parts = []
    for m in re.finditer(r"[^()]+", raw.text):
        text = m.group(0).strip(_EDGE + " ")
        if text and _starts_like_a_name(text):
            start = raw.start + raw.text.index(text, m.start())
            parts.append(_Raw(text, start, start + len(text), raw.label, raw.in_body, weak=bool(parts)))
    return parts


_NICKNAMED = re.compile(r"\b([A-Z][a-z]+) [\"“‘']([A-Z][^\"“”‘’']{0,30})[\"”’'] ((?:[A-Z][\w’'-]+ ?){1,2})")


def _nicknamed_people(block: "Block", raws: list[_Raw]) -> list[_Raw]:
    """Earl “Catfish” Tolliver: a first name, a nickname in quotes and a surname are one person,
    however the model cut them up."""
    found = []
    for m in _NICKNAMED.finditer(block.text):
        if not is_first_name(m.group(1)):
            continue
        text = m.group(0).rstrip()
        start = block.start + m.start()
        found.append(_Raw(text, start, start + len(text), "PERSON", block.kind == "paragraph"))
    if not found:
        return raws
    kept = [r for r in raws if not any(f.start < r.end and r.start < f.end for f in found)]
    return sorted(kept + found, key=lambda r: r.start)


def _titles_as_works(block: "Block", raws: list[_Raw]) -> list[_Raw]:
    """Words of a quoted title ('Wenders’ “Paris, Texas”') name a work, not the places in it."""
    from app.nlp.quotes import quoted_titles

    titles = quoted_titles(block.text) if any(c in block.text for c in "\"“‘'") else []
    if not titles:
        return raws
    kept = [r for r in raws if not any(block.start + s <= r.start and r.end <= block.start + e for s, e in titles)]
    if len(kept) == len(raws):
        return raws
    for s, e in titles:
        text = block.text[s:e].rstrip(",.")
        if any(block.start + s <= r.start < block.start + e for r in raws):
            kept.append(_Raw(text, block.start + s, block.start + s + len(text), "WORK_OF_ART", block.kind == "paragraph"))
    return sorted(kept, key=lambda r: r.start)


def _split_inner_possessive(raw: _Raw) -> _Raw:
    """'City’s Station' is two things; keep the owner, which names something on its own."""
    m = re.search(r"['’]s\s", raw.text)
    if not m or raw.label == "WORK_OF_ART":
        return raw
    owner = raw.text[:m.start()]
    return _Raw(owner, raw.start, raw.start + len(owner), "GPE" if raw.label in ("ORG", "FAC") else raw.label,
                raw.in_body, raw.place_context, raw.person_context)


_DATELINE_PLACE = re.compile(rf"^([A-Z][A-Z .'’-]*[A-Z])(?={DATELINE_STATE}?,?\s*(?:\([^)]*\)\s*)?[–—-])")


def _dateline_place(block: "Block", raws: list[_Raw]) -> list[_Raw]:
    """'ROTTERDAM (HG) —' opens the first paragraph with the place it was filed from."""
    m = _DATELINE_PLACE.match(block.text)
    if not m:
        return raws
    start, end = block.start, block.start + m.end(1)
    kept = [r for r in raws if r.end <= start or r.start >= end]
    return [_Raw(m.group(1), start, end, "GPE", in_body=True), *kept]


def _join_adjacent(raws: list[_Raw], text: str) -> list[_Raw]:
    """The model sometimes splits one name in two ('Jane' GPE, 'Roe' GPE): rejoin them."""
    out: list[_Raw] = []
    for raw in raws:
        prev = out[-1] if out else None
        gap = text[prev.end:raw.start] if prev else ""
        nicknamed = bool(prev and nickname(gap) and gap.strip() and "PERSON" in (prev.label, raw.label)
                         and is_first_name(prev.text))  # Earl “Catfish” | Tolliver
        if prev and prev.label not in VALUE_TYPES and raw.label not in VALUE_TYPES \
                and (gap == " " or nicknamed) and prev.label != "NORP" and raw.label != "NORP" \
                and " " not in prev.text and " " not in raw.text:
            label = "PERSON" if "PERSON" in (prev.label, raw.label) else prev.label
            out[-1] = _Raw(text[prev.start:raw.end], prev.start, raw.end, label, prev.in_body,
                           prev.place_context or raw.place_context, prev.person_context or raw.person_context,
                           prev.located or raw.located, prev.described_as or raw.described_as)
        else:
            out.append(raw)
    return out


def _raw_mentions(structure: "Structure", docs: list["Doc"]) -> list[_Raw]:
    raws: list[_Raw] = []
    for block, doc in zip(structure.blocks, docs):
        if block.kind == "byline":
            continue
        block_raws = [part for r in (_clean_span(s, block) for s in doc.ents) if r
                      for at_part in _split_at(_split_inner_possessive(r)) for part in _split_brackets(at_part)]
        block_raws = _nicknamed_people(block, _titles_as_works(block, block_raws))
        if block.kind == "paragraph" and block.paragraph_index in (0, 1):  # 1: after a standfirst
            block_raws = _dateline_place(block, block_raws)
        block_raws += _listed_people(doc, block)
        taken = [(r.start, r.end) for r in block_raws]
        block_raws += _untagged_subjects(doc, block, taken)
        taken = [(r.start, r.end) for r in block_raws]
        block_raws += _acronyms(doc, block, taken)
        raws.extend(_join_adjacent(sorted(block_raws, key=lambda r: r.start), structure.text))
    _relabel_affiliations(raws, structure.text)
    _trim_to_known_people(raws)
    _relabel_first_names(raws)
    return raws


def _organisation_name(name: str) -> bool:
    """'Acme Inc', 'Port Authority': a word in it says it is an organisation or a place."""
    return any(w.lower().strip(".") in ORG_NOUNS | ORG_DESIGNATORS | PLACE_NOUNS for w in name.split())


def _relabel_first_names(raws: list[_Raw]) -> None:
    """'Nadia Farouk said' tagged ORG: a first name and a surname name a person, when speaking
    or sharing a known person's surname ('Cal Fire' alone is no person)."""
    surnames = {name_tokens(r.text)[-1] for r in raws if r.label == "PERSON" and name_tokens(r.text)}
    for r in raws:
        words = r.text.split()
        if r.label in VALUE_TYPES or r.label == "PERSON" or not 2 <= len(words) <= 3 or not r.text.istitle():
            continue
        if _organisation_name(r.text) or not first_name_gender(r.text):
            continue
        if r.person_context or name_tokens(r.text)[-1] in surnames:
            r.label = "PERSON"


def _trim_to_known_people(raws: list[_Raw]) -> None:
    """'Jane Best' tagged ORG where Jane is a known person's first name: keep only the person."""
    known: set[str] = set()
    full_names: set[tuple[str, ...]] = set()
    for r in raws:
        if r.label == "PERSON" and len(name_tokens(r.text)) >= 2:
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


# ---------------------------------------------------------------- merging


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    return fold(text.replace(".", ""))


def _initials(text: str) -> str:
    words = re.split(r"[\s\-]+", strip_possessive(text))
    caps = [w for w in words if w[:1].isupper() and w.lower() not in NAME_PARTICLES]
    return "".join(w[0] for w in caps).lower() if len(caps) >= 2 else ""


def _core_org_key(text: str) -> str:
    """'PA news agency' -> 'pa', 'Labour Party' -> 'labour': the name without designators."""
    words = strip_possessive(text).split()
    while len(words) > 1 and (words[-1].islower() or words[-1].lower() in ORG_DESIGNATORS):
        words = words[:-1]
    return _key(" ".join(words))


@lru_cache(maxsize=4096)
def _same_thing(a: str, b: str, loose: bool = True, strict: bool = False) -> bool:
    """Non-person forms that name one thing.

    Without `loose`, `a` may join a longer form of itself but not a shorter one: a
    title-case headline line 'Acme Wins Again' must not join 'Acme'. With `strict`, only
    the same name, a country's other name or initials join: a place begins many an
    organisation's name ('Texas Instruments', 'Boise police').
    """
    ka, kb = _key(a), _key(b)
    if same_country(a, b):
        return True
    if ka == kb or ka.rstrip("s") == kb.rstrip("s") and abs(len(ka) - len(kb)) <= 1:
        return True
    ca, cb = _core_org_key(a), _core_org_key(b)
    if ca and ca == cb and not strict:
        return True
    shorter, longer = sorted((ka.split(), kb.split()), key=len)
    a_is_shorter = len(ka.split()) < len(kb.split())
    if not strict and (loose or a_is_shorter) and shorter and longer[:len(shorter)] == shorter and (
            len(shorter) >= 2 or _is_proper_word(a if a_is_shorter else b)):
        return True  # 'Acme Labs' and 'Acme Labs Research Unit'

    ia, ib = _initials(a), _initials(b)
    compact_a, compact_b = ka.replace(" ", ""), kb.replace(" ", "")
    return bool((ia and ia in (compact_b, cb.replace(" ", ""))) or (ib and ib in (compact_a, ca.replace(" ", ""))))


def _is_proper_word(text: str) -> bool:
    """A one-word name that is no ordinary capitalised word: 'Nordtek', not 'Council'."""
    word = strip_possessive(text).strip()
    return bool(word) and word[:1].isupper() and word.lower() not in ORG_NOUNS | PLACE_NOUNS | TITLE_WORDS


def _person_owner(raw: _Raw, people: list[_Group], person_surfaces: set[str]) -> _Group | None:
    """The one full-named person whose surname or first name this mention is."""
    tokens = name_tokens(raw.text)
    if len(tokens) != 1:
        matches = [g for g in people if any(name_tokens(m.text) == tokens for m in g.mentions)]
        return matches[0] if len(matches) == 1 else None
    if raw.label in ("GPE", "LOC") and _key(raw.text) not in person_surfaces and not is_first_name(raw.text):
        return None
    nicknamed = [g for g in people if any(fold(nickname(m.text) or "") == tokens[0] for m in g.mentions)]
    if len(nicknamed) == 1:
        return nicknamed[0]  # 'Mookie' for Marcus "Mookie" Dillard
    surname = [g for g in people if any(name_tokens(m.text)[-1] == tokens[0] for m in g.full_person_names())]
    if len(surname) > 1 and (sex := title_gender(raw.text)):
        # 'Mrs Pryce' and 'Mr Pryce' when Joanna and Gareth Pryce are both named
        surname = [g for g in surname if first_name_gender(g.full_person_names()[0].text) == sex]
    if surname:
        # A surname several relatives share is the one the article introduced first: in an
        # obituary 'Tolliver' is the musician, not his daughter Ruby Tolliver.
        return surname[0]
    first = [g for g in people if any(name_tokens(m.text)[0] == tokens[0] for m in g.full_person_names())]
    return first[0] if len(first) == 1 else None


def _group(raws: list[_Raw]) -> list[_Group]:
    people: list[_Group] = []
    for raw in raws:
        if raw.in_body and raw.label == "PERSON" and len(name_tokens(raw.text)) >= 2:
            owner = next((g for g in people if any(name_tokens(m.text) == name_tokens(raw.text)
                                                    for m in g.mentions)), None)
            if owner is None:
                owner = _Group()
                people.append(owner)
            owner.mentions.append(raw)
    person_surfaces = {_key(strip_possessive(r.text)) for r in raws if r.label == "PERSON"}
    person_surfaces |= {name_tokens(r.text)[-1] for r in raws if r.label == "PERSON" and name_tokens(r.text)}

    others: list[_Group] = []
    values: dict[str, _Group] = {}
    value_groups: list[_Group] = []
    pending_heads: list[_Raw] = []
    grouped = {id(m) for g in people for m in g.mentions}
    for raw in raws:
        if id(raw) in grouped:
            continue
        if raw.label in VALUE_TYPES:  # dates and numbers join only their exact form
            owner = values.get(_key(raw.text))
        else:
            owner = _person_owner(raw, people, person_surfaces) or next(
                (g for g in others if _joins(raw, g, loose=raw.in_body)), None)
        if owner is not None:
            owner.mentions.append(raw)
        elif raw.in_body:
            group = _Group([raw])
            if raw.label in VALUE_TYPES:
                values[_key(raw.text)] = group
                value_groups.append(group)
            else:
                others.append(group)
        else:
            pending_heads.append(raw)
    # Titles and headings: only forms the body also uses.
    groups = people + others + value_groups
    for raw in pending_heads:
        owner = _person_owner(raw, people, person_surfaces) or next(
            (g for g in groups if _joins(raw, g, loose=False)), None)
        if owner is not None:
            owner.mentions.append(raw)
    return _merge_speaking_surnames(groups)


def _merge_speaking_surnames(groups: list[_Group]) -> list[_Group]:
    """'Jo Okafo' (mistyped a place) and 'Okafo told reporters' (mistyped a work): one person."""
    full = [g for g in groups if any(len(m.text.split()) == 2 and m.text.istitle() for m in g.mentions)]
    merged: list[_Group] = []
    for group in groups:
        words = {m.text for m in group.mentions}
        speaks = any(m.person_context for m in group.mentions)
        if speaks and len(words) == 1 and " " not in next(iter(words)):
            word = next(iter(words))
            owners = [g for g in full if g is not group and any(
                m.text.split()[-1] == word for m in g.mentions if len(m.text.split()) == 2)]
            if len(owners) == 1:
                owners[0].mentions.extend(group.mentions)
                for m in owners[0].mentions:
                    m.person_context = True
                continue
        merged.append(group)
    return merged


def _add_missed_surnames(groups: list[_Group], structure: "Structure", docs: list["Doc"]) -> None:
    """A known person's surname the model left untagged is still that person."""
    surnames: dict[str, _Group] = {}
    for group in groups:  # in order of appearance: a shared surname is the first one's, as in _person_owner
        for m in group.full_person_names():
            surnames.setdefault(m.text.split()[-1], group)
    taken = sorted((m.start, m.end) for g in groups for m in g.mentions)
    starts = [s for s, _ in taken]
    for block, doc in zip(structure.blocks, docs):
        if block.kind != "paragraph":
            continue
        for token in doc:
            group = surnames.get(token.text)
            start = block.start + token.idx
            if group is None or not (token.pos_ == "PROPN" or token.dep_ in NAME_ROLES):
                continue  # 'Cullen, 58, added': a surname the model took for an adjective
            i = bisect_right(starts, start) - 1
            if i >= 0 and start < taken[i][1]:
                continue  # already part of a mention
            group.mentions.append(_Raw(token.text, start, start + len(token.text), "PERSON", in_body=True))


def _joins(raw: _Raw, group: _Group, loose: bool = True) -> bool:
    head = group.mentions[0]
    if (raw.label in VALUE_TYPES) != (head.label in VALUE_TYPES):
        return False
    if raw.label in VALUE_TYPES:
        return _key(raw.text) == _key(head.text)
    forms = group.forms()
    if raw.label == "PERSON" and head.label == "PERSON":
        return any(name_tokens(raw.text) == name_tokens(form) for form in forms)
    kinds = {"place" if label in ("GPE", "LOC") else label for label in (raw.label, head.label)}
    return any(_same_thing(raw.text, form, loose, strict=kinds == {"place", "ORG"}) for form in forms)


def _group_type(group: _Group) -> str:
    if any(not m.weak for m in group.full_person_names()):
        return "PERSON"
    names = [m.text for m in group.mentions]
    if any(len(n.split()) >= 2 and (n.split()[-1].lower() in ORG_NOUNS or n.split()[-1].lower().strip(".") in
                                    ORG_DESIGNATORS) for n in names):
        return "ORG"  # 'Port of Leith Authority', 'Acme Insurance Group', 'Acme Inc.'
    described = Counter(m.described_as for m in group.mentions if m.described_as)
    if described:
        return described.most_common(1)[0][0]
    labels = Counter()
    for m in group.mentions:  # a full form is better evidence than a bare word
        labels[m.label] += (2 if len(m.text.split()) >= 2 else 1) * (0.25 if m.weak else 1)
    best = max(labels.values())
    tied = [label for label, n in labels.items() if n == best]
    label = min(tied, key=lambda x: TYPE_PREFERENCE.index(x) if x in TYPE_PREFERENCE else len(TYPE_PREFERENCE))
    # A name listed only beside names of one other kind is of that kind: 'Filipino, Polish or
    # Nigerian' are all demonyms, 'Halifax and Huddersfield' both towns.
    listed = [m.listed_with for m in group.mentions]
    if label in ("LANGUAGE", "ORG") and all(listed):
        beside = set.intersection(*(set(x) for x in listed))
        for other in ("NORP", "GPE"):
            if beside == {other} or beside == {other, "LOC"}:
                return other
    if label == "NORP":
        # 'the jury at Venice': a demonym is never where something happens.
        located = sum(m.place_context and m.located for m in group.mentions)
        if located * 2 >= len(group.mentions):
            return "GPE"
    two_word_names = {m.text for m in group.mentions if len(m.text.split()) == 2 and m.text.istitle()}
    name_forms = two_word_names | {n.split()[-1] for n in two_word_names}
    if label in ("GPE", "LOC", "PRODUCT", "WORK_OF_ART", "FAC") and any(
            m.person_context and m.text in name_forms for m in group.mentions):
        return "PERSON"  # 'Jane Roe told reporters': a two-word name that speaks is a person
    if label == "PERSON":
        place = sum(m.place_context for m in group.mentions)
        person = sum(m.person_context for m in group.mentions)
        if place > person:
            return "GPE"
    return label


def _group_name(group: _Group, type_: str) -> str:
    forms = [m.text for m in group.mentions if m.in_body] or [m.text for m in group.mentions]
    counts = Counter(forms)
    if type_ == "PERSON":  # the fullest form, and one without a nickname in quotes
        return max((bare_name(f) for f in forms), key=lambda f: (len(name_tokens(f)), not re.search(r"[\"“”‘’]", f),
                                                                 counts[f], -forms.index(f) if f in forms else 0))
    return max(forms, key=lambda f: (len(_key(f).split()), counts[f], -forms.index(f)))


def _to_entity(group: _Group, used_ids: set[str]) -> Entity:
    type_ = _group_type(group)
    name = _group_name(group, type_)
    mentions = sorted({(m.start, m.end): Mention(m.text, m.start, m.end) for m in group.mentions}.values(),
                      key=lambda m: m.start)
    aliases = list(dict.fromkeys(m.text for m in mentions if m.text != name))
    return Entity(id=unique_id(name, used_ids), name=name, type=type_, aliases=aliases, salience=0.0,
                  mentions=mentions)


def unique_id(name: str, used_ids: set[str]) -> str:
    base = slugify(name) or "entity"
    candidate, n = base, 2
    while candidate in used_ids:
        candidate, n = f"{base}-{n}", n + 1
    used_ids.add(candidate)
    return candidate


# ---------------------------------------------------------------- public


def extract_entities(structure: "Structure", docs: list["Doc"]) -> list[Entity]:
    """`docs[i]` is the spaCy Doc of `structure.blocks[i]`; offsets are global."""
    groups = _group(_raw_mentions(structure, docs))
    _add_missed_surnames(groups, structure, docs)
    used: set[str] = set()
    entities = [_to_entity(g, used) for g in groups if g.mentions]
    _add_byline(structure, entities)
    return entities


def _add_byline(structure: "Structure", entities: list[Entity]) -> None:
    """Authors and the publisher are entities too, with their byline or dateline mentions."""
    header = [b for b in structure.blocks if b.kind == "byline"]
    lead = [b for b in structure.blocks if b.kind == "paragraph"][:2]  # a standfirst may come first
    authors = re.split(r"\s*(?:,|\band\b|&)\s*", structure.author) if structure.author else []
    for name, type_, blocks in [*((a, "PERSON", header) for a in authors if a),
                                (structure.publisher, "ORG", header + lead)]:
        if not name:
            continue
        for block in blocks:
            at = block.text.find(name)
            if at >= 0:
                add_mention(entities, Mention(name, block.start + at, block.start + at + len(name)), type_)
                break


def add_mention(entities: list[Entity], mention: Mention, type_: str = "PERSON") -> Entity:
    """Attach a mention found by another step (a speaker, an author) to its entity, or make one."""
    entity = find_entity(mention.text, entities, {type_})
    if entity is None and type_ != "PERSON":
        entity = next((e for e in entities if e.type not in VALUE_TYPES
                       and any(_same_thing(mention.text, f) for f in (e.name, *e.aliases))), None)
    if entity is None and type_ == "PERSON":
        # The model may have mistyped a person the article quotes: 'said Jo Bloggs' tagged ORG.
        others = [e for e in entities if e.type not in VALUE_TYPES]
        entity = find_entity(mention.text, others) or next(
            (e for e in others if e.name.istitle() and same_person(mention.text, e.name)), None)
        if entity is not None and len(name_tokens(entity.name)) >= 2 and not _organisation_name(entity.name):
            entity.type = "PERSON"
        elif entity is not None:
            entity = None
    if entity is None:
        name = bare_name(mention.text) if type_ == "PERSON" else strip_possessive(mention.text)
        entity = Entity(id=unique_id(name, {e.id for e in entities}), name=name, type=type_, aliases=[],
                        salience=0.0, mentions=[])
        entities.append(entity)
    if type_ != "PERSON" and entity.type != type_:
        _rename(entity, mention.text, entities)  # the byline knows what its publisher is
        entity.type = type_
    if all((m.start, m.end) != (mention.start, mention.end) for m in entity.mentions):
        entity.mentions.append(mention)
        entity.mentions.sort(key=lambda m: m.start)
    if mention.text != entity.name and mention.text not in entity.aliases:
        entity.aliases.append(mention.text)
    return entity


def _rename(entity: Entity, form: str, entities: list[Entity]) -> None:
    """Name an entity by a fuller form, keeping the old name as an alias."""
    if len(form.split()) <= len(entity.name.split()) or form == entity.name:
        return
    entity.aliases = [a for a in (entity.name, *entity.aliases) if a != form]
    entity.name = form
    entity.id = unique_id(form, {e.id for e in entities if e is not entity})


def finalize_entities(entities: list[Entity], text_length: int = 0) -> list[Entity]:
    """Salience and order, once quotes have added their speakers.

    salience = 0.7 * mentions / most mentions + 0.3 * (1 - first offset / text length),
    quartered for dates and numbers so that names lead the default listing.
    """
    entities = [e for e in entities if e.mentions]
    if not entities:
        return []
    most = max(len(e.mentions) for e in entities if e.type not in VALUE_TYPES) if any(
        e.type not in VALUE_TYPES for e in entities) else max(len(e.mentions) for e in entities)
    length = max(text_length, max(m.end for e in entities for m in e.mentions), 1)
    for e in entities:
        score = 0.7 * min(len(e.mentions) / most, 1.0) + 0.3 * (1 - e.mentions[0].start / length)
        e.salience = round(score * (0.25 if e.type in VALUE_TYPES else 1.0), 4)
    return sorted(entities, key=lambda e: (e.type in VALUE_TYPES, -len(e.mentions), e.mentions[0].start))
