"""Checks that use the team's tools and corpora beside the project (`../shared`), a development matter.

A clone on its own has no `../shared`: these tests then skip, saying so (docs/development.md).
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import DATA
from fixtures.server import ROOT

SHARED = ROOT.parent / "shared"
CONTRACT = SHARED / "tools" / "check_contract.py"
WIKINEWS = SHARED / "corpus-wikinews"
pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason=f"no team tools beside the project ({SHARED} is absent)")

HTTP_EDGE_CHECKS = [
    "a redirect never points at the Host header's site",
    "an unknown article id of any length: 404",
    "If-Match with a tag that does not match: 412",
]


@pytest.mark.skipif(not CONTRACT.is_file(), reason=f"{CONTRACT} is absent")
def test_the_contract_tool_passes_the_http_edge_checks(tmp_path):
    proc = subprocess.run([sys.executable, str(CONTRACT), "--python", sys.executable], cwd=ROOT,
                          env={**os.environ, "CACHE_DIR": str(tmp_path / "cache")},
                          capture_output=True, text=True, timeout=600)
    lines = proc.stdout.splitlines()
    for name in HTTP_EDGE_CHECKS:
        assert f"ok   {name}" in lines, proc.stdout[-3000:] + proc.stderr[-2000:]


@pytest.mark.skipif(not WIKINEWS.is_dir(), reason=f"{WIKINEWS} is absent")
def test_the_demo_texts_are_the_corpus_texts_unchanged():
    ours = sorted(DATA.glob("wikinews-*.txt"))
    assert [p.name for p in ours] == sorted(p.name for p in WIKINEWS.glob("*.txt"))
    for path in ours:
        assert path.read_bytes() == (WIKINEWS / path.name).read_bytes(), path.name
