"""Whether an event is stated, denied, supposed or planned."""

from __future__ import annotations

from collections.abc import Sequence

from letopis.extractors.events.participles import is_participle
from letopis.extractors.events.triggers import Match
from letopis.lexicon import event_words
from letopis.nlp import Parsed

FUTURE_WORDS = event_words()["future"]
HYPOTHETICAL_WORDS = event_words()["hypothetical"]
REFUSAL_WORDS = event_words()["refusal"]
NEGATIONS = {"не", "ни"}
WILL = {"буду", "будешь", "будет", "будем", "будете", "будут"}  # the tagger calls `будет` present at times
CONDITIONS = {"если", "ежели"}


def find_modality(parsed: Parsed, matches: Sequence[Match]) -> str:
    """negated (`не` before the trigger or its verb, `отказался` + trigger), hypothetical (`если` before
    it, `бы`, `может`, `возможно`), future (a future tense of the trigger, or of its verb unless the
    trigger is a verb in the past or present, `будет`, or an intention word before a trigger not in the past:
    `намерение`, `планирует`, `выразили заинтересованность`), else asserted."""
    tokens = parsed.tokens
    anchors = [tokens[m.anchor] for m in matches]
    governors = [tokens[a.head] for a in anchors if a.head >= 0 and not is_participle(a)]  # `Задержанный ... отказался`
    near = [tokens[i] for a in anchors for i in range(max(0, a.index - 4), a.index)]
    before = [t for a in anchors for t in tokens[parsed.sentence_of(a.index).first : a.index]]
    negations = {t.index - 1 for t in anchors + governors}
    if any(tokens[i].text.lower() in NEGATIONS for i in negations if i >= 0):
        return "negated"
    ruled = {t.index for t in anchors + governors}  # `не будет вводить санкции`: `не` hangs from the verb
    if any(t.text.lower() in NEGATIONS and t.head in ruled for t in near):
        return "negated"
    if any(g.lemma.lower() in REFUSAL_WORDS for g in governors):
        return "negated"
    conditional = any(t.text.lower() in CONDITIONS for t in before)
    if conditional or any(t.text.lower() in HYPOTHETICAL_WORDS or t.lemma.lower() == "мочь" for t in near + governors):
        return "hypothetical"
    tensed = all(a.pos == "VERB" and a.feats.get("Tense") in {"Past", "Pres"} for a in anchors)
    ruling = anchors if tensed else anchors + governors  # `Напомним, что Х ударил Y`: the trigger's own tense
    if any(m.trigger.future for m in matches) or any(t.feats.get("Tense") == "Fut" for t in ruling):
        return "future"
    # `Ожидается, что арестованные братья предстанут перед судом`: a trigger in the past is done, whatever
    # future the sentence speaks of; `будет арестован` is still to come
    past = all(a.pos == "VERB" and a.feats.get("Tense") == "Past" for a in anchors)
    markers = [t for t in before + governors if t.lemma.lower() in FUTURE_WORDS and not past]
    will = [t for t in near if t.text.lower() in WILL or (t.lemma.lower() == "быть" and t.feats.get("Tense") == "Fut")]
    return "future" if markers or will else "asserted"
