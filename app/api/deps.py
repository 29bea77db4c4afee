"""Shared route dependencies: the store, and the article a path names."""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Request

from app import ids
from app.api.errors import NotFound
from app.domain import ParsedArticle
from app.store import Store



def get_store(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(get_store)]

# No length limit: an id no article has is a 404 whatever its length, never a 422.
ArticleIdPath = Annotated[str, Path(
    description="Article id: the file's name without `.txt`, in lower case (any case is accepted)")]


def not_found(article_id: str) -> NotFound:
    return NotFound(f"No article with id '{article_id[:80]}'")


def get_known_id(store: StoreDep, article_id: ArticleIdPath) -> str:
    """The id of an article the store holds (as the id rule reads the path), else 404."""
    key = ids.normalise(article_id)
    if not store.has_article(key):
        raise not_found(article_id)
    return key


KnownIdDep = Annotated[str, Depends(get_known_id)]


def get_article(store: StoreDep, article_id: ArticleIdPath) -> ParsedArticle:
    """The whole parsed article, read from the store for this request (for reads that need all of it)."""
    article = store.parsed(ids.normalise(article_id))
    if article is None:
        raise not_found(article_id)
    return article


ArticleDep = Annotated[ParsedArticle, Depends(get_article)]
