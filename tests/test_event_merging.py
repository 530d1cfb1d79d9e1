"""Merging reports of one event, table by table, on drafts built by hand: no model is loaded, so these run
in milliseconds. Each draft's single evidence span is labelled (`h` a headline, `b1`, `b2` body sentences)
and a merged event lists the labels of the reports it joined."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest

from letopis.extractors.entities import Candidate, Cluster
from letopis.extractors.events.merging import merge, same_event
from letopis.extractors.events.records import Draft
from letopis.lexicon.gazetteer import Place
from letopis.model import EntityType, Span


def entity(type: EntityType, name: str, place: Place | None = None) -> Cluster:
    return Cluster(type, [Candidate(type, 0, 1, 0, len(name), name, place)])


PUTIN = entity("PER", "Владимир Путин")
MACRON = entity("PER", "Эммануэль Макрон")
BRIGITTE = entity("PER", "Брижит Макрон")
KAZAKHSTAN = entity("LOC", "Казахстан", Place("Казахстан", "KAZ", "country"))
MOSCOW = entity("LOC", "Москва", Place("Москва", "RUS", "city"))
PARIS = entity("LOC", "Париж", Place("Париж", "FRA", "city"))
DAY = date(2025, 12, 2)


@dataclass(frozen=True)
class Report:
    """One draft of the table: what differs from a body sentence `Путин провел переговоры с Макроном` on
    `DAY`, asserted."""

    label: str
    unit: str = "body"
    type: str = "CONSULT"
    mode: str | None = None
    modality: str = "asserted"
    actor: tuple[Cluster, ...] = (PUTIN,)
    recipient: tuple[Cluster, ...] = (MACRON,)
    place: Cluster | None = None
    day: date | None = DAY
    topics: tuple[str, ...] = field(default=())
    contexts: tuple[str, ...] = field(default=())
    named: bool = True  # the text names the actor (not implied)

    def draft(self) -> Draft:
        return Draft(
            self.type, self.mode, self.modality, list(self.actor), list(self.recipient), self.place, self.day,
            [Span(0, len(self.label), self.label)], list(self.topics), list(self.contexts), self.unit, 0, self.named,
        )  # fmt: skip


def merged(reports: list[Report]) -> list[list[str]]:
    """The events `merge` makes of the reports: the labels of each one's evidence."""
    return [[s.text for s in d.evidence] for d in merge([r.draft() for r in reports])]


# (case, reports in text order, events: evidence labels)
MERGES: list[tuple[str, list[Report], list[list[str]]]] = [
    ("headline_and_body_of_one_event", [Report("h", unit="headline"), Report("b1")], [["h", "b1"]]),
    ("two_body_sentences_same_participants", [Report("b1"), Report("b2")], [["b1", "b2"]]),
    ("three_reports_of_one_event", [Report("b1"), Report("b2"), Report("b3")], [["b1", "b2", "b3"]]),
    ("different_types_stay_apart", [Report("b1"), Report("b2", type="AGREE")], [["b1"], ["b2"]]),
    ("different_modalities_stay_apart", [Report("b1"), Report("b2", modality="future")],
     [["b1"], ["b2"]]),
    ("different_dates_stay_apart", [Report("b1"), Report("b2", day=date(2025, 12, 3))],
     [["b1"], ["b2"]]),
    ("a_date_joins_no_date", [Report("b1", day=None), Report("b2")], [["b1", "b2"]]),
    ("different_modes_stay_apart", [Report("b1", mode="visit"), Report("b2", mode="multilateral")],
     [["b1"], ["b2"]]),
    ("a_mode_joins_no_mode", [Report("b1", mode="visit"), Report("b2")], [["b1", "b2"]]),
    ("different_places_stay_apart", [Report("b1", place=MOSCOW), Report("b2", place=PARIS)],
     [["b1"], ["b2"]]),
    ("a_place_joins_no_place", [Report("b1", place=MOSCOW), Report("b2")], [["b1", "b2"]]),
    ("actor_only_reports_of_one_actor_merge", [Report("b1", recipient=()), Report("b2", recipient=())],
     [["b1", "b2"]]),
    ("a_report_without_recipient_joins_the_fuller_one", [Report("b1"), Report("b2", recipient=())],
     [["b1", "b2"]]),
    ("placed_attack_without_parties_joins_the_named_one",
     [Report("b1", type="ASSAULT", actor=(), recipient=(), place=MOSCOW), Report("b2", type="ASSAULT")],
     [["b1", "b2"]]),
    ("sides_swapped_are_the_same_participants", [Report("b1"), Report("b2", actor=(MACRON,), recipient=(PUTIN,))],
     [["b1", "b2"]]),
    ("a_later_mention_adding_a_participant_completes_the_record",
     [Report("b1"), Report("b2", recipient=(MACRON, BRIGITTE))], [["b1", "b2"]]),
    ("a_body_report_naming_fewer_joins_the_headline",
     [Report("h", unit="headline", recipient=(MACRON, BRIGITTE)), Report("b1")], [["h", "b1"]]),
    ("other_participants_stay_apart",
     [Report("h", unit="headline", recipient=(KAZAKHSTAN,)), Report("b1")], [["h"], ["b1"]]),
    ("a_report_joins_the_first_fitting_event",
     [Report("b1", recipient=(KAZAKHSTAN,)), Report("b2"), Report("b3")], [["b1"], ["b2", "b3"]]),
]  # fmt: skip


@pytest.mark.parametrize(("reports", "expected"), [pytest.param(*m[1:], id=m[0]) for m in MERGES])
def test_merge(reports: list[Report], expected: list[list[str]]) -> None:
    assert merged(reports) == expected


def test_merge_joins_topics_and_contexts_without_repeats() -> None:
    first = Report("b1", topics=("energy", "trade"), contexts=("economic",))
    second = Report("b2", topics=("trade", "transit"), contexts=("economic", "diplomatic"))
    [event] = merge([first.draft(), second.draft()])
    assert (event.topics, event.contexts) == (["energy", "trade", "transit"], ["economic", "diplomatic"])


def test_a_later_report_completes_parties_place_and_date() -> None:
    """`Путин встретился с Макроном` and then `Путин и Макрон с супругой в Москве 2 декабря`: one
    record with both recipients, the place and the date."""
    first = Report("b1", day=None)
    second = Report("b2", recipient=(MACRON, BRIGITTE), place=MOSCOW)
    [event] = merge([first.draft(), second.draft()])
    assert (event.actor, event.recipient, event.place, event.date) == ([PUTIN], [MACRON, BRIGITTE], MOSCOW, DAY)


def test_a_party_on_both_sides_stays_an_actor() -> None:
    [event] = merge([Report("b1").draft(), Report("b2", actor=(MACRON,), recipient=(PUTIN,)).draft()])
    assert (event.actor, event.recipient) == ([PUTIN, MACRON], [])


# (case, the earlier draft, the later one, same event)
SAME_EVENT: list[tuple[str, Report, Report, bool]] = [
    ("same_everything", Report("b1"), Report("b2"), True),
    ("other_type", Report("b1"), Report("b2", type="AGREE"), False),
    ("other_modality", Report("b1"), Report("b2", modality="negated"), False),
    ("one_date_missing", Report("b1"), Report("b2", day=None), True),
    ("other_date", Report("b1"), Report("b2", day=date(2025, 12, 3)), False),
    ("modes_differ", Report("b1", mode="visit"), Report("b2", mode="phone"), False),
    ("one_mode_missing", Report("b1"), Report("b2", mode="visit"), True),
    ("places_differ", Report("b1", place=MOSCOW), Report("b2", place=PARIS), False),
    ("one_place_missing", Report("b1"), Report("b2", place=PARIS), True),
    ("superset", Report("b1"), Report("b2", recipient=(MACRON, BRIGITTE)), True),
    ("subset", Report("b1", recipient=(MACRON, BRIGITTE)), Report("b2"), True),
    ("overlapping_parties", Report("b1", recipient=(MACRON, BRIGITTE)), Report("b2", recipient=(MACRON, KAZAKHSTAN)),
     False),
    ("other_actor", Report("b1"), Report("b2", actor=(KAZAKHSTAN,)), False),
    ("implied_actor_same_recipient", Report("b1"), Report("b2", actor=(KAZAKHSTAN,), named=False), True),
    ("implied_actor_first", Report("b1", actor=(KAZAKHSTAN,), named=False), Report("b2"), True),
    ("implied_actor_other_recipient", Report("b1"), Report("b2", actor=(KAZAKHSTAN,), recipient=(BRIGITTE,),
     named=False), False),
    ("both_implied_other_actor", Report("b1", named=False), Report("b2", actor=(KAZAKHSTAN,), named=False), False),
    ("implied_actor_and_a_named_one_who_names_no_one", Report("b1", recipient=()), Report("b2", actor=(KAZAKHSTAN,),
     named=False), True),
]  # fmt: skip


@pytest.mark.parametrize(("kept", "new", "expected"), [pytest.param(*s[1:], id=s[0]) for s in SAME_EVENT])
def test_same_event(kept: Report, new: Report, expected: bool) -> None:
    assert same_event(kept.draft(), new.draft()) is expected


def test_a_named_actor_replaces_an_implied_one() -> None:
    """`Задержание Петрова ...` (implied `власти`) and then `Полиция Москвы задержала Петрова`: one arrest, by
    the police."""
    implied = Report("b1", type="COERCE", actor=(KAZAKHSTAN,), named=False)
    [event] = merge([implied.draft(), Report("b2", type="COERCE").draft()])
    assert (event.actor, event.recipient, [s.text for s in event.evidence]) == ([PUTIN], [MACRON], ["b1", "b2"])
