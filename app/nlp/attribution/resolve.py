"""From the words that name a speaker to the entity they denote.

Given the subject token of a verb of saying (or the object of 'according
to'), `Resolver.speaker_of` decides whom it means, trying in turn: a
relative or personal pronoun, a name the article knows, a name in
apposition, a party word used for a person ('the Republican'), someone
speaking for an organisation ('a council spokesman'), and a description
('the minister', 'the 27-year-old'). Each answer records which of these
steps made it (`Speaker.resolution`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from app.domain import Entity, Mention
from app.nlp import lexicon
from app.nlp.attribution.descriptions import Descriptions, is_person_noun
from app.nlp.attribution.cues import author_named_after
from app.nlp.attribution.discourse import Discourse
from app.nlp.attribution.unnamed import introduced_unnamed
from app.nlp.entities.mentions import VALUE_TYPES
from app.nlp.names import TITLE_WORDS, fold, name_tokens, strip_possessive
from app.nlp.syntax import SUBJECT_DEPS, appositions, definite, introducer

if TYPE_CHECKING:
    from spacy.tokens import Token

    from app.nlp.entities import EntityRegistry
    from app.nlp.marks import QuoteSpan, Spans
    from app.nlp.structure import Structure

SPEAKING_ORG_WORDS = lexicon.words("organisation_words", "kind")
ORG_KIND_WORDS = lexicon.words("organisation_words", "kind")
STATEMENT_NOUNS = lexicon.words("speech_nouns", "statement")
BENCH_WORDS = lexicon.words("organisation_words", "bench")
# Dependents that stay inside one noun phrase ('Irish poet and lecturer Jo Roe',
# 'Governor of Kent Jo Roe'); a clause hanging on the noun is not part of it.
# An owner ('Jo's sister') or a phrase after a preposition ('the mother of Jo') names someone
# else, except after a capitalised title ('Governor of Kent Jo Roe').
PHRASE_DEPS = frozenset({"compound", "amod", "appos", "conj", "cc", "det", "nmod", "flat", "punct", "nummod"})
SPOKESPEOPLE = lexicon.words("person_words", "spokesperson")
PRONOUNS = lexicon.words("pronouns")
NARRATOR_PRONOUNS = lexicon.words("pronouns", "narrator")
POSTNOMINALS = lexicon.words("person_words", "postnominal")
SMALL_WORDS = lexicon.words("title_small_words")
INDEFINITE = lexicon.words("determiners", "indefinite")


@dataclass(frozen=True)
class Speaker:
    """Who said a quotation, the words that name them there, the cue, and how it was decided."""

    entity: Entity | None
    mention: Mention | None
    cue: str | None = None
    sieve: str | None = None  # the attribution rule that chose this speaker
    resolution: str | None = None  # how the naming words were resolved: "name", "pronoun", ...

    def with_cue(self, cue: str | None) -> "Speaker":
        return replace(self, cue=cue)


class Resolver:
    def __init__(self, structure: "Structure", docs: list, registry: "EntityRegistry", discourse: Discourse):
        self.structure = structure
        self.docs = docs
        self.registry = registry
        self.discourse = discourse
        self.descriptions = Descriptions(registry, discourse)
        self._memo: dict[tuple[int, int, bool], Speaker | None] = {}
        self.quotations: dict[int, Spans] = {}  # each block's quotations: words inside name no speaker
        self.article_facts: dict[str, object] = {}  # what a sieve works out once for the whole article

    def _quoted(self, k: int, token: "Token") -> bool:
        spans = self.quotations.get(k)
        return spans is not None and spans.inside(token.idx)

    def _mention(self, k: int, token: "Token") -> Mention:
        start = self.structure.blocks[k].start + token.idx
        return Mention(token.text, start, start + len(token.text))

    def speaker_of(self, k: int, token: "Token", create: bool = True) -> Speaker | None:
        """Resolve the subject token of a verb of saying to an entity (memoised per token).

        Only a speaker of a quotation may add an entity (`create`): any other subject,
        such as a headline's 'Late Frost Has...', names nothing new.
        """
        key = (k, token.i, create)
        if key not in self._memo:
            self._memo[key] = self.resolve(k, token, create)
        return self._memo[key]

    def resolve(self, k: int, token: "Token", create: bool = True) -> Speaker | None:
        block = self.structure.blocks[k]
        gpos = block.start + token.idx
        if token.pos_ == "PRON" and (token.lower_ in PRONOUNS or token.lower_ in ("who", "that", "which")):
            if token.dep_ in SUBJECT_DEPS and token.lower_ in ("who", "that", "which") and token.head.dep_ == "relcl":
                return self._antecedent(k, token, create)
            if token.lower_ in NARRATOR_PRONOUNS:
                return Speaker(self._writer(), self._mention(k, token), resolution="the writer")
            sentence_start = block.start + token.sent.start_char
            entity = self.discourse.resolve_pronoun(token.text, gpos, sentence_start=sentence_start)
            return Speaker(entity, self._mention(k, token), resolution="pronoun")
        if token.text.isupper() and fold(token.text) in POSTNOMINALS and token.i > 0:
            return self.resolve(k, token.doc[token.i - 1], create)  # "Jo Roe KC told the jury"
        named = self.named(k, token, create=False)
        if named is None and create and token.pos_ == "PROPN" and (body := self._body_before_spokesperson(k, token)):
            return body
        if named and named.entity is not None and named.entity.type == "PERSON":
            if definite(token) and " " not in named.entity.name and not named.entity.aliases:
                # 'the Welshman said': no one is called 'the Smith'; a word for a person, described
                described = self.descriptions.resolve(token, gpos, token.text, person=True)
                if described is not None and described is not named.entity:
                    return Speaker(described, named.mention, resolution="group word for a person")
            return named
        organisation_word = token.lemma_.lower() in SPEAKING_ORG_WORDS | ORG_KIND_WORDS
        for appos in appositions(token):
            if self._quoted(k, appos):
                continue
            found = self.named(k, appos, create)
            # 'the minister, Jo Roe,' names a person; 'the regional water agency, Acme,' an organisation
            if found and found.entity is not None and (
                    found.entity.type == "PERSON" or (organisation_word and found.entity.type == "ORG")):
                return replace(found, resolution="apposition")
        if not (named and named.entity is not None) and not (token.pos_ == "PROPN" and organisation_word) \
                and (inside := self._person_in_phrase(k, token)):
            return inside  # but 'the Kelby State Government' is an organisation's name, whatever it holds
        if token.tag_ == "VBG" and token.dep_ in SUBJECT_DEPS:
            # 'Writing online, the senator, Jo Roe, called it...' parsed with 'Writing' as subject:
            # the one person the opening phrase names is the one who speaks.
            people = {id(f[0]): f for t in token.subtree if not self._quoted(k, t)
                      and (f := self.registry.mention_at(block.start + t.idx, block.start + t.idx + len(t.text),
                                                        types=("PERSON",)))}
            if len(people) == 1:
                entity, mention = next(iter(people.values()))
                return Speaker(entity, Mention(mention.text, mention.start, mention.end), resolution="name in the phrase")
        if token.lemma_.lower() in STATEMENT_NOUNS and token.pos_ == "NOUN":
            return self._author(k, token, gpos)
        named = named or self.named(k, token, create)
        if named and named.entity is not None and named.entity.type == "NORP" and not token.tag_.endswith("S"):
            # 'Democrat warns...': one person, whom a title describes ('Democrat Jo Roe');
            # 'The Scot said': one person, the one talked about if no title says so.
            described = self.descriptions.resolve(token, gpos, token.text, fallback=definite(token), person=True)
            if described is not None:
                return Speaker(described, named.mention, resolution="group word for a person")
        if named:
            return named
        if token.pos_ in ("NOUN", "ADJ") or fold(token.text) in TITLE_WORDS:
            return self._described(k, token, gpos, create)
        return None

    def _writer(self) -> Entity | None:
        """'I ask', 'she tells me': outside quotations, the first person is the article's writer."""
        author = self.structure.author
        if not author or re.search(r",|\band\b|&", author):
            return None
        return self.registry.find(author, {"PERSON"})

    def _antecedent(self, k: int, pronoun: "Token", create: bool) -> Speaker | None:
        """'Jo Roe, an expert from Acme University, who said': 'who' means a person, so the
        antecedent is the person the noun phrase the clause hangs on belongs to."""
        head = pronoun.head.head
        found = self.speaker_of(k, head, create)
        if pronoun.lower_ == "who":
            token = head
            while (found is None or found.entity is None or found.entity.type != "PERSON") and \
                    token.dep_ in ("pobj", "prep", "appos", "compound", "conj") and token.head.i != token.i:
                token = token.head
                found = self.speaker_of(k, token, create) if token.pos_ in ("NOUN", "PROPN") else found
        return replace(found, resolution="relative pronoun") if found else None

    def _person_in_phrase(self, k: int, token: "Token") -> Speaker | None:
        """The one person named inside the subject's noun phrase, however the parser hung the
        name on the description ('Irish poet and lecturer Jo Roe said')."""
        block = self.structure.blocks[k]
        people: dict[int, Speaker] = {}

        def inside(t: "Token") -> list["Token"]:
            titled = t.text[:1].isupper() and fold(t.text) in TITLE_WORDS
            return [c for c in t.children if c.dep_ in PHRASE_DEPS or (titled and c.dep_ == "prep")
                    or (c.dep_ == "pobj" and t.dep_ == "prep")]

        todo = inside(token)
        while todo:
            child = todo.pop()
            if self._quoted(k, child):
                continue
            found = self.registry.mention_at(block.start + child.idx, block.start + child.idx + len(child.text),
                                             types=("PERSON",))
            if found:
                entity, mention = found
                people.setdefault(id(entity), Speaker(entity, Mention(mention.text, mention.start, mention.end),
                                                      resolution="name in the phrase"))
            todo.extend(inside(child))
        return next(iter(people.values())) if len(people) == 1 else None

    def _author(self, k: int, noun: "Token", gpos: int) -> Speaker | None:
        """'Dunlevy's statement added', 'a post by him read', 'the Acme letter says': the text's author;
        'a statement said': the organisation the article is talking about."""
        for child in noun.children:
            if child.dep_ == "poss" or (child.dep_ in ("compound", "nmod") and child.pos_ == "PROPN"):
                found = self.speaker_of(k, child)
                if found and found.entity is not None:
                    return replace(found, resolution="author of the text")
            if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                for obj in child.children:
                    found = self.speaker_of(k, obj) if obj.dep_ == "pobj" else None
                    if found and found.entity is not None:
                        return replace(found, resolution="author of the text")
                    if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and child.lower_ == "by" and any(
                            c.dep_ == "det" and c.lower_ in INDEFINITE for c in obj.children):
                        return Speaker(None, None, resolution="author of the text")  # 'a note by a former employee'
        owner = author_named_after(noun)  # 'That post, published from Acme's account, warned'
        if owner is not None and (found := self.speaker_of(k, owner)) and found.entity is not None:
            return replace(found, resolution="author of the text")
        if definite(noun) and (found := introducer(self.docs, k, noun)):
            speaker = self.speaker_of(found[0], found[1], create=False)
            if speaker and speaker.entity is not None:
                return replace(speaker, resolution="author of the text")  # 'Roe sent an email ... the email reads'
        org = self.discourse.recent(gpos, lambda e: e.type == "ORG", subject_only=True)
        return Speaker(org, None, resolution="author of the text") if org else None

    def _described(self, k: int, token: "Token", gpos: int, create: bool = True) -> Speaker | None:
        """A common noun phrase: someone unnamed, someone speaking for a body, or a description."""
        block = self.structure.blocks[k]
        determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "nummod", "poss")}
        if determiners & INDEFINITE or (token.tag_ == "NNS" and not determiners & {"the", "these", "those"}):
            # 'a spokesman said', 'officials said': someone the article does not name;
            # 'analysts at Acme said', 'a spokeswoman for Acme said': Acme speaks;
            # 'police said': the article's one police force.
            if token.tag_ == "NN" and token.lower_ not in SPOKESPEOPLE and is_person_noun(token.lemma_):
                return None  # 'an Acme Ports official said': one person, speaking for themselves, unnamed
            if token.lemma_.lower() in BENCH_WORDS and not self.descriptions.organisation(token) and (
                    judge := self.descriptions.judge_of_court(gpos)):
                return Speaker(judge, self._mention(k, token), resolution="the court's judge")
            spoken_for = self._their_organisation(k, token, create)
            if spoken_for is None and not determiners and token.lemma_.lower() in SPEAKING_ORG_WORDS:
                org = self.descriptions.organisation(token)
                spoken_for = Speaker(org, self._mention(k, token), resolution="organisation word") if org else None
            return spoken_for
        if (token.lower_ in SPOKESPEOPLE or token.lemma_.lower() in SPEAKING_ORG_WORDS) and (
                spoken_for := self._their_organisation(k, token, create)):
            return spoken_for  # 'the Acme spokesperson said', 'the Labour government promised'
        if token.lower_ in SPOKESPEOPLE and (org := self.discourse.recent_spoken_for(gpos)):
            return Speaker(org, self._mention(k, token), resolution="spokesperson's organisation")
        left = min([c.left_edge.idx for c in token.lefts
                    if c.dep_ in ("det", "amod", "compound", "nummod", "nmod", "npadvmod", "punct")] + [token.idx])
        text = block.text[left:token.idx + len(token.text)]
        words = re.findall(r"[\w-]+", text)
        if "the" in determiners and introduced_unnamed(self.structure, self.docs, self.registry, self.quotations,
                                                       k, token):
            return Speaker(None, Mention(text, block.start + left, block.start + left + len(text)),
                           resolution="someone unnamed, introduced before")
        entity = self.descriptions.resolve(token, gpos, words[-1] if words else None)
        return Speaker(entity, Mention(text, block.start + left, block.start + left + len(text)),
                       resolution="description")

    def _their_organisation(self, k: int, token: "Token", create: bool = False) -> Speaker | None:
        """'a Health Department spokesperson', 'a spokeswoman for Acme': the body they speak for."""
        spokesperson = token.lower_ in SPOKESPEOPLE
        for child in token.children:
            if child.dep_ in ("compound", "nmod") and child.pos_ == "PROPN":
                named = self.named(k, child, create=False)
                if named and named.entity is not None and named.entity.type == "ORG":
                    return replace(named, resolution="spokesperson's organisation")
                if named is None and spokesperson and create and (found := self._unknown_body(k, child)):
                    return found
            elif child.dep_ == "compound" and child.lemma_.lower() in SPEAKING_ORG_WORDS and (
                    org := self.descriptions.organisation(child)):
                return Speaker(org, self._mention(k, child), resolution="spokesperson's organisation")
            elif child.dep_ == "compound" and child.lower_ in SPEAKING_ORG_WORDS and spokesperson and create and (
                    printed := self.descriptions.printed_organisation(child.lower_)):
                entity = self.entity_for_name(printed, "ORG")
                return Speaker(entity, self._mention(k, child), resolution="spokesperson's organisation") \
                    if entity.type == "ORG" else None
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("at", "for", "from", "of"):
                for obj in prep.children:
                    named = self.named(k, obj, create=False) if obj.dep_ == "pobj" else None
                    if named and named.entity is not None and named.entity.type == "ORG":
                        return replace(named, resolution="spokesperson's organisation")
                    if named is None and obj.dep_ == "pobj" and obj.pos_ == "PROPN" and spokesperson and create \
                            and (found := self._unknown_body(k, obj)):
                        return found
        return None

    def _body_before_spokesperson(self, k: int, token: "Token") -> Speaker | None:
        """'a Department for Transport spokesperson said' parsed with 'Department' as the subject and
        the spokesperson inside its phrase: the words before the spokesperson name the body."""
        after = [w for w in token.subtree if w.i > token.i and w.lower_ in SPOKESPEOPLE]
        if not after:
            return None
        doc = token.doc
        return self._unknown_body(k, token, [doc[i] for i in range(token.left_edge.i, after[0].i)])

    def _unknown_body(self, k: int, token: "Token", words: "list[Token] | None" = None) -> Speaker | None:
        """'a Department for Transport spokesperson', 'a spokeswoman for Harbour Holdings' when the
        model found no organisation there: the capitalised name a spokesperson speaks for is one."""
        words = words if words is not None else list(token.subtree)
        if any(self._quoted(k, w) for w in words) or words[-1].i - words[0].i + 1 != len(words):
            return None
        while words and (words[0].dep_ == "det" or words[0].is_punct):
            words = words[1:]
        if not words or not all(w.is_title or w.is_upper or w.lower_ in SMALL_WORDS for w in words) \
                or not words[0].text[:1].isupper() or fold(words[-1].text) in TITLE_WORDS:
            return None
        block = self.structure.blocks[k]
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        text = strip_possessive(block.text[start:end])
        mention = Mention(text, block.start + start, block.start + start + len(text))
        if self.registry.mention_at(mention.start, mention.end) is not None:
            return None  # part of it is someone or something already known
        entity = self.entity_for_name(mention, "ORG")
        if entity.type != "ORG":
            return None
        return Speaker(entity, mention, resolution="spokesperson's organisation")

    def named(self, k: int, token: "Token", create: bool = True) -> Speaker | None:
        """A name at `token`: the entity mention there, else the run of proper nouns."""
        block = self.structure.blocks[k]
        gpos = block.start + token.idx
        found = self.registry.mention_at(gpos, gpos + len(token.text))
        if found and found[0].type in VALUE_TYPES:
            return None  # 'One, who would not give her name, said': a number speaks for nobody named
        if found:
            entity, mention = found
            return Speaker(entity, Mention(mention.text, mention.start, mention.end), resolution="name")
        if token.pos_ != "PROPN" or not create:
            return None
        doc = token.doc
        lo = token.i
        while lo > 0 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].dep_ in ("compound", "flat"):
            lo -= 1
        while lo < token.i and fold(doc[lo].text) in TITLE_WORDS:
            lo += 1
        start, end = doc[lo].idx, token.idx + len(token.text)
        text = strip_possessive(block.text[start:end])
        if not text or not text[0].isupper() or fold(text.split()[-1]) in TITLE_WORDS:
            return None  # 'the CEO said', 'one Green MP said': a description, not a name
        if fold(text) in INDEFINITE or doc[lo].like_num:
            return None  # 'One, who would not give her name, said': someone unnamed, whatever the tagger said
        type_ = "ORG" if fold(token.text) in SPEAKING_ORG_WORDS else "PERSON"
        mention = Mention(text, block.start + start, block.start + start + len(text))
        entity = self.entity_for_name(mention, type_)
        return Speaker(entity, mention, resolution="name")

    def entity_for_name(self, mention: Mention, type_: str = "PERSON") -> Entity:
        """The entity a printed name denotes, made if the model missed it."""
        return (self.registry.find(mention.text) or self.by_first_name(mention.text)
                or self.registry.add_mention(mention, type_))

    def known_name(self, text: str, start: int, end: int) -> Entity | None:
        """An entity the article already knows by this printed name; None for a common word."""
        found = self.registry.mention_at(start, end)
        if found and found[1].start <= start and end <= found[1].end:
            entity = found[0]
        else:
            entity = self.registry.find(text) or self.by_first_name(text)
        return entity if entity is None or entity.type not in VALUE_TYPES else None  # 'One:' is nobody's name

    def by_first_name(self, text: str) -> Entity | None:
        """'Maude' for the one person of the article whose first name it is."""
        words = name_tokens(text)
        if len(words) != 1:
            return None
        people = [e for e in self.registry.people() if len(name_tokens(e.name)) >= 2 and name_tokens(e.name)[0] == words[0]]
        return people[0] if len(people) == 1 else None

    def not_named_inside(self, k: int, subject: "Token", span: "QuoteSpan", speaker: Speaker | None) -> Speaker | None:
        """'"But Hilde's on that court every evening," the coach said': whoever a pronoun or a
        description stands for, it is not someone the quotation names in the third person."""
        if speaker is None or speaker.entity is None or speaker.mention is None:
            return speaker
        entity, block = speaker.entity, self.structure.blocks[k]
        if set(name_tokens(speaker.mention.text)) & set(name_tokens(entity.name)):
            return speaker  # named outright
        lo, hi = block.start + span.start, block.start + span.end
        if not any(lo <= m.start < hi for m in entity.mentions):
            return speaker
        self.discourse.excluded = {id(entity)}
        try:
            again = self.resolve(k, subject, True)
        finally:
            self.discourse.excluded = set()
        return again if again is not None and again.entity is not None else speaker
