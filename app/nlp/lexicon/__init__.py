"""Word lists as data: one plain-text file per concept, loaded once.

A file holds one entry a line: a word (or phrase), optionally followed by
tags that say which sub-kinds of the concept it belongs to, e.g. in
`organisation_words.txt`:

    company     anaphor company designator

`#` starts a comment. `words(concept)` is every entry; `words(concept, tag)`
the entries carrying that tag. Two files have their own shape:
`mapping()` reads `key = value words` lines, `groups()` reads `a | b | c`
lines (several names of one thing).

Adding a word is adding a line; the parser version covers these files, so
stored parses are redone after any change.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FOLDER = Path(__file__).parent


def _lines(concept: str) -> list[str]:
    path = FOLDER / f"{concept}.txt"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


@lru_cache(maxsize=None)
def _tagged(concept: str) -> dict[str, frozenset[str]]:
    entries: dict[str, set[str]] = {}
    for line in _lines(concept):
        word, *tags = line.split()
        entries.setdefault(word.lower(), set()).update(tags)
    return {word: frozenset(tags) for word, tags in entries.items()}


@lru_cache(maxsize=None)
def words(concept: str, tag: str | None = None) -> frozenset[str]:
    """The entries of a concept, or those carrying `tag`."""
    entries = _tagged(concept)
    if tag is None:
        return frozenset(entries)
    found = frozenset(w for w, tags in entries.items() if tag in tags)
    if not found:
        raise KeyError(f"no entry of {concept!r} is tagged {tag!r}")
    return found


@lru_cache(maxsize=None)
def mapping(concept: str) -> dict[str, tuple[str, ...]]:
    """`key = value words` lines: an abbreviation and what it stands for."""
    out = {}
    for line in _lines(concept):
        key, _, value = line.partition("=")
        out[key.strip().lower()] = tuple(value.lower().split())
    return out


@lru_cache(maxsize=None)
def groups(concept: str) -> tuple[tuple[str, ...], ...]:
    """`a | b | c` lines: names of one thing, the first the canonical one."""
    return tuple(tuple(part.strip().lower() for part in line.split("|")) for line in _lines(concept))


def files() -> list[Path]:
    """Every lexicon file, for the parser version."""
    return sorted(FOLDER.glob("*.txt"))
