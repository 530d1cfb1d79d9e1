"""`EntityFinder`: the steps of entity finding, in their one order."""

from __future__ import annotations

from dataclasses import replace

from letopis.extractors.entities.candidates import facility, ner_candidates, unnamed_by_ner
from letopis.extractors.entities.descriptions import described
from letopis.extractors.entities.owners import with_owner_tails
from letopis.extractors.entities.quoted import quoted_names, titled
from letopis.extractors.entities.records import Candidate
from letopis.lexicon.names import key
from letopis.nlp import NLP, Parsed


class EntityFinder:
    """Finds the explicit mentions of names in a parsed document with the model `nlp` (which gives names
    their normal form)."""

    def __init__(self, nlp: NLP) -> None:
        self.nlp = nlp

    def candidates(self, parsed: Parsed) -> list[Candidate]:
        """NER's mentions, corrected; quoted organisation names in place of what NER found inside them,
        titles of works dropped; names NER left out added, facilities made places; then organisations
        joined with their owner tails and widened to their descriptions. In the order of the text."""
        found = ner_candidates(self.nlp, parsed)
        found = titled(parsed, quoted_names(self.nlp, parsed, found))
        found = [facility(parsed, c) for c in unnamed_by_ner(self.nlp, parsed, found)]
        found.sort(key=lambda c: c.first)
        return described(self.nlp, parsed, with_owner_tails(parsed, persons_as_places(found)))


def persons_as_places(found: list[Candidate]) -> list[Candidate]:
    """A place no gazetteer knows whose name is a person's name elsewhere in the text is that person (NER
    tags `Исама Шарафа` a place in `Правительство Исама Шарафа` and a person in another sentence)."""
    persons = {key(c.name) for c in found if c.type == "PER" and len(c.name.split()) > 1}
    return [replace(c, type="PER") if c.type == "LOC" and not c.place and key(c.name) in persons else c for c in found]
