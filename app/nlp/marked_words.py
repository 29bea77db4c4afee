"""Marked words that quote nobody: a title, a nickname, a term cited as a word.

Pure text work, no model: the words around the marks decide ('the film "Harbour Lights"',
'Vernon "The Anvil" Pruett', 'the so-called "safe zones"').
"""
from __future__ import annotations

import re

from app.nlp import lexicon
from app.nlp.marks import QuoteSpan, find_quote_spans
from app.nlp.text import fold

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
# Nouns for beings whose given name may follow 'named': 'a dog named "Rex"', 'a man called "Ace"'.
BEING_NOUNS = lexicon.words("being_nouns") | lexicon.words("person_words", "person") \
    | lexicon.words("person_words", "male") | lexicon.words("person_words", "female")
BEING_NAMING = lexicon.words("naming_words", "being")


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
    """Why the marks around `span` quote nobody: "title", "term", "nickname" or "name"; None for a
    quotation.

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
    if len(prev_words) >= 2 and prev_words[-1] in BEING_NAMING and prev_words[-2] in BEING_NOUNS \
            and _is_title_case(content) and len(content.split()) <= 4:
        return "name"  # a dog character named "Rex": the being's own name, a person's to the article
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
        not_a_quote(text, s) == "title" or title_key(text[s.start:s.end]) in elsewhere)]


def quoted_names(text: str) -> list[tuple[int, int]]:
    """[start, end) of every quoted given name of a block: 'a dog named "Rex"'."""
    if not any(c in text for c in "\"“‘'"):
        return []
    return [(s.start, s.end) for s in find_quote_spans(text) if s.closed and not_a_quote(text, s) == "name"]


def article_titles(texts: list[str]) -> frozenset[str]:
    """A title the article marks as one somewhere ('Halloran’s “The Glass Winter”') is a title everywhere."""
    return frozenset(title_key(t[s.start:s.end]) for t in texts for s in find_quote_spans(t)
                     if s.closed and not_a_quote(t, s) and _is_title_case(t[s.start:s.end]))


def title_key(content: str) -> str:
    return fold(content.rstrip(",. "))
