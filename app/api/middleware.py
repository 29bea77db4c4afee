"""Small pure-ASGI layers: security headers, and CORS for reads only (HEAD itself is app/api/cache.py's)."""
from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

SECURITY_HEADERS = [(b"x-content-type-options", b"nosniff")]
READ_METHODS = ("GET", "HEAD")  # all this API answers; the rest get 405


def _headers(message: Message) -> list[tuple[bytes, bytes]]:
    return list(message.get("headers", []))


class SecurityHeaders:
    """`X-Content-Type-Options: nosniff` on every answer (the docs pages add their own CSP)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in _headers(message)}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": [*_headers(message), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class ReadOnlyCors:
    """CORS for GET and HEAD from the configured origins, nothing else.

    Starlette's CORSMiddleware answers a refused preflight with a plain-text 400;
    here a refused preflight simply reaches the app, which answers `405`
    problem+json like any other method, and a refused origin gets no CORS headers.
    """

    def __init__(self, app: ASGIApp, origins: list[str]):
        self.app = app
        self.any = "*" in origins
        self.origins = {o.rstrip("/") for o in origins}

    def _allowed(self, origin: str) -> bool:
        return self.any or origin in self.origins

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        origin = request.get("origin", "")
        allow_origin = (b"*" if self.any else origin.encode("latin-1")) if self._allowed(origin) else None
        wanted = request.get("access-control-request-method", "").upper()
        if scope["method"] == "OPTIONS" and allow_origin and wanted in READ_METHODS:
            await self._preflight(send, allow_origin, request.get("access-control-request-headers", ""))
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = _vary_origin(_headers(message))
                if allow_origin and scope["method"] in READ_METHODS:
                    headers.append((b"access-control-allow-origin", allow_origin))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_cors)

    @staticmethod
    async def _preflight(send: Send, allow_origin: bytes, asked_headers: str) -> None:
        headers = [(b"access-control-allow-origin", allow_origin),
                   (b"access-control-allow-methods", b"GET, HEAD"),
                   (b"access-control-max-age", b"600"),
                   (b"vary", b"Origin"),
                   (b"content-length", b"0")]
        if asked_headers:
            headers.append((b"access-control-allow-headers", asked_headers[:1000].encode("latin-1")))
        await send({"type": "http.response.start", "status": 204, "headers": headers})
        await send({"type": "http.response.body", "body": b""})


def _vary_origin(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """Add Origin to Vary (answers differ by origin), keeping what is already there."""
    for i, (name, value) in enumerate(headers):
        if name.lower() == b"vary":
            if b"origin" not in value.lower():
                headers[i] = (name, value + b", Origin")
            return headers
    return [*headers, (b"vary", b"Origin")]
