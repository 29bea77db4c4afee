"""One record per real-world thing across an archive: the articles' entities linked.

Each article has its own entity records; the archive's are their union, linked by the keys
`names.linking_keys` gives (the one place that decides whether two names denote one thing):
records sharing a key are one thing, transitively. A person known in an article only by a
surname joins the one person of the archive with that surname, and nobody when several share
it. Works on plain data (no model). The name work is done once per record (`link_facts`, kept
by the store beside each entity), so relinking the whole archive after an ingest is a pass of
union-find over stored keys.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.domain import VALUE_TYPES
from app.nlp.names import linking_keys, name_key, name_tokens, surname_key
from app.nlp.text import slugify, unique_slug


@dataclass(frozen=True, slots=True)
class LinkFacts:
    """What linking needs to know of one record's names."""

    keys: tuple[str, ...]   # records sharing a key are one thing
    surname: str | None     # a person's: a record known only by it joins the one full name with it
    full: bool              # a person named by given name and surname in some form
    weight: int             # how full its name is: the fullest name names a corpus entity

    def to_json(self) -> list:
        return [list(self.keys), self.surname, self.full, self.weight]

    @classmethod
    def from_json(cls, data: list) -> "LinkFacts":
        keys, surname, full, weight = data
        return cls(tuple(keys), surname, bool(full), weight)


def link_facts(type_: str, name: str, aliases: Iterable[str] = ()) -> LinkFacts:
    forms = (name, *aliases)
    person = type_ == "PERSON"
    return LinkFacts(
        keys=tuple(sorted(_keys(type_, name, forms))),
        surname=surname_key(name) if person else None,
        full=person and max(len(name_tokens(f)) for f in forms) >= 2,
        weight=len(name_tokens(name)) if person else len(name.split()))


@dataclass(frozen=True)
class EntityRecord:
    """One article's entity, as the archive links it."""

    article_id: str
    entity_id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    mention_count: int = 1
    facts: LinkFacts | None = None  # worked out from the names when not given

    def link_facts(self) -> LinkFacts:
        return self.facts or link_facts(self.type, self.name, self.aliases)


@dataclass
class CorpusEntity:
    id: str
    name: str
    type: str
    aliases: list[str]
    members: list[EntityRecord] = field(default_factory=list)

    @property
    def article_count(self) -> int:
        return len({m.article_id for m in self.members})

    @property
    def mention_count(self) -> int:
        return sum(m.mention_count for m in self.members)


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _keys(type_: str, name: str, forms: tuple[str, ...]) -> set[str]:
    if type_ in VALUE_TYPES:
        return {f"{type_}:{name_key(name)}"}
    keys = linking_keys(type_, forms)
    if type_ not in ("PERSON", "ORG", "GPE", "LOC", "NORP"):
        keys |= {f"{type_}:{name_key(f)}" for f in forms if name_key(f)}
    return keys


def link(records: Iterable[EntityRecord]) -> list[CorpusEntity]:
    """The archive's entities: every record in exactly one, ids unique and stable for the same input."""
    records = sorted(records, key=lambda r: (r.article_id, r.entity_id))
    facts = [r.link_facts() for r in records]
    sets = _UnionFind(len(records))
    first_with: dict[str, int] = {}
    for i, fact in enumerate(facts):
        for key in fact.keys:
            if key in first_with:
                sets.union(first_with[key], i)
            else:
                first_with[key] = i
    _attach_surnames(records, facts, sets, first_with)
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(records)):
        clusters[sets.find(i)].append(i)
    entities = [_entity([records[i] for i in members], [facts[i] for i in members]) for members in clusters.values()]
    entities.sort(key=lambda e: (e.name.lower(), e.type, e.members[0].article_id, e.members[0].entity_id))
    used: set[str] = set()
    for entity in entities:
        entity.id = unique_slug(entity.id, used)
    return entities


def _attach_surnames(records: list[EntityRecord], facts: list[LinkFacts], sets: _UnionFind,
                     first_with: dict[str, int]) -> None:
    """A surname alone in one article joins the archive's one person with that surname; with two
    it stays apart, and with none it joins the other records of that surname alone, and the
    organisation of that one name: a person known by one name ('Velna') the tagger called an
    organisation in another article is one thing, as within an article."""
    full_by_surname: dict[str, set[int]] = defaultdict(set)
    single: list[int] = []
    for i, record in enumerate(records):
        if record.type != "PERSON":
            continue
        if facts[i].full:
            full_by_surname[facts[i].surname or ""].add(sets.find(i))
        else:
            single.append(i)
    first_single: dict[str, int] = {}
    for i in single:
        key = facts[i].surname or ""
        owners = {sets.find(j) for j in full_by_surname.get(key, ())}
        if len(owners) == 1:
            sets.union(next(iter(owners)), i)
        elif not owners:  # a surname known only as such: one entry, as within an article
            sets.union(first_single.setdefault(key, i), i)
            if len(name_tokens(records[i].name)) == 1 and (org := first_with.get(f"ORG:{name_key(records[i].name)}")) is not None:
                sets.union(org, i)


def _entity(members: list[EntityRecord], facts: list[LinkFacts]) -> CorpusEntity:
    types = Counter(m.type for m in members)
    type_ = max(types, key=lambda t: (types[t], t))
    names = Counter(m.name for m in members if m.type == type_)
    weight = {m.name: f.weight for m, f in zip(members, facts)}
    if type_ == "PERSON":  # the fullest name, then the most used: 'Ana Varela' over 'Varela'
        name = max(names, key=lambda n: (weight[n], names[n], n))
    else:  # the form most articles use: 'Springfield' over one article's 'Springfield Airport'
        used = Counter(f for m in members for f in {m.name, *m.aliases})
        name = max(names, key=lambda n: (used[n], names[n], weight[n], n))
    forms = dict.fromkeys(f for m in members for f in (m.name, *m.aliases))
    aliases = sorted(f for f in forms if f != name)
    return CorpusEntity(id=slugify(name) or "entity", name=name, type=type_, aliases=aliases, members=members)
