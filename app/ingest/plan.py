"""What an ingest has to do: the folder's listing against the files the store last saw.

A file whose fingerprint (size, times, inode) is what the store recorded, and
was recorded well after its last change, is trusted unchanged without being
read (as git trusts its index). Any other file is read and hashed: its bytes
decide. The comparison streams both sides in name order, so a warm start
over a large archive holds no per-file state.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from app.ingest.sources import Entry, Fingerprint
from app.ingest.versions import Versions
from app.store.schema import FileRow

# A file changed less than this long before it was read may change again within the same
# timestamp tick; it is read again at the next ingest rather than trusted.
RACY_NS = 2_000_000_000


@dataclass(frozen=True, slots=True)
class Work:
    """One file to act on: `read` (and maybe parse), `render` its stored parse, `skip` it, or `remove` it."""

    kind: str
    entry: Entry | None
    old: FileRow | None


def work(entries: list[Entry], old_rows: Iterable[FileRow], versions: Versions, stored_render: str | None) \
        -> Iterator[Work]:
    """Everything that differs between the listing and the store, in name order; the rest is unchanged."""
    listing = sorted(entries, key=lambda e: e.file)
    rows = iter(old_rows)
    old = next(rows, None)
    for entry in listing:
        while old is not None and old.name < entry.file:
            yield Work("remove", None, old)
            old = next(rows, None)
        mine = old if old is not None and old.name == entry.file else None
        if mine is not None:
            old = next(rows, None)
        item = _compare(entry, mine, versions, stored_render)
        if item is not None:
            yield item
    while old is not None:
        yield Work("remove", None, old)
        old = next(rows, None)


def _compare(entry: Entry, old: FileRow | None, versions: Versions, stored_render: str | None) -> Work | None:
    if entry.reason is not None:  # refused from the listing alone (a link, a FIFO, a bad name, a clash)
        same = old is not None and old.reason == entry.reason and old.article_id is None
        return None if same else Work("skip", entry, old)
    if old is None or not trusted(entry.fingerprint, old) or old.article_id != entry.article_id:
        return Work("read", entry, old)
    if old.parse_key != versions.parse_key(old.content_hash):
        return Work("read", entry, old)  # another parser or model: parse again
    if old.reason is None and stored_render != versions.render:
        return Work("render", entry, old)
    return None


def trusted(fingerprint: Fingerprint | None, old: FileRow) -> bool:
    """The file is as it was when the store read it, so its bytes need not be read again."""
    return (fingerprint is not None and old.content_hash is not None and old.read_at_ns is not None
            and fingerprint == old[4:9] and old.mtime_ns < old.read_at_ns - RACY_NS)  # size ... device
