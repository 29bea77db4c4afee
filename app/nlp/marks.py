"""Quotation marks: where quotations are, and which marked words quote nobody.

Pure text work, no model. `find_quote_spans` reads one block's marks (any style, nested) and tells
them from apostrophes; `not_a_quote` decides what else marked words can be (a title, a nickname, a
term cited as a word); `find_quotations` keeps an article's quotations, with their nesting, their
kind (direct or partial) and their continuation over paragraphs.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from app.nlp import lexicon
from app.nlp.text import fold

if TYPE_CHECKING:
    from app.nlp.structure import Structure

DOUBLE_OPEN, DOUBLE_CLOSE, DOUBLE_EITHER = "“„«", "”»", '"'
SINGLE_OPEN, SINGLE_CLOSE, SINGLE_EITHER = "‘‹", "’›", "'"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_EITHER + SINGLE_OPEN + SINGLE_CLOSE + SINGLE_EITHER
# What may stand right after a closing mark, or right before an opening one.
AFTER_CLOSE = ",.;:!?)]}—–-…/"
BEFORE_OPEN = "([{—–-/"
ELISIONS = lexicon.words("elisions")
WORK_NOUNS = lexicon.words("work_nouns")
TITLE_SMALL_WORDS = lexicon.words("title_small_words")
NAMING_WORDS = lexicon.words("naming_words")
NAMING_VERBS = lexicon.words("naming_words", "verb")
DOCUMENT_NAMING = lexicon.words("naming_words", "document")
LEGISLATION_NOUNS = lexicon.words("legislation_nouns")
CITED_WORDS = lexicon.words("cited_words")
DEFINING_VERBS = lexicon.words("defining_verbs")
AWARD_WORDS = lexicon.words("award_words")
# 'the Steamroller', 'la Marquise': an article and a capitalised name, as nicknames are printed.
_ARTICLE_AND_NAME = re.compile(r"^(?:the|la|le|el|il|les|los|las|der|die|das)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*$")
QUOTE_INTRODUCERS = lexicon.words("quote_introducers")


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


# ---------------------------------------------------------------- not quotes


def _is_title_case(content: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", content)]
    if content.isupper() and len(words) > 1:
        return False  # 'I'M NOT GIVING UP!': a shouted headline quotation
    content = re.sub(r"(?<=\w)\.$", "", content.rstrip().removesuffix(","))  # 'the book "The Long Road."'
    if re.search(r"\b(?:[A-Z]\.){2,}$", content):
        content = content[:-1]  # 'the song "Made in the U.S.A.,"': an abbreviation's dot ends no sentence
    if not words or len(words) > 8 or content.rstrip()[-1:] in ".!?,;:…":
        return False
    return all(w[0].isupper() for w in words if len(w) > 3 or w is words[0])


def _headline_case(content: str) -> bool:
    """Every word capitalised, small words inside too: the way titles are printed, not speech
    (which shouting headlines print in capitals throughout)."""
    words = re.findall(r"[^\W\d_][\w'’-]*", content)
    if len(words) < 2 or len(words) > 12 or content.isupper():
        return False
    small = [w for w in words[1:] if w.lower() in TITLE_SMALL_WORDS]
    return bool(small) and all(w[0].isupper() for w in words)


def not_a_quote(text: str, span: QuoteSpan) -> str | None:
    """Why the marks around `span` quote nobody: "title", "term" or "nickname"; None for a quotation.

    In a line printed in title case (a headline), capitals tell nothing: only the words around
    the marks do."""
    content = text[span.start:span.end]
    before = text[max(0, span.opener - 200):span.opener].rstrip()  # the words just before
    after = text[span.closer + 1:] if span.closer is not None else ""
    prev_words = re.findall(r"[\w’'-]+", before.lower())[-3:]
    if prev_words and prev_words[-1] in DOCUMENT_NAMING:
        return "title"  # a report titled "what the valley was never told": its title, whatever its case
    sentence = re.findall(r"[\w’'-]+", re.split(r"[.;!?\"“”]", before.lower())[-1])
    if prev_words[-1:] == ["concerning"] and set(sentence) & LEGISLATION_NOUNS:
        return "term"  # a bill concerning "fair access to ...": the bill's own words, nobody's speech
    if before.endswith(":") and set(sentence) & NAMING_VERBS and len(content.split()) <= 8 \
            and not re.search(r"[.!?…]$", content.rstrip(",")):
        return "term"  # the press dubbed the row: "Ferrymen vs. the Council": a name it gave
    if _headline_case(content) and not (prev_words and prev_words[-1] in QUOTE_INTRODUCERS):
        return "title"  # 'a finalist on "Skating On Glass"', unless 'flags that read "Save Our Jobs"'
    if prev_words and prev_words[-1] in CITED_WORDS or "so-called" in prev_words[-2:]:
        return "term"
    if re.match(r"so[- ]called\b", content.strip(), re.I):
        return "term"  # the "so-called safe zones": a term, not something said
    if prev_words[-2:] and prev_words[-2:][0] in CITED_WORDS and prev_words[-1] == "of":
        return "term"
    clause = re.findall(r"[a-z]+", re.match(r"[^.;:!?\"“”]*", after).group(0).lower())[:7]
    defined = clause[:1] and (clause[0] in DEFINING_VERBS or clause[0] in ("in", "as") and set(clause) & DEFINING_VERBS)
    if defined and len(content.split()) <= 4 and not re.search(r"[.!?;:]", content.rstrip(".,")):
        return "term"  # "tap out" in surfing slang means giving up: the words under discussion
    recent = re.findall(r"[\w’'-]+", re.split(r"[.;:!?\"“”]", before.lower())[-1])[-10:]
    if recent[-1:] == ["for"] and set(recent[-3:-1]) & AWARD_WORDS and len(content.split()) <= 5 \
            and not re.search(r"[.!?;:,]", content.rstrip(".,")):
        return "title"  # a medal for "courage under fire": the award's category
    next_word = re.match(r"\s+([a-z][\w-]*)", after)
    if next_word and next_word.group(1) in WORK_NOUNS and len(content.split()) <= 4 \
            and not re.search(r"[.!?;:]", content.rstrip(".,")):
        return "title"  # the "Father Gannet" comic, "guest" status: a name of the thing that follows
    if _ARTICLE_AND_NAME.match(content.rstrip(",.;")) and set(prev_words) & NAMING_WORDS:
        return "nickname"  # the fans call him "the Steamroller", known as "la Marquise"
    if not _is_title_case(content):
        return None
    if re.search(r"['’]s$|s['’]$", before) or (prev_words and set(prev_words) & (NAMING_WORDS | WORK_NOUNS)):
        return "title"  # KBX's "Morning Talk", the film "Harbour Lights", named their boat "Puffin"
    introduced = prev_words and (prev_words[-1] in QUOTE_INTRODUCERS or before.endswith(":"))
    mid_sentence = bool(before) and before[-1] not in ".!?:"
    if not introduced and not _in_title_case_line(text) and (len(content.split()) >= 2 or mid_sentence) and not re.search(r"[.!?…]$", content.strip()):
        return "title"  # “Rust in the Wires” is the band's best; a “Bramblers” logo: names, not speech
    if re.match(r"\s*\((?:19|20)\d\d\)", after):
        return "title"  # "The Long Road Home" (2012): a work and its year
    first_after = re.match(r"\s+([A-Z][\w’'-]*)", after)
    last_before = re.search(r"([A-Z][\w’'.-]*)$", before)
    if first_after and last_before and len(content.split()) <= 3:
        return "nickname"  # Vernon "The Anvil" Pruett
    return None


def _in_title_case_line(text: str) -> bool:
    """A headline's own capitals: most of its longer words capitalised."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def quoted_titles(text: str, elsewhere: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """[start, end) of every quoted title of a block (or marked as one `elsewhere`): no person or place."""
    if not any(c in text for c in "\"“‘'"):
        return []
    return [(s.start, s.end) for s in find_quote_spans(text) if s.closed and (
        not_a_quote(text, s) == "title" or _title_key(text[s.start:s.end]) in elsewhere)]


def article_titles(texts: list[str]) -> frozenset[str]:
    """A title the article marks as one somewhere ('Halloran’s “The Glass Winter”') is a title everywhere."""
    return frozenset(_title_key(t[s.start:s.end]) for t in texts for s in find_quote_spans(t)
                     if s.closed and not_a_quote(t, s) and _is_title_case(t[s.start:s.end]))


@dataclass
class Quotation:
    """A quotation of one block, as the marks show it: what attribution starts from."""

    block: int
    span: QuoteSpan
    kind: str  # "direct" | "partial"
    parent: "Quotation | None" = None


def _title_key(content: str) -> str:
    return fold(content.rstrip(",. "))


def find_quotations(structure: "Structure") -> list[Quotation]:
    """Every quotation of the article in reading order, titles, nicknames and cited terms left out."""
    items: list[Quotation] = []
    blocks = structure.blocks
    found = [find_quote_spans(block.text) if block.kind != "byline" else [] for block in blocks]
    not_quotes = [{id(s) for s in spans if s.closed and not_a_quote(block.text, s)}
                  for block, spans in zip(blocks, found)]
    titles = article_titles([block.text for block in blocks if block.kind != "byline"])
    for k, block in enumerate(blocks):
        if block.kind == "byline":
            continue
        next_text = blocks[k + 1].text if k + 1 < len(blocks) else ""
        kept: list[Quotation] = []
        for span in found[k]:
            if not span.closed and not _runs_on(block.text, span, next_text):
                continue
            if span.closed and (id(span) in not_quotes[k] or _title_key(block.text[span.start:span.end]) in titles):
                continue
            parent = None
            for p in reversed(kept):  # the nearest earlier quotation that contains this one
                if p.span.start <= span.start and span.end <= p.span.end and p.span is not span:
                    parent = p
                    break
                if p.span.depth == 0:
                    break
            if parent is not None and span.depth == 0:
                span.depth = parent.span.depth + 1
            kind = _kind_of(block.text, span)
            resumed = next((p for p in reversed(kept) if p.span.depth == 0), None) if span.depth == 0 else None
            if kind == "partial" and resumed is not None and _resumes(block.text, resumed, span):
                kind = "direct"
            kept.append(Quotation(k, span, kind, parent=parent))
        items.extend(kept)
    return items


def _runs_on(text: str, span: QuoteSpan, next_text: str) -> bool:
    """An unclosed quotation is real when the next paragraph reopens it or it opens the sentence."""
    if starts_with_mark(next_text):
        return True
    before = text[max(0, span.opener - 200):span.opener].rstrip()  # the words just before
    return (not before or before[-1] in ":,") and len(text[span.start:span.end].split()) >= 4


def _kind_of(text: str, span: QuoteSpan) -> str:
    """'direct' for a quoted sentence, 'partial' for a fragment inside the author's sentence."""
    before = text[max(0, span.opener - 200):span.opener].rstrip()  # the words just before
    content = text[span.start:span.end]
    first = next((c for c in content if c.isalpha() or c.isdigit()), "")
    sentence_start = not before or before[-1] in ".!?:,…\"'”’"
    if span.depth > 0:
        return "partial" if before and before[-1] not in ",:" else "direct"
    return "direct" if sentence_start and (first.isupper() or first.isdigit() or not before) else "partial"


def _resumes(text: str, previous: Quotation, span: QuoteSpan) -> bool:
    """'"It's late," she said, "and I'm tired."': the second part goes on with a quoted sentence."""
    if previous.kind != "direct" or previous.span.closer is None:
        return False
    if text[previous.span.start:previous.span.end].rstrip()[-1:] not in (",", "—", "–", "-"):
        return False
    return bool(re.fullmatch(r"\s*[,—–-]?\s*[^.!?;:\"“”]{1,80}[,—–-]\s*", text[previous.span.closer + 1:span.opener]))
