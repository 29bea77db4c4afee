"""Named entities: model mentions merged into one record per real-world thing."""
from __future__ import annotations

from app.domain import Entity, Mention
from app.nlp.structure import Structure


def extract_entities(structure: Structure, docs: list) -> list[Entity]:
    """`docs[i]` is the spaCy Doc of `structure.blocks[i]`; offsets are global."""
    return []


def add_mention(entities: list[Entity], mention: Mention, type_: str = "PERSON") -> Entity:
    """Attach a mention found by another step (a speaker, an author) to its entity, or make one.

    Matching goes through app.nlp.names.find_entity; a new entity gets a unique slug id.
    """
    raise NotImplementedError


def finalize_entities(entities: list[Entity]) -> list[Entity]:
    """Salience and order, once quotes have added their speakers."""
    return entities
