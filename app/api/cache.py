"""Serve repeated reads from memory: the data is read-only, so every answer is encoded once.

A pure-ASGI layer, outermost in the app's middleware stack, and the one place
that handles HEAD and conditional requests. A GET or HEAD is looked up by
(path, the query parameters its route declares, Accept variant); on a miss the
app answers a GET, the whole answer is buffered and, when it is a 200, turned
into a ready-to-send Representation (ETag, Cache-Control, Vary, gzip made once)
that later requests get without entering the framework. Other statuses are
relayed as the app made them (HEAD without a body) and never stored; other
methods and excluded prefixes pass through untouched.

The cache is a bounded LRU, by entry count and by bytes, where the bytes are
everything an entry keeps: its key, bodies and headers. Query parameters no
route declares are left out of the key (the app ignores them), so they can
neither split nor grow the cache. When the app answers CORS, requests carrying
an Origin skip the store (their answers differ by origin) but still get ETag,
304/412 and gzip.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from functools import partial
from operator import itemgetter
from urllib.parse import parse_qsl

import anyio.to_thread
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.errors import problem
from app.api.middleware import READ_METHODS, SECURITY_HEADERS
from app.api.representation import PRECOMPUTED_KEY, Representation, accepts_gzip, build, precondition

# A body this large is hashed and compressed in a worker thread, so small requests never wait behind it.
OFF_LOOP_BYTES = 256 * 1024
EMPTY_BODY = {"type": "http.response.body", "body": b""}

Variant = Callable[[str, bytes], bytes]
DeclaredParams = Callable[[str], frozenset[str]]
QueryKey = tuple[tuple[str, str], ...]
Key = tuple[str, QueryKey, bytes]


def _no_variant(path: str, accept: bytes) -> bytes:
    return b""


def _no_params(path: str) -> frozenset[str]:
    return frozenset()


def _precondition_failed() -> tuple[Message, Message]:
    response = problem(412, "No current representation matches If-Match")
    start = {"type": "http.response.start", "status": 412, "headers": [*response.raw_headers, *SECURITY_HEADERS]}
    return start, {"type": "http.response.body", "body": response.body}


PRECONDITION_FAILED = _precondition_failed()


class HttpCache:
    """HEAD, ETag/304/412 and gzip on every 200 read, and a bounded in-memory cache in front of the app."""

    def __init__(self, app: ASGIApp, *, max_entries: int = 4096, max_bytes: int = 16 * 1024 * 1024,
                 variant: Variant = _no_variant, declared_params: DeclaredParams = _no_params,
                 skip_prefixes: tuple[str, ...] = (), bypass_with_origin: bool = False):
        self.app = app
        self.store = LruStore(max_entries, max_bytes)
        self.variant = variant
        self.declared_params = declared_params
        self.skip_prefixes = skip_prefixes
        self.bypass_with_origin = bypass_with_origin

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in READ_METHODS:
            await self.app(scope, receive, send)
            return
        if scope["path"].startswith(self.skip_prefixes):
            await self.app(scope, receive, self._if_match_checked(scope, send))
            return
        accept = accept_encoding = if_match = if_none_match = b""
        origin = False
        for name, value in scope["headers"]:
            if name == b"accept":
                accept = value
            elif name == b"accept-encoding":
                accept_encoding = value
            elif name == b"if-none-match":
                if_none_match = b", ".join(filter(None, (if_none_match, value)))
            elif name == b"if-match":
                if_match = b", ".join(filter(None, (if_match, value)))
            elif name == b"origin":
                origin = True
        path = scope["path"]
        head = scope["method"] == "HEAD"
        key = (path, self._query_key(path, scope["query_string"]), self.variant(path, accept))
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
        status = precondition(if_match, if_none_match, chosen.etag) if if_match or if_none_match else 200
        if status == 412:
            start, body = PRECONDITION_FAILED
        elif status == 304:
            start, body = chosen.not_modified, EMPTY_BODY
        else:
            start, body = chosen.start, {"type": "http.response.body", "body": chosen.body}
        await send(start)
        await send(EMPTY_BODY if head else body)

    @staticmethod
    def _if_match_checked(scope: Scope, send: Send) -> Send:
        """For answers this layer does not build (static assets): If-Match still gets its 412."""
        if_match = b", ".join(v for k, v in scope["headers"] if k == b"if-match")
        if not if_match:
            return send
        failed = False

        async def checked(message: Message) -> None:
            nonlocal failed
            if message["type"] == "http.response.start" and message["status"] == 200:
                etag = next((v for k, v in message.get("headers", []) if k.lower() == b"etag"), b"")
                failed = precondition(if_match, b"", etag) == 412
                if failed:
                    start, body = PRECONDITION_FAILED
                    await send(start)
                    await send(EMPTY_BODY if scope["method"] == "HEAD" else body)
            if not failed:
                await send(message)

        return checked

    def _query_key(self, path: str, query: bytes) -> QueryKey:
        """The declared parameters as the app reads them (decoded, repeats kept in order), sorted by name."""
        if not query:
            return ()
        declared = self.declared_params(path)
        if not declared:
            return ()
        text = query.decode("latin-1")
        if "%" in text or "+" in text:
            pairs = [kv for kv in parse_qsl(text, keep_blank_values=True) if kv[0] in declared]
        else:  # nothing to decode: the same pairs parse_qsl would give, without its cost
            pairs = [(k, v) for k, _, v in (p.partition("=") for p in text.split("&")) if k in declared]
        if len(pairs) > 1:
            pairs.sort(key=itemgetter(0))  # a stable sort: the last repeat still wins
        return tuple(pairs)

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


_KEY_OVERHEAD = 192  # the key's tuple, its path and variant objects
_PAIR_OVERHEAD = 192  # one query pair: its tuple and two strings


def key_size(key: Key) -> int:
    """Bytes a key keeps alive, counted in the store's budget like the answer's own."""
    path, query, variant = key
    return (_KEY_OVERHEAD + _str_size(path) + len(variant)
            + sum(_PAIR_OVERHEAD + _str_size(k) + _str_size(v) for k, v in query))


def _str_size(text: str) -> int:
    return len(text) * (1 if text.isascii() else 4)  # a str of any non-ASCII may take 4 bytes a character


class LruStore:
    """Least recently used entries go first once either bound is passed; keys count in the bytes."""

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
        size = key_size(key) + value.size
        if size > self.max_bytes // 4:
            return  # one huge answer must not flush everything else
        self.discard(key)
        self.entries[key] = value
        self.bytes += size
        while len(self.entries) > self.max_entries or self.bytes > self.max_bytes:
            self.discard(next(iter(self.entries)))

    def discard(self, key: Key) -> None:
        old = self.entries.pop(key, None)
        if old is not None:
            self.bytes -= key_size(key) + old.size
