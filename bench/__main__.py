"""`make bench`: throughput against the Starlette floor, start-up, memory and ingest, on two corpora.

For each corpus (the shared one, then 1,000 generated articles): start the
project cold (empty parse cache) and warm, ask every read path once so the
HTTP cache holds the corpus, serve the same bytes from a bare Starlette app,
then run wrk (1 thread, 32 connections) on each read path in alternating
project/floor rounds while sampling the project's memory; last, time the
project's ingest against a bare `nlp.pipe` pass. Results go to bench/results/.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench import corpus, servers, wrk
from bench.report import markdown

RESULTS = Path(__file__).resolve().parent / "results"
GOALS = {"ratio": 0.8, "rss_mib": 100, "ingest_ratio": 1.3, "warm_start_s": 1.0}


def machine() -> dict:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor() or "unknown")
    return {"nproc": len(os.sched_getaffinity(0)), "cpu": model, "python": platform.python_version(),
            "date": time.strftime("%Y-%m-%d %H:%M")}


def bench_corpus(name: str, folder: Path, focus: str, work: Path, args) -> dict:
    log = work / f"{name}.log"
    cache = work / f"{name}-cache"
    env = {"ARTICLES_DIR": str(folder), "CACHE_DIR": str(cache), "LOG_LEVEL": "warning"}
    ids = sorted(p.stem for p in folder.glob("*.txt"))
    out: dict = {"corpus": name, "articles": len(ids)}

    cold = servers.start("app.main:app", env, log, timeout=args.timeout)
    out["cold_start_s"] = cold.started_in
    cold.stop()
    project = servers.start("app.main:app", env, log, timeout=60)
    out["warm_start_s"] = project.started_in
    out["warm_spacy_loaded"] = project.has_loaded("spacy")
    print(f"[{name}] start-up: cold {out['cold_start_s']:.2f} s, warm {out['warm_start_s']:.2f} s "
          f"(spaCy loaded: {out['warm_spacy_loaded']})", flush=True)
    floor = None
    try:
        for path in corpus.all_read_paths(ids):  # the whole corpus, once: the HTTP cache fills
            servers.fetch(project.url + path)
        out["rss_filled_mib"] = project.rss_mib()
        paths = corpus.read_paths(focus)
        answers = {}
        for path in paths:
            status, ctype, body = servers.fetch(project.url + path)
            assert status == 200, (path, status)
            answers[path] = (ctype, body.decode("latin-1"))
        floor_file = work / f"{name}-floor.json"
        floor_file.write_text(json.dumps(answers))
        floor = servers.start("bench.floor:app", {"FLOOR_BYTES": str(floor_file)}, log, ready_path="/articles")
        if wrk.available():
            out["paths"], out["rss_serving_mib"] = throughput(project, floor, paths, args)
        else:
            print("wrk not found: `apt-get install wrk` to measure throughput; skipping it", flush=True)
            out["paths"], out["rss_serving_mib"] = [], project.rss_mib()
    finally:
        project.stop()
        if floor:
            floor.stop()
    print(f"[{name}] RSS: {out['rss_filled_mib']:.1f} MiB with every answer cached, "
          f"{out['rss_serving_mib']:.1f} MiB peak under load", flush=True)
    out["ingest"] = ingest(folder, args.timeout)
    print(f"[{name}] ingest: {out['ingest']['project_wps']:.0f} words/s against bare nlp.pipe "
          f"{out['ingest']['bare_wps']:.0f} ({out['ingest']['ratio']:.2f}x the time)", flush=True)
    return out


def throughput(project: servers.Server, floor: servers.Server, paths: list[str], args) -> tuple[list, float]:
    """Alternating rounds per path; medians of the rounds; peak RSS of the project meanwhile."""
    peak = [project.rss_mib()]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.2):
            peak[0] = max(peak[0], project.rss_mib())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    rows = []
    try:
        for side in (project, floor):
            wrk.run(side.url + paths[0], 1)  # warm-up
        for path in paths:
            runs: dict[str, list[wrk.Run]] = {"project": [], "floor": []}
            for r in range(args.rounds):
                order = [("project", project), ("floor", floor)]
                for label, side in order if r % 2 == 0 else order[::-1]:
                    runs[label].append(wrk.run(side.url + path, args.seconds))
            row = {"path": path}
            for label, rs in runs.items():
                row[label] = {"rps": statistics.median(x.rps for x in rs),
                              "p50_ms": statistics.median(x.p50_ms for x in rs),
                              "p99_ms": statistics.median(x.p99_ms for x in rs),
                              "errors": sum(x.errors for x in rs)}
            row["ratio"] = row["project"]["rps"] / row["floor"]["rps"]
            print(f"  {path}: {row['project']['rps']:.0f} vs {row['floor']['rps']:.0f} req/s "
                  f"= {row['ratio']:.2f}x", flush=True)
            rows.append(row)
    finally:
        stop.set()
        sampler.join()
    return rows, peak[0]


def ingest(folder: Path, timeout: float) -> dict:
    done = subprocess.run([sys.executable, "-m", "bench.ingest", str(folder)], cwd=servers.ROOT,
                          capture_output=True, text=True, timeout=timeout, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3, help="alternating A/B rounds per path")
    ap.add_argument("--seconds", type=float, default=3, help="wrk duration of one round")
    ap.add_argument("--articles", type=int, default=1000, help="size of the generated corpus (0: skip it)")
    ap.add_argument("--timeout", type=float, default=600, help="seconds allowed for one cold start or ingest")
    args = ap.parse_args()
    RESULTS.mkdir(exist_ok=True)
    started = time.monotonic()
    result = {"machine": machine(), "goals": GOALS, "settings": {"rounds": args.rounds, "seconds": args.seconds,
              "connections": 32, "threads": 1}, "corpora": []}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        plan = [("shared corpus", work / "shared", corpus.copy_shared)]
        if args.articles:
            plan.append((f"{args.articles} generated", work / "generated",
                         lambda d: corpus.generate(d, args.articles)))
        for name, folder, make in plan:
            focus = make(folder)
            result["corpora"].append(bench_corpus(name, folder, focus, work, args))
            write(result)
    result["total_s"] = time.monotonic() - started
    text = write(result)
    print("\n" + text)
    return 0


def write(result: dict) -> str:
    text = markdown(result)
    (RESULTS / "latest.json").write_text(json.dumps(result, indent=2))
    (RESULTS / "latest.md").write_text(text)
    return text


if __name__ == "__main__":
    sys.exit(main())
