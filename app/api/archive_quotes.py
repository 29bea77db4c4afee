"""/quotes: every quote of the archive, by speaker, by words, by article."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from app import ids
from app.api import answers, params, schemas
from app.api.deps import StoreDep
from app.api.errors import problems
from app.api.stored import item_list
from app.nlp.speaker_query import find_speakers

router = APIRouter(tags=["archive"])


@router.get("/quotes", response_model=schemas.CorpusQuoteList, summary="Quotes across the archive",
            description="Every quote of every article, in article id order and then reading order, each with "
                        "its article and its speaker's archive-wide id. The filters combine.",
            responses=problems(422))
def list_quotes(
    store: StoreDep,
    speaker: params.Speaker = None,
    q: params.QuoteWords = None,
    article: Annotated[str | None, Query(description="Only this article's quotes (its id, in any case); an "
                                         "unknown one is an empty list")] = None,
    limit: params.Limit = 20,
    offset: params.Offset = 0,
) -> Response:
    archive = store.archive
    speaker_ids = None if speaker is None else find_speakers(
        speaker, archive.speakers_by_keys, archive.speakers_by_spellings)
    page = archive.quotes(limit, offset, speaker_ids=speaker_ids, words=params.blank_as_none(q),
                          article_id=None if article is None else ids.normalise(article))
    items = [answers.corpus_quote(r.article_id, r.title, r.corpus_speaker_id, r.json) for r in page.items]
    return item_list(items, total=page.total, limit=limit, offset=offset)
