"""One record per real-world thing across an archive: the articles' entities linked.

Each article has its own entity records; the archive's are their union, linked by the keys
`names.linking_keys` gives (the one place that decides whether two names denote one thing):
records sharing a key are one thing, transitively. A person known in an article only by a
surname joins the one person of the archive with that surname, and nobody when several share
it. Works on plain data (no model), fast enough to relink the whole archive after every ingest.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.nlp.names import linking_keys, name_key, name_tokens, surname_key
from app.nlp.text import slugify

VALUE_TYPES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})


@dataclass(frozen=True)
class EntityRecord:
    """One article's entity, as the archive links it."""

    article_id: str
    entity_id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    mention_count: int = 1


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


def _keys(record: EntityRecord) -> set[str]:
    forms = (record.name, *record.aliases)
    if record.type in VALUE_TYPES:
        return {f"{record.type}:{name_key(record.name)}"}
    keys = linking_keys(record.type, forms)
    if record.type not in ("PERSON", "ORG", "GPE", "LOC", "NORP"):
        keys |= {f"{record.type}:{name_key(f)}" for f in forms if name_key(f)}
    return keys


def link(records: Iterable[EntityRecord]) -> list[CorpusEntity]:
    """The archive's entities: every record in exactly one, ids unique and stable for the same input."""
    records = sorted(records, key=lambda r: (r.article_id, r.entity_id))
    sets = _UnionFind(len(records))
    first_with: dict[str, int] = {}
    for i, record in enumerate(records):
        for key in _keys(record):
            if key in first_with:
                sets.union(first_with[key], i)
            else:
                first_with[key] = i
    _attach_surnames(records, sets)
    clusters: dict[int, list[EntityRecord]] = defaultdict(list)
    for i, record in enumerate(records):
        clusters[sets.find(i)].append(record)
    entities = [_entity(members) for members in clusters.values()]
    entities.sort(key=lambda e: (e.name.lower(), e.type, e.members[0].article_id, e.members[0].entity_id))
    used: set[str] = set()
    for entity in entities:
        entity.id = _unique(entity.id, used)
    return entities


def _attach_surnames(records: list[EntityRecord], sets: _UnionFind) -> None:
    """'Vance' alone in one article joins the archive's one full-named Vance; with two (or none)
    it stays apart."""
    full_by_surname: dict[str, set[int]] = defaultdict(set)
    single: list[int] = []
    for i, record in enumerate(records):
        if record.type != "PERSON":
            continue
        if max(len(name_tokens(f)) for f in (record.name, *record.aliases)) >= 2:
            full_by_surname[surname_key(record.name) or ""].add(sets.find(i))
        else:
            single.append(i)
    first_single: dict[str, int] = {}
    for i in single:
        key = surname_key(records[i].name) or ""
        owners = {sets.find(j) for j in full_by_surname.get(key, ())}
        if len(owners) == 1:
            sets.union(next(iter(owners)), i)
        elif not owners:  # a surname known only as such: one entry, as within an article
            sets.union(first_single.setdefault(key, i), i)


def _entity(members: list[EntityRecord]) -> CorpusEntity:
    types = Counter(m.type for m in members)
    type_ = max(types, key=lambda t: (types[t], t))
    names = Counter(m.name for m in members if m.type == type_)
    # The fullest name, then the most used: 'JD Vance' over 'Vance'.
    name = max(names, key=lambda n: (len(name_tokens(n)) if type_ == "PERSON" else len(n.split()), names[n], n))
    forms = dict.fromkeys(f for m in members for f in (m.name, *m.aliases))
    aliases = sorted(f for f in forms if f != name)
    return CorpusEntity(id=slugify(name) or "entity", name=name, type=type_, aliases=aliases, members=members)


def _unique(base: str, used: set[str]) -> str:
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    used.add(candidate)
    return candidate
