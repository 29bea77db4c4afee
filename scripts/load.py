#!/usr/bin/env python3
"""Load test: hold 256 connections for 60 s with wrk against a real uvicorn on loopback.

Passes when wrk sees no socket error and no non-2xx answer on valid paths, the
server log holds no traceback, and resident memory after the run is within 10%
of what it was after a warm-up. Not part of `make test`; run `make load`.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from fixtures.server import start, wait_ready  # noqa: E402

ARTICLE = "vance-russia-concessions"
PATHS = ["/articles", f"/articles/{ARTICLE}", f"/articles/{ARTICLE}/text", f"/articles/{ARTICLE}/sections",
         f"/articles/{ARTICLE}/sections/1", f"/articles/{ARTICLE}/quotes", f"/articles/{ARTICLE}/quotes?speaker=vance",
         f"/articles/{ARTICLE}/speakers", f"/articles/{ARTICLE}/entities?type=PERSON", "/health"]
LUA = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
""" % ", ".join(f'"{p}"' for p in PATHS)


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def wrk(url: str, script: Path, connections: int, seconds: int) -> tuple[str, int, int]:
    """wrk's report, its socket-error count and its non-2xx/3xx count."""
    out = subprocess.run(["wrk", "-t4", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency",
                          "-s", str(script), url], capture_output=True, text=True, check=True).stdout
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
    return out, errors, non2xx


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--connections", type=int, default=256)
    ap.add_argument("--duration", type=int, default=60, help="seconds of measured load")
    ap.add_argument("--warmup", type=int, default=10, help="seconds of load before memory is measured")
    args = ap.parse_args()
    if not shutil.which("wrk"):
        print("load: wrk not found (apt-get install wrk)")
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="load-"))
    script = tmp / "paths.lua"
    script.write_text(LUA)
    log = tmp / "server.log"
    proc, url = start(ROOT / "data" / "articles", ROOT / ".cache" / "parsed", log)
    try:
        if not wait_ready(proc, url):
            print("load: server did not start\n" + log.read_text()[-2000:])
            return 1
        wrk(url, script, args.connections, args.warmup)
        time.sleep(1)
        base = rss_kib(proc.pid)
        peak = base
        start_t = time.monotonic()
        result: dict = {}
        thread = threading.Thread(target=lambda: result.update(
            zip(("report", "errors", "non2xx"), wrk(url, script, args.connections, args.duration))))
        thread.start()
        while thread.is_alive():
            peak = max(peak, rss_kib(proc.pid))
            thread.join(1)
        time.sleep(1)
        after = rss_kib(proc.pid)
        report, errors, non2xx = result["report"], result["errors"], result["non2xx"]
        elapsed = time.monotonic() - start_t
    finally:
        proc.terminate()
        proc.wait(10)
    tracebacks = log.read_text(errors="replace").count("Traceback")
    growth = (after - base) / base if base else 0.0
    print(report)
    print(f"connections {args.connections}, {elapsed:.0f} s measured after a {args.warmup} s warm-up")
    print(f"socket errors {errors}, non-2xx {non2xx}, tracebacks in the server log {tracebacks}")
    print(f"RSS after warm-up {base / 1024:.1f} MiB, peak {peak / 1024:.1f} MiB, after {after / 1024:.1f} MiB "
          f"({growth:+.1%})")
    ok = errors == 0 and non2xx == 0 and tracebacks == 0 and growth <= 0.10
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
