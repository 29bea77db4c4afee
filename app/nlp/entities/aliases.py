"""Other names of one thing the article gives: a person's alias, a company's stock symbol.

Both steps take and return the mention groups of `grouping` (a group absorbed by another is left out).
"""
from __future__ import annotations

import re

from app.domain import VALUE_TYPES
from app.nlp.names import ticker_of


# 'Jo Roe, also known as Flintlock', 'Jo Roe (born Wilma Quarrie)', 'Roe wrote under the name Flintlock'
_ALIAS_CUE = re.compile(r"(?P<apposed>[,(]\s*(?:(?:also|better|widely|formerly|previously) )?"
                        r"(?:known as|alias|a\.?k\.?a\.?|born|née|nee)\s+)$"
                        r"|\bunder the (?:name|alias|pseudonym|nickname)\s+$", re.I)
# 'Jo Roe, dubbed the Iron Lady', 'Jo Roe (nicknamed Flintlock)': a nickname, whatever the model took it for
_NICKNAME_CUE = re.compile(r"[,(]\s*(?:(?:also|widely|popularly|since) )?(?:dubbed|nicknamed)\s+(?:the\s+)?$", re.I)


def merge_alias_names(groups: list, text: str) -> list:
    """A person's other name, given by apposition ('Jo Roe, also known as Flintlock', 'Jo Roe (born
    Wilma Quarrie)'), as a nickname ('Jo Roe, dubbed the Iron Lady', whatever label the model gave
    it) or as the name they act under ('Roe posted under the name Flintlock', the nearest person
    before it in the sentence): one person under two names."""
    owner_of = {id(m): g for g in groups for m in g.mentions}
    people = sorted((m for g in groups for m in g.mentions if m.in_body and (m.label == "PERSON" or (
        m.label not in VALUE_TYPES and _NICKNAME_CUE.search(text[max(0, m.start - 40):m.start])))),
        key=lambda m: m.start)
    for i, alias in enumerate(people):
        before = text[max(0, alias.start - 40):alias.start]
        cue = _ALIAS_CUE.search(before) or _NICKNAME_CUE.search(before)
        if cue is None:
            continue
        nickname = cue.re is _NICKNAME_CUE
        cue_start = alias.start - len(before) + cue.start()
        if nickname or cue.group("apposed"):
            owner = next((p for p in reversed(people[:i]) if p.end <= cue_start and not text[p.end:cue_start].strip()),
                         None)
        else:
            owner = next((p for p in reversed(people[:i]) if not re.search(r"[.!?]\s", text[p.end:alias.start])), None)
        if owner is None or owner.label != "PERSON" or owner_of[id(owner)] is owner_of[id(alias)]:
            continue
        absorbed, kept = owner_of[id(alias)], owner_of[id(owner)]
        if any(m.label != "PERSON" and not (nickname and m.text == alias.text) for m in absorbed.mentions):
            continue
        for m in absorbed.mentions:
            owner_of[id(m)] = kept
        kept.mentions.extend(absorbed.mentions)
        absorbed.mentions = []
    return [g for g in groups if g.mentions]


def merge_tickers(groups: list) -> list:
    """'Shares of KRVL fell': a stock symbol where only a company has one is that of the one company
    of the article whose name's first word it abbreviates ('Korvell Systems Inc.')."""
    merged: list = []
    for group in groups:
        forms = group.forms()
        word = next(iter(forms)) if len(forms) == 1 else ""
        if word.isalpha() and word.isupper() and 3 <= len(word) <= 5 and any(m.company_context for m in group.mentions):
            owners = [g for g in groups if g is not group and any(
                m.label == "ORG" and " " in m.text and ticker_of(word, m.text) for m in g.mentions)]
            if len(owners) == 1:
                owners[0].mentions.extend(group.mentions)
                continue
        merged.append(group)
    return merged


def merge_bracketed_glosses(groups: list, text: str) -> list:
    """'my idol is the Duchess [Mara Quell]': a name the writer glosses at once with another in square
    brackets is that other's name too (what a speaker called someone, and who they meant)."""
    owner_of = {id(m): g for g in groups for m in g.mentions}
    mentions = sorted((m for g in groups for m in g.mentions if m.label not in VALUE_TYPES), key=lambda m: m.start)
    starts = {m.start: m for m in mentions}
    by_text: dict[str, object] = {}
    for m in mentions:
        by_text.setdefault(m.text, m)
    for called in mentions:
        gloss_at = called.end + len(text[called.end:called.end + 3]) - len(text[called.end:called.end + 3].lstrip())
        if text[gloss_at:gloss_at + 1] != "[":
            continue
        close = text.find("]", gloss_at, gloss_at + 60)
        gloss = text[gloss_at + 1:close] if close > 0 else ""
        meant = starts.get(gloss_at + 1) or by_text.get(gloss)  # the model often leaves a bracket untagged
        if meant is None or meant.text != gloss:
            continue
        absorbed, kept = owner_of[id(called)], owner_of[id(meant)]
        if absorbed is kept or any(m.text != called.text for m in absorbed.mentions):
            continue  # a group holding other names is a thing of its own
        for m in absorbed.mentions:
            owner_of[id(m)] = kept
        kept.mentions.extend(absorbed.mentions)
        absorbed.mentions = []
    return [g for g in groups if g.mentions]
