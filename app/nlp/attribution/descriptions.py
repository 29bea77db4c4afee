"""Descriptions of speakers: 'the minister', 'the club boss', 'the company', 'the festival'.

A description means the person whose printed titles fit it best (a
contradicting modifier rules a person out: 'the health secretary' is not
'the general secretary'), or the organisation in focus for 'the company';
failing that, without a fitting title, the person the next sentence introduces
by name when the description opens its paragraph, else whom the last
sentences were about.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.domain import Entity, Mention
from app.nlp import lexicon
from app.nlp.attribution.discourse import Discourse
from app.nlp.attribution.profiles import TITLE_ABBREVIATIONS
from app.nlp.names import FEMALE_WORDS, MALE_WORDS, PERSON_WORDS, TITLE_WORDS, fold
from app.nlp.syntax import SUBJECT_DEPS, definite

if TYPE_CHECKING:
    from spacy.tokens import Token

    from app.nlp.entities import EntityRegistry

SPEAKING_ORG_WORDS = lexicon.words("organisation_words", "kind")
ORG_ANAPHORS = lexicon.words("organisation_words", "anaphor")
COMPANY_WORDS = lexicon.words("organisation_words", "company")
LEGAL_FORMS = lexicon.words("organisation_words", "legal")
BENCH_WORDS = lexicon.words("organisation_words", "bench")
JUDICIAL_WORDS = lexicon.words(PERSON_WORDS, "judicial")
PERSON_NOUNS = lexicon.words("person_words", "person")
TIME_MODIFIERS = lexicon.words("time_modifiers")
NOT_PEOPLE = lexicon.words("not_people")
PERSON_SUFFIXES = tuple(lexicon.words("person_suffixes"))
LOCAL_PLACES = lexicon.words("place_nouns", "local")
LOCAL_GOVERNMENT = LOCAL_PLACES | lexicon.words("organisation_words", "local")


def is_company(entity: Entity) -> bool:
    """An organisation that can be 'the company': no noun in its name for another kind of body
    ('Acme Motors', not 'the Transport Safety Board')."""
    if entity.type != "ORG":
        return False
    return not any(set(fold(f).split()) & (SPEAKING_ORG_WORDS - COMPANY_WORDS - LEGAL_FORMS)
                   for f in (entity.name, *entity.aliases))


def is_person_noun(word: str) -> bool:
    word = word.lower()
    if word in NOT_PEOPLE or word in SPEAKING_ORG_WORDS:
        return False
    return (word in TITLE_WORDS or word in MALE_WORDS or word in FEMALE_WORDS or word.endswith("-old")
            or word.endswith(PERSON_SUFFIXES) or word in PERSON_NOUNS)


class Descriptions:
    def __init__(self, registry: "EntityRegistry", discourse: Discourse):
        self.registry = registry
        self.discourse = discourse
        self.profiles = discourse.profiles
        self._printed: dict[str, Mention | None] = {}

    def resolve(self, head: "Token", pos: int, word: str | None = None, fallback: bool = True,
                person: bool = False) -> Entity | None:
        """'the minister', 'the club boss', 'the 52-year-old': a person of the article.

        Without `fallback`, only a person whose title fits: not the last person talked about.
        With `person`, the word is known to mean a person ('the Scot')."""
        titles = self.profiles.titles
        recent = self.discourse.recent
        word = (word or head.text).lower()
        modifiers = [fold(c.text) for c in head.lefts if c.dep_ in ("compound", "nmod") or (
            c.dep_ == "amod" and (fold(c.text) in TITLE_WORDS or fold(c.text) in self.profiles.title_words))]
        if word in TITLE_ABBREVIATIONS:  # 'the CEO' is 'the chief executive'
            *extra, word = TITLE_ABBREVIATIONS[word]
            modifiers = [*modifiers, *extra]
        lemma = head.lemma_.lower()
        age = _age_modifier(head)
        if age is not None and not is_person_noun(word):
            word = lemma = age  # 'the 24-year-old guard': whatever else the noun names, a person
        if lemma in SPEAKING_ORG_WORDS | ORG_ANAPHORS or word in SPEAKING_ORG_WORDS | ORG_ANAPHORS:
            return self._organisation_in_focus(head, pos)
        if lemma in LOCAL_PLACES and not person and (authority := self.local_authority(head, pos)):
            return authority
        if not person and not is_person_noun(word) and not any(word in run for runs in titles.values() for run in runs):
            return self.named_by_head(head, pos)
        scores: dict[int, int] = {}
        conflicts: set[int] = set(self.discourse.excluded)
        people = {id(e): e for e in self.registry.people()}
        # 'the Brindle analyst': a name among the modifiers belongs to whoever the article ties to it.
        names = {fold(c.text) for c in head.lefts if c.pos_ == "PROPN" and c.dep_ in ("compound", "nmod")}
        tied = {key for key, runs in titles.items() if names & {w for run in runs for w in run}}
        if names and tied:
            conflicts |= set(titles) - tied
        for key, runs in titles.items():
            contradicting = [run for run in runs if title_score(word, modifiers, run) < 0]
            if contradicting and not _fits_otherwise(modifiers, runs, contradicting):
                conflicts.add(key)
            for run in runs:
                scores[key] = max(scores.get(key, 0), title_score(word, modifiers, run))
        best = [k for k, s in scores.items() if s > 0 and k not in conflicts and k in people]
        if best:
            top = max(scores[k] for k in best)
            chosen = [people[k] for k in best if scores[k] == top]
            if len(chosen) == 1:
                self._learn(chosen[0], head, word)
                return chosen[0]
            ids = {id(e) for e in chosen}
            return recent(pos, lambda e: id(e) in ids, subject_only=False) or chosen[0]
        if not fallback:
            return None
        sex = "f" if word in FEMALE_WORDS or lemma in FEMALE_WORDS else "m" if word in MALE_WORDS or lemma in MALE_WORDS else None
        gender_of = self.profiles.gender_of
        if (introduced := self._introduced_next(head, pos, sex)) is not None:
            return introduced
        # Whom the last sentences were about: the subject of a main verb ('Dunlevy said Marchbank had
        # cured him.' / 'the 43-year-old said' is Dunlevy), then any subject, then anyone named.
        # 'his sister said' is no man: a word that tells a sex keeps to people of that sex or unknown
        named = lambda e: e.type == "PERSON" and e.name != "" and (  # noqa: E731  (no stand-in for the unnamed)
            sex is None or (gender_of(e) or sex) == sex)
        return (recent(pos, named, subject_only=True, exclude=conflicts, since=self.discourse.window(pos),
                       main_only=True)
                or recent(pos, named, subject_only=True, exclude=conflicts)
                or recent(pos, named, subject_only=False, exclude=conflicts))

    def _introduced_next(self, head: "Token", pos: int, sex: str | None) -> Entity | None:
        """'The navy's logistics chief has warned ... . Admiral Jo Roe says ...': a definite description
        opening its paragraph that fits nobody's title is the person whom the very next sentence, as
        its subject, names for the first time."""
        sent, doc = head.sent, head.doc
        if sent.start != 0 or sent.end >= len(doc) or not any(
                (c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss" for c in head.children):
            return None
        following = doc[sent.end].sent
        base = pos - head.idx
        found: dict[int, Entity] = {}
        for token in following:
            if token.dep_ not in SUBJECT_DEPS or token.head.dep_ != "ROOT":
                continue
            for t in token.subtree:
                hit = self.registry.mention_at(base + t.idx, base + t.idx + len(t.text), types=("PERSON",))
                if hit is not None and hit[0].type == "PERSON":
                    found[id(hit[0])] = hit[0]
        if len(found) != 1:
            return None
        entity = next(iter(found.values()))
        first = min((m.start for m in entity.mentions), default=base + following.start_char)
        if first < base + following.start_char or (sex and (self.profiles.gender_of(entity) or sex) != sex):
            return None
        return entity

    def _learn(self, entity: Entity, head: "Token", word: str) -> None:
        """'the former Danish energy minister', fitting only Roe's 'Energy Commissioner': from now
        on Roe's description too, so that 'the Danish commissioner' is Roe."""
        run = [fold(c.text) for c in head.lefts if c.dep_ in ("amod", "compound", "nmod") and c.pos_ != "PROPN"]
        run = [w for w in run if w not in TIME_MODIFIERS] + [word]
        if len(run) >= 2 and run not in self.profiles.titles.setdefault(id(entity), []):
            self.profiles.titles[id(entity)].append(run)
            self.profiles.title_words |= set(run)

    def _organisation_in_focus(self, head: "Token", pos: int) -> Entity | None:
        """'Acme Inc. unveiled Quillo. The company said...': the organisation just talked about,
        a company before a product or a team when the word says company."""
        lemma = head.lemma_.lower()
        is_definite = (definite(head) or any(c.dep_ == "det" and c.lower_ == "this" for c in head.children)) and (
            lemma in ORG_ANAPHORS)
        named = self.organisation(head, before=pos)
        if not named and lemma not in BENCH_WORDS and any(c.dep_ in ("compound", "amod") for c in head.lefts):
            named = self.organisation(head)  # 'the environment ministry warned ...', its full name only later
        if not named and lemma in BENCH_WORDS and definite(head) and (judge := self.judge_of_court(pos)):
            return judge  # 'Judge Jo Roe ... the court observed': no court named yet, the judge speaks
        if named or not is_definite:
            return named
        organisation = lambda e: e.type == "ORG"  # noqa: E731
        if lemma in COMPANY_WORDS:
            registered = lambda e: e.type == "ORG" and any(  # noqa: E731
                set(fold(f).split()) & LEGAL_FORMS for f in (e.name, *e.aliases))
            found = (self.discourse.recent(pos, registered, subject_only=False)
                     or self.discourse.recent(pos, is_company, subject_only=True))
            if found:
                return found
        return self.discourse.recent(pos, organisation, subject_only=True)

    def judge_of_court(self, pos: int) -> Entity | None:
        """A court that speaks, no court being named: the judge last mentioned, else the one judge the
        article names at all ('A district court refused bail, observing ... . Judge Jo Roe said ...')."""
        titles = self.profiles.titles
        judge = lambda e: e.type == "PERSON" and any(JUDICIAL_WORDS & set(run) for run in titles.get(id(e), ()))  # noqa: E731
        found = self.discourse.recent(pos, judge, subject_only=False)
        if found is None:
            judges = [e for e in self.registry.people() if judge(e)]
            found = judges[0] if len(judges) == 1 else None
        return found

    def named_by_head(self, head: "Token", pos: int) -> Entity | None:
        """'the festival said': the organisation whose name ends in that word, the last one
        talked about when there are several."""
        if not definite(head):
            return None
        word = head.lemma_.lower()
        orgs = {id(e) for e in self.registry if e.type == "ORG" and fold(e.name).split()[-1:] == [word]}
        if not orgs:
            return None
        return self.discourse.recent(pos, lambda e: id(e) in orgs, subject_only=False)

    def local_authority(self, head: "Token", pos: int) -> Entity | None:
        """'The Municipality of Brenzano sent the bills. The town argued...': a town, city or county
        that speaks is its authority, the last one named ('Brenzano Town Council', 'County of X')."""
        if not definite(head):
            return None
        governs = lambda e: e.type in ("ORG", "GPE") and len(words := fold(e.name).split()) >= 2 and bool(  # noqa: E731
            set(words) & LOCAL_GOVERNMENT)
        return self.discourse.recent(pos, governs, subject_only=False)

    def printed_organisation(self, word: str) -> Mention | None:
        """'a council spokesman said' when no council is known: the one capitalised name ending in
        that word the article prints ('Brackton Borough Council'), at its first place."""
        if word not in self._printed:
            pattern = r"\b(?:[A-Z][\w'’&-]*\s+){1,4}" + re.escape(word.capitalize()) + r"\b"
            text = self.discourse.structure.text
            found = [m for m in re.finditer(pattern, text)]
            names = {_without_article(m.group(0)) for m in found}
            first = found[0] if len(names) == 1 and found else None
            self._printed[word] = None if first is None else Mention(
                _without_article(first.group(0)), first.end() - len(_without_article(first.group(0))), first.end())
        return self._printed[word]

    def organisation(self, head: "Token", before: int | None = None) -> Entity | None:
        """'the union said', 'the water board said': the one organisation of the article
        with those words in its name; for a definite 'the court', one named before it, since
        a court named only later is not the one the reader knows of yet."""
        words = {head.lemma_.lower()} | {fold(c.text) for c in head.lefts if c.dep_ in ("compound", "amod")}
        orgs = [e for e in self.registry if e.type == "ORG"
                and any(words <= set(fold(f).split()) for f in (e.name, *e.aliases))
                and (before is None or any(m.start < before for m in e.mentions))]
        return orgs[0] if len(orgs) == 1 else None


def _without_article(name: str) -> str:
    """'The Brackton Borough Council' -> 'Brackton Borough Council'."""
    words = name.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0].lower() in ("the", "a", "an") else " ".join(words)


def _age_modifier(head: "Token") -> str | None:
    """'the 24-year-old guard' -> '24-year-old': an age before a noun makes it a person."""
    for child in head.lefts:
        if child.dep_ == "amod" and child.lower_ == "old":
            text = head.doc.text[child.left_edge.idx:child.idx + len(child.text)].lower()
            if re.fullmatch(r"\d{1,3}-year-old", text):
                return text
    return None


def _fits_otherwise(modifiers: list[str], runs: list[list[str]], contradicting: list[list[str]]) -> bool:
    """'the Danish commissioner' for 'Energy Commissioner Jo Roe', whom the text has called 'the
    Danish energy minister': a modifier found in another description of theirs, and in none of the
    titles it contradicts, outweighs them ('the health secretary' is still not the 'Health
    union general secretary')."""
    against = {w for run in contradicting for w in run}
    return any(m in run and m not in against for m in modifiers for run in runs if run not in contradicting)


def title_score(head: str, modifiers: list[str], run: list[str]) -> int:
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
