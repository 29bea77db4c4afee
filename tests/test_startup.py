"""Starting the server as a newcomer would: bad configuration is one clear line, an empty folder is an
empty archive, and the start-up ingest shows its work. Real uvicorn processes."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.request

import pytest

from conftest import ARTICLE_ID, DATA
from fixtures.server import ROOT, free_port, serving


def _start_and_fail(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "uvicorn", "app.main:app", "--port", str(free_port())], cwd=ROOT,
        env={"PATH": os.environ["PATH"], **env}, capture_output=True, text=True, timeout=120)


def _get(url: str):
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.loads(r.read())


def test_invalid_log_level_is_one_clear_line(tmp_path):
    done = _start_and_fail({"LOG_LEVEL": "nonsense", "CACHE_DIR": str(tmp_path)})
    assert done.returncode != 0
    lines = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    assert lines == ["invalid configuration: LOG_LEVEL='nonsense': Input should be 'critical', 'error', "
                     "'warning', 'info' or 'debug'"]


@pytest.mark.parametrize("case, message", [("file", "ARTICLES_DIR names a file, not a folder"),
                                           ("missing", "does not exist")])
def test_a_bad_articles_folder_fails_cleanly(tmp_path, case, message):
    target = tmp_path / "articles"
    if case == "file":
        target.write_text("not a folder")
    done = _start_and_fail({"ARTICLES_DIR": str(target), "CACHE_DIR": str(tmp_path / "cache")})
    assert done.returncode != 0 and "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if message in line]
    assert len(errors) == 1 and str(target) in errors[0], done.stderr


def test_an_empty_folder_serves_an_empty_archive_and_says_so(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    with serving(folder, tmp_path / "cache", tmp_path / "server.log") as url:
        health = _get(url + "/health")
        assert health["articles"] == 0 and "empty" in health["note"]
        assert health["skipped"] == [{"file": "empty.txt", "reason": "no text (empty or blank lines only)"}]
        assert _get(url + "/articles") == {"items": [], "total": 0, "limit": 20, "offset": 0}
        (folder / "empty.txt").unlink()
    with serving(folder, tmp_path / "cache", tmp_path / "server.log") as url:
        assert _get(url + "/health")["skipped"] == [] and "no *.txt" in _get(url + "/health")["note"]


def test_server_start_ingests_what_is_new_then_parses_nothing_on_the_next_start(tmp_path):
    folder, cache, log = tmp_path / "articles", tmp_path / "cache", tmp_path / "server.log"
    folder.mkdir()
    (folder / f"{ARTICLE_ID}.txt").write_bytes((DATA / f"{ARTICLE_ID}.txt").read_bytes())
    with serving(folder, cache, log) as url:
        assert _get(url + "/health")["articles"] == 1
    first = log.read_text()
    assert "ingest: 1 articles (1 parsed" in first and "Traceback" not in first
    second = tmp_path / "second.log"
    with serving(folder, cache, second) as url:
        assert _get(url + f"/articles/{ARTICLE_ID}")["id"] == ARTICLE_ID
        pid = int(re.search(r"Started server process \[(\d+)\]", second.read_text()).group(1))
        assert "/spacy/" not in open(f"/proc/{pid}/maps").read()  # a warm start never loads the model
    assert "parsed" not in second.read_text() and "serving 1 articles" in second.read_text()
