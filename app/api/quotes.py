"""/articles/{id}/quotes and /speakers."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from app.api import schemas
from app.api.deps import ArticleIdPath, StoreDep, get_known_id
from app.api.errors import problems
from app.api.stored import StoredResponse, item_list, stored_answer
from app.nlp.names import EXACT_MATCH, speaker_match_score
from app.store import SpeakerCandidate

router = APIRouter(prefix="/articles/{article_id}", tags=["quotes"])


@router.get("/quotes", response_model=schemas.QuoteList, summary="Quotations, with who said them",
            responses=problems(404, 422))
def list_quotes(
    store: StoreDep,
    article_id: ArticleIdPath,
    speaker: Annotated[str | None, Query(
        max_length=200,
        description="Speaker's id, full name, alias or surname; case, accents and punctuation are "
                    "ignored and a near spelling of the same name is found (`Kowalsky` for Kowalskyy). No match is "
                    "an empty list.")] = None,
    section: Annotated[str | None, Query(max_length=200, description="Section id or index; an unknown one is "
                                         "an empty list")] = None,
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
    """Ids of the speakers a `?speaker=` names: every exact match, else the one nearest spelling.

    Only people the article quotes are candidates, and a near spelling must point at one of
    them unambiguously, so a query never drifts to a different person.
    """
    scores = {c.id: speaker_match_score(query, c.name, c.aliases, c.id) for c in candidates}
    exact = {sid for sid, score in scores.items() if score >= EXACT_MATCH}
    if exact:
        return exact
    best = max(scores.values(), default=0.0)
    near = [sid for sid, score in scores.items() if score == best]
    return set(near) if best > 0 and len(near) == 1 else set()
