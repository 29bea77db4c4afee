"""Capitalised words that name nothing in the article (entities/non_names.py), on sentences of our own."""
from __future__ import annotations

from app.nlp.pipeline import parse_article


def names_of(text: str) -> dict[str, str]:
    article = parse_article("t", text)
    return {e.name: e.type for e in article.entities}


def test_a_name_before_a_noun_of_science_is_part_of_a_term():
    names = names_of(
        "Researchers at Dunmere University say the comet is held together by Haldorsen forces rather than gravity.\n"
        "Its light shows the Tressimar classification of small bodies, and its spin slowed due to the Pollanby effect.\n"
        "Acme forces rivals out of the market, Fenna Drusk said.\n")
    assert not {"Haldorsen", "Tressimar", "Pollanby"} & set(names), names
    assert "Dunmere University" in names and "Fenna Drusk" in names


def test_the_field_a_minister_answers_for_is_no_organisation():
    names = names_of(
        "Undersecretary for Energy Mr. Tamsworth says prices will rise.\n"
        "He met the Secretary of the Arnish Harbour Board on Monday.\n")
    assert "Energy" not in names and names.get("Tamsworth") == "PERSON", names
    assert names.get("Arnish Harbour Board") == "ORG", names


def test_a_capitalised_doctrine_or_fear_names_nothing():
    names = names_of("Blogger speaks out\n\nPettigrew said she had been subject to Xenophobia and her post spread widely.\n")
    assert "Xenophobia" not in names, names


def test_a_name_before_category_names_the_category():
    names = names_of("Bakery honoured\n\nThe shop on Quay Street won in the Food-Drink category, Nessa Pardoe said.\n")
    assert "Food-Drink" not in names, names
