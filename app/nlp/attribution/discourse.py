"""Who the article is talking about, as it is read: the memory pronouns point into.

Reading in order, every mention of an entity is an event; the subjects of
clauses (and of main clauses especially) are the topics a later 'he', 'she'
or 'the minister' most likely means.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from app.domain import Entity
from app.nlp import lexicon
from app.nlp.attribution.profiles import FEMALE_PRONOUNS, MALE_PRONOUNS, Profiles

GROUP_PRONOUNS = lexicon.words("pronouns", "group")


@dataclass
class Event:
    """Someone named or referred to at `pos`; subjects of clauses are the topic."""

    pos: int
    entity: Entity
    subject: bool
    main: bool = False  # the subject of a sentence's main verb: who the sentence is about
    quoted: bool = False  # named inside a quotation: in the speaker's words, not the narrator's


class Discourse:
    def __init__(self, profiles: Profiles):
        self.profiles = profiles
        self.structure = profiles.structure
        # Every event, kept ordered by (position, order of recording): `recent` looks back from a
        # position without sorting the whole article's events each time.
        self._keys: list[tuple[int, int]] = []
        self._events: list[Event] = []
        self.excluded: set[int] = set()  # people a pronoun or description cannot be, for now
        # Stand-ins for people the article does not name: 'a bartender' (standing for nobody) or
        # 'a spokeswoman for Acme' (standing for Acme). A pronoun may point to one, as to anyone.
        self._stands_for: dict[int, Entity | None] = {}

    def record_unnamed(self, pos: int, gender: str | None, speaks_for: Entity | None, main: bool) -> None:
        """'A cashier said ...', 'a spokeswoman for Acme said ...': someone a later 'she' may mean."""
        stand_in = Entity(id="", name="", type="PERSON", aliases=[], salience=0.0, mentions=[])
        self._stands_for[id(stand_in)] = speaks_for
        if gender:
            self.profiles.gender[id(stand_in)] = gender
        self._add(Event(pos, stand_in, subject=True, main=main))

    def recent_spoken_for(self, pos: int) -> Entity | None:
        """'A spokeswoman for Acme said ... the spokeswoman added': the body the last spokesperson of
        this or the previous paragraph spoke for."""
        found = self.recent(pos, lambda e: self._stands_for.get(id(e)) is not None, subject_only=True,
                            since=self.window(pos))
        return self.real(found)

    def real(self, entity: Entity | None) -> Entity | None:
        """The entity a stand-in speaks for (None for someone unnamed), or the entity itself."""
        if entity is not None and id(entity) in self._stands_for:
            return self._stands_for[id(entity)]
        return entity

    def record(self, pos: int, entity: Entity | None, subject: bool, main: bool = False, quoted: bool = False) -> None:
        if entity is not None:
            self._add(Event(pos, entity, subject, main, quoted))

    def recent(self, pos: int, accept: Callable[[Entity], bool], subject_only: bool,
               exclude: set[int] = frozenset(), since: int = 0, main_only: bool = False,
               quoted: bool = False) -> Entity | None:
        """The latest entity before `pos` (and from `since`) that `accept`s, among subjects if asked;
        among the narrator's mentions, or with `quoted` among those inside quotations."""
        for event in self._before(pos, since):
            if (subject_only and not event.subject) or (main_only and not event.main) or event.quoted != quoted:
                continue
            if id(event.entity) in exclude or not accept(event.entity):
                continue
            return event.entity
        return None

    def _add(self, event: Event) -> None:
        key = (event.pos, len(self._keys))
        at = bisect_right(self._keys, key)
        self._keys.insert(at, key)
        self._events.insert(at, event)

    def _before(self, pos: int, since: int):
        """Events from `since` to before `pos`, latest position first, in recording order within one."""
        lo, j = bisect_left(self._keys, (since, -1)), bisect_left(self._keys, (pos, -1)) - 1
        while j >= lo:
            first = max(lo, bisect_left(self._keys, (self._keys[j][0], -1)))
            yield from self._events[first:j + 1]
            j = first - 1

    def window(self, pos: int) -> int:
        """Start of the paragraph before the one at `pos`."""
        k = self.profiles.block_of(pos)
        if k is None:
            return 0
        return self.structure.blocks[max(0, k - 1)].start

    def paragraph_start(self, pos: int) -> int:
        k = self.profiles.block_of(pos)
        return self.structure.blocks[k].start if k is not None else 0

    def resolve_pronoun(self, word: str, pos: int, exclude: set[int] = frozenset(),
                        sentence_start: int | None = None) -> Entity | None:
        """The person a pronoun points back to, in order of preference: a subject of the right sex
        earlier in the same sentence, the subject of a main clause of this paragraph, any subject
        of it, someone the text has shown to be of that sex in this or the last paragraph, then
        anyone who fits."""
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
        paragraph = self.paragraph_start(pos)
        sentence = sentence_start if sentence_start is not None else pos
        same_sentence = self.recent(pos, fits, subject_only=True, since=sentence)
        if same_sentence is not None:
            return self.real(same_sentence)  # too close to teach the person's sex: 'Her brother, Jo, was the one she phoned'
        same_sentence = self.recent(pos, known, subject_only=False, since=sentence)
        if same_sentence is not None:
            return self.real(same_sentence)  # "Ana Roe's sister begged him, but he refused": the sentence's own man
        entity = (self.recent(pos, fits, subject_only=True, since=paragraph, main_only=True)
                  or self.recent(pos, fits, subject_only=True, since=paragraph)
                  or self.recent(pos, known, subject_only=True, since=self.window(pos))
                  or self.recent(pos, lambda e: fits(e) and not self._unknown_stand_in(e), subject_only=True)
                  or self.recent(pos, fits, subject_only=True) or self.recent(pos, fits, subject_only=False))
        if entity is not None and id(entity) not in self.profiles.gender:
            self.profiles.gender[id(entity)] = want
        return self.real(entity)

    def _unknown_stand_in(self, entity: Entity) -> bool:
        """Someone unnamed whose sex the text never showed ('one critic described it as...'): beyond
        the last two paragraphs a 'she' rather means a named person who fits."""
        return id(entity) in self._stands_for and id(entity) not in self.profiles.gender

    def resolve_quoted_pronoun(self, word: str, pos: int, exclude: set[int]) -> Entity | None:
        """'He' inside a quotation: first whom the speaker has just named in their own words
        ('"Ana taught me. She'd always say..."'), then as the narrator's pronouns are resolved."""
        want = "m" if word.lower() in MALE_PRONOUNS else "f" if word.lower() in FEMALE_PRONOUNS else None
        if want is None:
            return None
        fits = lambda e: (e.type == "PERSON" and id(e) not in exclude  # noqa: E731
                          and (self.profiles.gender_of(e) or want) == want)
        known = lambda e: (e.type == "PERSON" and id(e) not in exclude  # noqa: E731
                           and self.profiles.gender_of(e) == want)
        return (self.recent(pos, fits, subject_only=False, since=self.paragraph_start(pos), quoted=True)
                or self.recent(pos, known, subject_only=False, since=self.window(pos))
                or self.resolve_pronoun(word, pos, exclude))
