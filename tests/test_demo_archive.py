"""The demo archive `make run` serves: every file loads, and every borrowed text carries its attribution."""
from __future__ import annotations

import re

from conftest import DATA

SOURCES = DATA / "SOURCES.md"


def test_every_text_file_is_served_and_nothing_else(library, store):
    stems = {p.stem for p in DATA.glob("*.txt")}
    assert len(stems) >= 30 and set(library.articles) == stems and not store.skipped()
    assert "SOURCES" not in library.articles  # the attribution file is not an article
    assert not list(DATA.glob("*.json"))  # annotations stay out of the archive


def test_every_wikinews_text_is_attributed():
    sources = SOURCES.read_text(encoding="utf-8")
    assert "CC BY 2.5" in sources and "https://creativecommons.org/licenses/by/2.5/" in sources
    assert "Changes made" in sources
    rows = dict(re.findall(r"^\| (wikinews-[\w-]+) \| .+? \| (https://en\.wikinews\.org/wiki/\S+) \|", sources, re.M))
    assert set(rows) == {p.stem for p in DATA.glob("wikinews-*.txt")}


def test_the_archive_shows_what_the_api_does(library):
    """Across articles there are quotes with speakers, entities and headed sections to look at."""
    articles = list(library.articles.values())
    assert sum(1 for a in articles if any(q.speaker for q in a.quotes)) >= 20
    assert sum(1 for a in articles if len(a.sections) > 1) >= 2
    assert all(a.entities for a in articles)
