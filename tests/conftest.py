"""Shared fixtures: the real pipeline, the real app, over httpx."""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import PROJECT_ROOT, Settings
from app.store import load_library

DATA = PROJECT_ROOT / "data" / "articles"
ARTICLE_ID = "vance-russia-concessions"


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("parse-cache")


@pytest.fixture(scope="session")
def library(cache_dir):
    return load_library(DATA, cache_dir)


@pytest.fixture(scope="session")
def app(library):
    return create_app(Settings(articles_dir=DATA), library=library)


@pytest.fixture(scope="session")
def client(app):
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="session")
def article(library):
    return library.articles[ARTICLE_ID]
