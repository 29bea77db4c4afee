"""/articles: the list, one article, its text and its sections."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import PlainTextResponse, Response

from app.api import page, schemas, views
from app.api.deps import ArticleDep, LibraryDep, find_section
from app.api.errors import NotFound, problems
from app.api.negotiation import HTML, PAGE_OFFERS, PLAIN_TEXT, TEXT_OFFERS, choose

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
    library: LibraryDep,
    request: Request,
    limit: Annotated[int, Query(ge=1, le=100, description="Page size (1-100)")] = 20,
    offset: Annotated[int, Query(ge=0, description="Items to skip")] = 0,
) -> Response | schemas.ArticleList:
    articles = list(library.articles.values())
    listing = schemas.ArticleList(items=[views.summary(a) for a in articles[offset:offset + limit]],
                                  total=len(articles), limit=limit, offset=offset)
    return page.index_response(listing) if _wants_page(request) else listing


@router.get("/{article_id}", response_model=schemas.Article, summary="One article's metadata",
            responses={**_html_page("JSON by default; a browser (Accept preferring `text/html`) gets the article "
                                    "as a page: quotes highlighted in their speaker's colour, names underlined "
                                    "by type"), **problems(404)})
def get_article(article: ArticleDep, request: Request) -> Response | schemas.Article:
    if _wants_page(request):
        return page.article_response(article)
    return views.article(article)


@router.get(
    "/{article_id}/text",
    response_model=schemas.ArticleText,
    summary="The full text every offset points into",
    responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}},
                     "description": "JSON by default; the bare text with `Accept: text/plain`"}, **problems(404)},
)
def get_text(article: ArticleDep, request: Request) -> Response | schemas.ArticleText:
    if choose(request.headers.get("accept", ""), TEXT_OFFERS) == PLAIN_TEXT:
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
