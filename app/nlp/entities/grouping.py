"""Mentions that name one thing, grouped: one group per person, organisation or place.

- a surname, first name or titled form joins the one full name it belongs to;
- an acronym joins the name whose initials it spells (`UK`, `United Kingdom`);
- a short organisation name joins its longer form (`Labour`, `Labour Party`);
- a plural demonym joins its singular (`Canadians`, `Canadian`).

Whether two names can denote one thing is decided in `app.nlp.names`; this
module decides which of the article's candidates a mention joins. Titles and
headings are printed in title case that the model misreads, so their mentions
only join what the body also names.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from app.nlp import lexicon
from app.nlp.entities.aliases import merge_alias_names, merge_bracketed_glosses, merge_tickers
from app.nlp.entities.labels import group_type
from app.nlp.entities.mentions import ORG_KIND_WORDS, THING_NOUNS, VALUE_TYPES, Group, RawMention, demonym_noun
from app.nlp.names import (FIRST_NAME_PARTICLES, PLACE_NOUNS, SURNAME_PARTICLES, TITLE_WORDS, first_name_gender, fold,
                           is_city, is_country, is_first_name, name_key, name_tokens, near_spelling, nickname, same_thing,
                           strip_possessive, surnames, title_gender)

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from app.nlp.structure import Structure

# 'of', 'for': after the noun heading an English organisation's name ('the Lower House of Deputies').
ENGLISH_HEAD_LINKS = lexicon.words("name_links", "head") & lexicon.words("name_links", "english")

# Roles in which a capitalised word stands as a noun phrase of its own, not as a modifier.
NAME_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj", "attr"})


def group_mentions(raws: list[RawMention], structure: "Structure", docs: list["Doc"]) -> list[Group]:
    groups = merge_tickers(merge_alias_names(_merge_defined_acronyms(_group(raws), structure.text), structure.text))
    groups = merge_bracketed_glosses(groups, structure.text)
    _add_missed_surnames(groups, structure, docs)
    return [g for g in groups if g.mentions and not _common_word(g, structure.text)]


def _common_word(group: Group, text: str) -> bool:
    """'Government', 'Media', 'Space' capitalised at the start of a sentence or in a heading:
    a name of one word that the article also prints in lower case is an ordinary word."""
    forms = {m.text for m in group.mentions}
    if len(forms) != 1 or group.mentions[0].label in VALUE_TYPES:
        return False
    word = next(iter(forms))
    if " " in word or not word[:1].isupper() or word.isupper():
        return False
    return re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text) is not None


def _person_owner(raw: RawMention, people: list[Group], person_surfaces: set[str]) -> Group | None:
    """The one full-named person whose surname or first name this mention is."""
    tokens = name_tokens(raw.text)
    if len(tokens) != 1:
        matches = [g for g in people if any(name_tokens(m.text) == tokens for m in g.mentions)]
        return matches[0] if len(matches) == 1 else None
    if raw.label in ("GPE", "LOC") and name_key(raw.text) not in person_surfaces and not is_first_name(raw.text):
        return None
    nicknamed = [g for g in people if any(fold(nickname(m.text) or "") == tokens[0] for m in g.mentions)]
    if len(nicknamed) == 1:
        return nicknamed[0]  # 'Dusty' for Warren "Dusty" Pellham
    surname = [g for g in people if any(tokens[0] in surnames(m.text) for m in g.full_person_names())]
    if len(surname) > 1 and (sex := title_gender(raw.text)):
        # 'Mrs Haldane' and 'Mr Haldane' when Hester and Rupert Haldane are both named
        surname = [g for g in surname if first_name_gender(g.full_person_names()[0].text) == sex]
    if surname:
        # A surname several relatives share is the one the article introduced first: in an
        # obituary the surname alone is the person the article is about, not a relative.
        return surname[0]
    first = [g for g in people if any(name_tokens(m.text)[0] == tokens[0] for m in g.full_person_names())]
    if len(first) == 1:
        return first[0]
    if _particle_surname(raw.text):
        # 'De la Rosa' for Yolanda de la Rosa Vidal: the first of two surnames stands for the person
        middle = [g for g in people if any(tokens[0] in name_tokens(m.text)[1:-1] for m in g.full_person_names())]
        if len(middle) == 1:
            return middle[0]
    # 'Ms Reichtmeyer' for Greta Richtmeyer: a titled surname misspelt, when one person's is that near.
    if title_gender(raw.text) or raw.text.split()[0].lower().strip(".") in TITLE_WORDS:
        near = {id(g): g for g in people for m in g.full_person_names()
                if near_spelling(name_tokens(m.text)[-1], tokens[0])}
        if len(near) == 1:
            return next(iter(near.values()))
    return None


def _short_form_owner(raw: RawMention, people: list[Group]) -> Group | None:
    """'Bin Harith', 'Van Hoek' after 'Tariq Salim bin Harith': a particle that may be a given name
    begins the surname of the one person whose full name ends with both words. 'Ní Bhraonáin',
    'García Osuna' after 'Sorcha Ní Bhraonáin', 'Lucía García Osuna': two words, no given name
    first, that end a longer full name are that person's surname; two that begin it, a shorter form."""
    tokens = name_tokens(raw.text)
    if len(tokens) != 2:
        return None
    if tokens[0] in FIRST_NAME_PARTICLES:
        owners = [g for g in people if any(name_tokens(m.text)[-1] == "".join(tokens) for m in g.full_person_names())]
    else:  # also 'Born Ada Lyle' after 'Ada Lyle Brannock': the name before a last surname (a maiden name)
        surname = not is_first_name(strip_possessive(raw.text).split()[0])
        owners = [g for g in people if any(len(t := name_tokens(m.text)) > 2 and (
            list(t[:2]) == tokens or surname and list(t[-2:]) == tokens) for m in g.full_person_names())]
    return owners[0] if len(owners) == 1 else None


def _particle_surname(text: str) -> bool:
    """'De la Rosa', 'van Hoek': a name printed with a surname particle first is a surname alone."""
    words = strip_possessive(text).split()
    return len(words) >= 2 and words[0].lower() in SURNAME_PARTICLES - FIRST_NAME_PARTICLES


def _group(raws: list[RawMention]) -> list[Group]:
    people: list[Group] = []
    for raw in raws:
        if raw.in_body and raw.label == "PERSON" and len(name_tokens(raw.text)) >= 2:
            owner = next((g for g in people if any(name_tokens(m.text) == name_tokens(raw.text)
                                                    for m in g.mentions)), None) or _short_form_owner(raw, people)
            if owner is None:
                owner = Group()
                people.append(owner)
            owner.mentions.append(raw)
    person_surfaces = {name_key(strip_possessive(r.text)) for r in raws if r.label == "PERSON"}
    person_surfaces |= {name_tokens(r.text)[-1] for r in raws if r.label == "PERSON" and name_tokens(r.text)}

    others: list[Group] = []
    values: dict[str, Group] = {}
    value_groups: list[Group] = []
    pending_heads: list[RawMention] = []
    grouped = {id(m) for g in people for m in g.mentions}
    for raw in raws:
        if id(raw) in grouped:
            continue
        if raw.label in VALUE_TYPES:  # dates and numbers join only their exact form
            owner = values.get(name_key(raw.text))
        else:
            owner = _person_owner(raw, people, person_surfaces) or next(
                (g for g in others if _joins(raw, g, loose=raw.in_body)), None)
        if owner is not None:
            owner.mentions.append(raw)
        elif raw.in_body:
            group = Group([raw])
            if raw.label in VALUE_TYPES:
                values[name_key(raw.text)] = group
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
        elif raw.label in ("GPE", "LOC", "ORG", "PERSON") and (is_country(raw.text) or is_city(raw.text)):
            # a headline's 'Texas' or 'Lagos': a known place needs no body, whatever the model made of
            # a title-case line
            raw.label = "GPE"
            groups.append(Group([raw]))
    return _merge_plurals(_merge_demonym_nouns(_merge_named_events(_merge_heads(_merge_speaking_surnames(groups)))))


def _acronym(text: str) -> bool:
    letters = text.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 8 and letters.isalnum() and sum(c.isupper() for c in letters) >= 2 \
        and not any(c.islower() for c in letters[:1]) and " " not in text


def _merge_defined_acronyms(groups: list[Group], text: str) -> list[Group]:
    """'the Federal Roads Board (FRB)', 'FRB (Federal Roads Board)': a short form defined in
    parentheses is that organisation's, whether or not its letters spell the name (an acronym
    of the name in another language, an old name). A dateline's 'CITY (Outlet)' is no such
    definition: a short form has no more letters than the name has words, plus one."""
    owner_of = {id(m): g for g in groups for m in g.mentions}
    by_end = {m.end: m for g in groups for m in g.mentions if m.in_body}
    for group in groups:
        for inner in list(group.mentions):
            if not inner.in_body or text[inner.start - 2:inner.start] != " (" or text[inner.end:inner.end + 1] != ")":
                continue
            outer = by_end.get(inner.start - 2)
            if outer is None or "PERSON" in (outer.label, inner.label) or inner.label in VALUE_TYPES \
                    or outer.label in VALUE_TYPES or is_country(inner.text) or is_country(outer.text):
                continue
            short, long_ = (inner, outer) if _acronym(inner.text) else (outer, inner)
            letters, words = len(short.text.replace(".", "")), len(long_.text.split())
            if not _acronym(short.text) or _acronym(long_.text) or words < 2 or letters > words + 1 \
                    or "ORG" not in (short.label, long_.label) or short.label in ("GPE", "LOC"):
                continue
            absorbed, owner = owner_of[id(short)], owner_of[id(long_)]
            if absorbed is not owner:
                for m in absorbed.mentions:
                    owner_of[id(m)] = owner
                owner.mentions.extend(absorbed.mentions)
                absorbed.mentions = []
    return [g for g in groups if g.mentions]


def _merge_demonym_nouns(groups: list[Group]) -> list[Group]:
    """'a Scot' and 'Scottish', 'the Welshman' and 'Welsh': one people, when one group of the
    article spells its adjective."""
    merged: list[Group] = []
    for group in groups:
        stems = {demonym_noun(m.text) for m in group.mentions}
        stem = next(iter(stems)) if len(stems) == 1 else None
        if stem and len(stem) >= 3:
            owners = [g for g in groups if g is not group and not all(demonym_noun(m.text) for m in g.mentions)
                      and any(m.label == "NORP" and m.text.lower().startswith(stem[:3]) for m in g.mentions)]
            if len(owners) == 1:
                owners[0].mentions.extend(group.mentions)
                continue
        merged.append(group)
    return merged


def _merge_plurals(groups: list[Group]) -> list[Group]:
    """'won five Ambers' after 'the Amber Awards': a one-word plural of the word that opens one other
    name of the article, no person's, counts things of that name (a people's or a family's plural
    is handled apart)."""
    firsts: dict[str, list[Group]] = {}
    for group in groups:
        if group_type(group) not in VALUE_TYPES | {"PERSON", "NORP"}:
            for word in {m.text.split()[0] for m in group.mentions if m.text[:1].isupper()}:
                firsts.setdefault(word, []).append(group)
    merged: list[Group] = []
    for group in groups:
        forms = group.forms()
        word = next(iter(forms)) if len(forms) == 1 else ""
        owners = [g for g in firsts.get(word[:-1], []) if g is not group] if word.endswith("s") and " " not in word \
            and not any(m.label in ("PERSON", "NORP") for m in group.mentions) else []
        if len(owners) == 1:
            owners[0].mentions.extend(group.mentions)
            continue
        merged.append(group)
    return merged


def name_head(name: str) -> str | None:
    """The noun that heads a name: 'House' of 'the Lower House of Deputies', 'Senate' of 'State Senate'."""
    words = strip_possessive(name).split()
    if len(words) < 2:
        return None
    before_link = [w for w, nxt in zip(words, words[1:]) if nxt in ENGLISH_HEAD_LINKS]
    return (before_link[0] if before_link else words[-1]).lower()


def _merge_heads(groups: list[Group]) -> list[Group]:
    """'the House' after 'the Lower House of Deputies', 'the Church' after 'the Church of Arnby',
    'Rovers' after 'Tarnby Rovers' (whatever the model called it): an organisation called back by
    the noun heading its name, when one organisation of the article has that head."""
    merged: list[Group] = []
    for group in groups:
        forms = group.forms()
        word = next(iter(forms)) if len(forms) == 1 else ""
        if " " in word or not word.istitle() or not (any(m.label == "ORG" for m in group.mentions)
                                                      or word.lower() in ORG_KIND_WORDS):
            merged.append(group)
            continue
        owners = [g for g in groups if g is not group and any(
            m.label == "ORG" and name_head(m.text) == word.lower() for m in g.mentions)]
        if len(owners) == 1:
            owners[0].mentions.extend(group.mentions)
            continue
        merged.append(group)
    return merged


def _merge_named_events(groups: list[Group]) -> list[Group]:
    """'Marivel weakened' after 'Typhoon Marivel': a word alone that follows a noun for a kind of event
    in one name of the article ('Typhoon', 'Hurricane') calls that event back (a known place aside)."""
    events: dict[str, dict[int, Group]] = {}  # the word after the kind -> the groups so named, by id
    for group in groups:
        for form in group.forms():
            words = form.split()
            if len(words) == 2 and THING_NOUNS.get(words[0].lower()) == "EVENT":
                events.setdefault(words[1], {})[id(group)] = group
    merged: list[Group] = []
    for group in groups:
        forms = group.forms()
        word = next(iter(forms)) if len(forms) == 1 else ""
        owners = [g for g in events.get(word, {}).values() if g is not group]
        if len(owners) == 1 and not (is_city(word) or is_country(word)):
            owners[0].mentions.extend(group.mentions)
            continue
        merged.append(group)
    return merged


def _merge_speaking_surnames(groups: list[Group]) -> list[Group]:
    """'Jo Brannagh' (mistyped a place) and 'Brannagh told reporters' (mistyped a work): one person."""
    # 'Port Arnby' is no 'Jo Brannagh': the full name begins with a given name, or the model took it for a
    # person's; or it is a country's, whose last word alone names it too ('Macedonia' for 'North Macedonia')
    full = [g for g in groups if any(len(m.text.split()) == 2 and m.text.istitle() and (
        m.label == "PERSON" or is_first_name(m.text.split()[0]) or is_country(m.text)) for m in g.mentions)]
    merged: list[Group] = []
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


def _add_missed_surnames(groups: list[Group], structure: "Structure", docs: list["Doc"]) -> None:
    """A known person's surname the model left untagged is still that person."""
    surnames: dict[str, Group] = {}
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
                continue  # 'Cullen, 63, added': a surname the model took for an adjective
            i = bisect_right(starts, start) - 1
            if i >= 0 and start < taken[i][1]:
                continue  # already part of a mention
            group.mentions.append(RawMention(token.text, start, start + len(token.text), "PERSON", in_body=True))


def _joins(raw: RawMention, group: Group, loose: bool = True) -> bool:
    head = group.mentions[0]
    if (raw.label in VALUE_TYPES) != (head.label in VALUE_TYPES):
        return False
    if raw.label in VALUE_TYPES:
        return name_key(raw.text) == name_key(head.text)
    forms = group.forms()
    if raw.label == "PERSON" and head.label == "PERSON":
        return any(name_tokens(raw.text) == name_tokens(form) for form in forms)
    kinds = {"place" if label in ("GPE", "LOC") else label for label in (raw.label, head.label)}
    # A place begins many an organisation's name, and a demonym many a name of anything.
    strict = kinds == {"place", "ORG"} or ("NORP" in kinds and len(kinds) > 1)
    if kinds == {"ORG", "WORK_OF_ART"}:  # an organisation's name begins many a programme's ('Arnia League Tonight')
        forms = {f for f in forms if not _begins(raw.text, f) and not _begins(f, raw.text)}
    return any(same_thing(raw.text, form, loose, strict=strict) and not _place_inside_longer_name(raw, form, group)
               for form in forms)


def _begins(short: str, long: str) -> bool:
    a, b = name_key(short).split(), name_key(long).split()
    return len(a) < len(b) and b[:len(a)] == a


def _place_inside_longer_name(raw: RawMention, form: str, group: Group) -> bool:
    """'Leeds' and 'Leeds Herald', 'Arnby' and 'Arnby Regional Airport': a place printed as a place
    is not the paper, the airport or the office named after it, whatever the model calls the longer
    name. The longer name is something else when the model did not call it a place, or when a noun
    for a building or an organisation heads it; another place ('East Arnby') keeps the old rules."""
    a, b = name_key(strip_possessive(raw.text)).split(), name_key(strip_possessive(form)).split()
    if len(a) == len(b):
        return False
    short_words, long_words = (a, b) if len(a) < len(b) else (b, a)
    if all(w in PLACE_NOUNS or w in THING_NOUNS for w in short_words):
        return False  # 'the Gulf' is no name of its own
    short_mentions, long_mentions = [raw], [m for m in group.mentions if m.text == form]
    if short_words is b:
        short_mentions, long_mentions = long_mentions, short_mentions
    head = long_words[-1]
    named_by_kind = THING_NOUNS.get(head, "LOC") != "LOC" or head in ORG_KIND_WORDS
    district = THING_NOUNS.get(short_words[-1]) == "GPE"  # 'Arnby County' is a place by its own head noun
    if not district and not any(m.label in ("GPE", "LOC") or (
            (m.label != "ORG" or named_by_kind) and (is_city(m.text) or is_country(m.text))) for m in short_mentions):
        # a town's name the model read as an organisation's may be its club's or firm's, but not its
        # court's or council's: 'Gateshead' (typed an organisation) is no 'Gateshead Crown Court'
        return False
    n = len(short_words)
    if not any(long_words[i:i + n] == short_words for i in range(len(long_words) - n + 1)):
        return False
    return all(m.label not in ("GPE", "LOC") for m in long_mentions) or named_by_kind
