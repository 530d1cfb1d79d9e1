"""Where and when an event happens: the place stated in its sentence, the dateline's place, and its date."""

from __future__ import annotations

from datetime import date

from letopis.extractors.dates import find_date, find_period
from letopis.extractors.entities import Cluster
from letopis.extractors.events.context import Context
from letopis.lexicon import event_words
from letopis.lexicon.gazetteer import gazetteer
from letopis.nlp import Sentence

PLACE_NOUNS = event_words()["place_noun"]
PLACE_PREPOSITIONS = {"в", "во", "на"}


def stated_place(ctx: Context, sent: Sentence, visit: bool) -> Cluster | None:
    """The first place after `в`, `во` or `на`, or after a place noun after one (`в Карачи`, `в городе
    Карачи`), that is neither a direction (accusative: `в Казахстан`) nor a country, outside role phrases
    and anaphors; for a visit, directions and countries too (`прибыл с визитом в Казахстан`)."""
    tokens = ctx.tokens
    for index in range(sent.first + 1, sent.last):
        item = ctx.entity_at.get(index)
        if item is None or item.type != "LOC" or ctx.entity_at.get(index - 1) is item:
            continue
        if index in ctx.described or index in ctx.anaphoric:
            continue
        before = tokens[index - 1].text.lower()
        noun_before = tokens[index - 2].text.lower() if index - 2 >= sent.first else ""
        place_noun = tokens[index - 1].lemma.lower() in PLACE_NOUNS
        located = before in PLACE_PREPOSITIONS or (place_noun and noun_before in PLACE_PREPOSITIONS)
        country = item.place is not None and item.place.kind == "country"
        if located and (tokens[index].case != "Acc" or visit) and (visit or not country):
            return item
    return None


def is_direction(ctx: Context, index: int, sent: Sentence) -> bool:
    """`в Казахстан` (accusative), `в город Карачи` or an object: a place the action goes to."""
    tokens = ctx.tokens
    before = tokens[index - 1].text.lower() if index > sent.first else ""
    towards = before in PLACE_PREPOSITIONS and tokens[index].case == "Acc"
    return towards or before in PLACE_NOUNS or tokens[index].rel in {"obj", "iobj"}


def dateline_place(ctx: Context) -> Cluster | None:
    """The first place entity that is the dateline's place (`АСТАНА. 2 декабря. KAZAKHSTAN TODAY`), among
    the entities known so far; `ctx.dateline` keeps the search from looking at an entity twice."""
    if ctx.doc.dateline is None:
        return None
    scan = ctx.dateline
    if scan.found is None:
        place, wanted = ctx.doc.dateline.place, gazetteer().place(ctx.doc.dateline.place)
        added = ctx.clusters[scan.seen :]
        scan.found = next((c for c in added if c.type == "LOC" and (c.place == wanted or c.name == place)), None)
        scan.seen = len(ctx.clusters)
    return scan.found


def event_date(ctx: Context, sent: Sentence, modality: str) -> tuple[date | None, str]:
    """The event's date and its precision (`day`, `month`, `year`): a date stated in the sentence,
    resolved against the dateline's date, else the publication date; else a month or year it states (`в мае
    1981 года`: a background event is never dated at publication); never after publication unless the
    event lies in the future. Without a stated date or period, the reference date itself."""
    published = ctx.doc.published
    reference = ctx.doc.day
    text = ctx.parsed.visible(sent.start, sent.end)
    future = modality == "future"
    stated = find_date(text, reference, future=future)
    if stated is not None and (published is None or stated <= published or future):
        return stated, "day"
    period = find_period(text, reference)
    if period is not None and (published is None or period[0] <= published or future):
        return period
    return reference, "day"
