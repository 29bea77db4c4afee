"""The lines around a headline: bylines, outlets, writers' roles and date lines.

Typographic rules only, no model: 'By Jo Roe, The Courier', 'Jo Roe | Courier | March 3, 2027',
'Posted on March 3 by Jo Roe', a name alone above a date line or a role line, an outlet on a line of
its own. `structure` asks these of the first lines of an article.
"""
from __future__ import annotations

import re

from app.nlp.names import MASTHEAD_WORDS, is_city, is_country
from app.nlp.text import UPPER, UPPER_RANGES, fold, squeeze

SENTENCE_END = ".!?;:,…"
CLOSERS = "\"'”’»)]"
DASH = r"[–—|]|-{1,2}"

# Names and outlets start with a capital of any script: 'Émile Zola', 'Øystein Ås'.
_NAME_WORD = rf"(?:{UPPER}[\w'’.-]*|{UPPER}\.|(?:de|da|van|von|der|den|del|la|le|bin|al|el|di|du|dos|ter)\b)"
PERSON = rf"{UPPER}[\w'’.-]*(?:\s+{_NAME_WORD}){{1,4}}"
_PEOPLE = rf"{PERSON}(?:(?:\s*,\s*{PERSON})*\s*,?\s+(?:and|&)\s+{PERSON})?"
_OUTLET_WORD = rf"[{UPPER_RANGES}0-9][\w'’.&-]*"
OUTLET = (rf"(?:the\s+)?{_OUTLET_WORD}(?:\s+(?:{_OUTLET_WORD}|&[\w'’.&-]*|of|the|and|for|on|de|del|la|le|du|des|di|der)"
           rf"){{0,6}}")
# Between a byline's parts: a comma, a dash or bar, a hyphen with spaces ('News-Lantern' is one word).
_SEPARATOR = r"(?:\s*,\s*|\s*[–—|·•]\s*|\s+-{1,2}\s+)"
# 'By Jo Roe', 'By: Jo Roe', 'Words by Jo Roe', 'By Jo Roe, The Courier'.
_BY = re.compile(rf"^(?:(?:words|story|text|interview|written|posted)\s+)?by:?\s+(?P<names>{_PEOPLE})"
                 rf"(?:{_SEPARATOR}(?P<outlet>{OUTLET}))?\s*$", re.I)
# 'Photographs by Jo Roe', 'Pictures: Jo Roe': a credit for the pictures, not the writer.
PICTURE_CREDIT = re.compile(rf"^(?:photo(?:graph)?s|pictures|images|illustrations?)(?:\s+by|\s*:)\s+(?P<names>{_PEOPLE})\s*$",
                             re.I)
# A name alone on its line: a byline when a publication date line follows it.
_NAME_ALONE = re.compile(rf"^(?P<names>{_PEOPLE})$")
# 'Jo Roe, The Courier', 'Jo Roe | The Courier'; a hyphen parts them only between spaces ('Jo Roe-Quarrie').
_NAMES_OUTLET = re.compile(rf"^(?P<names>{_PEOPLE}){_SEPARATOR}(?P<outlet>{OUTLET})$")
# 'Jo Roe at Kelloway Road': a match reporter at the ground; the place is no outlet.
_NAMES_AT = re.compile(rf"^(?P<names>{_PEOPLE})\s+at\s+{OUTLET}$")
# 'Author: Jo Roe (KBX7)', 'Byline: Jo Roe': a labelled byline, the outlet in brackets.
_LABELLED = re.compile(rf"^(?:author|byline|reporter)\s*:\s*(?P<names>{_PEOPLE})(?:\s*\((?P<outlet>{OUTLET})\))?\s*$",
                       re.I)
# 'From Jo Roe, Lokoja': a reporter filing from a place; the place is no outlet.
_FROM = re.compile(rf"^from\s+(?P<names>{_PEOPLE})\s*(?:,|{DASH})\s*{OUTLET}$", re.I)
# 'Riverside Oval, Kelton': a venue or place line under a byline, before the text.
PLACE_LINE = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}(?:,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})+$")
# 'Jo Roe, Arts Correspondent': a role where the outlet would stand.
_ROLE = re.compile(r"\b(?:correspondent|editor|reporter|writer|columnist|critic|staff|contributor|desk|"
                   r"journalist|analyst|producer)s?$", re.I)
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE_LINE = re.compile(
    rf"^(?:(?:published|updated|posted|last updated|first published)\b[:\s]*)?[\w ,.:/|-]*"
    rf"(?:\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b|\b\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b)"
    rf"[\w ,.:/|()+–—-]*$", re.I)


def stripped_line(line: str) -> str:
    """The line without the closing marks and brackets that may end it: what its last character is."""
    return line.rstrip(CLOSERS + " ")


def is_sentence(line: str) -> bool:
    bare = stripped_line(line)
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
_NAMES_FOR = re.compile(rf"^(?:[Bb]y\s+)?(?P<names>{_PEOPLE})\s+for\s+(?P<outlet>{OUTLET})$")
_IN_PLACE = re.compile(rf"^(?P<names>.+?)\s+in\s+{UPPER}[\w'’.-]*(?:\s+{UPPER}[\w'’.-]*){{0,2}}$")
_OUTLET_IN_BRACKETS = re.compile(r"\s*\(([^()]{2,40})\)$")


def _byline_core(line: str) -> str:
    """'By Jo Roe · 4 min read', 'Posted by Jo Roe on March 3, 2026': the names and outlet, without
    what trails or, on a blog, precedes them."""
    if (m := _DATE_THEN_BY.match(line)) and is_date_line(m.group("date")):
        line = m.group("byline")
    for _ in range(3):
        before = line
        line = _EDITOR_TAIL.sub("", _HANDLE.sub("", _READING_TIME.sub("", line)))
        for tail in (_TAIL, _BAR_TAIL):
            if (m := tail.search(line)) and is_date_line(m.group("tail").strip()):
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


def byline_at(lines: list[tuple[str, int, int]], i: int) -> tuple[str, str | None] | None:
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
            is_date_line(lines[i + 1][0]) or is_role_line(lines[i + 1][0])
            or _is_masthead(lines[i + 1][0]) and i + 2 < len(lines) and is_date_line(lines[i + 2][0])):
        return squeeze(core), None  # 'Jo Roe' above 'March 3', 'Arts Editor' or 'The Kelton Echo' and a date
    return None


# 'Tarn Courier', 'From the Tarn Courier', 'Tarn Courier staff': the outlet on a line of its own.
_OUTLET_LINE = re.compile(rf"^(?:[Ff]rom\s+)?(?P<outlet>{OUTLET})(?:\s+[Ss]taff)?$")


def _is_masthead(line: str) -> bool:
    """'The Kelton Echo', 'Kelton Gazette': an outlet's name, a masthead word ending it."""
    return len(line.split()) <= 6 and bool(_OUTLET_LINE.match(line)) and fold(line.split()[-1]) in MASTHEAD_WORDS


def outlet_line(line: str, next_line: str | None, above_byline: bool) -> str | None:
    """The outlet a line beside the byline names: above it, when a masthead word ends it
    ('Courier', 'Times'); below it, when a date line follows ('Team News' may head a section)."""
    m = _OUTLET_LINE.match(re.sub(r"\s+[Ss]taff$", "", line))
    if not m or len(line.split()) > 6 or is_sentence(line) or is_date_line(line) or _ROLE.search(m.group("outlet")):
        return None
    outlet = re.sub(r"^[Tt]he\s+", "", m.group("outlet")) if line[:4].lower() == "from" else m.group("outlet")
    masthead = fold(outlet.split()[-1]) in MASTHEAD_WORDS
    marked = line[:4].lower() == "from" or line.lower().endswith(" staff")  # 'From the X', 'X staff'
    if marked or (masthead if above_byline else (next_line is not None and is_date_line(next_line))
                  or (masthead and line.isupper())):
        return outlet
    return None


def is_role_line(line: str) -> bool:
    """'Transport Correspondent', 'Senior Reporter, Business': a writer's role on its own line."""
    return len(line.split()) <= 5 and bool(_ROLE.search(line.split(",")[0].strip())) and not is_sentence(line)


# 'an hour ago', 'Updated 3 hours ago', '4 min read': a page's relative time or reading time.
_RELATIVE_TIME = re.compile(r"^(?:(?:published|updated|posted)\s*:?\s*)?(?:an?|\d+|one|two|three|few)\s+"
                            r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$"
                            r"|^\d+\s*(?:min(?:ute)?s?)\s+read$"
                            r"|^(?:today|yesterday)(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?$", re.I)


# A line that opens with the date itself ('3 March 2027', 'Tue 3 Mar', 'Updated ...'), not a headline that holds one.
DATE_FIRST = re.compile(rf"^(?:published|updated|posted|\d|{_MONTH}(?:\s|$)|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)", re.I)


def is_date_line(line: str) -> bool:
    """A date line holds a date and little else: a short sentence holding one ('KELTON, March 3 - The
    council met.') is text."""
    words = len(line.split())
    return words <= 12 and not (words > 6 and stripped_line(line)[-1:] in ".!?") and (_DATE_LINE.match(line) or _RELATIVE_TIME.match(line)) is not None
