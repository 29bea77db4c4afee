"""Schemathesis over ASGI: every operation, every check, against the documented schema."""
from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from app.ingest import Options, ingest
from app.main import create_app
from app.settings import Settings
from app.store import Store
from conftest import DATA

# Collected at import, so the app and its store (in a temporary folder, not the project's .cache) are built here.
_CACHE = Path(tempfile.mkdtemp(prefix="schemathesis-store-"))
ingest(DATA, _CACHE, Options(workers=1, progress_bar=False))
app = create_app(Settings(articles_dir=DATA, cache_dir=_CACHE), store=Store.open(_CACHE))
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_conforms(case):
    response = case.call_and_validate()
    assert b"Traceback" not in response.content and b"site-packages" not in response.content
