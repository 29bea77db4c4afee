"""The code's layout rules: no import cycle, small modules, the HTTP layer apart from the parser."""
from __future__ import annotations

import ast
from pathlib import Path

from app.settings import PROJECT_ROOT

APP = PROJECT_ROOT / "app"
MAX_LINES = 400


def _module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Each app module and the app modules it imports (a package counts only for its own names)."""
    modules = {_module_name(p): p for p in APP.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("app"):
                submodules = {f"{node.module}.{a.name}" for a in node.names} & modules.keys()
                if len(submodules) < len(node.names) or not submodules:
                    found.add(node.module)
                found |= submodules
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name.startswith("app")}
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def test_no_import_cycle():
    graph = _imports()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for dep in sorted(graph[module]):
            if state.get(dep) == 1:
                cycles.append(path[path.index(dep):] + [dep] if dep in path else [module, dep])
            elif dep not in state:
                visit(dep, [*path, dep])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not cycles, cycles


def test_no_module_is_too_long():
    long = {str(p.relative_to(PROJECT_ROOT)): n for p in APP.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, long


def test_the_http_layer_knows_nothing_of_spacy():
    graph = _imports()
    for module, deps in graph.items():
        if module.startswith("app.api"):
            assert not any(d.startswith("app.nlp") and d not in ("app.nlp.names", "app.nlp.text", "app.nlp.speaker_query") for d in deps), \
                (module, deps)
    for path in (APP / "api").rglob("*.py"):
        assert "spacy" not in path.read_text(encoding="utf-8"), path


def test_every_word_list_is_in_the_lexicon():
    """A concept's words live in one file of app/nlp/lexicon, not in code. Sets of the model's
    own labels (`*_DEPS`, `*_TYPES`) are not words."""
    for path in (APP / "nlp").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
                    and getattr(node.value.func, "id", "") == "frozenset" and node.value.args):
                continue
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            if any(n.endswith(("_DEPS", "_TYPES")) for n in names):
                continue
            arg = node.value.args[0]
            literal = isinstance(arg, (ast.Set, ast.List, ast.Tuple)) and len(arg.elts) > 8
            split = isinstance(arg, ast.Call) and getattr(arg.func, "attr", "") == "split"
            assert not (literal or split), f"{path.name}:{node.lineno}: a word list in code"
