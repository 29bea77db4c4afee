"""Names the model left untagged, found by a construction around them or vouched for by the rest of
the article (more repairs in `repairs`)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.nlp import lexicon
from app.nlp.entities.mentions import ACRONYM, VALUE_TYPES, RawMention, untagged_capital
from app.nlp.entities.surroundings import listed_words
from app.nlp.entities.titles import PLACE_OFFICES, honorific
from app.nlp.names import MASTHEAD_WORDS, PLACE_NOUNS, TITLE_WORDS, fold, is_city, is_country, is_first_name, name_tokens
from app.nlp.text import overlaps

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from app.nlp.structure import Block, Structure


def untagged_names(doc: "Doc", block: "Block", raws: list[RawMention]) -> list[RawMention]:
    """The names this module finds in one block, each repair in turn, none over a name found before."""
    found = spelled_out_acronyms(block, raws) + names_before_acronyms(doc, block, raws)
    found += honorific_names(doc, block, [(r.start, r.end) for r in raws])
    for repair in (untagged_places, listed_places, described_places, untagged_mastheads, regnal_names, places_of_office, employers_after_of,
                   platforms_after_on, named_by_kind):
        found += repair(doc, block, [(r.start, r.end) for r in raws + found])
    return found


PLACE_PREPOSITIONS = lexicon.words("place_prepositions")
INITIALISM_SKIP_WORDS = lexicon.words("initialism_skip_words")
NAMED_KINDS = lexicon.words("organisation_words", "named")


_NAME_WORD = r"(?:[A-Z][\w’'&.-]*|" + "|".join(re.escape(w) for w in sorted(INITIALISM_SKIP_WORDS, key=len, reverse=True)) + ")"
_SPELLED_OUT = re.compile(rf" \(({_NAME_WORD}(?: {_NAME_WORD}){{1,9}})\)")


def spelled_out_acronyms(block: "Block", raws: list[RawMention]) -> list[RawMention]:
    """'the secretary of the FRB (Federal Roads Board)': the words in brackets after an acronym spell
    out its name, though the model tagged only the acronym. The defined-acronym merge joins them."""
    found = []
    for raw in raws:
        if raw.label in VALUE_TYPES or raw.label == "PERSON" or not ACRONYM.match(raw.text.replace(".", "")):
            continue
        m = _SPELLED_OUT.match(block.text, raw.end - block.start)
        if m is None or not m.group(1)[:1].isupper() or not m.group(1).split()[-1][:1].isupper():
            continue
        start = block.start + m.start(1)
        if overlaps(((r.start, r.end) for r in raws), start, start + len(m.group(1))):
            continue
        found.append(RawMention(m.group(1), start, start + len(m.group(1)), "ORG", block.kind == "paragraph"))
    return found


def untagged_places(doc: "Doc", block: "Block", taken: list[tuple[int, int]]) -> list[RawMention]:
    """'a third bakery in Bergen', 'ferries from Lagos': a known city or country the model left
    untagged after a preposition of place is that place."""
    found = []
    for token in doc:
        if token.i == 0 or doc[token.i - 1].lower_ not in PLACE_PREPOSITIONS or not _untagged_name_word(token):
            continue
        end = _untagged_run_end(doc, token.i)
        text = doc[token.i:end + 1].text
        start = block.start + token.idx
        if not (is_city(text) or is_country(text)) or overlaps(taken, start, start + len(text)):
            continue
        found.append(RawMention(text, start, start + len(text), "GPE", block.kind == "paragraph", place_context=True,
                                located=doc[token.i - 1].lower_ in ("in", "at", "near")))
    return found


def described_places(doc: "Doc", block: "Block", taken: list[tuple[int, int]]) -> list[RawMention]:
    """'residents of Kelby, a town in Tarn County': capitalised words the model left untagged, set off
    by a comma and 'a' or 'the' before a noun for a kind of place, name that place."""
    found = []
    for token in doc[1:]:
        if not _untagged_name_word(token) or _untagged_name_word(doc[token.i - 1]):
            continue
        end = _untagged_run_end(doc, token.i)
        rest = doc[end + 1:end + 6]
        if len(rest) < 3 or rest[0].text != "," or rest[1].lower_ not in ("a", "an", "the"):
            continue
        noun = next((t for t in rest[2:] if t.pos_ == "NOUN"), None)
        if noun is None or noun.lemma_.lower() not in PLACE_NOUNS or not all(
                t.pos_ in ("ADJ", "NOUN", "PUNCT") or t.text == "-" for t in doc[rest[2].i:noun.i]):
            continue
        start, end_char = block.start + token.idx, block.start + doc[end].idx + len(doc[end].text)
        if overlaps(taken, start, end_char):
            continue
        found.append(RawMention(doc[token.i:end + 1].text, start, end_char, "GPE", block.kind == "paragraph",
                                place_context=True))
    return found


def listed_places(doc: "Doc", block: "Block", taken: list[tuple[int, int]]) -> list[RawMention]:
    """'clinics in Arnby, Tolsey, Wexbury and Quillan': words the model left untagged in a list, after
    a preposition of place, beside a place it tagged, are places too."""
    found = []
    for token in doc:
        if not _untagged_name_word(token) or token.pos_ != "PROPN":
            continue
        items = listed_words(doc, token.i)
        if not items or items[0] == 0 or doc[items[0] - 1].lower_ not in PLACE_PREPOSITIONS \
                or not any(doc[i].ent_type_ in ("GPE", "LOC") for i in items):
            continue
        start = block.start + token.idx
        if not overlaps(taken, start, start + len(token.text)):
            found.append(RawMention(token.text, start, start + len(token.text), "GPE", block.kind == "paragraph",
                                    place_context=True))
    return found


def _untagged_name_word(token) -> bool:
    """A capitalised word the model left untagged that is no title and opens no sentence."""
    return untagged_capital(token) and not token.is_sent_start and token.lower_ not in TITLE_WORDS


def _untagged_run_end(doc: "Doc", i: int) -> int:
    """The last of up to three such words from `i` on: 'Port Arnby Bay'."""
    end = i
    while end + 1 < len(doc) and end - i < 2 and _untagged_name_word(doc[end + 1]):
        end += 1
    return end


def untagged_mastheads(doc: "Doc", block: "Block", taken: list[tuple[int, int]]) -> list[RawMention]:
    """'The Harwell Gazette observed', 'told the Brackton Evening News': capitalised words after 'the',
    ending in a word that ends newspapers' names, are a paper, though the model left them untagged."""
    found = []
    for token in doc:
        if token.lower_ not in MASTHEAD_WORDS or not token.text[:1].isupper() or token.ent_type_:
            continue
        first = token.i
        while first > 0 and token.i - first < 4 and _untagged_name_word(doc[first - 1]) and doc[first - 1].pos_ == "PROPN":
            first -= 1
        if first == token.i or first == 0 or doc[first - 1].lower_ != "the":
            continue
        start, end = block.start + doc[first].idx, block.start + token.idx + len(token.text)
        if token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper() or overlaps(taken, start, end):
            continue
        found.append(RawMention(block.text[start - block.start:end - block.start], start, end, "ORG",
                                block.kind == "paragraph"))
    return found


_REGNAL = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV|XVI{0,3})$")


def regnal_names(doc: "Doc", block: "Block", taken: list[tuple[int, int]]) -> list[RawMention]:
    """'King Aldric IV', 'Pope Severin II': a title, a given name and a regnal number the model left
    untagged are a person."""
    found = []
    for token in doc[1:-1]:
        title, number = doc[token.i - 1], doc[token.i + 1]
        if not (_untagged_name_word(token) and title.text[:1].isupper() and title.lower_ in TITLE_WORDS
                and _REGNAL.match(number.text) and not number.ent_type_):
            continue
        start, end = block.start + title.idx, block.start + number.idx + len(number.text)
        if overlaps(taken, start, end):
            continue
        found.append(RawMention(block.text[start - block.start:end - block.start], start, end, "PERSON",
                                block.kind == "paragraph"))
    return found


def honorific_names(doc: "Doc", block: "Block", taken: list[tuple[int, int]]) -> list[RawMention]:
    """'the commissioner, Mr Kelan Obi, denied': the capitalised words after a courtesy title are a
    person's name, wholly, even where the model tagged none of them or only the first."""
    found = []
    for token in doc[:-1]:
        if not honorific(token):
            continue
        words = []
        for word in doc[token.i + 1:token.i + 4]:
            if not (word.is_alpha or "'" in word.text or "’" in word.text or "-" in word.text) \
                    or not word.text[:1].isupper() or word.lower_ in TITLE_WORDS \
                    or (word.ent_type_ and word.ent_type_ != "PERSON"):
                break
            words.append(word)
        if len(words) < 2:
            continue
        start, end = block.start + token.idx, block.start + words[-1].idx + len(words[-1].text)
        if any(s < end and start < e and not (start <= s and e <= end) for s, e in taken) \
                or (start, end) in taken or (block.start + words[0].idx, end) in taken:
            continue  # a name the model found whole, or one crossing these words
        found.append(RawMention(block.text[start - block.start:end - block.start], start, end, "PERSON",
                                block.kind == "paragraph", person_context=True))
    return found


def places_of_office(doc: "Doc", block: "Block", taken: list[tuple[int, int]]) -> list[RawMention]:
    """'Arnby North Mayor Jo Roe said': the capitalised words before the title of a place's office,
    before a person, are the place, though the model left them untagged."""
    found = []
    for token in doc[1:-1]:
        if token.lower_ not in PLACE_OFFICES or not token.text[:1].isupper() or doc[token.i + 1].ent_type_ != "PERSON":
            continue
        first = token.i
        while first > 0 and token.i - first < 3 and doc[first - 1].pos_ == "PROPN" and untagged_capital(doc[first - 1]) \
                and doc[first - 1].lower_ not in TITLE_WORDS:
            first -= 1
        if first == token.i or first > 0 and doc[first - 1].text[:1].isupper():
            continue
        start, end = block.start + doc[first].idx, block.start + doc[token.i - 1].idx + len(doc[token.i - 1].text)
        if overlaps(taken, start, end):
            continue
        found.append(RawMention(block.text[start - block.start:end - block.start], start, end, "GPE",
                                block.kind == "paragraph", place_context=True))
    return found


def employers_after_of(doc: "Doc", block: "Block", taken: list[tuple[int, int]]) -> list[RawMention]:
    """'Lena Roth of Quistgaard Mellor trimmed her forecast': capitalised words after a person's name
    and 'of' are the organisation they work for, though the model left them untagged (a known
    place aside: 'Jo Roe of Tampere')."""
    found = []
    for of in doc[2:-2]:
        person = doc[of.i - 1]
        if of.lower_ != "of" or person.ent_type_ not in ("PERSON", "ORG") or person.ent_iob_ == "B" \
                or not is_first_name(doc[person.i - 1].text):
            continue
        end = of.i
        while end + 1 < len(doc) and end - of.i < 4 and _untagged_name_word(doc[end + 1]) and doc[end + 1].pos_ == "PROPN":
            end += 1
        if end - of.i < 2 or end + 1 < len(doc) and doc[end + 1].text[:1].isupper():
            continue
        text = doc[of.i + 1:end + 1].text
        start = block.start + doc[of.i + 1].idx
        if is_city(text) or is_country(text) or overlaps(taken, start, start + len(text)):
            continue
        found.append(RawMention(text, start, start + len(text), "ORG", block.kind == "paragraph"))
    return found


def platforms_after_on(doc: "Doc", block: "Block", taken: list[tuple[int, int]]) -> list[RawMention]:
    """'we found out on Chirper', 'one fan wrote on Pixly': a capitalised word the model left untagged,
    alone after 'on' that a verb governs, is where something was read or posted: a platform."""
    found = []
    for token in doc[2:]:
        on = doc[token.i - 1]
        if on.text != "on" or on.head.pos_ != "VERB" or token.head.i != on.i or not _untagged_name_word(token) \
                or token.pos_ != "PROPN" or token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper():
            continue
        start = block.start + token.idx
        if is_city(token.text) or is_country(token.text) or overlaps(taken, start, start + len(token.text)):
            continue
        found.append(RawMention(token.text, start, start + len(token.text), "ORG", block.kind == "paragraph",
                                on_platform=True))
    return found


def named_by_kind(doc: "Doc", block: "Block", taken: list[tuple[int, int]]) -> list[RawMention]:
    """'speaking to Wowza! magazine', 'the Vellmar label': capitalised words the model left untagged
    before a lowercase noun for the kind of organisation they name."""
    found = []
    for kind in doc[1:]:
        if kind.lower_ not in NAMED_KINDS or not kind.is_lower:
            continue
        end = kind.i - 1 if doc[kind.i - 1].text != "!" else kind.i - 2
        first = end + 1
        while first - 1 >= 0 and end - first < 2 and _untagged_name_word(doc[first - 1]):
            first -= 1
        if first > end:
            continue
        start, stop = block.start + doc[first].idx, block.start + doc[kind.i - 1].idx + len(doc[kind.i - 1].text)
        if overlaps(taken, start, stop):
            continue
        found.append(RawMention(block.text[start - block.start:stop - block.start], start, stop, "ORG",
                                block.kind == "paragraph", kind_named=True))
    return found


_BRACKETED_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,5}$")


def names_before_acronyms(doc: "Doc", block: "Block", raws: list[RawMention]) -> list[RawMention]:
    """'the deputies of Unione 9 Vele (U9V)', 'the Arnian Roads Board (ARB)': the words before an
    acronym in brackets whose initials spell it are one name, however the model cut or tagged them
    (the pieces it tagged inside are dropped as nested)."""
    found = []
    for token in doc[2:-1]:
        if doc[token.i - 1].text != "(" or doc[token.i + 1].text != ")" or not _BRACKETED_ACRONYM.match(token.text):
            continue
        letters, i = list(token.text.lower()), token.i - 2
        first = None
        while i >= 0 and letters:
            word = doc[i]
            if word.lower_ in INITIALISM_SKIP_WORDS and first is not None:
                i -= 1
                continue
            if not (word.text[:1].isupper() or word.text.isdigit()) or word.text[0].lower() != letters[-1]:
                break
            letters.pop()
            first = i
            i -= 1
        after = doc[token.i + 2] if token.i + 2 < len(doc) else None
        if letters or first is None or token.i - 1 - first < 2 or after is not None and after.is_lower and after.pos_ == "NOUN":
            continue  # '... Monitoring (ECM) system': the name of a thing
        start, end = block.start + doc[first].idx, block.start + doc[token.i - 2].idx + len(doc[token.i - 2].text)
        if any(r.start < start < r.end or r.start < end < r.end or (r.start, r.end) == (start, end) for r in raws):
            continue  # the model's name already, or one that runs across it
        found.append(RawMention(block.text[start - block.start:end - block.start], start, end, "ORG",
                                block.kind == "paragraph"))
    return found


# ---------------------------------------------------------------- names the rest of the article vouches for


def untagged_known_names(structure: "Structure", docs: list["Doc"], raws: list[RawMention]) -> list[RawMention]:
    """'Bruno sold the boat in 2004' with Bruno Lind named before: a lone capitalised subject the
    model left untagged that is the first name or surname of one full-named person is that person."""
    words: dict[str, set[tuple[str, ...]]] = {}
    for r in raws:
        if r.label == "PERSON" and len(tokens := tuple(name_tokens(r.text))) >= 2:
            for word in (tokens[0], tokens[-1]):
                words.setdefault(word, set()).add(tokens)
    taken = {(r.start, r.end) for r in raws}
    found = []
    for block, doc in zip(structure.blocks, docs):
        if block.kind != "paragraph":
            continue
        for token in doc:
            if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ != "PROPN" or token.ent_type_ \
                    or any(c.dep_ in ("compound", "flat") for c in token.children) or token.head.pos_ == "PROPN":
                continue
            start = block.start + token.idx
            if len(words.get(fold(token.text), ())) == 1 and (start, start + len(token.text)) not in taken:
                found.append(RawMention(token.text, start, start + len(token.text), "PERSON", in_body=True,
                                        person_context=True))
    return found


# 'Dry Winter Has Ulster Farmers Worried': in a title-case headline or heading the model cannot tell a
# place from the words around it; a known country or state printed there is a place when the body
# names a place that holds the same name ('Northern Ulster').
LONGEST_NAME = 3  # words: 'New South Wales'


def headline_places(structure: "Structure", docs: list["Doc"], raws: list[RawMention]) -> list[RawMention]:
    body_places = [r.text for r in raws if r.in_body and r.label in ("GPE", "LOC")]
    taken = [(r.start, r.end) for r in raws]
    found: list[RawMention] = []
    for block, doc in zip(structure.blocks, docs):
        if block.kind not in ("title", "heading"):
            continue
        i = 0
        while i < len(doc):
            for n in range(LONGEST_NAME, 0, -1):
                span = doc[i:i + n]
                if len(span) < n or not all(t.is_alpha and t.text[:1].isupper() for t in span):
                    continue
                start = block.start + span.start_char
                end = start + len(span.text)
                if overlaps(taken, start, end) or not _known_place(span.text, body_places):
                    continue
                found.append(RawMention(span.text, start, end, "GPE", in_body=False))
                i += n - 1
                break
            i += 1
    return found


def _known_place(name: str, body_places: list[str]) -> bool:
    return is_country(name) and not is_first_name(name) and any(
        re.search(rf"(?<!\w){re.escape(name)}(?!\w)", place) for place in body_places)
