"""read -> nlp -> extract: one pure function from a `Document` to its `Extraction`."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from letopis.extractors.actors import code_actors, setting_country
from letopis.extractors.entities import Cluster, EntityFinder, cluster, prefer_named_countries
from letopis.extractors.events import find_events, finish
from letopis.extractors.events.confidence import calibrated
from letopis.extractors.roles import Role, find_roles
from letopis.lexicon.gazetteer import gazetteer
from letopis.model import Document, Entity, Extraction, Failure, Limits, Occupation, Skipped
from letopis.nlp import Parsed, pipeline
from letopis.read import from_text, read_paths


def extract(text: str, published: date | None = None, doc_id: str = "doc", source: str = "<text>") -> Extraction:
    """Extract entities, occupations and actors from one Russian news text."""
    return extract_document(from_text(text, source, doc_id, published))


def extract_document(doc: Document, events: bool = True) -> Extraction:
    """Entities, occupations, actor codes and (unless `events` is false) PLOVER events of one document."""
    nlp = pipeline()
    parsed = nlp.parse(doc)
    clusters = cluster(EntityFinder(nlp).candidates(parsed))
    prefer_named_countries(clusters, doc.dateline.place if doc.dateline else None)
    roles = find_roles(parsed, clusters)
    drafts = find_events(doc, parsed, clusters, roles) if events else []
    clusters.sort(key=lambda c: c.first)
    for number, item in enumerate(clusters, 1):
        item.id = f"e{number}"
    setting = setting_country(doc.dateline.place if doc.dateline else None, clusters)
    codes, origins = code_actors(clusters, roles, parsed, setting, doc.day)
    entities = tuple(entity(item, parsed, codes[item.id], origins.get(item.id)) for item in clusters)
    coded = finish(drafts, codes, lambda item: item.id)
    return calibrated(Extraction(doc, entities, tuple(occupation(r) for r in roles), coded))


def entity(item: Cluster, parsed: Parsed, code: tuple[str | None, str | None], origin: str | None) -> Entity:
    place = item.place
    mentions = sorted([c.mention(parsed.text) for c in item.candidates] + item.anaphors, key=lambda m: m.start)
    name = item.name
    bare = len(name.split()) == 1  # a generic agent's word alone (`полиция`), not its phrase (`Полиция Бельгии`)
    if item.generic is not None and bare and code[0] and (country := gazetteer().country(code[0])) is not None:
        name = f"{name} ({country.name})"
    return Entity(
        id=item.id,
        type=item.type,
        name=name,
        country=code[0],
        sector=code[1],
        kind=place.kind if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        mentions=tuple(mentions),
        generic=item.generic is not None,
        country_from=origin,
    )


def occupation(role: Role) -> Occupation:
    return Occupation(
        person=role.person.id,
        position=role.position,
        where=role.where.id if role.where else None,
        accredited_to=role.accredited_to.id if role.accredited_to else None,
        evidence=role.evidence,
        where_from=role.where_from,
    )


DEFAULT_LIMITS = Limits()


class Expired(BaseException):
    """A document's extraction ran out of time (a BaseException, so no library's `except Exception`
    swallows it)."""


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise `Expired` in the block after `seconds` (on the main thread; elsewhere there is no timer)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process(doc: Document, limits: Limits = DEFAULT_LIMITS) -> Extraction | Failure:
    """The extraction of one document, or a `Failure` saying why there is none (over a limit, or an
    error in extraction); it never raises for a bad document."""
    if len(doc.text) > limits.max_chars:
        reason = f"{len(doc.text):,} characters, over the limit of {limits.max_chars:,} (--max-chars)"
        return Failure(doc.source, reason, "limit", doc.source_id)
    try:
        with deadline(limits.max_seconds):
            return extract_document(doc)
    except Expired:
        reason = f"extraction took over {limits.max_seconds:g} s, the limit (--max-seconds)"
        return Failure(doc.source, reason, "limit", doc.source_id)
    except Exception as error:  # a document that breaks extraction must not stop the batch
        return Failure(doc.source, f"extraction failed: {type(error).__name__}: {error}", "extract", doc.source_id)


def extract_paths(
    paths: Iterable[Path], root: Path | None = None, any_language: bool = False, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Extraction | Failure | Skipped]:
    """Extractions of every readable document under `paths`; a failure is yielded and the rest go on."""
    for item in read_paths(paths, root, any_language):
        yield process(item, limits) if isinstance(item, Document) else item
