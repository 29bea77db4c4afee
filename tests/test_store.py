"""The store through its real parts: a real SQLite file written by the real ingest, read by the real
reader; incremental work, damaged or foreign files, the atomic swap, and concurrent writers."""
from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
from dataclasses import replace

import pytest

from app.ingest import Options, ingest, versions
from app.store import DamagedStore, Store
from app.store.writer import StoreLock
from conftest import ARTICLE_ID, DATA
from fixtures.server import ROOT

ONE = Options(workers=1, progress_bar=False)


def article(title: str, speaker: str = "Anna Veen") -> bytes:
    return f"{title}\nBy Jane Doe\n\"The {title.lower()} goes ahead,\" {speaker} said on Monday.\n".encode()


@pytest.fixture()
def folder(tmp_path):
    path = tmp_path / "articles"
    path.mkdir()
    (path / "alpha.txt").write_bytes(article("Harbour Bridge"))
    (path / "beta.txt").write_bytes(article("Library Hours", "Ned Reed"))
    return path


def test_incremental_new_changed_removed_and_renamed(folder, tmp_path):
    cache = tmp_path / "cache"
    first = ingest(folder, cache, ONE)
    assert (first.articles, first.parsed, first.wrote) == (2, 2, True)
    (folder / "gamma.txt").write_bytes(article("Night Market"))  # new
    (folder / "alpha.txt").write_bytes(article("Harbour Tunnel"))  # changed
    (folder / "beta.txt").rename(folder / "renamed.txt")  # same bytes, other name: no parse
    report = ingest(folder, cache, ONE)
    assert (report.parsed, report.reused, report.removed, report.articles) == (2, 1, 1, 3)
    with Store.open(cache) as store:
        assert [aid for aid, _ in store.article_files()] == ["alpha", "gamma", "renamed"]
        assert "Tunnel" in store.parsed("alpha").title and store.parsed("renamed").id == "renamed"
        assert store.answer("beta", "article") is None and store.quotes("beta") == []
    (folder / "gamma.txt").unlink()
    report = ingest(folder, cache, ONE)
    assert (report.parsed, report.removed, report.articles) == (0, 1, 2)
    with Store.open(cache) as store:
        db = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True)
        for table in ("answers", "sections", "quotes", "entities"):
            assert db.execute(f"SELECT count(*) FROM {table} WHERE article_id = 'gamma'").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM quote_words WHERE quote_words MATCH 'market'").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM mentions WHERE entity NOT IN (SELECT rowid FROM entities)") \
            .fetchone()[0] == 0


def test_nothing_new_writes_nothing(folder, tmp_path):
    cache = tmp_path / "cache"
    ingest(folder, cache, ONE)
    before = (cache / "store.sqlite3").stat()
    report = ingest(folder, cache, ONE)
    assert (report.wrote, report.parsed, report.unchanged) == (False, 0, 2)
    assert (cache / "store.sqlite3").stat().st_ino == before.st_ino


def test_new_answer_shapes_remake_answers_without_parsing(folder, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    ingest(folder, cache, ONE)
    real = versions.current()
    monkeypatch.setattr(versions, "current", lambda: replace(real, render="other-shapes"))
    report = ingest(folder, cache, ONE)
    assert (report.parsed, report.rendered) == (0, 2)
    monkeypatch.setattr(versions, "current", lambda: replace(real, parser="other-parser"))
    report = ingest(folder, cache, ONE)
    assert report.parsed == 2


@pytest.mark.parametrize("damage", ["garbage", "truncated", "foreign sqlite", "other schema", "empty"])
def test_a_damaged_or_foreign_store_is_rebuilt_with_a_clear_log_line(folder, tmp_path, caplog, damage):
    cache = tmp_path / "cache"
    ingest(folder, cache, ONE)
    path = cache / "store.sqlite3"
    if damage == "garbage":
        path.write_bytes(b"this is not a database at all" * 100)
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif damage == "foreign sqlite":
        path.unlink()
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE notes (x)")
    elif damage == "other schema":
        with sqlite3.connect(path) as db:
            db.execute("PRAGMA user_version = 999")
    else:
        path.write_bytes(b"")
    with pytest.raises(DamagedStore):
        Store.open(cache)
    with caplog.at_level(logging.WARNING, logger="app.ingest"):
        report = ingest(folder, cache, ONE)
    assert report.articles == 2 and report.parsed == 2
    assert any("rebuilding it from the articles" in r.getMessage() for r in caplog.records)
    with Store.open(cache) as store:
        store.check()


def test_a_reader_keeps_its_archive_while_a_new_one_is_swapped_in(folder, tmp_path):
    cache = tmp_path / "cache"
    ingest(folder, cache, ONE)
    with Store.open(cache) as old:
        (folder / "gamma.txt").write_bytes(article("Night Market"))
        (folder / "alpha.txt").unlink()
        ingest(folder, cache, ONE)
        assert old.info.articles == 2 and old.parsed("alpha") is not None and not old.has_article("gamma")
        assert [aid for aid, _ in old.article_files()] == ["alpha", "beta"]
        with Store.open(cache) as new:
            assert [aid for aid, _ in new.article_files()] == ["beta", "gamma"]
    assert sorted(p.name for p in cache.iterdir()) == ["store.lock", "store.sqlite3"]


def test_two_ingests_at_once_share_one_cache_dir_safely(tmp_path):
    folder, cache = tmp_path / "articles", tmp_path / "cache"
    folder.mkdir()
    for i, title in enumerate(["Harbour Bridge", "Library Hours", "Night Market", "Ferry Times"]):
        (folder / f"a{i}.txt").write_bytes(article(title))
    command = [sys.executable, "-m", "app", "ingest", str(folder), "--workers", "1", "--no-progress"]
    env = {"PATH": "/usr/bin:/bin", "CACHE_DIR": str(cache)}
    runs = [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    lines = [out.strip().splitlines()[-1] for out, _ in outputs]
    assert all(line.startswith("ingest: 4 articles") for line in lines)
    assert sorted(line.split("(")[1].split(" parsed")[0] for line in lines) == ["0", "4"]  # parsed once
    with Store.open(cache) as store:
        store.check()
        assert store.info.articles == 4


def test_the_writer_lock_is_exclusive(tmp_path):
    first, second = StoreLock(tmp_path), StoreLock(tmp_path)
    assert first.acquire(blocking=False)
    assert not second.acquire(blocking=False)
    first.release()
    assert second.acquire(blocking=False)
    second.release()


def test_reads_match_the_parsed_article(store, article):
    assert ARTICLE_ID in [aid for aid, _ in store.article_files()] and store.info.articles == len(list(DATA.glob("*.txt")))
    assert len(store.quotes(ARTICLE_ID)) == len(article.quotes)
    assert store.section(ARTICLE_ID, "0") == store.section(ARTICLE_ID, "lead")
    people = [e for e in article.entities if e.type == "PERSON"]
    assert len(store.entities(ARTICLE_ID, "PERSON")) == len(people)
    assert store.parsed("no-such-article") is None and store.answer("no-such-article", "article") is None
    assert (DATA / f"{ARTICLE_ID}.txt").exists()


def test_numbers_beyond_sqlite_integers_are_no_error(client):
    a = f"/articles/{ARTICLE_ID}"
    assert client.get("/articles", params={"offset": 10**30}).json()["items"] == []
    assert client.get(a + "/sections/" + "9" * 40).status_code == 404
    assert client.get(a + "/quotes", params={"section": "9" * 40}).json() == {"items": [], "total": 0}


def test_many_touched_but_unchanged_files_are_recorded_once_not_parsed(tmp_path):
    folder, cache = tmp_path / "articles", tmp_path / "cache"
    folder.mkdir()
    titles = [f"Harbour Note {i}" for i in range(70)]
    for i, title in enumerate(titles):
        (folder / f"n{i:02d}.txt").write_bytes(article(title))
    ingest(folder, cache, ONE)
    old = 10**18  # long ago: a file changed then is not racy
    for path in folder.iterdir():
        os.utime(path, ns=(old, old))  # new mtime and ctime, same bytes
    refresh = ingest(folder, cache, ONE)
    assert (refresh.wrote, refresh.parsed, refresh.unchanged) == (True, 0, 70)
    again = ingest(folder, cache, ONE)
    assert (again.wrote, again.parsed) == (False, 0)


def test_a_stopped_ingest_keeps_what_it_parsed_and_the_next_one_does_the_rest(tmp_path, monkeypatch):
    import threading

    from app.ingest import progress

    folder, cache = tmp_path / "articles", tmp_path / "cache"
    folder.mkdir()
    for i, title in enumerate(["Harbour Bridge", "Library Hours", "Night Market", "Ferry Times"]):
        (folder / f"a{i}.txt").write_bytes(article(title))
    stop = threading.Event()
    real_step = progress.Progress.step

    def step_then_stop(self, what):
        real_step(self, what)
        if what == "parsed":
            stop.set()  # as Ctrl-C or SIGTERM would, once one article is stored

    monkeypatch.setattr(progress.Progress, "step", step_then_stop)
    first = ingest(folder, cache, Options(workers=1, progress_bar=False, stop=stop))
    monkeypatch.setattr(progress.Progress, "step", real_step)
    assert first.interrupted and 1 <= first.parsed < 4 and "interrupted" in first.line()
    with Store.open(cache) as store:
        assert store.info.articles == first.parsed
    rest = ingest(folder, cache, ONE)
    assert (rest.interrupted, rest.parsed, rest.articles) == (False, 4 - first.parsed, 4)
