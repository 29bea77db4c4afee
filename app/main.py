"""The ASGI application: `uvicorn app.main:app`."""
from __future__ import annotations

import logging
import os
from contextlib import asynccontextmanager

from fastapi import FastAPI

from app.api import articles, docs, entities, errors, health, quotes, slashes
from app.api.cache import HttpCache
from app.api.declared import declared_query_params
from app.api.middleware import ReadOnlyCors, SecurityHeaders
from app.api.negotiation import cache_variant
from app.settings import Settings, get_settings
from app.store import Library, NoArticlesError, load_library

log = logging.getLogger("app")

DESCRIPTION = """
A read-only API over news articles: full text, sections, every quotation with
who said it (filterable by speaker), and named entities merged into one record
per person, organisation or place.

**Offsets.** Every `start`/`end` is a half-open range of Unicode code points
(Python `str` indexes) into the text served by `/articles/{id}/text`, so
`text[start:end]` equals the item's own `text`. JavaScript strings count UTF-16
code units: characters outside the Basic Multilingual Plane (emoji, some CJK)
take two, so convert (e.g. `Array.from(text).slice(start, end).join('')`).

**Reading an article.** Open [the list of articles](/articles) in a browser and pick one:
`/articles/{id}` answers a browser (an `Accept` that prefers `text/html`) with the article as
a page, every quote highlighted in its speaker's colour, names underlined by type and a legend
of who is quoted. Every other client, this page's "Try it out" included, gets JSON.

**Errors** are `application/problem+json` (RFC 9457). Unknown query parameters
are ignored.
"""


def create_app(settings: Settings | None = None, library: Library | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if getattr(app.state, "library", None) is None:
            app.state.library = _load_or_exit(settings)
        yield

    app = FastAPI(title="article-api", version="1.0.0", description=DESCRIPTION,
                  docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.library = library
    errors.install(app)
    for module in (articles, quotes, entities, health):
        app.include_router(module.router)
    docs.install(app)
    slashes.install(app)
    if settings.cors_origins:
        app.add_middleware(ReadOnlyCors, origins=settings.cors_origins)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HttpCache, max_entries=settings.http_cache_entries,  # outermost: hits skip the rest
                       max_bytes=settings.http_cache_mb * 1024 * 1024, variant=cache_variant,
                       declared_params=declared_query_params(app),
                       skip_prefixes=(docs.ASSETS_URL,), bypass_with_origin=bool(settings.cors_origins))
    return app


def _load_or_exit(settings: Settings) -> Library:
    logging.basicConfig(level=settings.log_level.upper(), format="%(levelname)s %(name)s: %(message)s")
    try:
        library = load_library(settings.articles_dir, settings.cache_dir, settings.max_article_bytes)
    except NoArticlesError as exc:
        log.critical("cannot start: %s", exc)
        logging.shutdown()
        os._exit(1)  # one clear line, not a lifespan traceback; nothing is bound or open yet
    log.info("serving %d articles (%d skipped)", len(library.articles), len(library.skipped))
    return library


app = create_app()
