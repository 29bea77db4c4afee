"""The article as a page for people: domain objects to a view model, rendered by a Jinja2 template.

Everything shown comes from the article's own offsets: each line of the text
becomes the headline, a byline or dateline, a heading or a paragraph, and the
quotes and entity mentions inside it are nested into elements (see markup.py).
The page needs no script and nothing from another host; its one stylesheet is
inline and allowed by its hash in the Content-Security-Policy.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote as url_quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from starlette.responses import HTMLResponse

from app import domain
from app.api import schemas, views
from app.api.csp import source_hash
from app.api.markup import Element, Span, nest

TEMPLATES = Path(__file__).parent / "templates"

# Speaker colours, most quoted speaker first: the Okabe-Ito hues, told apart with the common colour
# blindnesses. A light tint is the highlight (the text on it keeps WCAG AA contrast, tested), the
# full hue underlines it. Beyond seven speakers the hues come back with a dashed, then dotted, underline.
TEXT_COLOUR = "#1b1b1b"
PALETTE: tuple[tuple[str, str, str], ...] = (  # name, highlight, underline
    ("blue", "#8cc0dc", "#0072b2"),
    ("orange", "#f4d48c", "#c98a00"),
    ("green", "#8cd3c0", "#009e73"),
    ("purple", "#e8c3d7", "#ad5c8a"),
    ("vermillion", "#ecb78c", "#d55e00"),
    ("sky", "#b3ddf5", "#3a9ad0"),
    ("yellow", "#f8f3aa", "#b5a800"),
)
UNATTRIBUTED = ("grey", "#e4e4e4", "#6b6b6b")
PATTERNS = ("solid", "dashed", "dotted")

# Entity types by how their mentions are underlined: the style tells them apart, the colour helps.
ENTITY_GROUPS: dict[str, tuple[str, str]] = {  # type -> css class, legend wording
    "PERSON": ("person", "person"),
    "ORG": ("org", "organisation"),
    "GPE": ("place", "place"), "LOC": ("place", "place"), "FAC": ("place", "place"),
    "NORP": ("group", "nationality or group"),
    **{t: ("number", "date or number") for t in
       ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT")},
}
OTHER_GROUP = ("other", "other")
QUOTE_RANK, ENTITY_RANK = 0, 1  # a quote wraps a mention of the same words


@dataclass(frozen=True)
class Mark:
    """What one span of the text is on the page: its element's class, identity and tooltip."""

    kind: str  # "quote" | "entity"
    id: str
    css: str
    title: str
    speaker_id: str | None = None


@dataclass
class Block:
    kind: str  # "headline" | "meta" | "heading" | "paragraph"
    nodes: list[Element[Mark] | str]
    anchor: str | None = None


@dataclass
class SectionView:
    id: str
    heading: Block | None
    blocks: list[Block] = field(default_factory=list)


@dataclass
class SpeakerView:
    id: str
    name: str
    quote_count: int
    css: str
    href: str


@dataclass
class EntityTypeView:
    type: str
    css: str
    wording: str
    mention_count: int


@dataclass
class ArticlePage:
    id: str
    title: str | None
    headline: Block | None
    header_lines: list[Block]
    facts: list[tuple[str, str]]
    sections: list[SectionView]
    speakers: list[SpeakerView]
    unattributed: int
    entity_types: list[EntityTypeView]
    links: list[tuple[str, str]]


@dataclass
class IndexRow:
    title: str
    href: str
    byline: str
    counts: str


@dataclass
class IndexPage:
    rows: list[IndexRow]
    total: int
    first: int
    last: int
    previous: str | None
    next: str | None


def article_href(article_id: str, rest: str = "") -> str:
    return f"/articles/{url_quote(article_id, safe='')}{rest}"


def speaker_css(slot: int) -> str:
    pattern = slot // len(PALETTE) % len(PATTERNS)
    return f"sp{slot % len(PALETTE)}" + (f" pat-{PATTERNS[pattern]}" if pattern else "")


def entity_group(entity_type: str) -> tuple[str, str]:
    return ENTITY_GROUPS.get(entity_type, OTHER_GROUP)


def _quote_mark(q: domain.Quote, slots: dict[str, int]) -> Mark:
    lines = [f"Speaker: {q.speaker.name}" if q.speaker else "Speaker: not named in the article"]
    lines.append(f"Cue: {q.cue}" if q.cue else "Cue: none found")
    if q.speaker_mention:
        lines.append(f"Named by: \u201c{q.speaker_mention.text}\u201d")
    if q.kind == "partial":
        lines.append("Partial quote, inside the author's sentence")
    css = speaker_css(slots[q.speaker.id]) if q.speaker and q.speaker.id in slots else "unattributed"
    return Mark("quote", q.id, f"quote {css}", "\n".join(lines), q.speaker.id if q.speaker else None)


def _entity_mark(e: domain.Entity) -> Mark:
    css, _ = entity_group(e.type)
    return Mark("entity", e.id, f"ent {css}", f"{e.name} ({e.type})")


def _spans(article: domain.ParsedArticle, slots: dict[str, int]) -> list[Span[Mark]]:
    spans = [Span(q.start, q.end, QUOTE_RANK, _quote_mark(q, slots)) for q in article.quotes]
    for entity in article.entities:
        mark = _entity_mark(entity)
        spans.extend(Span(m.start, m.end, ENTITY_RANK, mark) for m in entity.mentions)
    return sorted(spans, key=lambda s: (s.start, -s.end, s.rank))


def _lines(text: str) -> list[tuple[int, int]]:
    """The text's non-blank lines as (start, end): the parser's blocks are whole lines."""
    lines, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((start, start + len(line)))
        start += len(line) + 1
    return lines


def _spans_by_line(lines: list[tuple[int, int]], spans: list[Span[Mark]]) -> list[list[Span[Mark]]]:
    """The spans touching each line, in one pass over both (spans sorted by start): linear, however long."""
    result: list[list[Span[Mark]]] = []
    following = 0
    open_spans: list[Span[Mark]] = []
    for start, end in lines:
        open_spans = [s for s in open_spans if s.end > start]
        while following < len(spans) and (spans[following].start < end or spans[following].start == end
                                          == spans[following].end):
            open_spans.append(spans[following])
            following += 1
        result.append([s for s in open_spans if s.end > start or start <= s.start == s.end])
    return result


def _body(article: domain.ParsedArticle,
          spans: list[Span[Mark]]) -> tuple[Block | None, list[Block], list[SectionView]]:
    """Headline, the header's other lines (byline, dateline) and the sections, in the text's order."""
    roles: dict[tuple[int, int], tuple[str, domain.Section, domain.Paragraph | None]] = {}
    for section in article.sections:
        if section.heading_start is not None and section.heading_end is not None:
            roles[(section.heading_start, section.heading_end)] = ("heading", section, None)
        for paragraph in section.paragraphs:
            roles[(paragraph.start, paragraph.end)] = ("paragraph", section, paragraph)
    headline: Block | None = None
    header: list[Block] = []
    sections: list[SectionView] = []
    views_by_id: dict[str, SectionView] = {}
    lines = _lines(article.text)
    for (start, end), touching in zip(lines, _spans_by_line(lines, spans)):
        nodes = nest(article.text, start, end, touching)
        role = roles.get((start, end))
        if role is None:
            is_title = bool(headline is None and article.title
                            and article.text[start:end].strip() == article.title.strip())
            block = Block("headline" if is_title else "meta", nodes)
            if is_title:
                headline = block
            elif sections:
                sections[-1].blocks.append(block)
            else:
                header.append(block)
            continue
        kind, section, paragraph = role
        view = views_by_id.get(section.id)
        if view is None:
            view = views_by_id[section.id] = SectionView(section.id, None)
            sections.append(view)
        if kind == "heading":
            view.heading = Block("heading", nodes, anchor=f"section-{section.id}")
        else:
            view.blocks.append(Block("paragraph", nodes, anchor=f"p{paragraph.index}"))
    return headline, header, sections


def article_page(article: domain.ParsedArticle) -> ArticlePage:
    ranked = views.speakers(article)  # the legend's order, most quoted first, is each speaker's palette slot
    headline, header, sections = _body(article, _spans(article, {s.id: i for i, s in enumerate(ranked)}))
    speakers = [SpeakerView(s.id, s.name, s.quote_count, speaker_css(i),
                            article_href(article.id, "/quotes?speaker=" + url_quote(s.id, safe="")))
                for i, s in enumerate(ranked)]
    mentions_by_type: Counter[str] = Counter()
    for entity in article.entities:
        mentions_by_type[entity.type] += len(entity.mentions)
    entity_types = [EntityTypeView(t, *entity_group(t), n) for t, n in mentions_by_type.most_common()]
    unattributed = sum(1 for q in article.quotes if q.speaker is None)
    facts = [(label, value) for label, value in (
        ("Author", article.author), ("Publisher", article.publisher),
        ("Words", f"{article.word_count:,}"), ("Sections", str(len(article.sections))),
        ("Quotes", f"{len(article.quotes)}" + (f" ({unattributed} unattributed)" if unattributed else "")),
        ("Entities", str(len(article.entities)))) if value]
    links = [(label, article_href(article.id, path)) for label, path in (
        ("text", "/text"), ("sections", "/sections"), ("quotes", "/quotes"), ("speakers", "/speakers"),
        ("entities", "/entities"))]
    return ArticlePage(article.id, article.title, headline, header, facts, sections, speakers, unattributed,
                       entity_types, links)


def index_page(listing: schemas.ArticleList) -> IndexPage:
    rows = []
    for a in listing.items:
        byline = " \u00b7 ".join(x for x in (a.author, a.publisher) if x)
        counts = f"{a.quote_count} quotes, {a.entity_count} entities, {a.word_count:,} words"
        rows.append(IndexRow(a.title or a.id, article_href(a.id), byline, counts))
    limit, offset, total = listing.limit, listing.offset, listing.total
    previous = f"/articles?limit={limit}&offset={max(offset - limit, 0)}" if offset > 0 else None
    following = f"/articles?limit={limit}&offset={offset + limit}" if offset + limit < total else None
    return IndexPage(rows, total, offset + 1 if rows else 0, offset + len(rows), previous, following)


def _palette_css() -> str:
    classes = [(f"sp{i}", colours) for i, colours in enumerate(PALETTE)] + [("unattributed", UNATTRIBUTED)]
    rules = [f":root {{ --text: {TEXT_COLOUR}; }}"]
    rules += [f".{cls} {{ background: {bg}; border-bottom-color: {line}; }}" for cls, (_, bg, line) in classes]
    rules += [f".pat-{p} {{ border-bottom-style: {p}; }}" for p in PATTERNS[1:]]
    return "\n".join(rules)


STYLESHEET = Markup((TEMPLATES / "page.css").read_text(encoding="utf-8").replace(
    "/* palette: the speakers' colours and the text colour, made by page.py */", _palette_css()))
PAGE_CSP = ("default-src 'none'; script-src 'none'; "
            f"style-src '{source_hash(STYLESHEET.encode())}'; img-src data:; "
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")

_env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                   trim_blocks=True, lstrip_blocks=True, auto_reload=False)


def _html(template: str, **context) -> HTMLResponse:
    body = _env.get_template(template).render(stylesheet=STYLESHEET, **context)
    return HTMLResponse(body, headers={"content-security-policy": PAGE_CSP, "referrer-policy": "no-referrer"})


def article_response(article: domain.ParsedArticle) -> HTMLResponse:
    return _html("article.html", page=article_page(article))


def index_response(listing: schemas.ArticleList) -> HTMLResponse:
    """The list of articles for a browser: the same page of summaries the JSON answer holds."""
    return _html("index.html", page=index_page(listing))
