"""Shared fixtures: the real pipeline, a real store built by the real ingest, the real app over httpx."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient

from app.ingest import Options, ingest
from app.main import create_app
from app.settings import PROJECT_ROOT, Settings
from app.store import Store

DATA = PROJECT_ROOT / "data" / "articles"
ARTICLE_ID = "vance-russia-concessions"


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("store")


@pytest.fixture(scope="session")
def store(cache_dir):
    ingest(DATA, cache_dir, Options(workers=1, progress_bar=False))
    with Store.open(cache_dir) as opened:
        yield opened


@pytest.fixture(scope="session")
def app(store, cache_dir):
    return create_app(Settings(articles_dir=DATA, cache_dir=cache_dir), store=store)


@pytest.fixture(scope="session")
def client(app):
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="session")
def article(store):
    return store.parsed(ARTICLE_ID)


@pytest.fixture(scope="session")
def library(store):
    """The served articles by id, read from the store: for tests that compare answers with the parses."""
    return SimpleNamespace(articles={aid: store.parsed(aid) for aid, _ in store.article_files()})


class BrokenStore:
    """A store whose every read fails as a lost disk would: the API must answer 500 problems."""

    def __getattr__(self, name):
        raise OSError("disk gone at /var/lib/x")
