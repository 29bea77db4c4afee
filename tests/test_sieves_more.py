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
