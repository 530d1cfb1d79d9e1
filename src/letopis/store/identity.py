"""Identities in the corpus: a text's hash, the alias keys that join entities across documents, and
the keys of events reported by several articles."""

from __future__ import annotations

import hashlib

from letopis.lexicon.names import acronym, key
from letopis.model import Entity, Event


def text_hash(text: str) -> str:
    """sha256 of the UTF-8 text; a text Python holds but UTF-8 cannot encode (a lone surrogate from a
    JSON escape) raises UnicodeEncodeError."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def alias_keys(entity: Entity, doc_hash: str) -> list[tuple[str, str]]:
    """The keys under which a document's entity can meet the same entity in other documents, first the
    one that names it, each with the reason a match on it joins them. Merges are conservative: a
    person joins by full name (any order), or by surname and initial (`Н. Кан` / `Наото Кан`); a name
    of one word stays with its document; a generic agent joins by its word, sector and country; an
    organisation joins by name or by its acronym (`МИД РК` /
    `Министерство иностранных дел Республики Казахстан`)."""
    if entity.generic:
        return [(f"GEN:{entity.sector}:{entity.country}:{key(entity.name)}", "same generic agent and country")]
    if entity.type == "LOC" and entity.kind is not None:
        return [(f"LOC:{entity.country}:{entity.kind}:{key(entity.name)}", "same place in the gazetteer")]
    if entity.type == "PER":
        names = [entity.name, *(m.text for m in entity.mentions if not m.anaphor and not m.text[:1].islower())]
        full = [key(n).split() for n in names if len(key(n).split()) > 1]
        if not full:
            return [(f"PER:{key(entity.name)}@{doc_hash[:16]}", "single name: kept to its document")]
        keys = [("PER:" + " ".join(sorted(words)), "same full name") for words in full]
        keys += [(f"PERI:{k}", "same surname and initial") for words in full if (k := initial_key(words))]
        return list(dict.fromkeys(keys))
    keys = [(f"{entity.type}:{key(entity.name)}", "same name")]
    short = acronym(entity.name).replace(" ", "").lower()
    if entity.type == "ORG" and len(short) > 2 and short != key(entity.name).replace(" ", ""):
        keys.append((f"ORGA:{short}", "same acronym"))
    elif entity.type == "ORG" and entity.name.replace(" ", "").isupper():
        keys.append((f"ORGA:{entity.name.replace(' ', '').lower()}", "same acronym"))
    return keys


def initial_key(words: list[str]) -> str | None:
    """`наото кан` and `н. кан` -> `кан|н`: the surname (the word that is not an initial, the last one
    when there are several) and the first letter of the first other word."""
    initials = [w for w in words if len(w.rstrip(".")) == 1]
    names = [w for w in words if len(w.rstrip(".")) > 1]
    if not names:
        return None
    surname = names[-1]
    first = (initials or [w for w in words if w != surname] or [""])[0]
    return f"{surname}|{first[:1]}" if first else None


def entity_id(global_key: str) -> str:
    return "E" + hashlib.sha1(global_key.encode("utf-8")).hexdigest()[:12]


def event_key(event: Event, ids: dict[str, str], event_id: str) -> str:
    """Articles that report the same event give it the same key: type, mode, modality, date and parties.
    An event with fewer than two parties is too vague to be matched and keeps a key of its own."""
    if len(event.actor) + len(event.recipient) < 2:
        return event_id
    parties = "|".join(sorted(ids[a] for a in event.actor)) + ">" + "|".join(sorted(ids[r] for r in event.recipient))
    raw = f"{event.type}/{event.mode}/{event.modality}/{event.date}/{parties}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]
