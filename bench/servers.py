"""Real uvicorn processes on loopback: start, time to first answer, memory, stop."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The same flags for the project and the floor: no access log, so the ratio measures the framework.
UVICORN = ["-m", "uvicorn", "--host", "127.0.0.1", "--no-server-header", "--no-access-log",
           "--log-level", "warning"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    proc: subprocess.Popen
    url: str
    started_in: float  # seconds from launch to the first 200 on the ready path

    @property
    def pid(self) -> int:
        return self.proc.pid

    def rss_mib(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def has_loaded(self, package: str) -> bool:
        """Whether any file of `package` is mapped into the server (spaCy is mostly compiled modules)."""
        return f"/{package}/" in Path(f"/proc/{self.pid}/maps").read_text()

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def start(target: str, env: dict[str, str], log: Path, ready_path: str = "/health",
          timeout: float = 900) -> Server:
    """Launch `uvicorn target` and wait for a 200 on `ready_path`; the clock starts at launch."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *UVICORN, "--port", str(port), target], cwd=ROOT,
                            env={**os.environ, **env}, stdout=log.open("ab"), stderr=subprocess.STDOUT)
    while time.perf_counter() - t0 < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"{target} exited; see {log}")
        try:
            with urllib.request.urlopen(url + ready_path, timeout=5) as r:
                if r.status == 200:
                    return Server(proc, url, time.perf_counter() - t0)
        except OSError:
            time.sleep(0.01)
    proc.kill()
    raise RuntimeError(f"{target} did not answer within {timeout:.0f} s; see {log}")


def fetch(url: str) -> tuple[int, str, bytes]:
    """Status, content type and body, asked as wrk asks (no Accept-Encoding)."""
    req = urllib.request.Request(url, headers={"Accept-Encoding": "identity"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, r.headers.get("content-type", ""), r.read()
