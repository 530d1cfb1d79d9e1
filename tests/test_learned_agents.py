"""The attachment model as the actor of a trigger the grammar leaves without one
(extractors/events/learned.py), on a real sentence (NEREL v1.1 train, quoted for testing)."""

from __future__ import annotations

from letopis.extractors.entities import EntityFinder, cluster
from letopis.extractors.events.context import build_context
from letopis.extractors.events.learned import learned_agents
from letopis.extractors.events.records import occurrences
from letopis.extractors.events.triggers import find_matches
from letopis.extractors.roles import find_roles
from letopis.nlp import pipeline
from letopis.read import from_text

TEXT = (
    "Признавая приоритет государственных интересов перед личными, Л.Фокс принял решение об отставке, "
    "говорится в документе."
)  # NEREL train 443


def test_the_model_names_the_agent_of_a_trigger() -> None:
    nlp = pipeline()
    doc = from_text(TEXT, "<case>", "case")
    parsed = nlp.parse(doc)
    clusters = cluster(EntityFinder(nlp).candidates(parsed))
    ctx = build_context(doc, parsed, clusters, find_roles(parsed, clusters))
    [sent] = parsed.sentences
    [retreat] = [o for o in occurrences(sent, find_matches(parsed, sent)) if o.type == "RETREAT"]
    assert [c.name for c in learned_agents(ctx, retreat)] == ["Л.Фокс"]
