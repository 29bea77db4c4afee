"""From the words that name a speaker to the entity they denote.

Given the subject token of a verb of saying (or the object of 'according
to'), `Resolver.speaker_of` decides whom it means, trying in turn: a
relative or personal pronoun, a name the article knows, a name in
apposition, a party word used for a person ('the Republican'), someone
speaking for an organisation ('a council spokesman'), and a description
('the minister', 'the 27-year-old'). Each answer records which of these
steps made it (`Speaker.resolution`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from app.domain import Entity, Mention
from app.nlp import lexicon
from app.nlp.attribution.descriptions import Descriptions
from app.nlp.attribution.discourse import Discourse
from app.nlp.names import TITLE_WORDS, fold, name_tokens, strip_possessive
from app.nlp.syntax import SUBJECT_DEPS, appositions, definite

if TYPE_CHECKING:
    from spacy.tokens import Token

    from app.nlp.entities import EntityRegistry
    from app.nlp.marks import QuoteSpan
    from app.nlp.structure import Structure

SPEAKING_ORG_WORDS = lexicon.words("organisation_words", "speaker")
SPOKESPEOPLE = lexicon.words("person_words", "spokesperson")
INDEFINITE = lexicon.words("determiners", "indefinite")


@dataclass(frozen=True)
class Speaker:
    """Who said a quotation, the words that name them there, the cue, and how it was decided."""

    entity: Entity | None
    mention: Mention | None
    cue: str | None = None
    sieve: str | None = None  # the attribution rule that chose this speaker
    resolution: str | None = None  # how the naming words were resolved: "name", "pronoun", ...

    def with_cue(self, cue: str | None) -> "Speaker":
        return replace(self, cue=cue)


class Resolver:
    def __init__(self, structure: "Structure", docs: list, registry: "EntityRegistry", discourse: Discourse):
        self.structure = structure
        self.docs = docs
        self.registry = registry
        self.discourse = discourse
        self.descriptions = Descriptions(registry, discourse)
        self._memo: dict[tuple[int, int, bool], Speaker | None] = {}

    def _mention(self, k: int, token: "Token") -> Mention:
        start = self.structure.blocks[k].start + token.idx
        return Mention(token.text, start, start + len(token.text))

    def speaker_of(self, k: int, token: "Token", create: bool = True) -> Speaker | None:
        """Resolve the subject token of a verb of saying to an entity (memoised per token).

        Only a speaker of a quotation may add an entity (`create`): any other subject,
        such as a headline's 'Insufficient Rain Has...', names nothing new.
        """
        key = (k, token.i, create)
        if key not in self._memo:
            self._memo[key] = self.resolve(k, token, create)
        return self._memo[key]

    def resolve(self, k: int, token: "Token", create: bool = True) -> Speaker | None:
        block = self.structure.blocks[k]
        gpos = block.start + token.idx
        if token.pos_ == "PRON":
            if token.dep_ in SUBJECT_DEPS and token.lower_ in ("who", "that", "which") and token.head.dep_ == "relcl":
                found = self.speaker_of(k, token.head.head, create)
                return replace(found, resolution="relative pronoun") if found else None
            entity = self.discourse.resolve_pronoun(token.text, gpos)
            return Speaker(entity, self._mention(k, token), resolution="pronoun")
        named = self.named(k, token, create=False)
        if named and named.entity is not None and named.entity.type == "PERSON":
            return named
        for appos in appositions(token):
            found = self.named(k, appos, create)
            if found and found.entity is not None and found.entity.type == "PERSON":
                return replace(found, resolution="apposition")
        named = named or self.named(k, token, create)
        if named and named.entity is not None and named.entity.type == "NORP" and not token.tag_.endswith("S"):
            # 'Republican calls...': one person, whom a title describes ('Republican Jo Roe');
            # 'The Scot said': one person, the one talked about if no title says so.
            described = self.descriptions.resolve(token, gpos, token.text, fallback=definite(token))
            if described is not None:
                return Speaker(described, named.mention, resolution="group word for a person")
        if named:
            return named
        if token.pos_ in ("NOUN", "ADJ") or fold(token.text) in TITLE_WORDS:
            return self._described(k, token, gpos)
        return None

    def _described(self, k: int, token: "Token", gpos: int) -> Speaker | None:
        """A common noun phrase: someone unnamed, someone speaking for a body, or a description."""
        block = self.structure.blocks[k]
        determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "nummod", "poss")}
        if determiners & INDEFINITE or (token.tag_ == "NNS" and not determiners & {"the", "these", "those"}):
            # 'a spokesman said', 'officials said': someone the article does not name;
            # 'analysts at Acme said', 'a spokeswoman for Acme said': Acme speaks;
            # 'police said': the article's one police force.
            spoken_for = self._their_organisation(k, token)
            if spoken_for is None and not determiners and token.lemma_.lower() in SPEAKING_ORG_WORDS:
                org = self.descriptions.organisation(token)
                spoken_for = Speaker(org, self._mention(k, token), resolution="organisation word") if org else None
            return spoken_for
        if (token.lower_ in SPOKESPEOPLE or token.lemma_.lower() in SPEAKING_ORG_WORDS) and (
                spoken_for := self._their_organisation(k, token)):
            return spoken_for  # 'the Acme spokesperson said', 'the Labour government promised'
        left = min([c.left_edge.idx for c in token.lefts
                    if c.dep_ in ("det", "amod", "compound", "nummod", "nmod", "npadvmod", "punct")] + [token.idx])
        text = block.text[left:token.idx + len(token.text)]
        words = re.findall(r"[\w-]+", text)
        entity = self.descriptions.resolve(token, gpos, words[-1] if words else None)
        return Speaker(entity, Mention(text, block.start + left, block.start + left + len(text)),
                       resolution="description")

    def _their_organisation(self, k: int, token: "Token") -> Speaker | None:
        """'a Health Department spokesperson', 'a spokeswoman for Acme': the body they speak for."""
        for child in token.children:
            if child.dep_ in ("compound", "nmod") and child.pos_ == "PROPN":
                named = self.named(k, child, create=False)
                if named and named.entity is not None and named.entity.type == "ORG":
                    return replace(named, resolution="spokesperson's organisation")
            elif child.dep_ == "compound" and child.lemma_.lower() in SPEAKING_ORG_WORDS and (
                    org := self.descriptions.organisation(child)):
                return Speaker(org, self._mention(k, child), resolution="spokesperson's organisation")
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("at", "for", "from", "of"):
                for obj in prep.children:
                    named = self.named(k, obj, create=False) if obj.dep_ == "pobj" else None
                    if named and named.entity is not None and named.entity.type == "ORG":
                        return replace(named, resolution="spokesperson's organisation")
        return None

    def named(self, k: int, token: "Token", create: bool = True) -> Speaker | None:
        """A name at `token`: the entity mention there, else the run of proper nouns."""
        block = self.structure.blocks[k]
        gpos = block.start + token.idx
        found = self.registry.mention_at(gpos, gpos + len(token.text))
        if found:
            entity, mention = found
            return Speaker(entity, Mention(mention.text, mention.start, mention.end), resolution="name")
        if token.pos_ != "PROPN" or not create:
            return None
        doc = token.doc
        lo = token.i
        while lo > 0 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].dep_ in ("compound", "flat"):
            lo -= 1
        while lo < token.i and fold(doc[lo].text) in TITLE_WORDS:
            lo += 1
        start, end = doc[lo].idx, token.idx + len(token.text)
        text = strip_possessive(block.text[start:end])
        if not text or not text[0].isupper() or fold(text.split()[-1]) in TITLE_WORDS:
            return None  # 'the CEO said', 'one Labor MP said': a description, not a name
        type_ = "ORG" if fold(token.text) in SPEAKING_ORG_WORDS else "PERSON"
        mention = Mention(text, block.start + start, block.start + start + len(text))
        entity = self.entity_for_name(mention, type_)
        return Speaker(entity, mention, resolution="name")

    def entity_for_name(self, mention: Mention, type_: str = "PERSON") -> Entity:
        """The entity a printed name denotes, made if the model missed it."""
        return (self.registry.find(mention.text) or self.by_first_name(mention.text)
                or self.registry.add_mention(mention, type_))

    def known_name(self, text: str, start: int, end: int) -> Entity | None:
        """An entity the article already knows by this printed name; None for a common word."""
        found = self.registry.mention_at(start, end)
        if found and found[1].start <= start and end <= found[1].end:
            return found[0]
        return self.registry.find(text) or self.by_first_name(text)

    def by_first_name(self, text: str) -> Entity | None:
        """'Nicole' for the one person of the article whose first name it is."""
        words = name_tokens(text)
        if len(words) != 1:
            return None
        people = [e for e in self.registry.people() if len(name_tokens(e.name)) >= 2 and name_tokens(e.name)[0] == words[0]]
        return people[0] if len(people) == 1 else None

    def not_named_inside(self, k: int, subject: "Token", span: "QuoteSpan", speaker: Speaker | None) -> Speaker | None:
        """'"But Jodie's in that rink every morning," the skater said': whoever a pronoun or a
        description stands for, it is not someone the quotation names in the third person."""
        if speaker is None or speaker.entity is None or speaker.mention is None:
            return speaker
        entity, block = speaker.entity, self.structure.blocks[k]
        if set(name_tokens(speaker.mention.text)) & set(name_tokens(entity.name)):
            return speaker  # named outright
        lo, hi = block.start + span.start, block.start + span.end
        if not any(lo <= m.start < hi for m in entity.mentions):
            return speaker
        self.discourse.excluded = {id(entity)}
        try:
            again = self.resolve(k, subject, True)
        finally:
            self.discourse.excluded = set()
        return again if again is not None and again.entity is not None else speaker
