"""Who the article is talking about, as it is read: the memory pronouns point into.

Reading in order, every mention of an entity is an event; the subjects of
clauses (and of main clauses especially) are the topics a later 'he', 'she'
or 'the minister' most likely means.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.domain import Entity
from app.nlp import lexicon
from app.nlp.attribution.profiles import Profiles

MALE_PRONOUNS = lexicon.words("pronouns", "male")
FEMALE_PRONOUNS = lexicon.words("pronouns", "female")
GROUP_PRONOUNS = lexicon.words("pronouns", "group")


@dataclass
class Event:
    """Someone named or referred to at `pos`; subjects of clauses are the topic."""

    pos: int
    entity: Entity
    subject: bool
    main: bool = False  # the subject of a sentence's main verb: who the sentence is about


class Discourse:
    def __init__(self, profiles: Profiles):
        self.profiles = profiles
        self.structure = profiles.structure
        self.events: list[Event] = []
        self.excluded: set[int] = set()  # people a pronoun or description cannot be, for now

    def record(self, pos: int, entity: Entity | None, subject: bool, main: bool = False) -> None:
        if entity is not None:
            self.events.append(Event(pos, entity, subject, main))

    def recent(self, pos: int, accept: Callable[[Entity], bool], subject_only: bool,
               exclude: set[int] = frozenset(), since: int = 0, main_only: bool = False) -> Entity | None:
        """The latest entity before `pos` (and from `since`) that `accept`s, among subjects if asked."""
        for event in sorted((e for e in self.events if since <= e.pos < pos), key=lambda e: -e.pos):
            if (subject_only and not event.subject) or (main_only and not event.main):
                continue
            if id(event.entity) in exclude or not accept(event.entity):
                continue
            return event.entity
        return None

    def window(self, pos: int) -> int:
        """Start of the paragraph before the one at `pos`."""
        k = self.profiles.block_of(pos)
        if k is None:
            return 0
        return self.structure.blocks[max(0, k - 1)].start

    def paragraph_start(self, pos: int) -> int:
        k = self.profiles.block_of(pos)
        return self.structure.blocks[k].start if k is not None else 0

    def resolve_pronoun(self, word: str, pos: int, exclude: set[int] = frozenset()) -> Entity | None:
        """The person a pronoun points back to: recent subject first, gender where known."""
        word = word.lower()
        if word in MALE_PRONOUNS:
            want = "m"
        elif word in FEMALE_PRONOUNS:
            want = "f"
        elif word in GROUP_PRONOUNS:
            return self.recent(pos, lambda e: e.type in ("ORG", "NORP", "GPE"), subject_only=True)
        else:
            return None
        exclude = exclude | self.excluded
        gender_of = self.profiles.gender_of
        known = lambda e: e.type == "PERSON" and id(e) not in exclude and gender_of(e) == want  # noqa: E731
        fits = lambda e: e.type == "PERSON" and id(e) not in exclude and (gender_of(e) or want) == want  # noqa: E731
        # The last subject of this paragraph, if the pronoun fits; then someone the text has
        # shown to be 'she' in this or the last paragraph beats an unknown.
        entity = (self.recent(pos, fits, subject_only=True, since=self.paragraph_start(pos))
                  or self.recent(pos, known, subject_only=True, since=self.window(pos))
                  or self.recent(pos, fits, subject_only=True) or self.recent(pos, fits, subject_only=False))
        if entity is not None and id(entity) not in self.profiles.gender:
            self.profiles.gender[id(entity)] = want
        return entity
