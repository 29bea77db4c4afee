"""/health: is the service up, and which files did it skip."""
from __future__ import annotations

from fastapi import APIRouter

from app.api import schemas
from app.api.deps import LibraryDep

router = APIRouter(tags=["health"])


@router.get("/health", response_model=schemas.Health, summary="Liveness and load report")
def health(library: LibraryDep) -> schemas.Health:
    return schemas.Health(status="ok", articles=len(library.articles),
                          skipped=[schemas.SkippedFile(file=s.file, reason=s.reason) for s in library.skipped])
