"""Property tests on the whole parser: any Unicode text parses, and every offset holds."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.nlp.pipeline import parse_article
from app.nlp.text import normalize

LINES = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["By Jane Doe", "Jane Doe – The Herald", "Harbour Plans", "", "   ", "\r", "\ufeff",
                     '"We will finish it," the mayor said.', "He called it “a start”.", "«Non», dit-il."]),
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(LINES, max_size=12).map("\n".join))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXTS)
def test_any_text_parses_and_every_offset_slices_the_served_text(text):
    article = parse_article("p", text)
    served = article.text
    assert served == normalize(text)
    paragraphs = [p for s in article.sections for p in s.paragraphs]
    # Every paragraph belongs to exactly one section, in reading order, numbered through the article.
    assert [p.index for p in paragraphs] == list(range(len(paragraphs)))
    assert [s.index for s in article.sections] == list(range(len(article.sections)))
    for section in article.sections:
        assert 0 <= section.start <= section.end <= len(served)
        for p in section.paragraphs:
            assert served[p.start:p.end] == p.text and section.start <= p.start and p.end <= section.end
    for q in article.quotes:
        assert served[q.start:q.end] == q.text
        if q.speaker_mention:
            assert served[q.speaker_mention.start:q.speaker_mention.end] == q.speaker_mention.text
    for e in article.entities:
        assert all(served[m.start:m.end] == m.text for m in e.mentions)


@SETTINGS
@given(TEXTS)
def test_quotes_never_overlap(text):
    spans = sorted((q.start, q.end) for q in parse_article("p", text).quotes)
    for (a0, a1), (b0, b1) in zip(spans, spans[1:]):
        # Separate, or one nested inside the other (a quotation within a quotation); never crossing.
        assert b0 >= a1 or b1 <= a1, spans
        assert (a0, a1) != (b0, b1)
