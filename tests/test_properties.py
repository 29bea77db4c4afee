"""Property tests on the whole parser: any Unicode text parses, every offset holds, quotes are well formed."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.nlp.pipeline import parse_article
from app.nlp.text import normalize

WORDS = ["said", "he", "she", "the minister", "Anna Veen", "Veen", "told", "according to", "didn't",
         "Scotland's", "'90s", "regions’", "and", "that", "the", "word", "called", ",", ".", ":", "-", "—"]
MARKS = ['"', "'", "“", "”", "‘", "’", "«", "»"]
QUOTE_LINES = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS), st.text(max_size=8)),
                       max_size=25).map(" ".join)
LINES = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["By Jane Doe", "Jane Doe – The Herald", "Harbour Plans", "", "   ", "\r", "\ufeff",
                     '"We will finish it," the mayor said.', "He called it “a start”.", "«Non», dit-il."]),
    QUOTE_LINES,
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
    for e in article.entities:
        assert all(served[m.start:m.end] == m.text for m in e.mentions)


@SETTINGS
@given(TEXTS)
def test_quotes_are_well_formed_for_any_text(text):
    article = parse_article("p", text)
    spans = []
    for n, q in enumerate(article.quotes, 1):
        assert q.id == f"q{n}"
        assert article.text[q.start:q.end] == q.text and q.text
        assert q.kind in ("direct", "partial")
        if q.speaker_mention is not None:
            m = q.speaker_mention
            assert article.text[m.start:m.end] == m.text
        spans.append((q.start, q.end))
    assert spans == sorted(spans, key=lambda s: (s[0], -s[1]))
    for i, (a0, a1) in enumerate(spans):
        for b0, b1 in spans[i + 1:]:
            # Never a partial overlap: separate, or one quotation nested inside the other.
            assert b0 >= a1 or (a0 <= b0 and b1 <= a1), spans
            assert (a0, a1) != (b0, b1)
    ids = {e.id for e in article.entities}
    assert all(q.speaker.id in ids for q in article.quotes if q.speaker)
