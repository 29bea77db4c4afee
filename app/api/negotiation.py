"""Content negotiation, in one place: the routes and the HTTP cache must agree on every answer's variant.

Three paths answer in more than one media type; JSON comes first in each list
of offers, so a client that states no preference (no Accept, `*/*`, Swagger's
`application/json`) always gets JSON, byte for byte as before.
"""
from __future__ import annotations

from functools import lru_cache

JSON = "application/json"
PLAIN_TEXT = "text/plain"
HTML = "text/html"

TEXT_OFFERS = (JSON, PLAIN_TEXT)  # /articles/{id}/text
PAGE_OFFERS = (JSON, HTML)  # /articles and /articles/{id}: the page for people, for a browser

MediaRange = tuple[str, str, float]  # type, subtype (either may be "*"), quality


@lru_cache(maxsize=512)  # a handful of distinct Accept headers come back on every request
def _ranges(accept: str) -> tuple[MediaRange, ...]:
    ranges = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        kind, slash, sub = fields[0].lower().partition("/")
        if not slash or not kind or not sub:
            continue
        quality = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    quality = 0.0
        ranges.append((kind, sub, quality))
    return tuple(ranges)


def quality(accept: str, media: str) -> float:
    """How much the client wants `media`: the q of the most specific range that names it (RFC 9110 12.5.1)."""
    kind, _, sub = media.partition("/")
    best_specificity, best_q = -1, 0.0
    for r_kind, r_sub, q in _ranges(accept):
        if r_kind == kind and r_sub == sub:
            specificity = 2
        elif r_kind == kind and r_sub == "*":
            specificity = 1
        elif r_kind == "*" and r_sub == "*":
            specificity = 0
        else:
            continue
        if specificity > best_specificity or (specificity == best_specificity and q > best_q):
            best_specificity, best_q = specificity, q
    return best_q


@lru_cache(maxsize=512)
def choose(accept: str, offers: tuple[str, ...]) -> str:
    """The offer the client ranks highest; the first offer on a tie, without Accept, or when none is acceptable."""
    if not accept:
        return offers[0]
    best, best_q = offers[0], quality(accept, offers[0])
    for offer in offers[1:]:
        q = quality(accept, offer)
        if q > best_q:
            best, best_q = offer, q
    return best


def offers_for(path: str) -> tuple[str, ...] | None:
    """The media types a path can answer in, when it has a choice; the routes' table for the cache."""
    parts = path.split("/")  # "/articles/x/text" -> ["", "articles", "x", "text"]
    if len(parts) < 2 or parts[0] or parts[1] != "articles":
        return None
    if len(parts) == 2 or (len(parts) == 3 and parts[2]):
        return PAGE_OFFERS
    if len(parts) == 4 and parts[2] and parts[3] == "text":
        return TEXT_OFFERS
    return None


@lru_cache(maxsize=512)
def _variants(accept: bytes) -> dict[tuple[str, ...], bytes]:
    """What this Accept chooses from each list of offers, as cache variants (empty for JSON)."""
    chosen = {offers: choose(accept.decode("latin-1"), offers) for offers in (PAGE_OFFERS, TEXT_OFFERS)}
    return {offers: b"" if media == offers[0] else media.encode() for offers, media in chosen.items()}


def cache_variant(path: str, accept: bytes) -> bytes:
    """The HTTP cache's Accept variant: empty for the first (JSON) offer, else the chosen media type.

    Called on every read, so the common case (an Accept that picks JSON everywhere) is one lookup.
    """
    if not accept:
        return b""
    variants = _variants(accept)
    if not any(variants.values()):
        return b""
    offers = offers_for(path)
    return variants[offers] if offers is not None else b""
