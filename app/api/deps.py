"""Shared route dependencies: the library and the article a path names."""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Request

from app.api.errors import NotFound
from app.domain import ParsedArticle
from app.store import MAX_ID_LENGTH, Library

MAX_ID = MAX_ID_LENGTH


def get_library(request: Request) -> Library:
    return request.app.state.library


LibraryDep = Annotated[Library, Depends(get_library)]


def get_article(
    library: LibraryDep,
    article_id: Annotated[str, Path(max_length=MAX_ID, description="Article id (the file's stem)",
                                    examples=["vance-russia-concessions"])],
) -> ParsedArticle:
    article = library.articles.get(article_id)
    if article is None:
        raise NotFound(f"No article with id '{article_id[:80]}'")
    return article


ArticleDep = Annotated[ParsedArticle, Depends(get_article)]
