"""One record per real event: the reports of one event in a document (the headline, the lead, the body,
a quote) become one event with every evidence span; a later report that adds a party, a place or a date
completes the record, and one that names the actor replaces an implied one."""

from __future__ import annotations

from letopis.extractors.events.records import Draft, unique


def merge(drafts: list[Draft]) -> list[Draft]:
    """Drafts in text order, each joined to the first earlier draft of the same event (`same_event`)."""
    kept: list[Draft] = []
    for draft in drafts:
        twin = next((k for k in kept if same_event(k, draft)), None)
        if twin is None:
            kept.append(draft)
        else:
            join(twin, draft)
    return kept


def same_event(kept: Draft, new: Draft) -> bool:
    """The same type and modality, no two different modes, dates or places, and the parties of one among
    the other's (`Полиция Бельгии арестовала двух человек` and `бельгийская полиция арестовала двух
    человек`; a placed attack without parties and the same attack with its victims)."""
    if (kept.type, kept.modality) != (new.type, new.modality):
        return False
    if kept.mode and new.mode and kept.mode != new.mode:
        return False
    if kept.date and new.date and kept.date != new.date:
        return False
    if kept.place is not None and new.place is not None and kept.place is not new.place:
        return False
    return new.participants <= kept.participants or kept.participants <= new.participants or implied_twin(kept, new)


def implied_twin(kept: Draft, new: Draft) -> bool:
    """`Полиция Москвы задержала Петрова. ... Задержание Петрова вызвало протесты`: a report whose actor the
    text does not name (an implied `власти`) is the act of a report that names one, when all it befalls
    are among that report's recipients or that report names no one it befalls (`Полиция Бельгии
    арестовала двух человек ... Нуреддин Х. и Хамза Х. были арестованы`)."""
    for named, unnamed in ((kept, new), (new, kept)):
        befalls = {id(c) for c in unnamed.recipient}
        among = bool(befalls) and (befalls <= {id(c) for c in named.recipient} or not named.recipient)
        if named.explicit_actor and not unnamed.explicit_actor and among:
            return True
    return False


def join(kept: Draft, new: Draft) -> None:
    """Add the report `new` to the event `kept`: its evidence, parties, place, date, topics and contexts."""
    kept.evidence += new.evidence
    if kept.explicit_actor == new.explicit_actor:
        kept.actor = unique(kept.actor + new.actor)
    elif new.explicit_actor:  # the named actor replaces the implied one
        kept.actor = list(new.actor)
    kept.recipient = [c for c in unique(kept.recipient + new.recipient) if all(c is not a for a in kept.actor)]
    kept.place = kept.place or new.place
    if kept.date is None:
        kept.date, kept.precision = new.date, new.precision
    kept.explicit_actor = kept.explicit_actor or new.explicit_actor
    kept.topics = unique(kept.topics + new.topics)
    kept.contexts = unique(kept.contexts + new.contexts)
