"""Named entities: model mentions merged into one record per real-world thing."""
from __future__ import annotations

from app.domain import Entity
from app.nlp.structure import Structure


def extract_entities(structure: Structure, docs: list) -> list[Entity]:
    """`docs[i]` is the spaCy Doc of `structure.blocks[i]`."""
    return []


def finalize_entities(entities: list[Entity]) -> list[Entity]:
    """Salience and order, once quotes have added their speakers."""
    return entities
