"""/articles/{id}/quotes and /speakers."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api import schemas, views
from app.api.deps import ArticleDep, find_section
from app.api.errors import problems
from app.nlp.names import EXACT_MATCH, speaker_match_score

router = APIRouter(prefix="/articles/{article_id}", tags=["quotes"])


@router.get("/quotes", response_model=schemas.QuoteList, summary="Quotations, with who said them",
            responses=problems(404, 422))
def list_quotes(
    article: ArticleDep,
    speaker: Annotated[str | None, Query(
        max_length=200,
        description="Speaker's id, full name, alias or surname; case, accents and punctuation are "
                    "ignored and a near spelling of the same name is found (`Kowalsky` for Kowalskyy). No match is "
                    "an empty list.")] = None,
    section: Annotated[str | None, Query(max_length=200, description="Section id or index; an unknown one is "
                                         "an empty list")] = None,
) -> schemas.QuoteList:
    quotes = article.quotes
    if speaker is not None:
        wanted = _wanted_speakers(article, speaker)
        quotes = [q for q in quotes if q.speaker and q.speaker.id in wanted]
    if section is not None:
        found = find_section(article, section)
        quotes = [q for q in quotes if found is not None and q.section_id == found.id]
    items = [views.quote(q) for q in quotes]
    return schemas.QuoteList(items=items, total=len(items))


@router.get("/speakers", response_model=schemas.SpeakerList, summary="Who is quoted, and how often",
            responses=problems(404))
def list_speakers(article: ArticleDep) -> schemas.SpeakerList:
    return schemas.SpeakerList(items=views.speakers(article))


def _wanted_speakers(article, query: str) -> set[str]:
    """Ids of the speakers a `?speaker=` names: every exact match, else the one nearest spelling.

    Only people the article quotes are candidates, and a near spelling must point at one of
    them unambiguously, so a query never drifts to a different person.
    """
    speaker_ids = {q.speaker.id for q in article.quotes if q.speaker}
    scores = {e.id: speaker_match_score(query, e.name, e.aliases, e.id)
              for e in article.entities if e.id in speaker_ids}
    exact = {sid for sid, score in scores.items() if score >= EXACT_MATCH}
    if exact:
        return exact
    best = max(scores.values(), default=0.0)
    near = [sid for sid, score in scores.items() if score == best]
    return set(near) if best > 0 and len(near) == 1 else set()
