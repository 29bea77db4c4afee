"""Names the model misses or cuts short, and names it merges wrongly: constructions of our own."""
from __future__ import annotations

from tests.test_entities import entities_of


def names(entities, types=("PERSON", "ORG", "GPE", "LOC")):
    return {e.name for e in entities if e.type in types}


def test_a_name_led_by_an_ordinal_is_kept():
    ents = entities_of("The council said it would ask the 5th District Court of Appeal to review the decision "
                       "on Monday.\n")
    assert "5th District Court of Appeal" in names(ents), [(e.name, e.type) for e in ents]


def test_an_organisation_named_with_the_places_it_serves_is_one_name():
    ents = entities_of("Flooding forced dozens of families from their homes on Sunday.\n"
                       "The Dental Guild of Vermont and Nebraska said it was providing the families with shelter.\n")
    assert "Dental Guild of Vermont and Nebraska" in names(ents), [(e.name, e.type) for e in ents]
    assert not {"Vermont", "Nebraska"} & names(ents)


def test_a_person_of_a_place_keeps_the_place():
    ents = entities_of("The union said Mara Quillfeather of Vermont would lead the talks.\n")
    assert "Vermont" in names(ents), [(e.name, e.type) for e in ents]


def test_an_acronym_of_a_country_is_the_acronym():
    ents = entities_of("The crash was investigated by the TSIB of Norway, which published its report.\n")
    assert {"TSIB", "Norway"} <= names(ents), [(e.name, e.type) for e in ents]


def test_a_town_and_the_port_named_after_it_stay_two_places():
    ents = entities_of("The plan will add homes across Brenmouth’s northern suburbs.\n"
                       "“A teacher in Port Brenmouth should be able to live near work,” the minister said.\n"
                       "Councils in Brenmouth’s east were not consulted.\n")
    places = [e for e in ents if "Brenmouth" in e.name]
    assert len(places) == 2, [(e.name, e.type, e.aliases) for e in ents]


def test_a_country_called_back_by_its_last_word_is_one_place():
    ents = entities_of("Norway faced North Macedonia in the final on Sunday.\n"
                       "Macedonia replaced its goalkeeper after ten minutes, and Macedonia said the team was tired.\n")
    assert len([e for e in ents if "Macedonia" in e.name or "Macedonia" in e.aliases]) == 1, \
        [(e.name, e.type, e.aliases) for e in ents]


def test_a_city_is_not_the_court_named_after_it():
    ents = entities_of("Dorian Quellby, 31, of Gateshead, was driving at twice the limit when he struck a cyclist "
                       "near Oadby last June, Gateshead Crown Court heard.\n")
    court = [e for e in ents if e.name == "Gateshead Crown Court"]
    assert court and "Gateshead" not in court[0].aliases, [(e.name, e.type, e.aliases) for e in ents]
    assert "Gateshead" in names(ents)


def test_a_surname_with_a_particle_calls_back_the_full_name():
    ents = entities_of("The agency named the officer as Tariq Salim bin Harith. Officials said Bin Harith had served "
                       "for twenty years.\n"
                       "Not everyone agreed. Yolanda de la Rosa Vidal, spokesperson for the dockers, warned of job "
                       "losses. “We were not asked,” De la Rosa said.\n")
    people = [e for e in ents if e.type == "PERSON"]
    assert len(people) == 2, [(e.name, e.aliases) for e in people]


def test_a_person_known_by_two_names_is_one_person():
    ents = entities_of("According to friends, Corwin Aldous Pemberley posted on gaming forums under the name "
                       "Tobin Grimshaw for years.\n"
                       "The singer Maribel Oyelaran, also known as Lenna Marquand, cancelled her tour on Monday.\n")
    people = [e for e in ents if e.type == "PERSON"]
    assert len(people) == 2, [(e.name, e.aliases) for e in people]


def test_a_person_and_someone_else_named_after_a_comma_stay_two():
    ents = entities_of("Corwin Pemberley, who met Tobin Grimshaw in 2019, said the band would tour again.\n")
    people = [e for e in ents if e.type == "PERSON"]
    assert len(people) == 2, [(e.name, e.aliases) for e in people]


def test_a_possessive_inside_an_institution_name_keeps_it_whole():
    from app.nlp.entities.mentions import RawMention
    from app.nlp.entities.splits import _split_inner_possessive

    for text in ("People’s Courier", "Queen’s Hospital", "St Brannoc’s College"):
        parts = _split_inner_possessive(RawMention(text, 0, len(text), "ORG", in_body=True))
        assert [p.text for p in parts] == [text]
    text = "Brenmouth’s Ministry of Water"
    assert [p.text for p in _split_inner_possessive(RawMention(text, 0, len(text), "ORG", in_body=True))] == \
        ["Brenmouth", "Ministry of Water"]


def test_an_acronym_spelled_out_in_brackets_is_one_organisation():
    ents = entities_of("The head of FNP (Maltese Fishing Federation), Ottavio Pellini, has called the ruling "
                       "dangerous.\n")
    federation = [e for e in ents if "FNP" in [e.name, *e.aliases]]
    assert len(federation) == 1 and "Maltese Fishing Federation" in [federation[0].name, *federation[0].aliases], \
        [(e.name, e.type, e.aliases) for e in ents]


def test_a_society_within_a_university_is_its_own_organisation():
    from app.nlp.names import same_thing

    assert not same_thing("University of Arnby", "University of Arnby Chess Society")
    assert same_thing("Brenmouth Police", "Brenmouth Police Department")
    assert same_thing("Acme Labs", "Acme Labs Research Unit")


def test_a_broadcaster_owning_a_programme_is_an_organisation():
    from app.nlp.entities.mentions import RawMention
    from app.nlp.entities.splits import _split_inner_possessive

    text = "NRK Radio 3’s ‘Morning"
    parts = _split_inner_possessive(RawMention(text, 0, len(text), "ORG", in_body=True))
    assert [(p.text, p.label) for p in parts] == [("NRK Radio 3", "ORG")]
    ents = entities_of("The study was funded by the Wexford Trust. Dr Alma Quist discussed the findings on "
                       "NRK Radio 3’s ‘Morning’ programme on Wednesday.\n")
    assert "NRK Radio 3" in names(ents, ("ORG",)), [(e.name, e.type) for e in ents]


def test_untagged_words_ending_an_organisation_name_belong_to_it():
    from app.nlp.pipeline import load_nlp
    from app.nlp.entities.mentions import _extend_over_untagged_words

    doc = load_nlp()("Coach Rufus Pendergrast told Arnia Radio Westvale: \"We fought back.\"")
    start = next(t.i for t in doc if t.text == "Arnia")
    for t in doc[start + 2:start + 3]:
        t.ent_type_ = ""  # as the model leaves it when it stops at 'Arnia Radio'
    cut = list(doc[start:start + 2])
    assert " ".join(t.text for t in _extend_over_untagged_words(cut)) == "Arnia Radio Westvale"
    doc = load_nlp()("The boy wore a KVX T-shirt to school.")
    org = next(e for e in doc.ents if e.text == "KVX")
    assert [t.text for t in _extend_over_untagged_words(list(org))] == ["KVX"]


def test_a_known_city_named_only_in_the_headline_is_a_place():
    ents = entities_of("Valparaiso and Antofagasta sign a joint ferry timetable\n"
                       "Both councils approved the timetable late on Friday, a spokesman confirmed.\n")
    places = {e.name for e in ents if e.type in ("GPE", "LOC")}
    assert {"Valparaiso", "Antofagasta"} <= places, [(e.name, e.type) for e in ents]


def test_a_known_city_the_model_left_untagged_after_a_preposition_is_a_place():
    from app.nlp.pipeline import load_nlp
    from app.nlp.entities.constructions import untagged_places
    from app.nlp.structure import Block

    text = "He hopes to open a third bakery in Bergen, and one more near Juniper Row."
    doc = load_nlp()(text)
    doc.ents = []  # as the model left it
    found = untagged_places(doc, Block("paragraph", text, 0, len(text), "s1", 0), [])
    assert [(r.text, r.label) for r in found] == [("Bergen", "GPE")]


def test_a_stock_symbol_joins_its_company():
    from app.nlp.names import ticker_of

    assert ticker_of("KRVL", "Korvell Systems Inc.") and not ticker_of("NASX", "Korvell Systems Inc.")
    ents = entities_of("Korvell Systems Inc. shares tumbled on Thursday after the chipmaker cut its forecast.\n"
                       "KRVL stock had risen for six straight quarters before the warning.\n")
    company = [e for e in ents if "KRVL" in [e.name, *e.aliases]]
    assert company and company[0].name.startswith("Korvell"), [(e.name, e.type, e.aliases) for e in ents]


def test_an_untagged_newspaper_name_after_the_is_an_organisation():
    from app.nlp.pipeline import load_nlp
    from app.nlp.entities.constructions import untagged_mastheads
    from app.nlp.structure import Block

    text = "The Quorlan Valley News reported that the petition had grown, and the Evening Gazette agreed."
    doc = load_nlp()(text)
    doc.ents = []  # as the model left it
    found = untagged_mastheads(doc, Block("paragraph", text, 0, len(text), "s1", 0), [])
    assert [(r.text, r.label) for r in found] == [("Quorlan Valley News", "ORG"), ("Evening Gazette", "ORG")]


def test_a_surname_that_is_also_a_title_is_a_name():
    ents = entities_of("He shared bills with R.J. Bishop and Marla Marshal before moving back south.\n"
                       "One Green MP said the tour was a success.\n")
    people = {e.name for e in ents if e.type == "PERSON"}
    assert {"R.J. Bishop", "Marla Marshal"} <= people and "Green MP" not in people, \
        [(e.name, e.type) for e in ents]


def test_a_title_a_given_name_and_a_regnal_number_are_a_person():
    from app.nlp.pipeline import load_nlp
    from app.nlp.entities.constructions import regnal_names
    from app.nlp.structure import Block

    text = "The officer was a first cousin of Velmoria's King Aldric IV. Chapter II begins here."
    doc = load_nlp()(text)
    doc.ents = []  # as the model left it
    found = regnal_names(doc, Block("paragraph", text, 0, len(text), "s1", 0), [])
    assert [(r.text, r.label) for r in found] == [("King Aldric IV", "PERSON")]


def test_an_organisation_named_for_a_country_keeps_the_country():
    from app.nlp.entities.mentions import RawMention
    from app.nlp.entities.repairs import _join_adjacent

    text = "said Jo Pell for Seed Authority Arnia Norway, and Norway's farmers agreed."
    org, country = text.index("Seed"), text.index("Norway")
    raws = [RawMention("Seed Authority Arnia", org, org + 20, "ORG", True),
            RawMention("Norway", country, country + 6, "GPE", True)]
    assert [(r.text, r.label) for r in _join_adjacent(raws, text)] == [("Seed Authority Arnia Norway", "ORG")]
    text = "the Acme Seeds Norway's farmers"  # the country's farmers: the country names itself
    raws = [RawMention("Acme Seeds", 4, 14, "ORG", True), RawMention("Norway", 15, 21, "GPE", True)]
    assert len(_join_adjacent(raws, text)) == 2


def test_the_place_before_a_mayor_is_a_place():
    from app.nlp.pipeline import load_nlp
    from app.nlp.entities.constructions import places_of_office
    from app.nlp.structure import Block

    text = "Tallis Vale Mayor Delphine Marquand said her council had not been consulted."
    doc = load_nlp()(text)
    doc.ents = [doc.char_span(text.index("Delphine"), text.index(" said"), label="PERSON")]
    found = places_of_office(doc, Block("paragraph", text, 0, len(text), "s1", 0), [])
    assert [(r.text, r.label) for r in found] == [("Tallis Vale", "GPE")]


def test_a_programme_named_after_an_organisation_is_not_it():
    from app.nlp.entities.grouping import Group, _joins
    from app.nlp.entities.mentions import RawMention

    show = Group([RawMention("Arnia League Tonight", 0, 20, "WORK_OF_ART", True)])
    assert not _joins(RawMention("Arnia League", 40, 52, "ORG", True), show)
    strip = Group([RawMention("Mother Plover and Finch", 0, 21, "WORK_OF_ART", True)])
    assert _joins(RawMention("Plover and Finch", 40, 56, "ORG", True), strip)


def test_the_untagged_employer_after_a_person_and_of_is_an_organisation():
    from app.nlp.pipeline import load_nlp
    from app.nlp.entities.constructions import employers_after_of
    from app.nlp.structure import Block

    text = "Not everyone was cheerful. Lena Roth of Quistgaard Mellor trimmed her forecast for the year."
    doc = load_nlp()(text)
    doc.ents = [doc.char_span(text.index("Lena"), text.index(" of"), label="PERSON")]
    found = employers_after_of(doc, Block("paragraph", text, 0, len(text), "s1", 0), [])
    assert [(r.text, r.label) for r in found] == [("Quistgaard Mellor", "ORG")]
    text = "Others agreed. Lena Roth of Helsinki said so."
    doc = load_nlp()(text)
    doc.ents = [doc.char_span(text.index("Lena"), text.index(" of"), label="PERSON")]
    assert employers_after_of(doc, Block("paragraph", text, 0, len(text), "s1", 0), []) == []


def test_a_lone_capitalised_word_after_on_that_a_verb_governs_is_a_platform():
    from app.nlp.pipeline import load_nlp
    from app.nlp.entities.constructions import platforms_after_on
    from app.nlp.structure import Block

    text = "“We read about it on Chirper over breakfast today,” the harbourmaster said of the Skating On Glass show."
    doc = load_nlp()(text)
    doc.ents = []  # as the model left it
    found = platforms_after_on(doc, Block("paragraph", text, 0, len(text), "s1", 0), [])
    assert [(r.text, r.label) for r in found] == [("Chirper", "ORG")]


def test_capitalised_words_before_a_noun_for_their_kind_are_an_organisation():
    from app.nlp.pipeline import load_nlp
    from app.nlp.entities.constructions import named_by_kind
    from app.nlp.structure import Block

    text = "Speaking to Wowza! magazine, she said the Glimmer Records label had dropped her."
    doc = load_nlp()(text)
    doc.ents = []  # as the model left it
    found = named_by_kind(doc, Block("paragraph", text, 0, len(text), "s1", 0), [])
    assert [(r.text, r.label) for r in found] == [("Wowza!", "ORG"), ("Glimmer Records", "ORG")]


def test_words_before_a_bracketed_acronym_that_spell_it_are_one_name():
    from app.nlp.pipeline import load_nlp
    from app.nlp.entities.constructions import names_before_acronyms
    from app.nlp.structure import Block

    text = ("Requests came from the deputies of Unione 9 Vele (U9V) of the regional council, "
            "and the aircraft's Electronic Rudder Monitoring (ERM) system failed.")
    doc = load_nlp()(text)
    doc.ents = []  # as the model left it
    found = names_before_acronyms(doc, Block("paragraph", text, 0, len(text), "s1", 0), [])
    assert [(r.text, r.label) for r in found] == [("Unione 9 Vele", "ORG")]


def test_a_mistyped_place_is_no_known_person_to_trim_an_organisation_to():
    from app.nlp.entities.mentions import RawMention
    from app.nlp.entities.repairs import _trim_to_known_people

    raws = [RawMention("Tallis North", 0, 12, "PERSON", True), RawMention("Tallis Borough Council", 20, 42, "ORG", True),
            RawMention("Jane Quarrie", 50, 62, "PERSON", True), RawMention("Jane Best", 70, 79, "ORG", True)]
    _trim_to_known_people(raws)
    assert [(r.text, r.label) for r in raws[1::2]] == [("Tallis Borough Council", "ORG"), ("Jane", "PERSON")]


def test_the_words_after_a_courtesy_title_are_a_persons_whole_name():
    """The model may leave an apposed 'Mr Kelan Obute' untagged, or tag 'Mr Kelan' alone."""
    apposed = entities_of("Flood row\nThe state commissioner for works, Mr Kelan Obute, denied the claims.\n")
    assert ("Kelan Obute", "PERSON") in {(e.name, e.type) for e in apposed}
    leading = entities_of("Flood row\nMrs Adanna Kwesi-Bright said the plan had failed.\n")
    assert ("Adanna Kwesi-Bright", "PERSON") in {(e.name, e.type) for e in leading}
    titled = entities_of("Flood row\nDr Tomas Reyna spoke to the Minister on Monday.\n")
    assert not any(e.name in ("Tomas", "Minister") and e.type == "PERSON" for e in titled)


def test_given_names_before_a_particle_led_surname_are_one_name():
    ents = entities_of("Floods reached the market on Sunday.\n"
                       "\"We left with nothing,\" said Carmela Rosa dela Pantaleon, 54, a vendor.\n")
    assert "Carmela Rosa dela Pantaleon" in names(ents), [(e.name, e.type) for e in ents]
    assert not {"Carmela Rosa", "dela Pantaleon"} & names(ents)


def test_an_unknown_given_name_before_a_particle_joins_the_surname():
    """The model may tag only 'Wyk-Qobosha' (as an organisation): the particle and the capitalised
    word before it are the rest of the person's name, even a given name no list holds."""
    from spacy.tokens import Span

    from app.nlp.entities.mentions import clean_span
    from app.nlp.pipeline import load_nlp
    from app.nlp.structure import Block

    text = "The hall was full, said Zanokhanyo van Wyk-Qobosha, the programme director."
    doc = load_nlp()(text)
    first = next(t.i for t in doc if t.text == "Wyk")
    doc.ents = [Span(doc, first, first + 3, label="ORG")]
    raw = clean_span(doc.ents[0], Block("paragraph", text, 0, len(text), "s1", 0))
    assert (raw.text, raw.label) == ("Zanokhanyo van Wyk-Qobosha", "PERSON")


def test_a_courtesy_title_before_a_name_belongs_to_the_person():
    ents = entities_of("Zelthorpe Ridge MP Hon. Quenby Marravane told reporters the new fares were unfair.\n"
                       "The motion was tabled by Hon Ilvastor Penwright, who chairs the transport committee.\n")
    assert {"Quenby Marravane", "Ilvastor Penwright"} <= {e.name for e in ents if e.type == "PERSON"}, \
        [(e.name, e.type) for e in ents]
    assert ("Zelthorpe Ridge", "GPE") in {(e.name, e.type) for e in ents}, [(e.name, e.type) for e in ents]
    assert not [e for e in ents if "Hon" in e.name and e.type != "PERSON"], [(e.name, e.type) for e in ents]


def test_a_list_of_towns_after_a_place_is_each_a_town():
    """The model may tag the first town a place, the last an organisation and none between: the
    organisation does not swallow the list, and each word of the list is a place."""
    from spacy.tokens import Span

    from app.nlp.entities.constructions import listed_places
    from app.nlp.entities.mentions import clean_span
    from app.nlp.pipeline import load_nlp
    from app.nlp.structure import Block

    text = "Night shifts will end at the clinics in Wexmoor, Quarnbeck, Dolvaith and Brissenholt next month."
    doc = load_nlp()(text)
    at = {t.text: t.i for t in doc}
    doc.ents = [Span(doc, at["Wexmoor"], at["Wexmoor"] + 1, label="GPE"),
                Span(doc, at["Brissenholt"], at["Brissenholt"] + 1, label="ORG")]
    block = Block("paragraph", text, 0, len(text), "s1", 0)
    last = clean_span(doc.ents[1], block)
    assert (last.text, "GPE" in last.listed_with) == ("Brissenholt", True)
    taken = [(r.start, r.end) for r in (clean_span(s, block) for s in doc.ents)]
    assert [(r.text, r.label) for r in listed_places(doc, block, taken)] == [("Quarnbeck", "GPE"), ("Dolvaith", "GPE")]


def test_a_list_of_single_words_is_no_list_of_places_without_a_place_in_it():
    from app.nlp.entities.surroundings import listed_words
    from app.nlp.pipeline import load_nlp

    doc = load_nlp()("We met Acme, Brindle and Corvo Athletic, then Arnby and Tolsey, Quillan.")
    assert not any(listed_words(doc, t.i) for t in doc)


def test_a_county_jail_is_a_building_not_the_county():
    ents = entities_of("Dravick Ostrowe is being held in the Quillbrook County Jail, the sheriff said.\n")
    assert ("Quillbrook County Jail", "FAC") in {(e.name, e.type) for e in ents}, [(e.name, e.type) for e in ents]


def test_a_lone_kind_word_is_the_one_organisation_it_heads():
    ents = entities_of("Harbour lamps to be replaced\n"
                       "Department says new lamps will be fitted ‘long before the storms’ but keepers warn the "
                       "piers are dark\n"
                       "Forty harbour lamps in Quellport have failed since January, according to the Department "
                       "of Lighthouses.\n"
                       "A spokesperson for the Department of Lighthouses said: ‘The Department knows the lamps are "
                       "old and will replace them long before the storms.’\n")
    departments = [e for e in ents if "Department" in e.name]
    assert [e.name for e in departments] == ["Department of Lighthouses"], [(e.name, e.type, e.aliases) for e in ents]


def test_a_surname_of_two_words_calls_back_the_full_name():
    ents = entities_of("The principal, Brídín Ó Cathasaigh, disagreed with the plan.\n"
                       "\"We need rooms now,\" said Ó Cathasaigh.\n")
    people = [e for e in ents if e.type == "PERSON"]
    assert [e.name for e in people] == ["Brídín Ó Cathasaigh"], [(e.name, e.aliases) for e in people]


def test_a_named_typhoon_is_an_event():
    ents = entities_of("Typhoon Quorvela made landfall on Sunday, forcing thousands from the coast.\n")
    assert ("Typhoon Quorvela", "EVENT") in {(e.name, e.type) for e in ents}, [(e.name, e.type) for e in ents]


def test_a_typhoon_called_back_by_its_name_is_the_typhoon():
    ents = entities_of("Typhoon Marivel made landfall on Sunday. Marivel brought winds of 200 kph, and Marivel "
                       "weakened by night.\n")
    assert [(e.name, e.type) for e in ents if "Marivel" in e.name or "Marivel" in e.aliases] \
        == [("Typhoon Marivel", "EVENT")], [(e.name, e.type, e.aliases) for e in ents]


def test_a_name_before_series_is_the_company_that_makes_it():
    ents = entities_of("The song featured in the final episode of a Plexor series and was later played on the "
                       "radio.\n")
    assert ("Plexor", "ORG") in {(e.name, e.type) for e in ents}, [(e.name, e.type) for e in ents]


def test_a_maiden_name_before_the_last_surname_is_the_same_person():
    ents = entities_of("Odalys Pennick Varrow, the novelist, has died aged 84.\n"
                       "Born Odalys Pennick in 1940 in a river town, she wrote eleven novels.\n")
    people = [e for e in ents if e.type == "PERSON"]
    assert [e.name for e in people] == ["Odalys Pennick Varrow"], [(e.name, e.aliases) for e in people]


def test_words_around_a_name_that_tell_its_kind():
    """A verb done only to people, a company's line of business, a hyphenated kind noun in an
    apposition, a place described in an apposition: the article's own evidence, whatever the model said."""
    def types(text):
        return {e.name: e.type for e in entities_of(text)}
    assert types("Court\nJudge Ada Brillstone jailed Lenny Cotterwell for four years.\n").get("Lenny Cotterwell") == "PERSON"
    assert types("Deal\nOrrin Pantry Foods agreed to buy Vellmar Creameries, the companies said.\n").get(
        "Orrin Pantry Foods") == "ORG"
    assert types("Tech\nQuenvell, the Oslo-based start-up, raised $40m on Monday.\n").get("Quenvell") == "ORG"
    assert types("Flood\nResidents of Kelbury, a town in Tarnside County, were moved on Monday.\n").get(
        "Kelbury") in ("GPE", "LOC")


def test_a_name_only_ever_printed_before_a_noun_for_a_property_is_that_property():
    only = {e.name: e.type for e in entities_of(
        "Summit\nThe leaders met at the Quenwick estate, a house and gardens south of the city.\n"
        "Guards closed the Quenwick estate to visitors for the day.\n")}
    assert only.get("Quenwick") not in ("GPE", "LOC", "PERSON", "ORG")
    people = {e.name: e.type for e in entities_of("Prisons\nThe Scottish prison service said cells were full.\n")}
    assert people.get("Scottish") == "NORP"
