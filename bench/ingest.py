"""Ingest speed: the project's whole cold load against a bare `nlp.pipe` pass of the same model.

Run as `python -m bench.ingest FOLDER` (a child process, so the benchmark can bound it in time);
prints one JSON object. Both sides get the same texts after one untimed warm-up of each.
"""
from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from app.nlp.pipeline import load_nlp
from app.nlp.text import normalize
from app.store import load_library, read_article_text


def measure(folder: Path) -> dict:
    texts = [normalize(read_article_text(p, 5 * 1024 * 1024)) for p in sorted(folder.glob("*.txt"))]
    nlp = load_nlp()
    with tempfile.TemporaryDirectory() as warm:
        for _ in nlp.pipe(texts[:6]):
            pass
        load_library(_subset(folder, Path(warm), 6), Path(warm) / "cache")

    t0 = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    bare = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as cache:  # empty: every article is parsed and written
        t0 = time.perf_counter()
        library = load_library(folder, Path(cache))
        project = time.perf_counter() - t0
    words = sum(a.word_count for a in library.articles.values())
    return {"articles": len(library.articles), "words": words, "bare_s": bare, "project_s": project,
            "bare_wps": words / bare, "project_wps": words / project, "ratio": project / bare}


def _subset(folder: Path, dest: Path, n: int) -> Path:
    dest = dest / "articles"
    dest.mkdir()
    for p in sorted(folder.glob("*.txt"))[:n]:
        (dest / p.name).write_bytes(p.read_bytes())
    return dest


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]))))
