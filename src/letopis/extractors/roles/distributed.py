"""One plural title over a list of places and a list of names (`лидеры Германии и Франции Ангела
Меркель и Франсуа Олланд`, `министры иностранных дел России и Франции Сергей Лавров и Жан-Ив Ле Дриан`):
the places go to the names in order, or the one place to each name."""

from __future__ import annotations

from letopis.extractors.entities import Candidate, Cluster
from letopis.extractors.roles.context import Context
from letopis.extractors.roles.record import Role
from letopis.extractors.roles.titles import position_of, title
from letopis.model import Span

LINKS = {",", "и"}
MAX_COMPLEMENT = 4  # words between the position word and the places (`иностранных дел`)


def distributed(context: Context, person: Cluster, cand: Candidate) -> list[Role]:
    """The role of the person named by `cand` in a list of names after a plural title and its places."""
    tokens = context.tokens
    sent = context.parsed.sentence_of(cand.first)
    index = cand.first - 1
    while index >= sent.first and (tokens[index].text in LINKS or context.mentions.is_person(index)):
        index -= 1
    names_start, places_end = index + 1, index + 1
    while index >= sent.first and (tokens[index].text in LINKS or context.mentions.is_thing(index)):
        index -= 1
    places_start = index + 1
    if places_start == places_end or tokens[places_start].text in LINKS:
        return []
    position_index = next(
        (i for i in range(index, max(sent.first, index - MAX_COMPLEMENT) - 1, -1) if position_of(context, tokens[i])),
        None,
    )
    if position_index is None or tokens[position_index].feats.get("Number") != "Plur":
        return []
    places = members(context, range(places_start, places_end), person=False)
    names_end = names_start
    while names_end < sent.last and (tokens[names_end].text in LINKS or context.mentions.is_person(names_end)):
        names_end += 1
    names = members(context, range(names_start, names_end), person=True)
    order = next((i for i, n in enumerate(names) if n is person), None)
    if order is None or (len(names) < 2 and len(places) < 2):
        return []
    if len(places) == len(names):
        where = places[order]
    elif len(places) == 1:
        where = places[0]
    else:
        return []
    position_word = position_of(context, tokens[position_index]) or tokens[position_index].lemma.lower()
    position, start, _ = title(context, position_index, places_start)
    begin = tokens[start].start
    evidence = Span(begin, cand.end, context.parsed.text[begin : cand.end])
    nouns = tuple(t.lemma.lower() for t in tokens[position_index + 1 : places_start])
    return [Role(person, position, position_word, where, None, evidence, position_index, nouns)]


def members(context: Context, span: range, person: bool) -> list[Cluster]:
    """The entities named in a list, in order, each once."""
    found: list[Cluster] = []
    for index in span:
        item = context.mentions.entity(index)
        if item is not None and (item.type == "PER") == person and all(item is not f for f in found):
            found.append(item)
    return found
