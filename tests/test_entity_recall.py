"""Names the model misses or cuts short, and names it merges wrongly: constructions of our own."""
from __future__ import annotations

from app.nlp.pipeline import parse_article


def entities_of(text: str):
    article = parse_article("t", text)
    for e in article.entities:
        for m in e.mentions:
            assert article.text[m.start:m.end] == m.text
    return article.entities


def names(entities, types=("PERSON", "ORG", "GPE", "LOC")):
    return {e.name for e in entities if e.type in types}


def test_a_name_led_by_an_ordinal_is_kept():
    ents = entities_of("The council said it would ask the 5th District Court of Appeal to review the decision "
                       "on Monday.\n")
    assert "5th District Court of Appeal" in names(ents), [(e.name, e.type) for e in ents]
