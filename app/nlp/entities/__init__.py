"""Named entities: the model's mentions, repaired, grouped, typed, one record per thing.

Stages, each a module: `mentions` (the model's spans cleaned, with their
context), `repairs` (names it missed or cut wrongly), `non_names` (tagged
words that name nothing), `grouping` (mentions
that name one thing), `labels` (one type and one name per group), and
`registry` (the records, the only place that creates or changes one).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.domain import Mention
from app.nlp.entities.grouping import group_mentions
from app.nlp.entities.registry import EntityRegistry
from app.nlp.entities.repairs import collect_mentions

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from app.nlp.structure import Structure

__all__ = ["EntityRegistry", "extract_entities"]


def extract_entities(structure: "Structure", docs: list["Doc"]) -> EntityRegistry:
    """`docs[i]` is the spaCy Doc of `structure.blocks[i]`; offsets are global."""
    registry = EntityRegistry()
    for group in group_mentions(collect_mentions(structure, docs), structure, docs):
        registry.add_group(group)
    _add_byline(structure, registry)
    return registry


def _add_byline(structure: "Structure", registry: EntityRegistry) -> None:
    """Authors, photographers and the publisher are entities too, with their byline or dateline mentions."""
    header = [b for b in structure.blocks if b.kind == "byline"]
    lead = [b for b in structure.blocks if b.kind == "paragraph"][:2]  # a standfirst may come first
    people = [structure.author] if structure.author else []
    people = [p for names in people + structure.credited for p in re.split(r"\s*(?:,|\band\b|&)\s*", names)]
    for name, type_, blocks in [*((p, "PERSON", header) for p in people if p),
                                (structure.publisher, "ORG", header + lead)]:
        if not name:
            continue
        for block in blocks:
            at = block.text.find(name)
            if at >= 0:
                registry.add_mention(Mention(name, block.start + at, block.start + at + len(name)), type_)
                break
