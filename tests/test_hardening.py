"""Bad article files never stop the server; each is served best effort or skipped with a reason."""
from __future__ import annotations

import random
import shutil
import subprocess
import sys
import time
import urllib.request
import json

import pytest

from app.nlp.pipeline import parse_article
from app.store import load_library
from conftest import ARTICLE_ID, DATA
from fixtures.server import ROOT, free_port, serving

SENTENCE = "The council met on Tuesday and agreed to repair the old harbour bridge before winter. "
BAD_FILES = {
    "empty.txt": b"",
    "blank.txt": b"\n  \r\n\t\n\n",
    "junk.txt": random.Random(7).randbytes(4000),
    "nuls.txt": b"\0" * 500 + b"text",
    "latin1.txt": "Caf\u00e9 Reopens\nBy Jane Doe\nThe caf\u00e9 owner said: \"\u00c7a va.\"\n".encode("latin-1"),
    "utf16.txt": "Harbour Plan\nBy Jane Doe\nShe said: \"It works.\"\n".encode("utf-16"),
    "unbalanced.txt": "Open Marks\nBy Jane Doe\nHe said \"this never closes.\nA \u201csecond one.\n".encode(),
    "nul-inside.txt": b"Some Title\nBy Jane Doe\nA line\0 with a NUL byte.\n",
    "one-line-2mb.txt": (SENTENCE * (2_000_000 // len(SENTENCE) + 1)).encode()[:2_000_000],
    "many-quotes.txt": ("Quote Storm\nBy Jane Doe\n"
                        + " ".join(f'"Point {i} stands," Anna Berg said.' for i in range(2000)) + "\n").encode(),
}
SKIPPED = {"empty.txt", "blank.txt", "junk.txt", "nuls.txt"}


@pytest.fixture(scope="module")
def mixed_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed")
    shutil.copy(DATA / f"{ARTICLE_ID}.txt", folder)
    for name, data in BAD_FILES.items():
        (folder / name).write_bytes(data)
    (folder / "a-folder.txt").mkdir()
    return folder


@pytest.fixture(scope="module")
def mixed(mixed_dir, tmp_path_factory):
    start = time.monotonic()
    library = load_library(mixed_dir, tmp_path_factory.mktemp("cache"))
    return library, time.monotonic() - start


def test_bad_files_are_served_or_skipped_with_reasons(mixed):
    library, seconds = mixed
    skipped = {s.file: s.reason for s in library.skipped}
    assert set(skipped) == SKIPPED | {"a-folder.txt"}
    assert all(reason and "/" not in reason for reason in skipped.values())
    served = set(library.articles)
    assert served == {ARTICLE_ID} | {n[:-4] for n in BAD_FILES} - {n[:-4] for n in SKIPPED}
    for article in library.articles.values():
        for s in article.sections:
            assert all(article.text[p.start:p.end] == p.text for p in s.paragraphs)
        assert all(article.text[q.start:q.end] == q.text for q in article.quotes)
    assert seconds < 120


def test_odd_files_keep_their_text(mixed):
    articles = mixed[0].articles
    assert "caf\u00e9 owner" in articles["latin1"].text
    assert "It works." in articles["utf16"].text
    assert "\0" not in articles["nul-inside"].text
    assert len(articles["one-line-2mb"].text) > 1_900_000
    assert len(articles["many-quotes"].quotes) == 2000


def test_good_file_is_served_exactly_as_alone(mixed, article):
    assert mixed[0].articles[ARTICLE_ID].to_dict() == article.to_dict()


@pytest.mark.parametrize("variant", ["crlf", "bom", "bom+crlf", "trailing spaces", "blank lines"])
def test_line_endings_and_bom_do_not_change_the_parse(tmp_path, variant):
    text = (DATA / f"{ARTICLE_ID}.txt").read_text(encoding="utf-8-sig")
    changed = {"crlf": text.replace("\n", "\r\n"), "bom": "\ufeff" + text,
               "bom+crlf": "\ufeff" + text.replace("\n", "\r\n"),
               "trailing spaces": text.replace("\n", "  \n"), "blank lines": text.replace("\n", "\n\n\n")}[variant]
    (tmp_path / "a.txt").write_bytes(text.encode())
    (tmp_path / "b.txt").write_bytes(changed.encode())
    library = load_library(tmp_path, None)
    a, b = library.articles["a"].to_dict(), library.articles["b"].to_dict()
    b["id"] = "a"
    assert a == b


def test_overlong_paragraph_keeps_offsets():
    text = "Long One\n" + "word " * 400_000 + "\nA last paragraph, said Anna Berg.\n"
    article = parse_article("long", text)
    paragraphs = [p for s in article.sections for p in s.paragraphs]
    assert all(article.text[p.start:p.end] == p.text for p in paragraphs)


def _get(url: str):
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.status, json.loads(r.read())


def test_live_server_lists_skipped_files_in_health_and_log(mixed_dir, tmp_path):
    log = tmp_path / "server.log"
    with serving(mixed_dir, tmp_path / "cache", log) as url:
        status, health = _get(url + "/health")
        assert status == 200 and health["status"] == "ok" and health["articles"] == len(BAD_FILES) - len(SKIPPED) + 1
        assert {s["file"] for s in health["skipped"]} == SKIPPED | {"a-folder.txt"}
        assert _get(url + "/articles/one-line-2mb/sections/0")[0] == 200
    text = log.read_text()
    for s in health["skipped"]:
        assert f"skipping {s['file']}: {s['reason']}" in text
    assert "Traceback" not in text


@pytest.mark.parametrize("content", ["empty", "missing"])
def test_no_loadable_article_exits_non_zero_with_one_clear_message(tmp_path, content):
    folder = tmp_path / "articles"
    if content == "empty":
        folder.mkdir()
        (folder / "empty.txt").write_bytes(b"")
    proc = subprocess.run(
        [sys.executable, "-m", "uvicorn", "app.main:app", "--port", str(free_port())], cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "ARTICLES_DIR": str(folder), "CACHE_DIR": str(tmp_path / "cache")},
        capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0
    critical = [line for line in proc.stderr.splitlines() if line.startswith("CRITICAL")]
    assert len(critical) == 1 and str(folder) in critical[0], proc.stderr
    assert "Traceback" not in proc.stderr


def test_paragraph_longer_than_a_model_chunk_is_read_by_the_model_in_pieces():
    from app.nlp.pipeline import CHUNK

    filler = SENTENCE * (CHUNK // len(SENTENCE) - 3)
    text = "Long Report\nBy Jane Doe\n" + filler + '"The bridge will open in May," Anna Berg said. ' + filler + "\n"
    article = parse_article("long", text)
    assert len(article.sections[0].paragraphs[0].text) > CHUNK
    assert [q.text for q in article.quotes] == ["The bridge will open in May,"]
    assert any(e.name == "Anna Berg" for e in article.entities)
    assert all(article.text[m.start:m.end] == m.text for e in article.entities for m in e.mentions)
