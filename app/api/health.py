"""/health: is the service up, what does it serve, and which files did it skip. Never cached."""
from __future__ import annotations

from fastapi import APIRouter, Response

from app.api import schemas
from app.api.deps import StoreDep

router = APIRouter(tags=["health"])


@router.get("/health", response_model=schemas.Health, summary="Liveness and the archive's state")
def health(store: StoreDep, response: Response) -> schemas.Health:
    response.headers["Cache-Control"] = "no-store"  # it reports the live server: no cache may keep it
    info = store.info
    skipped = [schemas.SkippedFile(file=s.file, reason=s.reason) for s in store.skipped()]
    note = None
    if info.articles == 0:
        note = ("The archive is empty: no article could be served from the articles folder"
                + (" (see skipped)" if skipped else " (it has no *.txt file)"))
    return schemas.Health(status="ok", articles=info.articles, skipped=skipped, parser_version=info.parser_version,
                          model_version=info.model_version, ingested_at=info.built_at, note=note)
