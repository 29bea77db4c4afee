"""Schemathesis over ASGI: every operation, every check, against the documented schema.

The schema is the app's own, built at collection without loading a single article;
the calls go to the session's app, whose articles are parsed into a temporary cache
when the first test runs.
"""
from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings

from app.main import create_app
from app.settings import Settings

schema = schemathesis.openapi.from_dict(create_app(Settings()).openapi())


@schema.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_conforms(case, app):
    response = case.call_and_validate(app=app)
    assert b"Traceback" not in response.content and b"site-packages" not in response.content
