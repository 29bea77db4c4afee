"""/articles/{id}/entities: one record per person, organisation, place..."""
from __future__ import annotations

from enum import Enum
from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import BeforeValidator

from app.api import schemas, views
from app.api.deps import ArticleDep
from app.api.errors import NotFound, problems

router = APIRouter(prefix="/articles/{article_id}/entities", tags=["entities"])


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


@router.get("", response_model=schemas.EntityList, summary="Named entities, most salient first",
            responses=problems(404, 422))
def list_entities(
    article: ArticleDep,
    type: Annotated[EntityType | None, BeforeValidator(_upper), Query(
        description="Only entities of this label (case-insensitive)")] = None,
) -> schemas.EntityList:
    entities = [e for e in article.entities if type is None or e.type == type.value]
    return schemas.EntityList(items=[views.entity(e) for e in entities], total=len(entities))


@router.get("/{entity_id}", response_model=schemas.Entity, summary="One entity with all its mentions",
            responses=problems(404))
def get_entity(
    article: ArticleDep,
    entity_id: Annotated[str, Path(description="Entity id (see the list)")],
) -> schemas.Entity:
    for entity in article.entities:
        if entity.id == entity_id:
            return views.entity(entity)
    raise NotFound(f"No entity '{entity_id[:80]}' in article '{article.id}'")
