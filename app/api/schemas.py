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

    text: str = Field(description="The words as printed", examples=["Vance"])
    start: int = Field(ge=0, description="First code point (inclusive). " + OFFSET_NOTE, examples=[441])
    end: int = Field(ge=0, description="Last code point (exclusive)", examples=[446])


class ArticleSummary(Model):
    id: str = Field(description="The article file's stem", examples=["vance-russia-concessions"])
    title: str | None = Field(description="Headline, or null when the text has none", examples=[None])
    author: str | None = Field(description="Author named in the byline", examples=["Ahmed Kamel"])
    publisher: str | None = Field(description="Outlet named in the byline or dateline",
                                  examples=["Egypt Daily News"])
    word_count: int = Field(ge=0, description="Words in the headings and paragraphs", examples=[744])
    section_count: int = Field(ge=0, examples=[4])
    quote_count: int = Field(ge=0, examples=[18])
    entity_count: int = Field(ge=0, examples=[31])


class ArticleList(Model):
    items: list[ArticleSummary]
    total: int = Field(ge=0, description="Articles in all, whatever the page")
    limit: int = Field(description="Page size asked for")
    offset: int = Field(description="Items skipped before this page")


class SectionRef(Model):
    id: str = Field(description="`lead` for the untitled opening, else a slug of the heading",
                    examples=["disputed-narratives-and-security-guarantees"])
    index: int = Field(ge=0, description="0-based position in reading order", examples=[2])
    heading: str | None = Field(description="The heading as printed; null for the lead",
                                examples=["Disputed Narratives and Security Guarantees"])


class SpeakerSummary(Model):
    id: str = Field(description="Entity id of the speaker (see /entities)", examples=["jd-vance"])
    name: str = Field(description="Fullest name the article uses", examples=["JD Vance"])
    quote_count: int = Field(ge=0, examples=[9])


class Article(ArticleSummary):
    sections: list[SectionRef]
    speakers: list[SpeakerSummary]


class ArticleText(Model):
    id: str = Field(examples=["vance-russia-concessions"])
    text: str = Field(description="The served text every offset points into. " + OFFSET_NOTE)


class Paragraph(Model):
    index: int = Field(ge=0, description="0-based, counted through the whole article", examples=[5])
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
    id: str = Field(examples=["sergey-lavrov"])
    name: str = Field(examples=["Sergey Lavrov"])


class Quote(Model):
    id: str = Field(description="Stable id within the article", examples=["q10"])
    text: str = Field(description="What stands between the quotation marks, marks excluded",
                      examples=["not a secret"])
    start: int = Field(ge=0, description=OFFSET_NOTE, examples=[2240])
    end: int = Field(ge=0, examples=[2252])
    kind: str = Field(description="`direct`, or `partial` for a fragment inside the author's sentence",
                      examples=["partial"])
    speaker: SpeakerRef | None = Field(description="Who said it, or null when the article does not say")
    speaker_mention: Span | None = Field(
        description="The words naming the speaker where the quote is attributed ('he', 'Lavrov')")
    cue: str | None = Field(description="The verb of saying", examples=["said"])
    section_id: str | None = Field(examples=["russia-signals-willingness-for-peace-on-its-terms"])
    paragraph_index: int | None = Field(description="Paragraph holding the quote; null in the title "
                                        "or a heading", examples=[6])


class QuoteList(Model):
    items: list[Quote]
    total: int = Field(ge=0)


class SpeakerList(Model):
    items: list[SpeakerSummary]


class Entity(Model):
    id: str = Field(description="Slug of the name, stable across restarts", examples=["jd-vance"])
    name: str = Field(description="Fullest form the article uses", examples=["JD Vance"])
    type: str = Field(description="OntoNotes label: PERSON, ORG, GPE, LOC, NORP, ...", examples=["PERSON"])
    aliases: list[str] = Field(description="Other forms used",
                               examples=[["Vice President JD Vance", "Vance", "Vice President Vance"]])
    mention_count: int = Field(ge=0, examples=[7])
    salience: float = Field(ge=0, le=1, description="How central it is to the article (0-1)",
                            examples=[0.8425])
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


class SkippedFile(Model):
    file: str = Field(examples=["broken.txt"])
    reason: str = Field(examples=["not text in any known encoding"])


class Health(Model):
    status: str = Field(examples=["ok"])
    articles: int = Field(ge=0, description="Articles served", examples=[1])
    skipped: list[SkippedFile] = Field(description="Files of the articles folder not served, each with why")
    parser_version: str = Field(description="Version of the parser the archive was parsed with",
                                examples=["cfa12adcf0069573"])
    model_version: str = Field(description="The language model package used", examples=["en-core-web-sm=3.8.0"])
    ingested_at: str = Field(description="When the store was last written (UTC)", examples=["2026-11-29T18:00:00Z"])
    note: str | None = Field(None, description="Anything a reader of the archive should know, e.g. that it is empty",
                             examples=[None])


class ValidationIssue(Model):
    loc: list[str | int] = Field(description="Where: e.g. ['query', 'limit']")
    msg: str
    type: str


class Problem(Model):
    """An RFC 9457 problem detail (`application/problem+json`)."""

    type: str = Field(examples=["about:blank"])
    title: str = Field(examples=["Not Found"])
    status: int = Field(examples=[404])
    detail: str = Field(examples=["No article 'no-such-article'"])
    errors: list[ValidationIssue] | None = Field(default=None, description="422 only: each bad parameter")
