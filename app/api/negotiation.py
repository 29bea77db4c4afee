"""Content negotiation for /text, in one place: the route and the HTTP cache must agree on it."""
from __future__ import annotations


def prefers_plain_text(accept: str) -> bool:
    """text/plain when the client ranks it above JSON (q-values respected)."""
    def quality(media: str) -> float:
        best = 0.0
        for part in accept.split(","):
            fields = [f.strip() for f in part.split(";")]
            if fields[0].lower() in (media, media.split("/")[0] + "/*", "*/*"):
                q = next((f[2:] for f in fields[1:] if f.startswith("q=")), "1")
                try:
                    weight = float(q)
                except ValueError:
                    weight = 0.0
                if fields[0].lower() == media:
                    weight += 0.001  # an exact match beats a wildcard
                best = max(best, weight)
        return best

    return quality("text/plain") > quality("application/json")


def text_variant(path: str, accept: bytes) -> bytes:
    """The cache's Accept variant: only /articles/{id}/text answers differently by Accept.

    Any other path ending in /text merely gets split into two cache entries, which is harmless.
    """
    if not path.endswith("/text") or not accept:
        return b""
    return b"plain" if prefers_plain_text(accept.decode("latin-1")) else b""
