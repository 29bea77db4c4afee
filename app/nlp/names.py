"""Name matching: the one place that decides whether two surface forms name one thing.

Used by entity merging, speaker resolution and the speaker filter alike.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterable
from typing import TYPE_CHECKING

from app.nlp.text import fold, slugify  # noqa: F401  (re-exported: one place for names)

if TYPE_CHECKING:
    from app.domain import Entity

# Words that title or describe a person and are not part of the name itself.
TITLE_WORDS = frozenset("""
mr mrs ms miss mx dr sir dame lord lady rev father sister brother saint st
president vice prime minister secretary general foreign deputy chief executive ceo chair chairman
chairwoman chairperson senator sen rep representative congressman congresswoman gov governor mayor
judge justice chancellor king queen prince princess pope emperor sheikh ayatollah
coach manager professor prof gen col capt captain lt sgt officer detective sheriff commissioner
director spokesman spokeswoman spokesperson head leader premier ambassador former late acting
interim state attorney defense defence interior finance health foreign home cabinet
the pm mp mep mla prosecutor inspector superintendent constable admiral marshal commander
sergeant sgt corporal lieutenant colonel brigadier major bishop archbishop cardinal rabbi imam reverend
baroness baron earl duke duchess
treasurer councillor councilor cllr alderman envoy
""".split())

# Occupations printed before a name like a title: 'Sprinter Kofi Mensah'.
ROLE_WORDS = frozenset("""
activist actor actress analyst architect artist author banker businessman businesswoman campaigner captain
chef coach comedian composer dancer defender designer detective diplomat director doctor driver economist
entrepreneur farmer filmmaker firefighter footballer goalkeeper historian investor journalist lawyer
lecturer midfielder model musician novelist nurse officer pastor photographer pilot player poet producer
rapper reporter researcher scientist singer skipper soldier sprinter star striker student surgeon
teacher veteran winger writer skater skier swimmer cyclist runner athlete boxer golfer jockey gymnast
neighbour neighbor resident witness homeowner bystander volunteer fan voter worker porter cleaner
""".split())

# Words before or about a name that tell the person's sex.
MALE_WORDS = frozenset("""
mr sir lord king prince father brother son husband spokesman chairman congressman businessman
grandfather uncle nephew boy man actor duke baron
""".split())
FEMALE_WORDS = frozenset("""
mrs ms miss dame lady queen princess mother sister daughter wife spokeswoman chairwoman congresswoman
businesswoman grandmother aunt niece girl woman actress duchess baroness
""".split())

SURNAME_PARTICLES = frozenset({"de", "da", "di", "du", "van", "von", "der", "den", "le", "la", "del", "della",
                               "bin", "al", "el", "ter", "dos", "das"})

FIRST_NAME_PARTICLES = frozenset({"al", "van", "el", "bin", "le"})  # also given names: 'Al Gore'

# Countries that English news names in more than one way, where no initials or prefix rule
# can tell: general knowledge of the world, not of any one article.
_COUNTRY_NAMES = (
    ("united kingdom", "uk", "britain", "great britain", "united kingdom of great britain and northern ireland"),
    ("united states", "us", "usa", "america", "united states of america"),
    ("russia", "russian federation"),
    ("netherlands", "holland"),
    ("myanmar", "burma"),
    ("turkey", "turkiye"),
    ("czech republic", "czechia"),
    ("ivory coast", "cote d ivoire"),
    ("eswatini", "swaziland"),
    ("democratic republic of the congo", "dr congo", "drc"),
    ("south korea", "republic of korea"),
    ("north korea", "dprk", "democratic people s republic of korea"),
    ("united arab emirates", "uae"),
)
_COUNTRY_KEY = {name: names[0] for names in _COUNTRY_NAMES for name in names}

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
    while len(core) > 2 and core[0] in ROLE_WORDS:  # 'Farmer Ruth Adeyemi', not 'Jim Farmer'
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
    while len(words) > 2 and fold(words[0]) in ROLE_WORDS:
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


def find_entity(text: str, entities: Iterable["Entity"], types: set[str] | None = None) -> "Entity | None":
    """The entity a surface form names, by exact folded form first, then as a person's name part."""
    entities = [e for e in entities if types is None or e.type in types]
    key = fold(strip_possessive(text))
    for e in entities:
        if key in {fold(f) for f in (e.name, *e.aliases)}:
            return e
    people = [e for e in entities if e.type == "PERSON" and same_person(text, e.name)]
    return max(people, key=lambda e: len(e.mentions)) if people else None


def speaker_matches(query: str, name: str, aliases: list[str], entity_id: str) -> bool:
    """Does a client's `?speaker=` ask for this entity? Exact forms, surname, or a near spelling."""
    return speaker_match_score(query, name, aliases, entity_id) > 0


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
