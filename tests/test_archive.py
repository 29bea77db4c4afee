"""The archive-wide reads, through the real app over a real store of invented articles.

tests/archive/ holds four short articles written for these tests: one councillor quoted in two
articles under two forms of her name, a captain who shares her surname, a baker whose name is
printed with and without accents, a bare surname that must join neither person, and one
organisation named in two articles.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.ingest import Options, ingest
from app.main import create_app
from app.settings import Settings
from app.store import Store

ARTICLES = Path(__file__).with_name("archive")
HARBOUR, BRIDGE, MARKET, RIVER = ("harbour-ferry-budget", "stone-bridge-closure", "night-market-returns",
                                  "river-walk-opens")


def served(folder: Path, cache: Path):
    ingest(folder, cache, Options(workers=1, progress_bar=False))
    store = Store.open(cache)
    return store, TestClient(create_app(Settings(articles_dir=folder, cache_dir=cache), store=store))


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    for path in ARTICLES.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    store, client = served(folder, tmp_path_factory.mktemp("cache"))
    with client:
        yield client
    store.close()


def every(api, path: str, **params) -> list[dict]:
    items, offset = [], 0
    while True:
        body = api.get(path, params={**params, "limit": 2, "offset": offset}).json()
        items += body["items"]
        offset += 2
        if offset >= body["total"]:
            return items


def quoted(api, **params) -> set[tuple[str, str]]:
    return {(q["article_id"], q["speaker"]["name"] if q["speaker"] else None) for q in every(api, "/quotes", **params)}


# --- /quotes ---------------------------------------------------------------------------------

def test_every_quote_of_the_archive_in_article_then_reading_order(api):
    quotes = every(api, "/quotes")
    assert len(quotes) == 7
    assert [(q["article_id"], q["id"]) for q in quotes] == sorted((q["article_id"], q["id"]) for q in quotes)
    first = api.get("/quotes", params={"article": HARBOUR}).json()["items"][0]
    assert first["title"] == "Harbour council approves ferry budget"
    assert first["corpus_speaker_id"] and first["speaker"]["name"] == "Ana Rueda"
    assert {"id", "text", "start", "end", "kind", "speaker", "speaker_mention", "cue", "section_id",
            "paragraph_index", "article_id", "title", "corpus_speaker_id"} == set(first)


@pytest.mark.parametrize("query", ["Ana Rueda", "ana rueda", "ANA-RUEDA", "Ána Ruéda", "Councillor Ana Rueda", "ana-rueda"])
def test_one_person_across_articles_under_any_form_and_never_her_namesake(api, query):
    assert quoted(api, speaker=query) == {(HARBOUR, "Ana Rueda"), (BRIDGE, "Ana Rueda")}
    assert len(every(api, "/quotes", speaker=query)) == 3


@pytest.mark.parametrize("query", ["Tomás Ordóñez", "tomas ordonez", "ORDONEZ", "Ordones", "Tomas Ordones"])
def test_accents_and_a_near_spelling_find_one_person_printed_two_ways(api, query):
    assert {a for a, _ in quoted(api, speaker=query)} == {BRIDGE, MARKET}


@pytest.mark.parametrize("query", ["Maria Rueda", "Carlos Ordonez", "Ortiz", "zzz", "", "...", "Ru"])
def test_a_different_person_is_never_found(api, query):
    assert quoted(api, speaker=query) == set()


def test_a_shared_surname_finds_everyone_who_has_it(api):
    names = {n for _, n in quoted(api, speaker="Rueda")}
    assert names == {"Ana Rueda", "Carlos Rueda", "Rueda"}


def test_a_bare_surname_joins_neither_of_two_people_who_share_it(api):
    speakers = {s["name"]: s for s in every(api, "/speakers")}
    assert speakers["Rueda"]["id"] not in (speakers["Ana Rueda"]["id"], speakers["Carlos Rueda"]["id"])
    assert quoted(api, speaker="Carlos Rueda") == {(HARBOUR, "Carlos Rueda")}


@pytest.mark.parametrize("words, found", [
    ("ECONOMIE", {HARBOUR}), ("économie", {HARBOUR}), ("so-called", {BRIDGE}), ("ferries rust", {HARBOUR}),
    ("ferries bakery", set()), ("finally", {RIVER}), ("!!!", set())])
def test_words_of_the_quote_every_one_required_ignoring_case_and_accents(api, words, found):
    assert {a for a, _ in quoted(api, q=words)} == found


def test_a_blank_search_is_no_filter(api):
    assert api.get("/quotes", params={"q": "   "}).json()["total"] == 7


def test_filters_combine(api):
    assert quoted(api, speaker="Rueda", article=BRIDGE) == {(BRIDGE, "Ana Rueda")}
    assert quoted(api, speaker="Ana Rueda", q="water") == {(HARBOUR, "Ana Rueda")}
    assert quoted(api, speaker="Carlos Rueda", q="water") == set()
    assert quoted(api, article=BRIDGE.upper()) == {(BRIDGE, "Ana Rueda"), (BRIDGE, "Tomás Ordóñez")}
    assert quoted(api, article="no-such-article") == set()


def test_pages_cover_the_list_once(api):
    whole = api.get("/quotes", params={"limit": 100}).json()
    pages = [api.get("/quotes", params={"limit": 3, "offset": o}).json() for o in (0, 3, 6)]
    assert [q for p in pages for q in p["items"]] == whole["items"]
    assert {p["total"] for p in pages} == {7} and pages[1]["limit"] == 3 and pages[1]["offset"] == 3
    beyond = api.get("/quotes", params={"offset": 10**12}).json()
    assert beyond["items"] == [] and beyond["total"] == 7


@pytest.mark.parametrize("path, params", [
    ("/quotes", {"limit": 0}), ("/quotes", {"limit": 101}), ("/quotes", {"offset": -1}),
    ("/quotes", {"q": "x" * 201}), ("/quotes", {"speaker": "x" * 201}), ("/speakers", {"limit": "many"}),
    ("/entities", {"type": "PLANET"}), ("/entities", {"q": "x" * 201})])
def test_a_malformed_parameter_is_a_422_problem(api, path, params):
    r = api.get(path, params=params)
    assert r.status_code == 422 and r.headers["content-type"] == "application/problem+json"
    assert r.json()["errors"]


# --- /speakers -------------------------------------------------------------------------------

def test_each_speaker_once_most_quoted_first(api):
    speakers = every(api, "/speakers")
    assert len({s["id"] for s in speakers}) == len(speakers) == 4
    assert [s["quote_count"] for s in speakers] == sorted((s["quote_count"] for s in speakers), reverse=True)
    ana = speakers[0]
    assert (ana["name"], ana["quote_count"], ana["article_count"]) == ("Ana Rueda", 3, 2)
    assert {s["name"]: s["article_count"] for s in speakers}["Tomás Ordóñez"] == 2


def test_a_speaker_id_leads_to_their_quotes_and_their_entity(api):
    for s in every(api, "/speakers"):
        found = {q["corpus_speaker_id"] for q in every(api, "/quotes", speaker=s["id"])}
        # An id that is also a surname ('rueda') finds everyone with that surname, as the surname would.
        assert found == {s["id"]} if "-" in s["id"] else s["id"] in found
        assert api.get(f"/entities/{s['id']}").json()["name"] == s["name"]


def test_speakers_by_words_of_their_name(api):
    assert [s["name"] for s in every(api, "/speakers", q="ordonez")] == ["Tomás Ordóñez"]
    assert {s["name"] for s in every(api, "/speakers", q="RUEDA")} == {"Ana Rueda", "Carlos Rueda", "Rueda"}
    assert every(api, "/speakers", q="rueda carlos")[0]["name"] == "Carlos Rueda"
    assert every(api, "/speakers", q="Ortiz") == []


# --- /entities -------------------------------------------------------------------------------

def test_an_organisation_named_in_two_articles_is_one_entity_listing_both(api):
    (org,) = every(api, "/entities", q="department transportation")
    assert org["type"] == "ORG" and org["article_count"] == 2
    detail = api.get(f"/entities/{org['id']}").json()
    assert {a["id"] for a in detail["articles"]} == {HARBOUR, BRIDGE}
    saliences = [a["salience"] for a in detail["articles"]]
    assert saliences == sorted(saliences, reverse=True)
    for a in detail["articles"]:
        for entity_id in a["entity_ids"]:
            one = api.get(f"/articles/{a['id']}/entities/{entity_id}").json()
            assert one["mention_count"] <= a["mention_count"]


def test_entities_by_type_and_names_before_numbers(api):
    people = every(api, "/entities", type="person")
    assert people and all(e["type"] == "PERSON" for e in people)
    assert {"Ana Rueda", "Carlos Rueda", "Tomás Ordóñez", "Rueda"} <= {e["name"] for e in people}
    everything = every(api, "/entities")
    values = [i for i, e in enumerate(everything) if e["type"] in ("DATE", "TIME", "CARDINAL", "ORDINAL")]
    names = [i for i, e in enumerate(everything) if e["type"] not in ("DATE", "TIME", "CARDINAL", "ORDINAL")]
    assert not values or max(names) < min(values)
    assert api.get("/entities", params={"limit": 1}).json()["total"] == len(everything)


def test_an_unknown_entity_is_a_404_problem(api):
    r = api.get("/entities/no-such-thing")
    assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"
    assert "no-such-thing" in r.json()["detail"]


# --- the links follow the archive -----------------------------------------------------------

def test_an_ingest_relinks_the_archive(tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(ARTICLES, folder)
    cache = tmp_path / "cache"
    store, client = served(folder, cache)
    with client:
        assert every(client, "/speakers", q="ana rueda")[0]["article_count"] == 2
    store.close()
    (folder / "ferry-fares.txt").write_text(
        "Ferry fares to rise\n\n\"Nobody likes paying more,\" said Ana Rueda.\n", encoding="utf-8")
    (folder / f"{BRIDGE}.txt").unlink()
    store, client = served(folder, cache)
    with client:
        ana = every(client, "/speakers", q="ana rueda")[0]
        assert ana["article_count"] == 2 and ana["quote_count"] == 3
        assert {a for a, _ in quoted(client, speaker="Ana Rueda")} == {HARBOUR, "ferry-fares"}
        assert every(client, "/entities", q="department transportation")[0]["article_count"] == 1
    store.close()
