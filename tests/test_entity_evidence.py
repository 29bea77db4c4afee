"""Organisations told by the words around their names (entities/evidence.py), on text of our own."""
from __future__ import annotations

from app.nlp.pipeline import parse_article


def type_of(text: str, name: str) -> str:
    article = parse_article("t", text)
    found = [e for e in article.entities if e.name == name]
    assert len(found) == 1, [(e.name, e.type) for e in article.entities]
    return found[0].type


def test_a_lowercase_organisation_noun_before_the_name_makes_it_an_organisation():
    text = ("The report was published on Tuesday by the security firm Quellbrook Labs.\n"
            "Quellbrook Labs said the files had been open for weeks.\n")
    assert type_of(text, "Quellbrook Labs") == "ORG"


def test_a_noun_for_its_people_after_the_name_makes_it_an_organisation():
    text = ("Varnosi said it had fixed the fault.\n"
            "A Varnosi spokesperson declined to comment, and all 80 Varnosi employees were told on Monday.\n"
            "Varnosi's head of product, Dana Whitcombe, wrote to customers.\n")
    assert type_of(text, "Varnosi") == "ORG"


def test_a_team_role_and_a_person_after_the_name_make_it_a_team():
    text = ("Brackwater Vale took the lead before the break.\n"
            "Brackwater Vale manager Colin Dray said his side deserved more.\n"
            "Brackwater Vale goalkeeper Tom Ashdown made three fine saves.\n")
    assert type_of(text, "Brackwater Vale") == "ORG"


def test_a_journal_it_was_published_in_is_an_organisation():
    text = ("The trial was small, according to a study published Friday in Quorva Cardiology.\n"
            "Researchers followed 400 patients for two years.\n")
    assert type_of(text, "Quorva Cardiology") == "ORG"


def test_a_given_name_keeps_the_person():
    text = "Marta Kowalik, the firm's founder, said the deal was done.\n"
    assert type_of(text, "Marta Kowalik") == "PERSON"


def test_a_possessive_before_a_given_name_and_a_surname_is_their_party_and_they_a_person():
    text = ("Counting ended late on Sunday.\n"
            "Rowan Hale, the outgoing councillor, held his seat, 40 votes ahead of Dell Maro's Petra Quinlivan.\n"
            "Dell Maro's Fergus Tolland took the last seat, while the Greens and Dell Maro lost ground.\n")
    assert type_of(text, "Dell Maro") == "ORG"
    assert type_of(text, "Petra Quinlivan") == "PERSON"


def test_a_span_ends_before_a_conjunction():
    article = parse_article("t", "Voters backed Tarn Alba and Ostrava Union in equal numbers.\n")
    assert not [e.name for e in article.entities if e.name.endswith((" and", " or"))]


def test_an_appositive_relative_or_occupation_says_person():
    text = ("Orla Fennick died on Tuesday. She is survived by her sister, Wenna Tollis Marsh, of Brackley; "
            "and four grandchildren.\nAnother neighbor, Dorian, 61, said he called the police.\n")
    assert type_of(text, "Wenna Tollis Marsh") == "PERSON"
    assert type_of(text, "Dorian") == "PERSON"


def test_a_given_name_alone_that_speaks_is_a_person():
    text = ('"The whole street was awake by then," said Tamsin, 29, who lives opposite.\n'
            'Tamsin said she had called the fire service twice.\n')
    assert type_of(text, "Tamsin") == "PERSON"


def test_a_noun_for_a_district_or_a_lake_in_the_name_makes_it_a_place():
    text = ("Water reached homes in Dravin Nagar and the Tolsey East Senatorial District on Friday.\n"
            "Laguna Quetzari, which sits above the valley, rose two metres.\n"
            "The Orvale Independent School District closed its schools.\n")
    assert type_of(text, "Dravin Nagar") == "GPE"
    assert type_of(text, "Tolsey East Senatorial District") == "GPE"
    assert type_of(text, "Laguna Quetzari") == "LOC"
    assert type_of(text, "Orvale Independent School District") == "ORG"


def test_the_village_of_a_name_is_a_place():
    text = ("In 1962 a flood buried the village of Quenhuari and the town of Tallowick.\n"
            "Survivors from Quenhuari later rebuilt on higher ground.\n")
    assert type_of(text, "Quenhuari") == "GPE"
    assert type_of(text, "Tallowick") == "GPE"


def test_one_in_three_of_a_people_is_a_share_not_a_place():
    text = "About one in four Canadians over 70 wears a hearing aid, the survey found.\n"
    assert type_of(text, "Canadians") == "NORP"


def test_two_places_run_into_one_span_before_a_plural_place_noun_are_two():
    text = ("Counting resumes today in the Tullagh and Morvane areas.\n"
            "Residents of Quilcapa and Huanmarca, two farming villages below the lake, were moved.\n")
    names = {e.name: e.type for e in parse_article("t", text).entities}
    assert not [n for n in names if " and " in n], names
    assert names.get("Quilcapa") == "GPE" and names.get("Huanmarca") == "GPE", names


def test_a_candidate_for_a_name_stands_for_a_party():
    text = ("Brona Castell, a first-time candidate for Tir Glasa, took the last seat.\n"
            "Tir Glasa gained two seats across the county.\n")
    assert type_of(text, "Tir Glasa") == "ORG"
