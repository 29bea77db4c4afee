"""More attribution constructions, each on sentences of our own, through the real pipeline:
interviews, an organisation's texts, unnamed people, nested quotations."""
from __future__ import annotations

from tests.test_sieves import parsed, rule, who


def test_she_beyond_the_last_paragraphs_is_a_named_woman_not_an_unnamed_one_of_unknown_sex():
    a = parsed("Corra Sandgren-Obi has a rule about rehearsals: nobody speaks before noon. She tells me about "
               "her garden first.\n"
               "In 2009 her first symphony opened in Tarrow, and one reviewer described it as \"a storm in a jar\".\n"
               "\"I was young and I wanted the music to hurt,\" she says.\n")
    assert who(a, "I wanted the music to hurt") == "Corra Sandgren-Obi"


INTERVIEW = ("Lido Reyes: 'I only paint what scares me'\n"
             "By Tomas Revel, Arts Editor\n"
             "Lido Reyes keeps her studio cold. She tells me it keeps her awake.\n"
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
    assert who(a, "the only honest ones") == "Lido Reyes"
    assert rule(a, "the only honest ones").startswith("interview answer")
    assert who(a, "Loneliness is when") == "Lido Reyes"


def test_an_unnamed_person_introduced_in_the_paragraph_before_stays_unnamed():
    a = parsed("Carbury mill flooded\n"
               "Floodwater reached the old mill at Carbury on Sunday, Mayor Ilse Darrow said.\n"
               "A river warden, who would not give his name because he had no leave to talk to reporters, said "
               "the banks were failing.\n"
               "\"We have sandbags for one more night,\" the warden said.\n")
    assert who(a, "sandbags for one more night") is None
    assert "unnamed, introduced before" in rule(a, "sandbags for one more night")


def test_a_subject_the_parse_hangs_on_the_auxiliary_still_speaks():
    a = parsed("Quarry row deepens\n"
               "Councillor Abel Nwosu-Haverstock had, during a walk round the Kenby depot last week, claimed that \"hardly "
               "a truckload\" of the gravel ever left the site.\n")
    assert who(a, "hardly a truckload") == "Abel Nwosu-Haverstock"


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
               "She added that Mayor Olaf Bryn had written to the depot managers and would \"not be pushed around "
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
               "\"Once he left a tin of brushes on my doorstep with a note that said, 'Start with the blue,'\" "
               "Moravec says. \"So I started.\"\n")
    assert who(a, "Start with the blue") == "Pieter Vandam Hollis"
    assert rule(a, "Start with the blue").startswith("nested cue")


def test_my_mother_inside_a_quotation_is_the_one_the_narration_calls_the_speakers_mother():
    a = parsed("A baker's return\n"
               "Noor Skjelbred grew up above the shop. Her mother, Sigrid Skjelbred, a baker who never took a "
               "holiday, died in 2020.\n"
               "\"My mother would tell us, 'Dough knows when you are in a hurry,'\" Skjelbred says.\n")
    assert who(a, "Dough knows") == "Sigrid Skjelbred"


def test_a_she_inside_a_quotation_after_an_unnamed_mother_in_the_paragraph_before_is_nobody_named():
    a = parsed("Flat fire in Redwater\n"
               "Fire Captain Moira Lenz said the blaze started in a kitchen.\n"
               "A tenant upstairs heard the mother calling for help from the landing.\n"
               "\"She was out on the steps in her dressing gown and she kept shouting, 'Where is the cat?'\" said Priya Ampofo, "
               "a neighbour.\n")
    assert who(a, "Where is the cat") is None
    assert who(a, "out on the steps") == "Priya Ampofo"


def test_a_statement_signed_by_a_spokesman_is_the_bodys_unless_the_signer_is_the_subject():
    a = parsed("Ports authority rejects strike claim\n"
               "The Quorran Ports Authority said in a statement signed by its harbour director, Mr Ade Bako, that "
               "nobody's wages were held back.\n"
               "\"Every worker was paid in full on the last day of the month,\" the statement read.\n"
               "\"The payroll records are open to anyone who asks.\"\n"
               "Bako, in the statement, accused the union of \"spreading fear among families\".\n")
    assert who(a, "paid in full") == "Quorran Ports Authority"
    assert who(a, "payroll records are open") == "Quorran Ports Authority"
    assert who(a, "spreading fear") == "Ade Bako"


def test_a_companys_blog_post_and_what_it_continues_are_the_companys():
    a = parsed("Tollbridge Studios shuts its Dundee office\n"
               "Written by Mina Castell\n"
               "Tollbridge Studios, maker of a farming simulator, will close its Dundee office next month. The "
               "company announced the closure in a blog post on Friday.\n"
               "The company's post gave few details. \"Saying goodbye to this team breaks our hearts,\" the "
               "post reads.\n"
               "\"Nobody saw the slump coming,\" it continues. \"All staff will be offered posts in Glasgow.\"\n")
    assert who(a, "breaks our hearts") == "Tollbridge Studios"
    assert who(a, "slump coming") == "Tollbridge Studios"
    assert who(a, "posts in Glasgow") == "Tollbridge Studios"


def test_a_court_that_speaks_before_its_judge_is_named_is_the_one_judge_of_the_article():
    a = parsed("Ferry boss kept in custody\n"
               "A district court on Friday kept the ferry operator Oskar Vrieling in custody, noting that the inquiry "
               "was \"far from finished\" and that he might lean on his crew.\n"
               "District Judge Halima Mulqueen said the logbooks showed \"a habit of erasing entries\".\n")
    assert who(a, "far from finished") == "Halima Mulqueen"


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
               "The Pellworth Harbour Board has described the new quota plan as \"reckless and rushed\".\n"
               "Local skipper Aoife Gorrane said the plan was \"long overdue\".\n")
    assert who(a, "reckless") == who(a, "reckless and rushed") == "Pellworth Harbour Board"
    assert rule(a, "reckless") == "headline echo"


NAMED_BEING = ("Cartoon dog upsets a town\n"
               "In the Sunday strip, a cartoon dog named \"Biscuit\" digs up the garden of the town hall. "
               "Later the dog insists that \"this garden is mine now, and the mayor can rent it.\"\n"
               "The same week a sailor christened his new boat \"Sea Sparrow\" at the harbour.\n")


def test_a_quoted_name_given_to_a_being_is_a_person_and_its_noun_describes_it():
    a = parsed(NAMED_BEING)
    types = {e.name: e.type for e in a.entities}
    assert types.get("Biscuit") == "PERSON"
    assert who(a, "this garden is mine now") == "Biscuit"
    assert types.get("Sea Sparrow") != "PERSON"  # a boat's name stays a title
    assert not any("Biscuit" == q.text.strip() or "Sea Sparrow" in q.text for q in a.quotes)


def test_what_a_lawsuit_claims_is_the_plaintiffs_when_the_article_names_one():
    a = parsed("Baker sued over cake slogan\n"
               "The Harlan Dairy Board says a bakery advert is \"an insult to every farmer in the valley.\"\n"
               "The baker is being sued for \"harm to the good name\" of local butter.\n"
               "Last year the Harlan Dairy Board sued a cheese shop over its labels.\n")
    assert who(a, "harm to the good name") == "Harlan Dairy Board"
    assert rule(a, "harm to the good name").startswith("lawsuit claims")


def test_a_lawsuits_claims_name_nobody_when_two_parties_sue():
    a = parsed("Mill owner in court\n"
               "The mill owner is being sued for \"years of lost water\" downstream.\n"
               "The Kelby Anglers Club sued the owner in March, and the Tarn Valley Farmers Union sued him in May.\n")
    assert who(a, "years of lost water") is None


def test_an_organisations_name_cut_before_its_of_phrase_is_that_organisation():
    a = parsed("Rowing league sues\n"
               "The Liga Nacional de Remo de Tarvia says the new weir is \"a danger to every crew.\"\n"
               "The council is being sued for \"reckless planning\" on the river.\n"
               "In 2019 the Liga Nacional sued a boatyard over a damaged slipway.\n")
    assert who(a, "reckless planning") == "Liga Nacional de Remo de Tarvia"
    assert not any(e.name == "Liga Nacional" for e in a.entities)


def test_a_name_the_parse_left_as_the_root_is_still_its_sentences_subject_for_a_later_she():
    """'Gretchen Albers, her aunt, watched' can come out with the name as the root and the
    verb hung on 'aunt': she is still whom the sentence is about."""
    a = parsed("Record launch\n"
               "\"We built the record out of voice notes,\" Tumelo Vos said backstage.\n"
               "Gretchen Albers, her aunt, watched from the third row. \"It was lovely,\" she said.\n")
    assert who(a, "It was lovely") == "Gretchen Albers"


def test_words_quoted_in_a_standfirst_are_said_by_whoever_says_them_in_the_body():
    a = parsed("Harbour dues row reaches the council\n"
               "Traders say the new dues were \"slipped through\" at a late-night meeting; the port denies it\n"
               "By Ottoline Farrag\n"
               "Market trader Ines Valcourt-Remy said the dues had been \"slipped through\" while most members were away.\n"
               "The port authority said the meeting had been announced a week before.\n")
    standfirst = next(q for q in a.quotes if q.start < a.text.index("By Ottoline"))
    assert standfirst.speaker is not None and standfirst.speaker.name == "Ines Valcourt-Remy"
