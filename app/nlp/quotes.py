"""Quotations and who said them.

Two steps, both by general rules:

1. `find_quote_spans` reads the quotation marks of one block of text
   (straight, curly, single, double, nested, mixed styles) and tells them
   from apostrophes; `is_not_a_quote` drops quoted titles of works,
   nicknames and words cited as words.
2. `_Attributor` walks the article in reading order, keeps track of who is
   being talked about (the people who were the subjects of recent clauses,
   with their gender when the text shows it), and gives each quote the
   subject of its verb of saying: a name, a pronoun or a description
   ("the minister"), resolved to one entity of the article.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from app.domain import Entity, Mention, Quote, SpeakerRef
from app.nlp.names import (FEMALE_WORDS, MALE_WORDS, TITLE_WORDS, find_entity, first_name_gender, fold, name_tokens,
                           strip_possessive)
from app.nlp.structure import Structure

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from app.nlp.structure import Block

# ---------------------------------------------------------------- marks

DOUBLE_OPEN, DOUBLE_CLOSE, DOUBLE_EITHER = "“„«", "”»", '"'
SINGLE_OPEN, SINGLE_CLOSE, SINGLE_EITHER = "‘‹", "’›", "'"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_EITHER + SINGLE_OPEN + SINGLE_CLOSE + SINGLE_EITHER
# What may stand right after a closing mark, or right before an opening one.
AFTER_CLOSE = ",.;:!?)]}—–-…/"
BEFORE_OPEN = "([{—–-/"
# Words that begin with an apostrophe standing for dropped letters: 'em, 'til, rock 'n' roll.
ELISIONS = frozenset({"em", "til", "tis", "twas", "cause", "n", "bout", "round", "cos", "s"})


def _kind(mark: str) -> str:
    return "double" if mark in DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_EITHER else "single"


def _opens(text: str, i: int) -> bool:
    """Context of an opening mark: after a space or bracket, before a word."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in BEFORE_OPEN or before in ALL_MARKS) and not after.isspace()


def _closes(text: str, i: int) -> bool:
    """Context of a closing mark: after a word or punctuation, before a space or punctuation."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in AFTER_CLOSE or after in ALL_MARKS)


def _is_elision(text: str, i: int) -> bool:
    """'90s, 'em, 'til: an apostrophe at the start of a word, not an opening mark."""
    m = re.match(r"[A-Za-z]+|\d+", text[i + 1:])
    if not m:
        return False
    word = m.group(0)
    if word.isdigit():
        return len(word) == 2 and text[i + 3:i + 4] in ("s", " ", ",", ".", "")
    end = i + 1 + len(word)
    return word.lower() in ELISIONS and (end >= len(text) or not text[end].isalpha())


def _maybe_possessive(text: str, i: int) -> bool:
    """'regions’ desire', 'rockin' good': a closing mark that may be an apostrophe."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1: i + 3]
    if before.lower() == "s" or text[max(0, i - 2):i].lower() == "in":
        return len(after) == 2 and after[0] == " " and (after[1].islower() or after[1].isdigit())
    return False


@dataclass
class _Mark:
    pos: int
    kind: str  # "double" | "single"
    role: str  # "open" | "close" | "either" | "weak-close"


_CONTRACTED_AND = re.compile(r"(?<!\S)['’‘]n['’‘](?!\S)")  # rock 'n' roll: both marks stand for letters


def _classify(text: str) -> list[_Mark]:
    marks: list[_Mark] = []
    elided = {m.start() + k for m in _CONTRACTED_AND.finditer(text) for k in (0, 2)}
    for i, ch in enumerate(text):
        if ch not in ALL_MARKS or i in elided:
            continue
        kind = _kind(ch)
        opens, closes = _opens(text, i), _closes(text, i)
        if kind == "single":
            before = text[i - 1] if i > 0 else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if before.isalnum() and after.isalnum():
                continue  # didn't, Okafor’s
            if opens and _is_elision(text, i):
                continue
            if ch in SINGLE_OPEN and not opens and not closes:
                continue
        if opens and not closes:
            role = "open"
        elif closes and not opens:
            role = "weak-close" if kind == "single" and _maybe_possessive(text, i) else "close"
        else:
            role = "either"
        if ch in DOUBLE_OPEN + SINGLE_OPEN and role == "either":
            role = "open"
        if ch in DOUBLE_CLOSE + SINGLE_CLOSE and role == "either":
            role = "close"
        marks.append(_Mark(i, kind, role))
    return marks


@dataclass
class QuoteSpan:
    """Content between two marks of one block: [start, end) local offsets."""

    start: int
    end: int
    closed: bool
    depth: int
    opener: int  # offset of the opening mark
    closer: int | None = None


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation in one block of text, outer before inner, in reading order."""
    marks = _classify(text)
    stack: list[_Mark] = []
    spans: list[QuoteSpan] = []
    for n, mark in enumerate(marks):
        open_same = [k for k, m in enumerate(stack) if m.kind == mark.kind]
        if mark.role == "weak-close":
            later_close = any(m.kind == mark.kind and m.role in ("close", "weak-close", "either")
                              for m in marks[n + 1:])
            if not open_same or later_close:
                continue  # a plural possessive
            opened_after = text[:stack[open_same[-1]].pos].rstrip()
            if (not opened_after or opened_after[-1] in ".!?:") and not any(c in ALL_MARKS for c in text[mark.pos + 1:]):
                continue  # '‘It feels like the officers’ minds were made up.' runs on into the next paragraph
            role = "close"
        elif mark.role == "either":
            role = "close" if open_same else "open"
        else:
            role = mark.role
        if role == "open":
            stack.append(mark)
            continue
        if not open_same:
            continue  # a stray closing mark
        k = open_same[-1]
        opener = stack[k]
        del stack[k:]
        spans.append(QuoteSpan(opener.pos + 1, mark.pos, True, k, opener.pos, mark.pos))
    if stack:
        opener = stack[0]  # runs on into the next paragraph
        spans.append(QuoteSpan(opener.pos + 1, len(text), False, 0, opener.pos))
    spans = [_trimmed(text, s) for s in spans]
    spans = [s for s in spans if s.end > s.start]
    spans.sort(key=lambda s: (s.start, -s.end))
    return spans


def _trimmed(text: str, span: QuoteSpan) -> QuoteSpan:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    span.start, span.end = start, end
    return span


def starts_with_mark(text: str) -> bool:
    return bool(text) and text[0] in ALL_MARKS and _opens(text, 0)


# ---------------------------------------------------------------- not quotes

WORK_NOUNS = frozenset("""
film movie show programme program series sitcom drama documentary book novel memoir biography album song
single track play musical opera poem painting podcast newspaper magazine column episode game franchise
exhibition hit chart-topper anthem ballad ep mixtape blockbuster bestseller sequel thriller debut
follow-up remake adaptation western daily weekly tabloid broadsheet paper
""".split())
# Short words a title capitalises and a quoted sentence does not: 'Dancing On Ice', 'Get Me Out Of Here!'
TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "on", "in", "to", "and", "or", "for", "at", "by", "with",
                               "from", "me", "out", "up", "off", "into"})
NAMING_WORDS = frozenset({"titled", "entitled", "called", "named", "dubbed", "nicknamed", "as", "on", "branded",
                          "labelled", "labeled", "codenamed", "code-named", "badged"})
CITED_WORDS = frozenset({"term", "word", "phrase", "expression", "hashtag", "acronym", "label", "so-called",
                         "slogan", "headline", "caption", "nickname", "moniker", "tag", "tagline", "motto"})


def _is_title_case(content: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", content)]
    content = re.sub(r"(?<=\w)\.$", "", content.rstrip().removesuffix(","))  # 'the book "The Long Road."'
    if re.search(r"\b(?:[A-Z]\.){2,}$", content):
        content = content[:-1]  # 'the song "Made in the U.S.A.,"': an abbreviation's dot ends no sentence
    if not words or len(words) > 8 or content.rstrip()[-1:] in ".!?,;:…":
        return False
    return all(w[0].isupper() for w in words if len(w) > 3 or w is words[0])


def _headline_case(content: str) -> bool:
    """Every word capitalised, small words inside too: the way titles are printed, not speech."""
    words = re.findall(r"[^\W\d_][\w'’-]*", content)
    if len(words) < 2 or len(words) > 12:
        return False
    small = [w for w in words[1:] if w.lower() in TITLE_SMALL_WORDS]
    return bool(small) and all(w[0].isupper() for w in words)


def is_not_a_quote(text: str, span: QuoteSpan) -> bool:
    """A quoted title of a work, a nickname or a word cited as a word."""
    return not_a_quote(text, span) is not None


def not_a_quote(text: str, span: QuoteSpan) -> str | None:
    """Why the marks around `span` quote nobody: "title", "term" or "nickname"; None for a quotation."""
    content = text[span.start:span.end]
    before = text[max(0, span.opener - 200):span.opener].rstrip()  # the words just before
    after = text[span.closer + 1:] if span.closer is not None else ""
    prev_words = re.findall(r"[\w’'-]+", before.lower())[-3:]
    if _headline_case(content) and not (prev_words and _is_saying_word(prev_words[-1])):
        return "title"  # 'a finalist on "Dancing On Ice"', unless 'flags that read "Save Our Jobs"'
    if prev_words and prev_words[-1] in CITED_WORDS or "so-called" in prev_words[-2:]:
        return "term"
    if re.match(r"so[- ]called\b", content.strip(), re.I):
        return "term"  # the "so-called safe zones": a term, not something said
    if prev_words[-2:] and prev_words[-2:][0] in CITED_WORDS and prev_words[-1] == "of":
        return "term"
    if not _is_title_case(content):
        return None
    if re.search(r"['’]s$|s['’]$", before) or (prev_words and (prev_words[-1] in NAMING_WORDS
                                                        or set(prev_words) & WORK_NOUNS)):
        return "title"  # CBC's "Morning Talk", the film "Harbour Lights"
    first_after = re.match(r"\s+([A-Z][\w’'-]*)", after)
    last_before = re.search(r"([A-Z][\w’'.-]*)$", before)
    if first_after and last_before and len(content.split()) <= 3:
        return "nickname"  # Dwayne "The Rock" Johnson
    return None


def quoted_titles(text: str) -> list[tuple[int, int]]:
    """[start, end) of every quoted title of a work in one block: its words name no person or place."""
    return [(s.start, s.end) for s in find_quote_spans(text) if s.closed and not_a_quote(text, s) == "title"]


# ---------------------------------------------------------------- words


SAYING_FORMS = frozenset("""
read reads reading say says saying said write writes writing wrote written chant chants chanting chanted
shout shouts shouting shouted sing sings singing sang yell yells yelling yelled scream screams screaming
screamed
""".split())


def _is_saying_word(word: str) -> bool:
    """'said', 'read', 'chanting': a word form that introduces words said or written."""
    return word in SAYING_FORMS


SPEECH_VERBS = frozenset("""
say tell add respond reply answer state declare announce explain note claim insist argue warn write ask
acknowledge admit confirm deny reveal recall suggest urge call describe refer accuse comment remark
continue conclude tweet post quip joke shout cry whisper mention stress emphasise emphasize observe
predict promise vow pledge concede complain agree caution boast repeat reiterate assert contend maintain
yell scream chant laugh sigh gush smile grin chuckle sob beam
testify report cite brand label dub term characterise characterize praise criticise criticize slam blast
add admit recount share tout hail allege counter retort muse lament demand threaten proclaim
""".split())
# Words that say when someone held a role, not which role: they single nobody out.
TIME_MODIFIERS = frozenset({"former", "late", "acting", "interim", "then", "new", "current", "outgoing",
                            "incoming", "ex", "retired", "future", "longtime", "longstanding"})
# 'shot back', 'hit back', 'fired back': answering in words.
RETORT_VERBS = frozenset({"shoot", "hit", "fire", "push", "snap", "bite", "strike"})
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
GROUP_PRONOUNS = frozenset({"they", "them", "it"})
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "eur", "ant", "ee")
NOT_PEOPLE = frozenset("""
letter paper newspaper order poster chapter charter register number sector factor monitor meter
computer twitter water power tower mirror error motor center centre report statement document
government ministry department office
""".split())
ORG_WORDS = frozenset("""
agency alliance army assembly association authority bank board broadcaster bureau business carrier
charity club coalition command commission committee company council court department firm foundation
government group institute league ministry network newspaper office organisation organization party
police parliament publisher regulator service union university team spokesperson trust
""".split()) - {"spokesperson"}
# Verbs whose object is a text on display: 'a banner that read "..."'.
TEXT_VERBS = frozenset({"read", "say", "bear", "carry", "show", "display", "state", "proclaim"})
# Nouns for a text whose content clause is what its author says.
STATEMENT_NOUNS = frozenset({"statement", "letter", "message", "post", "tweet", "note", "email", "release",
                             "interview", "speech", "remarks", "announcement", "ruling", "judgment", "judgement"})
# Nouns for something said whose author may differ from the sentence's subject.
CLAIM_NOUNS = frozenset({"claim", "allegation", "accusation", "suggestion", "assertion", "rumour", "rumor",
                         "charge", "insinuation"})
ACCUSE_VERBS = frozenset({"accuse", "blame", "criticise", "criticize", "attack", "condemn", "slam", "rebuke",
                          "challenge", "sue", "question", "fault"})
VALUE_TYPES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
# 'the company', 'the union': words that point back to the organisation just named (unlike
# 'the government' or 'the police', which name a body of their own).
ORG_ANAPHORS = frozenset("""
company firm group union agency business carrier chain charity club bank broadcaster network operator
publisher regulator retailer insurer startup maker manufacturer studio team organisation organization
association foundation institute university party airline brand outlet newspaper trust
""".split())
# People who speak for an organisation rather than for themselves.
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen",
                          "spokeswomen", "representative", "representatives", "source", "sources"})
COMPANY_WORDS = frozenset({"company", "firm", "business", "maker", "manufacturer", "retailer", "startup", "group",
                           "carrier", "airline", "chain", "insurer", "bank", "operator", "publisher", "brand"})
COMPANY_DESIGNATORS = frozenset({"inc", "corp", "corporation", "ltd", "plc", "llc", "co", "group", "company", "ag",
                                 "sa", "nv", "gmbh", "holdings"})
SUBJECT_DEPS = ("nsubj", "nsubjpass")
CLIMB_DEPS = ("conj", "advcl", "xcomp", "pcomp", "prep", "pobj", "acomp", "npadvmod", "dobj", "agent")


def _is_person_noun(word: str) -> bool:
    word = word.lower()
    if word in NOT_PEOPLE or word in ORG_WORDS:
        return False
    return (word in TITLE_WORDS or word in MALE_WORDS or word in FEMALE_WORDS or word.endswith("-old")
            or word.endswith(PERSON_SUFFIXES) or word in _person_nouns())


def _person_nouns() -> frozenset[str]:
    from app.nlp import entities as entity_module

    return getattr(entity_module, "PERSON_NOUNS", frozenset())


# ---------------------------------------------------------------- attribution


@dataclass
class _Event:
    """Someone named or referred to at `pos`; subjects of clauses are the topic."""

    pos: int
    entity: Entity
    subject: bool
    main: bool = False  # the subject of a sentence's main verb: who the sentence is about


@dataclass
class _Speaker:
    entity: Entity | None
    mention: Mention | None
    cue: str | None


@dataclass
class _Item:
    block: int
    span: QuoteSpan
    kind: str
    speaker: _Speaker | None = None
    parent: "_Item | None" = None
    sentence: tuple[int, int] = (0, 0)


@dataclass
class _Attributor:
    structure: Structure
    docs: list
    entities: list[Entity]
    events: list[_Event] = field(default_factory=list)
    gender: dict[int, str] = field(default_factory=dict)  # id(entity) -> "m" | "f"
    resolved: dict[tuple[int, int], _Speaker | None] = field(default_factory=dict)
    titles: dict[int, list[list[str]]] = field(default_factory=dict)  # id(entity) -> word runs
    # Words of any title: an adjective among them tells people apart ('the foreign minister'),
    # any other ('the 47-year-old businessman', 'the embattled minister') does not.
    title_words: frozenset[str] = frozenset()
    _index: list = field(default_factory=list)
    _index_starts: list[int] = field(default_factory=list)
    _indexed_size: int = -1
    _longest_mention: int = 0
    excluded: set[int] = field(default_factory=set)  # people a pronoun or description cannot be, for now

    # ------------------------------------------------------------ setup

    def prepare(self) -> None:
        """Titles and gender of every person, from the words printed before their names."""
        for entity in self.entities:
            if entity.type != "PERSON":
                continue
            runs = []
            for mention in entity.mentions:
                runs.extend(run for run in (self._words_before(mention), self._apposition_after(mention),
                                            self._age_after(mention), self._employer_after(mention)) if run)
            self.titles[id(entity)] = [_expanded(_with_ages(run)) for run in runs]
            self.title_words |= {w for run in self.titles[id(entity)] for w in run}
            words = {w for run in runs for w in run}
            if words & MALE_WORDS and not words & FEMALE_WORDS:
                self.gender[id(entity)] = "m"
            elif words & FEMALE_WORDS and not words & MALE_WORDS:
                self.gender[id(entity)] = "f"

    def gender_of(self, entity: Entity) -> str | None:
        """What the text shows ('Mr', 'spokeswoman', an earlier 'she'), else what the first name suggests."""
        if id(entity) not in self.gender and entity.type == "PERSON":
            guess = first_name_gender(entity.name)
            if guess is None:
                return None
            self.gender[id(entity)] = guess
        return self.gender.get(id(entity))

    def _block_of(self, pos: int) -> int | None:
        for k, block in enumerate(self.structure.blocks):
            if block.start <= pos < block.end:
                return k
        return None

    def _words_before(self, mention: Mention) -> list[str]:
        """'Danish Trade Minister Ole Berg' -> ['danish', 'trade', 'minister']."""
        k = self._block_of(mention.start)
        if k is None:
            return []
        block, doc = self.structure.blocks[k], self.docs[k]
        local = mention.start - block.start
        core = name_tokens(mention.text)
        inside = [w.lower().strip(".") for w in mention.text.split()]
        own = []
        for w in inside:
            if fold(w) in core:
                break
            own.append(fold(w))
        first = _first_token_at(doc, local)
        run: list[str] = []
        j, skipped = first - 1, False
        while j >= 0 and len(run) < 6:
            token = doc[j]
            if token.ent_type_ == "PERSON":
                break  # 'Skater Jo Roe partners Ann Lee': Jo Roe is no title of Ann Lee's
            if token.text in (",", "’s", "'s") and not skipped and not run:
                skipped = token.text == ","
                j -= 1
                continue
            if token.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or token.text == "-" or (
                    token.lower_.strip(".") in TITLE_WORDS and token.lower_ != "the"):
                if skipped and not run and first < len(doc) and not _apposed(token, doc[first]):
                    break  # 'Besides his wife and daughter, Roe is survived by...': no title of Roe's
                run.insert(0, fold(token.text))
                j -= 1
                continue
            break
        return [w for w in run + own if w]

    def _employer_after(self, mention: Mention) -> list[str]:
        """'Jo Roe of Harrow Capital', 'Jo Roe, an analyst at Kestrel' -> ['harrow', 'capital'] / ['kestrel']."""
        m = _EMPLOYER_AFTER.match(self.structure.text, mention.end)
        if not m:
            return []
        found = self.mention_at(m.end(), m.end() + 1, types=("ORG",))
        return fold(found[1].text).split() if found and found[1].start == m.end() else []

    def _age_after(self, mention: Mention) -> list[str]:
        """'Jo Roe, 27,' or 'Jo Roe (27)' -> ['27-year-old'], for 'the 27-year-old said'."""
        m = _AGE_AFTER.match(self.structure.text, mention.end)
        return [f"{m.group(1)}-year-old"] if m else []

    def _apposition_after(self, mention: Mention) -> list[str]:
        """'Ines Carvalho, the health minister,' -> ['health', 'minister']."""
        k = self._block_of(mention.start)
        if k is None:
            return []
        block, doc = self.structure.blocks[k], self.docs[k]
        m = re.match(r",\s+(?:the|a|an|its|their|his|her)\s+([\w’'-]+(?:\s+[\w’'-]+){0,4}?)\s*(?:[,.;—–(]|$)",
                     block.text[mention.end - block.start:])
        if not m:
            return []
        start = mention.end - block.start + m.start(1)
        words = _tokens(doc, start, mention.end - block.start + m.end(1))
        run = []
        for token in words:
            if token.text in ("’s", "'s") and run:
                run = []  # 'the trust’s chief people officer': the owner is not the title
                continue
            if token.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM") and token.text != "-":
                break
            run.append(fold(token.text))
        return [w for w in run if w]

    # ------------------------------------------------------------ entities

    def mentions_between(self, lo: int, hi: int) -> list[tuple[Entity, Mention]]:
        """Named mentions starting in [lo, hi), from an index rebuilt only when mentions change."""
        if self._indexed_size < 0:
            pairs = sorted(((e, m) for e in self.entities if e.type not in VALUE_TYPES for m in e.mentions),
                           key=lambda pair: pair[1].start)
            self._index = pairs
            self._index_starts = [m.start for _, m in pairs]
            self._longest_mention = max((m.end - m.start for _, m in pairs), default=0)
            self._indexed_size = len(pairs)
        return self._index[bisect_left(self._index_starts, lo):bisect_left(self._index_starts, hi)]

    def mention_at(self, start: int, end: int, types: tuple[str, ...] | None = None
                   ) -> tuple[Entity, Mention] | None:
        """The entity mention overlapping [start, end), people first."""
        found = []
        for entity, m in self.mentions_between(start - self._longest_mention, end):
            if (types and entity.type not in types) or not (m.start < end and start < m.end):
                continue
            found.append((entity.type != "PERSON", entity, m))
        found.sort(key=lambda x: (x[0], -(x[2].end - x[2].start)))
        return (found[0][1], found[0][2]) if found else None

    def entity_for_name(self, text: str, start: int, end: int, type_: str = "PERSON") -> Entity:
        """The entity a printed name denotes, made if the model missed it."""
        entity = find_entity(text, self.entities) or self._by_first_name(text)
        if entity is None:
            from app.nlp.entities import add_mention

            entity = add_mention(self.entities, Mention(text, start, end), type_)
            self._indexed_size = -1  # a new mention: rebuild the index on next use
        return entity

    def known_name(self, text: str, start: int, end: int) -> Entity | None:
        """An entity the article already knows by this printed name; None for a common word."""
        found = self.mention_at(start, end)
        if found and found[1].start <= start and end <= found[1].end:
            return found[0]
        return find_entity(text, self.entities) or self._by_first_name(text)

    def _by_first_name(self, text: str) -> Entity | None:
        """'Nicole' for the one person of the article whose first name it is."""
        words = name_tokens(text)
        if len(words) != 1:
            return None
        people = [e for e in self.entities if e.type == "PERSON"
                  and len(name_tokens(e.name)) >= 2 and name_tokens(e.name)[0] == words[0]]
        return people[0] if len(people) == 1 else None

    # ------------------------------------------------------------ discourse

    def record(self, pos: int, entity: Entity | None, subject: bool, main: bool = False) -> None:
        if entity is not None:
            self.events.append(_Event(pos, entity, subject, main))

    def resolve_pronoun(self, word: str, pos: int, exclude: set[int] = frozenset()) -> Entity | None:
        """The person a pronoun points back to: recent subject first, gender where known."""
        word = word.lower()
        if word in MALE_PRONOUNS:
            want = "m"
        elif word in FEMALE_PRONOUNS:
            want = "f"
        elif word in GROUP_PRONOUNS:
            return self._recent(pos, lambda e: e.type in ("ORG", "NORP", "GPE"), subject_only=True)
        else:
            return None
        exclude = exclude | self.excluded
        known = lambda e: e.type == "PERSON" and id(e) not in exclude and self.gender_of(e) == want  # noqa: E731
        fits = lambda e: e.type == "PERSON" and id(e) not in exclude and (  # noqa: E731
            self.gender_of(e) or want) == want
        # The last subject of this paragraph, if the pronoun fits; then someone the text has
        # shown to be 'she' in this or the last paragraph beats an unknown.
        k = self._block_of(pos)
        paragraph_start = self.structure.blocks[k].start if k is not None else 0
        entity = (self._recent(pos, fits, subject_only=True, since=paragraph_start)
                  or self._recent(pos, known, subject_only=True, since=self._window(pos))
                  or self._recent(pos, fits, subject_only=True) or self._recent(pos, fits, subject_only=False))
        if entity is not None and id(entity) not in self.gender:
            self.gender[id(entity)] = want
        return entity

    def _window(self, pos: int) -> int:
        """Start of the paragraph before the one at `pos`."""
        k = self._block_of(pos)
        if k is None:
            return 0
        return self.structure.blocks[max(0, k - 1)].start

    def _recent(self, pos: int, accept, subject_only: bool, exclude: set[int] = frozenset(),
                since: int = 0, main_only: bool = False) -> Entity | None:
        for event in sorted((e for e in self.events if since <= e.pos < pos), key=lambda e: -e.pos):
            if (subject_only and not event.subject) or (main_only and not event.main):
                continue
            if id(event.entity) in exclude or not accept(event.entity):
                continue
            return event.entity
        return None

    def resolve_description(self, head: "Token", pos: int, word: str | None = None,
                            fallback: bool = True) -> Entity | None:
        """'the minister', 'the club boss', 'the 52-year-old': a person of the article.

        Without `fallback`, only a person whose title fits: not the last person talked about."""
        word = (word or head.text).lower()
        modifiers = [fold(c.text) for c in head.lefts if c.dep_ in ("compound", "nmod") or (
            c.dep_ == "amod" and (fold(c.text) in TITLE_WORDS or fold(c.text) in self.title_words))]
        if word in TITLE_ABBREVIATIONS:  # 'the CEO' is 'the chief executive'
            *extra, word = TITLE_ABBREVIATIONS[word]
            modifiers = [*modifiers, *extra]
        if head.lemma_.lower() in ORG_WORDS | ORG_ANAPHORS or word in ORG_WORDS | ORG_ANAPHORS:
            definite = any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children) and (
                head.lemma_.lower() in ORG_ANAPHORS)
            organisation = lambda e: e.type == "ORG"  # noqa: E731
            company = lambda e: e.type == "ORG" and any(  # noqa: E731
                fold(f).split()[-1:] and fold(f).split()[-1] in COMPANY_DESIGNATORS for f in (e.name, *e.aliases))
            # 'Acme Inc. unveiled Halo. The company said...': the organisation just talked about,
            # a company before a product or a team when the word says company.
            named = self._organisation(head)
            if named or not definite:
                return named
            return ((self._recent(pos, company, subject_only=False) if head.lemma_.lower() in COMPANY_WORDS else None)
                    or self._recent(pos, organisation, subject_only=True))
        if not _is_person_noun(word) and not any(word in run for runs in self.titles.values() for run in runs):
            return self._named_by_head(head, pos)
        scores: dict[int, int] = {}
        conflicts: set[int] = set(self.excluded)
        people = {id(e): e for e in self.entities if e.type == "PERSON"}
        # 'the Harrow analyst': a name among the modifiers belongs to whoever the article ties to it.
        names = {fold(c.text) for c in head.lefts if c.pos_ == "PROPN" and c.dep_ in ("compound", "nmod")}
        tied = {key for key, runs in self.titles.items() if names & {w for run in runs for w in run}}
        if names and tied:
            conflicts |= set(self.titles) - tied
        for key, runs in self.titles.items():
            for run in runs:
                score = _title_score(word, modifiers, run)
                if score < 0:
                    conflicts.add(key)
                else:
                    scores[key] = max(scores.get(key, 0), score)
        best = [k for k, s in scores.items() if s > 0 and k not in conflicts and k in people]
        if best:
            top = max(scores[k] for k in best)
            chosen = [people[k] for k in best if scores[k] == top]
            if len(chosen) == 1:
                return chosen[0]
            ids = {id(e) for e in chosen}
            return self._recent(pos, lambda e: id(e) in ids, subject_only=False) or chosen[0]
        if not fallback:
            return None
        person = lambda e: e.type == "PERSON"  # noqa: E731
        # Whom the last sentences were about: the subject of a main verb ('Wren said Quintero had
        # cured him.' / 'the 38-year-old said' is Wren), then any subject, then anyone named.
        return (self._recent(pos, person, subject_only=True, exclude=conflicts, since=self._window(pos),
                             main_only=True)
                or self._recent(pos, person, subject_only=True, exclude=conflicts)
                or self._recent(pos, person, subject_only=False, exclude=conflicts))

    def _named_by_head(self, head: "Token", pos: int) -> Entity | None:
        """'the festival said': the organisation whose name ends in that word, the last one
        talked about when there are several ('the Toronto International Film Festival')."""
        if not _definite(head):
            return None
        word = head.lemma_.lower()
        orgs = {id(e) for e in self.entities if e.type == "ORG" and fold(e.name).split()[-1:] == [word]}
        if not orgs:
            return None
        return self._recent(pos, lambda e: id(e) in orgs, subject_only=False)

    def _organisation(self, head: "Token") -> Entity | None:
        """'the union said', 'the fire department said': the one organisation of the article
        with those words in its name."""
        words = {head.lemma_.lower()} | {fold(c.text) for c in head.lefts if c.dep_ in ("compound", "amod")}
        orgs = [e for e in self.entities if e.type == "ORG"
                and any(words <= set(fold(f).split()) for f in (e.name, *e.aliases))]
        return orgs[0] if len(orgs) == 1 else None

    # ------------------------------------------------------------ tokens

    def speaker_of(self, k: int, token: "Token", create: bool = True) -> _Speaker | None:
        """Resolve the subject token of a verb of saying to an entity (memoised per token).

        Only a speaker of a quotation may add an entity (`create`): any other subject,
        such as a headline's 'Insufficient Rain Has...', names nothing new.
        """
        key = (k, token.i, create)
        if key not in self.resolved:
            self.resolved[key] = self._resolve_token(k, token, create)
        return self.resolved[key]

    def _resolve_token(self, k: int, token: "Token", create: bool = True) -> _Speaker | None:
        block = self.structure.blocks[k]
        gpos = block.start + token.idx
        if token.pos_ == "PRON":
            if token.dep_ in SUBJECT_DEPS and token.lower_ in ("who", "that", "which") and token.head.dep_ == "relcl":
                return self.speaker_of(k, token.head.head, create)
            entity = self.resolve_pronoun(token.text, gpos)
            return _Speaker(entity, Mention(token.text, gpos, gpos + len(token.text)), None)
        named = self._named(k, token, create=False)
        if named and named.entity is not None and named.entity.type == "PERSON":
            return named
        for appos in _appositions(token):
            found = self._named(k, appos, create)
            if found and found.entity is not None and found.entity.type == "PERSON":
                return found
        named = named or self._named(k, token, create)
        if named and named.entity is not None and named.entity.type == "NORP" and not token.tag_.endswith("S"):
            # 'Republican calls...': one person, whom a title describes ('Republican Jo Roe');
            # 'The Scot said': one person, the one talked about if no title says so.
            described = self.resolve_description(token, gpos, token.text, fallback=_definite(token))
            if described is not None:
                return _Speaker(described, named.mention, None)
        if named:
            return named
        if token.pos_ in ("NOUN", "ADJ") or fold(token.text) in TITLE_WORDS:
            determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "nummod", "poss")}
            if determiners & {"a", "an", "one", "another", "some", "two", "three", "several", "many"} or (
                    token.tag_ == "NNS" and not determiners & {"the", "these", "those"}):
                # 'a spokesman said', 'officials said': someone the article does not name;
                # 'analysts at Acme said', 'a spokeswoman for Acme said': Acme speaks;
                # 'police said': the article's one police force.
                spoken_for = self._their_organisation(k, token)
                if spoken_for is None and not determiners and token.lemma_.lower() in ORG_WORDS:
                    org = self._organisation(token)
                    spoken_for = _Speaker(org, Mention(token.text, gpos, gpos + len(token.text)), None) if org else None
                return spoken_for
            if (token.lower_ in SPOKESPEOPLE or token.lemma_.lower() in ORG_WORDS) and (
                    spoken_for := self._their_organisation(k, token)):
                return spoken_for  # 'the Acme spokesperson said', 'the Labour government promised'
            left = min([c.left_edge.idx for c in token.lefts
                        if c.dep_ in ("det", "amod", "compound", "nummod", "nmod", "npadvmod", "punct")]
                       + [token.idx])
            text = block.text[left:token.idx + len(token.text)]
            words = re.findall(r"[\w-]+", text)
            entity = self.resolve_description(token, gpos, words[-1] if words else None)
            return _Speaker(entity, Mention(text, block.start + left, block.start + left + len(text)), None)
        return None

    def _their_organisation(self, k: int, token: "Token") -> _Speaker | None:
        for child in token.children:  # 'a Health Department spokesperson', 'a council spokesman'
            if child.dep_ in ("compound", "nmod") and child.pos_ == "PROPN":
                named = self._named(k, child, create=False)
                if named and named.entity is not None and named.entity.type == "ORG":
                    return named
            elif child.dep_ == "compound" and child.lemma_.lower() in ORG_WORDS and (org := self._organisation(child)):
                start = self.structure.blocks[k].start + child.idx
                return _Speaker(org, Mention(child.text, start, start + len(child.text)), None)
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("at", "for", "from", "of"):
                for obj in prep.children:
                    named = self._named(k, obj, create=False) if obj.dep_ == "pobj" else None
                    if named and named.entity is not None and named.entity.type == "ORG":
                        return named
        return None

    def _named(self, k: int, token: "Token", create: bool = True) -> _Speaker | None:
        """A name at `token`: the entity mention there, else the run of proper nouns."""
        block = self.structure.blocks[k]
        gpos = block.start + token.idx
        found = self.mention_at(gpos, gpos + len(token.text))
        if found:
            entity, mention = found
            return _Speaker(entity, Mention(mention.text, mention.start, mention.end), None)
        if token.pos_ != "PROPN" or not create:
            return None
        doc = token.doc
        lo = hi = token.i
        while lo > 0 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].dep_ in ("compound", "flat"):
            lo -= 1
        while lo < token.i and fold(doc[lo].text) in TITLE_WORDS:
            lo += 1
        start, end = doc[lo].idx, token.idx + len(token.text)
        text = strip_possessive(block.text[start:end])
        if not text or not text[0].isupper() or fold(text.split()[-1]) in TITLE_WORDS:
            return None  # 'the CEO said', 'one Labor MP said': a description, not a name
        type_ = "ORG" if fold(token.text) in ORG_WORDS else "PERSON"
        entity = self.entity_for_name(text, block.start + start, block.start + start + len(text), type_)
        return _Speaker(entity, Mention(text, block.start + start, block.start + start + len(text)), None)


def _definite(noun: "Token") -> bool:
    """'the festival', 'the Scot': a noun with the definite article points back to someone known."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def _apposed(noun: "Token", name: "Token") -> bool:
    """'The health secretary, Steve Barclay': the description and the name stand in apposition."""
    def head_of(token):
        while token.dep_ in ("compound", "flat") and token.head.i != token.i:
            token = token.head
        return token
    noun, name = head_of(noun), head_of(name)
    return (name.dep_ == "appos" and name.head.i == noun.i) or (noun.dep_ == "appos" and noun.head.i == name.i)


def _appositions(token: "Token") -> list["Token"]:
    """'The union's general secretary, Jo Roe,': the names standing in apposition to a subject.

    The parser often hangs the name on the last noun of the description ('The mayor of
    Springfield, Ana Ruiz,'), so the search goes down through 'of'/'at'/'for' phrases too."""
    found, todo = [], [token]
    while todo:
        current = todo.pop(0)
        for child in current.children:
            if child.dep_ == "appos":
                found.append(child)
                todo.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("of", "at", "for", "in"):
                todo.extend(c for c in child.children if c.dep_ == "pobj")
    return found


_EMPLOYER_AFTER = re.compile(r",?\s+(?:(?:an?|the)\s+[\w-]+(?:\s+[\w-]+)?\s+)?(?:of|at|from|for|with)\s+(?:the\s+)?")
_AGE_AFTER = re.compile(r"(?:,\s*(?:aged\s+)?|\s*\()(\d{1,3})\s*[,)]")


TITLE_ABBREVIATIONS = {"ceo": ("chief", "executive"), "cfo": ("chief", "financial", "officer"),
                       "coo": ("chief", "operating", "officer"), "cto": ("chief", "technology", "officer"),
                       "pm": ("prime", "minister"), "md": ("managing", "director")}


def _expanded(run: list[str]) -> list[str]:
    """['ceo', 'dana', ...] -> ['chief', 'executive', ...]: one spelling for titles and descriptions."""
    return [part for word in run for part in TITLE_ABBREVIATIONS.get(word, (word,))]


def _with_ages(run: list[str]) -> list[str]:
    """['26', 'year', 'old', 'driver'] -> ['26-year-old', 'driver']: one word, as descriptions print it."""
    out: list[str] = []
    for word in run:
        if word == "old" and len(out) >= 2 and out[-1] == "year" and out[-2].isdigit():
            out[-2:] = [f"{out[-2]}-year-old"]
        else:
            out.append(word)
    return out


def _title_score(head: str, modifiers: list[str], run: list[str]) -> int:
    """How well a description fits the title words before a name; -1 when it contradicts them."""
    if not run:
        return 0
    if head in run:
        at = len(run) - 1 - run[::-1].index(head)
        adjacent = run[at - 1] if at > 0 else None
        if modifiers and adjacent and modifiers[-1] != adjacent:
            return -1  # 'the health secretary' is not 'the general secretary'
        return 2 + sum(1 for m in modifiers if m in run)
    # 'the Labour leader' for 'Labour MP Jo Roe'; but 'the former singer' is not 'former champion Jo Roe'.
    return sum(1 for m in modifiers if m in run and m not in TIME_MODIFIERS)


# ---------------------------------------------------------------- sentences


def _sentences(doc: "Doc", spans: list[QuoteSpan]) -> list[tuple[int, int]]:
    """Sentence ranges of a block that never cut through a quotation."""
    text = doc.text
    starts = sorted({s.start_char for s in doc.sents} | {0})
    spans = spans if isinstance(spans, _Spans) else _Spans(spans)
    kept = [b for b in starts if not spans.cuts(b)]
    kept = sorted(set(kept) | {0})
    return [(a, b) for a, b in zip(kept, kept[1:] + [len(text)])]


class _Spans(list):
    """The quotations of one block, with a fast test of whether an offset lies inside one."""

    @cached_property
    def _reach(self) -> tuple[list[int], list[int]]:
        ranges = sorted((s.opener, s.closer if s.closer is not None else 10 ** 9) for s in self if s.depth == 0)
        openers, reach, furthest = [], [], -1
        for opener, closer in ranges:
            furthest = max(furthest, closer)
            openers.append(opener)
            reach.append(furthest)
        return openers, reach


    def cuts(self, boundary: int) -> bool:
        """Would a sentence starting at `boundary` split a quotation (opener < boundary <= closer)?"""
        openers, reach = self._reach
        i = bisect_left(openers, boundary) - 1
        return i >= 0 and boundary <= reach[i]


def _inside(pos: int, spans: list[QuoteSpan]) -> bool:
    """Is `pos` between the marks of a top-level quotation? O(log n) for a _Spans."""
    openers, reach = (spans if isinstance(spans, _Spans) else _Spans(spans))._reach
    i = bisect_right(openers, pos) - 1
    return i >= 0 and pos <= reach[i]


def _token_starts(doc: "Doc") -> list[int]:
    starts = doc.user_data.get("token_starts")
    if starts is None:
        starts = doc.user_data["token_starts"] = [t.idx for t in doc]
    return starts


def _first_token_at(doc: "Doc", offset: int) -> int:
    """Index of the first token starting at or after `offset` (len(doc) if none)."""
    return bisect_left(_token_starts(doc), offset)


def _tokens(doc: "Doc", lo: int, hi: int):
    """Tokens starting in [lo, hi): a slice, not a scan of the whole block."""
    return doc[_first_token_at(doc, lo):_first_token_at(doc, hi)]


def _quote_heads(doc: "Doc", span: QuoteSpan) -> list["Token"]:
    """Tokens of a quotation whose syntactic head lies outside it."""
    tokens = _tokens(doc, span.start, span.end)
    return [t for t in tokens if not (span.start <= t.head.idx < span.end) or t.head.i == t.i]


def _subject(verb: "Token", before: int | None = None, spans: list[QuoteSpan] | None = None) -> "Token | None":
    """The subject of a verb of saying, climbing through 'by saying', 'stating that', 'and said'."""
    token = verb
    if verb.tag_ == "VBG" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children) and verb.dep_ == "advcl":
        # '..., saying it was "for my family"': the one who says is the sentence's subject
        root = verb.sent.root
        subjects = [c for c in root.children if c.dep_ in SUBJECT_DEPS and not (spans and _inside(c.idx, spans))]
        if subjects:
            return subjects[0]
    for _ in range(8):
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS and not (spans and _inside(c.idx, spans))]
        if subjects:
            return subjects[0]
        if token.dep_ == "relcl" or (token.dep_ == "acl" and (token.tag_ in ("VBD", "VBZ", "VBP")
                                                             or token.head.pos_ == "PROPN")):
            return token.head  # 'Jo Roe, who saved twice, posted: "..."' misread as a clause of 'Roe'
        if token.dep_ == "conj" and spans and _inside(token.head.idx, spans) and token.head.head.i != token.head.i:
            # 'X shot back that Y was "twisting it" and accused her': the narrator's verb is
            # never coordinated with a verb inside a quotation, whatever the parse says.
            token = token.head.head
            continue
        if token.dep_ in ("ROOT", "ccomp") or token.head.i == token.i or token.dep_ not in CLIMB_DEPS:
            break
        token = token.head
    # 'said Cal Fire Chief Jo Roe.' may come out without a subject label.
    after = [c for c in verb.rights if c.pos_ in ("PROPN", "PRON") and c.dep_ in ("dobj", "attr", "npadvmod",
                                                                                  "appos", "dep", "oprd")]
    if after and verb.lemma_ in ("say", "add", "write", "tell") and (before is None or verb.idx > before):
        return after[0]
    return _left_neighbour(verb, spans)


def _left_neighbour(verb: "Token", spans: list[QuoteSpan] | None) -> "Token | None":
    """'..., Mrs Roe's husband, Jo Roe, said:' parsed without a subject: the name right before the verb."""
    doc, j = verb.doc, verb.i - 1
    while j >= 0 and (doc[j].is_punct or doc[j].pos_ == "NUM") and doc[j].text not in ALL_MARKS:
        j -= 1  # 'Jo Roe, 58, said'
    if j < 0 or (spans and _inside(doc[j].idx, spans)):
        return None
    age = doc[j].lower_ == "old" and j > 0 and doc[j - 1].text == "-"  # 'the 27-year-old wrote'
    if age or (doc[j].pos_ in ("PROPN", "NOUN") and j < verb.i - 1):
        return doc[j]
    return None


def _speech_verb(token: "Token") -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    return lemma in SPEECH_VERBS or (lemma in RETORT_VERBS and any(c.lower_ == "back" for c in token.children))


def _according_to(doc: "Doc", lo: int, hi: int, spans: list[QuoteSpan]) -> "Token | None":
    for t in _tokens(doc, lo, hi):
        if t.lower_ == "according" and not _inside(t.idx, spans):
            to = t.nbor(1) if t.i + 1 < len(doc) else None
            if to is not None and to.lower_ == "to":
                objs = [c for c in to.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return None


# ---------------------------------------------------------------- the walk


def extract_quotes(structure: Structure, docs: list, entities: list[Entity]) -> list[Quote]:
    """Quotes in reading order; may add speaker entities (and mentions) to `entities`."""
    attributor = _Attributor(structure, docs, entities)
    attributor.prepare()
    items = _find_items(structure, docs)
    _attribute(attributor, items)
    _share_across_runs([item for item in items if item.parent is None])
    _attribute_echoes(attributor, items)
    _attribute_bare_headlines(attributor, items)
    return _to_quotes(structure, items)


def _title_key(content: str) -> str:
    return fold(content.rstrip(",. "))


def _find_items(structure: Structure, docs: list) -> list[_Item]:
    items: list[_Item] = []
    blocks = structure.blocks
    found = [find_quote_spans(block.text) if block.kind != "byline" else [] for block in blocks]
    not_quotes = [{id(s) for s in spans if s.closed and is_not_a_quote(block.text, s)}
                  for block, spans in zip(blocks, found)]
    # A title the article marks as one somewhere ('Quintero’s “The Salt Year”') is a title everywhere.
    titles = {_title_key(block.text[s.start:s.end]) for block, spans, nots in zip(blocks, found, not_quotes)
              for s in spans if id(s) in nots and _is_title_case(block.text[s.start:s.end])}
    for k, block in enumerate(blocks):
        if block.kind == "byline":
            continue
        spans = found[k]
        next_text = blocks[k + 1].text if k + 1 < len(blocks) else ""
        kept: list[_Item] = []
        for span in spans:
            if not span.closed and not _runs_on(block.text, span, next_text):
                continue
            if span.closed and (id(span) in not_quotes[k] or _title_key(block.text[span.start:span.end]) in titles):
                continue
            parent = None
            for p in reversed(kept):  # the nearest earlier quotation that contains this one
                if p.span.start <= span.start and span.end <= p.span.end and p.span is not span:
                    parent = p
                    break
                if p.span.depth == 0:
                    break
            if parent is not None and span.depth == 0:
                span.depth = parent.span.depth + 1
            kind = _kind_of(block.text, span)
            resumed = next((p for p in reversed(kept) if p.span.depth == 0), None) if span.depth == 0 else None
            if kind == "partial" and resumed is not None and _resumes(block.text, resumed, span):
                kind = "direct"
            item = _Item(k, span, kind, parent=parent)
            kept.append(item)
        items.extend(kept)
    return items


def _runs_on(text: str, span: QuoteSpan, next_text: str) -> bool:
    """An unclosed quotation is real when the next paragraph reopens it or it opens the sentence."""
    if starts_with_mark(next_text):
        return True
    before = text[max(0, span.opener - 200):span.opener].rstrip()  # the words just before
    return (not before or before[-1] in ":,") and len(text[span.start:span.end].split()) >= 4


def _kind_of(text: str, span: QuoteSpan) -> str:
    """'direct' for a quoted sentence, 'partial' for a fragment inside the author's sentence."""
    before = text[max(0, span.opener - 200):span.opener].rstrip()  # the words just before
    content = text[span.start:span.end]
    first = next((c for c in content if c.isalpha() or c.isdigit()), "")
    sentence_start = not before or before[-1] in ".!?:,…\"'”’"
    if span.depth > 0:
        return "partial" if before and before[-1] not in ",:" else "direct"
    return "direct" if sentence_start and (first.isupper() or first.isdigit() or not before) else "partial"


def _resumes(text: str, previous: _Item, span: QuoteSpan) -> bool:
    """'"It's late," she said, "and I'm tired."': the second part goes on with a quoted sentence."""
    if previous.kind != "direct" or previous.span.closer is None:
        return False
    if text[previous.span.start:previous.span.end].rstrip()[-1:] not in (",", "—", "–", "-"):
        return False
    return bool(re.fullmatch(r"\s*[,—–-]?\s*[^.!?;:\"“”]{1,80}[,—–-]\s*", text[previous.span.closer + 1:span.opener]))


def _attribute(att: _Attributor, items: list[_Item]) -> None:
    by_block: dict[int, list[_Item]] = {}
    for item in items:
        by_block.setdefault(item.block, []).append(item)
    previous: _Item | None = None
    for k, block in enumerate(att.structure.blocks):
        if block.kind == "byline":
            continue
        doc = att.docs[k]
        block_items = by_block.get(k, [])
        spans = _Spans(i.span for i in block_items)
        for lo, hi in _sentences(doc, spans):
            _record_sentence(att, k, doc, lo, hi, spans)
            for item in block_items:
                if not (lo <= item.span.opener < hi):
                    continue
                item.sentence = (lo, hi)
                if item.parent is not None:
                    item.speaker = _nested_speaker(att, k, doc, item)
                    continue
                item.speaker = _attribute_one(att, k, doc, item, lo, hi, spans, previous)
                previous = item


def _nested_speaker(att: _Attributor, k: int, doc: "Doc", item: _Item) -> _Speaker | None:
    """A quotation inside a quotation: whoever the outer speaker says said it.

    'I called her and said, "I'm in"' - the outer speaker; 'Ana told me, "Stop"' - Ana;
    'the boy was yelling "Fire!"' or 'people kept asking, "Why?"' - nobody the article names.
    Words quoted without a verb of saying ('it was "in hand"') stay the outer speaker's."""
    outer = item.parent.span
    within = lambda token: outer.start <= token.idx < outer.end  # noqa: E731
    verb = _nested_verb(doc, item.span, within)
    if verb is None:
        return item.parent.speaker
    subject = _subject(verb)
    if subject is None or not within(subject):
        return _Speaker(None, None, verb.text)
    if subject.lower_ in ("i", "we", "me", "us"):
        return item.parent.speaker
    start = att.structure.blocks[k].start + subject.idx
    if subject.lower_ in MALE_PRONOUNS | FEMALE_PRONOUNS:  # 'He said, "Not yet"': someone else
        outer_entity = item.parent.speaker.entity if item.parent.speaker else None
        other = att.resolve_pronoun(subject.text, start, exclude={id(outer_entity)})
        return _Speaker(other, Mention(subject.text, start, start + len(subject.text)), verb.text)
    if subject.pos_ == "PROPN":  # 'Marisol came up and said, "Stop"': a first name will do
        entity = att.known_name(subject.text, start, start + len(subject.text))
        if entity is not None and entity.type in ("PERSON", "ORG"):
            return _Speaker(entity, Mention(subject.text, start, start + len(subject.text)), verb.text)
    return _Speaker(None, None, verb.text)


def _nested_verb(doc: "Doc", span: QuoteSpan, within) -> "Token | None":
    """The verb of saying inside the outer quotation that the inner one depends on, else the
    nearest one before it in the same sentence ('My mother told me, "..."')."""
    for head in _quote_heads(doc, span):
        token = head
        for _ in range(8):
            if token.head.i == token.i or not within(token.head):
                break
            token = token.head
            if _speech_verb(token):
                return token
    first = _first_token_at(doc, span.opener)
    for j in range(first - 1, -1, -1):
        token = doc[j]
        if not within(token) or token.text in ".!?":
            break
        if _speech_verb(token):
            return token
    return None


def _share_across_runs(items: list[_Item]) -> None:
    """A quotation run over paragraphs has one speaker: an unattributed part takes its continuation's."""
    for item, following in reversed(list(zip(items, items[1:]))):
        if item.span.closed or following.block != item.block + 1:
            continue
        if (item.speaker is None or item.speaker.entity is None) and following.speaker is not None \
                and following.speaker.entity is not None:
            item.speaker = following.speaker


def _record_sentence(att: _Attributor, k: int, doc: "Doc", lo: int, hi: int, spans: list[QuoteSpan]) -> None:
    """Note who the sentence names and who its clauses are about, for later pronouns."""
    block = att.structure.blocks[k]
    for entity, m in att.mentions_between(block.start + lo, block.start + hi):
        if m.end <= block.end and not _inside(m.start - block.start, spans):
            att.record(m.start, entity, subject=False)
    for token in _tokens(doc, lo, hi):
        if token.dep_ in SUBJECT_DEPS and not _inside(token.idx, spans):
            if token.lower_ in ("i", "we", "you", "it", "this", "that", "which", "there"):
                continue
            speaker = att.speaker_of(k, token, create=False)
            if speaker and speaker.entity is not None:
                main = token.head.dep_ == "ROOT" or token.head.head.i == token.head.i
                att.record(block.start + token.idx, speaker.entity, subject=True, main=main)


def _attribute_one(att: _Attributor, k: int, doc: "Doc", item: _Item, lo: int, hi: int,
                   spans: list[QuoteSpan], previous: _Item | None) -> _Speaker | None:
    block = att.structure.blocks[k]
    text = block.text
    span = item.span
    found = _after_colon(att, k, doc, span) or _before_colon(att, k, doc, span, lo)
    if found:
        return found
    according = _according_to(doc, lo, hi, spans)
    verb, blocked = _governing_verb(doc, span, spans)
    if verb is None and not blocked and according is None:
        # '"...," she said.' or a parenthetical 'The plan, she told staff, was "secure".'
        verb = _nearest_verb(doc, span, spans, lo, hi)
    if verb is None and according is not None:
        speaker = att.speaker_of(k, according)
        return _with_cue(speaker, "according to")
    if verb is not None and verb.pos_ == "NOUN":
        return _claimant(att, k, verb)
    if verb is not None:
        subject = _subject(verb, span.end, spans)
        if subject is not None and not _inside(subject.idx, spans):
            return _with_cue(_not_named_inside(att, k, subject, span, att.speaker_of(k, subject)), verb.text)
        return _Speaker(None, None, verb.text)
    frame = "".join(ch for pos, ch in enumerate(text[lo:hi], lo) if not _inside(pos, spans))
    bare = not re.search(r"\w", frame)
    if not bare or block.kind != "paragraph":
        return None
    if previous is not None and _near(att, previous.block, k):
        return previous.speaker
    return _introduced(att, k, span)


def _introduced(att: _Attributor, k: int, span: QuoteSpan) -> _Speaker | None:
    """A paragraph that is only a quotation, after a paragraph about someone that quotes nobody:
    'Roe closed by appealing to voters.' / '"I know some of you..."' - Roe speaks."""
    blocks = att.structure.blocks
    if span.opener != 0 or k == 0 or blocks[k - 1].kind != "paragraph":
        return None
    if find_quote_spans(blocks[k - 1].text):
        return None
    person = lambda e: e.type in ("PERSON", "ORG")  # noqa: E731
    entity = att._recent(blocks[k].start, person, subject_only=True, since=blocks[k - 1].start)
    return _Speaker(entity, None, None) if entity is not None else None


def _not_named_inside(att: _Attributor, k: int, subject: "Token", span: QuoteSpan,
                      speaker: _Speaker | None) -> _Speaker | None:
    """'"But Jodie's in that rink every morning," the skater said': whoever a pronoun or a
    description stands for, it is not someone the quotation names in the third person."""
    if speaker is None or speaker.entity is None or speaker.mention is None:
        return speaker
    entity, block = speaker.entity, att.structure.blocks[k]
    if set(name_tokens(speaker.mention.text)) & set(name_tokens(entity.name)):
        return speaker  # named outright
    lo, hi = block.start + span.start, block.start + span.end
    if not any(lo <= m.start < hi for m in entity.mentions):
        return speaker
    att.excluded = {id(entity)}
    try:
        again = att._resolve_token(k, subject, True)
    finally:
        att.excluded = set()
    return again if again is not None and again.entity is not None else speaker


def _claimant(att: _Attributor, k: int, noun: "Token") -> _Speaker:
    """Whose 'claims' a quotation stands in: the owner ('her claims'), or the one accused over them
    ('accused the council of lying over claims it was "stalling"'); nobody the text does not name."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        token = noun
        for _ in range(8):
            if token.head.i == token.i:
                break
            token = token.head
            if token.pos_ == "VERB" and token.lemma_.lower() in ACCUSE_VERBS:
                owner = next((c for c in token.children if c.dep_ == "dobj"), None)
                break
    speaker = att.speaker_of(k, owner) if owner is not None else None
    return _with_cue(speaker, noun.text) if speaker else _Speaker(None, None, None)


def _with_cue(speaker: _Speaker | None, cue: str) -> _Speaker:
    if speaker is None:
        return _Speaker(None, None, cue)
    return _Speaker(speaker.entity, speaker.mention, cue)


def _near(att: _Attributor, earlier: int, later: int) -> bool:
    """The previous quote stands in this paragraph or the one before it."""
    return later - earlier <= 1


def _governing_verb(doc: "Doc", span: QuoteSpan, spans: list[QuoteSpan]) -> "tuple[Token | None, bool]":
    """The verb of saying (or noun of claiming) the quotation depends on, outside every quotation,
    and whether the quotation is the text of a relative clause ('flags that read "..."') that no
    verb elsewhere in the sentence can claim.

    A fragment inside any other relative clause is the words of whoever says the whole sentence:
    'He said Labor promised homes that had "never materialised"' - he, not Labor."""
    blocked = False
    for head in _quote_heads(doc, span):
        token, relative = head, None
        for _ in range(12):
            if token.dep_ in ("relcl", "acl") and not _speech_verb(token) and (
                    token.i == head.i or not _inside(token.idx, spans)):
                if token.dep_ == "acl" and token.head.lemma_.lower() in STATEMENT_NOUNS:
                    pass  # 'said in a statement that it was "a warning"': the statement is the saying
                elif token.dep_ == "relcl" and token.head.dep_ == "dobj" and _speech_verb(token.head.head):
                    pass  # 'told an audience that it was "a gadget company"', misread as a relative clause
                elif token.lemma_.lower() in TEXT_VERBS:
                    blocked = True  # 'banners that read "Save Our Jobs"'
                    break
                else:
                    relative = token
            if token.head.i == token.i:
                break
            token = token.head
            if _inside(token.idx, spans):
                continue
            if _speech_verb(token) or (token.pos_ == "NOUN" and token.lemma_.lower() in CLAIM_NOUNS):
                if relative is not None and token.pos_ != "NOUN" and _argument_of(relative.head, token):
                    relative = None
                    continue  # 'promised homes that...': the homes are promised, the words are not
                return token, False
    return None, blocked


def _argument_of(noun: "Token", verb: "Token") -> bool:
    """Is `noun` an object or adjunct of `verb` ('promised homes at the election'), not part of
    what the verb reports ('said that the homes...')?"""
    token = noun
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ in ("ccomp", "xcomp", "parataxis"):
            return False
        token = token.head
    return token.i == verb.i


def _nearest_verb(doc: "Doc", span: QuoteSpan, spans: list[QuoteSpan], lo: int, hi: int) -> "Token | None":
    """For a quoted sentence: the closest verb of saying in the words around it."""
    best, distance = None, None
    for token in _tokens(doc, lo, hi):
        if _inside(token.idx, spans) or not _speech_verb(token):
            continue
        d = span.opener - token.idx if token.idx < span.opener else token.idx - (span.closer or span.end)
        between = [s for s in spans if s is not span and s.depth == 0 and (
            token.idx < s.opener < span.opener or (span.closer or span.end) < s.opener < token.idx)]
        if between:
            continue
        if distance is None or d < distance:
            best, distance = token, d
    return best


def _after_colon(att: _Attributor, k: int, doc: "Doc", span: QuoteSpan) -> _Speaker | None:
    """"'Quote...': Name" in a headline: the name after the colon."""
    if span.closer is None or span.depth > 0:
        return None
    text = att.structure.blocks[k].text
    m = re.match(r"\s*[,.!?…]*\s*[:–—-]\s*", text[span.closer + 1:])
    if not m:
        return None
    at = span.closer + 1 + m.end()
    first = _first_token_at(doc, at)
    token = doc[first] if first < len(doc) else None
    if token is None or token.pos_ != "PROPN":
        return None
    head = token
    while head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "PROPN":
        head = doc[head.i + 1]
    return att.speaker_of(k, head)


def _before_colon(att: _Attributor, k: int, doc: "Doc", span: QuoteSpan, lo: int) -> _Speaker | None:
    """"Name: 'Quote'": a name standing alone before a colon."""
    text = att.structure.blocks[k].text
    before = text[lo:span.opener]
    m = re.match(r"^\s*([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s*:\s*$", before)
    if not m:
        return None
    block = att.structure.blocks[k]
    name, start = m.group(1), block.start + lo + m.start(1)
    entity = att.known_name(name, start, start + len(name))
    return _Speaker(entity, Mention(name, start, start + len(name)), None) if entity else None


# ---------------------------------------------------------------- headlines


def _lemmas(doc: "Doc", lo: int, hi: int) -> set[str]:
    return {t.lemma_.lower() for t in _tokens(doc, lo, hi) if t.is_alpha and not t.is_stop}


def _attribute_echoes(att: _Attributor, items: list[_Item]) -> None:
    """A headline or heading quoting words the body attributes: the body's speaker says them.

    "'We're building the future': Acme bets on AI" - the chief executive said it in the body,
    whatever the headline's grammar makes of 'Acme'."""
    said = [(fold(att.structure.blocks[i.block].text[i.span.start:i.span.end]), i.speaker) for i in items
            if att.structure.blocks[i.block].kind == "paragraph" and i.speaker and i.speaker.entity]
    for item in items:
        if att.structure.blocks[item.block].kind not in ("title", "heading"):
            continue
        words = fold(att.structure.blocks[item.block].text[item.span.start:item.span.end])
        if len(words.split()) < 2:
            continue
        speakers = {id(sp.entity): sp for text, sp in said if f" {words} " in f" {text} "}
        if len(speakers) == 1:
            item.speaker = _Speaker(next(iter(speakers.values())).entity, None, None)


def _attribute_bare_headlines(att: _Attributor, items: list[_Item]) -> None:
    """A headline that is only a quotation: whoever says the same thing in the body."""
    for item in items:
        block = att.structure.blocks[item.block]
        if item.speaker is not None and item.speaker.entity is not None:
            continue
        if block.kind not in ("title", "heading") or item.parent is not None:
            continue
        want = _lemmas(att.docs[item.block], item.span.start, item.span.end)
        if len(want) < 2:
            continue
        best, best_overlap = None, 0.0
        for k, other in enumerate(att.structure.blocks):
            if other.kind != "paragraph":
                continue
            doc = att.docs[k]
            for sent in doc.sents:
                got = _lemmas(doc, sent.start_char, sent.end_char)
                overlap = len(want & got) / len(want)
                if overlap > best_overlap and len(want & got) >= 2:
                    best, best_overlap = (k, sent), overlap
        if best is None or best_overlap < 0.6:
            continue
        k, sent = best
        said = [i for i in items if i.block == k and sent.start_char <= i.span.start < sent.end_char
                and i.speaker and i.speaker.entity]
        if said:
            item.speaker = _Speaker(said[0].speaker.entity, None, None)
            continue
        subject = next((t for t in sent if t.dep_ in SUBJECT_DEPS and t.head.dep_ == "ROOT"), None)
        speaker = att.speaker_of(k, subject) if subject is not None else None
        if speaker and speaker.entity is not None and speaker.entity.type == "PERSON":
            item.speaker = _Speaker(speaker.entity, None, None)


# ---------------------------------------------------------------- output


def _to_quotes(structure: Structure, items: list[_Item]) -> list[Quote]:
    quotes = []
    for item in sorted(items, key=lambda i: (structure.blocks[i.block].start + i.span.start, -i.span.end)):
        block = structure.blocks[item.block]
        start, end = block.start + item.span.start, block.start + item.span.end
        speaker = item.speaker
        entity = speaker.entity if speaker else None
        mention = speaker.mention if speaker else None
        if mention is not None and structure.text[mention.start:mention.end] != mention.text:
            mention = None
        quotes.append(Quote(
            id=f"q{len(quotes) + 1}", text=structure.text[start:end], start=start, end=end, kind=item.kind,
            speaker=SpeakerRef(entity.id, entity.name) if entity else None,
            speaker_mention=mention if entity else None,
            cue=speaker.cue if speaker else None,
            section_id=block.section_id, paragraph_index=block.paragraph_index))
    return quotes
