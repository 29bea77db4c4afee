"""The article's entity records, and the only place that creates or changes one.

Entity extraction fills the registry from mention groups; attribution reads
it (which entity is mentioned where, which entity a name denotes) and adds a
speaker the model missed through `add_mention`, never by editing a record.
`finalize` gives salience and the listing order.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import TYPE_CHECKING

from app.domain import Entity, Mention
from app.nlp import lexicon
from app.nlp.entities.labels import group_name, group_type
from app.nlp.entities.grouping import name_head
from app.nlp.entities.mentions import ORG_KIND_WORDS, VALUE_TYPES
from app.nlp.entities.repairs import organisation_name
from app.nlp.names import (bare_name, find_entity, is_first_name, name_tokens, same_person, same_thing,
                            strip_possessive)
from app.nlp.text import slugify, unique_slug

if TYPE_CHECKING:
    from app.nlp.entities.mentions import Group


def unique_id(name: str, used_ids: set[str]) -> str:
    return unique_slug(slugify(name) or "entity", used_ids)


class EntityRegistry:
    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._ids: set[str] = set()
        self._index: list[tuple[Entity, Mention]] | None = None
        self._index_starts: list[int] = []
        self._longest = 0

    # ------------------------------------------------------------ creating

    def add_group(self, group: "Group") -> Entity:
        type_ = group_type(group)
        name = group_name(group, type_)
        mentions = sorted({(m.start, m.end): Mention(m.text, m.start, m.end) for m in group.mentions}.values(),
                          key=lambda m: m.start)
        aliases = list(dict.fromkeys(m.text for m in mentions if m.text != name))
        return self._create(name, type_, aliases, mentions)

    def _create(self, name: str, type_: str, aliases: list[str], mentions: list[Mention]) -> Entity:
        entity = Entity(id=unique_id(name, self._ids), name=name, type=type_, aliases=aliases, salience=0.0,
                        mentions=mentions)
        self.entities.append(entity)
        self._index = None
        return entity

    def add_mention(self, mention: Mention, type_: str = "PERSON") -> Entity:
        """Attach a mention found by another step (a speaker, an author) to its entity, or make one."""
        entity = find_entity(mention.text, self.entities, {type_})
        if entity is None and type_ == "ORG":
            entity = self._headed_by(mention.text)
        if entity is None and type_ != "PERSON":
            # A place begins many an organisation's name ('Arnby Herald'): a place joins only as itself.
            entity = next((e for e in self.entities if e.type not in VALUE_TYPES and any(
                same_thing(mention.text, f, strict=e.type in ("GPE", "LOC") and type_ == "ORG")
                for f in (e.name, *e.aliases))), None)
        if entity is None and type_ == "PERSON":
            # The model may have mistyped a person the article quotes: 'said Jo Bloggs' tagged ORG.
            others = [e for e in self.entities if e.type not in VALUE_TYPES]
            entity = find_entity(mention.text, others) or next(
                (e for e in others if e.name.istitle() and same_person(mention.text, e.name)), None)
            if entity is not None and len(name_tokens(entity.name)) >= 2 and not organisation_name(entity.name):
                entity.type = "PERSON"
            elif entity is not None:
                entity = None
            if entity is None:
                entity = next((e for e in others if e.type == "ORG" and any(
                    _head_of(mention.text, f) for f in (e.name, *e.aliases))), None)
        if entity is None:
            name = bare_name(mention.text) if type_ == "PERSON" else strip_possessive(mention.text)
            entity = self._create(name, type_, [], [])
        if type_ != "PERSON" and entity.type != type_:
            self._rename(entity, mention.text)  # the byline knows what its publisher is
            entity.type = type_
        if all((m.start, m.end) != (mention.start, mention.end) for m in entity.mentions):
            entity.mentions.append(mention)
            entity.mentions.sort(key=lambda m: m.start)
            self._index = None
        if mention.text != entity.name and mention.text not in entity.aliases:
            entity.aliases.append(mention.text)
        return entity

    def _headed_by(self, text: str) -> Entity | None:
        """'the Department said' in an article of one 'Department of Fisheries': a capitalised noun for
        a kind of organisation, alone, calls back the one organisation of the article it heads."""
        word = strip_possessive(text)
        if " " in word or not word.istitle() or word.lower() not in ORG_KIND_WORDS:
            return None
        owners = [e for e in self.entities if e.type == "ORG" and name_head(e.name) == word.lower()]
        return owners[0] if len(owners) == 1 else None

    def _rename(self, entity: Entity, form: str) -> None:
        """Name an entity by a fuller form, keeping the old name as an alias."""
        if len(form.split()) <= len(entity.name.split()) or form == entity.name:
            return
        entity.aliases = [a for a in (entity.name, *entity.aliases) if a != form]
        entity.name = form
        self._ids.discard(entity.id)
        entity.id = unique_id(form, self._ids)

    # ------------------------------------------------------------ reading

    def __iter__(self):
        return iter(self.entities)

    def find(self, text: str, types: set[str] | None = None) -> Entity | None:
        return find_entity(text, self.entities, types)

    def people(self) -> list[Entity]:
        return [e for e in self.entities if e.type == "PERSON"]

    def mentions_between(self, lo: int, hi: int) -> list[tuple[Entity, Mention]]:
        """Named mentions starting in [lo, hi), from an index rebuilt only when mentions change."""
        if self._index is None:
            pairs = sorted(((e, m) for e in self.entities if e.type not in VALUE_TYPES for m in e.mentions),
                           key=lambda pair: pair[1].start)
            self._index = pairs
            self._index_starts = [m.start for _, m in pairs]
            self._longest = max((m.end - m.start for _, m in pairs), default=0)
        return self._index[bisect_left(self._index_starts, lo):bisect_left(self._index_starts, hi)]

    def mention_at(self, start: int, end: int, types: Iterable[str] | None = None) -> tuple[Entity, Mention] | None:
        """The entity mention overlapping [start, end), people first, then the longest."""
        self.mentions_between(0, 0)
        found = []
        for entity, m in self.mentions_between(start - self._longest, end):
            if (types and entity.type not in types) or not (m.start < end and start < m.end):
                continue
            found.append((entity.type != "PERSON", entity, m))
        found.sort(key=lambda x: (x[0], -(x[2].end - x[2].start)))
        return (found[0][1], found[0][2]) if found else None

    # ------------------------------------------------------------ the result

    def finalize(self, text_length: int = 0) -> list[Entity]:
        """Salience, and the listing order: most salient first (ties: the first mentioned first).

        salience = 0.7 * mentions / most mentions of a name + 0.3 * (1 - first offset / text length),
        quartered for dates and numbers so that names lead the listing.
        """
        entities = [e for e in self.entities if e.mentions]
        if not entities:
            return []
        names = [e for e in entities if e.type not in VALUE_TYPES] or entities
        most = max(len(e.mentions) for e in names)
        length = max(text_length, max(m.end for e in entities for m in e.mentions), 1)
        for e in entities:
            score = 0.7 * min(len(e.mentions) / most, 1.0) + 0.3 * (1 - e.mentions[0].start / length)
            e.salience = round(score * (0.25 if e.type in VALUE_TYPES else 1.0), 4)
        return sorted(entities, key=lambda e: (-e.salience, e.mentions[0].start))


_NAME_LINKS = lexicon.words("name_links", "head")


def _head_of(text: str, name: str) -> bool:
    """'National Federation' for 'National Federation of Arnish Growers': an organisation's name cut
    before its 'of' phrase, no given name opening it, is that organisation."""
    words, full = text.split(), name.split()
    return len(words) >= 2 and len(full) > len(words) + 1 and full[:len(words)] == words \
        and full[len(words)].lower() in _NAME_LINKS and not is_first_name(words[0])
