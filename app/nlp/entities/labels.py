"""One type and one name per group, by the article's own evidence.

The model labels each mention on its own; a name is one thing across the
article. `group_type` asks `TYPE_RULES` in order, from the strongest evidence
to the weakest, and the first rule with an answer decides: a country's name,
the noun that heads the name ('University of X', 'Corvan Sea'), a person's full
name, an appositive that says what it is, then the mentions' labels weighed
and corrected by the company the name keeps.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.nlp import lexicon
from app.nlp.entities.mentions import ORG_KIND_WORDS, THING_NOUNS, VALUE_TYPES, demonym_noun
from app.nlp.names import MASTHEAD_WORDS, ORG_TRAILING_WORDS, PLACE_NOUNS, TRADE_WORDS, bare_name, is_city, is_country, is_first_name, name_key, name_tokens

if TYPE_CHECKING:
    from app.nlp.entities.mentions import Group

# When the evidence is tied, the label a news reader would pick first.
TYPE_PREFERENCE = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT",
                   "LAW", "LANGUAGE")
SURNAME_THINGS = lexicon.words("thing_nouns", "surname")
LAST_WORD_THINGS = lexicon.words("thing_nouns", "last")
INSTITUTION_THINGS = lexicon.words("thing_nouns", "institution")
COMPASS_WORDS = lexicon.words("compass_words")
CELESTIAL_BODIES = lexicon.words("celestial_bodies")
LOCAL_PLACE_NOUNS = lexicon.words("place_nouns", "local")
_LINKS = lexicon.words("name_links", "english")  # 'Committee on Rail', 'University of Arnby'


def group_type(group: "Group") -> str:
    for _, rule in TYPE_RULES:
        label = rule(group)
        if label:
            return label
    return "ORG"


def personal_name(text: str) -> bool:
    """'Rex Hall', 'Ana de la Cruz': a given name and a surname, unless the last word names a kind of
    thing no one is called ('Warren Pell Center', 'Victoria Station')."""
    words = text.split()
    last = words[-1].lower() if words else ""
    return (2 <= len(words) <= 4 and is_first_name(words[0]) and not _LINKS & {w.lower() for w in words}
            and (last not in THING_NOUNS or last in SURNAME_THINGS) and last not in ORG_KIND_WORDS | MASTHEAD_WORDS)


def _value(group: "Group") -> str | None:
    """'in the spring', 'Monday': a date or a number stays one, whatever place shares its spelling."""
    labels = group.labels
    if all(label in VALUE_TYPES for label in labels):
        return labels.most_common(1)[0][0]
    return None


def _country(group: "Group") -> str | None:
    """'the UK', 'Britain', 'Ariz.': a country's or a state's name is a place however the model
    labelled it, unless a person of the article bears it ('Denzel Washington')."""
    if any(personal_name(m.text) for m in group.mentions):
        return None
    return "GPE" if any(is_country(m.text) for m in group.mentions) else None


def _city(group: "Group") -> str | None:
    """'Porto' tagged a person, 'Leicester' an organisation: a city's name is a place when the
    article gives no sign of a person or organisation by it (a title, a verb of saying, an
    organisation noun) and the model or the words around it once said place."""
    forms = {m.text for m in group.mentions}
    if not all(is_city(f) for f in forms) or any(m.person_context or m.counted for m in group.mentions):
        return None  # ... 'a bulletproof Porto': counted, a thing of that make
    if any(m.label in ("GPE", "LOC") or m.place_context for m in group.mentions) or all(
            m.label in ("ORG", "NORP") for m in group.mentions):
        return "GPE"
    return None


def _celestial_body(group: "Group") -> str | None:
    """'on the Moon', 'when the Sun heats it': the Sun, the Moon or a planet, printed alone, is a
    place, unless the article makes it speak or sell ('the Moon said', 'Mercury shares') or prints
    it as a title ('told The Mercury')."""
    if not all(m.text.lower() in CELESTIAL_BODIES for m in group.mentions):
        return None
    if any(m.person_context or m.speaks or m.company_context or m.kind_named or m.capital_the
           or m.described_as in ("ORG", "PERSON")
           for m in group.mentions):
        return None
    return "LOC"


def _member_of_a_people(group: "Group") -> str | None:
    """'the Welshman', 'two Scots', 'a Brit': a noun for someone of a nation or faith names the group."""
    nouns = [bool(demonym_noun(m.text)) for m in group.mentions]
    return "NORP" if any(nouns) and all(n or m.label == "NORP" for n, m in zip(nouns, group.mentions)) else None


def _part_of_a_place(group: "Group") -> str | None:
    """'Northwest Arnby', 'East Leeds': a direction before a town's or a country's name is part of it."""
    for m in group.mentions:
        words = m.text.split()
        if len(words) >= 2 and words[0].lower() in COMPASS_WORDS and words[0].istitle() \
                and (is_city(" ".join(words[1:])) or is_country(" ".join(words[1:]))):
            return "GPE"
    return None


def _place_with_its_kind(group: "Group") -> str | None:
    """'State of Velmoria', 'City of Arnby': a place named with its kind is a place; 'a demand made by the
    Municipality of Arnby': a place with its own authority, so named and never where something is, is
    that authority acting, an organisation."""
    kinds = [m for m in group.mentions if len(_words(m.text)) >= 3 and _words(m.text)[0] in PLACE_NOUNS
             and _words(m.text)[1] == "of"]
    if not kinds:
        return None
    if all(_words(m.text)[0] in LOCAL_PLACE_NOUNS and not (m.located or m.place_context) for m in kinds):
        return "ORG"
    return "GPE"


_CODE = re.compile(r"^(?:[A-Z]{1,4}-\d{1,4}|[A-Z]{1,2}\d{2,4}[A-Z]?)$")
_SHORT_CODE = re.compile(r"^[A-Z]{2,3}\d$")  # 'Aerolis KT4': only after a maker's name


def _code(group: "Group") -> str | None:
    """'Aerolis K410', 'XR-207', 'Aerolis KT4': a name ending in a model or mission code names a product."""
    return "PRODUCT" if any(_CODE.match(m.text.split()[-1]) or (
        " " in m.text and _SHORT_CODE.match(m.text.split()[-1])) for m in group.mentions) else None


def _words(name: str) -> list[str]:
    return [w.lower().strip(".,") for w in name.split()]


def _organisation_head(group: "Group") -> str | None:
    """'Acme Insurance Group', 'University of Leeds', 'Centre for Policy Studies': an organisation
    noun heading the name (last, or before 'of'/'for') makes it an organisation."""
    for m in group.mentions:
        words = _words(m.text)
        if len(words) >= 2 and words[-1] in TRADE_WORDS:
            return "ORG"  # 'Orrin Foods', whatever given name opens it: a company's line of business
        if len(words) < 2 or personal_name(m.text):
            continue
        heads = [words[-1]] + [w for w, nxt in zip(words, words[1:]) if nxt in _LINKS]
        if THING_NOUNS.get(words[-1]) == "GPE":
            heads.append(words[-2])  # 'the Arnby School District', 'the Tarn Water Region': an authority
        if any(h in ORG_KIND_WORDS or h in ORG_TRAILING_WORDS for h in heads) or words[-1] in MASTHEAD_WORDS:
            return "ORG"  # ... and 'the Brackton Morning Herald': a newspaper
        if any(h in THING_NOUNS and THING_NOUNS[h] == "FAC" for h in heads[1:]):
            return "ORG"  # 'Centre for Policy Studies': an institution, not its building
    return None


def _thing_head(group: "Group") -> str | None:
    """'Corvan Sea', 'Union Station', 'Mount Kenya', 'Lunar Rocket Tessivar': a name headed or opened by
    a noun for a kind of thing (or holding one, in a longer name) names a thing of that kind, never a
    person. A quoted title stays a work, whatever its words."""
    if any(m.quoted_title for m in group.mentions):
        return None
    for m in group.mentions:
        words = m.text.split()
        if len(words) < 2 or personal_name(m.text):
            continue
        for n, word in enumerate((words[-1], words[0], *(words[1:-1] if len(words) >= 3 else ()))):
            if word[:1].isupper() and word.lower() in THING_NOUNS and not (n and word.lower() in LAST_WORD_THINGS):
                if word.lower() in INSTITUTION_THINGS and m.label == "ORG":
                    return "ORG"  # 'taken to Arnby Medical Center': the hospital, as the model read it
                return THING_NOUNS[word.lower()]
    return None


def _named_work(group: "Group") -> str | None:
    """'her album Marigolds', 'the film Sirens': a name printed right after a noun for a work is the
    work's title, unless the article also gives it as a person's full name."""
    if any(m.work_named for m in group.mentions) and not any(personal_name(m.text) for m in group.mentions):
        return "WORK_OF_ART"
    return None


def _organisation_by_evidence(group: "Group") -> str | None:
    """'the security firm Tarnwell Labs', 'a Quenby spokesperson', "Hollin Vale's Jo Roe", 'published in
    Arnby Medicine': what the article says around a name no given name opens makes it an organisation,
    whatever the model guessed; a town's or a country's name keeps its own rule. A one-word name
    'published in' is left to the rule for journals' titles."""
    if not any(m.organisation_evidence in ("kind", "club") or m.described_as == "ORG" or (
            m.organisation_evidence == "published" and " " in m.text) or (
            m.organisation_evidence in ("members", "affiliation") and m.label not in ("GPE", "LOC"))
            for m in group.mentions):
        return None
    club = any(m.organisation_evidence == "club" for m in group.mentions)
    if any(m.label in ("NORP", "LANGUAGE") or is_country(m.text) or (is_city(m.text) and not club)
           for m in group.mentions):
        return None  # 'Swedish engineers': a people's
    # "Hale Party's Jo Roe", never called by one word: a name opened by a word also given as a first
    # name ('Hale') is still a party's; a person is called by their surname.
    party = any(m.organisation_evidence == "affiliation" for m in group.mentions) and all(
        " " in m.text for m in group.mentions)
    if not party and any(personal_name(bare_name(m.text)) for m in group.mentions):
        return None
    return "ORG"


def _plural_with_the(group: "Group") -> str | None:
    """'The Quenby Sparks', 'as though The Velvet Drifters might return': a plural name printed with
    'The' is a band, a team or a group of some kind, not one person."""
    for m in group.mentions:
        words = m.text.split()
        last = words[-1] if words else ""
        printed_with_the = words[0] == "The" and len(words) >= 3 or m.capital_the
        if m.label == "PERSON" and printed_with_the and last[:1].isupper() and last.endswith("s") \
                and not last.endswith(("ss", "'s", "’s")) and not demonym_noun(last):
            return "ORG"
    return None


def _full_person_name(group: "Group") -> str | None:
    """A full name the model calls a person, unless it is a town's name and only ever where
    something is ('a building site in Charlotte Amalie')."""
    if all(is_city(m.text) and m.located and not m.person_context for m in group.mentions):
        return None
    return "PERSON" if any(not m.weak for m in group.full_person_names()) else None


def _kind_named(group: "Group") -> str | None:
    """'the small Vellmar label', 'Tonebright magazine', 'the ruling Sankalpa alliance': a name printed
    before a lowercase noun for the kind of organisation it names is that organisation's; 'the
    Brackshire town', 'the Wexbury village': before a noun for a kind of place, that place's."""
    if any(m.kind_named for m in group.mentions):
        return "ORG"
    if all(m.building_named for m in group.mentions):
        return "FAC"  # only ever 'the Harwell estate', 'the Quenby mansion': the property, no place
    return "GPE" if any(m.place_named for m in group.mentions) else None


def _described(group: "Group") -> str | None:
    """'Acme, the shipping group', 'Jo Bloggs, a shop steward': what an appositive says it is."""
    described = Counter(m.described_as for m in group.mentions
                        if m.described_as and not (m.described_as == "PERSON" and m.located))
    return described.most_common(1)[0][0] if described else None


def _weighed_labels(group: "Group") -> str:
    """The model's labels, a full form weighing more than a bare word, corrected by the company
    the name keeps."""
    labels: Counter = Counter()
    for m in group.mentions:
        labels[m.label] += (2 if len(m.text.split()) >= 2 else 1) * (0.25 if m.weak else 1)
    best = max(labels.values())
    tied = [label for label, n in labels.items() if n == best]
    label = min(tied, key=lambda x: TYPE_PREFERENCE.index(x) if x in TYPE_PREFERENCE else len(TYPE_PREFERENCE))
    # A name listed only beside names of one other kind is of that kind: 'Peruvian, Greek or
    # Chilean' are all demonyms, 'Skipton and Ripon' both towns.
    listed = [m.listed_with for m in group.mentions]
    if label in ("LANGUAGE", "ORG") and all(listed):
        beside = set.intersection(*(set(x) for x in listed))
        for other in ("NORP", "GPE"):
            if beside == {other} or beside == {other, "LOC"}:
                return other
    if label == "NORP":
        # 'the panel at Locarno': a demonym is never where something happens.
        located = sum(m.place_context and m.located for m in group.mentions)
        if located * 2 >= len(group.mentions):
            return "GPE"
    two_word_names = {m.text for m in group.mentions if len(m.text.split()) == 2 and m.text.istitle()}
    name_forms = two_word_names | {n.split()[-1] for n in two_word_names}
    if label in ("GPE", "LOC", "PRODUCT", "WORK_OF_ART", "FAC") and any(
            m.person_context and m.text in name_forms for m in group.mentions):
        return "PERSON"  # 'Jane Roe told reporters': a two-word name that speaks is a person
    if label in ("ORG", "GPE", "LOC", "NORP", "FAC") and any(m.person_context for m in group.mentions) and all(
            m.text.istitle() and " " not in m.text and is_first_name(m.text) and not is_city(m.text) for m in group.mentions):
        return "PERSON"  # '"It was over," said Tasmin': a given name alone that speaks is a person
    if label in ("GPE", "LOC") and any(m.company_context for m in group.mentions):
        return "ORG"  # 'Acme shares fell', 'Acme boss Jo Roe': only a company has them
    if label in ("PERSON", "GPE", "LOC", "NORP") and sum(m.on_platform for m in group.mentions) > sum(
            m.person_context or m.located for m in group.mentions):
        return "ORG"  # 'posted a video on X', 'messages on X': a platform, no person
    if label == "ORG" and sum(m.situated for m in group.mentions) * 2 > len(group.mentions) and not any(
            m.company_context or m.described_as == "ORG" for m in group.mentions):
        return "GPE"  # 'a school in X', 'born near X': a place
    if label == "ORG" and any(m.personal_role and personal_name(m.text) for m in group.mentions):
        return "PERSON"  # 'founded by Glen Roe', 'Jo Roe of Acme Partners': a given name and a person's role
    if label in ("GPE", "LOC", "ORG") and all(m.counted and " " not in m.text for m in group.mentions):
        return "PRODUCT"  # 'a bulletproof X': one of many things of that make
    if label in ("GPE", "LOC") and any(m.published_in for m in group.mentions) \
            and not any(is_city(m.text) or is_country(m.text) for m in group.mentions):
        return "WORK_OF_ART"  # 'published in X': a journal, not a place
    if label in ("GPE", "LOC", "ORG") and _one_word_person(group, label):
        return "PERSON"
    if label == "PERSON":
        place = sum(m.place_context for m in group.mentions)
        person = sum(m.person_context for m in group.mentions)
        if place > person:
            return "GPE"
    return label


def _one_word_person(group: "Group", label: str) -> bool:
    """'Rafaela won twice, but she ...', 'Ondrasek asked the crew', 'a song by Zelinde': a one-word name
    the article takes up with 'he' or 'she' is a person's; so is one that speaks or made a thing, when
    nothing says it is a place (a company speaks and makes things too). A known town or country, or a name with place or company evidence, stays."""
    mentions = group.mentions
    if any(" " in m.text for m in mentions) or any(is_city(m.text) or is_country(m.text) for m in mentions):
        return False
    if any(m.place_context or m.located or m.place_named or m.company_context or m.kind_named for m in mentions):
        return False
    return any(m.pronoun_person or ((m.speaks or m.authored) and label in ("GPE", "LOC")) for m in mentions)


TYPE_RULES: tuple[tuple[str, Callable[["Group"], str | None]], ...] = (
    ("a date or a number", _value),
    ("country name", _country),
    ("the Sun, the Moon or a planet", _celestial_body),
    ("member of a people", _member_of_a_people),
    ("place named with its kind", _place_with_its_kind),
    ("part of a place", _part_of_a_place),
    ("model or mission code", _code),
    ("organisation noun heads the name", _organisation_head),
    ("organisation by the words around it", _organisation_by_evidence),
    ("thing noun in the name", _thing_head),
    ("name of a work", _named_work),
    ("a plural name printed with 'The'", _plural_with_the),
    ("a person's full name", _full_person_name),
    ("a city's name", _city),
    ("before a noun for its kind", _kind_named),
    ("appositive", _described),
    ("labels weighed", _weighed_labels),
)


def group_name(group: "Group", type_: str) -> str:
    """The fullest form the body uses (for a person: without titles or a nickname in quotes)."""
    forms = [m.text for m in group.mentions if m.in_body] or [m.text for m in group.mentions]
    counts = Counter(forms)
    if type_ == "PERSON":
        return max((bare_name(f) for f in forms), key=lambda f: (len(name_tokens(f)), not re.search(r"[\"“”‘’]", f),
                                                                 counts[f], -forms.index(f) if f in forms else 0))
    best = max(forms, key=lambda f: (len(name_key(f).split()), counts[f], -forms.index(f)))
    if best.isupper():  # a dateline's 'PUNE' is 'Pune' where the article prints it so
        best = next((m.text for m in group.mentions if m.text.lower() == best.lower() and not m.text.isupper()), best)
    return best
