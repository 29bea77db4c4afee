"""A store made from articles already parsed in this process, with no folder behind it."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from app.api import answers
from app.domain import ParsedArticle
from app.ingest import versions
from app.store.schema import FileRow
from app.store.writer import StoreLock, StoreWriter


def store_parsed(cache_dir: Path, articles: Iterable[ParsedArticle]) -> None:
    """Write the store in `cache_dir` to hold exactly these articles (for tools that parse in process,
    e.g. scripts/eval.py). A later ingest of a folder into the same place treats them as unknown files."""
    current = versions.current()
    with StoreLock(cache_dir):
        writer = StoreWriter(cache_dir, None)
        try:
            for article in articles:
                writer.put_article(f"{article.id}.txt", "", article, answers.render(article))
                writer.put_file(FileRow(f"{article.id}.txt", article.id))
            writer.finish(current.meta())
        except BaseException:
            writer.abandon()
            raise
