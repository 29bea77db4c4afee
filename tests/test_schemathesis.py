"""Schemathesis over ASGI: every operation, every check, against the documented schema."""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from app.main import create_app
from app.settings import Settings
from app.store import load_library
from conftest import DATA

# Collected at import, so the app is built here (a fresh parse cache under .cache is fine to share).
app = create_app(Settings(articles_dir=DATA), library=load_library(DATA, Settings().cache_dir))
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_conforms(case):
    response = case.call_and_validate()
    assert b"Traceback" not in response.content and b"site-packages" not in response.content
