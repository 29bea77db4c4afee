"""The id rule and per-byte decoding, as pure functions."""
from __future__ import annotations

import re

import pytest

from app import ids
from app.ingest.sources import Unreadable, article_text
from app.nlp.text import decode


@pytest.mark.parametrize("name, expected", [
    ("vance-russia-concessions.txt", "vance-russia-concessions"),
    ("UPPER.TXT", "upper"), ("Mixed.Txt", "mixed"), ("report.v2.txt", "report.v2"),
    ("Cafe\u0301.txt", "caf\u00e9"), ("Caf\u00e9.txt", "caf\u00e9"),  # NFD and NFC give one id
    ("\u043d\u043e\u0432\u043e\u0441\u0442\u0438.txt", "\u043d\u043e\u0432\u043e\u0441\u0442\u0438"),
    ("\u0928\u092e\u0938\u094d\u0924\u0947.txt", "\u0928\u092e\u0938\u094d\u0924\u0947"),  # combining marks
    ("a_b~c.txt", "a_b~c"),
])
def test_ids(name, expected):
    assert ids.article_id(name) == expected


@pytest.mark.parametrize("name, reason", [
    ("my file.txt", "U+0020"), ("a?b.txt", "'?'"), ("50%.txt", "'%'"), ("a#b.txt", "'#'"),
    (".hidden.txt", "hidden"), ("x" * 201 + ".txt", "longer than 200"), ("caf\udce9.txt", "UTF-8"),
])
def test_refused_names_say_why(name, reason):
    with pytest.raises(ids.RefusedName, match=re.escape(reason)):
        ids.article_id(name)


def test_requests_are_read_by_the_same_rule():
    assert ids.normalise("UPPER") == ids.article_id("upper.txt")
    assert ids.normalise("CAFE\u0301") == ids.article_id("caf\u00e9.txt")


def test_stray_windows_1252_bytes_do_not_turn_utf8_into_mojibake():
    raw = "The plan costs £40m and the café agreed. ".encode() + b"\x93Fine,\x94 she said \x96 twice."
    assert decode(raw) == "The plan costs £40m and the café agreed. \u201cFine,\u201d she said \u2013 twice."


def test_one_bad_byte_in_a_short_file_is_served():
    assert article_text(b"Short Note\nThe ferry leaves at noon \xff daily.\n").endswith("noon \u00ff daily.\n")


def test_utf16_with_bom_and_whole_legacy_files():
    assert decode("Harbour \u201cplan\u201d".encode("utf-16")) == "Harbour \u201cplan\u201d"
    greek = "\u039f \u03c0\u03c1\u03c9\u03b8\u03c5\u03c0\u03bf\u03c5\u03c1\u03b3\u03cc\u03c2 \u03b5\u03af\u03c0\u03b5 " \
            "\u03cc\u03c4\u03b9 \u03b7 \u03ba\u03c5\u03b2\u03ad\u03c1\u03bd\u03b7\u03c3\u03b7 \u03b8\u03b1 \u03b2\u03bf\u03b7\u03b8\u03ae\u03c3\u03b5\u03b9."
    assert decode(greek.encode("cp1253")) == greek
    smart = "\u201cWe\u2019re pleased,\u201d the mayor said. \u201cIt\u2019s the town\u2019s day.\u201d"
    assert decode(smart.encode("cp1252")) == smart


def test_binary_and_blank_are_refused():
    for raw, reason in ((b"\0" * 100, "binary"), (b"\n \n", "no text"), (bytes(range(1, 32)) * 20, "binary")):
        with pytest.raises(Unreadable, match=reason):
            article_text(raw)
