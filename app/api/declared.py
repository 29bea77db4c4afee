"""Which query parameters a path's route declares, read from the app's own OpenAPI schema.

The HTTP cache keys answers on these only: a parameter no route declares is ignored by
the app, so it must not split (or grow) the cache either. The schema is the public,
version-stable view of the routes; it is read once, on the first lookup, when every
route has been added.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from fastapi import FastAPI

_TEMPLATE_PARAM = re.compile(r"\{[^}/]+\}")


def declared_query_params(app: FastAPI) -> Callable[[str], frozenset[str]]:
    """A lookup from a request path to the names of the query parameters its route reads."""
    table: list[tuple[re.Pattern[str], frozenset[str]]] | None = None

    def match(path: str) -> frozenset[str]:
        nonlocal table
        if table is None:
            table = _table(app.openapi())
        names: frozenset[str] = frozenset()
        for pattern, declared in table:
            if pattern.fullmatch(path):
                names |= declared
        return names

    remembered = lru_cache(maxsize=1024)(match)  # the hot paths, a few hundred KiB at most

    def lookup(path: str) -> frozenset[str]:
        return remembered(path) if len(path) <= 256 else match(path)

    return lookup


def _table(schema: dict) -> list[tuple[re.Pattern[str], frozenset[str]]]:
    table = []
    for template, item in schema.get("paths", {}).items():
        names = frozenset(p["name"] for op in item.values() if isinstance(op, dict)
                          for p in op.get("parameters", []) if p.get("in") == "query")
        if names:
            parts = _TEMPLATE_PARAM.split(template)
            table.append((re.compile("[^/]+".join(re.escape(p) for p in parts)), names))
    return table
