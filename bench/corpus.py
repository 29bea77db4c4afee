"""The benchmark's article folders: the shared corpus, and 1,000 articles generated from it."""
from __future__ import annotations

import random
import shutil
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FOCUS = "vance-russia-concessions"  # the article whose quotes the benchmark filters by speaker


def copy_shared(dest: Path) -> str:
    """The shared corpus's *.txt into `dest`; returns the id the per-article paths use."""
    dest.mkdir(parents=True, exist_ok=True)
    for path in sorted(SHARED.glob("*.txt")):
        shutil.copy(path, dest / path.name)
    return FOCUS


def generate(dest: Path, count: int = 1000, seed: int = 5) -> str:
    """`count` articles, article-0001..., each a corpus article with its body paragraphs shuffled.

    The headline and the line under it stay first, so each one still parses as an article;
    each gets one paragraph borrowed from another article, so no two files are the same.
    Returns the id of the first article built from FOCUS.
    """
    sources = sorted(SHARED.glob("*.txt"))
    lines = [p.read_text(encoding="utf-8").splitlines() for p in sources]
    dest.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    focus = None
    for i in range(count):
        k = i % len(sources)
        head, body = lines[k][:2], [line for line in lines[k][2:] if line.strip()]
        other = lines[(k + 1 + i // len(sources)) % len(sources)]
        body = [*body, rng.choice([line for line in other[2:] if len(line) > 80])]
        rng.shuffle(body)
        article_id = f"article-{i + 1:04d}"
        (dest / f"{article_id}.txt").write_text("\n".join([*head, *body]) + "\n", encoding="utf-8")
        if focus is None and sources[k].stem == FOCUS:
            focus = article_id
    return focus or "article-0001"


def read_paths(article_id: str) -> list[str]:
    """The read paths the throughput goal names."""
    a = f"/articles/{article_id}"
    return ["/articles", a, a + "/text", a + "/quotes?speaker=Vance", a + "/entities"]


def all_read_paths(ids: list[str]) -> list[str]:
    """Every read path of every article: what `serving the corpus` means for memory."""
    return ["/articles", *(p for i in ids for p in read_paths(i)[1:])]
