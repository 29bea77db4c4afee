"""Overlapping spans of a text made into properly nested elements.

Quotes hold mentions, quotes hold quotes, and now and then two spans cross
(`[a (b] c)`), which HTML cannot express. Spans are opened in order of start
(longer first, then by rank, so a quote wraps a mention of the same words);
one that runs past the end of the element it opened in is cut there and its
rest reopened as a continuation piece right after. Every span thus gets
exactly one first piece, which carries its identity; continuation pieces
only point back at it.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Span(Generic[T]):
    start: int
    end: int
    rank: int  # lower opens first (outside) when two spans cover the same words
    data: T


@dataclass
class Element(Generic[T]):
    span: Span[T]
    start: int
    end: int
    first: bool  # the span's first piece; False for a continuation after a cut
    children: list[Element[T] | str] = field(default_factory=list)


def nest(text: str, start: int, end: int, spans: list[Span[T]]) -> list[Element[T] | str]:
    """`text[start:end]` as text and elements; each span clipped to the range, empty leftovers dropped.

    A span reaching outside the range is cut too: the caller decides, with `first`, which piece
    (the one holding the span's start) is its identity.
    """
    pending: list[tuple[int, int, int, int, Span[T], bool]] = []
    for order, span in enumerate(spans):
        lo, hi = max(span.start, start), min(span.end, end)
        if lo < hi or (span.start == span.end and start <= lo <= end):
            heapq.heappush(pending, (lo, -hi, span.rank, order, span, span.start >= start))
    root: Element[T] = Element(Span(start, end, -1, None), start, end, True)  # type: ignore[arg-type]
    stack = [root]
    cursor = start

    def emit_to(position: int) -> None:
        nonlocal cursor
        if position > cursor:
            stack[-1].children.append(text[cursor:position])
            cursor = position

    while pending:
        lo, neg_hi, rank, order, span, first = heapq.heappop(pending)
        hi = -neg_hi
        while len(stack) > 1 and stack[-1].end <= lo:
            emit_to(stack[-1].end)
            stack.pop()
        emit_to(lo)
        parent = stack[-1]
        if hi > parent.end:  # crosses the end of the element it opens in: cut, reopen the rest after it
            heapq.heappush(pending, (parent.end, -hi, rank, order, span, False))
            hi = parent.end
        element = Element(span, lo, hi, first)
        parent.children.append(element)
        stack.append(element)
    while len(stack) > 1:
        emit_to(stack[-1].end)
        stack.pop()
    emit_to(end)
    return root.children
