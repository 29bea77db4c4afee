"""What the words around one model span say about the name in it.

A place after 'in', a person before a verb of saying or after a title, a company
that has shares, an appositive 'the shipping group', a 'he' or 'she' that takes
a subject up, a maker after 'by', a thing counted with 'a'. `mentions.clean_span`
records these on each `RawMention`; `labels` weighs them.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain import VALUE_TYPES
from app.nlp import lexicon
from app.nlp.entities.evidence import affiliated_person
from app.nlp.names import OCCUPATION_WORDS, TITLE_WORDS, is_first_name

if TYPE_CHECKING:
    from spacy.tokens import Span

PLACE_PREPOSITIONS = lexicon.words("place_prepositions")
ORG_KIND_WORDS = lexicon.words("organisation_words", "kind")
PLACE_NOUNS = lexicon.words("place_nouns")
PERSON_NOUNS = lexicon.words("person_words", "person")
SPEECH_VERBS = lexicon.words("speech_verbs")
PERSON_PRONOUNS = lexicon.words("pronouns", "male") | lexicon.words("pronouns", "female")
PERSON_AGENT_VERBS = lexicon.words("person_agent_verbs")
PERSON_PATIENT_VERBS = lexicon.words("person_patient_verbs")
COMPANY_NOUNS = lexicon.words("company_nouns")
POSTED_WORDS = lexicon.words("posted_words")
PLACE_PART_NOUNS = lexicon.words("place_part_nouns")
# 'Jo Roe, her sister', 'A customer, Jo, said': a relative's or an occupation's noun says person too
APPOSITIVE_PERSON_NOUNS = PERSON_NOUNS | OCCUPATION_WORDS | lexicon.words("person_words", "male") \
    | lexicon.words("person_words", "female")


def appositive_label(span: "Span") -> str | None:
    """What an appositive noun says the name is: 'Jo Bloggs, a shop steward' is a person."""
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    for noun in nouns:
        phrase = []
        for token in noun.subtree:  # 'a shop steward at the plant' -> a, shop, steward
            if token.pos_ == "ADP" or token.i > noun.i + 2:
                break
            phrase.append(token.lemma_.lower())
        doc = noun.doc
        if noun.i >= 2 and doc[noun.i - 1].text == "-":  # 'start-up', 'co-op': one noun in three tokens
            phrase.append(doc[noun.i - 2].lower_ + noun.lower_)
        for lemma in reversed(phrase):
            for words, label in ((APPOSITIVE_PERSON_NOUNS, "PERSON"), (ORG_KIND_WORDS, "ORG"), (PLACE_NOUNS, "GPE")):
                if lemma in words:
                    return label
    return None


def counted(span: "Span") -> bool:
    """'a bulletproof X that he drove', 'an X': a name under 'a' or 'an' (perhaps past a word or two
    that describe it) is one of many things so called; 'an X spokesman' is not about X."""
    doc, i = span.doc, span.start - 1
    if span.root.dep_ == "compound":
        return False
    words = 0
    while i >= 0 and words < 3 and doc[i].is_lower and doc[i].pos_ in ("ADJ", "NOUN", "ADV"):
        i -= 1
        if i > 0 and doc[i].text in ("-", "‐") and not doc[i].whitespace_ and not doc[i - 1].whitespace_:
            i -= 1  # 'a sky-blue X': a word joined by a hyphen is one word
        else:
            words += 1
    return i >= 0 and doc[i].lower_ in ("a", "an")


def pronoun_follows(span: "Span") -> bool:
    """'Yolanda won two prizes, but she left early': a subject that the next name-like word of its
    sentence, a 'he' or a 'she' (or 'his', 'her'), takes up is a person. Another name between
    them may be the one the pronoun means."""
    if span.root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    doc = span.doc
    for token in doc[span.end:min(span.root.sent.end, span.end + 20)]:
        if token.ent_type_ and token.ent_type_ not in VALUE_TYPES or token.pos_ == "PROPN":
            return False
        if token.lower_ in PERSON_PRONOUNS:
            return True
    return False


def personal_role(span: "Span") -> bool:
    """'founded by X', 'saved by X': the agent of a verb only people do; 'jailed X': the one a verb
    done only to people is done to; 'X of Acme Partners': a person and the organisation they work
    for. Stronger than a verb of saying, which companies use too."""
    head = span.root
    if head.dep_ == "pobj" and head.head.dep_ == "agent" and head.head.head.lemma_ in PERSON_AGENT_VERBS:
        return True
    if head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in PERSON_PATIENT_VERBS:
        return True  # 'the court jailed X', 'X was arrested': only people are
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    employer = doc[after.i + 1] if after is not None and after.lower_ == "of" and after.i + 1 < len(doc) else None
    return bool(employer is not None and employer.text[:1].isupper() and (
        employer.ent_type_ == "ORG" and employer.ent_iob_ == "B" or not employer.ent_type_ and employer.pos_ == "PROPN"))


def company_context(span: "Span") -> bool:
    """'Acme shares fell', 'Acme boss Jo Roe', 'Acme's largest customers', 'shares of Acme': the name
    modifies or owns a noun for what only a company has."""
    doc, head = span.doc, span.root
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.is_lower and after.lower_ in COMPANY_NOUNS:
        return True
    if head.dep_ in ("poss", "compound") and head.head.is_lower and head.head.lower_ in COMPANY_NOUNS:
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in COMPANY_NOUNS


def on_platform(span: "Span") -> bool:
    """'posted a video on X', 'messages on X', and past the words that say what was posted: 'posted a
    short statement on X', 'posted a video of the crowd on X' (up from the noun 'on' hangs on, over
    its 'of' and its object role, to a word of posting)."""
    root = span.root
    if root.dep_ == "compound" and span.start > 0 and root.head.head.i == span.start - 1:
        root = root.head  # 'on X minutes before': the parse hung the name on the time after it
    prep = root.head if root.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in ("on", "to"):
        return False
    word = prep.head
    for _ in range(4):  # statement <- posted; crowd <- of <- video
        if word.lemma_ in POSTED_WORDS and word.pos_ in ("VERB", "NOUN") or any(
                c.dep_ == "dobj" and c.lemma_ in POSTED_WORDS for c in word.children):
            return True
        if word.dep_ not in ("dobj", "pobj", "prep") or word.head is word:
            return False
        word = word.head
    return False


def situated(span: "Span", located: bool) -> bool:
    """Where a thing or a person is: 'a school in X', 'born near X', 'the eastern portion of X'; or where
    one comes from or a thing lies, after a lowercase noun: 'a publican from X', 'the new plots at X'
    (but 'an analyst at X' and 'a professor at X' work there: a noun for a person before 'at' names an
    employer)."""
    prep = span.root.head if span.root.dep_ == "pobj" else None
    if prep is None:
        return False
    if located and prep.lower_ != "at" and (prep.lower_ == "near" or prep.head.pos_ == "NOUN"):
        return True
    if prep.lower_ == "of" and prep.head.is_lower and PLACE_PART_NOUNS & {prep.head.lemma_, prep.head.lower_}:
        return True  # 'the eastern portion of X', 'the outskirts of X'
    noun = prep.head
    if prep.lower_ not in ("from", "at") or noun.pos_ != "NOUN" or not noun.is_lower:
        return False
    return prep.lower_ == "from" or not _person_noun(noun)


def _person_noun(token) -> bool:
    """'analyst', 'professor', 'nurse': a noun for someone by their work or their kin."""
    return token.lemma_.lower() in APPOSITIVE_PERSON_NOUNS or token.lower_.endswith(("er", "or", "ist", "ian"))


def _place_compound(span: "Span") -> bool:
    """'the Arnby-based company', 'an Arnby, Velmoria-based firm', 'the Arnby-born singer': a place,
    whatever verb the company it describes governs."""
    doc, i = span.doc, span.end
    if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].text[:1].isupper():
        i += 2  # 'Arnby, Velmoria-based'
        while i < len(doc) and doc[i].text[:1].isupper() and doc[i].is_alpha:
            i += 1
    return i + 1 < len(doc) and doc[i].text == "-" and doc[i + 1].lower_ in ("based", "born", "headquartered")


def _region_of_a_place(span: "Span") -> bool:
    """'a school in Arnby, Velmoria': a name set after a place where something is, by a comma, is the
    region that place lies in (a person's full name so set stays one)."""
    town = span.root.head
    return bool(span.root.dep_ == "appos" and town.ent_type_ in ("GPE", "LOC") and town.dep_ == "pobj"
                and town.head.lower_ in PLACE_PREPOSITIONS and span.start > 0 and span.doc[span.start - 1].text == ","
                and not is_first_name(span[0].text))


def contexts(span: "Span") -> tuple[bool, bool]:
    """(reads like a place, reads like a person) from the words around the span."""
    doc = span.doc
    head = span.root
    place = (head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPOSITIONS) or (
        head.dep_ == "dobj" and head.head.lemma_ in ("visit", "leave", "enter", "invade"))
    for sibling in head.conjuncts:
        if sibling.ent_type_ in ("GPE", "LOC"):
            place = True
    first = head.head if head.dep_ == "conj" else None  # 'drive to Arnby or Tolsey': the second place too
    place |= bool(first is not None and first.dep_ == "pobj" and first.head.lower_ in PLACE_PREPOSITIONS)
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if _place_compound(span) or _region_of_a_place(span):
        return True, False
    person = bool(before is not None and before.lower_.strip(".") in TITLE_WORDS and before.text[:1].isupper())
    # 'cinematographer Bartosz Kempa', 'novelist Ana Varela': a lowercase role noun before the name
    person |= bool(before is not None and before.is_lower and (
        before.lower_ in OCCUPATION_WORDS or before.lower_.endswith(("grapher", "ist", "ian"))
        or (before.pos_ == "NOUN" and before.lower_.endswith(("er", "or")))))
    owner = bool(after is not None and after.text in ("'s", "’s")) or span[-1].text in ("'s", "’s")
    person |= owner and (span.label_ in ("GPE", "LOC")  # "Acme's Jo Roe": Acme is no person
                         or not affiliated_person(doc, span.end + (span[-1].text not in ("'s", "’s"))))
    person |= head.dep_ in ("nsubj",) and head.head.lemma_ in SPEECH_VERBS
    person |= affiliated_person(doc, span.start)  # "Acme's Jo Roe"
    # 'Dorian Quell of Brindle Capital': a person and the organisation they work for
    person |= bool(after is not None and after.lower_ in ("of", "at") and after.i + 1 < len(doc)
                   and (doc[after.i + 1].ent_type_ == "ORG" or doc[after.i + 1].pos_ == "PROPN"))
    return place, person


_LIST_REACH = 40


def _list_item(token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and token.lower_ not in TITLE_WORDS


def listed_words(doc, i: int) -> list[int]:
    """'in Arnby, Tolsey, Wexbury and Quillan': the single capitalised words printed in one list with
    the word at `i` (itself included), three or more joined by commas and one last 'and' or 'or';
    [] when it stands in no such list. Read on the words, not the parse, which often breaks it."""
    if not _list_item(doc[i]):
        return []

    def separator(j: int) -> int:  # the words of the separator ending at j: ',' 'and' ', and'; 0 if none
        if j >= 1 and doc[j].lower_ in ("and", "or"):
            return 2 if doc[j - 1].text == "," else 1
        return 1 if doc[j].text == "," else 0

    first = i  # at most _LIST_REACH words each way: a list as long as a paragraph stays linear
    while first >= 2 and i - first < _LIST_REACH and (n := separator(first - 1)) \
            and first - n - 1 >= 0 and _list_item(doc[first - n - 1]):
        first -= n + 1
    items, j = [first], first
    while j + 2 < len(doc) and j - i < _LIST_REACH:
        n = 2 if doc[j + 1].text == "," and doc[j + 2].lower_ in ("and", "or") else (
            1 if doc[j + 1].text == "," or doc[j + 1].lower_ in ("and", "or") else 0)
        if not n or j + n + 1 >= len(doc) or not _list_item(doc[j + n + 1]):
            break
        j += n + 1
        items.append(j)
    joiners = [t for t in doc[first:items[-1] + 1] if t.lower_ in ("and", "or")]
    outside = [doc[first - 1] if first else None, doc[items[-1] + 1] if items[-1] + 1 < len(doc) else None]
    if len(items) < 3 or len(joiners) != 1 or joiners[0].i != items[-1] - 1:
        return []  # one 'and', last: 'A, B and C', not 'A and B, C'
    if any(t is not None and t.text[:1].isupper() and t.is_alpha for t in outside):
        return []  # a longer name goes on: 'Leeds, Bury and Wigan Athletic'
    return items
