"""/articles/{id}/entities: one record per person, organisation, place..."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from starlette.responses import Response

from app.api import schemas
from app.api.deps import ArticleIdPath, KnownIdDep, StoreDep, get_known_id
from app.api.errors import NotFound, problems
from app.api.params import TypeFilter
from app.api.stored import item_list, stored_answer

router = APIRouter(prefix="/articles/{article_id}/entities", tags=["entities"])


@router.get("", response_model=schemas.EntityList, summary="Named entities, most salient first",
            responses=problems(404, 422))
def list_entities(
    store: StoreDep,
    article_id: ArticleIdPath,
    type: TypeFilter = None,
) -> Response:
    if type is None:
        return stored_answer(store, article_id, "entities")
    items = store.entities(get_known_id(store, article_id), type.value)
    return item_list(items, total=len(items))


@router.get("/{entity_id}", response_model=schemas.Entity, summary="One entity with all its mentions",
            responses=problems(404))
def get_entity(
    store: StoreDep,
    article_id: KnownIdDep,
    entity_id: Annotated[str, Path(description="Entity id (see the list)")],
) -> Response:
    entity = store.entity(article_id, entity_id)
    if entity is None:
        raise NotFound(f"No entity '{entity_id[:80]}' in article '{article_id}'")
    return Response(entity, media_type="application/json")
