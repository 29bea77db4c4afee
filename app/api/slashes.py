"""`/articles/` → `/articles`: a trailing-slash redirect whose Location is a path, never a URL.

Starlette's own redirect builds an absolute URL from the request's Host header, so
`Host: evil.example` would send a client to another site. This one answers
`307` with a relative `Location` (RFC 9110 10.2.2) naming the same path without
(or with) the trailing slash, only when that path has a route; anything else is
the router's usual 404.
"""
from __future__ import annotations

from urllib.parse import quote

from fastapi import FastAPI
from starlette.responses import RedirectResponse
from starlette.routing import Match
from starlette.types import Receive, Scope, Send


def install(app: FastAPI) -> None:
    router = app.router
    not_found = router.default
    router.redirect_slashes = False

    async def redirect_or_not_found(scope: Scope, receive: Receive, send: Send) -> None:
        location = _other_form(scope, router.routes) if scope["type"] == "http" else None
        if location is None:
            await not_found(scope, receive, send)
            return
        await RedirectResponse(location, status_code=307)(scope, receive, send)

    router.default = redirect_or_not_found


def _other_form(scope: Scope, routes) -> str | None:
    path = scope["path"]
    other = path.rstrip("/") if path.endswith("/") else path + "/"
    if path == "/" or not other.startswith("/") or other.startswith("//"):
        return None  # `//host` would be read as another site
    if not any(route.matches({**scope, "path": other})[0] is not Match.NONE for route in routes):
        return None
    query = scope.get("query_string", b"").decode("latin-1")
    return quote(other) + (f"?{query}" if query else "")
