"""Odd files in the articles folder: each is served correctly or skipped with its reason, nothing
outside the folder is read, and the good articles are served. Real files: a FIFO, symlinks, odd bytes."""
from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import sqlite3
import urllib.parse
import urllib.request

import pytest

from app.ingest import Options, ingest, sources
from app.nlp.pipeline import parse_article
from app.store import Store
from conftest import ARTICLE_ID, DATA
from fixtures.server import serving

SENTENCE = "The council met on Tuesday and agreed to repair the old harbour bridge before winter. "
SECRET = "This sentence lives outside the articles folder and must never be read."
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
                        + " ".join(f'"Point {i} stands," Anna Veen said.' for i in range(2000)) + "\n").encode(),
    # UTF-8 with a pasted Windows-1252 quotation pair: only those two bytes are Windows-1252.
    "stray-cp1252.txt": "Budget Talks\nBy Jane Doe\nThe plan costs £40m, the mayor said.\n".encode()
                        + b"\x93We will pay it back,\x94 she added. Caf\xc3\xa9 owners agreed.\n",
    "one-bad-byte.txt": b"Short Note\nThe ferry leaves at noon \xff every day.\n",
    "UPPER.TXT": b"Loud Title\nBy Jane Doe\nThe shop opened on Monday, its owner said.\n",
    "Case.txt": b"First Case\nThe first file of the pair.\n",
    "case.txt": b"Second Case\nThe second file of the pair.\n",
    "dup-a.txt": b"Twin Report\nBy Jane Doe\n\"Both files hold these bytes,\" Anna Veen said.\n",
    "dup-b.txt": b"Twin Report\nBy Jane Doe\n\"Both files hold these bytes,\" Anna Veen said.\n",
    "bad name.txt": b"Spaced Out\nA file whose name has a space.\n",
}
SKIPPED = {"empty.txt", "blank.txt", "junk.txt", "nuls.txt", "Case.txt", "case.txt", "bad name.txt",
           "a-folder.txt", "fifo.txt", "zero.txt", "outside.txt", "caf\\xe9.txt"}


@pytest.fixture(scope="module")
def mixed_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("mixed")
    folder = root / "articles"
    folder.mkdir()
    shutil.copy(DATA / f"{ARTICLE_ID}.txt", folder)
    for name, data in BAD_FILES.items():
        (folder / name).write_bytes(data)
    (folder / "a-folder.txt").mkdir()
    os.mkfifo(folder / "fifo.txt")  # opening it for reading would block for ever
    os.symlink("/dev/zero", folder / "zero.txt")  # endless bytes
    (root / "secret.txt").write_text(f"Secret Title\n{SECRET}\n")
    os.symlink(root / "secret.txt", folder / "outside.txt")  # text outside the folder
    os.close(os.open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), os.O_CREAT | os.O_WRONLY))  # not UTF-8
    (folder / "notes.md").write_text("not an article")
    return folder


@pytest.fixture(scope="module")
def mixed(mixed_dir, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    report = ingest(mixed_dir, cache, Options(workers=2, progress_bar=False))
    with Store.open(cache) as store:
        yield report, store, cache


def _served(store: Store) -> dict:
    return {aid: store.parsed(aid) for aid, _ in store.article_files()}


def test_bad_files_are_served_or_skipped_with_reasons(mixed):
    report, store, _ = mixed
    skipped = {s.file: s.reason for s in store.skipped()}
    assert set(skipped) == SKIPPED
    assert all(reason and "/" not in reason for reason in skipped.values())
    expected = {ARTICLE_ID, "upper"} | {n[:-4] for n in BAD_FILES if n.endswith(".txt") and n not in SKIPPED}
    served = _served(store)
    assert set(served) == expected
    for article in served.values():
        for s in article.sections:
            assert all(article.text[p.start:p.end] == p.text for p in s.paragraphs)
        assert all(article.text[q.start:q.end] == q.text for q in article.quotes)
    assert report.line().startswith(f"ingest: {len(served)} articles")


def test_each_skip_says_why(mixed):
    skipped = {s.file: s.reason for s in mixed[1].skipped()}
    assert "named pipe" in skipped["fifo.txt"]
    assert "symbolic link" in skipped["zero.txt"] and "symbolic link" in skipped["outside.txt"]
    assert "folder" in skipped["a-folder.txt"]
    assert "case.txt" in skipped["Case.txt"] and "Case.txt" in skipped["case.txt"] and "clash" in skipped["case.txt"]
    assert "U+0020" in skipped["bad name.txt"]  # a space, named
    assert "UTF-8" in skipped["caf\\xe9.txt"]
    assert skipped["empty.txt"].startswith("no text") and skipped["nuls.txt"].startswith("binary")


def test_nothing_outside_the_folder_is_read(mixed):
    cache = mixed[2]
    assert SECRET.encode() not in (cache / "store.sqlite3").read_bytes()
    assert all(SECRET not in a.text for a in _served(mixed[1]).values())


def test_odd_files_keep_their_text(mixed):
    articles = _served(mixed[1])
    assert "caf\u00e9 owner" in articles["latin1"].text
    assert "It works." in articles["utf16"].text
    assert "\0" not in articles["nul-inside"].text
    assert len(articles["one-line-2mb"].text) > 1_900_000
    assert len(articles["many-quotes"].quotes) == 2000
    assert "£40m" in articles["stray-cp1252"].text and "Café owners" in articles["stray-cp1252"].text
    assert "\u201cWe will pay it back,\u201d she added" in articles["stray-cp1252"].text
    assert "noon \u00ff every day" in articles["one-bad-byte"].text
    assert articles["upper"].title == "Loud Title"


def test_byte_identical_files_are_parsed_once(mixed):
    report, store, _ = mixed
    articles = _served(store)
    assert articles["dup-a"].text == articles["dup-b"].text and articles["dup-b"].id == "dup-b"
    assert report.reused == 1


def test_good_file_is_served_exactly_as_alone(mixed, article):
    assert _served(mixed[1])[ARTICLE_ID].to_dict() == article.to_dict()


def test_a_second_ingest_reads_nothing_new(mixed_dir, mixed):
    again = ingest(mixed_dir, mixed[2], Options(workers=1, progress_bar=False))
    assert (again.parsed, again.reused, again.removed) == (0, 0, 0)
    assert {s.file for s in again.skipped} == {s.file for s in mixed[1].skipped()}


def test_a_parse_past_its_budget_is_stopped_and_the_next_file_still_parsed(tmp_path):
    """20,000 straight quotes on one line: its parse is stopped at the budget (its process killed and
    replaced), or it parses within it; either way the file after it is served."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a-storm.txt").write_bytes(b"Straight Quotes\n" + b'"' * 20_000 + b"\n")
    (folder / "b-good.txt").write_bytes(b"Harbour News\nBy Jane Doe\n\"It opens in May,\" Anna Veen said.\n")
    report = ingest(folder, tmp_path / "cache", Options(workers=1, parse_timeout=3, progress_bar=False))
    with Store.open(tmp_path / "cache") as store:
        assert store.parsed("b-good").quotes[0].speaker.name == "Anna Veen"
        skipped = {s.file: s.reason for s in store.skipped()}
    assert set(skipped) <= {"a-storm.txt"} and report.parsed == 2 - len(skipped)
    if skipped:
        assert skipped["a-storm.txt"] == "parsing took longer than 3 s (PARSE_TIMEOUT)"
        again = ingest(folder, tmp_path / "cache", Options(workers=1, parse_timeout=3, progress_bar=False))
        assert again.parsed == 0 and [s.file for s in again.skipped] == ["a-storm.txt"]  # not tried again


def _get(url: str):
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.status, json.loads(r.read())


def test_live_server_serves_the_store_and_lists_skipped_files(mixed_dir, mixed, tmp_path):
    log = tmp_path / "server.log"
    with serving(mixed_dir, mixed[2], log) as url:
        status, health = _get(url + "/health")
        assert status == 200 and health["status"] == "ok" and health["articles"] == mixed[1].info.articles
        assert {s["file"] for s in health["skipped"]} == {s.file for s in mixed[1].skipped()}
        assert _get(url + "/articles/one-line-2mb/sections/0")[0] == 200
        assert _get(url + "/articles/UPPER")[1]["id"] == "upper" == _get(url + "/articles/upper")[1]["id"]
        assert _get(url + "/articles/" + urllib.parse.quote("stray-cp1252") + "/text")[1]["text"].count("£") == 1
    text = log.read_text()
    assert "serving" in text and "Traceback" not in text


@pytest.mark.parametrize("variant", ["crlf", "bom", "bom+crlf", "trailing spaces", "blank lines"])
def test_line_endings_and_bom_do_not_change_the_parse(variant):
    text = (DATA / f"{ARTICLE_ID}.txt").read_text(encoding="utf-8-sig")
    changed = {"crlf": text.replace("\n", "\r\n"), "bom": "\ufeff" + text,
               "bom+crlf": "\ufeff" + text.replace("\n", "\r\n"),
               "trailing spaces": text.replace("\n", "  \n"), "blank lines": text.replace("\n", "\n\n\n")}[variant]
    a = parse_article("a", sources.article_text(text.encode()))
    b = parse_article("a", sources.article_text(changed.encode()))
    assert a.to_dict() == b.to_dict()


def test_overlong_paragraph_keeps_offsets():
    text = "Long One\n" + "word " * 400_000 + "\nA last paragraph, said Anna Veen.\n"
    article = parse_article("long", text)
    paragraphs = [p for s in article.sections for p in s.paragraphs]
    assert all(article.text[p.start:p.end] == p.text for p in paragraphs)


def test_paragraph_longer_than_a_model_chunk_is_read_by_the_model_in_pieces():
    from app.nlp.pipeline import CHUNK

    filler = SENTENCE * (CHUNK // len(SENTENCE) - 3)
    text = "Long Report\nBy Jane Doe\n" + filler + '"The bridge will open in May," Anna Veen said. ' + filler + "\n"
    article = parse_article("long", text)
    assert len(article.sections[0].paragraphs[0].text) > CHUNK
    assert [q.text for q in article.quotes] == ["The bridge will open in May,"]
    assert any(e.name == "Anna Veen" for e in article.entities)
    assert all(article.text[m.start:m.end] == m.text for e in article.entities for m in e.mentions)


def test_a_file_changed_during_ingest_keeps_its_parse_and_key_together(tmp_path, monkeypatch):
    """The bytes hashed are the bytes parsed; the change is seen by the next ingest, even with the same
    size and modification time (the inode's change time still moves)."""
    folder, cache = tmp_path / "articles", tmp_path / "cache"
    folder.mkdir()
    first = b"Harbour News\nBy Jane Doe\n\"The first version,\" Anna Veen said.\n"
    second = b"Harbour News\nBy Jane Doe\n\"The other version,\" Anna Veen said.\n"
    assert len(first) == len(second)
    path = folder / "harbour.txt"
    path.write_bytes(first)
    old = path.stat().st_mtime_ns - 3600 * 10**9
    os.utime(path, ns=(old, old))
    real_read = sources.read

    def read_then_change(folder_fd, name, max_bytes):
        source = real_read(folder_fd, name, max_bytes)
        path.write_bytes(second)  # a writer replaces the file while its first version is being parsed
        os.utime(path, ns=(old, old))
        return source

    monkeypatch.setattr(sources, "read", read_then_change)
    ingest(folder, cache, Options(workers=1, progress_bar=False))
    monkeypatch.setattr(sources, "read", real_read)
    with Store.open(cache) as store:
        assert "first version" in store.parsed("harbour").text
        (row,) = list(store.file_rows())
        assert row.content_hash == hashlib.sha256(first).hexdigest()
    report = ingest(folder, cache, Options(workers=1, progress_bar=False))
    assert report.parsed == 1
    with Store.open(cache) as store:
        assert "other version" in store.parsed("harbour").text


def test_the_store_file_is_plain_sqlite_with_the_documented_tables(mixed):
    db = sqlite3.connect(f"file:{mixed[2] / 'store.sqlite3'}?mode=ro", uri=True)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"meta", "files", "articles", "answers", "sections", "quotes", "entities", "mentions",
            "quote_words", "corpus_names"} <= tables
    hits = db.execute("SELECT q.article_id FROM quote_words JOIN quotes q ON q.rowid = quote_words.rowid "
                      "WHERE quote_words MATCH 'stands'").fetchall()
    assert {r[0] for r in hits} == {"many-quotes"}
    db.close()
