"""The articles folder, read safely: what it lists, and each file's bytes read once.

Nothing here follows a link or opens anything but a regular file inside the
folder: names are listed from the folder's own descriptor, a symbolic link or
a FIFO is refused from its directory entry, and a file is opened relative to
the folder with O_NOFOLLOW and O_NONBLOCK (a FIFO swapped in after the listing
never blocks) and checked with fstat before a byte is read. The bytes read are
the bytes hashed and the bytes parsed.
"""
from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from app import ids
from app.nlp.text import decode, normalize

_BINARY_CONTROL_RATIO = 0.05
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY
_READ_ATTEMPTS = 3


class FolderError(RuntimeError):
    """The articles folder itself cannot be read; the message says why, naming it."""


class Unreadable(ValueError):
    """This file cannot be served; the message is the reason listed in /health."""


class Fingerprint(NamedTuple):
    """What the file system says of a file: equal fingerprints mean the bytes need not be read again."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    device: int

    @classmethod
    def of(cls, st: os.stat_result) -> "Fingerprint":
        return cls(st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


@dataclass(slots=True)
class Entry:
    """One *.txt name in the folder, with its id, or the reason the listing alone refuses it."""

    name: str  # as the folder spells it (undecodable bytes kept as surrogates)
    article_id: str | None
    reason: str | None
    fingerprint: Fingerprint | None  # regular files only
    file: str = ""  # the name as shown in /health and stored

    def __post_init__(self) -> None:
        self.file = ids.display_name(self.name)


@dataclass(frozen=True, slots=True)
class Source:
    raw: bytes
    content_hash: str
    fingerprint: Fingerprint
    read_at_ns: int  # wall clock just before the read: a later change has an mtime at or after it


def open_folder(path: Path) -> int:
    """A descriptor of the articles folder, or FolderError saying precisely what is wrong."""
    try:
        return os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except FileNotFoundError:
        raise FolderError(f"articles folder {path} does not exist") from None
    except NotADirectoryError:
        raise FolderError(f"ARTICLES_DIR names a file, not a folder: {path}") from None
    except PermissionError:
        raise FolderError(f"articles folder {path} cannot be read (permission denied)") from None
    except OSError as exc:
        raise FolderError(f"articles folder {path} cannot be opened ({exc.strerror})") from None


def list_folder(folder_fd: int) -> list[Entry]:
    """Every *.txt entry (the extension in any case), in id order; clashing ids are refused together."""
    entries = []
    with os.scandir(folder_fd) as listing:
        for item in listing:
            if ids.is_article_file(item.name):
                entries.append(_entry(item))
    _refuse_clashes(entries)
    entries.sort(key=lambda e: (e.article_id or "", e.name))
    return entries


def _entry(item: os.DirEntry) -> Entry:
    try:
        st = item.stat(follow_symlinks=False)
    except OSError as exc:
        return Entry(item.name, None, f"cannot be read ({exc.strerror})", None)
    kind = _not_regular(st.st_mode)
    if kind:
        return Entry(item.name, None, kind, None)
    try:
        aid = ids.article_id(item.name)
    except ids.RefusedName as exc:
        return Entry(item.name, None, str(exc), Fingerprint.of(st))
    return Entry(item.name, aid, None, Fingerprint.of(st))


def _not_regular(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "a symbolic link: links are not followed (copy the file into the folder)"
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "not a regular file (a named pipe)"
    if stat.S_ISSOCK(mode):
        return "not a regular file (a socket)"
    return "not a regular file (a device)"


def _refuse_clashes(entries: list[Entry]) -> None:
    by_id: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.article_id is not None:
            by_id[entry.article_id].append(entry)
    for aid, same in by_id.items():
        if len(same) > 1:
            names = sorted(e.file for e in same)
            for entry in same:
                others = ", ".join(n for n in names if n != entry.file)
                entry.reason = (f"id clash: {others} also gives the id '{aid}' (ids ignore case and Unicode "
                                "form); rename one")
                entry.article_id = None


def read(folder_fd: int, name: str, max_bytes: int) -> Source:
    """The file's bytes, read once through one descriptor, with their hash and the fingerprint they match."""
    try:
        fd = os.open(name, _OPEN_FLAGS, dir_fd=folder_fd)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise Unreadable(_not_regular(stat.S_IFLNK)) from None
        raise Unreadable(f"cannot be read ({exc.strerror})") from None
    try:
        for _ in range(_READ_ATTEMPTS):
            before = os.fstat(fd)
            kind = _not_regular(before.st_mode)
            if kind:
                raise Unreadable(kind)
            if before.st_size > max_bytes:
                raise Unreadable(_too_big(before.st_size, max_bytes))
            read_at = time.time_ns()
            raw = _read_at_most(fd, max_bytes + 1)
            if len(raw) > max_bytes:
                raise Unreadable(_too_big(len(raw), max_bytes))
            after = os.fstat(fd)
            if Fingerprint.of(after) == Fingerprint.of(before) and len(raw) == after.st_size:
                return Source(raw, hashlib.sha256(raw).hexdigest(), Fingerprint.of(after), read_at)
        raise Unreadable("the file kept changing while it was read; it is read again at the next ingest")
    except OSError as exc:
        raise Unreadable(f"cannot be read ({exc.strerror})") from None
    finally:
        os.close(fd)


def _read_at_most(fd: int, limit: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    chunks, total = [], 0
    while total < limit:
        chunk = os.read(fd, min(1 << 20, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _too_big(size: int, max_bytes: int) -> str:
    return f"file is {size} bytes, more than the limit of {max_bytes} (MAX_ARTICLE_BYTES)"


def article_text(raw: bytes) -> str:
    """The article's text, or Unreadable saying why these bytes are not an article."""
    utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff"))  # NUL bytes are its text
    if not utf16 and raw.count(b"\0") > len(raw) * _BINARY_CONTROL_RATIO:
        raise Unreadable("binary content, not text")
    try:
        text = decode(raw)
    except UnicodeDecodeError:
        raise Unreadable("not text in any known encoding") from None
    controls = len(_CONTROLS.findall(text))
    if controls > len(text) * _BINARY_CONTROL_RATIO:
        raise Unreadable("binary content, not text")
    if not normalize(text):
        raise Unreadable("no text (empty or blank lines only)")
    return text


def read_path(path: Path, max_bytes: int) -> tuple[str, str]:
    """(id, text) of one file named on the command line, for `python -m app parse`.

    A link named there is the user's own choice, so it is followed, but only to a regular file.
    Unreadable (or ids.RefusedName) says why the file cannot be parsed.
    """
    aid = ids.article_id(path.name)
    target = path.resolve() if path.is_symlink() else path
    folder_fd = open_folder(target.parent)
    try:
        source = read(folder_fd, target.name, max_bytes)
    finally:
        os.close(folder_fd)
    return aid, article_text(source.raw)
