"""Position words and the titles they open: `генеральный директор`, `министр иностранных дел`,
`временно исполняющий обязанности губернатора`."""

from __future__ import annotations

from functools import cache

from letopis.extractors.entities import org_sector_word
from letopis.extractors.roles.context import Context
from letopis.lexicon import position_domains, positions, role_words
from letopis.lexicon.gazetteer import gazetteer
from letopis.lexicon.names import fold
from letopis.nlp import Token

PRAISE = role_words()["praise"]
TITLE_ADJECTIVES = role_words()["title_adjective"]


@cache
def position_prefixes() -> frozenset[str]:
    """First three letters of every position: a cheap test before a token is lemmatised."""
    return frozenset(p[:3] for p in positions())


def position_of(context: Context, token: Token) -> str | None:
    """The position word a token is: its lemma, or for a compound (`врач-реаниматолог`,
    `хип-хоп-исполнитель`) the part that is a position, inflected like the whole; None for a token of a
    name."""
    if token.index in context.mentions:
        return None
    text = fold(token.text)
    parts = text.split("-") if "-" in text else []
    if text[:3] not in position_prefixes() and not any(p[:3] in position_prefixes() for p in parts):
        return None
    lemma = token.lemma.lower()
    present = token.feats.get("VerbForm") == "Part" and token.feats.get("Tense") == "Pres"
    nominal = token.pos == "NOUN" or present  # not `командовал`, `нападавший`
    for word in (lemma, text, *lemma.split("-")[:1], *lemma.split("-")[-1:], *substantive(lemma, nominal)):
        if word in positions():
            return word
    return None


def substantive(lemma: str, nominal: bool) -> tuple[str, ...]:
    """The participle a verb lemma stands for when a title that is a participle or noun (`nominal`) is
    lemmatised as its verb (`управляющим` -> `управлять` -> `управляющий`, `заведующим` -> `заведовать` ->
    `заведующий`)."""
    if not nominal:
        return ()
    if lemma.endswith("овать"):
        return (lemma[:-5] + "ующий",)
    if lemma.endswith(("ять", "ать")):
        return (lemma[:-2] + "ющий",)
    return ()


def singular_positions(context: Context) -> list[tuple[Token, str]]:
    """Every singular position word of the text that is no part of a name yet, with its position word."""
    found = ((t, position_of(context, t)) for t in context.tokens if t.feats.get("Number") != "Plur")
    return [(token, word) for token, word in found if word is not None]


def one_of(context: Context, index: int) -> int | None:
    """`один из ведущих управляющих корпорации`, `одного из двух лидеров`: the index of the `один` a plural
    position in the genitive hangs on by `из`, which makes it the title of one person; None otherwise."""
    tokens = context.tokens
    if tokens[index].feats.get("Number") != "Plur" or tokens[index].case != "Gen":
        return None
    start = index
    while start > 0 and tokens[start - 1].pos in {"ADJ", "ADV", "NUM"} and tokens[start - 1].text.islower():
        start -= 1  # `самых известных`, `двух`
    if start < 2 or tokens[start - 1].text.lower() != "из" or tokens[start - 2].lemma.lower() != "один":
        return None
    return start - 2


def outer_position(context: Context, index: int, holder: str | None = None) -> int:
    """`заместителем министра` -> the deputy, not the minister: a position in the genitive after
    another position belongs to it; but not when the holder's name is in the genitive (`holder`) and the
    outer position is in a case of another form (`заместитель министра Сергея Иванова`: Иванов is the
    minister; an accusative, `назначил заместителя министра Сергея Иванова`, may be the name's own case)."""
    tokens = context.tokens
    outer = index
    while (
        outer > 0
        and tokens[outer].case == "Gen"
        and tokens[outer - 1].sent == tokens[outer].sent
        and position_of(context, tokens[outer - 1]) is not None
    ):
        outer -= 1
    return index if holder == "Gen" and tokens[outer].case not in {"Gen", "Acc", None} else outer


def acting(context: Context, index: int) -> int | None:
    """The participle of `исполняющий обязанности` a position in the genitive hangs on
    (`исполняющим обязанности главы`), if there is one."""
    tokens = context.tokens
    token = tokens[index]
    duty = tokens[token.head] if token.head >= 0 else None
    if token.case != "Gen" or duty is None or duty.lemma.lower() != "обязанность" or not 0 <= duty.head < duty.index:
        return None
    return duty.head if tokens[duty.head].lemma.lower() == "исполнять" else None


def title_start(context: Context, index: int) -> int:
    """First word of a title: `генеральный директор`, `народный депутат`, `чрезвычайный и полномочный посол`."""
    tokens = context.tokens
    participle = acting(context, index)
    start = index if participle is None else participle
    while (
        start > 0 and tokens[start - 1].sent == tokens[index].sent and is_title_word(context, tokens[start - 1], index)
    ):
        start -= 1
    while start < index and tokens[start].text.lower() == "и":
        start += 1
    return start


def is_title_word(context: Context, token: Token, position_index: int) -> bool:
    """Whether a word before a position word is part of its title: a title adjective, or a lower-case
    adjective on it that is no praise, no country and no sector (`народный депутат`)."""
    if token.lemma.lower() in TITLE_ADJECTIVES:
        return True
    return (
        token.pos == "ADJ"
        and token.lemma.lower() not in PRAISE  # `признана лучшей актрисой`: praise is no part of a title
        and token.head == position_index
        and token.text.isalpha()
        and token.text.islower()
        and token.index not in context.mentions
        and gazetteer().adjective_country(token.lemma) is None
        and org_sector_word((token,)) is None
    )


def is_complement(context: Context, index: int, stop: int) -> bool:
    """Lower-case genitive words that belong to the title: `министр иностранных дел`,
    `заместитель министра`, `председатель правления`."""
    token = context.tokens[index]
    if index in context.mentions or token.case != "Gen" or not token.text.islower():
        return False
    if token.pos == "NOUN":
        return token.lemma.lower() in position_domains() or position_of(context, token) is not None
    following = context.tokens[index + 1] if index + 1 < stop else None
    return (
        token.pos == "ADJ"
        and following is not None
        and is_complement(context, index + 1, stop)
        and (org_sector_word((token,)) is None and gazetteer().adjective_country(token.lemma) is None)
    )


def title(context: Context, index: int, stop: int) -> tuple[str, int, int]:
    """The title a position word opens (`генеральный директор`, `министр иностранных дел`), the index
    of its first word and the index after its last."""
    tokens = context.tokens
    start, participle = title_start(context, index), acting(context, index)
    if participle is None:
        words = [t.lemma.lower() for t in tokens[start:index]]
        words.append(position_of(context, tokens[index]) or tokens[index].lemma.lower())
    else:  # `временно исполняющий обязанности губернатора`: what follows the participle stays as written
        words = [t.lemma.lower() for t in tokens[start:participle]] + ["исполняющий"]
        words += [t.text.lower() for t in tokens[participle + 1 : index + 1]]
    complement = index + 1
    while complement < stop and is_complement(context, complement, stop):
        words.append(tokens[complement].text.lower())
        complement += 1
    return " ".join(words), start, complement
