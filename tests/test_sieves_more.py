"""More attribution constructions, each on sentences of our own, through the real pipeline:
interviews, an organisation's texts, unnamed people, nested quotations."""
from __future__ import annotations

from tests.test_sieves import parsed, rule, who


def test_she_beyond_the_last_paragraphs_is_a_named_woman_not_an_unnamed_one_of_unknown_sex():
    a = parsed("Corra Lindqvist-Obi has a rule about rehearsals: nobody speaks before noon. She tells me about "
               "her garden first.\n"
               "In 2009 her first symphony opened in Tarrow, and one reviewer described it as \"a storm in a jar\".\n"
               "\"I was young and I wanted the music to hurt,\" she says.\n")
    assert who(a, "I wanted the music to hurt") == "Corra Lindqvist-Obi"


INTERVIEW = ("Lido Marsh: 'I only paint what scares me'\n"
             "By Tomas Revel, Arts Editor\n"
             "Lido Marsh keeps her studio cold. She tells me it keeps her awake.\n"
             "\"Every canvas starts as a mistake,\" she says. \"I just refuse to fix it.\"\n"
             "\"Do you ever sell the mistakes?\" I ask.\n"
             "\"Never. The mistakes are the only honest ones I have.\"\n"
             "\"Isn't that a lonely way to work?\" I put to her.\n"
             "\"No. Loneliness is when you paint for a room that is not listening.\"\n")


def test_the_interviewers_question_put_to_someone_is_the_writers():
    a = parsed(INTERVIEW)
    assert who(a, "a lonely way to work") == "Tomas Revel"
    assert who(a, "Do you ever sell") == "Tomas Revel"


def test_a_bare_paragraph_after_the_writers_question_is_the_interviewees_answer():
    a = parsed(INTERVIEW)
    assert who(a, "the only honest ones") == "Lido Marsh"
    assert rule(a, "the only honest ones").startswith("interview answer")
    assert who(a, "Loneliness is when") == "Lido Marsh"


def test_an_unnamed_person_introduced_in_the_paragraph_before_stays_unnamed():
    a = parsed("Carbury mill flooded\n"
               "Floodwater reached the old mill at Carbury on Sunday, Mayor Ilse Darrow said.\n"
               "A river warden, who asked not to be named because he was not cleared to speak, said the banks "
               "were failing.\n"
               "\"We have sandbags for one more night,\" the warden said.\n")
    assert who(a, "sandbags for one more night") is None
    assert "unnamed, introduced before" in rule(a, "sandbags for one more night")


def test_a_subject_the_parse_hangs_on_the_auxiliary_still_speaks():
    a = parsed("Quarry row deepens\n"
               "Councillor Abel Nwosu-Hart had, while touring farms at Kenby on Monday, alleged that \"not one "
               "tonne\" of the gravel had been paid for.\n")
    assert who(a, "not one tonne") == "Abel Nwosu-Hart"


def test_words_after_as_on_a_verb_of_saying_are_its_subjects_whoever_owns_the_thing_described():
    a = parsed("Ferry firm dismisses Mayor Ruud Kessel's timetable claim as 'reckless'\n"
               "The ferry operator Brantwick Lines has described as \"false and spiteful\" the claim by Mayor Ruud "
               "Kessel that two crossings were cut.\n")
    assert who(a, "reckless") != "Ruud Kessel"
    assert rule(a, "reckless").startswith("described as")
    assert who(a, "false and spiteful") == "Brantwick Lines"
    assert rule(a, "false and spiteful").startswith("described as")


def test_a_person_inside_an_organisations_name_does_not_speak_for_it():
    a = parsed("Grant row\nSenator Ada Bello opened the clinic at Tarrow in 2019.\n"
               "The Ada Bello Foundation said on Monday that the grants were \"fully spent\".\n")
    assert who(a, "fully spent") == "Ada Bello Foundation"


def test_a_verb_of_saying_coordinated_with_the_quotations_own_is_part_of_what_is_reported():
    a = parsed("Depot row\n"
               "Union organiser Petra Lund spoke after the vote.\n"
               "She added that Mayor Olaf Brin had written to the depot managers and would \"not be pushed around "
               "by letters.\"\n")
    assert who(a, "not be pushed around") == "Petra Lund"


def test_a_specific_description_of_a_body_named_only_later_is_that_body():
    a = parsed("Dam fears grow in Ostvale\n"
               "Ostvale ordered an evacuation on Friday after the water ministry warned that the dam could fail "
               "\"within hours.\"\n"
               "The reservoir has risen two meters in a week, the Ministry of Water Resources said.\n")
    assert who(a, "within hours") == "Ministry of Water Resources"


def test_a_notes_words_inside_a_quotation_are_its_senders():
    a = parsed("Painter finds her voice\n"
               "Ilse Moravec met the gallery owner Pieter Vandam Hollis twice before she agreed to show with him.\n"
               "\"The third time, he mailed me a postcard of the sea and a note that said, 'Paint what you hear,'\" "
               "Moravec says. \"So I did.\"\n")
    assert who(a, "Paint what you hear") == "Pieter Vandam Hollis"
    assert rule(a, "Paint what you hear").startswith("nested cue")


def test_my_mother_inside_a_quotation_is_the_one_the_narration_calls_the_speakers_mother():
    a = parsed("A baker's return\n"
               "Noor Halvorsen grew up above the shop. Her mother, Sigrid Halvorsen, a baker who never took a "
               "holiday, died in 2020.\n"
               "\"My mother used to say, 'Bread forgives everything,'\" Halvorsen says.\n")
    assert who(a, "Bread forgives everything") == "Sigrid Halvorsen"


def test_a_she_inside_a_quotation_after_an_unnamed_mother_in_the_paragraph_before_is_nobody_named():
    a = parsed("Flat fire in Redwater\n"
               "Fire Captain Moira Lenz said the blaze started in a kitchen.\n"
               "Neighbours said they woke to the smoke alarm and the mother shouting.\n"
               "\"She was out on the steps in her dressing gown and she kept shouting, 'Where is the cat?'\" said Priya Osei, "
               "a neighbour.\n")
    assert who(a, "Where is the cat") is None
    assert who(a, "out on the steps") == "Priya Osei"


def test_a_statement_signed_by_a_spokesman_is_the_bodys_unless_the_signer_is_the_subject():
    a = parsed("Ports authority rejects strike claim\n"
               "The Orrin Ports Authority said in a statement signed by its General Manager, Mr Ade Bako, that no "
               "wages were withheld.\n"
               "\"Every worker was paid in full on the last day of the month,\" the statement read.\n"
               "\"The payroll records are open to anyone who asks.\"\n"
               "Bako, in the statement, accused the union of \"spreading fear among families\".\n")
    assert who(a, "paid in full") == "Orrin Ports Authority"
    assert who(a, "payroll records are open") == "Orrin Ports Authority"
    assert who(a, "spreading fear") == "Ade Bako"


def test_a_companys_blog_post_and_what_it_continues_are_the_companys():
    a = parsed("Harrowgate Software cuts a third of its staff\n"
               "Written by Mina Castell\n"
               "Harrowgate Software, the Leeds developer behind an accounting app, has laid off about a third of "
               "its staff. The company confirmed the cuts in a blog post on Tuesday.\n"
               "The company's post said little about the reasons. \"This is the hardest call we have made,\" the "
               "post reads.\n"
               "\"We know this is painful,\" it continues. \"Everyone leaving will get six months of pay.\"\n")
    assert who(a, "hardest call") == "Harrowgate Software"
    assert who(a, "this is painful") == "Harrowgate Software"
    assert who(a, "six months of pay") == "Harrowgate Software"


def test_a_court_that_speaks_before_its_judge_is_named_is_the_one_judge_of_the_article():
    a = parsed("Bail refused to fund manager\n"
               "A district court on Monday refused bail to fund manager Oskar Brandt, observing that the case was "
               "at a \"delicate stage\" and that he could tamper with evidence.\n"
               "District Judge Halima Rourke said the records showed \"a pattern of concealment\".\n")
    assert who(a, "delicate stage") == "Halima Rourke"


def test_a_text_published_from_someones_account_is_theirs():
    a = parsed("Security firm flags leaking app\n"
               "Grayline Security found the open server in March, its founder Tove Nakamura said.\n"
               "That post, published on Friday from Grayline's account, named no company but warned that a "
               "\"widely used booking app\" was \"handing out passwords to anyone who asked.\"\n")
    assert who(a, "widely used booking app") == "Grayline Security"
    assert who(a, "handing out passwords") == "Grayline Security"


def test_a_text_only_seen_by_someone_is_not_theirs():
    a = parsed("Visa rules tightened\n"
               "The Interior Ministry has changed the form again.\n"
               "A leaked memo seen by the Harbour Courier says \"late forms will not be read\", but the ministry "
               "promises a reminder.\n")
    assert who(a, "late forms will not be read") != "Harbour Courier"


def test_a_one_word_headline_quote_the_headline_gives_nobody_echoes_the_body():
    a = parsed("Quota plan 'reckless', fishermen told\n"
               "The Dunmore Harbour Board has described the new quota plan as \"reckless and rushed\".\n"
               "Local skipper Aoife Brennock said the plan was \"long overdue\".\n")
    assert who(a, "reckless") == who(a, "reckless and rushed") == "Dunmore Harbour Board"
    assert rule(a, "reckless") == "headline echo"
