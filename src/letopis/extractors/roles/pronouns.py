"""A position predicated of a personal pronoun in a sentence that names no one (`Иван Петров родился в Туле.
В 1994 году он стал мэром города`): the position of the person the pronoun stands for, as the predicate
patterns read it of a name (`predicate`)."""

from __future__ import annotations

from letopis.extractors.entities import Candidate, Cluster
from letopis.extractors.roles.context import Context
from letopis.extractors.roles.predicates import predicate
from letopis.extractors.roles.record import Role
from letopis.lexicon import PRONOUN_GENDERS
from letopis.nlp import Token

LOOKBACK = 2  # sentences before the pronoun in which its person is looked for


def pronoun_roles(context: Context, roles: list[Role]) -> list[Role]:
    """The roles predicated of a singular `он`/`она` that is the subject of its clause, in sentences that
    name no person, given to the person it stands for (`antecedent`); not on a position word a role of
    `roles` is built on, and one role a position word."""
    tokens = context.tokens
    used = {r.position_index for r in roles}
    found: list[Role] = []
    for sent in context.parsed.sentences:
        if any(context.mentions.is_person(i) for i in range(sent.first, sent.last)):
            continue
        for token in tokens[sent.first : sent.last]:
            if token.pos != "PRON" or token.rel not in {"nsubj", "nsubj:pass"} or token.feats.get("Number") == "Plur":
                continue  # the tests before the lemma, which is computed on first use
            gender = PRONOUN_GENDERS.get(token.lemma.lower())
            if gender is None:
                continue
            person = antecedent(context, token, gender)
            if person is None:
                continue
            said = Candidate("PER", token.index, token.index + 1, token.start, token.end, token.text)
            for role in predicate(context, person, said):
                if role.position_index not in used:
                    found.append(role)
                    used.add(role.position_index)
    return found


def antecedent(context: Context, pronoun: Token, gender: str) -> Cluster | None:
    """The person of `gender` a pronoun stands for: the nearest named before it (within `LOOKBACK`
    sentences) as the subject of its clause, else the nearest."""
    sent = context.parsed.sentence_of(pronoun.index)
    first = context.parsed.sentences[max(0, sent.index - LOOKBACK)].first
    nearest: Cluster | None = None
    for index in range(pronoun.index - 1, first - 1, -1):
        found = context.mentions.get(index)
        if found is None or found[1].type != "PER" or context.tokens[index].feats.get("Gender") != gender:
            continue
        cand, person = found
        if any(context.tokens[i].rel.startswith("nsubj") for i in range(cand.first, cand.last)):
            return person
        nearest = nearest or person
    return nearest
