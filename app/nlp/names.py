"""Name matching: the one place that decides whether two surface forms name one thing.

Used by entity merging, speaker resolution and the speaker filter alike.
"""
from __future__ import annotations

from app.nlp.text import fold, slugify  # noqa: F401  (re-exported: one place for names)


def speaker_matches(query: str, name: str, aliases: list[str], entity_id: str) -> bool:
    """Does a client's `?speaker=` ask for this entity? (Refined by the quotes work.)"""
    q = fold(query).replace(" ", "")
    if not q:
        return False
    forms = [name, *aliases, entity_id.replace("-", " ")]
    folded = {fold(f).replace(" ", "") for f in forms}
    surnames = {fold(f).split()[-1] for f in forms if fold(f)}
    return q in folded or q in surnames
