"""The `?speaker=` filter: exact forms, surnames, near spellings, and never a different person."""
from __future__ import annotations

import pytest

from app.nlp.names import EXACT_MATCH
from app.nlp.speaker_query import speaker_match_score

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


@pytest.mark.parametrize("query", ["Orlov", "Marlingford", "Belova Smith", "zzz", "", "  ", "...", "Pieter Marlow",
                                   "Anton Maas", "Mar"])
def test_a_different_person_is_never_matched(query):
    assert matching(query) == []


def test_accents_are_ignored():
    assert matches("Tomas Ordonez", "Tomás Ordóñez", ["Ordóñez"], "tomas-ordonez")
    assert matches("ORDÓÑEZ", "Tomás Ordóñez", [], "tomas-ordonez")


def test_near_spelling_scores_below_an_exact_match():
    assert 0 < speaker_match_score("Kovalenky", *KOVALENKYY) < EXACT_MATCH


def test_a_shared_surname_names_whom_the_article_calls_by_it_alone():
    from app.nlp.speaker_query import choose

    ann, ben = ("Ann Roe", ["Roe"], "ann-roe"), ("Ben Roe", [], "ben-roe")
    scores = {eid: speaker_match_score("roe", name, aliases, eid) for name, aliases, eid in (ann, ben)}
    assert choose(scores) == {"ann-roe"}  # 'Roe said' in the article means Ann
    cara = ("Cara Roe", [], "cara-roe")
    scores = {eid: speaker_match_score("Roe", name, aliases, eid) for name, aliases, eid in (ben, cara)}
    assert choose(scores) == {"ben-roe", "cara-roe"}  # nobody is plain 'Roe': both are
    assert choose({eid: speaker_match_score("Ben Roe", n, a, eid) for n, a, eid in (ann, ben)}) == {"ben-roe"}


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


# ---------------------------------------------------------------- one thing across articles


def test_initials_with_or_without_dots_are_one_name():
    from app.nlp.names import name_tokens

    assert name_tokens("J.D. Marlow") == name_tokens("JD Marlow") == name_tokens("J. D. Marlow") == ["jd", "marlow"]


def test_linking_keys_join_forms_of_one_thing_and_never_a_shared_surname():
    from app.nlp.names import linking_keys

    assert linking_keys("PERSON", ["RJ Marlow", "Vice President R.J. Marlow"]) & linking_keys("PERSON", ["R.J. Marlow"])
    assert not linking_keys("PERSON", ["Anton Marlow"]) & linking_keys("PERSON", ["RJ Marlow"])
    assert not linking_keys("PERSON", ["Marlow"])  # a surname alone links nothing by itself
    assert linking_keys("PERSON", ["Ana Maria Rueda"]) & linking_keys("PERSON", ["Ana Rueda"])
    assert linking_keys("GPE", ["Britain"]) & linking_keys("GPE", ["the United Kingdom"])
    assert linking_keys("ORG", ["The Daily Courier"]) & linking_keys("ORG", ["Daily Courier"])
    assert not linking_keys("ORG", ["Georgia"]) & linking_keys("GPE", ["Georgia"])
    assert linking_keys("NORP", ["Norlanders"]) & linking_keys("NORP", ["Norlander"])


# ---------------------------------------------------------------- the archive's lookup


PEOPLE = [*ALL, ("Ana Rueda", ["Rueda", "Councillor Ana Rueda"], "ana-rueda"), ("Carlos Rueda", ["Rueda"], "carlos-rueda"),
          ("Tomás Ordóñez", ["Tomas Ordonez", "Ordóñez"], "tomas-ordonez"), ("Li Wei", ["Li"], "li-wei"),
          ("Henk de Vries", ["De Vries"], "henk-de-vries"), ("Rueda", [], "rueda"), ("Ministry of Ports", [], "ministry")]
QUERIES = ["RJ Marlow", "marlow", "Kovalenky", "Bohdan Kovalenky", "kovalenkiy", "Ana Rueda", "rueda", "Ana Maria Rueda",
           "Maria Rueda", "ordones", "Tomas Ordones", "TOMÁS", "li", "Li Wei", "Wei", "vries", "de vries", "H de Vries",
           "ministry", "ports", "Ministry of Port", "zzz", "", "ana-rueda", "Anton Maas", "Belov", "Belova"]


def test_the_archive_lookup_finds_what_scoring_every_speaker_would():
    """The store looks up a query's keys and near spellings instead of scoring every speaker:
    it must choose exactly as scoring them all does."""
    from types import SimpleNamespace

    from app.nlp.speaker_query import choose, find_speakers, index_keys

    people = [SimpleNamespace(id=i, name=n, aliases=a) for n, a, i in PEOPLE]
    keys, spellings = {}, []
    for p in people:
        k, s = index_keys(p.name, p.aliases, p.id)
        keys[p.id] = k
        spellings += [(x, p) for x in s]

    def by_keys(wanted):
        return [p for p in people if keys[p.id] & wanted]

    def by_spellings(ranges):
        return [p for x, p in spellings for head, lo, hi in ranges if x.head == head and lo <= x.length <= hi]

    for query in QUERIES:
        everyone = choose({p.id: speaker_match_score(query, p.name, p.aliases, p.id) for p in people}, within_article=False)
        assert find_speakers(query, by_keys, by_spellings) == everyone, query


def test_a_surname_two_speakers_of_one_article_share_names_the_one_it_ranks_first():
    from app.api.quotes import _wanted_speakers
    from app.store import SpeakerCandidate

    # ranked as the article ranks its entities: the winner it is about, then his mother
    speakers = [SpeakerCandidate("tomas-brandvold", "Tomas Brandvold", ["Brandvold"]),
                SpeakerCandidate("ingrid-varn", "Ingrid Varn", []),
                SpeakerCandidate("else-brandvold", "Else Brandvold", [])]
    assert _wanted_speakers(speakers, "Brandvold") == {"tomas-brandvold"}
    assert _wanted_speakers(speakers, "Else Brandvold") == {"else-brandvold"}
    assert _wanted_speakers(speakers, "else-brandvold") == {"else-brandvold"}
    assert _wanted_speakers(speakers, "Varn") == {"ingrid-varn"}
