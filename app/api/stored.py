"""Responses made of stored bytes: a whole answer as ingest kept it, or a list of stored items."""
from __future__ import annotations

from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from app import ids
from app.api.answers import JSON, Answer, envelope
from app.api.deps import not_found
from app.api.representation import PRECOMPUTED_KEY, Precomputed
from app.store import Store


class StoredResponse(Response):
    """A stored answer sent as is; its ETag digest and gzip coding go to the HTTP cache layer with it."""

    def __init__(self, answer: Answer):
        super().__init__(answer.body, media_type=answer.media_type)
        self.precomputed = Precomputed(answer.digest, answer.gzipped)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers,
                    PRECOMPUTED_KEY: self.precomputed})
        await send({"type": "http.response.body", "body": self.body})


def stored_answer(store: Store, article_id: str, name: str) -> StoredResponse:
    """The article's stored answer `name` (see app/api/answers.py), or 404 for an unknown article."""
    answer = store.answer(ids.normalise(article_id), name)
    if answer is None:
        raise not_found(article_id)
    return StoredResponse(answer)


def item_list(items: list[bytes], **fields: int) -> Response:
    """`{"items": [...], **fields}` from stored item JSON."""
    return Response(envelope(items, **fields), media_type=JSON)
