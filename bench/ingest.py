"""Ingest runs as a user runs them: `python -m app ingest`, timed from launch to exit."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench.servers import ROOT


def run(folder: Path, cache: Path, workers: int | None = None, timeout: float = 7200) -> dict:
    """Wall time and the summary line of one ingest of `folder` into `cache`."""
    command = [sys.executable, "-m", "app", "ingest", str(folder), "--no-progress"]
    if workers:
        command += ["--workers", str(workers)]
    env = {**os.environ, "CACHE_DIR": str(cache), "LOG_LEVEL": "warning"}
    t0 = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"ingest failed: {done.stderr.strip()[-2000:]}")
    line = done.stdout.strip().splitlines()[-1]
    parsed = int(line.split("(")[1].split(" parsed")[0].replace(",", ""))
    return {"seconds": seconds, "parsed": parsed, "summary": line}


def speedup(folder: Path, work: Path) -> dict:
    """One parsing process against two, on the same articles, each into an empty store."""
    one = run(folder, work / "one-process", workers=1)
    two = run(folder, work / "two-processes", workers=2)
    return {"articles": one["parsed"], "one_s": one["seconds"], "two_s": two["seconds"],
            "speedup": one["seconds"] / two["seconds"]}
