"""Shared route dependencies: the library, the article a path names, a section a reference names."""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Request

from app.api.errors import NotFound
from app.domain import ParsedArticle, Section
from app.store import Library


def get_library(request: Request) -> Library:
    return request.app.state.library


LibraryDep = Annotated[Library, Depends(get_library)]


def get_article(
    library: LibraryDep,
    article_id: Annotated[str, Path(description="Article id (the file's stem)")],
) -> ParsedArticle:
    article = library.articles.get(article_id)
    if article is None:
        raise NotFound(f"No article with id '{article_id[:80]}'")
    return article


ArticleDep = Annotated[ParsedArticle, Depends(get_article)]


def find_section(article: ParsedArticle, ref: str) -> Section | None:
    """The section a reference names: its id, or its 0-based index written plainly (`2`, not `02`)."""
    return next((s for s in article.sections if ref in (s.id, str(s.index))), None)
