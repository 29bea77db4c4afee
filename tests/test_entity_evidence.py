"""Types told by the words around a name (entities/evidence.py and the rules that read it), on
sentences of our own."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from app.nlp.entities.mentions import RawMention
from app.nlp.entities.splits import cut_spans
from app.nlp.pipeline import parse_article


def type_of(text: str, name: str) -> str:
    article = parse_article("t", text)
    found = [e for e in article.entities if e.name == name]
    assert len(found) == 1, [(e.name, e.type) for e in article.entities]
    return found[0].type


def test_a_lowercase_organisation_noun_before_the_name_makes_it_an_organisation():
    text = ("Flaws in the billing app were found by the research firm Quellbrook Labs, the audit shows.\n"
            "Quellbrook Labs warned the bank in August.\n")
    assert type_of(text, "Quellbrook Labs") == "ORG"


def test_a_noun_for_its_people_after_the_name_makes_it_an_organisation():
    text = ("Varnosi said it had fixed the fault.\n"
            "Several Varnosi engineers left in May, and a Varnosi spokeswoman would not say why.\n"
            "Varnosi's head of sales, Dana Pellinger, wrote to clients.\n")
    assert type_of(text, "Varnosi") == "ORG"


def test_a_team_role_and_a_person_after_the_name_make_it_a_team():
    text = ("Brackwater Vale scored twice after the interval.\n"
            "Brackwater Vale manager Colin Dray praised his defence.\n"
            "Brackwater Vale goalkeeper Tom Ashdown kept a clean sheet.\n")
    assert type_of(text, "Brackwater Vale") == "ORG"


def test_a_journal_it_was_published_in_is_an_organisation():
    text = ("Their results, published last week in Quorva Cardiology, cover 400 patients.\n"
            "The authors call for a larger trial.\n")
    assert type_of(text, "Quorva Cardiology") == "ORG"


def test_a_given_name_keeps_the_person():
    text = "Marta Kowalik, the firm's founder, said the deal was done.\n"
    assert type_of(text, "Marta Kowalik") == "PERSON"


def test_a_possessive_before_a_given_name_and_a_surname_is_their_party_and_they_a_person():
    text = ("The recount finished at dawn.\n"
            "Rowan Hale kept his seat by a narrow margin over Dell Maro's Petra Quinlivan.\n"
            "Dell Maro's Fergus Tolland also won, and Dell Maro now holds four seats.\n")
    assert type_of(text, "Dell Maro") == "ORG"
    assert type_of(text, "Petra Quinlivan") == "PERSON"


def test_a_span_ends_before_a_conjunction():
    article = parse_article("t", "Voters backed Tarn Alba and Ostrava Union in equal numbers.\n")
    assert not [e.name for e in article.entities if e.name.endswith((" and", " or"))]


def test_an_appositive_relative_or_occupation_says_person():
    text = ("Orla Fennick ran the shop for forty years. Her nephew, Wenna Tollis Heath, of Brackley, "
            "now keeps it open.\nA customer, Dorian, 61, said the street would miss her.\n")
    assert type_of(text, "Wenna Tollis Heath") == "PERSON"
    assert type_of(text, "Dorian") == "PERSON"


def test_a_given_name_alone_that_speaks_is_a_person():
    text = ('"We saw smoke from the kitchen," said Bryony, 29, a student.\n'
            'Bryony said the firefighters arrived within minutes.\n')
    assert type_of(text, "Bryony") == "PERSON"


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
    text = "The poll found that one in five Norwegians had never voted.\n"
    assert type_of(text, "Norwegians") == "NORP"


def test_two_places_run_into_one_span_before_a_plural_place_noun_are_two():
    text = ("Ballots from the Tullagh and Morvane areas arrive tomorrow. Families from Quilcapa and "
            "Huanmarca, both fishing villages, moved. Tullagh and Morvane Ltd makes boats.")
    block = SimpleNamespace(start=0, text=text)
    spans = [RawMention(name, text.index(name), text.index(name) + len(name), "ORG", True)
             for name in ("Tullagh and Morvane", "Quilcapa and Huanmarca")]
    spans.append(RawMention("Tullagh and Morvane", text.rindex("Tullagh"), text.rindex("Morvane") + 7, "ORG", True))
    found = [(r.text, r.label) for r in cut_spans(block, spans)]
    assert found == [("Tullagh", "GPE"), ("Morvane", "GPE"), ("Quilcapa", "GPE"), ("Huanmarca", "GPE"),
                     ("Tullagh and Morvane", "ORG")]


def test_a_candidate_for_a_name_stands_for_a_party():
    text = ("Brona Dallowen stood as a candidate for Tir Glasa and won on the third count.\n"
            "Tir Glasa gained two seats across the county.\n")
    assert type_of(text, "Tir Glasa") == "ORG"


def test_a_name_with_an_age_between_commas_is_a_person():
    text = "The new trainee, Tavish Ormerod-Kell, 19, came to the forge from a welding course.\n"
    assert type_of(text, "Tavish Ormerod-Kell") == "PERSON"


def test_a_town_only_ever_where_something_is_is_a_place_not_a_person():
    text = "The ferry docked in Charlotte Amalie late on Friday, hours behind schedule.\n"
    assert type_of(text, "Charlotte Amalie") == "GPE"


def test_the_words_around_a_name_outweigh_a_thing_noun_in_it():
    text = ("Puzzle studio cuts jobs\n\nStaff at the Porto studio Tarrowind Games were told on Friday that a "
            "third of them would go.\n\nTarrowind Games said the cuts were unavoidable.\n")
    assert type_of(text, "Tarrowind Games") == "ORG"


def test_a_title_and_a_given_name_after_a_comma_open_a_person():
    text = "The Minister for Roads, Mrs Ilsa Dorrington, said. Acme Trust, Dr Ravi Sen and Jo Roe met."
    block = SimpleNamespace(start=0, text=text)
    spans = [RawMention("Roads, Mrs Ilsa Dorrington", text.index("Roads"), text.index(", said"), "ORG", True),
             RawMention("Acme Trust, Dr Ravi Sen", text.index("Acme"), text.index(" and Jo"), "ORG", True)]
    found = [(r.text, r.label) for r in cut_spans(block, spans)]
    assert found == [("Mrs Ilsa Dorrington", "PERSON"), ("Acme Trust", "ORG"), ("Dr Ravi Sen", "PERSON")]


def test_a_name_something_is_launched_on_is_a_platform():
    text = ("The studio had hoped for more after the game's launch on Pixelhaven in March.\n"
            "The reviews on Pixelhaven were poor.\n")
    assert type_of(text, "Pixelhaven") == "ORG"


def test_a_district_is_not_the_library_named_after_it():
    from app.nlp.entities.grouping import Group, _place_inside_longer_name

    county = RawMention("Brennard County", 0, 15, "FAC", in_body=True)
    library = Group([RawMention("Brennard County Library", 40, 63, "ORG", in_body=True)])
    assert _place_inside_longer_name(county, "Brennard County Library", library)


def test_a_maker_and_a_short_model_code_name_a_product():
    from app.nlp.entities.grouping import Group
    from app.nlp.entities.labels import group_type

    assert group_type(Group([RawMention("Corvel KT4", 0, 10, "PERSON", in_body=True)])) == "PRODUCT"
    assert group_type(Group([RawMention("KT4", 0, 3, "ORG", in_body=True)])) != "PRODUCT"


def test_a_one_letter_name_ending_a_sentence_keeps_no_dot():
    article = parse_article("t", "The founder later posted an apology on Q.\nNobody replied to it.\n")
    assert not [e.name for e in article.entities if e.name == "Q."]


def test_the_second_of_two_places_after_to_is_a_place_too():
    text = "Families will have to drive to Rockhampton or Mackay for the birth.\n"
    assert type_of(text, "Mackay") == "GPE"


def test_a_centre_the_model_calls_an_organisation_stays_one():
    text = "The injured were flown to Velmont Regional Medical Center on Sunday.\n"
    assert type_of(text, "Velmont Regional Medical Center") == "ORG"


def test_a_name_under_a_past_a_hyphened_colour_is_counted():
    from app.nlp.entities.surroundings import counted
    from app.nlp.pipeline import load_nlp

    text = "He still types on a battered olive-green Pellario that he bought in 1971."
    doc = load_nlp()(text)
    at = text.index("Pellario")
    assert counted(doc.char_span(at, at + len("Pellario")))


def test_the_club_a_player_was_signed_from_is_an_organisation():
    text = "Match report\n\nThe defender, signed from Tromso last summer, was booked.\n"
    assert type_of(text, "Tromso") == "ORG"


def test_a_name_set_after_a_place_by_a_comma_is_its_region():
    text = ("Flood defences to be rebuilt\n\n"
            "She grew up in Dunmere, Hollin, before moving to the coast.\n"
            "The council will rebuild the flood wall next year, Marta Quessel said.\n")
    assert type_of(text, "Hollin") == "GPE"


def test_a_local_authority_named_with_its_place_acts_as_an_organisation():
    text = ("Dairy fined over river spill\n\n"
            "The fine was imposed by the Municipality of Corvella after a long inquiry, Rhona Ebbitt said.\n"
            "Walkers in the City of Pellmarsh saw nothing like it.\n")
    assert type_of(text, "Municipality of Corvella") == "ORG"
    assert type_of(text, "City of Pellmarsh") == "GPE"


def test_a_name_someone_comes_from_is_a_place_though_tagged_an_organisation():
    text = "Results stand\n\nMr Pellworth, a publican from Drumcarrow, said he would not appeal.\n"
    assert type_of(text, "Drumcarrow") == "GPE"


@pytest.mark.parametrize("sentence, name, where", [
    ("The new plots at Quillmoss flooded twice last winter.", "Quillmoss", True),
    ("Four fishermen from Tarrabeg remained missing.", "Tarrabeg", True),
    ("The storm hit the eastern portion of Tarrabeg first.", "Tarrabeg", True),
    ("The warning covered the outskirts of Quillmoss.", "Quillmoss", True),
    ("She sold a large part of Brockhurst to a rival.", "Brockhurst", False),  # a part of a firm too,
    ("Lisa Venn, an analyst at Brockhurst, said the shares were cheap.", "Brockhurst", False),
    ("A professor at Merrowgate said the results were early.", "Merrowgate", False),
])
def test_where_a_thing_lies_or_one_comes_from_but_not_where_one_works(sentence, name, where):
    from app.nlp.entities.surroundings import situated
    from app.nlp.pipeline import load_nlp

    doc = load_nlp()(sentence)
    at = sentence.index(name)
    assert situated(doc.char_span(at, at + len(name)), located=False) is where


@pytest.mark.parametrize("sentence, name", [
    ("Jory Brandick had posted a video of his dashboard on Chirpwell minutes before the race.", "Chirpwell"),
    ("The chief executive posted a short statement on Vexlo.", "Vexlo"),
    ("She shared a photo of the crowd on Pinnagram after the match.", "Pinnagram"),
])
def test_where_a_thing_was_posted_past_the_words_for_the_thing_is_a_platform(sentence, name):
    from app.nlp.entities.surroundings import on_platform
    from app.nlp.pipeline import load_nlp

    doc = load_nlp()(sentence)
    at = sentence.index(name)
    assert on_platform(doc.char_span(at, at + len(name)))
    assert type_of(sentence + "\n", name) == "ORG"


def test_a_name_things_are_said_on_but_not_posted_is_no_platform():
    from app.nlp.entities.surroundings import on_platform
    from app.nlp.pipeline import load_nlp

    sentence = "The mayor spoke on Tuesday about the bridge in Harrowby."
    doc = load_nlp()(sentence)
    at = sentence.index("Harrowby")
    assert not on_platform(doc.char_span(at, at + len("Harrowby")))


@pytest.mark.parametrize("sentence, name", [
    ("Drive to the Morvane industrial estate and ask the workers there.", "Morvane"),
    ("Orrin Vale residents said the Kestley industrial estate was empty.", "Kestley"),
])
def test_a_name_before_words_describing_a_kind_of_place_is_that_place(sentence, name):
    assert type_of("Jobs plan\n\n" + sentence + "\n", name) == "GPE"


def test_words_describing_a_place_must_end_in_a_noun_for_one():
    from app.nlp.entities.evidence import described_place_after
    from app.nlp.pipeline import load_nlp

    for sentence, name, place in (("Flood relief reached the Karrow local government areas.", "Karrow", True),
                                  ("The Brennick retail chain closed early.", "Brennick", False)):
        doc = load_nlp()(sentence)
        at = sentence.index(name)
        assert described_place_after(doc.char_span(at, at + len(name)), frozenset({"area"})) is place
