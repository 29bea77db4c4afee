"""Swagger UI and ReDoc served from an installed package: the docs work offline.

Each page carries a strict Content-Security-Policy: scripts only from this
server plus the one inline script Swagger UI needs, allowed by its hash.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import fastapi_offline
from fastapi import APIRouter, FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.staticfiles import StaticFiles
from starlette.responses import HTMLResponse, RedirectResponse

from app.api import examples
from app.api.csp import source_hash

ASSETS_URL = "/docs-assets"
ASSETS_DIR = Path(fastapi_offline.__file__).parent / "static"

_INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.S)


def csp(html: bytes) -> str:
    """A policy allowing this page's own inline scripts by hash and nothing from other hosts.

    Styles stay 'unsafe-inline' (ReDoc writes <style> elements at run time); ReDoc
    runs its search in a web worker made from a blob: URL.
    """
    hashes = " ".join(f"'{source_hash(m)}'" for m in _INLINE_SCRIPT.findall(html))
    return ("default-src 'none'; "
            f"script-src 'self'{' ' + hashes if hashes else ''}; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
            "connect-src 'self'; worker-src blob:; "
            "frame-ancestors 'none'; base-uri 'none'; form-action 'none'")


def _drop_default_422(schema: dict) -> None:
    """FastAPI lists a 422 for every route with a parameter; keep only the ones routes declare.

    A route whose parameters can be invalid declares its 422 (problem+json, app/api/errors.py);
    an article id or entity id cannot be, so a 422 listed there would be an impossible answer.
    """
    default = "#/components/schemas/HTTPValidationError"
    for item in schema.get("paths", {}).values():
        for operation in item.values():
            responses = operation.get("responses", {}) if isinstance(operation, dict) else {}
            content = responses.get("422", {}).get("content", {})
            if any(c.get("schema", {}).get("$ref") == default for c in content.values()):
                del responses["422"]
    if default not in json.dumps(schema.get("paths", {})):
        for name in ("HTTPValidationError", "ValidationError"):
            schema.get("components", {}).get("schemas", {}).pop(name, None)


def _with_csp(page: HTMLResponse) -> HTMLResponse:
    page.headers["content-security-policy"] = csp(page.body)
    return page


def install(app: FastAPI) -> None:
    """Mount the assets, add /, /docs and /redoc (a router per app: the pages name its schema), finish the schema."""
    app.mount(ASSETS_URL, StaticFiles(directory=ASSETS_DIR), name="docs-assets")
    build_schema = app.openapi

    def openapi() -> dict:
        fresh = app.openapi_schema is None
        schema = build_schema()  # made once, then kept by FastAPI
        if fresh:
            _drop_default_422(schema)
            examples.add_examples(schema, examples.load())
        return schema

    app.openapi = openapi
    title = app.title
    router = APIRouter(include_in_schema=False)

    @router.get("/")
    def root() -> RedirectResponse:
        return RedirectResponse("/docs", status_code=307)

    @router.get("/docs")
    def swagger() -> HTMLResponse:
        return _with_csp(get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json", title=f"{title} - Swagger UI",
            swagger_js_url=f"{ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS_URL}/favicon.png",
            swagger_ui_parameters={"validatorUrl": None}))  # no badge fetched from another host

    @router.get("/redoc")
    def redoc() -> HTMLResponse:
        return _with_csp(get_redoc_html(
            openapi_url=app.openapi_url or "/openapi.json", title=f"{title} - ReDoc",
            redoc_js_url=f"{ASSETS_URL}/redoc.standalone.js",
            redoc_favicon_url=f"{ASSETS_URL}/favicon.png", with_google_fonts=False))

    app.include_router(router)
