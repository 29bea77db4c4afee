"""The archive-wide reads at one size: latency of one request at a time, with the HTTP cache off.

The values asked for come from the served archive itself: the most quoted speaker's surname,
a word of one of their quotes, the name of the entity named in the most articles. With the
cache off every request runs its queries; on one connection the p50 is the time of one
request, not of a queue.
"""
from __future__ import annotations

import json
import re
import urllib.parse
from pathlib import Path

from bench import servers, wrk

CACHE_OFF = {"HTTP_CACHE_ENTRIES": "0"}


def paths(url: str) -> list[str]:
    def get(path: str) -> dict:
        status, _, body = servers.fetch(url + path)
        assert status == 200, (path, status)
        return json.loads(body)

    speaker = get("/speakers?limit=1")["items"][0]
    surname = speaker["name"].split()[-1]
    quote = get("/quotes?" + urllib.parse.urlencode({"speaker": speaker["id"], "limit": 1}))["items"][0]
    word = max(re.findall(r"[^\W\d_]{5,}", quote["text"]) or ["said"], key=len)
    entity = get("/entities?limit=1")["items"][0]["name"]
    quoted = urllib.parse.quote
    return [f"/quotes?speaker={quoted(surname)}", f"/quotes?q={quoted(word.lower())}", "/speakers",
            f"/entities?q={quoted(entity)}"]


def measure(env: dict[str, str], log: Path, seconds: float) -> list[dict]:
    server = servers.start("app.main:app", {**env, **CACHE_OFF}, log, timeout=120)
    try:
        rows = []
        for path in paths(server.url):
            wrk.run(server.url + path, 1, connections=1)  # warm-up
            run = wrk.run(server.url + path, seconds, connections=1)
            rows.append({"path": path, "rps": run.rps, "p50_ms": run.p50_ms, "p99_ms": run.p99_ms,
                         "errors": run.errors})
            print(f"  {path}: p50 {run.p50_ms:.2f} ms, p99 {run.p99_ms:.2f} ms ({run.rps:.0f} req/s, one "
                  f"connection, cache off)", flush=True)
        return rows
    finally:
        server.stop()
