"""Serve repeated reads from memory: the data is read-only, so every answer is encoded once.

A pure-ASGI layer, outermost in the app's middleware stack. A GET or HEAD is
looked up by (path, query with its parameters sorted by name, Accept variant);
on a miss the app answers a GET, the whole answer is buffered and, when it is
a 200, turned into a ready-to-send Representation (ETag, Cache-Control, Vary,
gzip made once) that later requests get without entering the framework.
Everything else (other statuses, other methods, excluded prefixes) passes
through untouched, and no 5xx is ever stored.

The cache is a bounded LRU, by entry count and by bytes. When the app answers
CORS, requests carrying an Origin skip the store (their answers differ by
origin) but still get ETag, 304 and gzip.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from functools import partial

import anyio.to_thread
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.representation import PRECOMPUTED_KEY, Representation, accepts_gzip, build, none_match

READ_METHODS = ("GET", "HEAD")
# A body this large is hashed and compressed in a worker thread, so small requests never wait behind it.
OFF_LOOP_BYTES = 256 * 1024
EMPTY_BODY = {"type": "http.response.body", "body": b""}

Variant = Callable[[str, bytes], bytes]
Key = tuple[str, bytes, bytes]


def _no_variant(path: str, accept: bytes) -> bytes:
    return b""


class HttpCache:
    """ETag/304/gzip on every 200 read, and a bounded in-memory cache in front of the app."""

    def __init__(self, app: ASGIApp, *, max_entries: int = 4096, max_bytes: int = 16 * 1024 * 1024,
                 variant: Variant = _no_variant, skip_prefixes: tuple[str, ...] = (),
                 bypass_with_origin: bool = False):
        self.app = app
        self.store = LruStore(max_entries, max_bytes)
        self.variant = variant
        self.skip_prefixes = skip_prefixes
        self.bypass_with_origin = bypass_with_origin

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in READ_METHODS \
                or scope["path"].startswith(self.skip_prefixes):
            await self.app(scope, receive, send)
            return
        accept = accept_encoding = if_none_match = b""
        origin = False
        for name, value in scope["headers"]:
            if name == b"accept":
                accept = value
            elif name == b"accept-encoding":
                accept_encoding = value
            elif name == b"if-none-match":
                if_none_match = value
            elif name == b"origin":
                origin = True
        path = scope["path"]
        key = (path, normalise_query(scope["query_string"]), self.variant(path, accept))
        use_store = self.store.enabled and not (origin and self.bypass_with_origin)
        found = self.store.get(key) if use_store else None
        if found is None:
            found = await self._fill(scope, receive, send, compress=use_store or accepts_gzip(accept_encoding))
            if found is None:
                return  # not a 200: already answered as the app did
            if use_store and found.storable:
                self.store.put(key, found)
        chosen = found.gzipped if found.gzipped is not None and accept_encoding \
            and accepts_gzip(accept_encoding) else found.identity
        if if_none_match and none_match(if_none_match, chosen.etag):
            await send(chosen.not_modified)
            await send(EMPTY_BODY)
        elif scope["method"] == "HEAD":
            await send(chosen.start)
            await send(EMPTY_BODY)
        else:
            await send(chosen.start)
            await send({"type": "http.response.body", "body": chosen.body})

    async def _fill(self, scope: Scope, receive: Receive, send: Send, compress: bool) -> Representation | None:
        """Ask the app for the GET answer; a 200 comes back built, anything else is relayed as is."""
        start: Message | None = None
        chunks: list[bytes] = []

        async def buffer(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app({**scope, "method": "GET"}, receive, buffer)
        if start is None:
            return None
        body = b"".join(chunks)
        if start["status"] == 200:
            made = partial(build, 200, list(start.get("headers", [])), body, compress, start.get(PRECOMPUTED_KEY))
            if len(body) >= OFF_LOOP_BYTES and start.get(PRECOMPUTED_KEY) is None:
                return await anyio.to_thread.run_sync(made)  # hashing and gzip of megabytes: not on the loop
            return made()
        await send(start)
        await send(EMPTY_BODY if scope["method"] == "HEAD" else {"type": "http.response.body", "body": body})
        return None


def normalise_query(query: bytes) -> bytes:
    """Parameters sorted by name (repeats keep their order, so the last one still wins); empty ones dropped."""
    if not query:
        return b""
    parts = [p for p in query.split(b"&") if p]
    if len(parts) < 2:
        return parts[0] if parts else b""
    return b"&".join(sorted(parts, key=lambda p: p.partition(b"=")[0]))


class LruStore:
    """Least recently used entries go first once either bound is passed."""

    def __init__(self, max_entries: int, max_bytes: int):
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.bytes = 0
        self.entries: OrderedDict[Key, Representation] = OrderedDict()

    @property
    def enabled(self) -> bool:
        return self.max_entries > 0 and self.max_bytes > 0

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, key: Key) -> Representation | None:
        found = self.entries.get(key)
        if found is not None:
            self.entries.move_to_end(key)
        return found

    def put(self, key: Key, value: Representation) -> None:
        if value.size > self.max_bytes // 4:
            return  # one huge answer must not flush everything else
        old = self.entries.pop(key, None)
        if old is not None:
            self.bytes -= old.size
        self.entries[key] = value
        self.bytes += value.size
        while len(self.entries) > self.max_entries or self.bytes > self.max_bytes:
            _, evicted = self.entries.popitem(last=False)
            self.bytes -= evicted.size
