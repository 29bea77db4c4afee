"""Query parameters shared by several routes: one definition each, one description in /docs."""
from __future__ import annotations

from enum import Enum
from typing import Annotated

from fastapi import Query
from pydantic import BeforeValidator

# Longer values are refused (422): no name or search is that long, and a bound keeps lookups cheap.
MAX_TEXT = 200

Limit = Annotated[int, Query(ge=1, le=100, description="Page size (1-100)")]
Offset = Annotated[int, Query(ge=0, description="Items to skip")]

Speaker = Annotated[str | None, Query(
    max_length=MAX_TEXT,
    description="Speaker's id, full name, alias or surname; case, accents and punctuation are ignored and a "
                "near spelling of the same name is found (`Kowalsky` for Kowalskyy), never a different person. "
                "A surname two speakers of an article share names the one the article calls by it alone "
                "(else the one it ranks first: the person it is about); across the archive, everyone who has it. "
                "No match is an empty list.")]

QuoteWords = Annotated[str | None, Query(
    max_length=MAX_TEXT,
    description="Words of the quote: every word must be in it, ignoring case and accents (`economie` finds "
                "économie); a hyphenated word is found as its parts side by side. Blank: no filter.")]

NameWords = Annotated[str | None, Query(
    max_length=MAX_TEXT,
    description="Words of the name or of another form of it: every word must match, ignoring case and "
                "accents. Blank: no filter.")]


class EntityType(str, Enum):
    """The OntoNotes labels the English model can give."""

    PERSON = "PERSON"
    NORP = "NORP"
    FAC = "FAC"
    ORG = "ORG"
    GPE = "GPE"
    LOC = "LOC"
    PRODUCT = "PRODUCT"
    EVENT = "EVENT"
    WORK_OF_ART = "WORK_OF_ART"
    LAW = "LAW"
    LANGUAGE = "LANGUAGE"
    DATE = "DATE"
    TIME = "TIME"
    PERCENT = "PERCENT"
    MONEY = "MONEY"
    QUANTITY = "QUANTITY"
    ORDINAL = "ORDINAL"
    CARDINAL = "CARDINAL"


def _upper(value: object) -> object:
    return value.upper() if isinstance(value, str) else value


TypeFilter = Annotated[EntityType | None, BeforeValidator(_upper), Query(
    description="Only entities of this label (case-insensitive)")]


def blank_as_none(text: str | None) -> str | None:
    """`?q=` with nothing but spaces asks for no filter."""
    return text if text is not None and text.strip() else None
