"""Domain objects to response models: the only place that knows both shapes."""
from __future__ import annotations

from collections import Counter

from app import domain
from app.api import schemas


def speakers(article: domain.ParsedArticle) -> list[schemas.SpeakerSummary]:
    counts = Counter(q.speaker.id for q in article.quotes if q.speaker)
    names = {q.speaker.id: q.speaker.name for q in article.quotes if q.speaker}
    order = {q.speaker.id: i for i, q in reversed(list(enumerate(article.quotes))) if q.speaker}
    ranked = sorted(counts, key=lambda sid: (-counts[sid], order[sid]))
    return [schemas.SpeakerSummary(id=sid, name=names[sid], quote_count=counts[sid]) for sid in ranked]


def summary(article: domain.ParsedArticle) -> schemas.ArticleSummary:
    return schemas.ArticleSummary(
        id=article.id, title=article.title, author=article.author, publisher=article.publisher,
        word_count=article.word_count, section_count=len(article.sections),
        quote_count=len(article.quotes), entity_count=len(article.entities))


def article(article: domain.ParsedArticle) -> schemas.Article:
    return schemas.Article(
        **summary(article).model_dump(),
        sections=[schemas.SectionRef(id=s.id, index=s.index, heading=s.heading) for s in article.sections],
        speakers=speakers(article))


def section(section: domain.Section) -> schemas.Section:
    return schemas.Section.model_validate(section)


def quote(quote: domain.Quote) -> schemas.Quote:
    return schemas.Quote.model_validate(quote)


def entity(entity: domain.Entity) -> schemas.Entity:
    return schemas.Entity.model_validate(entity)


def full_article(article: domain.ParsedArticle) -> schemas.FullArticle:
    return schemas.FullArticle(
        **summary(article).model_dump(), speakers=speakers(article), text=article.text,
        sections=[section(s) for s in article.sections], quotes=[quote(q) for q in article.quotes],
        entities=[entity(e) for e in article.entities])
