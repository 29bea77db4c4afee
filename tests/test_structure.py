"""The structure parser on layouts of our own."""
from __future__ import annotations

import pytest

from app.nlp.structure import parse_structure
from app.nlp.text import normalize


def parse(text: str):
    return parse_structure(normalize(text))


def check_offsets(s):
    for section in s.sections:
        for p in section.paragraphs:
            assert s.text[p.start:p.end] == p.text
        if section.heading:
            assert s.text[section.start:section.start + len(section.heading)] == section.heading


def test_headline_byline_and_headings():
    s = parse("Council Votes to Close Harbour Bridge\nBy Maria Lopez\n"
              "The council voted on Tuesday to close the bridge for repairs.\n"
              "Traffic Plans\n"
              "Drivers will be sent through the town centre instead.\n")
    assert s.title == "Council Votes to Close Harbour Bridge"
    assert s.author == "Maria Lopez" and s.publisher is None
    assert [x.heading for x in s.sections] == [None, "Traffic Plans"]
    assert [x.id for x in s.sections] == ["lead", "traffic-plans"]
    assert [p.index for x in s.sections for p in x.paragraphs] == [0, 1]
    check_offsets(s)


@pytest.mark.parametrize("line, author, publisher", [
    ("By Jane Doe", "Jane Doe", None),
    ("BY JANE DOE", "JANE DOE", None),
    ("Jane Doe – The Valley Herald", "Jane Doe", "The Valley Herald"),
    ("Jane Doe — Novapress", "Jane Doe", "Novapress"),
    ("Jane Doe and Hugh Roe, Valley Herald", "Jane Doe and Hugh Roe", "Valley Herald"),
    ("By Jane Doe, Valley Herald", "Jane Doe", "Valley Herald"),
])
def test_byline_forms(line, author, publisher):
    s = parse(f"{line}\nThe mayor opened the new library on Monday, officials said.\n")
    assert (s.author, s.publisher) == (author, publisher)
    assert s.title is None
    assert len(s.sections[0].paragraphs) == 1


@pytest.mark.parametrize("line, author, publisher", [
    ("By Zoë Ångström", "Zoë Ångström", None),
    ("By Émile Zola", "Émile Zola", None),
    ("By Øystein Ås", "Øystein Ås", None),
    ("BY ÉMILE ZOLA", "ÉMILE ZOLA", None),
    ("Émile Zola – Ålands Tidning", "Émile Zola", "Ålands Tidning"),
    ("Łukasz Żak and Ömer Çelik, Ōsaka Evening Post", "Łukasz Żak and Ömer Çelik", "Ōsaka Evening Post"),
    ("By Jane Doe, Éditions du Port", "Jane Doe", "Éditions du Port"),
    ("By Ωmega Δelta", "Ωmega Δelta", None),
    ("Жанна Доу — Вечерний Вестник", "Жанна Доу", "Вечерний Вестник"),
])
def test_bylines_whose_names_start_with_a_non_ascii_capital(line, author, publisher):
    s = parse(f"Harbour Bridge Reopens After Repairs\n{line}\n"
              "The council reopened the bridge on Tuesday after two years of work.\n"
              "Work Ahead\nMore repairs are planned for the spring.\n")
    assert (s.title, s.author, s.publisher) == ("Harbour Bridge Reopens After Repairs", author, publisher)
    assert [x.heading for x in s.sections] == [None, "Work Ahead"]  # the byline is not a section
    assert line not in " ".join(p.text for x in s.sections for p in x.paragraphs)


@pytest.mark.parametrize("line", ["émile zola – la gazette", "Émile said – and left"])
def test_a_lowercase_line_is_still_no_byline(line):
    assert parse(f"{line}\nThe council reopened the bridge on Tuesday.\n").author is None


def test_title_then_byline():
    s = parse("Storm Closes Schools\nJane Doe – Coast Times\nSchools shut on Friday as the storm hit.")
    assert (s.title, s.author, s.publisher) == ("Storm Closes Schools", "Jane Doe", "Coast Times")


def test_heading_with_dash_is_not_a_byline():
    s = parse("Gwen Rook – Metro News\nFirst paragraph of the story is here.\n"
              "Markets Rally — for Now\nShares rose on Monday.")
    assert s.author == "Gwen Rook"
    assert [x.heading for x in s.sections] == [None, "Markets Rally — for Now"]


def test_dateline_credit_gives_publisher():
    s = parse("Fires Grow in the Hills\nMARIN COUNTY (KTV7) – Crews fought the fire all night.")
    assert s.publisher == "KTV7"
    assert s.sections[0].paragraphs[0].text.startswith("MARIN COUNTY")


def test_quoted_heading_and_consecutive_headings():
    s = parse("Title of the Piece\nFirst paragraph ends here.\nPart one\n"
              "'We will not give up': Mayor\nThe mayor spoke at length.\n")
    assert [x.heading for x in s.sections] == [None, "Part one", "'We will not give up': Mayor"]
    assert s.sections[1].paragraphs == []


def test_sentences_and_long_lines_are_paragraphs():
    s = parse("A Title\nShort line ending with a period.\n“Is it over?”\n"
              "This standfirst line runs on for many words without any final stop at all so it is text\n"
              "Body.")
    assert [x.heading for x in s.sections] == [None]
    assert len(s.sections[0].paragraphs) == 4


def test_trailing_short_line_is_a_paragraph_not_a_heading():
    s = parse("A Title\nThe story.\nReporting by Jane Doe")
    assert len(s.sections) == 1 and s.sections[0].paragraphs[-1].text == "Reporting by Jane Doe"


def test_no_title_when_first_line_is_a_sentence():
    s = parse("The mayor resigned on Friday.\nShe gave no reason.")
    assert s.title is None and len(s.sections[0].paragraphs) == 2


def test_duplicate_and_empty_heading_slugs_are_unique():
    s = parse("T\nP one.\nUpdate\nP two.\nUpdate\nP three.\n¿¡\nP four.")
    assert [x.id for x in s.sections] == ["lead", "update", "update-2", "section-3"]


@pytest.mark.parametrize("variant", [
    "Headline Here\r\nBy Jo Bloggs\r\nFirst para.\r\nA Heading\r\nSecond para.\r\n",
    "\ufeffHeadline Here\nBy Jo Bloggs\n\n\nFirst para.   \n\nA Heading  \nSecond para.\n\n",
    "  Headline Here\nBy Jo Bloggs\nFirst para.\nA Heading\nSecond para.",
])
def test_line_endings_bom_blank_lines_give_same_result(variant):
    clean = parse("Headline Here\nBy Jo Bloggs\nFirst para.\nA Heading\nSecond para.")
    assert parse(variant) == clean


def test_empty_text():
    s = parse("")
    assert s.text == "" and s.title is None and [x.id for x in s.sections] == ["lead"]


@pytest.mark.parametrize("date_line", [
    "Published: 12 March 2024", "Updated 10:32 AM EST, Mon March 4, 2024", "03/04/2024 08:00",
    "Sept. 5, 2023",
])
def test_header_date_line_is_not_a_heading(date_line):
    s = parse(f"Dam Opens After Years of Delay\nBy Jo Bloggs\n{date_line}\nThe dam opened on Monday.\n"
              "Reaction\nLocals cheered.")
    assert s.author == "Jo Bloggs"
    assert [x.heading for x in s.sections] == [None, "Reaction"]
    assert len(s.sections[0].paragraphs) == 1


def test_date_line_before_byline():
    s = parse("Dam Opens\nMarch 4, 2024\nBy Jo Bloggs\nThe dam opened on Monday.")
    assert s.author == "Jo Bloggs" and s.sections[0].paragraphs[0].text == "The dam opened on Monday."


def test_standfirst_between_headline_and_byline_is_the_first_paragraph():
    s = parse("Nurses at breaking point, says union chief\n"
              "Union warns of exodus as waiting lists grow\n"
              "By Joanne Kersey and Ned Gulliver\n"
              "Staff are exhausted, the union said on Monday.\n")
    check_offsets(s)
    assert s.title == "Nurses at breaking point, says union chief"
    assert s.author == "Joanne Kersey and Ned Gulliver"
    assert [x.heading for x in s.sections] == [None]
    assert [p.text for p in s.sections[0].paragraphs] == [
        "Union warns of exodus as waiting lists grow", "Staff are exhausted, the union said on Monday."]


def test_dateline_credit_after_a_standfirst():
    s = parse("Zoning rule thrown out\nCourt sides with the farmers\nBy Ana Rueda\n"
              "FRESNO (Wire Service) — A judge threw out the rule on Monday.\n")
    assert s.publisher == "Wire Service"


def test_dateline_credit_after_a_standfirst_without_byline():
    s = parse("Quarry film wins applause\nThe director's third film earned long applause on Friday, "
              "with its two leads at their best\nHARWICK (Screen Courier) – Hardly anyone smiles in it.\n")
    assert s.publisher == "Screen Courier" and s.author is None


def test_heading_before_the_last_line_introduces_it():
    s = parse("Harnley 3-2 Dunchester\nThe home side came from behind.\nPlayer of the match\nTiernan Owusu-Ansah (Harnley)\n")
    assert [x.heading for x in s.sections] == [None, "Player of the match"]
    assert s.sections[1].paragraphs[0].text == "Tiernan Owusu-Ansah (Harnley)"


def test_dateline_with_a_state_abbreviation():
    s = parse("Court pauses plan\nFRESNO, Calif. (AP) — A county judge on Thursday paused the plan.\n"
              "The governor said he would appeal.\n")
    assert s.publisher == "AP"


@pytest.mark.parametrize("byline, author, publisher", [
    ("By Philippa Orde, Fenwright Public Radio", "Philippa Orde", "Fenwright Public Radio"),
    ("By Philippa Orde, Science Reporter", "Philippa Orde", None),
    ("Words by Philippa Orde", "Philippa Orde", None),
    ("Story by Philippa Orde", "Philippa Orde", None),
])
def test_byline_layouts_with_a_role_or_a_credit_word(byline, author, publisher):
    s = parse(f"Ferry timetable cut for winter\n{byline}\nThe ferry will sail twice a day.\nMore follows.\n")
    assert (s.author, s.publisher) == (author, publisher)
    assert [b.kind for b in s.blocks] == ["title", "byline", "paragraph", "paragraph"]


def test_picture_credit_is_neither_author_nor_text_but_names_a_person():
    s = parse("The last lamplighter\nWords by Philippa Orde\nPictures by Ivo Vrieling\n"
              "The lamps on the quay are lit by hand.\nHe has done it for years.\n")
    assert s.author == "Philippa Orde" and s.credited == ["Ivo Vrieling"]
    assert [x.heading for x in s.sections] == [None]
    assert s.sections[0].paragraphs[0].text.startswith("The lamps")


def test_a_name_alone_above_a_date_line_is_the_byline():
    s = parse("Bakery chain recalls its seeded loaves\nThe owner said sorry in a video\nPhilippa Orde\n"
              "Jun 14, 2027, 7:40 PM BST\nThe loaves were recalled.\nShops removed them.\n")
    assert s.author == "Philippa Orde"
    assert all(x.heading is None for x in s.sections)
    assert s.sections[0].paragraphs[0].text == "The owner said sorry in a video"


def test_a_name_alone_without_a_date_line_is_no_byline():
    s = parse("Bakery chain recalls its seeded loaves\nPhilippa Orde\nThe loaves were recalled.\nShops removed them.\n")
    assert s.author is None


@pytest.mark.parametrize("byline, author, publisher", [
    ("Written by Philippa Orde", "Philippa Orde", None),
    ("Author: Philippa Orde (KRDV)", "Philippa Orde", "KRDV"),
    ("From Philippa Orde, Kelton", "Philippa Orde", None),
    ("By Philippa Orde, Kelton News-Courier", "Philippa Orde", "Kelton News-Courier"),
    ("By Philippa Orde — Fenwright Sport", "Philippa Orde", "Fenwright Sport"),
    ("Philippa Orde-Vance", "Philippa Orde-Vance", None),
    ("Ivo Vrieling and Philippa Orde-Vance", "Ivo Vrieling and Philippa Orde-Vance", None),
    ("Philippa Orde - Fenwright Sport", "Philippa Orde", "Fenwright Sport"),
    ("By Philippa Orde · 4 min read", "Philippa Orde", None),
    ("Posted by Philippa Orde on March 3, 2027", "Philippa Orde", None),
    ("Philippa Orde | Fenwright Sport | March 3, 2027", "Philippa Orde", "Fenwright Sport"),
    ("By Philippa Orde (Fenwright Sport)", "Philippa Orde", "Fenwright Sport"),
    ("By Philippa Orde @porde", "Philippa Orde", None),
])
def test_more_byline_layouts(byline, author, publisher):
    s = parse(f"Ferry timetable cut for winter\n{byline}\nPublished: 9:05 PM CST February 3, 2027\n"
              "The ferry will sail twice a day.\nMore follows.\n")
    assert (s.author, s.publisher) == (author, publisher)
    assert [x.heading for x in s.sections] == [None]


def test_a_place_line_under_the_byline_is_text_not_a_heading():
    s = parse("Roe steers Kelton home\nBy Lachie Reed\nRiverside Oval, Kelton\nTom Roe batted all day.\nMore.\n")
    assert [x.heading for x in s.sections] == [None]
    s = parse("Roe steers Kelton home\nBy Lachie Reed\nTeam News\nTom Roe batted all day.\nMore.\n")
    assert [x.heading for x in s.sections] == [None, "Team News"]


def test_a_publishers_furniture_is_no_heading():
    s = parse("Ferry timetable cut for winter\nThe ferry will sail twice a day.\n"
              "Also read: Tarnby bridge to close for a week\nAdvertisement\nRead more | Kelton harbour dues rise\n"
              "Timetables\nThe winter timetable starts on Monday.\nMore follows.\n")
    assert [x.heading for x in s.sections] == [None, "Timetables"]
    check_offsets(s)


def test_a_name_alone_above_the_writers_role_is_the_byline_and_the_role_no_text():
    s = parse("Ferry fares to rise\nPhilippa Orde\nTransport Correspondent\nMarch 3, 2027\n"
              "Fares will rise.\nMore follows.\n")
    assert s.author == "Philippa Orde"
    assert [x.heading for x in s.sections] == [None]
    assert s.sections[0].paragraphs[0].text == "Fares will rise."


@pytest.mark.parametrize("header, author, publisher", [
    ("Kelton Gazette\nBy Philippa Orde", "Philippa Orde", "Kelton Gazette"),
    ("By Philippa Orde\nKelton Gazette\nMarch 3, 2027", "Philippa Orde", "Kelton Gazette"),
    ("By Philippa Orde\nKELTON GAZETTE", "Philippa Orde", "KELTON GAZETTE"),
    ("From the Kelton Gazette", None, "Kelton Gazette"),
    ("Kelton Gazette staff", None, "Kelton Gazette"),
    ("By Gazette staff", None, None),
    ("By Philippa Orde • Kelton Gazette", "Philippa Orde", "Kelton Gazette"),
])
def test_an_outlet_on_its_own_line_beside_the_byline(header, author, publisher):
    s = parse(f"Ferry fares to rise\n{header}\nFares will rise on Monday.\nPhoto: Ivo Vrieling/Kelton Gazette\n"
              "More follows.\n")
    assert (s.author, s.publisher) == (author, publisher)
    assert [x.heading for x in s.sections] == [None]
    assert s.sections[0].paragraphs[0].text == "Fares will rise on Monday."


@pytest.mark.parametrize("top, title", [
    ("EXCLUSIVE\nFerry fares to rise by a tenth", "Ferry fares to rise by a tenth"),
    ("Transport\nFerry fares to rise by a tenth", "Ferry fares to rise by a tenth"),
    ("Ferry fares to rise by a tenth.", "Ferry fares to rise by a tenth."),
])
def test_the_headline_under_a_kicker_or_ending_in_a_full_stop(top, title):
    s = parse(f"{top}\nBy Philippa Orde\nFares will rise on Monday.\nMore follows.\n")
    assert (s.title, s.author) == (title, "Philippa Orde")
    assert [x.heading for x in s.sections] == [None]
    assert s.sections[0].paragraphs[0].text == "Fares will rise on Monday."


@pytest.mark.parametrize("byline, author, publisher", [
    ("By: Quorra Vendell", "Quorra Vendell", None),  # local TV sites
    ("Quorra Vendell in Brackwater", "Quorra Vendell", None),  # UK nationals: the place filed from
    ("By Quorra Vendell in Brackwater", "Quorra Vendell", None),
    ("Quorra Vendell @qvendell", "Quorra Vendell", None),  # a handle after a name alone
    ("By Quorra Vendell Published 3 March 2027", "Quorra Vendell", None),
    ("Posted on March 3, 2027 by Quorra Vendell", "Quorra Vendell", None),  # blogs
    ("By Quorra Vendell, Abeokuta", "Quorra Vendell", None),  # West African dailies: a city, no outlet
    ("Brackwater Echo Staff", None, "Brackwater Echo"),
    ("Staff Reporter", None, None),  # a role alone where the byline stands
])
def test_byline_layouts_of_many_outlets(byline, author, publisher):
    s = parse(f"Pier shut for a year as repairs begin\n{byline}\n3 Mar 2027\n"
              "The council voted on Tuesday to shut the old pier.\nWork will take a year.\n")
    assert (s.author, s.publisher) == (author, publisher)
    assert [x.heading for x in s.sections] == [None]
    assert s.sections[0].paragraphs[0].text.startswith("The council voted")


@pytest.mark.parametrize("date_line", [
    "an hour ago", "3 hours ago", "Updated 20 minutes ago", "4 min read",
    "Published 12:04 IST, 3 March 2027", "Updated: March 3, 2027 6:42 PM EST", "Tue 3 Mar 2027 09.15 GMT",
    "2027-03-03", "Posted at 6:42 PM, Mar 03, 2027",
])
def test_date_and_time_lines_under_the_byline_are_metadata(date_line):
    s = parse(f"Pier shut for a year\nBy Quorra Vendell\n{date_line}\nThe council shut the pier.\nMore follows.\n")
    assert s.author == "Quorra Vendell"
    assert [x.heading for x in s.sections] == [None]
    assert s.sections[0].paragraphs[0].text == "The council shut the pier."


def test_a_date_above_the_headline_is_no_title_but_a_headline_holding_a_date_is():
    s = parse("3 March 2027\nPier shut for a year\nBy Quorra Vendell\nThe council shut the pier.\nMore.\n")
    assert (s.title, s.author) == ("Pier shut for a year", "Quorra Vendell")
    s = parse("Pier to shut on March 3, council says\nBy Quorra Vendell\nThe council shut the pier.\nMore.\n")
    assert s.title == "Pier to shut on March 3, council says"


@pytest.mark.parametrize("opening", [
    "KELTON, March 3 (Wirepress) - The council voted on Tuesday.",
    "Kelton, March 3 - The council voted to shut the pier.",
])
def test_a_short_first_paragraph_holding_a_date_is_text_not_a_date_line(opening):
    s = parse(f"Pier shut for a year\n{opening}\nMore text follows.\n")
    assert [p.text for p in s.sections[0].paragraphs] == [opening, "More text follows."]


@pytest.mark.parametrize("furniture", [
    "Advertisement", "WATCH", "Share this article", "Follow us on Quillpost and Vendgram",
    "Sign up for our newsletter", "Subscribe to our daily briefing", "Download the Brackwater Echo app",
    "Click here to get the latest news", "Listen to this article", "ALSO READ | Ferry fares rise again",
    "The old pier at dusk. Photo: Tobiah Marsk", "The old pier at dusk (Image: Tobiah Marsk)",
    "Tobiah Marsk/Vendpress", "Copyright 2027 Brackwater Echo. All rights reserved", "© 2027 Brackwater Echo",
    "Copyright © 2027 Brackwater Echo", "(Additional reporting by Tobiah Marsk)",
    "Reporting by Quorra Vendell; Editing by Tobiah Marsk",
])
def test_a_sites_furniture_among_the_paragraphs_is_text_not_a_heading(furniture):
    s = parse(f"Pier shut for a year\nBy Quorra Vendell\nThe council shut the pier.\n{furniture}\n"
              "Work starts on Monday.\nMore follows.\n")
    assert [x.heading for x in s.sections] == [None]
    assert furniture in [p.text for p in s.sections[0].paragraphs]  # nothing lost
    check_offsets(s)


@pytest.mark.parametrize("label", ["Read more", "READ MORE:", "RELATED", "Related stories", "See also"])
def test_the_headline_under_a_read_more_label_is_a_link_not_a_heading(label):
    s = parse(f"Pier shut for a year\nBy Quorra Vendell\nThe council shut the pier.\n{label}\n"
              "Ferry fares rise again\nWork starts on Monday.\nMore follows.\n")
    assert [x.heading for x in s.sections] == [None]
    assert [p.text for p in s.sections[0].paragraphs][1:3] == [label, "Ferry fares rise again"]


@pytest.mark.parametrize("heading", ["Follow the Money", "Sign of the Times", "Listen to the Victims",
                                     "Copyright Law Changes", "Editing by Committee", "Watch This Space"])
def test_headings_that_open_like_furniture_stay_headings(heading):
    s = parse(f"Pier shut for a year\nBy Quorra Vendell\nThe council shut the pier.\n{heading}\n"
              "Work starts on Monday.\nMore follows.\n")
    assert [x.heading for x in s.sections] == [None, heading]


@pytest.mark.parametrize("header, author, publisher", [
    ("By Quorra Vendell | Updated: Mar 03, 2027, 18:42 IST", "Quorra Vendell", None),
    ("Written By Quorra Vendell | Edited By: Tobiah Marsk", "Quorra Vendell", None),
    ("By Newsroom Desk", None, None),
    ("Quorra Vendell for the Brackwater Herald", "Quorra Vendell", "Brackwater Herald"),
    ("Quorra Vendell\nThe Brackwater Herald\nPublished Mar 03, 2027", "Quorra Vendell", "The Brackwater Herald"),
    ("By Quorra Vendell and Tobiah Marsk\nUpdated March 3, 2027 — 6.42pm first published at 5.00pm",
     "Quorra Vendell and Tobiah Marsk", None),
])
def test_bylines_with_an_editor_a_desk_a_freelance_outlet_or_a_long_date(header, author, publisher):
    s = parse(f"Pier shut for a year as repairs begin\n{header}\n"
              "The council voted on Tuesday to shut the old pier.\nWork will take a year.\n")
    assert (s.author, s.publisher) == (author, publisher)
    assert [x.heading for x in s.sections] == [None]
    assert s.sections[0].paragraphs[0].text.startswith("The council voted")


@pytest.mark.parametrize("line", ["Edited by Tobiah Marsk", "More by this Author",
                                  "The old pier at dusk. (Tobiah Marsk/Vendpress Images)",
                                  "• The pier shuts", "- Work takes a year"])
def test_credits_author_links_and_list_items_are_text_not_headings(line):
    s = parse(f"Pier shut for a year\nBy Quorra Vendell\nThe council shut the pier.\n{line}\n"
              "Work starts on Monday.\nMore follows.\n")
    assert [x.heading for x in s.sections] == [None]
    assert line in [p.text for p in s.sections[0].paragraphs]


def test_a_city_alone_under_the_byline_is_text_not_a_heading():
    s = parse("Pier shut for a year\nBy Quorra Vendell\nAbeokuta\nThe council shut the pier.\nMore follows.\n")
    assert [x.heading for x in s.sections] == [None]
    assert s.sections[0].paragraphs[0].text == "Abeokuta"


def test_two_date_lines_under_a_name_and_role_are_both_metadata():
    s = parse("Pier shut for a year\nQuorra Vendell\nSenior Correspondent\nUpdated Mar 03, 2027, 06:42 PM\n"
              "Published Mar 03, 2027, 05:00 PM\nThe council shut the pier.\nMore follows.\n")
    assert s.author == "Quorra Vendell"
    assert [x.heading for x in s.sections] == [None]
    assert s.sections[0].paragraphs[0].text == "The council shut the pier."


def test_an_explainers_questions_head_its_sections():
    s = parse("Pier shut for a year\nBy Quorra Vendell\nThe council shut the pier.\nWhy is the pier closing?\n"
              "Divers found rot in the piles.\nWho pays for the work?\nThe county pays.\nMore follows.\n")
    assert [x.heading for x in s.sections] == [None, "Why is the pier closing?", "Who pays for the work?"]
    check_offsets(s)


@pytest.mark.parametrize("body", [
    # an interview's questions, put to 'you'
    "How did you feel when the vote passed?\nRelieved, honestly.\nWhat comes next for you?\nRest.\n",
    # labelled questions
    "Q: Why did the council vote to shut it?\nA: It was unsafe.\nQ: What now?\nA: We wait.\n",
    # a lone question is text
    "Why is the pier closing?\nDivers found rot in the piles.\n",
    # a question followed by another question is no heading
    "Why is the pier closing?\nIs it the rot?\nDivers found rot in the piles.\nWho pays?\nThe county.\n",
])
def test_questions_that_are_not_an_explainers_headings_stay_text(body):
    s = parse(f"Pier shut for a year\nBy Quorra Vendell\nThe council shut the pier.\n{body}More follows.\n")
    assert [x.heading for x in s.sections] == [None]


@pytest.mark.parametrize("line", [
    "Trending", "Most Read", "Loading", "Continue reading the main story", "Source: Brackwater Echo",
    "The pier at dusk. Supplied", "qv@example.invalid", "Got a news tip? Email us at tips@example.invalid",
    "Contact Quorra Vendell at the newsroom", "Follow Quorra Vendell on Quillpost",
])
def test_more_furniture_is_text_not_a_heading(line):
    s = parse(f"Pier shut for a year\nBy Quorra Vendell\nThe council shut the pier.\n{line}\n"
              "Work starts on Monday.\nMore follows.\n")
    assert [x.heading for x in s.sections] == [None]
    assert line in [p.text for p in s.sections[0].paragraphs]


@pytest.mark.parametrize("label, line", [("Image caption,", "The pier at dusk"), ("Tags", "Piers, Councils")])
def test_the_line_under_a_caption_or_tags_label_is_text(label, line):
    s = parse(f"Pier shut for a year\nBy Quorra Vendell\nThe council shut the pier.\n{label}\n{line}\n"
              "Work starts on Monday.\nMore follows.\n")
    assert [x.heading for x in s.sections] == [None]


@pytest.mark.parametrize("date_line", ["March 3rd, 2027", "Tuesday 3rd March 2027", "Yesterday at 6:42 PM", "Today"])
def test_ordinal_and_relative_day_date_lines_are_metadata(date_line):
    s = parse(f"Pier shut for a year\nBy Quorra Vendell\n{date_line}\nThe council shut the pier.\nMore follows.\n")
    assert [x.heading for x in s.sections] == [None]
    assert s.sections[0].paragraphs[0].text == "The council shut the pier."


@pytest.mark.parametrize("heading", ["Sources", "Loading Bay Rules", "Credit Where Due"])
def test_headings_sharing_a_furniture_word_stay_headings(heading):
    s = parse(f"Pier shut for a year\nBy Quorra Vendell\nThe council shut the pier.\n{heading}\n"
              "Work starts on Monday.\nMore follows.\n")
    assert [x.heading for x in s.sections] == [None, heading]
