"""`make bench`: the archive at 200, 2,000 and 20,000 generated articles, side by side.

For each size (each a larger set of the same generated articles, so ingest
parses only the new ones): `python -m app ingest`, then three warm starts
(launch to the first /health 200; the median is reported), every per-article
read of every article once (the reads come from the store; memory is sampled
after), then wrk on the per-article read paths against a bare Starlette app
serving the same bytes, in alternating rounds; then the archive-wide reads
(/quotes by speaker and by words, /speakers, /entities by name) one request at a
time with the HTTP cache off (bench/archive.py). Also: 400 generated articles
ingested into an empty store with one parsing process and with two, and one
~4.5 MB article whose /quotes answer (~6 MB) is read on 16 connections while
/health is timed.
Results go to bench/results/; the articles and a store per size are kept in
bench/work/, so a second run parses nothing it parsed before (delete it to start
afresh); a size's first store starts as a copy of another size's.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench import archive, corpus, ingest, servers, wrk
from bench.report import markdown

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
WORK = HERE / "work"
GOALS = {"ratio": 0.8, "rss_growth": 1.2, "rss_mib": 120, "warm_start_s": 1.0, "speedup": 1.6, "archive_p50_ms": 20}


def machine() -> dict:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor() or "unknown")
    return {"nproc": len(os.sched_getaffinity(0)), "cpu": model, "python": platform.python_version(),
            "date": time.strftime("%Y-%m-%d %H:%M")}


def env_for(folder: Path, cache: Path) -> dict[str, str]:
    return {"ARTICLES_DIR": str(folder), "CACHE_DIR": str(cache), "LOG_LEVEL": "warning"}


def measure_size(count: int, folder: Path, cache: Path, args) -> dict:
    log = WORK / f"server-{count}.log"
    out: dict = {"articles": count}
    starts = []
    for _ in range(3):
        server = servers.start("app.main:app", env_for(folder, cache), log, timeout=120)
        starts.append(server.started_in)
        out["rss_start_mib"] = server.rss_mib()
        out["spacy_loaded"] = server.has_loaded("spacy")
        server.stop()
    out["warm_start_s"] = statistics.median(starts)
    out["warm_starts_s"] = starts
    print(f"[{count}] warm start {out['warm_start_s']:.2f} s (runs {', '.join(f'{s:.2f}' for s in starts)}), "
          f"RSS {out['rss_start_mib']:.1f} MiB, spaCy loaded: {out['spacy_loaded']}", flush=True)
    project = servers.start("app.main:app", env_for(folder, cache), log, timeout=120)
    floor = None
    try:
        focus = corpus.focus_id(count)
        speaker = corpus.speaker_surname(project.url, focus)
        out["read_all"] = read_everything(project, count, speaker)
        out["rss_read_all_mib"] = project.rss_mib()
        print(f"[{count}] every read of every article: {out['read_all']['requests']:,} requests, "
              f"{out['read_all']['per_s']:,.0f}/s; RSS {out['rss_read_all_mib']:.1f} MiB", flush=True)
        paths = corpus.read_paths(focus, speaker)
        answers = {}
        for path in paths:
            status, ctype, body = servers.fetch(project.url + path)
            assert status == 200, (path, status)
            answers[path] = (ctype, body.decode("latin-1"))
        floor_file = WORK / f"floor-{count}.json"
        floor_file.write_text(json.dumps(answers))
        floor = servers.start("bench.floor:app", {"FLOOR_BYTES": str(floor_file)}, log, ready_path="/articles")
        out["paths"], out["rss_peak_mib"] = throughput(project, floor, paths, args)
    finally:
        project.stop()
        if floor:
            floor.stop()
    out["archive"] = archive.measure(env_for(folder, cache), log, args.seconds)
    return out


def read_everything(server: servers.Server, count: int, speaker: str, threads: int = 4) -> dict:
    """Every per-article path of every article, and every page of /articles, once, on keep-alive connections."""
    paths = [f"/articles?limit=100&offset={o}" for o in range(0, count, 100)]
    paths += [p for i in range(count) for p in corpus.article_paths(corpus.article_id(i), speaker)]
    host, port = server.url.removeprefix("http://").split(":")
    local = threading.local()

    def get(path: str) -> None:
        if not hasattr(local, "conn"):
            local.conn = http.client.HTTPConnection(host, int(port), timeout=30)
        local.conn.request("GET", path, headers={"Accept-Encoding": "identity"})
        response = local.conn.getresponse()
        response.read()
        assert response.status == 200, (path, response.status)

    t0 = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(get, paths, chunksize=64))
    seconds = time.perf_counter() - t0
    return {"requests": len(paths), "seconds": seconds, "per_s": len(paths) / seconds}


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


def large_answer(args) -> dict:
    """16 connections on a ~6 MB /quotes answer; meanwhile /health, timed."""
    folder, cache = WORK / "large" / "articles", WORK / "large" / "cache"
    article = corpus.large(folder)
    made = ingest.run(folder, cache)
    server = servers.start("app.main:app", env_for(folder, cache), WORK / "server-large.log", timeout=120)
    try:
        path = f"/articles/{article}/quotes"
        size = len(servers.fetch(server.url + path)[2])
        latencies: list[float] = []
        done = threading.Event()

        def probe() -> None:
            while not done.is_set():
                t0 = time.perf_counter()
                servers.fetch(server.url + "/health")
                latencies.append(time.perf_counter() - t0)
                time.sleep(0.05)

        prober = threading.Thread(target=probe)
        prober.start()
        try:
            loaded = wrk.run(server.url + path, args.seconds * 2, connections=16)
        finally:
            done.set()
            prober.join()
    finally:
        server.stop()
    return {"bytes": size, "parse_s": made["seconds"], "rps": loaded.rps, "p50_ms": loaded.p50_ms,
            "health_p50_ms": 1000 * statistics.median(latencies), "health_max_ms": 1000 * max(latencies)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="200,2000,20000", help="comma-separated archive sizes, smallest first")
    ap.add_argument("--rounds", type=int, default=3, help="alternating A/B rounds per path")
    ap.add_argument("--seconds", type=float, default=3, help="wrk duration of one round")
    ap.add_argument("--skip-large", action="store_true", help="leave out the ~6 MB answer")
    ap.add_argument("--speedup-articles", type=int, default=400,
                    help="articles ingested with one parsing process and with two")
    args = ap.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    if not wrk.available():
        print("bench: wrk is needed (apt-get install wrk)", file=sys.stderr)
        return 1
    RESULTS.mkdir(exist_ok=True)
    WORK.mkdir(exist_ok=True)
    started = time.monotonic()
    result = {"machine": machine(), "goals": GOALS, "settings": {"rounds": args.rounds, "seconds": args.seconds,
              "connections": 32, "threads": 1}, "sizes": []}
    speed_folder = WORK / "speedup" / "articles"
    corpus.generate(speed_folder, 0, args.speedup_articles)
    with tempfile.TemporaryDirectory(prefix="stores-", dir=WORK) as stores:  # empty stores: every article parsed
        result["speedup"] = ingest.speedup(speed_folder, Path(stores))
    print(f"ingest of {result['speedup']['articles']} articles: one process {result['speedup']['one_s']:.1f} s, "
          f"two {result['speedup']['two_s']:.1f} s ({result['speedup']['speedup']:.2f}x)", flush=True)
    for count in sizes:
        folder, cache = WORK / "archive" / f"articles-{count}", WORK / "archive" / f"cache-{count}"
        corpus.generate(folder, 0, count)
        seed(cache, count)
        made = ingest.run(folder, cache)
        print(f"[{count}] ingest: {made['summary']} ({made['seconds']:.1f} s)", flush=True)
        row = measure_size(count, folder, cache, args)
        row["ingest"] = made
        result["sizes"].append(row)
        write(result)
    if not args.skip_large:
        result["large"] = large_answer(args)
        print(f"large answer: {result['large']['bytes']:,} bytes at {result['large']['rps']:.1f} req/s on 16 "
              f"connections; /health p50 {result['large']['health_p50_ms']:.1f} ms, max "
              f"{result['large']['health_max_ms']:.1f} ms", flush=True)
    result["total_s"] = time.monotonic() - started
    print("\n" + write(result))
    return 0


def seed(cache: Path, count: int) -> None:
    """Start an empty store as a copy of another size's (the smallest larger one, else the largest smaller
    one): the articles both hold are found by their bytes, not parsed again. Each size has its own folder."""
    if (cache / "store.sqlite3").exists():
        return
    sizes = {int(p.name.split("-")[1]): p for p in (WORK / "archive").glob("cache-*") if (p / "store.sqlite3").exists()}
    larger, smaller = [n for n in sizes if n > count], [n for n in sizes if n < count]
    if larger or smaller:
        cache.mkdir(parents=True, exist_ok=True)
        source = sizes[min(larger)] if larger else sizes[max(smaller)]
        shutil.copyfile(source / "store.sqlite3", cache / "store.sqlite3")


def write(result: dict) -> str:
    text = markdown(result)
    (RESULTS / "latest.json").write_text(json.dumps(result, indent=2))
    (RESULTS / "latest.md").write_text(text)
    return text


if __name__ == "__main__":
    sys.exit(main())
