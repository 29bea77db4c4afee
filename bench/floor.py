"""The floor: bare uvicorn + Starlette returning the project's own bytes for the same paths.

`uvicorn bench.floor:app` with FLOOR_BYTES naming a JSON file of
{path: [content_type, body_latin1]} written by the benchmark from the project's answers.
"""
from __future__ import annotations

import json
import os

from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route


def _route(path: str, content_type: str, body: bytes) -> Route:
    async def endpoint(request):
        return Response(body, media_type=content_type)
    return Route(path.split("?")[0], endpoint)


def make_app(answers: dict[str, tuple[str, bytes]]) -> Starlette:
    return Starlette(routes=[_route(p, ctype, body) for p, (ctype, body) in answers.items()])


def _load() -> dict[str, tuple[str, bytes]]:
    with open(os.environ["FLOOR_BYTES"], encoding="utf-8") as f:
        return {p: (ctype, body.encode("latin-1")) for p, (ctype, body) in json.load(f).items()}


app = make_app(_load()) if "FLOOR_BYTES" in os.environ else None
