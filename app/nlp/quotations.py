"""An article's quotations: marked words that quote someone, with their nesting, their kind
(direct or partial) and their continuation over paragraphs."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.nlp.marked_words import article_titles, not_a_quote, title_key
from app.nlp.marks import QuoteSpan, find_quote_spans, starts_with_mark

if TYPE_CHECKING:
    from app.nlp.structure import Structure


@dataclass
class Quotation:
    """A quotation of one block, as the marks show it: what attribution starts from."""

    block: int
    span: QuoteSpan
    kind: str  # "direct" | "partial"
    parent: "Quotation | None" = None


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
            if span.closed and (id(span) in not_quotes[k] or title_key(block.text[span.start:span.end]) in titles):
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
