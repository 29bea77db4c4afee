"""/articles: the list, one article, its text and its sections."""
from __future__ import annotations

import json

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from app.api import page, schemas
from app.api.params import Limit, Offset
from app.api.deps import ArticleIdPath, KnownIdDep, StoreDep
from app.api.deps import get_article as parsed_article
from app.api.errors import NotFound, problems
from app.api.negotiation import HTML, PAGE_OFFERS, PLAIN_TEXT, TEXT_OFFERS, choose
from app.api.stored import StoredResponse, item_list, stored_answer

router = APIRouter(prefix="/articles", tags=["articles"])


def _html_page(description: str) -> dict:
    """The OpenAPI note for a path that a browser gets as a page; JSON stays the first (Swagger's) type."""
    return {200: {"content": {HTML: {"schema": {"type": "string"}}}, "description": description}}


def _wants_page(request: Request) -> bool:
    return choose(request.headers.get("accept", ""), PAGE_OFFERS) == HTML


@router.get("", response_model=schemas.ArticleList, summary="List articles",
            responses={**_html_page("JSON by default; a browser (Accept preferring `text/html`) gets an HTML "
                                    "list of the articles, each linking to its page"), **problems(422)})
def list_articles(
    store: StoreDep,
    request: Request,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    items = store.summaries(limit, offset)
    if _wants_page(request):
        listing = schemas.ArticleList(items=[json.loads(i) for i in items], total=store.info.articles,
                                      limit=limit, offset=offset)
        return page.index_response(listing)
    return item_list(items, total=store.info.articles, limit=limit, offset=offset)


@router.get("/{article_id}", response_model=schemas.Article, summary="One article's metadata",
            responses={**_html_page("JSON by default; a browser (Accept preferring `text/html`) gets the article "
                                    "as a page: quotes highlighted in their speaker's colour, names underlined "
                                    "by type"), **problems(404)})
def get_article(store: StoreDep, article_id: ArticleIdPath, request: Request) -> Response:
    if _wants_page(request):
        return page.article_response(parsed_article(store, article_id))
    return stored_answer(store, article_id, "article")


@router.get(
    "/{article_id}/text",
    response_model=schemas.ArticleText,
    summary="The full text every offset points into",
    responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}},
                     "description": "JSON by default; the bare text with `Accept: text/plain`"}, **problems(404)},
)
def get_text(store: StoreDep, article_id: ArticleIdPath, request: Request) -> StoredResponse:
    plain = choose(request.headers.get("accept", ""), TEXT_OFFERS) == PLAIN_TEXT
    return stored_answer(store, article_id, "text.plain" if plain else "text")


@router.get("/{article_id}/sections", response_model=schemas.SectionList, summary="Sections in reading order",
            responses=problems(404))
def list_sections(store: StoreDep, article_id: ArticleIdPath) -> StoredResponse:
    return stored_answer(store, article_id, "sections")


@router.get("/{article_id}/sections/{ref}", response_model=schemas.Section, summary="One section",
            responses=problems(404))
def get_section(
    store: StoreDep,
    article_id: KnownIdDep,
    ref: Annotated[str, Path(description="Section id, or its 0-based index written plainly (`2`, not `02`)")],
) -> Response:
    section = store.section(article_id, ref)
    if section is None:
        raise NotFound(f"No section '{ref[:80]}' in article '{article_id}'")
    return Response(section, media_type="application/json")
