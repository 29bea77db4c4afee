"""Overlapping spans become properly nested elements, one first piece per span, the text unchanged."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.api.markup import Element, Span, nest

TEXT = "The mayor said the river would rise by noon, and the council agreed."


def flat(nodes) -> str:
    return "".join(n if isinstance(n, str) else flat(n.children) for n in nodes)


def elements(nodes, depth=0):
    for n in nodes:
        if isinstance(n, Element):
            yield n, depth
            yield from elements(n.children, depth + 1)


def shape(nodes):
    return [n if isinstance(n, str) else (n.span.data, n.first, shape(n.children)) for n in nodes]


def test_disjoint_and_nested_spans():
    spans = [Span(4, 9, 1, "mayor"), Span(15, 43, 0, "quote"), Span(19, 24, 1, "river")]
    assert shape(nest(TEXT, 0, len(TEXT), spans)) == [
        "The ", ("mayor", True, ["mayor"]), " said ",
        ("quote", True, ["the ", ("river", True, ["river"]), " would rise by noon"]),
        ", and the council agreed."]


def test_the_same_words_nest_by_rank_whatever_the_order_given():
    for spans in ([Span(4, 9, 1, "entity"), Span(4, 9, 0, "quote")], [Span(4, 9, 0, "quote"), Span(4, 9, 1, "entity")]):
        assert shape(nest(TEXT, 0, 20, spans)) == [
            "The ", ("quote", True, [("entity", True, ["mayor"])]), " said the r"]


def test_a_crossing_span_is_cut_and_continued():
    # [mayor said] crosses (said the river): the later one is cut where the first closes.
    spans = [Span(4, 14, 0, "a"), Span(10, 24, 0, "b")]
    assert shape(nest(TEXT, 0, 30, spans)) == [
        "The ", ("a", True, ["mayor ", ("b", True, ["said"])]), ("b", False, [" the river"]), " would"]


def test_a_span_crossing_two_open_elements_is_cut_at_each():
    spans = [Span(0, 30, 0, "outer"), Span(4, 14, 0, "inner"), Span(10, 40, 1, "x")]
    nodes = nest(TEXT, 0, len(TEXT), spans)
    pieces = [(e.start, e.end, e.first) for e, _ in elements(nodes) if e.span.data == "x"]
    assert pieces == [(10, 14, True), (14, 30, False), (30, 40, False)]
    assert flat(nodes) == TEXT


def test_spans_are_clipped_to_the_range_and_only_the_piece_holding_the_start_is_first():
    spans = [Span(0, 9, 0, "before"), Span(15, 60, 0, "after")]
    nodes = nest(TEXT, 4, 20, spans)
    assert shape(nodes) == [("before", False, ["mayor"]), " said ", ("after", True, ["the r"])]


def test_an_empty_span_is_kept_in_place():
    assert shape(nest(TEXT, 0, 9, [Span(4, 4, 0, "empty")])) == ["The ", ("empty", True, []), "mayor"]


spans_strategy = st.lists(
    st.tuples(st.integers(0, len(TEXT)), st.integers(0, 20), st.integers(0, 1)).map(
        lambda t: Span(t[0], min(t[0] + t[1], len(TEXT)), t[2], None)), max_size=12)


@given(spans_strategy)
def test_any_spans_keep_the_text_nest_properly_and_have_one_first_piece_each(spans):
    spans = [Span(s.start, s.end, s.rank, i) for i, s in enumerate(spans)]
    nodes = nest(TEXT, 0, len(TEXT), spans)
    assert flat(nodes) == TEXT
    firsts: dict[int, int] = {}
    covered: dict[int, list[tuple[int, int]]] = {}
    for element, _ in elements(nodes):
        inner = [c for c in element.children if isinstance(c, Element)]
        assert all(element.start <= c.start and c.end <= element.end for c in inner)
        assert flat(element.children) == TEXT[element.start:element.end]
        firsts[element.span.data] = firsts.get(element.span.data, 0) + element.first
        covered.setdefault(element.span.data, []).append((element.start, element.end))
    for i, span in enumerate(spans):
        assert firsts[i] == 1
        pieces = sorted(covered[i])
        assert pieces[0][0] == span.start and pieces[-1][1] == span.end
        assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))  # the pieces tile the span
