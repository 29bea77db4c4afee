"""Quotations and who said them."""
from __future__ import annotations

from app.domain import Entity, Quote
from app.nlp.structure import Structure


def extract_quotes(structure: Structure, docs: list, entities: list[Entity]) -> list[Quote]:
    """Quotes in reading order; may add speaker entities (and mentions) to `entities`."""
    return []
