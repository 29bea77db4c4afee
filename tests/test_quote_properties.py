"""Property test: whatever the text, quotes are well-formed slices of it and the parser never raises."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.nlp.pipeline import parse_article

WORDS = ["said", "he", "she", "the minister", "Anna Berg", "Berg", "told", "according to", "didn't",
         "Scotland's", "'90s", "regions’", "and", "that", "the", "word", "called", ",", ".", ":", "-", "—"]
MARKS = ['"', "'", "“", "”", "‘", "’", "«", "»"]
pieces = st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS), st.text(max_size=8))
lines = st.lists(pieces, max_size=25).map(" ".join)
texts = st.one_of(st.lists(lines, min_size=1, max_size=5).map("\n".join), st.text(max_size=200))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
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
