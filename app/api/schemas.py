"""Response models: the public shape of every answer, documented for /docs."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

OFFSET_NOTE = ("Offsets are half-open ranges of Unicode code points (Python `str` indexes) into the "
               "article text served by `/articles/{id}/text`. JavaScript strings index UTF-16 code "
               "units: convert before slicing (e.g. `Array.from(text).slice(start, end).join('')`).")


class Model(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Span(Model):
    """Words of the text: `text == article_text[start:end]`."""

    text: str = Field(description="The words as printed")
    start: int = Field(ge=0, description="First code point (inclusive). " + OFFSET_NOTE)
    end: int = Field(ge=0, description="Last code point (exclusive)")


class ArticleSummary(Model):
    id: str = Field(description="The article file's stem")
    title: str | None = Field(description="Headline, or null when the text has none")
    author: str | None = Field(description="Author named in the byline")
    publisher: str | None = Field(description="Outlet named in the byline or dateline")
    word_count: int = Field(ge=0, description="Words in the headings and paragraphs")
    section_count: int = Field(ge=0)
    quote_count: int = Field(ge=0)
    entity_count: int = Field(ge=0)


def _limit() -> int:
    return Field(description="Page size asked for")


def _offset() -> int:
    return Field(description="Items skipped before this page")


class ArticleList(Model):
    items: list[ArticleSummary]
    total: int = Field(ge=0, description="Articles in all, whatever the page")
    limit: int = _limit()
    offset: int = _offset()


class SectionRef(Model):
    id: str = Field(description="`lead` for the untitled opening, else a slug of the heading")
    index: int = Field(ge=0, description="0-based position in reading order")
    heading: str | None = Field(description="The heading as printed; null for the lead")


class SpeakerSummary(Model):
    id: str = Field(description="Entity id of the speaker (see /entities)")
    name: str = Field(description="Fullest name the article uses")
    quote_count: int = Field(ge=0)


class Article(ArticleSummary):
    sections: list[SectionRef]
    speakers: list[SpeakerSummary]


class ArticleText(Model):
    id: str
    text: str = Field(description="The served text every offset points into. " + OFFSET_NOTE)


class Paragraph(Model):
    index: int = Field(ge=0, description="0-based, counted through the whole article")
    text: str
    start: int = Field(ge=0, description=OFFSET_NOTE)
    end: int = Field(ge=0)


class Section(SectionRef):
    start: int = Field(ge=0, description="Start of the heading (or first paragraph). " + OFFSET_NOTE)
    end: int = Field(ge=0, description="End of the last paragraph")
    paragraphs: list[Paragraph]


class SectionList(Model):
    items: list[Section]


class SpeakerRef(Model):
    id: str = Field(description="Entity id of the speaker (see /entities)")
    name: str


class Quote(Model):
    id: str = Field(description="Stable id within the article")
    text: str = Field(description="What stands between the quotation marks, marks excluded")
    start: int = Field(ge=0, description=OFFSET_NOTE)
    end: int = Field(ge=0)
    kind: str = Field(description="`direct`, or `partial` for a fragment inside the author's sentence",
                      examples=["partial"])
    speaker: SpeakerRef | None = Field(description="Who said it, or null when the article does not say")
    speaker_mention: Span | None = Field(
        description="The words naming the speaker where the quote is attributed ('he', 'Vedenin')")
    cue: str | None = Field(description="The verb of saying", examples=["said"])
    section_id: str | None = Field(description="Section holding the quote")
    paragraph_index: int | None = Field(description="Paragraph holding the quote; null in the title "
                                        "or a heading")


class QuoteList(Model):
    items: list[Quote]
    total: int = Field(ge=0)


class SpeakerList(Model):
    items: list[SpeakerSummary]


class Entity(Model):
    id: str = Field(description="Slug of the name, stable across restarts")
    name: str = Field(description="Fullest form the article uses")
    type: str = Field(description="OntoNotes label: PERSON, ORG, GPE, LOC, NORP, ...", examples=["PERSON"])
    aliases: list[str] = Field(description="Other forms used")
    mention_count: int = Field(ge=0)
    salience: float = Field(ge=0, le=1, description="How central it is to the article (0-1)")
    mentions: list[Span]


class EntityList(Model):
    items: list[Entity]
    total: int = Field(ge=0)


class FullArticle(Article):
    """One article whole, as `python -m app parse` prints it: the fields of /articles/{id} and every list."""

    text: str
    sections: list[Section]
    quotes: list[Quote]
    entities: list[Entity]


class CorpusQuote(Quote):
    """A quote of the archive: a `Quote` of one article, and which article."""

    article_id: str = Field(description="The article holding the quote")
    title: str | None = Field(description="That article's headline")
    corpus_speaker_id: str | None = Field(
        description="The speaker across the archive (see /speakers and /entities/{id}); null when unknown")


class CorpusQuoteList(Model):
    items: list[CorpusQuote]
    total: int = Field(ge=0, description="Quotes matching, whatever the page")
    limit: int = _limit()
    offset: int = _offset()


class CorpusSpeaker(Model):
    id: str = Field(description="Id of the speaker across the archive: also an /entities/{id}")
    name: str = Field(description="Fullest name the articles use")
    quote_count: int = Field(ge=0, description="Quotes attributed to them in the archive")
    article_count: int = Field(ge=0, description="Articles quoting them")


class CorpusSpeakerList(Model):
    items: list[CorpusSpeaker]
    total: int = Field(ge=0, description="Speakers matching, whatever the page")
    limit: int = _limit()
    offset: int = _offset()


class CorpusEntity(Model):
    id: str = Field(description="Slug of the name, stable across restarts")
    name: str = Field(description="Fullest form the articles use")
    type: str = Field(description="OntoNotes label: PERSON, ORG, GPE, LOC, NORP, ...", examples=["PERSON"])
    aliases: list[str] = Field(description="Other forms the articles use")
    article_count: int = Field(ge=0, description="Articles naming it")
    mention_count: int = Field(ge=0, description="Mentions in all those articles")


class CorpusEntityList(Model):
    items: list[CorpusEntity]
    total: int = Field(ge=0, description="Entities matching, whatever the page")
    limit: int = _limit()
    offset: int = _offset()


class EntityArticle(Model):
    id: str = Field(description="Article id")
    title: str | None = Field(description="The article's headline")
    mention_count: int = Field(ge=0, description="Mentions in this article")
    salience: float = Field(ge=0, le=1, description="How central it is to this article (0-1)")
    entity_ids: list[str] = Field(description="Its id among the article's entities "
                                  "(/articles/{id}/entities/{entity_id}); two when the article kept two forms apart")


class CorpusEntityDetail(CorpusEntity):
    articles: list[EntityArticle] = Field(description="Every article naming it, most salient first")


class SkippedFile(Model):
    file: str = Field(examples=["broken.txt"])
    reason: str = Field(examples=["not text in any known encoding"])


class Health(Model):
    status: str = Field(examples=["ok"])
    articles: int = Field(ge=0, description="Articles served")
    skipped: list[SkippedFile] = Field(description="Files of the articles folder not served, each with why")
    parser_version: str = Field(description="Version of the parser the archive was parsed with")
    model_version: str = Field(description="The language model package used")
    ingested_at: str = Field(description="When the store was last written (UTC)")
    note: str | None = Field(None, description="Anything a reader of the archive should know, e.g. that it is empty")


class ValidationIssue(Model):
    loc: list[str | int] = Field(description="Where: e.g. ['query', 'limit']")
    msg: str
    type: str


class Problem(Model):
    """An RFC 9457 problem detail (`application/problem+json`)."""

    type: str = Field(examples=["about:blank"])
    title: str = Field(examples=["Not Found"])
    status: int = Field(examples=[404])
    detail: str = Field(examples=["No article with id 'no-such-article'"])
    errors: list[ValidationIssue] | None = Field(default=None, description="422 only: each bad parameter")
