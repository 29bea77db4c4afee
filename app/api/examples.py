"""Examples for /docs taken from the demo archive, added to the OpenAPI schema when it is built.

`scripts/docs_examples.py` (`make docs-examples`) asks the real API about the demo
archive and writes `examples.json`: by parameter name, values that work there
(an article id, a section, a speaker, an entity id, a type), and by path
template, a real answer shortened for reading. Parameters are matched by name,
so a new route gets examples for the names it shares without code here; a
name that means something else on one path ("/entities/{entity_id} entity_id")
has its own. A missing or damaged file costs only the examples.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path

log = logging.getLogger(__name__)
EXAMPLES_FILE = Path(__file__).with_name("examples.json")
PROBLEM_TYPE = "application/problem+json"


def load(path: Path = EXAMPLES_FILE) -> dict:
    try:
        examples = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("no /docs examples (%s): run `make docs-examples`", exc)
        return {}
    return examples if isinstance(examples, dict) else {}


def add_examples(schema: dict, examples: dict) -> None:
    """Put each parameter's and each answer's example into the schema, in place."""
    parameters = examples.get("parameters", {})
    answers = examples.get("responses", {})
    problems = examples.get("problems", {})
    for template, item in schema.get("paths", {}).items():
        operation = item.get("get")
        if not operation:
            continue
        for parameter in operation.get("parameters", []):
            named = parameters.get(f"{template} {parameter['name']}") or parameters.get(parameter["name"])
            if named:
                parameter["examples"] = {e["summary"]: {"summary": e["summary"], "value": e["value"]} for e in named}
        for status, response in operation.get("responses", {}).items():
            content = response.get("content", {})
            if status == "200" and template in answers:
                answer = answers[template]
                if "application/json" in content:
                    content["application/json"]["example"] = answer
                if "text/plain" in content and isinstance(answer, dict) and "text" in answer:
                    content["text/plain"]["example"] = answer["text"]
            elif status in problems and PROBLEM_TYPE in content:
                content[PROBLEM_TYPE]["example"] = problems[status]
