"""What a `?speaker=` names: the one rule, per article and across the archive.

A query names a speaker exactly (its id, full name, an alias or its surname, ignoring case,
accents and punctuation) or by a near spelling of the same name. Every exact match is
wanted; failing any, the one nearest spelling, and nobody when two are equally near: a
query never drifts to a different person. Within one article, a bare surname that several
of its speakers share names the one the article calls by it alone, else the one it ranks
first (`one_bearer`).

Across an archive there are too many speakers to score each per request, so the store
keeps every speaker's `index_keys` and looks up the `query_keys` of a query: whoever
could score above nothing is among the speakers found, and only they are scored.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from app.nlp.names import EXACT_MATCH, fold, name_tokens, near_spelling, surnames

# Index keys are prefixed by what they stand for: '=' a whole form, '~' a surname, '^' a given
# name with a surname (a middle name more or less).
_WHOLE, _SURNAME, _FIRST_LAST = "=", "~", "^"
# A surname the article never prints alone: every speaker of that surname, unless one of them is
# the person the article calls by it alone (an exact match).
SURNAME_MATCH = EXACT_MATCH - 0.5
# A near spelling keeps the first letter and the length within two (names.near_spelling).
_SPELLING_SLACK = 2


class Candidate(Protocol):
    """Someone quoted, as the filter sees them."""

    id: str
    name: str
    aliases: list[str]


@dataclass(frozen=True, slots=True)
class Spelling:
    """A word a near spelling may be checked against, filed by its first letter and length."""

    head: str
    length: int


@dataclass(frozen=True, slots=True)
class QueryKeys:
    keys: frozenset[str]
    near: tuple[str, ...]  # words whose near spellings are candidates (when no key is found)

    def spelling_ranges(self) -> list[tuple[str, int, int]]:
        """(first letter, shortest, longest) of the spellings a near word could match."""
        return [(w[0], len(w) - _SPELLING_SLACK, len(w) + _SPELLING_SLACK) for w in self.near]


def speaker_match_score(query: str, name: str, aliases: Iterable[str], entity_id: str) -> float:
    """100 when the query is the entity's id, name, an alias, or its surname printed alone (case,
    accents and punctuation ignored); 99.5 for a surname the article never prints alone; 99 for the
    given name and surname of a form; the similarity of a near spelling of the same name; else 0."""
    words = name_tokens(query)
    if not words:
        return 0.0
    forms = _forms(name, aliases)
    exact = {"".join(fold(f).split()) for f in forms} | {"".join(name_tokens(f)) for f in forms}
    exact.add(entity_id.replace("-", ""))
    if "".join(fold(query).split()) in exact or "".join(words) in exact:
        return EXACT_MATCH
    if len(words) == 1 and words[0] in _surnames([f for f in forms if len(name_tokens(f)) == 1]):
        return EXACT_MATCH  # the surname printed alone: 'Vries' for 'De Vries'
    if len(words) == 1 and words[0] in _surnames(forms):
        # 'Roe' names Ben Roe, but below whoever the article calls plain 'Roe': in an article
        # that names Ann and Ben Roe, 'Roe said' means one of them.
        return SURNAME_MATCH
    if len(words) >= 2 and any(len(t := name_tokens(f)) >= 2 and (t[0], t[-1]) == (words[0], words[-1]) for f in forms):
        return EXACT_MATCH - 1  # 'Ana Maria Varela' for Ana Varela, or the other way: a middle name more or less
    return max((_near_spelling(words, name_tokens(f)) for f in forms), default=0.0)


def choose(scores: Mapping[str, float], within_article: bool = True) -> set[str]:
    """The speakers a query names, from each candidate's score: every exact match, else everyone
    whose surname it is, else the one nearest (none when two are equally near). Across an archive
    a surname is everyone's who has it: no one article's usage decides whom it means."""
    for tier in (EXACT_MATCH, SURNAME_MATCH) if within_article else (SURNAME_MATCH,):
        found = {sid for sid, score in scores.items() if score >= tier}
        if found:
            return found
    best = max(scores.values(), default=0.0)
    near = [sid for sid, score in scores.items() if score == best]
    return set(near) if best > 0 and len(near) == 1 else set()


def one_bearer(query: str, ranked: list[str], chosen: set[str]) -> set[str]:
    """Within one article, a bare surname that several of its speakers share, none of whom the
    article calls by it alone (`choose`), names the one the article ranks first (the person it is
    about: 'Brandvold' is the skipper, not his mother); any fuller query keeps every exact match."""
    if len(chosen) < 2 or len(name_tokens(query)) != 1:
        return chosen
    return {next(sid for sid in ranked if sid in chosen)}


def index_keys(name: str, aliases: Iterable[str], entity_id: str) -> tuple[set[str], set[Spelling]]:
    """What the store files a speaker under: the keys a query scoring 99 or 100 shares with it,
    and the words a near spelling is measured against."""
    forms = _forms(name, aliases)
    keys = {_WHOLE + "".join(fold(f).split()) for f in forms} | {_WHOLE + "".join(name_tokens(f)) for f in forms}
    keys.add(_WHOLE + entity_id.replace("-", ""))
    keys |= {_SURNAME + s for s in _surnames(forms)}
    keys |= {f"{_FIRST_LAST}{t[0]} {t[-1]}" for f in forms if len(t := name_tokens(f)) >= 2}
    words = {name_tokens(f)[-1] for f in forms} | {"".join(name_tokens(f)) for f in forms}
    return keys, {Spelling(w[0], len(w)) for w in words if w}


def query_keys(query: str) -> QueryKeys:
    words = name_tokens(query)
    if not words:
        return QueryKeys(frozenset(), ())
    keys = {_WHOLE + "".join(fold(query).split()), _WHOLE + "".join(words)}
    if len(words) == 1:
        keys.add(_SURNAME + words[0])
    else:
        keys.add(f"{_FIRST_LAST}{words[0]} {words[-1]}")
    return QueryKeys(frozenset(keys), (words[-1],))


def _forms(name: str, aliases: Iterable[str]) -> list[str]:
    return [f for f in (name, *aliases) if name_tokens(f)]


def _surnames(forms: list[str]) -> set[str]:
    """Each form's surnames (names.surnames), and its last word apart ('vries' of 'de Vries')."""
    return {s for f in forms for s in surnames(f)} | {fold(f).split()[-1] for f in forms if len(fold(f).split()) > 1}


def _near_spelling(query: list[str], name: list[str]) -> float:
    """Every word of the query a near spelling of the matching word of the name; the surname last."""
    close = near_spelling
    if len(query) == 1:
        return max(close(query[0], name[-1]), close(query[0], "".join(name)))
    if len(name) < 2:
        return 0.0
    scores = [close(query[-1], name[-1])]
    for word in query[:-1]:
        scores.append(max(EXACT_MATCH - 1 if len(word) <= 2 and name[0].startswith(word) else 0.0,
                          *(close(word, other) for other in name[:-1])))
    return min(scores)


def find_speakers(query: str, by_keys: Callable[[frozenset[str]], Iterable[Candidate]],
                  by_spellings: Callable[[list[tuple[str, int, int]]], Iterable[Candidate]]) -> set[str]:
    """The ids of the speakers a query names among many, scoring only those a lookup finds: by
    the query's keys, then, with no exact match among them, by near spellings."""
    keys = query_keys(query)
    if not keys.keys:
        return set()
    scores = {c.id: speaker_match_score(query, c.name, c.aliases, c.id) for c in by_keys(keys.keys)}
    if not any(score >= SURNAME_MATCH for score in scores.values()):
        for c in by_spellings(keys.spelling_ranges()):
            if c.id not in scores:
                scores[c.id] = speaker_match_score(query, c.name, c.aliases, c.id)
    return choose(scores, within_article=False)
