"""The accuracy gate: the parser scored on the gold corpora with the team's scorer, against floors.

The same figures as the team's `evaluate.py` (its own scoring functions, over the real app):
the reference corpus and the Wikinews corpus beside the project (skipped, with the reason, on a
clone that does not have them) and our own `data/eval`. A figure below its floor in
`tests/accuracy_floor.json` fails the suite: no change may lower accuracy silently.
"""
from __future__ import annotations

import json
import sys

import pytest

from app.settings import PROJECT_ROOT

SCRIPTS = PROJECT_ROOT / "scripts"
FLOORS = json.loads((PROJECT_ROOT / "tests" / "accuracy_floor.json").read_text(encoding="utf-8"))
GATED = ("quote_f1", "attribution", "end_to_end_f1", "entity_f1")


@pytest.fixture(scope="module")
def figures():
    sys.path.insert(0, str(SCRIPTS))
    try:
        import eval as scoring
    finally:
        sys.path.remove(str(SCRIPTS))
    if not (scoring.SHARED_TOOLS / "evaluate.py").exists():
        pytest.skip(f"the team's scorer is not beside the project ({scoring.SHARED_TOOLS})")
    corpora = [c for c in scoring.DEFAULT_CORPORA if c.exists()]
    return scoring.score(corpora, show_misses=False)


@pytest.mark.parametrize("corpus", [k for k in FLOORS if not k.startswith("_")])
def test_accuracy_does_not_fall_below_its_floor(figures, corpus):
    if corpus not in figures:
        pytest.skip(f"corpus {corpus!r} is not beside the project")
    got = figures[corpus]
    below = {f: (round(got[f], 4), FLOORS[corpus][f]) for f in GATED if got[f] + 1e-9 < FLOORS[corpus][f]}
    assert not below, f"{corpus}: below the floor (got, floor): {below}"
    assert got["offset_errors"] == 0
