"""Layout of a plain-text article: headline, byline, headings, paragraphs.

Works on the normalized text (one block a line) by general typographic
rules; it never looks at what the words mean, so it needs no model.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.domain import Paragraph, Section
from app.nlp import lexicon
from app.nlp.names import is_city, is_country
from app.nlp.text import UPPER, UPPER_RANGES, fold, slugify, squeeze, unique_slug, word_count

LEAD_ID = "lead"
HEADING_MAX_WORDS = 14
TITLE_MAX_WORDS = 45
HEADER_LINES = 4  # title, standfirst, byline, date line
SENTENCE_END = ".!?;:,…"
CLOSERS = "\"'”’»)]"
DASH = r"[–—|]|-{1,2}"

# Names and outlets start with a capital of any script: 'Émile Zola', 'Øystein Ås'.
_NAME_WORD = rf"(?:{UPPER}[\w'’.-]*|{UPPER}\.|(?:de|da|van|von|der|den|del|la|le|bin|al|el|di|du|dos|ter)\b)"
_PERSON = rf"{UPPER}[\w'’.-]*(?:\s+{_NAME_WORD}){{1,4}}"
_PEOPLE = rf"{_PERSON}(?:(?:\s*,\s*{_PERSON})*\s*,?\s+(?:and|&)\s+{_PERSON})?"
_OUTLET_WORD = rf"[{UPPER_RANGES}0-9][\w'’.&-]*"
_OUTLET = (rf"(?:the\s+)?{_OUTLET_WORD}(?:\s+(?:{_OUTLET_WORD}|&[\w'’.&-]*|of|the|and|for|on|de|del|la|le|du|des|di|der)"
           rf"){{0,6}}")
# Between a byline's parts: a comma, a dash or bar, a hyphen with spaces ('News-Lantern' is one word).
_SEPARATOR = r"(?:\s*,\s*|\s*[–—|·•]\s*|\s+-{1,2}\s+)"
# 'By Jo Roe', 'By: Jo Roe', 'Words by Jo Roe', 'By Jo Roe, The Courier'.
_BY = re.compile(rf"^(?:(?:words|story|text|interview|written|posted)\s+)?by:?\s+(?P<names>{_PEOPLE})"
                 rf"(?:{_SEPARATOR}(?P<outlet>{_OUTLET}))?\s*$", re.I)
# 'Photographs by Jo Roe', 'Pictures: Jo Roe': a credit for the pictures, not the writer.
_PICTURE_CREDIT = re.compile(rf"^(?:photo(?:graph)?s|pictures|images|illustrations?)(?:\s+by|\s*:)\s+(?P<names>{_PEOPLE})\s*$",
                             re.I)
# A name alone on its line: a byline when a publication date line follows it.
_NAME_ALONE = re.compile(rf"^(?P<names>{_PEOPLE})$")
# 'Jo Roe, The Courier', 'Jo Roe | The Courier'; a hyphen parts them only between spaces ('Jo Roe-Quarrie').
_NAMES_OUTLET = re.compile(rf"^(?P<names>{_PEOPLE}){_SEPARATOR}(?P<outlet>{_OUTLET})$")
# 'Jo Roe at Kelloway Road': a match reporter at the ground; the place is no outlet.
_NAMES_AT = re.compile(rf"^(?P<names>{_PEOPLE})\s+at\s+{_OUTLET}$")
# 'Author: Jo Roe (KBX7)', 'Byline: Jo Roe': a labelled byline, the outlet in brackets.
_LABELLED = re.compile(rf"^(?:author|byline|reporter)\s*:\s*(?P<names>{_PEOPLE})(?:\s*\((?P<outlet>{_OUTLET})\))?\s*$",
                       re.I)
# 'From Jo Roe, Lokoja': a reporter filing from a place; the place is no outlet.
_FROM = re.compile(rf"^from\s+(?P<names>{_PEOPLE})\s*(?:,|{DASH})\s*{_OUTLET}$", re.I)
# 'Riverside Oval, Kelton': a venue or place line under a byline, before the text.
_PLACE_LINE = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}(?:,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})+$")
# 'Jo Roe, Arts Correspondent': a role where the outlet would stand.
_ROLE = re.compile(r"\b(?:correspondent|editor|reporter|writer|columnist|critic|staff|contributor|desk|"
                   r"journalist|analyst|producer)s?$", re.I)
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE_LINE = re.compile(
    rf"^(?:(?:published|updated|posted|last updated|first published)\b[:\s]*)?[\w ,.:/|-]*"
    rf"(?:\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b|\b\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b)"
    rf"[\w ,.:/|()+–—-]*$", re.I)
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


def _bare(line: str) -> str:
    return line.rstrip(CLOSERS + " ")


def _is_sentence(line: str) -> bool:
    bare = _bare(line)
    return not bare or bare[-1] in SENTENCE_END


# What may trail a byline after its names and outlet: a reading time, a date, a handle.
_READING_TIME = re.compile(r"\s*[·•|]\s*\d+\s*min(?:ute)?s?(?:\s+read)?$", re.I)
_HANDLE = re.compile(r"\s+@\w+$")
# '| Updated: Mar 3, 2027, 18:42 IST': after a bar or a dot the date may hold several commas.
_BAR_TAIL = re.compile(r"\s*[·•|]\s*(?P<tail>[^·•|]*)$")
# '| Edited by Al Vane': the editor credited after the writer.
_EDITOR_TAIL = re.compile(r"\s*[·•|,;]\s*edited\s+by\b.*$", re.I)
_TAIL = re.compile(r"(?:\s*[·•|,]\s*|\s+on\s+|\s+(?=(?:published|updated|posted)\b))(?P<tail>[^·•|,]*(?:,[^·•|,]*)?)$",
                   re.I)
# 'Posted on March 3, 2027 by Jo Roe': a blog's date before its byline.
_DATE_THEN_BY = re.compile(r"^(?:posted|published|updated)(?:\s+on)?\s+(?P<date>.+?)\s+(?P<byline>by\s.*)$", re.I)
# 'Jo Roe in Kelton', 'By Jo Roe in Kelton': the reporter and the place filed from (no outlet).
# 'Jo Roe for the Kelton Echo': a freelance's byline naming the outlet that ran the piece.
_NAMES_FOR = re.compile(rf"^(?:[Bb]y\s+)?(?P<names>{_PEOPLE})\s+for\s+(?P<outlet>{_OUTLET})$")
_IN_PLACE = re.compile(rf"^(?P<names>.+?)\s+in\s+{UPPER}[\w'’.-]*(?:\s+{UPPER}[\w'’.-]*){{0,2}}$")
_OUTLET_IN_BRACKETS = re.compile(r"\s*\(([^()]{2,40})\)$")


def _byline_core(line: str) -> str:
    """'By Jo Roe · 4 min read', 'Posted by Jo Roe on March 3, 2026': the names and outlet, without
    what trails or, on a blog, precedes them."""
    if (m := _DATE_THEN_BY.match(line)) and _is_date_line(m.group("date")):
        line = m.group("byline")
    for _ in range(3):
        before = line
        line = _EDITOR_TAIL.sub("", _HANDLE.sub("", _READING_TIME.sub("", line)))
        for tail in (_TAIL, _BAR_TAIL):
            if (m := tail.search(line)) and _is_date_line(m.group("tail").strip()):
                line = line[:m.start()]
                break
        if line == before:
            break
    return line


def _parse_byline(line: str) -> tuple[str, str | None] | None:
    if len(line) > 100:
        return None
    line = _byline_core(line)
    if m := _FROM.match(line):
        return squeeze(m.group("names")), None
    # 'By Jo Roe (The Courier)': the outlet in brackets, as after a comma
    m = _BY.match(_OUTLET_IN_BRACKETS.sub(r", \1", line)) or _LABELLED.match(line) or _NAMES_OUTLET.match(line)
    if not m:
        m = _NAMES_AT.match(line)
        return (squeeze(m.group("names")), None) if m else None
    names = squeeze(m.group("names"))
    if in_place := _IN_PLACE.match(names):
        names = in_place.group("names")  # 'By Jo Roe in Kelton'
    outlet = m.group("outlet")
    if _ROLE.search(names):  # 'By Courier staff', 'By Staff Reporter': nobody named
        return None, None
    if outlet and (_ROLE.search(outlet) or is_city(outlet) or is_country(outlet)):
        outlet = None  # 'By Jo Roe, Arts Editor', 'By Jo Roe, Lagos': a role or the place filed from
    return names, (squeeze(outlet) if outlet else None)


def _byline_at(lines: list[tuple[str, int, int]], i: int) -> tuple[str, str | None] | None:
    """The byline line `i` is: one of a byline's layouts, or a name alone above a date line."""
    line = lines[i][0]
    if (byline := _parse_byline(line)) or i == 0:
        return byline
    core = _byline_core(line)  # 'Jo Roe @jroe'
    if (in_place := _IN_PLACE.match(core)) and _NAME_ALONE.match(in_place.group("names")):
        return squeeze(in_place.group("names")), None  # 'Jo Roe in Kelton' under the headline
    if m := _NAMES_FOR.match(core):
        return squeeze(m.group("names")), squeeze(re.sub(r"^the\s+", "", m.group("outlet"), flags=re.I))
    if i + 1 < len(lines) and _NAME_ALONE.match(core) and not _ROLE.search(core) and not _is_masthead(core) and (
            _is_date_line(lines[i + 1][0]) or _is_role_line(lines[i + 1][0])
            or _is_masthead(lines[i + 1][0]) and i + 2 < len(lines) and _is_date_line(lines[i + 2][0])):
        return squeeze(core), None  # 'Jo Roe' above 'March 3', 'Arts Editor' or 'The Kelton Echo' and a date
    return None


# 'Tarn Courier', 'From the Tarn Courier', 'Tarn Courier staff': the outlet on a line of its own.
MASTHEAD_WORDS = lexicon.words("organisation_words", "masthead")
_OUTLET_LINE = re.compile(rf"^(?:[Ff]rom\s+)?(?P<outlet>{_OUTLET})(?:\s+[Ss]taff)?$")


def _is_masthead(line: str) -> bool:
    """'The Kelton Echo', 'Kelton Gazette': an outlet's name, a masthead word ending it."""
    return len(line.split()) <= 6 and bool(_OUTLET_LINE.match(line)) and fold(line.split()[-1]) in MASTHEAD_WORDS


def _outlet_line(line: str, next_line: str | None, above_byline: bool) -> str | None:
    """The outlet a line beside the byline names: above it, when a masthead word ends it
    ('Courier', 'Times'); below it, when a date line follows ('Team News' may head a section)."""
    m = _OUTLET_LINE.match(re.sub(r"\s+[Ss]taff$", "", line))
    if not m or len(line.split()) > 6 or _is_sentence(line) or _is_date_line(line) or _ROLE.search(m.group("outlet")):
        return None
    outlet = re.sub(r"^[Tt]he\s+", "", m.group("outlet")) if line[:4].lower() == "from" else m.group("outlet")
    masthead = fold(outlet.split()[-1]) in MASTHEAD_WORDS
    marked = line[:4].lower() == "from" or line.lower().endswith(" staff")  # 'From the X', 'X staff'
    if marked or (masthead if above_byline else (next_line is not None and _is_date_line(next_line))
                  or (masthead and line.isupper())):
        return outlet
    return None


def _is_role_line(line: str) -> bool:
    """'Transport Correspondent', 'Senior Reporter, Business': a writer's role on its own line."""
    return len(line.split()) <= 5 and bool(_ROLE.search(line.split(",")[0].strip())) and not _is_sentence(line)


# 'an hour ago', 'Updated 3 hours ago', '4 min read': a page's relative time or reading time.
_RELATIVE_TIME = re.compile(r"^(?:(?:published|updated|posted)\s*:?\s*)?(?:an?|\d+|one|two|three|few)\s+"
                            r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$"
                            r"|^\d+\s*(?:min(?:ute)?s?)\s+read$"
                            r"|^(?:today|yesterday)(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?$", re.I)


# A line that opens with the date itself ('3 March 2027', 'Tue 3 Mar', 'Updated ...'), not a headline that holds one.
_DATE_FIRST = re.compile(rf"^(?:published|updated|posted|\d|{_MONTH}(?:\s|$)|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)", re.I)


def _is_date_line(line: str) -> bool:
    """A date line holds a date and little else: a short sentence holding one ('KELTON, March 3 - The
    council met.') is text."""
    words = len(line.split())
    return words <= 12 and not (words > 6 and _bare(line)[-1:] in ".!?") and (_DATE_LINE.match(line) or _RELATIVE_TIME.match(line)) is not None


def _looks_like_title(line: str, has_more: bool) -> bool:
    words = len(line.split())
    if not has_more or words > TITLE_MAX_WORDS:
        return False
    bare = _bare(line)
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
    rf"|^(?:follow|contact|email|e-mail)\s+(?-i:{_PERSON})\s+(?:on|at)\b"
    rf"|^(?:copyright\s*(?:©|\(c\))?\s*\d{{4}}|©|\(c\)\s)"
    rf"|^\(?(?:additional\s+|further\s+)?(?:reporting|writing|editing|edited|research)\s+by\s+(?-i:{_PERSON})"
    rf"|(?:^|[\s(.;|])(?:photo(?:graph)?|picture|image|credit|pic)s?\s*:\s*[^:]{{2,60}}\)?$", re.I)
# 'Jo Roe/Wirepress', '(Jo Roe/Kelton Echo)': a picture agency's credit under a photograph.
_AGENCY_CREDIT = re.compile(rf"(?:^|[\s.])\(?{_PERSON}\s*/\s*{_OUTLET}\)?$")
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
    return len(line.split()) <= HEADING_MAX_WORDS and not _is_sentence(line) and not _FURNITURE.match(line) \
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
        byline = _byline_at(lines, i) if out.author is None else None
        next_line = lines[i + 1][0] if i + 1 < len(lines) else None
        if byline:
            out.author, out.publisher = byline[0], byline[1] or out.publisher
            out.blocks.append(Block("byline", line, start, end, LEAD_ID))
        elif i > 0 and out.publisher is None and (
                (below := bool(out.blocks) and out.blocks[-1].kind == "byline")
                or (out.title is not None and out.author is None and (
                    i + 1 < len(lines) and _byline_at(lines, i + 1) or re.match(r"(?i)from\s|.*\sstaff$", line)))) \
                and (outlet := _outlet_line(line, next_line, above_byline=not below)):
            out.publisher = outlet  # 'Tarn Courier' above or below 'By Jo Roe'
            out.blocks.append(Block("byline", line, start, end, LEAD_ID))
        elif i == 0 and len(lines) > 2 and len(line.split()) <= 2 and not _is_sentence(line) \
                and _looks_like_title(lines[1][0], True) and len(lines[1][0].split()) > 3 \
                and (_byline_at(lines, 2) or _is_date_line(lines[2][0])):
            pass  # 'EXCLUSIVE', 'Politics' above the headline: a kicker, neither title nor text
        elif i == 0 and len(lines) > 1 and _DATE_FIRST.match(line) and _is_date_line(line) \
                and _looks_like_title(lines[1][0], len(lines) > 2):
            pass  # '3 March 2027' above the headline: metadata
        elif out.title is None and (i == 0 or out.author or not out.blocks) and (
                _looks_like_title(line, i + 1 < len(lines))
                or i + 1 < len(lines) and len(line.split()) <= TITLE_MAX_WORDS and _byline_at(lines, i + 1)):
            out.title = line
            out.blocks.append(Block("title", line, start, end, LEAD_ID))
        elif i > 0 and (credit := _PICTURE_CREDIT.match(line)):
            out.credited.append(squeeze(credit.group("names")))  # 'Photographs by Jo Roe'
            out.blocks.append(Block("byline", line, start, end, LEAD_ID))
        elif out.blocks and (out.blocks[-1].kind == "byline" or out.blocks[-1].kind == "title" and out.author is None) \
                and _is_role_line(line):
            out.blocks.append(Block("byline", line, start, end, LEAD_ID))  # 'Transport Correspondent', 'Staff Reporter'
        elif i > 0 and _is_date_line(line):
            # 'Updated 4 March 2024': metadata, neither heading nor text; under a byline it does not
            # count, so 'Updated ...' and 'Published ...' under 'Arts Editor' are both read
            header_lines += bool(out.author)
        elif out.title is not None and out.author is None and not standfirst and i + 1 < len(lines) \
                and _byline_at(lines, i + 1):
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
    if out.author and kinds and not standfirst and (_PLACE_LINE.match(body[0][0]) or is_city(body[0][0])):
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
