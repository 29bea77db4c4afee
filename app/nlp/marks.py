"""Quotation marks: which marks open and close quoted words, told from apostrophes.

Pure text work, no model. `find_quote_spans` reads one block's marks (any style, nested);
`marked_words` decides what marked words quote nobody (a title, a nickname, a term cited as a
word); `quotations` keeps an article's quotations.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property

from app.nlp import lexicon

DOUBLE_OPEN, DOUBLE_CLOSE, DOUBLE_EITHER = "“„«", "”»", '"'
SINGLE_OPEN, SINGLE_CLOSE, SINGLE_EITHER = "‘‹", "’›", "'"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_EITHER + SINGLE_OPEN + SINGLE_CLOSE + SINGLE_EITHER
# What may stand right after a closing mark, or right before an opening one.
AFTER_CLOSE = ",.;:!?)]}—–-…/"
BEFORE_OPEN = "([{—–-/"
ELISIONS = lexicon.words("elisions")


# ---------------------------------------------------------------- marks


def _kind(mark: str) -> str:
    return "double" if mark in DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_EITHER else "single"


def _opens(text: str, i: int) -> bool:
    """Context of an opening mark: after a space or bracket, before a word."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in BEFORE_OPEN or before in ALL_MARKS) and not after.isspace()


def _closes(text: str, i: int) -> bool:
    """Context of a closing mark: after a word or punctuation, before a space or punctuation."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in AFTER_CLOSE or after in ALL_MARKS)


def _is_elision(text: str, i: int) -> bool:
    """'90s, 'em, 'til: an apostrophe at the start of a word, not an opening mark."""
    m = re.match(r"[A-Za-z]+|\d+", text[i + 1:])
    if not m:
        return False
    word = m.group(0)
    if word.isdigit():
        return len(word) == 2 and text[i + 3:i + 4] in ("s", " ", ",", ".", "")
    end = i + 1 + len(word)
    return word.lower() in ELISIONS and (end >= len(text) or not text[end].isalpha())


def _maybe_possessive(text: str, i: int) -> bool:
    """'regions’ desire', 'rockin' good': a closing mark that may be an apostrophe."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1: i + 3]
    if before.lower() == "s" or text[max(0, i - 2):i].lower() == "in":
        return len(after) == 2 and after[0] == " " and (after[1].islower() or after[1].isdigit())
    return False


def _is_prime(text: str, i: int) -> bool:
    """A straight mark right after a digit and right before a digit or letter is a unit sign."""
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isalnum()


@dataclass
class _Mark:
    pos: int
    kind: str  # "double" | "single"
    role: str  # "open" | "close" | "either" | "weak-close"


_CONTRACTED_AND = re.compile(r"(?<!\S)['’‘]n['’‘](?!\S)")  # fish 'n' chips: both marks stand for letters


def _classify(text: str) -> list[_Mark]:
    marks: list[_Mark] = []
    elided = {m.start() + k for m in _CONTRACTED_AND.finditer(text) for k in (0, 2)}
    for i, ch in enumerate(text):
        if ch not in ALL_MARKS or i in elided:
            continue
        if ch in "'\"" and _is_prime(text, i):
            continue  # 6'2", 51°30'26"N: feet, inches, minutes and seconds
        kind = _kind(ch)
        opens, closes = _opens(text, i), _closes(text, i)
        if kind == "single":
            before = text[i - 1] if i > 0 else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if before.isalnum() and after.isalnum():
                continue  # didn't, Brannagh’s
            if opens and _is_elision(text, i):
                continue
            if ch in SINGLE_OPEN and not opens and not closes:
                continue
        if opens and not closes:
            role = "open"
        elif closes and not opens:
            role = "weak-close" if kind == "single" and _maybe_possessive(text, i) else "close"
        else:
            role = "either"
        if ch in DOUBLE_OPEN + SINGLE_OPEN and role == "either":
            role = "open"
        if ch in DOUBLE_CLOSE + SINGLE_CLOSE and role == "either":
            role = "close"
        marks.append(_Mark(i, kind, role))
    return marks


@dataclass
class QuoteSpan:
    """Content between two marks of one block: [start, end) local offsets."""

    start: int
    end: int
    closed: bool
    depth: int
    opener: int  # offset of the opening mark
    closer: int | None = None


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation in one block of text, outer before inner, in reading order."""
    marks = _classify(text)
    stack: list[_Mark] = []
    spans: list[QuoteSpan] = []
    for n, mark in enumerate(marks):
        open_same = [k for k, m in enumerate(stack) if m.kind == mark.kind]
        if mark.role == "weak-close":
            # A later closing mark of its kind makes it an apostrophe, unless a quotation opens first.
            following = next((marks[j] for j in range(n + 1, len(marks)) if marks[j].kind == mark.kind), None)
            later_close = following is not None and following.role in ("close", "weak-close", "either")
            if not open_same or later_close:
                continue  # a plural possessive
            opened_after = text[:stack[open_same[-1]].pos].rstrip()
            if (not opened_after or opened_after[-1] in ".!?:") and not any(c in ALL_MARKS for c in text[mark.pos + 1:]):
                continue  # '‘It looks like the builders’ plans were final.' runs on into the next paragraph
            role = "close"
        elif mark.role == "either":
            role = "close" if open_same else "open"
        else:
            role = mark.role
        if role == "open":
            stack.append(mark)
            continue
        if not open_same:
            continue  # a stray closing mark
        k = open_same[-1]
        opener = stack[k]
        del stack[k:]
        spans.append(QuoteSpan(opener.pos + 1, mark.pos, True, k, opener.pos, mark.pos))
    if stack:
        opener = stack[0]  # runs on into the next paragraph
        spans.append(QuoteSpan(opener.pos + 1, len(text), False, 0, opener.pos))
    spans = [_trimmed(text, s) for s in spans]
    spans = [s for s in spans if s.end > s.start]
    spans.sort(key=lambda s: (s.start, -s.end))
    return spans


def _trimmed(text: str, span: QuoteSpan) -> QuoteSpan:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    span.start, span.end = start, end
    return span


def starts_with_mark(text: str) -> bool:
    return bool(text) and text[0] in ALL_MARKS and _opens(text, 0)


class Spans(list):
    """The quotations of one block, with fast tests of where an offset stands."""

    @cached_property
    def _reach(self) -> tuple[list[int], list[int]]:
        ranges = sorted((s.opener, s.closer if s.closer is not None else 10 ** 9) for s in self if s.depth == 0)
        openers, reach, furthest = [], [], -1
        for opener, closer in ranges:
            furthest = max(furthest, closer)
            openers.append(opener)
            reach.append(furthest)
        return openers, reach

    def cuts(self, boundary: int) -> bool:
        """Would a sentence starting at `boundary` split a quotation (opener < boundary <= closer)?"""
        openers, reach = self._reach
        i = bisect_left(openers, boundary) - 1
        return i >= 0 and boundary <= reach[i]

    def inside(self, pos: int) -> bool:
        """Is `pos` between the marks of a top-level quotation?"""
        openers, reach = self._reach
        i = bisect_right(openers, pos) - 1
        return i >= 0 and pos <= reach[i]
