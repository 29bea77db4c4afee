"""The ASGI application: `uvicorn app.main:app`."""
from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api import (archive_entities, archive_quotes, archive_speakers, articles, docs, entities, errors, health,
                     quotes, slashes)
from app.api.cache import HttpCache
from app.api.declared import declared_query_params
from app.api.middleware import ReadOnlyCors, SecurityHeaders
from app.api.negotiation import cache_variant
from app.settings import Settings, settings_or_exit
from app.startup import StartupError, open_archive
from app.store import Store

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


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """The app over `store`, or, when none is given, over the store its start-up ingest brings up to date."""
    settings = settings or settings_or_exit()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        opened = None
        if app.state.store is None:
            try:
                app.state.store = opened = open_archive(settings)
            except StartupError as exc:
                app.state.startup_error = str(exc)
                raise
        try:
            yield
        finally:
            if opened is not None:
                app.state.store = None
                opened.close()

    app = FastAPI(title="article-api", version="1.0.0", description=DESCRIPTION,
                  docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.store = store
    app.state.startup_error = None
    app.add_middleware(OneLineStartupFailure, state=app.state)  # innermost: the HTTP cache stays outermost
    errors.install(app)
    for module in (articles, quotes, entities, archive_quotes, archive_speakers, archive_entities, health):
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


class OneLineStartupFailure:
    """A start-up that fails for a known reason reports that reason, not the lifespan's traceback."""

    def __init__(self, app: ASGIApp, state):
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "lifespan":
            await self.app(scope, receive, send)
            return

        async def send_reason(message: Message) -> None:
            if message["type"] == "lifespan.startup.failed" and self.state.startup_error:
                message = {**message, "message": self.state.startup_error}
            await send(message)

        await self.app(scope, receive, send_reason)


app = create_app()
