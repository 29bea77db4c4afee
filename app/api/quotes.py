"""/articles/{id}/quotes and /speakers."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from app.api import params, schemas
from app.api.deps import ArticleIdPath, StoreDep, get_known_id
from app.api.errors import problems
from app.api.stored import StoredResponse, item_list, stored_answer
from app.nlp.speaker_query import choose, one_bearer, speaker_match_score
from app.store import SpeakerCandidate

router = APIRouter(prefix="/articles/{article_id}", tags=["quotes"])


@router.get("/quotes", response_model=schemas.QuoteList, summary="Quotations, with who said them",
            responses=problems(404, 422))
def list_quotes(
    store: StoreDep,
    article_id: ArticleIdPath,
    speaker: params.Speaker = None,
    section: Annotated[str | None, Query(max_length=params.MAX_TEXT, description="Section id or index; an unknown "
                                         "one is an empty list")] = None,
) -> Response:
    if speaker is None and section is None:
        return stored_answer(store, article_id, "quotes")  # the whole list, kept ready with its gzip
    key = get_known_id(store, article_id)
    wanted = None if speaker is None else sorted(_wanted_speakers(store.speakers(key), speaker))
    items = [] if wanted == [] else store.quotes(key, wanted, section)
    return item_list(items, total=len(items))


@router.get("/speakers", response_model=schemas.SpeakerList, summary="Who is quoted, and how often",
            responses=problems(404))
def list_speakers(store: StoreDep, article_id: ArticleIdPath) -> StoredResponse:
    return stored_answer(store, article_id, "speakers")


def _wanted_speakers(candidates: list[SpeakerCandidate], query: str) -> set[str]:
    """Ids of the article's speakers a `?speaker=` names (app/nlp/speaker_query.py)."""
    chosen = choose({c.id: speaker_match_score(query, c.name, c.aliases, c.id) for c in candidates})
    return one_bearer(query, [c.id for c in candidates], chosen)
