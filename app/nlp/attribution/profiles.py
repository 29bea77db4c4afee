"""What the article says about each person: titles, ages, employers, sex.

Descriptions ('the minister', 'the 27-year-old', 'the Brindle analyst') and
pronouns are resolved against these profiles. Everything comes from the
words printed around the person's own mentions, never from outside
knowledge, except a first name's usual sex as a last resort.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.domain import Entity, Mention
from app.nlp import lexicon
from app.nlp.names import FEMALE_WORDS, MALE_WORDS, TITLE_WORDS, first_name_gender, fold, name_tokens
from app.nlp.syntax import apposed, first_token_at, tokens

if TYPE_CHECKING:
    from app.nlp.entities import EntityRegistry
    from app.nlp.structure import Structure

TITLE_ABBREVIATIONS = lexicon.mapping("title_abbreviations")
MALE_PRONOUNS = lexicon.words("pronouns", "male")
FEMALE_PRONOUNS = lexicon.words("pronouns", "female")
_EMPLOYER_AFTER = re.compile(r",?\s+(?:(?:an?|the)\s+[\w-]+(?:\s+[\w-]+)?\s+)?(?:of|at|from|for|with)\s+(?:the\s+)?")
_NAMED_BEFORE = re.compile(r"\b(?:named|called)\s+[\"“‘']?$")  # 'a farmer named ', 'a dog called "'
_AGE_AFTER = re.compile(r"(?:,\s*(?:aged\s+)?|\s*\()(\d{1,3})\s*[,)]")


class Profiles:
    def __init__(self, structure: "Structure", docs: list, registry: "EntityRegistry"):
        self.structure = structure
        self.docs = docs
        self.registry = registry
        self.titles: dict[int, list[list[str]]] = {}  # id(entity) -> word runs
        self.gender: dict[int, str] = {}  # id(entity) -> "m" | "f"
        # Words of any title: an adjective among them tells people apart ('the foreign minister'),
        # any other ('the 47-year-old businessman', 'the embattled minister') does not.
        self.title_words: frozenset[str] = frozenset()
        self._block_starts = [b.start for b in structure.blocks]
        for entity in registry.people():
            self._read(entity)

    def _read(self, entity: Entity) -> None:
        runs = []
        for mention in entity.mentions:
            runs.extend(run for run in (self._words_before(mention), self._apposition_after(mention),
                                        self._age_after(mention), self._employer_after(mention),
                                        self._apposed_to(mention), self._named_after(mention)) if run)
        self.titles[id(entity)] = [expanded(_with_ages(run)) for run in runs]
        self.title_words |= {w for run in self.titles[id(entity)] for w in run}
        words = {w for run in runs for w in run}
        male, female = MALE_WORDS, FEMALE_WORDS
        if not words & (male | female):
            words = {w for mention in entity.mentions for w in self._own_possessive(mention)}
            male, female = MALE_PRONOUNS, FEMALE_PRONOUNS
        if words & male and not words & female:
            self.gender[id(entity)] = "m"
        elif words & female and not words & male:
            self.gender[id(entity)] = "f"

    def gender_of(self, entity: Entity) -> str | None:
        """What the text shows ('Mr', 'spokeswoman', 'who lost his job'), else what the first name suggests."""
        if id(entity) not in self.gender and entity.type == "PERSON":
            guess = first_name_gender(entity.name)
            if guess is None:
                return None
            self.gender[id(entity)] = guess
        return self.gender.get(id(entity))

    def block_of(self, pos: int) -> int | None:
        for k, block in enumerate(self.structure.blocks):
            if block.start <= pos < block.end:
                return k
        return None

    def _words_before(self, mention: Mention) -> list[str]:
        """'Danish Trade Minister Ole Brask' -> ['danish', 'trade', 'minister']."""
        k = self.block_of(mention.start)
        if k is None:
            return []
        block, doc = self.structure.blocks[k], self.docs[k]
        local = mention.start - block.start
        core = name_tokens(mention.text)
        own = []
        for w in (w.lower().strip(".") for w in mention.text.split()):
            if fold(w) in core:
                break
            own.append(fold(w))
        first = first_token_at(doc, local)
        run: list[str] = []
        j, skipped = first - 1, False
        while j >= 0 and len(run) < 6:
            token = doc[j]
            if token.ent_type_ == "PERSON":
                break  # 'Dancer Jo Roe partners Una Threlkeld': Jo Roe is no title of Una Threlkeld's
            if token.text in (",", "’s", "'s") and not skipped and not run:
                skipped = token.text == ","
                j -= 1
                continue
            if token.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or token.text == "-" or (
                    token.lower_.strip(".") in TITLE_WORDS and token.lower_ != "the"):
                if skipped and not run and first < len(doc) and not apposed(token, doc[first]):
                    break  # 'Along with his uncle and nephew, Roe was named in...': no title of Roe's
                run.insert(0, fold(token.text))
                j -= 1
                continue
            break
        return [w for w in run + own if w]

    def _apposed_to(self, mention: Mention) -> list[str]:
        """'Her cousin, the florist Jo Roe,' -> ['cousin']: the noun the name stands in apposition to."""
        k = self.block_of(mention.start)
        if k is None:
            return []
        block, doc = self.structure.blocks[k], self.docs[k]
        i = first_token_at(doc, mention.end - block.start) - 1
        if i < 0 or doc[i].dep_ != "appos" or doc[i].head.pos_ != "NOUN":
            return []
        return [fold(doc[i].head.text)]

    def _named_after(self, mention: Mention) -> list[str]:
        """'a dog character named "Rex"', 'a farmer called Jo Roe' -> ['dog', 'character'] / ['farmer']:
        the noun a name is given to describes its bearer."""
        k = self.block_of(mention.start)
        if k is None:
            return []
        block, doc = self.structure.blocks[k], self.docs[k]
        m = _NAMED_BEFORE.search(block.text, max(0, mention.start - block.start - 12), mention.start - block.start)
        if not m:
            return []
        i = first_token_at(doc, m.start())
        noun = doc[i - 1] if i > 0 and doc[i - 1].pos_ == "NOUN" else None
        if noun is None or noun.ent_type_:
            return []
        return [fold(c.text) for c in noun.lefts if c.dep_ in ("amod", "compound") and c.pos_ != "PROPN"] + [fold(noun.text)]

    def _employer_after(self, mention: Mention) -> list[str]:
        """'Jo Roe of Brindle Capital', 'Jo Roe, an analyst at Quorvant' -> ['brindle', 'capital'] / ['quorvant']."""
        m = _EMPLOYER_AFTER.match(self.structure.text, mention.end)
        if not m:
            return []
        found = self.registry.mention_at(m.end(), m.end() + 1, types=("ORG",))
        return fold(found[1].text).split() if found and found[1].start == m.end() else []

    def _age_after(self, mention: Mention) -> list[str]:
        """'Jo Roe, 27,' or 'Jo Roe (27)' -> ['27-year-old'], for 'the 27-year-old said'."""
        m = _AGE_AFTER.match(self.structure.text, mention.end)
        return [f"{m.group(1)}-year-old"] if m else []

    def _own_possessive(self, mention: Mention) -> list[str]:
        """'Jo Roe, who is expecting her second child' -> ['her']: the possessive of a relative
        clause on the name is the person's own, which tells their sex when no title does."""
        k = self.block_of(mention.start)
        if k is None:
            return []
        block, doc = self.structure.blocks[k], self.docs[k]
        i = first_token_at(doc, mention.end - block.start)
        if i + 1 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("who", "whose"):
            return []
        clause = doc[i + 1].head  # the relative clause's verb
        if clause.dep_ != "relcl":
            return []
        return [t.lower_ for t in clause.subtree if t.dep_ == "poss" and t.lower_ in MALE_PRONOUNS | FEMALE_PRONOUNS][:1]

    def _apposition_after(self, mention: Mention) -> list[str]:
        """'Ines Carvalho, the health minister,' -> ['health', 'minister']."""
        k = self.block_of(mention.start)
        if k is None:
            return []
        block, doc = self.structure.blocks[k], self.docs[k]
        m = re.match(r"\s*[,—–(]\s*(?:the|a|an|its|their|his|her)\s+([\w’'-]+(?:\s+[\w’'-]+){0,4})",
                     block.text[mention.end - block.start:])
        if not m:
            return []
        start = mention.end - block.start + m.start(1)
        run, last = [], None
        for token in tokens(doc, start, mention.end - block.start + m.end(1)):
            if token.text in ("’s", "'s") and run:
                run = []  # 'the council’s chief finance officer': the owner is not the title
                continue
            if token.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM") and token.text != "-":
                break
            run.append(fold(token.text))
            last = token
        # An apposition, not the subject of the next verb: 'Jo Roe, the 27-year-old wrote' is no title.
        if last is None or (last.dep_ != "appos" and not re.match(r"\s*[,.;:—–()]", doc.text[last.idx + len(last.text):])):
            return []
        return [w for w in run if w]


def expanded(run: list[str]) -> list[str]:
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
