"""The article id rule, in one place: a file name becomes an id, and a requested id is read the same way.

An id is the file's name without its `.txt` extension (matched in any case),
in Unicode NFC and lower case. It may hold letters, marks and digits of any
script and `-`, `_`, `.`, `~` (what a URL path segment carries unescaped, or
percent-encoded as UTF-8 beyond ASCII), at most MAX_ID_LENGTH characters, and
may not start with `.` (hidden files). So `Report.TXT` is served as `report`,
and `Case.txt` beside `case.txt` is a clash: neither is served, both are
listed with the reason.
"""
from __future__ import annotations

import re
import unicodedata

EXTENSION = ".txt"
MAX_ID_LENGTH = 200
_PUNCTUATION = frozenset("-_.~")
_WORD_CATEGORIES = ("L", "M", "N")  # letters, combining marks, digits
_PLAIN = re.compile(r"[A-Za-z0-9_~-][A-Za-z0-9_.~-]*")  # the common case, decided without Unicode tables


class RefusedName(ValueError):
    """The file name cannot be an article id; the message says why, for /health."""


def is_article_file(name: str) -> bool:
    return len(name) > len(EXTENSION) and name[-len(EXTENSION):].lower() == EXTENSION


def display_name(name: str) -> str:
    """A file name as text that can be shown and sent as JSON: a byte that is not UTF-8 is written `\\xe9`,
    so two such names stay two."""
    if name.isascii():
        return name
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def article_id(file_name: str) -> str:
    """The id of an article file, or RefusedName saying why the name cannot be one."""
    if not is_article_file(file_name):
        raise RefusedName(f"not a {EXTENSION} file")
    stem = file_name[:-len(EXTENSION)]
    if len(stem) <= MAX_ID_LENGTH and _PLAIN.fullmatch(stem):
        return stem.lower()
    try:
        stem.encode("utf-8")
    except UnicodeEncodeError:
        raise RefusedName("file name is not valid UTF-8") from None
    if stem.startswith("."):
        raise RefusedName("hidden file (name starts with '.')")
    aid = normalise(stem)
    if len(aid) > MAX_ID_LENGTH:
        raise RefusedName(f"file name longer than {MAX_ID_LENGTH} characters, too long for an id")
    bad = sorted({c for c in aid if not _allowed(c)})
    if bad:
        shown = " ".join(repr(c) if c.isprintable() and not c.isspace() else f"U+{ord(c):04X}" for c in bad[:5])
        raise RefusedName(f"file name has characters an id cannot hold ({shown}); ids use letters, digits, "
                          "'-', '_', '.' and '~'")
    return aid


def normalise(text: str) -> str:
    """Lower case, then NFC: how a file's stem and a requested id are both read."""
    return unicodedata.normalize("NFC", text.lower())


def _allowed(char: str) -> bool:
    return char in _PUNCTUATION or unicodedata.category(char).startswith(_WORD_CATEGORIES)
