"""Name matching: the one place that decides whether two surface forms name one thing.

Used by entity merging, speaker resolution and the speaker filter alike.
"""
from __future__ import annotations

import re
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
""".split())

SURNAME_PARTICLES = frozenset({"de", "da", "di", "du", "van", "von", "der", "den", "le", "la", "del", "della",
                               "bin", "al", "el", "ter", "dos", "das"})

FIRST_NAME_PARTICLES = frozenset({"al", "van", "el", "bin", "le"})  # also given names: 'Al Gore'

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$", re.I)


def strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", text)


def name_tokens(text: str) -> list[str]:
    """Folded words of a name without titles: 'Vice President JD Vance' -> ['jd', 'vance']."""
    tokens = fold(strip_possessive(text)).replace("-", " ").split()
    core = [t for t in tokens if t not in TITLE_WORDS] or tokens
    merged: list[str] = []
    for token in core:  # 'de Vries' is one surname: 'devries'
        if merged and merged[-1] in SURNAME_PARTICLES and (
                len(merged) > 1 or (len(core) == 2 and merged[-1] not in FIRST_NAME_PARTICLES)):
            merged[-1] += token
        else:
            merged.append(token)
    return merged


def same_person(a: str, b: str) -> bool:
    """Can two person names denote one person? 'Vance' ~ 'JD Vance' ~ 'President Vance'."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if ta[-1] != tb[-1]:
        return False
    return len(ta) == 1 or len(tb) == 1 or ta[0] == tb[0]


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
    """Does a client's `?speaker=` ask for this entity? (Refined by the quotes work.)"""
    q = fold(query).replace(" ", "")
    if not q:
        return False
    forms = [name, *aliases, entity_id.replace("-", " ")]
    folded = {fold(f).replace(" ", "") for f in forms}
    surnames = {fold(f).split()[-1] for f in forms if fold(f)}
    return q in folded or q in surnames
