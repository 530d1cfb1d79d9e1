"""Where and when an event happens: the place stated in its sentence, the dateline's place, and its date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from letopis.extractors.dates import find_date, find_period
from letopis.extractors.entities import Cluster
from letopis.extractors.events.context import Context
from letopis.lexicon import event_words
from letopis.lexicon.gazetteer import gazetteer
from letopis.nlp import Sentence, Token

PLACE_NOUNS = event_words()["place_noun"]
PLACE_PREPOSITIONS = {"в", "во", "на"}
AREA_PREPOSITIONS = {"в", "во", "на", "у", "около", "возле", "под"}  # closed class
VISIT_NOUNS = event_words()["visit_noun"]
LATER_CLAUSE = {"но", "а", "однако", "затем", "потом", "зато"}  # closed class
MAX_CLIMB = 12  # links followed up a parse, which may hold a cycle


def stated_place(ctx: Context, sent: Sentence, visit: bool, anchors: Sequence[int] = ()) -> Cluster | None:
    """The place the sentence states (see `located`) in the clause of the trigger at `anchors` (`При посещении
    Санкт-Петербурга он встречался с Милоновым и призывал бойкотировать игры в Сочи`: Санкт-Петербург for the
    meeting), else one in no clause or before the trigger (the parse may hang it on a later verb), never one of
    another clause after it (`встречался с Милоновым, а потом призывал бойкотировать игры в Сочи`)."""
    found = [i for i in range(sent.first + 1, sent.last) if located(ctx, i, sent, visit)]
    heads = {clause_head(ctx.tokens, a) for a in anchors}
    clauses = [(i, verb_over(ctx.tokens, i, anchors)) for i in found]
    own = next((i for i, verb in clauses if verb in heads or verb in anchors), None)
    if own is None:
        first = min(anchors, default=sent.last)
        own = next((i for i, verb in clauses if verb is None or not heads or i < first), None)
    return ctx.entity_at[own] if own is not None else None


def located(ctx: Context, index: int, sent: Sentence, visit: bool, apposed: bool = True) -> bool:
    """Whether the place entity starting at `index` is where something happens: after `в`, `во` or `на`, or
    after a place noun after one (`в Карачи`, `в городе Карачи`); the genitive of a noun after one (`в центре
    Москвы`, `у здания мэрии Казани`) or of a visit (`при посещении Санкт-Петербурга`); or in apposition to
    such a place (`в столице Ганы — Аккре`). Not a direction (accusative: `в Казахстан`) nor a country, nor
    a place inside a role phrase or an anaphor; for a visit, directions and countries too (`прибыл с
    визитом в Казахстан`)."""
    tokens = ctx.tokens
    item = ctx.entity_at.get(index)
    if item is None or item.type != "LOC" or ctx.entity_at.get(index - 1) is item:
        return False
    if index in ctx.described or index in ctx.anaphoric:
        return False
    token = tokens[index]
    before = tokens[index - 1].text.lower()
    here = before in PLACE_PREPOSITIONS or is_place_noun(tokens, index - 1, sent)
    if not here and token.case == "Gen":
        here = under_located_noun(tokens, index, sent)
    if not here and apposed and token.rel == "appos" and sent.first <= token.head < index:
        if is_place_noun(tokens, token.head, sent):
            return True
        if ctx.entity_at.get(token.head) is None:
            return False
        first = token.head
        while first > sent.first and ctx.entity_at.get(first - 1) is ctx.entity_at.get(token.head):
            first -= 1
        return located(ctx, first, sent, True, apposed=False)
    country = item.place is not None and item.place.kind == "country"
    return here and (token.case != "Acc" or visit) and (visit or not country)


def under_located_noun(tokens: Sequence[Token], index: int, sent: Sentence) -> bool:
    """Whether a genitive hangs, through genitives, on a noun after a preposition of place (`в центре
    Москвы`, `у здания мэрии Казани`) or on a stay (`при посещении Санкт-Петербурга`)."""
    token = tokens[index]
    for _ in range(3):
        if token.head < sent.first or tokens[token.head].pos != "NOUN":
            return False
        head = tokens[token.head]
        if head.lemma.lower() in VISIT_NOUNS or any(
            t.head == head.index and t.rel == "case" and t.text.lower() in AREA_PREPOSITIONS
            for t in tokens[sent.first : head.index]
        ):
            return True
        if head.case != "Gen":
            return False
        token = head
    return False


def is_place_noun(tokens: Sequence[Token], index: int, sent: Sentence) -> bool:
    """`городе` in `в городе Карачи`, `столице` in `в столице Ганы`: a place noun after `в`, `во` or `на`."""
    before = tokens[index - 1].text.lower() if index > sent.first else ""
    return tokens[index].lemma.lower() in PLACE_NOUNS and before in PLACE_PREPOSITIONS


def clause_head(tokens: Sequence[Token], anchor: int) -> int:
    """The verb whose clause a trigger is in: the trigger itself, or the verb over a noun trigger."""
    index, steps = anchor, 0
    while tokens[index].pos != "VERB" and tokens[index].head >= 0 and steps < MAX_CLIMB:
        index, steps = tokens[index].head, steps + 1
    return index if tokens[index].pos == "VERB" else anchor


def verb_over(tokens: Sequence[Token], index: int, anchors: Sequence[int]) -> int | None:
    """The first verb above a token that is not a participle (`взрывов, прогремевших в Нью-Йорке`), or a
    trigger at `anchors` on the way: the predicate of the clause it is in; None in a clause with none."""
    index, steps = tokens[index].head, 0
    while index >= 0 and steps < MAX_CLIMB:
        token = tokens[index]
        if index in anchors or (token.pos == "VERB" and token.feats.get("VerbForm") != "Part"):
            return index
        index, steps = token.head, steps + 1
    return None


def is_direction(ctx: Context, index: int, sent: Sentence) -> bool:
    """`в Казахстан` (accusative), `в город Карачи`, an object or `против России`: a place the action goes
    to."""
    tokens = ctx.tokens
    before = tokens[index - 1].text.lower() if index > sent.first else ""
    towards = before in PLACE_PREPOSITIONS and tokens[index].case == "Acc"
    return towards or before in PLACE_NOUNS or before == "против" or tokens[index].rel in {"obj", "iobj"}


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


def event_date(ctx: Context, sent: Sentence, modality: str, anchors: Sequence[int] = ()) -> tuple[date | None, str]:
    """The event's date and its precision (`day`, `month`, `year`): a date stated in the sentence up to the
    end of the trigger's clause at `anchors` (`увольнял Джобса, но в 1997 году он вновь возглавил Apple`:
    1997 is the later clause's), resolved against the dateline's date, else the publication date; else a
    month or year it states (`в мае 1981 года`: a background event is never dated at publication); never
    after publication unless the event lies in the future. A document with neither date resolves a day
    without a year (`30 мая`) and `накануне` against the last full date it stated before. Without a stated
    date or period, the reference date itself."""
    published = ctx.doc.published
    reference = ctx.doc.day
    text = ctx.parsed.visible(sent.start, clause_end(ctx.tokens, sent, anchors))
    future = modality == "future"
    stated = find_date(text, reference, future=future)
    if stated is None and reference is None and (anchor := stated_anchor(ctx, sent)) is not None:
        stated = find_date(text, anchor, future=True)  # `30 мая` in the year of the date stated before
    if stated is not None and (published is None or stated <= published or future):
        return stated, "day"
    period = find_period(text, reference)
    if period is not None and (published is None or period[0] <= published or future):
        return period
    return reference, "day"


def clause_end(tokens: Sequence[Token], sent: Sentence, anchors: Sequence[int]) -> int:
    """Where the clause of the last trigger word ends: at `;` or at a comma before a word that opens a
    clause of another act (`, но`, `, а`, `, однако`, `, затем`); the sentence's end if none follows."""
    for index in range(max(anchors, default=sent.last), sent.last - 1):
        token, following = tokens[index], tokens[index + 1]
        if token.text == ";" or (token.text == "," and following.text.lower() in LATER_CLAUSE):
            return token.start
    return sent.end


def stated_anchor(ctx: Context, sent: Sentence) -> date | None:
    """The last full date (day, month and year) that the sentences before `sent` state, or None."""
    for earlier in reversed(ctx.parsed.sentences[: sent.index]):
        if earlier.unit in {"headline", "body"} and (found := full_date(ctx, earlier)) is not None:
            return found
    return None


def full_date(ctx: Context, sent: Sentence) -> date | None:
    """The full date a sentence states, read once per document (every event's sentence looks back)."""
    if sent.index not in ctx.full_dates:
        ctx.full_dates[sent.index] = find_date(ctx.parsed.visible(sent.start, sent.end), None)
    return ctx.full_dates[sent.index]
