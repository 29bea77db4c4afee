"""Name matching: the one place that decides whether two surface forms name one thing.

Used by entity merging, speaker resolution and the speaker filter alike.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterable
from typing import TYPE_CHECKING

from app.nlp import lexicon
from app.nlp.text import fold, slugify  # noqa: F401  (re-exported: one place for names)

if TYPE_CHECKING:
    from app.domain import Entity

PERSON_WORDS = "person_words"
TITLE_WORDS = lexicon.words(PERSON_WORDS, "title")
OCCUPATION_WORDS = lexicon.words(PERSON_WORDS, "occupation")
MALE_WORDS = lexicon.words(PERSON_WORDS, "male")
FEMALE_WORDS = lexicon.words(PERSON_WORDS, "female")
SURNAME_PARTICLES = lexicon.words("surname_particles")
FIRST_NAME_PARTICLES = lexicon.words("surname_particles", "given")  # also given names: 'Al Gore'
ORG_KIND_WORDS = lexicon.words("organisation_words", "kind")
ORG_TRAILING_WORDS = lexicon.words("organisation_words", "trailing")
PLACE_NOUNS = lexicon.words("place_nouns")
INITIALISM_SKIP_WORDS = lexicon.words("initialism_skip_words")

# Countries that English news names in more than one way, where no initials or prefix rule
# can tell: general knowledge of the world, not of any one article.
_COUNTRY_KEY = {name: names[0] for names in lexicon.groups("country_names") for name in names}

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$", re.I)


def strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", text)


def name_tokens(text: str) -> list[str]:
    """Folded words of a name without titles: 'Deputy Mayor Ana Ruiz' -> ['ana', 'ruiz']."""
    return list(_name_tokens(text))


_NICKNAME = re.compile(r"\s[\"“‘'][^\"“”‘’']+[\"”’']\s")  # Sandeep "Bapu" Kadam


def nickname(text: str) -> str | None:
    """'Mookie' in 'Marcus "Mookie" Dillard'."""
    m = _NICKNAME.search(text)
    return m.group(0).strip().strip("\"“”‘’'") if m else None


@lru_cache(maxsize=8192)
def _name_tokens(text: str) -> tuple[str, ...]:
    tokens = fold(strip_possessive(_NICKNAME.sub(" ", text))).replace("-", " ").split()
    core = tokens
    # A word right before a nickname is a first name, even one that is also a title: Earl "Catfish" Roe.
    nicknamed = bool(re.match(r"^[^\s\"“‘']+\s[\"“‘']", text))
    while core and core[0] in TITLE_WORDS and not (nicknamed and len(core) == len(tokens)):
        core = core[1:]
    while len(core) > 2 and core[0] in OCCUPATION_WORDS:  # 'Farmer Ruth Adeyemi', not 'Jim Farmer'
        core = core[1:]
    core = core or tokens
    merged: list[str] = []
    for token in core:  # 'de Vries' is one surname: 'devries'
        if merged and merged[-1] in SURNAME_PARTICLES and (
                len(merged) > 1 or (len(core) == 2 and merged[-1] not in FIRST_NAME_PARTICLES)):
            merged[-1] += token
        else:
            merged.append(token)
    return tuple(merged)


def bare_name(text: str) -> str:
    """A person's name as printed, without the titles or role before it: 'Ana Ruiz'."""
    words = strip_possessive(text).split()
    while len(words) > 1 and all(part in TITLE_WORDS for part in fold(words[0]).split()) \
            and not words[1][:1] in "\"“‘'" and not _first_name_not_title(words):
        words = words[1:]  # 'Secretary-General' folds to two title words
    while len(words) > 2 and fold(words[0]) in OCCUPATION_WORDS:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1)
def _gender_detector():
    import gender_guesser.detector  # imported on first use: only parsing needs it

    return gender_guesser.detector.Detector(case_sensitive=False)


def _first_name_not_title(words: list[str]) -> bool:
    """'Earl Tolliver', not 'Earl Spencer': a title word that is a first name, before a word that is not one.
    (Earl "Catfish" Roe, with a nickname, is handled by the caller.)"""
    if len(words) != 2 or not words[0].istitle():
        return False
    detector = _gender_detector()
    return detector.get_gender(words[0]) in ("male", "female") and detector.get_gender(words[1]) == "unknown"


@lru_cache(maxsize=8192)
def first_name_gender(name: str) -> str | None:
    """'m' or 'f' when the first name of a full name is given to one sex only, else None.

    A prior for pronouns when the article itself shows nothing (no 'Mr', no 'she'); the
    names and their usage come from gender-guesser's data, not from any article.
    """
    words = bare_name(_NICKNAME.sub(" ", name)).split()
    if len(words) < 2 or not words[0].isalpha() or len(words[0]) < 2:
        return None
    return {"male": "m", "female": "f"}.get(_gender_detector().get_gender(words[0]))


def title_gender(text: str) -> str | None:
    """'m' for 'Mr Roe', 'f' for 'Mrs Roe': the sex the words before a name tell, if any."""
    words = set(fold(text).split())
    male, female = bool(words & MALE_WORDS), bool(words & FEMALE_WORDS)
    return "m" if male and not female else "f" if female and not male else None


def is_first_name(word: str) -> bool:
    """Is this word given as a first name (any sex) in gender-guesser's data?"""
    return word.isalpha() and len(word) > 1 and _gender_detector().get_gender(word) != "unknown"


def same_person(a: str, b: str) -> bool:
    """Can two person names denote one person? 'Ruiz' ~ 'Ana Ruiz' ~ 'Mayor Ruiz'."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if ta[-1] != tb[-1]:
        return False
    return len(ta) == 1 or len(tb) == 1 or ta[0] == tb[0]


def same_country(a: str, b: str) -> bool:
    """'Britain' and 'the UK', 'America' and 'the U.S.': one country under two of its names."""
    key_a = _COUNTRY_KEY.get(_country_form(a))
    return key_a is not None and key_a == _COUNTRY_KEY.get(_country_form(b))


def _country_form(text: str) -> str:
    words = fold(strip_possessive(text).replace(".", "")).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def name_key(text: str) -> str:
    """A name folded for comparison, dots dropped: 'U.S.' and 'US' share one key."""
    return _name_key(text)


@lru_cache(maxsize=4096)
def _name_key(text: str) -> str:
    return fold(text.replace(".", ""))


def _initials(text: str) -> str:
    words = re.split(r"[\s\-]+", strip_possessive(text))
    caps = [w for w in words if w[:1].isupper() and w.lower() not in INITIALISM_SKIP_WORDS]
    return "".join(w[0] for w in caps).lower() if len(caps) >= 2 else ""


def _core_org_key(text: str) -> str:
    """'PA news agency' -> 'pa', 'Labour Party' -> 'labour': the name without designators."""
    words = strip_possessive(text).split()
    while len(words) > 1 and (words[-1].islower() or words[-1].lower() in ORG_TRAILING_WORDS):
        words = words[:-1]
    return name_key(" ".join(words))


@lru_cache(maxsize=4096)
def same_thing(a: str, b: str, loose: bool = True, strict: bool = False) -> bool:
    """Can two names of organisations or places denote one thing?

    Without `loose`, `a` may join a longer form of itself but not a shorter one: a
    title-case headline line 'Acme Wins Again' must not join 'Acme'. With `strict`, only
    the same name, a country's other name or initials join: a place begins many an
    organisation's name ('Texas Instruments', 'Boise police').
    """
    ka, kb = name_key(a), name_key(b)
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
            len(shorter) >= 2 or is_proper_word(a if a_is_shorter else b)):
        return True  # 'Acme Labs' and 'Acme Labs Research Unit'

    ia, ib = _initials(a), _initials(b)
    compact_a, compact_b = ka.replace(" ", ""), kb.replace(" ", "")
    return bool((ia and ia in (compact_b, cb.replace(" ", ""))) or (ib and ib in (compact_a, ca.replace(" ", ""))))


def is_proper_word(text: str) -> bool:
    """A one-word name that is no ordinary capitalised word: 'Nordtek', not 'Council'."""
    word = strip_possessive(text).strip()
    return bool(word) and word[:1].isupper() and word.lower() not in ORG_KIND_WORDS | PLACE_NOUNS | TITLE_WORDS


def find_entity(text: str, entities: Iterable["Entity"], types: set[str] | None = None) -> "Entity | None":
    """The entity a surface form names, by exact folded form first, then as a person's name part."""
    entities = [e for e in entities if types is None or e.type in types]
    key = fold(strip_possessive(text))
    for e in entities:
        if key in {fold(f) for f in (e.name, *e.aliases)}:
            return e
    people = [e for e in entities if e.type == "PERSON" and same_person(text, e.name)]
    return max(people, key=lambda e: len(e.mentions)) if people else None


EXACT_MATCH = 100.0
NEAR_SPELLING = 80.0  # rapidfuzz ratio: 'kowalsky' ~ 'kowalskyy', never a different surname


def speaker_match_score(query: str, name: str, aliases: list[str], entity_id: str) -> float:
    """100 when the query is the entity's id, name, an alias or its surname (case, accents and
    punctuation ignored); the similarity of a near spelling of the same name; else 0."""
    words = name_tokens(query)
    if not words:
        return 0.0
    forms = [f for f in (name, *aliases) if name_tokens(f)]
    exact = {"".join(fold(f).split()) for f in forms} | {"".join(name_tokens(f)) for f in forms}
    exact.add(entity_id.replace("-", ""))
    if "".join(fold(query).split()) in exact or "".join(words) in exact:
        return EXACT_MATCH
    surnames = {name_tokens(f)[-1] for f in forms} | {fold(f).split()[-1] for f in forms if len(fold(f).split()) > 1}
    if len(words) == 1 and words[0] in surnames:
        return EXACT_MATCH  # 'Vries' and 'de Vries' both name Henk de Vries
    return max((_near_spelling(words, name_tokens(f)) for f in forms), default=0.0)


def _near_spelling(query: list[str], name: list[str]) -> float:
    """Every word of the query a near spelling of the matching word of the name; the surname last."""
    from rapidfuzz.fuzz import ratio

    def close(a: str, b: str) -> float:
        if a == b:
            return EXACT_MATCH - 1
        if min(len(a), len(b)) < 4 or a[0] != b[0] or abs(len(a) - len(b)) > 2:
            return 0.0
        score = ratio(a, b)
        return score if score >= NEAR_SPELLING else 0.0

    if len(query) == 1:
        return max(close(query[0], name[-1]), close(query[0], "".join(name)))
    if len(name) < 2:
        return 0.0
    scores = [close(query[-1], name[-1])]
    for word in query[:-1]:
        scores.append(max(EXACT_MATCH - 1 if len(word) <= 2 and name[0].startswith(word) else 0.0,
                          *(close(word, other) for other in name[:-1])))
    return min(scores)
