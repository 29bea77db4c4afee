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
MASTHEAD_WORDS = lexicon.words("organisation_words", "masthead")  # 'Courier', 'Gazette': a newspaper's name ends so
TRADE_WORDS = lexicon.words("organisation_words", "trade")  # 'Orrin Foods': a company's line of business
PLACE_NOUNS = lexicon.words("place_nouns")
INITIALISM_SKIP_WORDS = lexicon.words("initialism_skip_words")

# Countries that English news names in more than one way, where no initials or prefix rule
# can tell: general knowledge of the world, not of any one article.
# Countries and states, under every name the lexicon knows for them: 'the UK', 'Britain'; 'Ariz.'.
_COUNTRY_KEY = {_form: names[0] for concept in ("country_names", "place_names") for names in lexicon.groups(concept)
                for name in names if (_form := " ".join(re.sub(r"[^\w\s]", " ", name.replace(".", "")).split()))}

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$", re.I)


def strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", text)


def name_tokens(text: str) -> list[str]:
    """Folded words of a name without titles: 'Deputy Mayor Ana Varela' -> ['ana', 'varela']."""
    return list(_name_tokens(text))


_NICKNAME = re.compile(r"\s[\"“‘'][^\"“”‘’']+[\"”’']\s")  # Pranav "Chotu" Welankar


# 'al-Rashidi', 'el-Sayed', 'bin-Laden': a particle joined by a hyphen is one word with the name.
_HYPHENATED_PARTICLE = re.compile(r"\b(" + "|".join(sorted(SURNAME_PARTICLES, key=len, reverse=True))
                                  + r")[-‐‑](?=\w)(\w)", re.I)


_INNER_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")
_HYPHENATED_NAME = re.compile(r"(?<=[^\W\d_])[-‐‑](?=[A-ZÀ-ÖØ-Þ])")
_INITIALS = re.compile(r"\b(?:[A-Z]\. ?){2,}(?=[A-Z][a-z])")


def nickname(text: str) -> str | None:
    """'Dusty' in 'Warren "Dusty" Pellham'."""
    m = _NICKNAME.search(text)
    return m.group(0).strip().strip("\"“”‘’'") if m else None


@lru_cache(maxsize=8192)
def _name_tokens(text: str) -> tuple[str, ...]:
    plain = _HYPHENATED_PARTICLE.sub(r"\1\2", strip_possessive(_NICKNAME.sub(" ", text)))
    plain = _INNER_APOSTROPHE.sub("", plain)  # O'Neill, Brind'Amour: one word
    plain = _HYPHENATED_NAME.sub("", plain)  # Ferraby-Moss: one surname, not two
    plain = _INITIALS.sub(lambda m: m.group(0).replace(".", "").replace(" ", "") + " ", plain)  # J.D. -> JD
    tokens = fold(plain).replace("-", " ").split()
    core = tokens
    # A word right before a nickname is a first name, even one that is also a title: Duke "Bullfrog" Roe.
    nicknamed = bool(re.match(r"^[^\s\"“‘']+\s[\"“‘']", text))
    while core and core[0] in TITLE_WORDS and not (nicknamed and len(core) == len(tokens)):
        core = core[1:]
    while len(core) > 2 and core[0] in OCCUPATION_WORDS:  # 'Farmer Edna Oyelaran', not 'Clive Farmer'
        core = core[1:]
    core = core or tokens
    merged: list[str] = []
    for token in core:  # 'de Vries', 'de la Pradera' are one surname: 'devries', 'delapradera'
        # A particle that may be a given name ('Al Gore', 'Van Morrison') is one only alone.
        given = len(merged) == 1 and merged[0] in FIRST_NAME_PARTICLES and token not in SURNAME_PARTICLES
        if merged and is_particles(merged[-1]) and not given:
            merged[-1] += token
        else:
            merged.append(token)
    return tuple(merged)


def is_particles(word: str) -> bool:
    """'de', 'dela', 'vander': a surname particle, or several run together."""
    if word in SURNAME_PARTICLES:
        return True
    return any(word.startswith(p) and is_particles(word[len(p):]) for p in SURNAME_PARTICLES if len(word) > len(p))


def bare_name(text: str) -> str:
    """A person's name as printed, without the titles or role before it: 'Ana Varela'."""
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
    """'Duke Pettaway', not 'Duke Spencer': a title word that is a first name, before a word that is not one.
    (Duke "Bullfrog" Roe, with a nickname, is handled by the caller.)"""
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
    return {"male": "m", "female": "f"}.get(_given_name_gender(words[0]))


@lru_cache(maxsize=8192)
def _given_name_gender(word: str) -> str:
    """gender-guesser's answer for a given name, accents and all ('Sinéad' as 'Sinead')."""
    found = _gender_detector().get_gender(word)
    return _gender_detector().get_gender(fold(word)) if found == "unknown" and fold(word) != word.lower() else found


def title_gender(text: str) -> str | None:
    """'m' for 'Mr Roe', 'f' for 'Mrs Roe': the sex the words before a name tell, if any."""
    words = set(fold(text).split())
    male, female = bool(words & MALE_WORDS), bool(words & FEMALE_WORDS)
    return "m" if male and not female else "f" if female and not male else None


def is_first_name(word: str) -> bool:
    """Is this word given as a first name (any sex) in gender-guesser's data?"""
    return word.isalpha() and len(word) > 1 and _given_name_gender(word) != "unknown"


def same_person(a: str, b: str) -> bool:
    """Can two person names denote one person? 'Varela' ~ 'Ana Varela' ~ 'Mayor Varela';
    'de la Pradera' ~ 'Rocío de la Pradera Osuna' (the first of two surnames)."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if len(ta) == 1 and ta[0] in surnames(b) or len(tb) == 1 and tb[0] in surnames(a):
        return True
    if ta[-1] != tb[-1]:
        return False
    return len(ta) == 1 or len(tb) == 1 or ta[0] == tb[0]


@lru_cache(maxsize=8192)
def surnames(text: str) -> frozenset[str]:
    """The words of a full name that name its bearer alone: the last, and in 'Rocío de la Pradera
    Osuna' also 'de la Pradera', a first surname that a particle opens (Spanish and Portuguese
    names carry two, and the text may use the first alone)."""
    tokens = name_tokens(text)
    found = set(tokens[-1:])
    words = fold(text).split()
    if len(tokens) == 3 and tokens[1] not in words and any(
            w in SURNAME_PARTICLES and tokens[1].startswith(w) for w in words[1:-1]):
        found.add(tokens[1])  # run together from several words: 'de la pradera' -> 'delapradera'
    return frozenset(found)


def is_country(text: str) -> bool:
    """A name of a country or a US state ('the UK', 'America', 'Ariz.')."""
    return _country_form(text) in _COUNTRY_KEY


def is_city(text: str) -> bool:
    """A name of one of the world's cities of some size (the lexicon's `city_names`)."""
    return _country_form(text) in _city_keys()


@lru_cache(maxsize=1)
def _city_keys() -> frozenset[str]:
    return frozenset(_country_form(name) for names in lexicon.groups("city_names") for name in names)


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
    return re.sub(r"^the ", "", fold(text.replace(".", "")))


def _initials(text: str) -> str:
    words = re.split(r"[\s\-]+", strip_possessive(text))
    caps = [w for w in words if w[:1].isupper() and w.lower() not in INITIALISM_SKIP_WORDS]
    return "".join(w[0] for w in caps).lower() if len(caps) >= 2 else ""


def _core_org_key(text: str) -> str:
    """'KT news agency' -> 'kt', 'Labour Party' -> 'labour': the name without designators."""
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
    organisation's name ('Texas Instruments', 'Tulsa police').
    """
    ka, kb = _without_place_noun(name_key(a)), _without_place_noun(name_key(b))
    if same_country(a, b):
        return True
    if is_country(a) and is_country(b):
        return ka == kb  # two countries' names: one only if the same ('Niger', 'Nigeria')
    if ka == kb or ka.rstrip("s") == kb.rstrip("s") and abs(len(ka) - len(kb)) <= 1:
        return True
    ca, cb = _core_org_key(a), _core_org_key(b)
    if ca and ca == cb and not strict:
        return True
    shorter, longer = sorted((ka.split(), kb.split()), key=len)
    a_is_shorter = len(ka.split()) < len(kb.split())
    if not strict and (loose or a_is_shorter) and shorter and longer[:len(shorter)] == shorter and (
            len(shorter) >= 2 or is_proper_word(a if a_is_shorter else b) and not _is_initialism(a if a_is_shorter else b)) \
            and not _body_within(shorter, longer):
        return True  # 'Acme Labs' and 'Acme Labs Research Unit'

    if not strict and loose and len(shorter) >= 2 and _inside(shorter, longer) and (
            longer[-len(shorter):] == shorter or shorter[-1] in ORG_KIND_WORDS | ORG_TRAILING_WORDS):
        return True  # 'Home Office' in 'the British Home Office', 'Supreme Court' in 'Danish Supreme Court'

    if is_country(a) or is_country(b):
        return False  # a country has its own names: 'US' is no initials of 'University of Stirling'
    ia, ib = _initials(a), _initials(b)
    compact_a, compact_b = ka.replace(" ", ""), kb.replace(" ", "")
    return bool((ia and ia in (compact_b, cb.replace(" ", ""))) or (ib and ib in (compact_a, ca.replace(" ", ""))))


def _body_within(shorter: list[str], longer: list[str]) -> bool:
    """'University of Arnby' and 'University of Arnby Chess Society': a whole 'Kind of Name' followed
    by a name of its own for a body within it are two organisations."""
    rest = longer[len(shorter):]
    return "of" in shorter[1:-1] and shorter[-1] not in ORG_KIND_WORDS and len(rest) >= 2 and rest[-1] in ORG_KIND_WORDS


def ticker_of(ticker: str, name: str) -> bool:
    """'KRVL' for 'Korvell Systems': a stock symbol spelt by letters of the name's first word, in order,
    from its first letter."""
    letters, word = ticker.lower(), fold(name.split()[0])
    if not word.startswith(letters[0]) or len(word) < len(letters):
        return False
    rest = iter(word[1:])
    return all(c in rest for c in letters[1:])


def _without_place_noun(key: str) -> str:
    """'state of texas' -> 'texas': a place named with its kind is the place."""
    words = key.split()
    if len(words) >= 3 and words[0] in PLACE_NOUNS and words[1] == "of":
        return " ".join(words[2:])
    return key


def _inside(short: list[str], long: list[str]) -> bool:
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


def _is_initialism(text: str) -> bool:
    """'NY', 'U.S.': letters standing for a name, which open other names as a modifier
    ('NY Jets', 'US Steel') without being them."""
    letters = strip_possessive(text).strip().replace(".", "")
    return 2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()


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


def near_spelling(a: str, b: str) -> float:
    """How alike two folded words are when one may be a misspelling of the other ('kowalsky',
    'kowalskyy'): their similarity from NEAR_SPELLING up, else 0. Same first letter, length
    within two, four letters at least: a different surname is never near."""
    from rapidfuzz.fuzz import ratio

    if a == b:
        return EXACT_MATCH - 1
    if min(len(a), len(b)) < 4 or a[0] != b[0] or abs(len(a) - len(b)) > 2:
        return 0.0
    score = ratio(a, b)
    return score if score >= NEAR_SPELLING else 0.0


def linking_keys(type_: str, forms: Iterable[str]) -> set[str]:
    """Keys under which one article's entity and another's denote the same thing: two records of
    a corpus that share a key are one corpus entity. The same rules as within an article, made
    transitive-safe: a person by given name and surname (middle names and titles aside), never
    by surname alone; an organisation or a place by any of the forms the articles printed for
    it, a country by its canonical name. Each key starts with the entity's class."""
    # A group's name is an organisation's as often as not ('the United Nations' tagged a group):
    # the two kinds link by name; places and people only among themselves.
    kind = "place" if type_ in ("GPE", "LOC") else "ORG" if type_ == "NORP" else type_
    forms = list(forms)
    if kind == "place":  # 'Washington' of one article's 'Washington D.C.' may be another's state
        forms = [f for f in forms if not any(_qualifies(f, g) for g in forms)]
    keys: set[str] = set()
    for form in forms:
        if kind == "PERSON":
            tokens = name_tokens(form)
            if len(tokens) >= 2:
                keys.add(f"PERSON:{tokens[0]} {tokens[-1]}")
        else:
            key = name_key(strip_possessive(form))
            if key:
                keys.add(f"{kind}:{key}")
                if type_ == "NORP":
                    keys.add(f"NORP:{key.rstrip('s')}")  # 'Canadians' and 'Canadian': one group
            if kind == "place" and (country := _COUNTRY_KEY.get(_country_form(form))):
                keys.add(f"place:{country}")
    return keys


_INITIALISM = re.compile(r"^(?:[A-Z]\.){2,}$")  # 'D.C.'


def _qualifies(short: str, long: str) -> bool:
    """'Washington D.C.', 'Paris, Texas', 'Perth, Scotland': the longer name is the shorter one
    with a place or an initialism that tells which place of that name it is."""
    if not long.startswith(short) or len(long) == len(short):
        return False
    rest = long[len(short):]
    if rest[:1] not in (" ", ","):
        return False
    rest = rest.lstrip(", ").strip()
    return bool(rest) and (is_country(rest) or bool(_INITIALISM.match(rest)))


def surname_key(name: str) -> str | None:
    """The surname a one-word person record may stand for ('Pellow'), for linking it to the one
    person of the corpus with that surname, and to nobody when several share it."""
    tokens = name_tokens(name)
    return tokens[-1] if tokens else None
