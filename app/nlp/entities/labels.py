"""One type and one name per group, by the article's own evidence.

The model labels each mention on its own; a name is one thing across the
article. `group_type` runs named rules from the strongest evidence to the
weakest: a full person's name, an organisation word in the name, an
appositive that says what it is, then the mentions' labels weighed, then
corrections from the company the name keeps (a list of demonyms, a place
preposition, a verb of saying).
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from app.nlp.entities.mentions import ORG_KIND_WORDS
from app.nlp.names import ORG_TRAILING_WORDS, bare_name, name_key, name_tokens

if TYPE_CHECKING:
    from app.nlp.entities.grouping import Group

# When the evidence is tied, the label a news reader would pick first.
TYPE_PREFERENCE = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT",
                   "LAW", "LANGUAGE")


def group_type(group: "Group") -> str:
    if any(not m.weak for m in group.full_person_names()):
        return "PERSON"
    names = [m.text for m in group.mentions]
    if any(len(n.split()) >= 2 and (n.split()[-1].lower() in ORG_KIND_WORDS or n.split()[-1].lower().strip(".") in
                                    ORG_TRAILING_WORDS) for n in names):
        return "ORG"  # 'Port of Leith Authority', 'Acme Insurance Group', 'Acme Inc.'
    described = Counter(m.described_as for m in group.mentions if m.described_as)
    if described:
        return described.most_common(1)[0][0]
    labels: Counter = Counter()
    for m in group.mentions:  # a full form is better evidence than a bare word
        labels[m.label] += (2 if len(m.text.split()) >= 2 else 1) * (0.25 if m.weak else 1)
    best = max(labels.values())
    tied = [label for label, n in labels.items() if n == best]
    label = min(tied, key=lambda x: TYPE_PREFERENCE.index(x) if x in TYPE_PREFERENCE else len(TYPE_PREFERENCE))
    # A name listed only beside names of one other kind is of that kind: 'Filipino, Polish or
    # Nigerian' are all demonyms, 'Halifax and Huddersfield' both towns.
    listed = [m.listed_with for m in group.mentions]
    if label in ("LANGUAGE", "ORG") and all(listed):
        beside = set.intersection(*(set(x) for x in listed))
        for other in ("NORP", "GPE"):
            if beside == {other} or beside == {other, "LOC"}:
                return other
    if label == "NORP":
        # 'the jury at Venice': a demonym is never where something happens.
        located = sum(m.place_context and m.located for m in group.mentions)
        if located * 2 >= len(group.mentions):
            return "GPE"
    two_word_names = {m.text for m in group.mentions if len(m.text.split()) == 2 and m.text.istitle()}
    name_forms = two_word_names | {n.split()[-1] for n in two_word_names}
    if label in ("GPE", "LOC", "PRODUCT", "WORK_OF_ART", "FAC") and any(
            m.person_context and m.text in name_forms for m in group.mentions):
        return "PERSON"  # 'Jane Roe told reporters': a two-word name that speaks is a person
    if label == "PERSON":
        place = sum(m.place_context for m in group.mentions)
        person = sum(m.person_context for m in group.mentions)
        if place > person:
            return "GPE"
    return label


def group_name(group: "Group", type_: str) -> str:
    """The fullest form the body uses (for a person: without titles or a nickname in quotes)."""
    forms = [m.text for m in group.mentions if m.in_body] or [m.text for m in group.mentions]
    counts = Counter(forms)
    if type_ == "PERSON":
        return max((bare_name(f) for f in forms), key=lambda f: (len(name_tokens(f)), not re.search(r"[\"“”‘’]", f),
                                                                 counts[f], -forms.index(f) if f in forms else 0))
    return max(forms, key=lambda f: (len(name_key(f).split()), counts[f], -forms.index(f)))
