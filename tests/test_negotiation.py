"""One content negotiation for the routes and the HTTP cache: the right variant, from the app or the cache."""
from __future__ import annotations

import pytest

from app.api.negotiation import (HTML, JSON, PAGE_OFFERS, PLAIN_TEXT, TEXT_OFFERS, cache_variant, choose,
                                 offers_for, quality)
from conftest import ARTICLE_ID
from test_http_cache import fresh  # noqa: F401 (a fixture: an app whose cache starts empty)

A = f"/articles/{ARTICLE_ID}"
CHROME = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
ACCEPTS = ["", "*/*", "application/json", CHROME, "text/html", "text/plain", "text/*", "text/html;q=0, */*",
           "application/json;q=0.5, */*", "text/plain;q=0.1, application/json", "text/html;q=0.9, application/json",
           "application/json, text/html", "TEXT/HTML", "text/html;level=1;q=0.7, application/json;q=0.6",
           "text/html;q=abc, application/json;q=0.1", "image/png", ",,;q=", "*/*;q=0"]


@pytest.mark.parametrize(("accept", "page", "text"), [
    ("", JSON, JSON),
    ("*/*", JSON, JSON),  # a tie goes to JSON
    ("application/json", JSON, JSON),
    (CHROME, HTML, JSON),  # JSON and text/plain tie at */*;q=0.8
    ("text/html", HTML, JSON),
    ("text/*", HTML, PLAIN_TEXT),
    ("text/plain", JSON, PLAIN_TEXT),
    ("text/html;q=0, */*", JSON, JSON),
    ("application/json;q=0.5, */*", HTML, PLAIN_TEXT),  # the specific range decides JSON's quality
    ("text/html;q=0.9, application/json", JSON, JSON),
    ("application/json;q=0.9, text/html", HTML, JSON),
    ("text/html;q=abc, application/json;q=0.1", JSON, JSON),  # a broken q is 0
    ("text/html;q=5, application/json", JSON, JSON),  # q is at most 1
    ("image/png", JSON, JSON),  # nothing offered is acceptable: JSON rather than a 406
    ("nonsense, ,;q=", JSON, JSON),
])
def test_choose(accept, page, text):
    assert choose(accept, PAGE_OFFERS) == page
    assert choose(accept, TEXT_OFFERS) == text


def test_quality_takes_the_most_specific_range():
    assert quality("text/*;q=0.3, text/html;q=0.7, */*;q=0.1", HTML) == 0.7
    assert quality("text/*;q=0.3, */*;q=0.9", HTML) == 0.3
    assert quality("*/*;q=0.2", JSON) == 0.2
    assert quality("", JSON) == 0.0


def test_which_paths_negotiate():
    assert offers_for("/articles") == PAGE_OFFERS and offers_for(A) == PAGE_OFFERS
    assert offers_for(A + "/text") == TEXT_OFFERS
    for path in ("/articles/", A + "/quotes", A + "/sections/text", "/health", "/text", "/docs", "/x/articles"):
        assert offers_for(path) is None, path
    assert cache_variant(A, CHROME.encode()) == b"text/html" and cache_variant(A, b"*/*") == b""
    assert cache_variant(A + "/quotes", CHROME.encode()) == b""  # one cache entry for every Accept


def test_route_and_cache_agree_on_every_variant(fresh):
    """Asked in turn with every Accept, twice: a cache keyed on the wrong variant would serve the wrong type."""
    client, cache = fresh
    for path, offers in (("/articles", PAGE_OFFERS), (A, PAGE_OFFERS), (A + "/text", TEXT_OFFERS)):
        bodies: dict[str, bytes] = {}
        for _ in range(2):
            for accept in ACCEPTS:
                r = client.get(path, headers={"Accept": accept} if accept else {})
                want = choose(accept, offers)
                assert r.headers["content-type"].split(";")[0] == want, (path, accept)
                assert "accept" in r.headers["vary"].lower()
                assert bodies.setdefault(want, r.content) == r.content, (path, accept)
        assert len(bodies) == 2
    assert len(cache.store) == 6  # two variants for each of the three paths


def test_each_variant_has_its_own_etag_and_head(fresh):
    client, _ = fresh
    page = client.get(A, headers={"Accept": CHROME})
    data = client.get(A)
    assert page.headers["etag"] != data.headers["etag"]
    assert client.get(A, headers={"Accept": CHROME, "If-None-Match": page.headers["etag"]}).status_code == 304
    assert client.get(A, headers={"If-None-Match": page.headers["etag"]}).status_code == 200
    head = client.head(A, headers={"Accept": CHROME})
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == page.headers["content-type"]
    assert head.headers["content-security-policy"] == page.headers["content-security-policy"]
    assert "content-security-policy" not in data.headers  # JSON answers are as before
