"""Every error as application/problem+json (RFC 9457), with nothing of the server in it."""
from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse

from app.api.middleware import READ_METHODS
from app.api.schemas import Problem

log = logging.getLogger(__name__)
PROBLEM_TYPE = "application/problem+json"


class NotFound(HTTPException):
    def __init__(self, detail: str):
        super().__init__(404, detail)


def problem(status: int, detail: str, headers: dict | None = None, errors: list | None = None) -> JSONResponse:
    body = {"type": "about:blank", "title": HTTPStatus(status).phrase, "status": status, "detail": detail}
    if errors is not None:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_TYPE)


def _clean_errors(exc: RequestValidationError) -> list[dict]:
    return [{"loc": [str(p) for p in e.get("loc", ())], "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()]


async def on_http_error(request: Request, exc: HTTPException) -> JSONResponse:
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail != HTTPStatus(exc.status_code).phrase \
        else _default_detail(exc.status_code, request)
    headers = dict(getattr(exc, "headers", None) or {})
    if exc.status_code == 405:  # the router names the route's GET; HEAD is answered too (app/api/cache.py)
        headers = {k: v for k, v in headers.items() if k.lower() != "allow"} | {"Allow": ", ".join(READ_METHODS)}
    return problem(exc.status_code, detail, headers=headers or None)


def _default_detail(status: int, request: Request) -> str:
    if status == 404:
        return "No resource at this path"
    if status == 405:
        return f"Method {request.method} is not allowed here; this API is read-only"
    return HTTPStatus(status).description or HTTPStatus(status).phrase


async def on_validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = _clean_errors(exc)
    names = ", ".join(".".join(e["loc"][1:]) or e["loc"][0] for e in errors if e["loc"]) or "the request"
    return problem(422, f"Invalid value for {names}", errors=errors)


async def on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return problem(500, "The server failed to answer this request")


def install(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(Exception, on_unexpected)


_PROBLEM_DESCRIPTIONS = {
    404: "Unknown article, section or entity",
    422: "A parameter is out of range or malformed (`errors` says which)",
}


def problems(*statuses: int) -> dict:
    """The OpenAPI `responses` for the errors a route can really give (its 200 is its response model)."""
    return {status: {"model": Problem, "description": _PROBLEM_DESCRIPTIONS[status],
                     "content": {PROBLEM_TYPE: {}}} for status in statuses}
