"""Write app/api/examples.json: the /docs examples, asked of the real API serving the demo archive.

Run with `make docs-examples` whenever the parser's output changes. It picks an
article that shows the most (headed sections, several speakers), then a
speaker's surname that finds that speaker's quotes, a section holding quotes,
the speaker's entity id; calls every GET route of the schema with those values;
and keeps each answer, shortened for reading (lists cut to a few items, the text
to its first lines, so every offset shown still points into it). Every choice
is checked against the API before it is written, and the script fails rather
than write an example that does not work.
"""
from __future__ import annotations

import json
import logging
import re
import sys
from pathlib import Path

from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.api.examples import EXAMPLES_FILE  # noqa: E402
from app.main import create_app  # noqa: E402
from app.settings import Settings  # noqa: E402

DEMO = ROOT / "data" / "articles"
ITEMS_SHOWN = 2  # of a list of `items`
NESTED_SHOWN = 3  # of any other list (sections, paragraphs, mentions, aliases)
TEXT_SHOWN = 600  # characters of the article text, cut at the end of a line
PAGE = {"limit": 2, "offset": 0}


def main() -> int:
    logging.getLogger("httpx").setLevel(logging.WARNING)  # not a line per request
    with TestClient(create_app(Settings(articles_dir=DEMO))) as api:
        parameters = choose_parameters(api)
        values = {name: named[0]["value"] for name, named in parameters.items()}
        responses = {}
        for template in api.get("/openapi.json").json()["paths"]:
            query = {name: example_value(values, template, name) for name in query_for(template)}
            path = re.sub(r"\{(\w+)\}", lambda m: str(example_value(values, template, m.group(1))), template)
            answer = api.get(path, params=query)
            if answer.status_code != 200:
                print(f"docs-examples: GET {path} {query} gave {answer.status_code}", file=sys.stderr)
                return 1
            responses[template] = shorten(answer.json())
        problems = {"404": api.get("/articles/no-such-article").json(),
                    "422": api.get("/articles", params={"limit": 0}).json()}
        count = api.get("/health").json()["articles"]
    examples = {"generated_by": "scripts/docs_examples.py (make docs-examples) from the demo archive, "
                                f"{count} articles in data/articles",
                "parameters": parameters, "responses": responses, "problems": problems}
    EXAMPLES_FILE.write_text(json.dumps(examples, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {EXAMPLES_FILE.relative_to(ROOT)}: {len(responses)} answers, article {values['article_id']}")
    return 0


def choose_parameters(api: TestClient) -> dict[str, list[dict]]:
    ids = [a["id"] for a in api.get("/articles", params={"limit": 100}).json()["items"]]
    articles = [api.get(f"/articles/{aid}").json() for aid in ids]
    # The article that shows the most: headed sections, then several speakers, then quotes.
    article = max(articles, key=lambda a: (len(a["sections"]) > 1, len(a["speakers"]) > 1, a["quote_count"]))
    base = f"/articles/{article['id']}"
    speaker = article["speakers"][0]
    surname = speaker["name"].split()[-1]
    found = api.get(base + "/quotes", params={"speaker": surname}).json()["items"]
    # A surname shows the filter's reach; the id is the sure way when the surname is shared.
    speaker_query = surname if found and {q["speaker"]["id"] for q in found} == {speaker["id"]} else speaker["id"]
    # A section holding the speaker's quotes, headed if one is: /docs fills in both filters at once.
    quotes = api.get(base + "/quotes", params={"speaker": speaker["id"]}).json()["items"]
    sections = [s for s in article["sections"] if any(q["section_id"] == s["id"] for q in quotes)]
    section = next((s for s in sections if s["heading"]), sections[0])
    entity = api.get(f"{base}/entities/{speaker['id']}")
    assert entity.status_code == 200, entity.text
    archive = archive_parameters(api, article["id"], speaker, speaker_query, quotes[0]["text"])
    return {
        **archive,
        "article_id": [{"summary": "An article of the demo archive", "value": article["id"]}],
        "ref": [{"summary": "By id", "value": section["id"]},
                {"summary": "By index", "value": str(section["index"])}],
        "section": [{"summary": "By id", "value": section["id"]},
                    {"summary": "By index", "value": str(section["index"])}],
        "speaker": [{"summary": "By surname", "value": speaker_query},
                    {"summary": "By entity id", "value": speaker["id"]}],
        "entity_id": [{"summary": "The article's most quoted speaker", "value": speaker["id"]}],
        "type": [{"summary": "People", "value": "PERSON"}, {"summary": "Places", "value": "GPE"}],
        "limit": [{"summary": "A short page", "value": PAGE["limit"]}],
        "offset": [{"summary": "From the start", "value": PAGE["offset"]}],
    }


def archive_parameters(api: TestClient, article_id: str, speaker: dict, speaker_query: str,
                       quote: str) -> dict[str, list[dict]]:
    """Values for the archive-wide lists: the same speaker across the archive, a word of one of their
    quotes, words of their name; each checked to find what it should."""
    corpus_quotes = api.get("/quotes", params={"speaker": speaker["id"], "article": article_id}).json()["items"]
    corpus_id = corpus_quotes[0]["corpus_speaker_id"]
    found = api.get("/quotes", params={"speaker": speaker_query}).json()["items"]
    assert found and {q["corpus_speaker_id"] for q in found} == {corpus_id}, (speaker_query, found[:2])
    # The longest word of the quote that finds a few quotes: a search that narrows.
    words = sorted({w.strip(".,;:!?\"'“”‘’()") for w in quote.split()}, key=len, reverse=True)
    word = next(w for w in words if w.isalpha()
                and 0 < api.get("/quotes", params={"q": w}).json()["total"] <= 5)
    surname = speaker["name"].split()[-1]
    assert any(s["id"] == corpus_id for s in api.get("/speakers", params={"q": surname}).json()["items"])
    return {
        "/entities/{entity_id} entity_id": [{"summary": "The demo article's most quoted speaker",
                                             "value": corpus_id}],
        "/quotes q": [{"summary": "A word", "value": word.lower()},
                      {"summary": "Several words, all required", "value": " ".join(quote.split()[:3])}],
        "/speakers q": [{"summary": "A surname", "value": surname}],
        "/entities q": [{"summary": "A surname", "value": surname}],
        "article": [{"summary": "One article's quotes", "value": article_id}],
    }


def query_for(template: str) -> list[str]:
    """The query parameters an example call uses: a page of the list, one filter of a per-article list."""
    if template == "/articles":
        return ["limit", "offset"]
    if template == "/quotes":
        return ["speaker", "limit"]
    if template in ("/speakers", "/entities"):
        return ["limit"]
    if template.endswith("/quotes"):
        return ["speaker"]
    if template.endswith("/entities"):
        return ["type"]
    return []


def example_value(values: dict, template: str, name: str):
    """The example value of a parameter: the one of this path, else the one of its name."""
    return values.get(f"{template} {name}", values.get(name))


def shorten(value, key: str = "", top: bool = True):
    """A real answer made short enough to read: a few items per list, the article text's first lines."""
    if isinstance(value, list):
        return [shorten(v, top=False) for v in value[:ITEMS_SHOWN if key == "items" else NESTED_SHOWN]]
    if isinstance(value, dict):
        return {k: shorten(v, k, top and k != "items") for k, v in value.items()}
    if key == "text" and top and isinstance(value, str):
        return shorten_text(value)
    return value


def shorten_text(text: str) -> str:
    if len(text) <= TEXT_SHOWN:
        return text
    cut = text.rfind("\n", 0, TEXT_SHOWN)
    return text[:cut if cut > 0 else TEXT_SHOWN]


if __name__ == "__main__":
    sys.exit(main())
