"""/articles: the list, one article, its text and its sections."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import PlainTextResponse, Response

from app.api import schemas, views
from app.api.deps import ArticleDep, LibraryDep, find_section
from app.api.errors import NotFound, problems
from app.api.negotiation import prefers_plain_text

router = APIRouter(prefix="/articles", tags=["articles"])


@router.get("", response_model=schemas.ArticleList, summary="List articles", responses=problems(422))
def list_articles(
    library: LibraryDep,
    limit: Annotated[int, Query(ge=1, le=100, description="Page size (1-100)")] = 20,
    offset: Annotated[int, Query(ge=0, description="Items to skip")] = 0,
) -> schemas.ArticleList:
    articles = list(library.articles.values())
    page = articles[offset:offset + limit]
    return schemas.ArticleList(items=[views.summary(a) for a in page], total=len(articles),
                               limit=limit, offset=offset)


@router.get("/{article_id}", response_model=schemas.Article, summary="One article's metadata",
            responses=problems(404))
def get_article(article: ArticleDep) -> schemas.Article:
    return views.article(article)


@router.get(
    "/{article_id}/text",
    response_model=schemas.ArticleText,
    summary="The full text every offset points into",
    responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}},
                     "description": "JSON by default; the bare text with `Accept: text/plain`"}, **problems(404)},
)
def get_text(article: ArticleDep, request: Request) -> Response | schemas.ArticleText:
    if prefers_plain_text(request.headers.get("accept", "")):
        return PlainTextResponse(article.text)
    return schemas.ArticleText(id=article.id, text=article.text)


@router.get("/{article_id}/sections", response_model=schemas.SectionList, summary="Sections in reading order",
            responses=problems(404))
def list_sections(article: ArticleDep) -> schemas.SectionList:
    return schemas.SectionList(items=[views.section(s) for s in article.sections])


@router.get("/{article_id}/sections/{ref}", response_model=schemas.Section, summary="One section",
            responses=problems(404))
def get_section(
    article: ArticleDep,
    ref: Annotated[str, Path(description="Section id, or its 0-based index written plainly (`2`, not `02`)")],
) -> schemas.Section:
    section = find_section(article, ref)
    if section is None:
        raise NotFound(f"No section '{ref[:80]}' in article '{article.id}'")
    return views.section(section)
