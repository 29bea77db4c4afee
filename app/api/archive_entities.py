"""/entities: one record per person, organisation or place across the archive."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from starlette.responses import Response

from app.api import answers, params, schemas
from app.api.deps import StoreDep
from app.api.errors import NotFound, problems
from app.api.stored import item_list

router = APIRouter(prefix="/entities", tags=["archive"])


@router.get("", response_model=schemas.CorpusEntityList, summary="Entities across the archive",
            description="One record per real-world thing: the forms of one name in different articles are "
                        "one entity, two people who share only a surname are two. Names come before dates "
                        "and numbers; within each, the most articles first.",
            responses=problems(422))
def list_entities(
    store: StoreDep,
    type: params.TypeFilter = None,
    q: params.NameWords = None,
    limit: params.Limit = 20,
    offset: params.Offset = 0,
) -> Response:
    page = store.archive.entities(limit, offset, entity_type=None if type is None else type.value,
                                  words=params.blank_as_none(q))
    return item_list(page.items, total=page.total, limit=limit, offset=offset)


@router.get("/{entity_id}", response_model=schemas.CorpusEntityDetail, summary="One entity and its articles",
            description="The entity, and every article naming it with its mentions and salience there, most "
                        "salient first; `entity_ids` lead to its record in that article.",
            responses=problems(404))
def get_entity(
    store: StoreDep,
    entity_id: Annotated[str, Path(description="Entity id across the archive (see /entities or /speakers)")],
) -> Response:
    found = store.archive.entity(entity_id)
    if found is None:
        raise NotFound(f"No entity '{entity_id[:80]}' in the archive")
    entity, articles = found
    return Response(answers.corpus_entity_detail(entity, articles), media_type=answers.JSON)
