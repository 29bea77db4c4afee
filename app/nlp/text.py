"""Turning raw file contents into the one canonical text every offset points into."""
from __future__ import annotations

import codecs
import re
import threading
import unicodedata
from collections.abc import Iterable

# C0/C1 control characters other than tab and line breaks carry no text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
_WORD = re.compile(r"\w+(?:['’.-]\w+)*")


def _ranges(test, limit: int = 0x20000) -> str:
    """The code points passing `test`, as the inside of a regex character class."""
    parts, start = [], None
    for cp in range(limit + 1):
        if cp < limit and test(chr(cp)):
            start = cp if start is None else start
        elif start is not None:
            first, last = re.escape(chr(start)), re.escape(chr(cp - 1))
            parts.append(first if start == cp - 1 else f"{first}-{last}")
            start = None
    return "".join(parts)


# Every uppercase or titlecase letter (`Z`, `É`, `Ø`, `Ω`, `Ж`, `ǅ`), for regexes: the re module has no
# \p{Lu}, and `[A-Z]` misses `Émile`. Inside a class: f"[{UPPER_RANGES}0-9]". No cased letter lies past
# plane 1, hence the limit (which keeps the scan to ~15 ms, once per process).
UPPER_RANGES = _ranges(lambda c: c.isupper() or c.istitle())
UPPER = f"[{UPPER_RANGES}]"


def decode(raw: bytes) -> str:
    """Bytes to str: UTF-16 by its BOM; else UTF-8 wherever the bytes are UTF-8.

    A byte that is not part of a UTF-8 sequence is decoded on its own as
    Windows-1252 (a stray `\x93` is a left quotation mark), so one pasted
    character never turns the rest of the article into mojibake. Only a file
    with no UTF-8 sequence at all and many such bytes is treated as wholly in
    one legacy encoding, which charset-normalizer names (Cyrillic, Greek...).

    Raises UnicodeDecodeError when the bytes are not text in any encoding.
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    _stray.count = 0
    text = raw.decode("utf-8", errors=_STRAY_BYTES)
    stray = _stray.count
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    from_utf8 = non_ascii - stray  # each stray byte gave one character
    if from_utf8 == 0 and stray >= _LEGACY_MIN_BYTES:
        legacy = _legacy(raw)
        if legacy is not None:
            return legacy
    return text


# Windows-1252 leaves five bytes undefined: they become U+FFFD, a visible "unknown character".
_CP1252 = [bytes([b]).decode("cp1252", errors="replace") for b in range(256)]
_LEGACY_MIN_BYTES = 8
_stray = threading.local()  # bytes the error handler decoded in this thread's current decode()


def _decode_stray_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    bad = error.object[error.start:error.end]
    _stray.count += len(bad)
    return "".join(_CP1252[b] for b in bad), error.end


_STRAY_BYTES = "article-stray-bytes"
codecs.register_error(_STRAY_BYTES, _decode_stray_bytes)


def _legacy(raw: bytes) -> str | None:
    """The whole file in the single legacy encoding charset-normalizer finds, if it finds one."""
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    return None if best is None else str(best)


def normalize(text: str) -> str:
    """One paragraph a line, no blank lines, no edge spaces, no BOM, LF only.

    CRLF, a BOM, blank lines and trailing spaces must not change anything a
    client sees, so they are removed before any offset is computed.
    """
    text = text.replace("\ufeff", "")
    text = _CONTROL.sub("", text)
    lines = (squeeze(line) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def squeeze(text: str) -> str:
    """Every run of spaces one space, none at the edges: a name printed across double spaces."""
    return " ".join(text.split())


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def fold(text: str) -> str:
    """Lowercase, accents and punctuation gone, spaces collapsed: for comparing names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s]", " ", text).replace("_", " ")
    return squeeze(text)


def slugify(text: str) -> str:
    """A URL-safe id: lowercase words without accents joined by '-'; may be empty."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’.]", "", text)
    return "-".join(re.sub(r"[\W_]+", " ", text).split())


def unique_slug(base: str, used: set[str]) -> str:
    """`base`, or `base-2`, `base-3`, ...: the first not in `used`, which it joins."""
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    used.add(candidate)
    return candidate


def overlaps(ranges: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    """Does [start, end) share a character with any of the half-open `ranges`?"""
    return any(s < end and start < e for s, e in ranges)
