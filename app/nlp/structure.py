"""Layout of a plain-text article: headline, byline, headings, paragraphs.

Works on the normalized text (one block a line) by general typographic
rules; it never looks at what the words mean, so it needs no model.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.domain import Paragraph, Section
from app.nlp import lexicon
from app.nlp.bylines import (DASH, DATE_FIRST, OUTLET, PERSON, PICTURE_CREDIT, PLACE_LINE, byline_at, is_date_line,
                             is_role_line, is_sentence, outlet_line, stripped_line)
from app.nlp.names import is_city
from app.nlp.text import slugify, squeeze, unique_slug, word_count

LEAD_ID = "lead"
HEADING_MAX_WORDS = 14
TITLE_MAX_WORDS = 45
HEADER_LINES = 4  # title, standfirst, byline, date line
# The abbreviated state after a dateline's place: 'MODESTO, Calif.', 'ALBANY, N.Y.'.
DATELINE_STATE = r"(?:,\s*[A-Z][a-z]{1,5}\.(?:\s?[A-Z][a-z]?\.)?)"
# 'KERN COUNTY (KBX7) –', 'MODESTO, Calif. (AP) —': a capitalised place, perhaps its state, the outlet.
_DATELINE = re.compile(rf"^[A-Z][A-Z .,'’-]*[A-Z.]{DATELINE_STATE}?\s*\((?P<outlet>[^()]{{2,40}})\)\s*(?:{DASH})")


@dataclass
class Block:
    """One line of the article as the language steps see it."""

    kind: str  # "title" | "byline" | "heading" | "paragraph"
    text: str
    start: int
    end: int
    section_id: str
    paragraph_index: int | None = None


@dataclass
class Structure:
    text: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    credited: list[str] = field(default_factory=list)  # named in a header's picture credit
    sections: list[Section] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)

    @property
    def word_count(self) -> int:
        return sum(word_count(b.text) for b in self.blocks if b.kind in ("paragraph", "heading"))


def _looks_like_title(line: str, has_more: bool) -> bool:
    words = len(line.split())
    if not has_more or words > TITLE_MAX_WORDS:
        return False
    bare = stripped_line(line)
    if not bare:
        return False
    if bare[-1] in ".;:,":
        return bare.endswith("...") or bare.endswith("…")
    return True


# A publisher's furniture among the paragraphs: a link to another story, an advertisement's slot,
# a picture's credit.
_FURNITURE = re.compile(r"^(?:(?:also|read|see|watch|listen)(?:\s+(?:also|more|next|read))?|related(?:\s+stories)?)\s*[:|\-–—]\s*\S"
                        r"|^(?:advertisement|advertising|sponsored|story continues below(?:\s+advertisement)?)$"
                        r"|^(?:photo(?:graph)?|picture|image|file photo)s?\s*(?:by\b|:)", re.I)
_CALL = "|".join(sorted(lexicon.words("page_furniture", "call")))
_LABEL = "|".join(sorted(lexicon.words("page_furniture", "label")))
_LINK_LABEL = "|".join(sorted(lexicon.words("page_furniture", "link")))
_CREDIT = "|".join(sorted(lexicon.words("page_furniture", "credit")))
# The page around the story: a call to the reader ('Follow us on ...', 'Sign up for our newsletter',
# 'Download the Kelton Echo app'); a label alone ('Advertisement', 'WATCH', 'Read more'); a copyright
# notice; a credit for the reporting ('Reporting by X; Editing by Y', '(Additional reporting by X)');
# a caption's credit ('The quay at dusk. Photo: X', '... (Image: X)', 'Jo Roe/Wirepress', '... Supplied',
# 'Source: X'); an e-mail address; 'Follow Jo Roe on ...', 'Contact Jo Roe at ...'.
_PAGE_FURNITURE = re.compile(
    rf"^(?:{_CALL})\s+(?:up|us|our|here|now|this|to\s+(?:our|this)|for\s+(?:our|the)|the\b.*\bapp)\b"
    rf"|^(?:{_LABEL}|read\s+more|see\s+also|more\s+(?:by|from)\s+(?:this|the)\s+(?:author|writer|reporter)"
    rf"|more\s+on\s+this(?:\s+story)?|most\s+(?:read|popular|viewed|shared)|continue\s+reading\b.*"
    rf"|image\s+caption,?|(?:{_LINK_LABEL})\s+\w+)\s*:?$"
    rf"|^(?:{_CREDIT})\s*:\s|[.|]\s+(?:{_CREDIT})\.?$|\S@\w[\w-]*\.\w"
    rf"|^(?:follow|contact|email|e-mail)\s+(?-i:{PERSON})\s+(?:on|at)\b"
    rf"|^(?:copyright\s*(?:©|\(c\))?\s*\d{{4}}|©|\(c\)\s)"
    rf"|^\(?(?:additional\s+|further\s+)?(?:reporting|writing|editing|edited|research)\s+by\s+(?-i:{PERSON})"
    rf"|(?:^|[\s(.;|])(?:photo(?:graph)?|picture|image|credit|pic)s?\s*:\s*[^:]{{2,60}}\)?$", re.I)
# 'Jo Roe/Wirepress', '(Jo Roe/Kelton Echo)': a picture agency's credit under a photograph.
_AGENCY_CREDIT = re.compile(rf"(?:^|[\s.])\(?{PERSON}\s*/\s*{OUTLET}\)?$")
# A label after which the next line is another story's headline: 'Read more', 'RELATED', 'Read more:'.
# 'Image caption', 'Tags': a label after which the next line is the caption or the tags.
_LINK_LINE = re.compile(rf"^(?:(?:also\s+)?read\s+(?:more|also)|see\s+also|image\s+caption|(?:{_LINK_LABEL})(?:\s+\w+)?)\s*[:,]?$",
                        re.I)


# '• The pier shuts', '- Work takes a year': an item of a list, text however short.
_LIST_ITEM = re.compile(r"^[•·▪●◦‣∙*+–—-]\s")


# 'Why is the pier closing?', 'What happens next?': an explainer's question heading (a wh-word or an
# auxiliary first, short, unquoted, unlabelled).
_QUESTION_HEADING = re.compile(r"^(?:who|what|when|where|why|how|which|is|are|was|were|will|can|could|should|"
                               r"does|do|did|has|have)\b[^\"“”:]{3,90}\?$", re.I)
# 'you' in a question: one put to somebody, as in an interview, not a question the story answers.
_ADDRESSED = re.compile(r"\b(?:you|your|yours|yourself)\b", re.I)


def _explainer_questions(body: list[tuple[str, int, int]]) -> set[int]:
    """The question lines that head an explainer's sections: two or more, none put to 'you', each
    followed by an answer (not another question). An interview's questions stay text."""
    found = [n for n, (line, _, _) in enumerate(body)
             if len(line.split()) <= 12 and _QUESTION_HEADING.match(line)]
    if len(found) < 2 or any(_ADDRESSED.search(body[n][0]) for n in found):
        return set()
    if any(n + 1 >= len(body) or body[n + 1][0].rstrip().endswith("?") for n in found):
        return set()
    return set(found)


def _looks_like_heading(line: str) -> bool:
    return len(line.split()) <= HEADING_MAX_WORDS and not is_sentence(line) and not _FURNITURE.match(line) \
        and not _PAGE_FURNITURE.search(line) and not _AGENCY_CREDIT.search(line) \
        and not _LIST_ITEM.match(line)


def parse_structure(text: str) -> Structure:
    """Split normalized text into metadata, sections and blocks with offsets."""
    out = Structure(text=text)
    lines: list[tuple[str, int, int]] = []
    pos = 0
    for line in text.split("\n") if text else []:
        lines.append((line, pos, pos + len(line)))
        pos += len(line) + 1

    # Header: a title, a byline and a publication date line, in the first lines. A standfirst
    # printed between the title and the byline is text (the lead's first paragraph).
    i, standfirst = 0, []
    header_lines = HEADER_LINES
    while i < min(header_lines, len(lines)):
        line, start, end = lines[i]
        byline = byline_at(lines, i) if out.author is None else None
        next_line = lines[i + 1][0] if i + 1 < len(lines) else None
        if byline:
            out.author, out.publisher = byline[0], byline[1] or out.publisher
            out.blocks.append(Block("byline", line, start, end, LEAD_ID))
        elif i > 0 and out.publisher is None and (
                (below := bool(out.blocks) and out.blocks[-1].kind == "byline")
                or (out.title is not None and out.author is None and (
                    i + 1 < len(lines) and byline_at(lines, i + 1) or re.match(r"(?i)from\s|.*\sstaff$", line)))) \
                and (outlet := outlet_line(line, next_line, above_byline=not below)):
            out.publisher = outlet  # 'Tarn Courier' above or below 'By Jo Roe'
            out.blocks.append(Block("byline", line, start, end, LEAD_ID))
        elif i == 0 and len(lines) > 2 and len(line.split()) <= 2 and not is_sentence(line) \
                and _looks_like_title(lines[1][0], True) and len(lines[1][0].split()) > 3 \
                and (byline_at(lines, 2) or is_date_line(lines[2][0])):
            pass  # 'EXCLUSIVE', 'Politics' above the headline: a kicker, neither title nor text
        elif i == 0 and len(lines) > 1 and DATE_FIRST.match(line) and is_date_line(line) \
                and _looks_like_title(lines[1][0], len(lines) > 2):
            pass  # '3 March 2027' above the headline: metadata
        elif out.title is None and (i == 0 or out.author or not out.blocks) and (
                _looks_like_title(line, i + 1 < len(lines))
                or i + 1 < len(lines) and len(line.split()) <= TITLE_MAX_WORDS and byline_at(lines, i + 1)):
            out.title = line
            out.blocks.append(Block("title", line, start, end, LEAD_ID))
        elif i > 0 and (credit := PICTURE_CREDIT.match(line)):
            out.credited.append(squeeze(credit.group("names")))  # 'Photographs by Jo Roe'
            out.blocks.append(Block("byline", line, start, end, LEAD_ID))
        elif out.blocks and (out.blocks[-1].kind == "byline" or out.blocks[-1].kind == "title" and out.author is None) \
                and is_role_line(line):
            out.blocks.append(Block("byline", line, start, end, LEAD_ID))  # 'Transport Correspondent', 'Staff Reporter'
        elif i > 0 and is_date_line(line):
            # 'Updated 4 March 2024': metadata, neither heading nor text; under a byline it does not
            # count, so 'Updated ...' and 'Published ...' under 'Arts Editor' are both read
            header_lines += bool(out.author)
        elif out.title is not None and out.author is None and not standfirst and i + 1 < len(lines) \
                and byline_at(lines, i + 1):
            standfirst.append(lines[i])
        else:
            break
        i += 1

    body = standfirst + lines[i:]
    kinds = ["paragraph" if n < len(standfirst) or not _looks_like_heading(line) else "heading"
             for n, (line, _, _) in enumerate(body)]
    for n in _explainer_questions(body):
        if n >= len(standfirst):
            kinds[n] = "heading"
    # The headline of another story under 'Read more' or 'RELATED' is a link, no heading.
    for n in range(1, len(body)):
        if _LINK_LINE.match(body[n - 1][0]):
            kinds[n] = "paragraph"
    # A heading must introduce something: the last line is text ('Our verdict' may
    # introduce a one-line verdict).
    if kinds:
        kinds[-1] = "paragraph"
    # 'Riverside Oval, Kelton' or a city alone right under the byline: where the story was filed, not a heading.
    if out.author and kinds and not standfirst and (PLACE_LINE.match(body[0][0]) or is_city(body[0][0])):
        kinds[0] = "paragraph"

    # 'CITY (Outlet) –' opens the first paragraph, or the second after a standfirst.
    for line, kind in list(zip((line for line, _, _ in body), kinds))[:2]:
        m = _DATELINE.match(line) if out.publisher is None and kind == "paragraph" else None
        if m:
            out.publisher = squeeze(m.group("outlet"))

    lead = Section(LEAD_ID, 0, None, body[0][1] if body else len(text), body[0][1] if body else len(text))
    out.sections.append(lead)
    used_ids = {LEAD_ID}
    paragraph_index = 0
    for (line, start, end), kind in zip(body, kinds):
        if kind == "heading":
            sid = unique_slug(slugify(line) or f"section-{len(out.sections)}", used_ids)
            section = Section(sid, len(out.sections), line, start, end, [], start, end)
            out.sections.append(section)
            out.blocks.append(Block("heading", line, start, end, sid))
            continue
        section = out.sections[-1]
        if not section.paragraphs and section.heading is None:
            section.start = start
        section.paragraphs.append(Paragraph(paragraph_index, line, start, end))
        section.end = end
        out.blocks.append(Block("paragraph", line, start, end, section.id, paragraph_index))
        paragraph_index += 1
    if not lead.paragraphs and len(out.sections) > 1:
        lead.start = lead.end = out.sections[1].start
    return out
