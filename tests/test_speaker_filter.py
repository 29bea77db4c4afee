"""The `?speaker=` filter: exact forms, surnames, near spellings, and never a different person."""
from __future__ import annotations

import pytest

from app.nlp.names import EXACT_MATCH, speaker_match_score

MARLOW = ("RJ Marlow", ["Marlow", "Vice President RJ Marlow"], "rj-marlow")
KOVALENKYY = ("Bohdan Kovalenkyy", ["Kovalenkyy", "President Kovalenkyy"], "bohdan-kovalenkyy")
MAAS = ("Pieter Maas", ["Maas", "Secretary-General Pieter Maas"], "pieter-maas")
BELOV = ("Anton Belov", ["Belov", "Foreign Minister Anton Belov"], "anton-belov")
ALL = [MARLOW, KOVALENKYY, MAAS, BELOV]


def matches(query, name, aliases, entity_id) -> bool:
    return speaker_match_score(query, name, aliases, entity_id) > 0


def matching(query: str) -> list[str]:
    return [name for name, aliases, eid in ALL if matches(query, name, aliases, eid)]


@pytest.mark.parametrize("query", ["RJ Marlow", "rj marlow", "MARLOW", "marlow", "r.j. marlow", "rj-marlow",
                                   "Vice President Marlow", "Marlow's"])
def test_forms_of_one_name_match_exactly(query):
    assert matching(query) == ["RJ Marlow"]
    assert speaker_match_score(query, *MARLOW) == EXACT_MATCH


@pytest.mark.parametrize("query", ["Kovalenky", "kovalenkiy", "Bohdan Kovalenky", "KOVALENKYY", "kovalenkyy"])
def test_near_spelling_finds_the_same_person(query):
    assert matching(query) == ["Bohdan Kovalenkyy"]


@pytest.mark.parametrize("query", ["Orlov", "Marlborough", "Belova Smith", "zzz", "", "  ", "...", "Pieter Marlow",
                                   "Anton Maas", "Mar"])
def test_a_different_person_is_never_matched(query):
    assert matching(query) == []


def test_accents_are_ignored():
    assert matches("Jose Alvarez", "José Álvarez", ["Álvarez"], "jose-alvarez")
    assert matches("ÁLVAREZ", "José Álvarez", [], "jose-alvarez")


def test_near_spelling_scores_below_an_exact_match():
    assert 0 < speaker_match_score("Kovalenky", *KOVALENKYY) < EXACT_MATCH


# ---------------------------------------------------------------- through the API


def speaker_names(client, article_id, query):
    r = client.get(f"/articles/{article_id}/quotes", params={"speaker": query})
    assert r.status_code == 200
    return {q["speaker"]["name"] for q in r.json()["items"]}, r.json()["total"]


@pytest.mark.parametrize("query", ["Vance", "VANCE", "j.d. vance", "JD Vance", "jd-vance"])
def test_api_finds_only_vance(client, query):
    names, total = speaker_names(client, "vance-russia-concessions", query)
    assert total > 0 and len(names) == 1 and "Vance" in next(iter(names))


def test_api_near_spelling(client):
    names, total = speaker_names(client, "vance-russia-concessions", "Zelensky")
    assert total > 0 and all("Zelenskyy" in n for n in names)


@pytest.mark.parametrize("query", ["Putin", "Vancouver", "Lavrova Smith", "zzz"])
def test_api_strangers_find_nothing(client, query):
    names, total = speaker_names(client, "vance-russia-concessions", query)
    assert total == 0 and names == set()


def test_api_speakers_ids_filter(client):
    speakers = client.get("/articles/vance-russia-concessions/speakers").json()["items"]
    assert speakers
    for s in speakers:
        names, total = speaker_names(client, "vance-russia-concessions", s["id"])
        assert names == {s["name"]} and total == s["quote_count"]


def test_surname_without_its_particle_finds_the_speaker():

    assert matches("vries", "Henk de Vries", ["De Vries"], "henk-de-vries")
    assert matches("de vries", "Henk de Vries", ["De Vries"], "henk-de-vries")
