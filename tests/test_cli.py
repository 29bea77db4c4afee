"""`python -m app parse` and `python -m app ingest`, run as a user runs them."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys

from app.ingest.progress import Progress
from conftest import ARTICLE_ID, DATA
from fixtures.server import ROOT


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={"PATH": os.environ["PATH"], **env})


def test_parse_prints_the_article_as_the_api_serves_it(client):
    done = run("parse", str(DATA / f"{ARTICLE_ID}.txt"))
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    a = f"/articles/{ARTICLE_ID}"
    assert {k: v for k, v in printed.items() if k not in ("text", "sections", "quotes", "entities")} == \
        {k: v for k, v in client.get(a).json().items() if k != "sections"}
    assert printed["text"] == client.get(a + "/text").json()["text"]
    assert printed["sections"] == client.get(a + "/sections").json()["items"]
    assert printed["quotes"] == client.get(a + "/quotes").json()["items"]
    assert printed["entities"] == client.get(a + "/entities").json()["items"]


def test_parse_explain_gives_one_line_per_quote(client):
    done = run("parse", "--explain", str(DATA / f"{ARTICLE_ID}.txt"))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    quotes = client.get(f"/articles/{ARTICLE_ID}/quotes").json()["items"]
    assert len(lines) == len(quotes)
    for line, quote in zip(lines, quotes):
        qid, speaker, sieve, text = line.split("\t")
        assert qid == quote["id"] and text == f'"{quote["text"]}"' and sieve
        assert speaker == (f'{quote["speaker"]["name"]} ({quote["speaker"]["id"]})' if quote["speaker"] else "-")


def test_parse_of_an_unreadable_file_is_one_line_and_status_1(tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    (tmp_path / "folder.txt").mkdir()
    for path, reason in ((binary, "binary content"), (tmp_path / "missing.txt", "No such file"),
                         (tmp_path / "folder.txt", "a folder, not a file"), (tmp_path / "notes.md", "not a .txt")):
        done = run("parse", str(path))
        assert done.returncode == 1 and done.stdout == ""
        assert done.stderr.count("\n") == 1 and reason in done.stderr and "Traceback" not in done.stderr


def test_ingest_prints_a_one_line_summary_and_parses_only_once(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_bytes((DATA / f"{ARTICLE_ID}.txt").read_bytes())
    os.mkfifo(folder / "pipe.txt")
    env = {"CACHE_DIR": str(tmp_path / "cache")}
    first = run("ingest", str(folder), "--workers", "1", **env)
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines() == [first.stdout.strip()]
    assert first.stdout.startswith("ingest: 1 articles (1 parsed, 0 unchanged, 0 removed), 1 skipped "
                                   "(pipe.txt: not a regular file (a named pipe))")
    second = run("ingest", str(folder), **env)
    assert second.stdout.startswith("ingest: 1 articles (0 parsed, 1 unchanged, 0 removed)")
    bad = run("ingest", str(tmp_path / "nowhere"), **env)
    assert bad.returncode == 1 and bad.stderr.strip().endswith("does not exist") and bad.stderr.count("\n") == 1


def test_progress_is_a_bar_on_a_terminal_and_log_lines_otherwise(caplog):
    out = io.StringIO()
    bar = Progress(3, bar=True, stream=out)
    for what in ("parsed", "parsed", "unchanged"):
        bar.step(what)
    bar.close()
    assert "3/3" in out.getvalue() and "2 parsed" in out.getvalue()
    quiet = Progress(2, bar=False)
    quiet.step("parsed")
    assert quiet.status().startswith("1/2 files (50%): 1 parsed")
