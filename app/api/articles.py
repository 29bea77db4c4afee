"""/articles: the list, one article, its text and its sections."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from app.api import schemas
from app.api.deps import ArticleIdPath, KnownIdDep, StoreDep
from app.api.errors import PROBLEM_RESPONSES, NotFound
from app.api.negotiation import prefers_plain_text
from app.api.stored import StoredResponse, item_list, stored_answer

router = APIRouter(prefix="/articles", tags=["articles"], responses=PROBLEM_RESPONSES)


@router.get("", response_model=schemas.ArticleList, summary="List articles")
def list_articles(
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=100, description="Page size (1-100)")] = 20,
    offset: Annotated[int, Query(ge=0, description="Items to skip")] = 0,
) -> Response:
    return item_list(store.summaries(limit, offset), total=store.info.articles, limit=limit, offset=offset)


@router.get("/{article_id}", response_model=schemas.Article, summary="One article's metadata")
def get_article(store: StoreDep, article_id: ArticleIdPath) -> StoredResponse:
    return stored_answer(store, article_id, "article")


@router.get(
    "/{article_id}/text",
    response_model=schemas.ArticleText,
    summary="The full text every offset points into",
    responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}},
                     "description": "JSON by default; the bare text with `Accept: text/plain`"}},
)
def get_text(store: StoreDep, article_id: ArticleIdPath, request: Request) -> StoredResponse:
    plain = prefers_plain_text(request.headers.get("accept", ""))
    return stored_answer(store, article_id, "text.plain" if plain else "text")


@router.get("/{article_id}/sections", response_model=schemas.SectionList, summary="Sections in reading order")
def list_sections(store: StoreDep, article_id: ArticleIdPath) -> StoredResponse:
    return stored_answer(store, article_id, "sections")


@router.get("/{article_id}/sections/{ref}", response_model=schemas.Section, summary="One section")
def get_section(
    store: StoreDep,
    article_id: KnownIdDep,
    ref: Annotated[str, Path(max_length=200, description="Section id, or its 0-based index",
                             examples=["lead", "1"])],
) -> Response:
    section = store.section(article_id, ref)
    if section is None:
        raise NotFound(f"No section '{ref[:80]}' in article '{article_id}'")
    return Response(section, media_type="application/json")
