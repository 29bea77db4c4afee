"""Progress of a long ingest: a tqdm bar on a terminal, a log line every few seconds otherwise."""
from __future__ import annotations

import logging
import sys
import time
from collections import Counter

log = logging.getLogger("app.ingest")

LOG_EVERY_S = 10.0


class Progress:
    """Counts what happened to each file of the work list, and shows it."""

    def __init__(self, total: int, *, bar: bool | None = None, stream=None):
        self.total = total
        self.done = 0
        self.counts: Counter[str] = Counter()
        self.started = time.monotonic()
        self._last_log = self.started
        stream = stream or sys.stderr
        self._bar = None
        if (stream.isatty() if bar is None else bar) and total:
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="file", desc="ingest", file=stream, dynamic_ncols=True,
                             smoothing=0.05)

    def step(self, what: str) -> None:
        """One file handled: `what` is parsed, unchanged, reused, rendered, skipped or removed."""
        self.done += 1
        self.counts[what] += 1
        if self._bar is not None:
            self._bar.update(1)
            self._bar.set_postfix_str(self._counts(), refresh=False)
            return
        now = time.monotonic()
        if now - self._last_log >= LOG_EVERY_S:
            self._last_log = now
            log.info("ingest: %s", self.status(now))

    def status(self, now: float | None = None) -> str:
        now = now or time.monotonic()
        rate = self.done / max(now - self.started, 1e-9)
        left = (self.total - self.done) / rate if rate > 0 else 0
        share = f" ({100 * self.done / self.total:.0f}%)" if self.total else ""
        return (f"{self.done:,}/{self.total:,} files{share}: {self._counts()}; {rate:.1f} files/s, "
                f"about {_duration(left)} left")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def _counts(self) -> str:
        return ", ".join(f"{n:,} {what}" for what, n in self.counts.most_common()) or "starting"


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"
