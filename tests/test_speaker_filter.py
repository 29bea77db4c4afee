"""The `?speaker=` filter: exact forms, surnames, near spellings, and never a different person."""
from __future__ import annotations

import pytest

from app.nlp.names import EXACT_MATCH, speaker_match_score, speaker_matches

VANCE = ("JD Vance", ["Vance", "Vice President JD Vance"], "jd-vance")
ZELENSKYY = ("Volodymyr Zelenskyy", ["Zelenskyy", "President Zelenskyy"], "volodymyr-zelenskyy")
RUTTE = ("Mark Rutte", ["Rutte", "Secretary-General Mark Rutte"], "mark-rutte")
LAVROV = ("Sergey Lavrov", ["Lavrov", "Foreign Minister Sergey Lavrov"], "sergey-lavrov")
ALL = [VANCE, ZELENSKYY, RUTTE, LAVROV]


def matching(query: str) -> list[str]:
    return [name for name, aliases, eid in ALL if speaker_matches(query, name, aliases, eid)]


@pytest.mark.parametrize("query", ["JD Vance", "jd vance", "VANCE", "vance", "j.d. vance", "jd-vance",
                                   "Vice President Vance", "Vance's"])
def test_forms_of_one_name_match_exactly(query):
    assert matching(query) == ["JD Vance"]
    assert speaker_match_score(query, *VANCE) == EXACT_MATCH


@pytest.mark.parametrize("query", ["Zelensky", "zelenskiy", "Volodymyr Zelensky", "ZELENSKYY", "zelenskyy"])
def test_near_spelling_finds_the_same_person(query):
    assert matching(query) == ["Volodymyr Zelenskyy"]


@pytest.mark.parametrize("query", ["Putin", "Vancouver", "Lavrova Smith", "zzz", "", "  ", "...", "Mark Vance",
                                   "Sergey Rutte", "Van"])
def test_a_different_person_is_never_matched(query):
    assert matching(query) == []


def test_accents_are_ignored():
    assert speaker_matches("Jose Alvarez", "José Álvarez", ["Álvarez"], "jose-alvarez")
    assert speaker_matches("ÁLVAREZ", "José Álvarez", [], "jose-alvarez")


def test_near_spelling_scores_below_an_exact_match():
    assert 0 < speaker_match_score("Zelensky", *ZELENSKYY) < EXACT_MATCH


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
    from app.nlp.names import speaker_matches

    assert speaker_matches("vries", "Henk de Vries", ["De Vries"], "henk-de-vries")
    assert speaker_matches("de vries", "Henk de Vries", ["De Vries"], "henk-de-vries")
