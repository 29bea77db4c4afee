"""The article as a page: negotiated on /articles/{id} and /articles, every quote and mention one element, escaped."""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote as url_quote

import pytest
from fastapi.testclient import TestClient

from app.api import page, schemas, views
from app.api.csp import source_hash
from app.main import create_app
from app.settings import PROJECT_ROOT, Settings
from types import SimpleNamespace

from app.ingest import Options, ingest
from app.store import Store
from conftest import ARTICLE_ID
from fixtures.html import having, read

SHARED_CORPUS = PROJECT_ROOT.parent / "shared" / "corpus"
OUR_CORPUS = PROJECT_ROOT / "data" / "eval"
CHROME = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
FIREFOX = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
SWAGGER = "application/json"
JSON_ACCEPTS = [None, "*/*", SWAGGER, "application/json, text/html;q=0.9", "text/html;q=0, */*",
                "text/html;q=0.5, application/json", "text/plain", "application/*", "image/png", "nonsense"]
A = f"/articles/{ARTICLE_ID}"


def headers(accept: str | None) -> dict[str, str]:
    return {} if accept is None else {"Accept": accept}


def client_for(folder: Path, cache: Path):
    """The real app over a store the real ingest made of `folder`, and the parsed articles by id."""
    ingest(folder, cache, Options(workers=1, progress_bar=False))
    store = Store.open(cache)
    library = SimpleNamespace(articles={aid: store.parsed(aid) for aid, _ in store.article_files()})
    return TestClient(create_app(Settings(articles_dir=folder, cache_dir=cache), store=store)), library


@pytest.fixture(scope="module", params=["shared corpus", "data/eval"])
def corpus(request, tmp_path_factory):
    folder = SHARED_CORPUS if request.param == "shared corpus" else OUR_CORPUS
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent (the shared corpus lives beside the project)")
    client, library = client_for(folder, tmp_path_factory.mktemp("page-cache"))
    with client:
        yield client, library


# An article of our own whose text is hostile markup: it must come out as text.
HOSTILE = """Bakers & brewers <script>alert(1)</script> open on the quay
By Gwen Tester

Mara Quill, who runs the <b>Quill & Daughters</b> bakery in Portwell, said the ovens arrived on Monday. \
"We sell bread & <script>document.title='x'</script> butter," Quill said.

"It is <i>not</i> a test & never was," said Stefan Oat, the harbour master.

Nobody knows who painted "<img src=x onerror=alert(2)>" on the wall.
"""
HOSTILE_ID = "odd.id~quoted"  # the id rule admits no markup; the text below carries it


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / f"{HOSTILE_ID}.txt").write_text(HOSTILE, encoding="utf-8")
    client, library = client_for(folder, tmp_path_factory.mktemp("hostile-cache"))
    with client:
        yield client, library.articles[HOSTILE_ID]


def test_every_quote_and_every_mention_is_exactly_one_element(corpus):
    client, library = corpus
    for article_id in library.articles:
        path = "/articles/" + url_quote(article_id, safe="")
        r = client.get(path, headers={"Accept": CHROME})
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        nodes, _ = read(r.text)
        quotes = client.get(path + "/quotes").json()["items"]
        entities = client.get(path + "/entities").json()["items"]

        quote_nodes = having(nodes, "data-quote-id")
        assert sorted(n.attrs["data-quote-id"] for n in quote_nodes) == sorted(q["id"] for q in quotes), article_id
        by_id = {q["id"]: q for q in quotes}
        parts = defaultdict(str)
        for n in having(nodes, "data-quote-part"):
            parts[n.attrs["data-quote-part"]] += n.text
        for n in quote_nodes:
            q = by_id[n.attrs["data-quote-id"]]
            assert n.text + parts[q["id"]] == q["text"], (article_id, q["id"])
            assert n.attrs.get("data-speaker-id") == (q["speaker"]["id"] if q["speaker"] else None)
            assert n.attrs.get("tabindex") == "0" and n.attrs.get("title")
            assert ("unattributed" in n.attrs["class"].split()) == (q["speaker"] is None)

        mention_nodes = having(nodes, "data-entity-id")
        want = sorted((e["id"], m["text"]) for e in entities for m in e["mentions"])
        continued = defaultdict(str)
        for n in having(nodes, "data-entity-part"):
            continued[n.attrs["data-entity-part"]] += n.text
        got = sorted((n.attrs["data-entity-id"], n.text + continued.pop(n.attrs["data-entity-id"], ""))
                     for n in mention_nodes)
        assert got == want, article_id


def test_the_page_shows_the_article_text_and_its_structure(corpus):
    client, library = corpus
    for article in library.articles.values():
        r = client.get("/articles/" + url_quote(article.id, safe=""), headers={"Accept": FIREFOX})
        nodes, text = read(r.text)
        for section in article.sections:
            if section.heading:
                assert section.heading in [n.text for n in nodes if n.tag == "h2"]
            for paragraph in section.paragraphs:
                assert [n for n in nodes if n.attrs.get("id") == f"p{paragraph.index}"][0].text == paragraph.text
        h1 = [n for n in nodes if n.tag == "h1"][0].text
        assert h1 == (article.title or article.id)
        for value in (article.author, article.publisher):
            assert value is None or value in text


def test_legend_lists_speakers_with_counts_and_links_in_the_palette_order(corpus):
    client, library = corpus
    for article in library.articles.values():
        path = "/articles/" + url_quote(article.id, safe="")
        nodes, _ = read(client.get(path, headers={"Accept": CHROME}).text)
        speakers = client.get(path + "/speakers").json()["items"]
        links = [n for n in nodes if n.tag == "a" and "/quotes?speaker=" in (n.attrs.get("href") or "")]
        assert [link.attrs["href"] for link in links] == [
            f"{path}/quotes?speaker={url_quote(s['id'], safe='')}" for s in speakers]
        assert [link.text for link in links] == [s["name"] for s in speakers]
        colour_of = {}  # the same speaker always has the same colour; different speakers, different ones
        for n in having(nodes, "data-speaker-id"):
            colour = next(c for c in n.attrs["class"].split() if c.startswith("sp"))
            assert colour_of.setdefault(n.attrs["data-speaker-id"], colour) == colour
        assert len(set(colour_of.values())) == len(colour_of) or len(colour_of) > len(page.PALETTE)
        for link, speaker in zip(links, speakers):  # each legend swatch wears the colour of the quotes it counts
            swatch = next(n for n in nodes if n.tag == "span" and "swatch" in n.attrs.get("class", "")
                          and n.text == speaker["name"])
            if speaker["id"] in colour_of:
                assert colour_of[speaker["id"]] in swatch.attrs["class"].split()


def test_json_clients_get_the_same_bytes_as_before(corpus):
    """Whatever a non-browser sends, the answer is the response model's own JSON, as before the page existed."""
    client, library = corpus
    articles = list(library.articles.values())
    listing = schemas.ArticleList(items=[views.summary(a) for a in articles[:20]], total=len(articles),
                                  limit=20, offset=0).model_dump_json().encode()
    for accept in JSON_ACCEPTS:
        r = client.get("/articles", headers=headers(accept))
        assert r.headers["content-type"] == "application/json" and r.content == listing, accept
        for article in articles:
            r = client.get("/articles/" + url_quote(article.id, safe=""), headers=headers(accept))
            assert r.headers["content-type"] == "application/json", accept
            assert r.content == views.article(article).model_dump_json().encode(), (accept, article.id)


def test_hostile_text_is_shown_as_text(hostile):
    client, article = hostile
    path = "/articles/" + url_quote(HOSTILE_ID, safe="")
    r = client.get(path, headers={"Accept": CHROME})
    assert r.status_code == 200
    assert not re.search(r"<(script|b|i|img)\b", r.text, re.I)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text and "&amp;" in r.text
    nodes, text = read(r.text)
    assert not [n for n in nodes if n.tag in ("script", "b", "i", "img")]
    assert [n for n in nodes if n.tag == "h1"][0].text == article.title
    assert "<script>alert(1)</script>" in article.title  # the parser kept it: the page is what escaped it
    for paragraph in (p for s in article.sections for p in s.paragraphs):
        assert paragraph.text in text
    quotes = {n.attrs["data-quote-id"]: n for n in having(nodes, "data-quote-id")}
    assert {q.id for q in article.quotes} == set(quotes)
    for q in article.quotes:
        assert quotes[q.id].text == q.text
        if q.speaker_mention:
            assert f"\u201c{q.speaker_mention.text}\u201d" in quotes[q.id].attrs["title"]
    assert any("<script>" in q.text for q in article.quotes)  # a quote holding markup, inside a title="" too
    assert r.headers["content-security-policy"] == page.PAGE_CSP
    hrefs = [n.attrs["href"] for n in nodes if n.tag == "a"]
    assert path + "/quotes" in hrefs and path + "/entities" in hrefs  # the odd id is percent-encoded in links


def test_an_unattributed_quote_is_marked_and_has_no_speaker_id(hostile):
    client, article = hostile
    nodes, _ = read(client.get("/articles/" + url_quote(HOSTILE_ID, safe=""), headers={"Accept": CHROME}).text)
    unknown = [q for q in article.quotes if q.speaker is None]
    assert unknown, "the invented article has a quote nobody is said to have said"
    for q in unknown:
        node = next(n for n in having(nodes, "data-quote-id") if n.attrs["data-quote-id"] == q.id)
        assert "data-speaker-id" not in node.attrs and "unattributed" in node.attrs["class"].split()
        assert "not named" in node.attrs["title"]
    assert any(n.text == "Speaker not named" for n in nodes if "swatch" in n.attrs.get("class", ""))


def test_the_page_is_under_a_strict_policy_and_needs_no_other_host(client):
    r = client.get(A, headers={"Accept": CHROME})
    policy = dict(part.strip().split(" ", 1) for part in r.headers["content-security-policy"].split(";"))
    assert policy["default-src"] == "'none'" and policy["script-src"] == "'none'"
    assert "unsafe-inline" not in policy["style-src"] and policy["style-src"].startswith("'sha256-")
    assert policy["frame-ancestors"] == "'none'" and policy["base-uri"] == "'none'"
    assert not re.findall(r'(?:src|href)=["\'](?:https?:)?//', r.text)
    assert "<script" not in r.text.lower()
    styles = re.findall(r"<style>(.*?)</style>", r.text, re.S)
    assert len(styles) == 1 and not re.search(r"\sstyle=", r.text)  # a style attribute would need unsafe-inline
    assert policy["style-src"] == f"'{source_hash(styles[0].encode())}'"


def test_palette_text_keeps_wcag_aa_contrast_on_every_highlight():
    for name, background, _ in (*page.PALETTE, page.UNATTRIBUTED):
        assert contrast(page.TEXT_COLOUR, background) >= 4.5, name
    assert len({bg for _, bg, _ in page.PALETTE}) == len(page.PALETTE)


def test_a_speaker_beyond_the_palette_gets_a_hue_again_with_another_underline():
    seen = {page.speaker_css(i) for i in range(len(page.PALETTE) * len(page.PATTERNS))}
    assert len(seen) == len(page.PALETTE) * len(page.PATTERNS)
    assert page.speaker_css(0) == "sp0" and page.speaker_css(len(page.PALETTE)) == "sp0 pat-dashed"


def contrast(foreground: str, background: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("accept", [CHROME, FIREFOX, "text/html", "text/*", "application/json;q=0.5, text/html"])
def test_a_browser_gets_the_page_and_the_list(client, accept):
    r = client.get(A, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"] == "text/html; charset=utf-8"
    r = client.get("/articles", headers={"Accept": accept})
    assert r.headers["content-type"] == "text/html; charset=utf-8"
    nodes, _ = read(r.text)
    assert A in [n.attrs.get("href") for n in nodes if n.tag == "a"]


def test_swagger_try_it_out_still_shows_json(client):
    r = client.get(A, headers={"Accept": SWAGGER})
    assert r.headers["content-type"] == "application/json" and r.json()["id"] == ARTICLE_ID
    spec = client.get("/openapi.json").json()
    for path in ("/articles", "/articles/{article_id}"):
        content = spec["paths"][path]["get"]["responses"]["200"]["content"]
        assert list(content)[0] == "application/json" and "text/html" in content  # Swagger's default is the first


def test_docs_link_to_the_page_and_the_list(client):
    description = client.get("/openapi.json").json()["info"]["description"]
    assert "(/articles)" in description and "browser" in description


def test_the_list_pages_like_the_json(tmp_path):
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(f"Headline number {i}\n\nA short paragraph about nothing in particular.\n")
    client, _ = client_for(tmp_path, tmp_path / "cache")
    with client:
        nodes, text = read(client.get("/articles?limit=2&offset=1", headers={"Accept": CHROME}).text)
    assert [n.attrs["href"] for n in nodes if n.tag == "a" and n.attrs["href"].startswith("/articles/")] == \
        ["/articles/a1", "/articles/a2"]
    assert "2\u20133 of 3" in text
    assert {n.attrs.get("rel") for n in nodes if n.tag == "a"} >= {"prev"}
