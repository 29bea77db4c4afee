"""The HTTP cache in front of the app: ETag, 304, gzip, HEAD, variants, bounds; never a wrong answer."""
from __future__ import annotations

import gzip
import json

import pytest
from fastapi.testclient import TestClient

from app.api.cache import HttpCache, LruStore, key_size
from app.api.representation import accepts_gzip, build, precondition
from app.main import create_app
from app.settings import PROJECT_ROOT, Settings
from conftest import BrokenStore

DATA = PROJECT_ROOT / "data" / "articles"
A = "/articles/vance-russia-concessions"
READS = ["/articles", A, A + "/text", A + "/sections", A + "/sections/1", A + "/quotes",
         A + "/quotes?speaker=Vance", A + "/speakers", A + "/entities", A + "/entities?type=PERSON",
         "/health", "/openapi.json", "/docs", "/redoc"]
IDENTITY = {"Accept-Encoding": "identity"}
GZIP = {"Accept-Encoding": "gzip"}


def cache_of(app) -> HttpCache:
    layer = app.middleware_stack
    while not isinstance(layer, HttpCache):
        layer = layer.app
    return layer


def raw(client: TestClient, path: str, method: str = "GET", **headers: str):
    """Status, headers and the bytes on the wire (httpx would otherwise decompress)."""
    with client.stream(method, path, headers=headers) as r:
        return r.status_code, r.headers, b"".join(r.iter_raw())


@pytest.fixture()
def fresh(store):
    """An app of our own: its cache starts empty and its size can be asserted."""
    app = create_app(Settings(articles_dir=DATA), store=store)
    with TestClient(app) as c:
        yield c, cache_of(app)


@pytest.mark.parametrize("path", READS)
def test_every_200_has_etag_cache_control_and_vary(client, path):
    for _ in range(2):  # a miss, then a hit
        status, headers, body = raw(client, path, **IDENTITY)
        assert status == 200
        assert headers["etag"].startswith('"') and headers["etag"].endswith('"')
        assert ("no-store" if path == "/health" else "max-age=") in headers["cache-control"]
        assert {"accept", "accept-encoding"} <= {v.strip().lower() for v in headers["vary"].split(",")}
        assert int(headers["content-length"]) == len(body)
        assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", [A + "/quotes", A + "/text", "/articles"])
def test_if_none_match_gives_304_without_body(client, path):
    etag = client.get(path, headers=IDENTITY).headers["etag"]
    for value in (etag, f'"nope", {etag}', "*", "W/" + etag):
        status, headers, body = raw(client, path, **IDENTITY, **{"If-None-Match": value})
        assert status == 304 and body == b""
        assert headers["etag"] == etag and "content-type" not in headers
    status, _, body = raw(client, path, **IDENTITY, **{"If-None-Match": '"something-else"'})
    assert status == 200 and body


def test_304_names_the_gzip_tag_for_a_gzip_client(client):
    etag = client.get(A + "/text", headers=GZIP).headers["etag"]
    assert etag != client.get(A + "/text", headers=IDENTITY).headers["etag"]
    status, headers, _ = raw(client, A + "/text", **GZIP, **{"If-None-Match": etag})
    assert status == 304 and headers["etag"] == etag


def test_gzip_when_asked_and_the_body_is_large(client):
    _, plain_headers, plain = raw(client, A + "/text", **IDENTITY)
    for accept in ("gzip", "deflate, gzip;q=0.8", "*", "br;q=1.0, gzip;q=0.5, *;q=0"):
        status, headers, body = raw(client, A + "/text", **{"Accept-Encoding": accept})
        assert status == 200 and headers["content-encoding"] == "gzip"
        assert int(headers["content-length"]) == len(body) < len(plain)
        assert gzip.decompress(body) == plain
        assert headers["content-type"] == plain_headers["content-type"]


@pytest.mark.parametrize("accept", ["identity", "gzip;q=0", "deflate", "*;q=0", "gzip;q=0, *"])
def test_no_gzip_when_refused(client, accept):
    status, headers, body = raw(client, A + "/text", **{"Accept-Encoding": accept})
    assert status == 200 and "content-encoding" not in headers
    assert json.loads(body) == client.get(A + "/text").json()


def test_no_gzip_for_a_small_body(client):
    status, headers, body = raw(client, "/health", **GZIP)
    assert status == 200 and len(body) < 1024 and "content-encoding" not in headers


def test_gzip_is_made_once_and_stored(fresh):
    client, cache = fresh
    raw(client, A + "/entities", **IDENTITY)
    (entry,) = cache.store.entries.values()
    assert entry.gzipped is not None
    _, _, body = raw(client, A + "/entities", **GZIP)
    assert body is not None and body == entry.gzipped.body


def test_cached_answers_are_the_apps_own_bytes(store):
    """Same status, headers and body with the cache off, on a miss and on a hit."""
    def answers(entries: int) -> list:
        app = create_app(Settings(articles_dir=DATA, http_cache_entries=entries), store=store)
        out = []
        with TestClient(app) as c:
            for path in READS:
                for enc in (IDENTITY, GZIP):
                    for _ in range(2):
                        status, headers, body = raw(c, path, **enc)
                        out.append((path, status, sorted(headers.multi_items()), body))
        return out

    uncached, cached = answers(0), answers(100)
    assert uncached == cached
    assert all(a == b for a, b in zip(cached[::2], cached[1::2]))  # hit == miss


def test_head_is_get_without_a_body(fresh):
    client, cache = fresh
    for path in (A, A + "/text", "/health"):
        h_status, h_headers, h_body = raw(client, path, "HEAD", **GZIP)  # cold: HEAD fills the cache
        g_status, g_headers, g_body = raw(client, path, **GZIP)
        assert h_status == g_status == 200 and h_body == b"" and g_body
        assert h_headers == g_headers
    assert raw(client, "/articles/nope", "HEAD")[0::2] == (404, b"")


def test_query_order_does_not_matter(fresh):
    client, cache = fresh
    a = client.get(A + "/quotes?speaker=Vance&section=lead")
    b = client.get(A + "/quotes?section=lead&speaker=Vance")
    assert a.status_code == b.status_code == 200 and a.content == b.content
    assert a.headers["etag"] == b.headers["etag"] and len(cache.store) == 1
    assert client.get("/articles?limit=1&offset=0").json() == client.get("/articles?offset=0&limit=1").json()
    assert len(cache.store) == 2


def test_query_key_is_the_declared_parameters_as_the_app_reads_them(fresh):
    _, cache = fresh
    quotes = A + "/quotes"
    key = cache._query_key
    # Repeats keep their order, so the last one still wins, as it does in the app.
    assert key(quotes, b"speaker=b&section=x&speaker=a") == (("section", "x"), ("speaker", "b"), ("speaker", "a"))
    assert key(quotes, b"speaker=a&&colour=blue&speaker") == (("speaker", "a"), ("speaker", ""))
    assert key(quotes, b"spe%61ker=J+D") == key(quotes, b"speaker=J%20D") == (("speaker", "J D"),)
    assert key(quotes, b"") == key(A, b"speaker=a") == key("/nowhere", b"limit=1") == ()
    assert key("/articles", b"offset=2&limit=1&x=" + b"y" * 1000) == (("limit", "1"), ("offset", "2"))


def test_an_encoded_parameter_name_is_still_the_parameter(fresh):
    client, _ = fresh
    everyone = client.get(A + "/quotes").json()["total"]
    first = client.get(A + "/speakers").json()["items"][0]
    encoded = client.get(A + "/quotes?spe%61ker=" + first["id"]).json()
    assert encoded["total"] == first["quote_count"] < everyone


def test_unknown_parameters_neither_split_nor_grow_the_cache(store):
    budget = 1  # MiB
    app = create_app(Settings(articles_dir=DATA, http_cache_mb=budget), store=store)
    with TestClient(app) as c:
        store = cache_of(app).store
        bare = c.get(A + "/speakers")
        for i in range(200):
            r = c.get(A + f"/speakers?foo{i}=" + "x" * 60_000)
            assert r.status_code == 200 and r.content == bare.content
        assert len(store) == 1 and store.bytes <= budget * 1024 * 1024


def test_declared_parameters_come_from_the_apps_routes(store):
    """A route added after the app is built keys on its own parameter: no hand-kept list."""
    app = create_app(Settings(articles_dir=DATA), store=store)

    @app.get("/echo")
    def echo(word: str = "none") -> dict:
        return {"word": word}

    with TestClient(app) as c:
        for _ in range(2):
            assert c.get("/echo?word=a").json() == {"word": "a"}
            assert c.get("/echo?word=b&colour=red").json() == {"word": "b"}
            assert c.get("/echo?colour=red").json() == {"word": "none"}
        assert len(cache_of(app).store) == 3


def test_declared_parameter_values_count_in_the_budget(store):
    """A long declared value makes its own entry, and its key is paid for within the budget."""
    budget = 1
    app = create_app(Settings(articles_dir=DATA, http_cache_mb=budget), store=store)
    with TestClient(app) as c:
        store = cache_of(app).store
        for i in range(300):
            assert c.get(A + "/quotes", params={"speaker": f"{i:04d}" + "z" * 196}).status_code == 200
        assert store.bytes <= budget * 1024 * 1024
        assert store.bytes == sum(key_size(k) + v.size for k, v in store.entries.items())


def test_accounted_bytes_cover_what_the_entries_really_hold():
    """tracemalloc's count of what a full store keeps is within what the store accounts for."""
    import gc
    import tracemalloc

    store = LruStore(max_entries=10_000, max_bytes=1 << 30)
    headers = [(b"content-type", b"application/json"), (b"x-content-type-options", b"nosniff")]
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(500):
        path = f"/articles/a{i}/quotes"
        body = json.dumps({"items": [{"text": "w" * (i % 50)} for _ in range(i % 40)]}).encode() * 3
        query = (("speaker", f"{i}" + "q" * (i * 7)), ("section", "lead")) if i % 2 else ()
        store.put((path, query, b""), build(200, list(headers), body))
    gc.collect()
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert held <= store.bytes <= 1.5 * held, (held, store.bytes)


def test_text_plain_is_its_own_variant(fresh):
    client, cache = fresh
    for _ in range(2):
        js = client.get(A + "/text")
        txt = client.get(A + "/text", headers={"Accept": "text/plain"})
        also_js = client.get(A + "/text", headers={"Accept": "text/plain;q=0.1, application/json"})
        assert js.headers["content-type"].startswith("application/json")
        assert txt.headers["content-type"].startswith("text/plain") and txt.text == js.json()["text"]
        assert also_js.content == js.content
        assert js.headers["etag"] != txt.headers["etag"]
    assert len(cache.store) == 2


def test_health_is_never_kept(fresh):
    client, cache = fresh
    for _ in range(3):
        assert client.get("/health").headers["cache-control"] == "no-store"
    assert len(cache.store) == 0


def test_stored_answers_keep_their_own_etag_and_gzip(fresh, store):
    client, cache = fresh
    answer = store.answer("vance-russia-concessions", "quotes")
    status, headers, body = raw(client, A + "/quotes", **GZIP)
    assert status == 200 and headers["content-encoding"] == "gzip" and body == answer.gzipped
    assert headers["etag"] == '"%s-gzip"' % answer.digest.decode()
    status, headers, body = raw(client, A + "/quotes", **IDENTITY)
    assert body == answer.body and headers["etag"] == '"%s"' % answer.digest.decode()


def test_the_cache_is_bounded_by_count(store):
    app = create_app(Settings(articles_dir=DATA, http_cache_entries=3), store=store)
    with TestClient(app) as c:
        for path in READS:
            assert c.get(path).status_code == 200
        assert len(cache_of(app).store) == 3


def test_the_cache_is_bounded_by_bytes():
    store = LruStore(max_entries=100, max_bytes=40_000)
    for i in range(20):
        store.put(("/p", (("i", str(i)),), b""), build(200, [(b"content-type", b"text/plain")], b"x" * 3000, False))
    assert store.bytes <= 40_000 and len(store) < 20
    assert store.get(("/p", (("i", "19"),), b"")) is not None and store.get(("/p", (("i", "0"),), b"")) is None
    store.put(("/big", (), b""), build(200, [], b"x" * 20_000, False))  # over a quarter: served, not kept
    assert store.get(("/big", (), b"")) is None


@pytest.mark.parametrize("path, status", [("/articles/nope", 404), (A + "/entities/nope", 404),
                                          ("/articles?limit=-1", 422), (A + "/entities?type=NOPE", 422)])
def test_errors_stay_problems_and_are_not_stored(fresh, path, status):
    client, cache = fresh
    for _ in range(2):
        r = client.get(path)
        assert r.status_code == status and r.headers["content-type"].startswith("application/problem+json")
        assert "etag" not in r.headers and r.headers["x-content-type-options"] == "nosniff"
    assert len(cache.store) == 0


def test_a_500_is_never_stored():
    app = create_app(Settings(articles_dir=DATA), store=BrokenStore())
    with TestClient(app, raise_server_exceptions=False) as c:
        for _ in range(2):
            assert c.get("/articles").status_code == 500
        assert len(cache_of(app).store) == 0


def test_docs_keep_their_csp_and_assets_are_not_stored(fresh):
    client, cache = fresh
    first, second = client.get("/docs"), client.get("/docs")
    assert second.headers["content-security-policy"] == first.headers["content-security-policy"]
    before = len(cache.store)
    assert client.get("/docs-assets/swagger-ui.css").status_code == 200
    assert len(cache.store) == before


def test_cors_answers_differ_by_origin_and_skip_the_store(store):
    app = create_app(Settings(articles_dir=DATA, cors_origins=["https://ok.example"]), store=store)
    with TestClient(app) as c:
        for _ in range(2):
            plain = c.get(A)
            ok = c.get(A, headers={"Origin": "https://ok.example"})
            evil = c.get(A, headers={"Origin": "https://evil.example"})
            assert "access-control-allow-origin" not in plain.headers
            assert ok.headers["access-control-allow-origin"] == "https://ok.example"
            assert "access-control-allow-origin" not in evil.headers
            assert "origin" in ok.headers["vary"].lower() and ok.headers["etag"] == plain.headers["etag"]
        assert len(cache_of(app).store) == 1
        status, _, body = raw(c, A, **{"Origin": "https://ok.example", "If-None-Match": plain.headers["etag"]})
        assert status == 304 and body == b""


def test_header_parsing():
    assert accepts_gzip(b"gzip") and accepts_gzip(b"GZIP;Q=0.3") and accepts_gzip(b"*")
    assert not accepts_gzip(b"gzip;q=0") and not accepts_gzip(b"") and not accepts_gzip(b"gzip;q=abc")
    assert not accepts_gzip(b"gzip;q=0, *")


@pytest.mark.parametrize("if_match, if_none_match, status", [
    (b"", b"", 200),
    (b"", b'"a", "b"', 304), (b"", b" * ", 304), (b"", b'W/"b"', 304), (b"", b'"ab"', 200),
    (b'"b"', b"", 200), (b'"a", "b"', b"", 200), (b"*", b"", 200), (b" ", b"", 200),
    (b'"a"', b"", 412), (b'W/"b"', b"", 412), (b'"b"', b'"b"', 304), (b'"a"', b'"b"', 412),
])
def test_preconditions_in_rfc_9110_order(if_match, if_none_match, status):
    assert precondition(if_match, if_none_match, b'"b"') == status


@pytest.mark.parametrize("path", [A, A + "/quotes", A + "/text", "/articles?limit=1", "/health"])
def test_if_match_that_matches_nothing_is_412(client, path):
    etag = client.get(path, headers=IDENTITY).headers["etag"]
    for value in ('"no-such-tag"', "W/" + etag, '"a", "b"'):
        for method in ("GET", "HEAD"):
            status, headers, body = raw(client, path, method, **IDENTITY, **{"If-Match": value})
            assert status == 412 and headers["content-type"].startswith("application/problem+json")
            assert headers["x-content-type-options"] == "nosniff" and "etag" not in headers
            assert (json.loads(body)["status"] == 412) if method == "GET" else body == b""
    for value in (etag, "*", f'"other", {etag}'):
        status, headers, body = raw(client, path, **IDENTITY, **{"If-Match": value})
        assert status == 200 and headers["etag"] == etag and body
    status, _, body = raw(client, path, **IDENTITY, **{"If-Match": etag, "If-None-Match": etag})
    assert status == 304 and body == b""


def test_if_match_on_a_static_asset(client):
    etag = client.get("/docs-assets/swagger-ui.css").headers["etag"]
    assert client.get("/docs-assets/swagger-ui.css", headers={"If-Match": etag}).status_code == 200
    for method in ("GET", "HEAD"):
        status, headers, body = raw(client, "/docs-assets/swagger-ui.css", method, **{"If-Match": '"x"'})
        assert status == 412 and headers["content-type"].startswith("application/problem+json")
        assert (json.loads(body)["status"] == 412) if method == "GET" else body == b""
    assert client.get("/docs-assets/nope.js", headers={"If-Match": '"x"'}).status_code == 404


def test_if_match_on_a_missing_resource_is_still_404(client):
    for value in ('"x"', "*"):
        r = client.get("/articles/nope", headers={"If-Match": value})
        assert r.status_code == 404 and r.headers["content-type"].startswith("application/problem+json")


def test_a_large_answer_built_per_request_is_hashed_and_compressed_off_the_event_loop(monkeypatch):
    """A filtered list of a huge article is not stored ready: its ETag and gzip are made in a thread."""
    import threading

    from starlette.applications import Starlette
    from starlette.responses import Response
    from starlette.routing import Route

    import app.api.cache as cache_module

    body = b'{"items":[' + b",".join(b'{"text":"%d"}' % i for i in range(60_000)) + b"]}"
    threads = {"loop": None, "build": None}
    real_build = cache_module.build

    def spy(*args, **kwargs):
        threads["build"] = threading.current_thread()
        return real_build(*args, **kwargs)

    async def big(request):
        threads["loop"] = threading.current_thread()  # an async endpoint runs on the event loop's thread
        return Response(body, media_type="application/json")

    monkeypatch.setattr(cache_module, "build", spy)
    with TestClient(HttpCache(Starlette(routes=[Route("/big", big)]))) as client:
        status, headers, sent = raw(client, "/big", **GZIP)
    assert status == 200 and gzip.decompress(sent) == body
    assert threads["build"] is not None and threads["build"] is not threads["loop"]
