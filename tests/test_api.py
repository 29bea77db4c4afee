"""Every endpoint through httpx against the real app and the real article."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from conftest import ARTICLE_ID, DATA, BrokenStore

A = f"/articles/{ARTICLE_ID}"
GET_PATHS = ["/articles", A, A + "/text", A + "/sections", A + "/sections/lead", A + "/sections/0",
             A + "/quotes", A + "/speakers", A + "/entities", "/health", "/openapi.json", "/docs", "/redoc"]


def is_problem(r, status: int) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert {"type", "title", "status", "detail"} <= body.keys() and body["status"] == status
    return body


def test_list_articles(client, library):
    body = client.get("/articles").json()
    assert body["total"] == len(library.articles) and body["limit"] == 20 and body["offset"] == 0
    assert [i["id"] for i in body["items"]] == sorted(library.articles)[:20]
    item = next(i for i in body["items"] if i["id"] == ARTICLE_ID)
    assert {"title", "author", "publisher", "word_count", "section_count", "quote_count", "entity_count"} <= item.keys()


@pytest.mark.parametrize("limit", [1, 7, 100])
def test_paging_limits_accepted(client, library, limit):
    body = client.get("/articles", params={"limit": limit}).json()
    assert body["limit"] == limit and len(body["items"]) == min(limit, len(library.articles))


def test_pages_cover_every_article_once(client, library):
    ids = []
    for offset in range(0, len(library.articles), 7):
        ids += [i["id"] for i in client.get("/articles", params={"limit": 7, "offset": offset}).json()["items"]]
    assert ids == sorted(library.articles)


def test_offset_past_the_end_is_an_empty_page(client, library):
    total = len(library.articles)
    body = client.get("/articles", params={"offset": total + 5}).json()
    assert body == {"items": [], "total": total, "limit": 20, "offset": total + 5}


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 101}, {"limit": "abc"}, {"offset": -1},
                                    {"offset": "1.5"}])
def test_bad_paging_is_422_with_errors(client, params):
    body = is_problem(client.get("/articles", params=params), 422)
    assert body["errors"] and body["errors"][0]["loc"][0] == "query"


def test_unknown_query_parameters_are_ignored(client):
    assert client.get("/articles", params={"colour": "blue"}).json() == client.get("/articles").json()


def test_article(client, article):
    body = client.get(A).json()
    assert body["id"] == ARTICLE_ID and body["section_count"] == len(article.sections)
    assert [s["id"] for s in body["sections"]][0] == "lead"
    assert body["speakers"] and all({"id", "name", "quote_count"} <= s.keys() for s in body["speakers"])


def test_text_as_json_and_as_plain_text(client, article):
    assert client.get(A + "/text").json() == {"id": ARTICLE_ID, "text": article.text}
    r = client.get(A + "/text", headers={"Accept": "text/plain"})
    assert r.headers["content-type"].startswith("text/plain") and r.text == article.text
    r = client.get(A + "/text", headers={"Accept": "application/json;q=0.5, text/plain"})
    assert r.headers["content-type"].startswith("text/plain")
    r = client.get(A + "/text", headers={"Accept": "text/plain;q=0.1, application/json"})
    assert r.json()["text"] == article.text


def test_sections_offsets_and_lookup(client, article):
    sections = client.get(A + "/sections").json()["items"]
    assert [s["index"] for s in sections] == list(range(len(sections)))
    for s in sections:
        for p in s["paragraphs"]:
            assert article.text[p["start"]:p["end"]] == p["text"]
        assert client.get(f"{A}/sections/{s['id']}").json() == s
        assert client.get(f"{A}/sections/{s['index']}").json() == s


def test_quotes_speakers_entities(client, article):
    quotes = client.get(A + "/quotes").json()
    assert quotes["total"] == len(quotes["items"]) == len(article.quotes)
    assert all(article.text[q["start"]:q["end"]] == q["text"] for q in quotes["items"])
    lead = client.get(A + "/quotes", params={"section": "lead"}).json()["items"]
    assert all(q["section_id"] == "lead" for q in lead)
    assert client.get(A + "/quotes", params={"section": "0"}).json()["items"] == lead
    assert client.get(A + "/quotes", params={"speaker": "nobody-at-all"}).json() == {"items": [], "total": 0}
    assert client.get(A + "/speakers").json()["items"]
    people = client.get(A + "/entities", params={"type": "person"}).json()["items"]
    assert people and all(e["type"] == "PERSON" for e in people)
    assert client.get(f"{A}/entities/{people[0]['id']}").json()["id"] == people[0]["id"]


@pytest.mark.parametrize("path", ["/articles/nope", A + "/sections/nope", A + "/sections/99",
                                  A + "/sections/-1", A + "/entities/nope", A + "/nope", "/nope",
                                  "/docs-assets/nope.js", "/docs-assets/../app/main.py"])
def test_unknown_things_are_404_problems(client, path):
    is_problem(client.get(path), 404)


@pytest.mark.parametrize("path", ["/articles/" + "x" * 5000, A + "/sections/" + "x" * 5000,
                                  A + "/entities/" + "x" * 5000, A + "/text/" + "x" * 5000,
                                  "/articles/" + "x" * 5000 + "/quotes"])
def test_unknown_ids_are_404_whatever_their_length(client, path):
    for method in ("GET", "HEAD"):
        r = client.request(method, path)
        assert r.status_code == 404
    body = is_problem(client.get(path), 404)
    assert "x" * 100 not in r.text and len(body["detail"]) < 200  # the value is not echoed back whole


@pytest.mark.parametrize("path", [A + "/quotes?speaker=" + "x" * 5000, A + "/quotes?section=" + "x" * 5000,
                                  A + "/entities?type=" + "x" * 5000])
def test_overlong_query_values_are_422_problems(client, path):
    is_problem(client.get(path), 422)
    assert "x" * 100 not in client.get(path).text


def test_a_section_index_is_written_plainly(client):
    assert client.get(A + "/sections/0").json()["id"] == "lead"
    for ref in ("00", "+0", "0x0", " 0", "\u0660"):
        is_problem(client.get(A + "/sections/" + ref), 404)
    lead = client.get(A + "/quotes", params={"section": "0"}).json()
    assert lead["total"] and client.get(A + "/quotes", params={"section": "00"}).json()["total"] == 0


@pytest.mark.parametrize("path, location", [("/articles/", "/articles"), ("/articles/?limit=2", "/articles?limit=2"),
                                            (A + "/quotes/?speaker=x", A + "/quotes?speaker=x"),
                                            ("/health/", "/health")])
def test_a_trailing_slash_redirects_to_a_path_never_to_the_host_header(client, path, location):
    for host in ("evil.example", "testserver"):
        r = client.get(path, headers={"Host": host}, follow_redirects=False)
        assert r.status_code == 307 and r.headers["location"] == location
    assert client.get(path).status_code == 200  # followed, it lands on the resource


@pytest.mark.parametrize("path", ["//evil.example/", "//evil.example//", "/nope/", "/articles//x/"])
def test_no_redirect_off_the_site_or_to_nowhere(client, path):
    r = client.get("http://testserver" + path, headers={"Host": "evil.example"}, follow_redirects=False)
    is_problem(r, 404)
    assert "location" not in r.headers


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
@pytest.mark.parametrize("path", ["/articles", A, A + "/quotes", "/health", "/docs"])
def test_other_methods_are_405_with_allow(client, method, path):
    r = client.request(method, path)
    is_problem(r, 405)
    assert {m.strip() for m in r.headers["allow"].split(",")} == {"GET", "HEAD"}


@pytest.mark.parametrize("path", GET_PATHS)
def test_head_works_wherever_get_does(client, path):
    get, head = client.get(path), client.head(path)
    assert head.status_code == get.status_code == 200
    assert head.content == b"" and head.headers["content-type"] == get.headers["content-type"]


@pytest.mark.parametrize("path", GET_PATHS + ["/nope"])
def test_nosniff_everywhere(client, path):
    assert client.get(path).headers["x-content-type-options"] == "nosniff"


def test_root_redirects_to_docs(client):
    r = client.get("/", follow_redirects=False)
    assert 300 <= r.status_code < 400 and r.headers["location"] == "/docs"


def test_health_reports_the_store_and_is_never_cached(client, store, library):
    r = client.get("/health")
    body = r.json()
    assert {k: body[k] for k in ("status", "articles", "skipped", "note")} == \
        {"status": "ok", "articles": len(library.articles), "skipped": [], "note": None}
    assert body["parser_version"] == store.info.parser_version and body["model_version"].startswith("en-core-web-sm")
    assert r.headers["cache-control"] == "no-store"


def test_docs_pages_are_local_and_have_a_strict_csp(client):
    for page in ("/docs", "/redoc"):
        r = client.get(page)
        assert "https://" not in r.text and "http://" not in r.text
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe-eval" not in csp
    assert "'unsafe-inline'" not in client.get("/docs").headers["content-security-policy"].split("script-src")[1] \
        .split(";")[0]


def test_unexpected_error_is_500_problem_without_trace(store, caplog):
    app = create_app(Settings(articles_dir=DATA), store=store)

    @app.get("/boom")
    def boom():
        raise RuntimeError("secret /srv/app/internal.py detail")

    with TestClient(app, raise_server_exceptions=False) as c:
        body = is_problem(c.get("/boom"), 500)
    assert "secret" not in str(body) and "Traceback" not in str(body) and "/srv" not in str(body)
    assert "RuntimeError" in caplog.text  # the trace goes to the log


def test_broken_store_is_500_problem():
    app = create_app(Settings(articles_dir=DATA), store=BrokenStore())
    with TestClient(app, raise_server_exceptions=False) as c:
        for path in ("/articles", A, A + "/quotes", "/health"):
            body = is_problem(c.get(path), 500)
            assert "/var/lib" not in str(body)


def test_cors_only_for_configured_origins_and_reads(store):
    app = create_app(Settings(articles_dir=DATA, cors_origins=["https://ok.example"]), store=store)
    with TestClient(app) as c:
        ok = c.get(A, headers={"Origin": "https://ok.example"})
        assert ok.headers["access-control-allow-origin"] == "https://ok.example"
        assert "access-control-allow-origin" not in c.get(A, headers={"Origin": "https://evil.example"}).headers
        pre = c.options(A, headers={"Origin": "https://ok.example", "Access-Control-Request-Method": "GET"})
        assert pre.status_code == 204 and pre.headers["access-control-allow-methods"] == "GET, HEAD"
        for origin, method in (("https://ok.example", "DELETE"), ("https://evil.example", "GET")):
            r = c.options(A, headers={"Origin": origin, "Access-Control-Request-Method": method})
            is_problem(r, 405)
            assert "access-control-allow-origin" not in r.headers
        assert "access-control-allow-origin" not in c.post(A, headers={"Origin": "https://ok.example"}).headers


def test_no_cors_headers_when_no_origin_is_configured(client):
    assert "access-control-allow-origin" not in client.get(A, headers={"Origin": "https://ok.example"}).headers
