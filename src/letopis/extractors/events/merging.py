"""The same event reported twice (the headline and the body, or two sentences) becomes one event with
several evidence spans."""

from __future__ import annotations

from letopis.extractors.events.records import Draft, unique

Key = tuple[object, ...]


def merge(drafts: list[Draft]) -> list[Draft]:
    """Drafts in text order, each joined to the first earlier draft of the same event (`same_event`): its
    evidence, topics and contexts are added to that draft's, whose confidence grows by 0.05."""
    kept: list[Draft] = []
    filed: dict[Key, list[int]] = {}
    for draft in drafts:
        near = sorted({i for key in twin_keys(draft) for i in filed.get(key, [])})
        twin = next((kept[i] for i in near if same_event(kept[i], draft)), None)
        if twin is None:
            for key in filing_keys(draft):
                filed.setdefault(key, []).append(len(kept))
            kept.append(draft)
            continue
        twin.evidence += draft.evidence
        twin.topics = unique(twin.topics + draft.topics)
        twin.contexts = unique(twin.contexts + draft.contexts)
        twin.confidence = round(min(0.95, max(twin.confidence, draft.confidence) + 0.05), 2)
    return kept


def filing_keys(draft: Draft) -> list[Key]:
    """Where `merge` files a draft it keeps: by type, modality and date, and a body sentence's draft also
    by its participants; a draft without recipients is never a twin."""
    if not draft.recipient:
        return []
    same = (draft.type, draft.modality, draft.date)
    if draft.unit == "headline":
        return [("any", *same), ("headline", *same)]
    return [("any", *same), ("participants", *same, frozenset(draft.participants))]


def twin_keys(draft: Draft) -> list[Key]:
    """Where `merge` looks for the twin of a draft (see `same_event`): a headline's among all drafts of
    its type, modality and date; a body sentence's among the headlines' and the drafts of the same
    participants."""
    if not draft.recipient:
        return []
    same = (draft.type, draft.modality, draft.date)
    if draft.unit == "headline":
        return [("any", *same)]
    return [("headline", *same), ("participants", *same, frozenset(draft.participants))]


def same_event(kept: Draft, new: Draft) -> bool:
    """Both have recipients and the same type, modality and date, no two different modes or places, and
    the same participants; with a headline, the participants of one may contain the other's."""
    if (kept.type, kept.modality) != (new.type, new.modality) or not kept.recipient or not new.recipient:
        return False
    if kept.mode and new.mode and kept.mode != new.mode:
        return False
    if kept.date != new.date or (kept.place is not None and new.place is not None and kept.place is not new.place):
        return False
    if "headline" in {kept.unit, new.unit}:
        return new.participants <= kept.participants or kept.participants <= new.participants
    return kept.participants == new.participants
