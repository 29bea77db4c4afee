"""`python -m app`: ingest the articles folder into the store, or parse one file to JSON.

    python -m app ingest [DIR] [--workers N] [--scheduler ADDRESS] [--timeout SECONDS]
    python -m app parse FILE [--explain]

Errors are one line on standard error and a non-zero exit status.
"""
from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path

from app.settings import Settings, settings_or_exit

EXIT_FAILED = 1
EXIT_INTERRUPTED = 130


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser("ingest", help="parse new and changed articles into the store",
                              description="Parse every new or changed article of DIR into the store in "
                                          "CACHE_DIR, so the server serves them without parsing.")
    run.add_argument("dir", nargs="?", type=Path, help="the articles folder (default: ARTICLES_DIR)")
    run.add_argument("--workers", type=int, metavar="N", help="parsing processes (default: INGEST_WORKERS, "
                                                              "else one per core)")
    run.add_argument("--scheduler", metavar="ADDRESS",
                     help="parse on this Dask cluster (e.g. tcp://10.0.0.5:8786) instead of local processes")
    run.add_argument("--timeout", type=float, metavar="SECONDS",
                     help="longest parse of one article before it is skipped (default: PARSE_TIMEOUT)")
    run.add_argument("--no-progress", action="store_true", help="log lines instead of a progress bar")

    one = commands.add_parser("parse", help="print one article, parsed, as JSON",
                              description="Parse one text file and print the article as the API serves it.")
    one.add_argument("file", type=Path)
    one.add_argument("--explain", action="store_true",
                     help="instead, one line per quote: id, speaker, the rule that chose it, text")

    args = parser.parse_args(argv)
    settings = settings_or_exit()
    logging.basicConfig(level=settings.log_level.upper(), format="%(message)s")
    if args.command == "ingest":
        return _ingest(args, settings)
    return _parse(args, settings)


def _ingest(args: argparse.Namespace, settings: Settings) -> int:
    from app.ingest import FolderError, IngestError, Options, ingest

    if args.workers is not None and args.workers < 1:
        return _fail("ingest: --workers must be at least 1")
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    options = Options(max_bytes=settings.max_article_bytes,
                      parse_timeout=args.timeout or settings.parse_timeout,
                      workers=args.workers or settings.ingest_workers, scheduler=args.scheduler,
                      progress_bar=False if args.no_progress else None, stop=stop)
    try:
        report = ingest(args.dir or settings.articles_dir, settings.cache_dir, options)
    except (FolderError, IngestError) as exc:
        return _fail(f"ingest: {exc}")
    print(report.line(), flush=True)
    return EXIT_INTERRUPTED if report.interrupted else 0


def _parse(args: argparse.Namespace, settings: Settings) -> int:
    from app.ids import RefusedName
    from app.ingest.sources import FolderError, Unreadable, read_path

    try:
        article_id, text = read_path(args.file, settings.max_article_bytes)
    except (Unreadable, RefusedName, FolderError) as exc:
        return _fail(f"parse: {args.file}: {exc}")
    from app.api.views import full_article
    from app.nlp.pipeline import parse_article
    from app.nlp.text import squeeze

    try:
        article = parse_article(article_id, text)
    except Exception as exc:
        return _fail(f"parse: {args.file}: the parser failed ({type(exc).__name__}: {exc})")
    if args.explain:
        for q in article.quotes:
            speaker = f"{q.speaker.name} ({q.speaker.id})" if q.speaker else "-"
            print(f"{q.id}\t{speaker}\t{q.sieve or '-'}\t\"{squeeze(q.text)}\"")
    else:
        print(full_article(article).model_dump_json(indent=2))
    return 0


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_FAILED
