"""The /docs examples (app/api/examples.json, `make docs-examples`) work on the demo archive.

Not byte equality with live answers (the parser keeps improving): every parameter's
examples must still find something, and every answer's example must keep the live shape.
"""
from __future__ import annotations

import re

import pytest

from app.api.examples import PROBLEM_TYPE, load

EXAMPLES = load()
STALE = "run `make docs-examples`"


@pytest.fixture(scope="module")
def schema(client):
    return client.get("/openapi.json").json()


def operations(schema):
    return [(template, item["get"]) for template, item in schema["paths"].items()]


def example_values(name: str, template: str = "") -> list:
    """A parameter's examples: those of this path when it has its own, else those of its name."""
    named = EXAMPLES["parameters"]
    return [e["value"] for e in named.get(f"{template} {name}") or named[name]]


def first(name: str, template: str = ""):
    return example_values(name, template)[0]


def live_path(template: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(first(m.group(1), template)), template)


def test_every_parameter_and_answer_has_an_example(schema):
    for template, operation in operations(schema):
        for parameter in operation.get("parameters", []):
            assert parameter.get("examples"), f"{template}: no example for {parameter['name']}; {STALE}"
        for status, response in operation["responses"].items():
            content = response["content"]
            media = "application/json" if status == "200" else PROBLEM_TYPE
            assert "example" in content[media], f"{template} {status}: no example; {STALE}"
        if "text/plain" in operation["responses"]["200"]["content"]:
            assert operation["responses"]["200"]["content"]["text/plain"]["example"]


def test_no_impossible_answer_is_listed(schema):
    listed = {template: set(operation["responses"]) for template, operation in operations(schema)}
    assert listed["/articles"] == {"200", "422"} and listed["/health"] == {"200"}
    assert listed["/articles/{article_id}"] == {"200", "404"}  # no parameter that can be malformed
    assert "HTTPValidationError" not in str(schema)
    example = schema["paths"]["/articles"]["get"]["responses"]["200"]["content"]["application/json"]["example"]
    assert example["total"] > 0 and example["items"]


def test_the_example_article_section_and_entity_exist(client):
    article = client.get(f"/articles/{first('article_id')}")
    assert article.status_code == 200
    for ref in example_values("ref"):
        assert client.get(f"/articles/{first('article_id')}/sections/{ref}").status_code == 200, ref
    for entity_id in example_values("entity_id"):
        assert client.get(f"/articles/{first('article_id')}/entities/{entity_id}").status_code == 200, entity_id


def test_the_example_filters_find_something(client):
    base = f"/articles/{first('article_id')}"
    for speaker in example_values("speaker"):
        quotes = client.get(base + "/quotes", params={"speaker": speaker}).json()["items"]
        assert quotes and len({q["speaker"]["id"] for q in quotes}) == 1, speaker
    for section in example_values("section"):
        assert client.get(base + "/quotes", params={"section": section}).json()["items"], section
    for label in example_values("type"):
        entities = client.get(base + "/entities", params={"type": label}).json()["items"]
        assert entities and all(e["type"] == label for e in entities), label
    page = client.get("/articles", params={"limit": first("limit"), "offset": first("offset")}).json()
    assert len(page["items"]) == first("limit")


def test_the_archive_examples_find_something(client):
    for speaker in example_values("speaker", "/quotes"):
        quotes = client.get("/quotes", params={"speaker": speaker}).json()["items"]
        assert quotes and len({q["corpus_speaker_id"] for q in quotes}) == 1, speaker
    for words in example_values("q", "/quotes"):
        assert client.get("/quotes", params={"q": words}).json()["items"], words
    for words in example_values("q", "/speakers"):
        assert client.get("/speakers", params={"q": words}).json()["items"], words
    for words in example_values("q", "/entities"):
        assert client.get("/entities", params={"q": words}).json()["items"], words
    for article in example_values("article", "/quotes"):
        assert client.get("/quotes", params={"article": article}).json()["items"], article
    for entity_id in example_values("entity_id", "/entities/{entity_id}"):
        assert client.get(f"/entities/{entity_id}").json()["articles"], entity_id


def same_shape(example, live) -> bool:
    if isinstance(example, dict):
        return isinstance(live, dict) and example.keys() == live.keys() \
            and all(same_shape(example[k], live[k]) for k in example)
    if isinstance(example, list):
        return isinstance(live, list) and (not example or not live or same_shape(example[0], live[0]))
    if example is None or live is None:
        return True  # a nullable field
    return isinstance(example, str) == isinstance(live, str) and isinstance(example, bool) == isinstance(live, bool)


def test_every_answer_example_has_the_live_shape(schema, client):
    for template, operation in operations(schema):
        example = operation["responses"]["200"]["content"]["application/json"]["example"]
        query = {p["name"]: p["examples"][next(iter(p["examples"]))]["value"]
                 for p in operation.get("parameters", []) if p["in"] == "query"}
        live = client.get(live_path(template), params=query)
        assert live.status_code == 200 and same_shape(example, live.json()), f"{template}: {STALE}"
    for status, path in (("404", "/articles/no-such-article"), ("422", "/articles?limit=0")):
        assert same_shape(EXAMPLES["problems"][status], client.get(path).json())
