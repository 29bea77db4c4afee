"""A 200 answer made ready to send again and again: ETag, Cache-Control, Vary and gzip, computed once.

Pure functions over bytes and header lists; the ASGI layer that uses them is app/api/cache.py.
"""
from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from functools import lru_cache

# The data only changes when the server restarts on other articles; five minutes of
# client-side freshness, then a cheap If-None-Match revalidation (304).
CACHE_CONTROL = b"public, max-age=300"
VARY = (b"Accept", b"Accept-Encoding")
GZIP_MIN_BYTES = 1024
GZIP_LEVEL = 6
# Headers this layer owns; whatever the app set for them is replaced.
_OWNED = {b"content-length", b"etag", b"vary", b"content-encoding"}
# Representation metadata a 304 leaves out (RFC 9110 15.4.5).
_NOT_IN_304 = {b"content-type", b"content-length", b"content-encoding", b"content-language",
               b"content-range", b"last-modified"}
# What Python spends beyond the bytes held: per variant (the Variant, its two message dicts and header
# lists), per header tuple, per entry (the Representation, its LRU node). tests/test_http_cache.py checks
# the sum against tracemalloc: never below what is really held.
_VARIANT_OVERHEAD = 512
_HEADER_OVERHEAD = 64
_ENTRY_OVERHEAD = 256
_COMPRESSIBLE = (b"application/json", b"application/problem+json", b"text/", b"application/javascript")

Headers = list[tuple[bytes, bytes]]


@dataclass(slots=True)
class Variant:
    """One content coding of an answer: the start message, the body and the 304 start message."""

    etag: bytes
    start: dict
    body: bytes
    not_modified: dict


@dataclass(slots=True)
class Representation:
    identity: Variant
    gzipped: Variant | None
    size: int  # bytes held, for the cache's budget
    storable: bool  # false when the app said no-store or private


@dataclass(frozen=True, slots=True)
class Precomputed:
    """An answer's digest and gzip coding made ahead of time (kept in the store with its body).

    The app passes it in its `http.response.start` message under PRECOMPUTED_KEY, so a large
    stored answer is never hashed or compressed again on the event loop.
    """

    digest: bytes
    gzipped: bytes | None


PRECOMPUTED_KEY = "article_api.precomputed"


def digest(body: bytes) -> bytes:
    return hashlib.blake2b(body, digest_size=16).hexdigest().encode()


def gzip_coding(body: bytes, content_type: bytes) -> bytes | None:
    """The gzip coding of a body when it is worth sending: compressible, large enough, and smaller."""
    if len(body) < GZIP_MIN_BYTES or not content_type.lower().startswith(_COMPRESSIBLE):
        return None
    packed = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)  # mtime=0: same bytes every time
    return packed if len(packed) < len(body) else None


def build(status: int, headers: Headers, body: bytes, compress: bool = True,
          precomputed: Precomputed | None = None) -> Representation:
    """Everything needed to answer a GET, HEAD or conditional GET for this 200 without the app.

    `compress=False` skips the gzip coding (for an answer used once by a client that does not want it).
    """
    base = [(k, v) for k, v in headers if k.lower() not in _OWNED]
    vary = _merge_vary([v for k, v in headers if k.lower() == b"vary"])
    cache_control = next((v for k, v in headers if k.lower() == b"cache-control"), None)
    if cache_control is None:
        base.append((b"cache-control", CACHE_CONTROL))
        cache_control = CACHE_CONTROL
    already_encoded = any(k.lower() == b"content-encoding" and v.lower() != b"identity" for k, v in headers)
    tag = precomputed.digest if precomputed else digest(body)
    identity = _variant(status, base, vary, body, b'"' + tag + b'"', None)
    gzipped = None
    if precomputed:
        packed = precomputed.gzipped if not already_encoded else None
    else:
        packed = gzip_coding(body, _content_type(headers)) if compress and not already_encoded else None
    if packed is not None:
        # A strong ETag names exact bytes, so the gzip coding gets its own tag (RFC 9110 8.8.3).
        gzipped = _variant(status, base, vary, packed, b'"' + tag + b'-gzip"', b"gzip")
    size = _ENTRY_OVERHEAD + _held(identity) + (_held(gzipped) if gzipped else 0)
    cc = cache_control.lower()
    return Representation(identity, gzipped, size, storable=b"no-store" not in cc and b"private" not in cc)


def _variant(status: int, base: Headers, vary: bytes, body: bytes, etag: bytes, coding: bytes | None) -> Variant:
    headers = [*base, (b"etag", etag), (b"vary", vary)]
    if coding:
        headers.append((b"content-encoding", coding))
    not_modified = [(k, v) for k, v in headers if k.lower() not in _NOT_IN_304]
    headers.append((b"content-length", str(len(body)).encode()))
    return Variant(etag=etag, body=body,
                   start={"type": "http.response.start", "status": status, "headers": headers},
                   not_modified={"type": "http.response.start", "status": 304, "headers": not_modified})


def _held(variant: Variant) -> int:
    """Every byte a variant keeps alive: its body, each header of both messages, and Python's overhead."""
    headers = [*variant.start["headers"], *variant.not_modified["headers"]]
    return (_VARIANT_OVERHEAD + len(variant.body)
            + sum(_HEADER_OVERHEAD + len(k) + len(v) for k, v in headers))


def _merge_vary(values: list[bytes]) -> bytes:
    """The app's Vary (e.g. Origin under CORS) plus Accept and Accept-Encoding, each once."""
    names: list[bytes] = []
    for value in [*values, b", ".join(VARY)]:
        for name in value.split(b","):
            name = name.strip()
            if name and name.lower() not in {n.lower() for n in names}:
                names.append(name)
    return b", ".join(names)


def _content_type(headers: Headers) -> bytes:
    return next((v for k, v in headers if k.lower() == b"content-type"), b"")


@lru_cache(maxsize=256)
def accepts_gzip(accept_encoding: bytes) -> bool:
    """Whether Accept-Encoding allows gzip: named (or `*`) with a q-value above 0."""
    gzip_q = star_q = None
    for part in accept_encoding.split(b","):
        token, _, params = part.partition(b";")
        token = token.strip().lower()
        q = 1.0
        for param in params.split(b";"):
            name, _, value = param.partition(b"=")
            if name.strip().lower() == b"q":
                try:
                    q = float(value.strip())
                except ValueError:
                    q = 0.0
        if token in (b"gzip", b"x-gzip"):
            gzip_q = q if gzip_q is None else max(gzip_q, q)
        elif token == b"*":
            star_q = q
    q = gzip_q if gzip_q is not None else star_q
    return q is not None and q > 0


def precondition(if_match: bytes, if_none_match: bytes, etag: bytes) -> int:
    """RFC 9110 13.2.2 for a GET or HEAD of an existing representation: 412, 304 or 200.

    If-Match is evaluated first, with strong comparison (a weak tag never matches);
    If-None-Match then with weak comparison. `*` matches any current representation.
    An empty header is treated as absent.
    """
    if if_match.strip() and not _listed(if_match, etag, weak=False):
        return 412
    if if_none_match.strip() and _listed(if_none_match, etag, weak=True):
        return 304
    return 200


def _listed(header: bytes, etag: bytes, weak: bool) -> bool:
    """Whether `*` or one of the header's entity tags equals ours (RFC 9110 8.8.3.2)."""
    value = header.strip()
    if value == b"*":
        return True
    for tag in value.split(b","):
        tag = tag.strip()
        if tag.startswith(b"W/"):
            if not weak:
                continue
            tag = tag[2:]
        if tag == etag:
            return True
    return False
