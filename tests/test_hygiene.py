"""The team's rule on corpus text: no name, phrase or fact of a corpus article is written into the code,
a lexicon, a comment, a docstring or a test. Examples are invented, of the same grammatical shape.

Two checks guard it: no distinctive person or organisation name of a gold file appears as a word in the
code, the lexicons or the tests; no run of seven words of a corpus text appears in the code or the tests.
The corpora beside the project (`../shared`) are checked when they are there, and skipped, saying so,
when they are not (docs/development.md).
"""
from __future__ import annotations

import calendar
import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from app.nlp import lexicon
from app.nlp.names import is_city, is_country, is_first_name

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = {
    "project": sorted((ROOT / "data").glob("eval*")),
    "shared-corpus": [SHARED / "corpus"],
    "shared-wikinews": [SHARED / "corpus-wikinews"],
}
RUN = 7
# A run made only of the language's commonest words ("one of the first to say that it was") is
# anybody's English, not the corpus's: only runs with a rarer word count.
COMMON_WORD_RANK = 250

# Words of organisations' names that no corpus text or source happens to print in lower case (with or
# without `../shared`'s texts).
COMMON_NOUNS = frozenset({"canadian", "catholic", "circuit", "division", "heritage", "sport"})
# Tests through the API over the shipped articles (data/articles) query them by the names they hold:
# those names are the data under test, not examples. {file: names}
SHIPPED_ARTICLE_TESTS = {"tests/test_speaker_filter.py": {"Putin", "Zelenskyy"}}

_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> list[str]:
    text = text.lower().replace("\u2019", "").replace("'", "")
    return _WORD.findall(text)


def _code_files() -> list[Path]:
    return sorted(p for p in (ROOT / "app").rglob("*.py")) + sorted(
        p for p in (ROOT / "tests").glob("*.py") if p.name != Path(__file__).name)


# Made from GeoNames by scripts/make_place_names.py, not by hand: the world's place names, which a
# corpus surname may share ('a town called Smith'), are no corpus text.
GENERATED_LEXICONS = ("place_names", "city_names")


def _lexicon_files() -> list[Path]:
    return sorted(p for p in (ROOT / "app" / "nlp" / "lexicon").glob("*.txt") if p.stem not in GENERATED_LEXICONS)


def _dirs(corpus: str) -> list[Path]:
    dirs = [d for d in CORPORA[corpus] if d.is_dir()]
    if not dirs:
        pytest.skip(f"no {corpus} texts here ({', '.join(map(str, CORPORA[corpus])) or 'data/eval*'} absent)")
    return dirs


@lru_cache(maxsize=None)
def _texts(corpus: str) -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for d in _dirs(corpus) for p in sorted(d.glob("*.txt")))


@lru_cache(maxsize=None)
def _all_texts() -> tuple[str, ...]:
    found: list[str] = []
    for corpus in CORPORA:
        dirs = [d for d in CORPORA[corpus] if d.is_dir()]
        found += [p.read_text(encoding="utf-8") for d in dirs for p in sorted(d.glob("*.txt"))]
    return tuple(found)


@lru_cache(maxsize=1)
def _lowercase_words() -> frozenset[str]:
    """Words of the language, not names: those the corpus texts, the project's code, lexicons and docs
    print in lower case ('institute', 'partners'), and the names of days and months."""
    texts = _all_texts() + tuple(text for _, text in _sources()) + tuple(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md")))
    found = {w for text in texts for w in re.findall(r"(?<![\w'’])[^\W\d_]+", text) if w.islower()}
    return frozenset(found | COMMON_NOUNS | {w.lower() for w in [*calendar.day_name, *calendar.month_name] if w})


def _is_word(token: str) -> bool:
    """A word of the language, or the plural of one ('Labs', 'Securities')."""
    word = token.lower()
    words = _lowercase_words()
    return word in words or word.endswith("s") and (
        word[:-1] in words or word.endswith("ies") and word[:-3] + "y" in words)


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    # From the project's own corpora alone, so that the check is the same with or without `../shared`.
    counts = Counter(w for d in CORPORA["project"] if d.is_dir() for p in sorted(d.glob("*.txt"))
                     for w in _words(p.read_text(encoding="utf-8")))
    return frozenset(w for w, _ in counts.most_common(COMMON_WORD_RANK))


@lru_cache(maxsize=1)
def _sources() -> tuple[tuple[str, str], ...]:
    # A string's escapes part words ('...said.\\nQuennick ...' holds the word 'Quennick').
    return tuple((str(p.relative_to(ROOT)), re.sub(r"\\[ntr]", " ", p.read_text(encoding="utf-8")))
                 for p in _code_files() + _lexicon_files())


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """Words of the world's country and city names ('United', 'Kingdom', 'Angeles')."""
    return frozenset(w.lower() for concept in GENERATED_LEXICONS for names in lexicon.groups(concept)
                     for name in names for w in _name_words(name))


def _name_words(form: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", form)


def _distinctive(token: str, peoples: frozenset[str]) -> bool:
    return (len(token) >= 4 and token[0].isupper() and not _is_word(token)
            and token not in peoples and token.lower() not in _place_words()
            and not is_first_name(token) and not is_country(token) and not is_city(token))


def _entities(dirs: list[Path]) -> list[dict]:
    return [entity for d in dirs for path in sorted(d.glob("*.gold.json"))
            for entity in json.loads(path.read_text(encoding="utf-8")).get("entities", [])]


@lru_cache(maxsize=1)
def _peoples_and_places() -> frozenset[str]:
    """Words of every corpus's peoples, languages and regions ('Kenyan', 'Catholic', 'Scotland'):
    words of the language, no one's name."""
    entities = _entities([d for dirs in CORPORA.values() for d in dirs if d.is_dir()])
    return frozenset(w for e in entities if e.get("type") in ("NORP", "LANGUAGE", "GPE")
                     for form in [e["name"], *e.get("aliases", [])] for w in _name_words(form))


def _gold_names(corpus: str) -> set[str]:
    entities = _entities(_dirs(corpus))
    peoples = _peoples_and_places()
    return {t for e in entities if e.get("type") in ("PERSON", "ORG")
            for form in [e["name"], *e.get("aliases", [])] for t in _name_words(form) if _distinctive(t, peoples)}


@pytest.mark.parametrize("corpus", list(CORPORA))
def test_no_gold_name_is_written_into_the_code_lexicons_or_tests(corpus):
    names = _gold_names(corpus)
    pattern = re.compile(r"(?<![^\W_])(" + "|".join(map(re.escape, sorted(names))) + r")(?![^\W_])")
    found = sorted({(path, m.group(1)) for path, text in _sources() for m in pattern.finditer(text)
                    if m.group(1) not in SHIPPED_ARTICLE_TESTS.get(path, ())})
    assert not found, f"{corpus} gold names written into the project: {found}"


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    common = _common_words()
    return {run for run in zip(*(words[i:] for i in range(RUN))) if not all(w in common for w in run)}


@pytest.mark.parametrize("corpus", list(CORPORA))
def test_no_run_of_seven_corpus_words_is_written_into_the_code_or_tests(corpus):
    corpus_runs: set[tuple[str, ...]] = set()
    for text in _texts(corpus):
        corpus_runs |= _runs(_words(text))
    found = []
    for path, text in _sources():
        if path.endswith(".py"):
            found += [(path, " ".join(run)) for run in sorted(_runs(_words(text)) & corpus_runs)]
    assert not found, f"{corpus} wording written into the project: {found}"
