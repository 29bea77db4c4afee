"""/speakers: who is quoted across the archive, most quoted first."""
from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from app.api import params, schemas
from app.api.deps import StoreDep
from app.api.errors import problems
from app.api.stored import item_list

router = APIRouter(tags=["archive"])


@router.get("/speakers", response_model=schemas.CorpusSpeakerList, summary="Who is quoted across the archive",
            description="Each speaker once, however many articles quote them and whatever form of the name "
                        "each uses, with their quotes and the articles quoting them; most quoted first. The id "
                        "is also the speaker's `/entities/{id}`, and `/quotes?speaker=` takes it.",
            responses=problems(422))
def list_speakers(
    store: StoreDep,
    q: params.NameWords = None,
    limit: params.Limit = 20,
    offset: params.Offset = 0,
) -> Response:
    page = store.archive.speakers(limit, offset, words=params.blank_as_none(q))
    return item_list(page.items, total=page.total, limit=limit, offset=offset)
