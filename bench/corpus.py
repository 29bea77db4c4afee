"""The benchmark's articles: distinct texts generated from the shared corpora, real parses each.

Article i is a source article (round robin over the shared corpus and the
Wikinews corpus) with its body paragraphs shuffled by a generator seeded with
i, plus one paragraph borrowed from another source: the same i always gives
the same text, so a larger set is a smaller one plus new articles (ingest is
then incremental), and no two texts are the same (checked).
"""
from __future__ import annotations

import hashlib
import json
import random
import urllib.parse
import urllib.request
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
SOURCES = (SHARED / "corpus", SHARED / "corpus-wikinews")
WORDS = "harbour bridge council winter repair budget ferry market library night river stone road".split()


def sources() -> list[Path]:
    return sorted(p for folder in SOURCES for p in folder.glob("*.txt"))


def article_id(i: int) -> str:
    return f"article-{i:05d}"


def generate(dest: Path, start: int, stop: int, seed: int = 5) -> None:
    """Articles start..stop-1 into `dest` (those already there are kept)."""
    paths = sources()
    lines = [p.read_text(encoding="utf-8").splitlines() for p in paths]
    dest.mkdir(parents=True, exist_ok=True)
    seen = {hashlib.sha256(p.read_bytes()).digest() for p in dest.glob("*.txt")
            if not start <= int(p.stem.rsplit("-", 1)[1]) < stop}
    for i in range(start, stop):
        rng = random.Random(seed * 1_000_003 + i)
        k = i % len(paths)
        while True:
            head, body = lines[k][:2], [line for line in lines[k][2:] if line.strip()]
            other = lines[(k + 1 + rng.randrange(len(paths) - 1)) % len(paths)]
            body = [*body, rng.choice([line for line in other[2:] if len(line) > 80] or other)]
            rng.shuffle(body)
            data = ("\n".join([*head, *body]) + "\n").encode()
            digest = hashlib.sha256(data).digest()
            if digest not in seen:
                break
        seen.add(digest)
        path = dest / f"{article_id(i)}.txt"
        if not (path.exists() and path.read_bytes() == data):  # an unchanged file keeps its fingerprint
            path.write_bytes(data)


def focus_id(count: int) -> str:
    """The first generated article made from the source with the most quotation marks: the
    per-article paths read it."""
    marks = [sum(p.read_text(encoding="utf-8").count(m) for m in '"“') for p in sources()]
    index = marks.index(max(marks))
    return article_id(index) if index < count else article_id(0)


def large(dest: Path, quotes: int = 9000) -> str:
    """One ~4.5 MB article of long quotations (its /quotes answer is about 6 MB); returns its id."""
    rng = random.Random(11)
    paragraphs = [f"\"{' '.join(rng.choice(WORDS) for _ in range(70)).capitalize()},\" Anna Brannock said on day {i}."
                  for i in range(quotes)]
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "large-report.txt").write_text("Large Report\nBy Jane Doe\n" + "\n".join(paragraphs) + "\n")
    return "large-report"


def read_paths(article_id: str, speaker: str) -> list[str]:
    """The read paths the throughput goal names; `speaker` is a surname the article quotes."""
    a = f"/articles/{article_id}"
    return ["/articles", a, a + "/text", f"{a}/quotes?speaker={speaker}", a + "/entities"]


def article_paths(article_id: str, speaker: str) -> list[str]:
    """Every per-article read of one article: what `serving the archive` means for memory."""
    a = f"/articles/{article_id}"
    return [a, a + "/text", a + "/sections", a + "/quotes", f"{a}/quotes?speaker={speaker}", a + "/speakers",
            a + "/entities"]


def speaker_surname(url: str, article_id: str) -> str:
    """The surname of the article's most quoted speaker, asked of the server."""
    with urllib.request.urlopen(f"{url}/articles/{article_id}/speakers", timeout=30) as r:
        name = json.loads(r.read())["items"][0]["name"]
    return urllib.parse.quote(name.split()[-1])
