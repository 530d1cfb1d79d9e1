"""Event exports: PLOVER JSONL records and GDELT 2.0 Events-style TSV rows; a query's event rows written
as CSV, JSONL, PLOVER or GDELT (`write_rows`, for the CLI and the web app).

PLOVER (openeventdata/PLOVER manual): `id`, `date`, `actor` and `recipient` as lists of entity objects
(`code` is the ISO alpha-3 country, `sector`, `entity_text`, `identifier_id` (the Wikidata id, as the
manual asks, where lexicon/wikidata.tsv knows the name), `office`), `event`,
`mode` (the PLOVER mode, then letopis' modality as an auxiliary mode: `future`, `negation`,
`hypothetical`), `context`, `event_loc`, `event_text`, `quad_code`, `text_info` (character offsets)
and `cite_info` (`language` "ru"). `event_scale`, the manual's "floating point scale value", is the
PLOVER intensity of the type and mode. letopis' confidence goes to `confidence`, the name in Latin
letters (the Russian passport scheme, `names.latin`) to `entity_text_latin`, letopis' own entity id to
`entity_id`, and `generic` and `code_from` (`text`, `list`, `setting`, `corpus`) say how an entity was coded (none
of these is a field of the manual); a city's `event_loc` carries its GeoNames id and `admin1`, GDELT's ADM1Code.

GDELT: the 61 columns of the GDELT 2.0 Events table, one row per actor/recipient pair as GDELT writes
them (one row per actor when there is no recipient), with a header row (GDELT's raw files have none).
The PLOVER type and mode map back to CAMEO codes through lexicon/plover.tsv; GoldsteinScale is GDELT's
score of that code (lexicon/goldstein.tsv) and QuadClass follows the CAMEO root, as in GDELT; geographic
country codes are FIPS 10-4 as in GDELT, names are in Latin letters (actors in capitals, as GDELT writes
them), FeatureID is a city's GeoNames id or a country's FIPS code (its ADM1Code too). SQLDATE is the
event's date, else the publication date, else the file's date (PLOVER's `date_source` says which:
`event`, `publication`, `file`).
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any, TextIO

from letopis.lexicon import wikidata_id
from letopis.lexicon.gazetteer import Place, gazetteer
from letopis.lexicon.names import latin
from letopis.lexicon.plover import code, goldstein_table
from letopis.model import Document, Entity, Event, Extraction
from letopis.render import printable

CODER = "letopis 0.1.0"
AUXILIARY = {"future": "future", "negated": "negation", "hypothetical": "hypothetical"}
RESOLUTION = {"country": 1, "province": 2, "city": 4}
GDELT_GEO_TYPE = {"country": 1, "province": 5, "city": 4}
ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                "Type1Code", "Type2Code", "Type3Code")  # fmt: skip
GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{field}" for field in ACTOR_FIELDS),
    *(f"Actor2{field}" for field in ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{field}" for who in ("Actor1", "Actor2", "Action") for field in GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip


def goldstein(cameo: str) -> float:
    """GDELT's GoldsteinScale of a CAMEO code (lexicon/goldstein.tsv), else that of its nearest parent."""
    table = goldstein_table()
    while cameo not in table and len(cameo) > 2:
        cameo = cameo[:-1]
    return table[cameo]


def quad_class(cameo: str) -> int:
    """GDELT's QuadClass, from the CAMEO root: 01-05 verbal cooperation, 06-08 material cooperation, 09-13
    verbal conflict, 14-20 material conflict."""
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def offices(result: Extraction) -> dict[str, str]:
    return {job.person: job.position for job in result.occupations}


def entity_object(entity: Entity, office: str | None) -> dict[str, Any]:
    record: dict[str, Any] = {"code": entity.country or "UNK", "sector": entity.sector or "UNK",
                              "entity_text": entity.name, "entity_text_latin": latin(entity.name),
                              "identifier_id": None if entity.generic else wikidata_id(entity.name, entity.country),
                              "entity_id": entity.id, "generic": entity.generic,
                              "code_from": entity.country_from}  # fmt: skip
    if office:
        record["office"] = office
    return record


def location(entity: Entity | None, mention: str | None) -> dict[str, Any] | None:
    if entity is None:
        return None
    record: dict[str, Any] = {"extracted_place": mention or entity.name, "resolved_place": entity.name,
                              "country_code": entity.country, "lat": entity.lat, "lon": entity.lon,
                              "resolution": RESOLUTION.get(entity.kind or "", 5)}  # fmt: skip
    place = gazetteer().place(entity.name) if entity.kind in ("province", "city") else None
    if entity.kind == "city":
        record["city"] = entity.name
        city = city_among(entity, place)
        record["geonameid"] = city.geonameid if city else None
        record["admin1"] = gazetteer().adm1(city) or None
    elif entity.kind == "province":
        record["province"] = entity.name
    if place is not None and (territory := gazetteer().territory(place)) is not None:
        record["territory"] = territory
    if entity.country and (country := gazetteer().country(entity.country)) is not None:
        record["country"] = country.name
    return record


def dated(event: Event, doc: Document) -> tuple[date | None, str | None]:
    """An event's date for an export row and where it comes from: `event` (stated or resolved in the
    text), `publication` (the document's date), `file` (its file's date, when nothing else is known)."""
    for when, source in ((event.date, "event"), (doc.published, "publication"), (doc.file_date, "file")):
        if when is not None:
            return when, source
    return None, None


def plover_records(result: Extraction) -> list[dict[str, Any]]:
    doc = result.document
    by_id = {e.id: e for e in result.entities}
    held = offices(result)
    records: list[dict[str, Any]] = []
    for event in result.events:
        first = event.evidence[0]
        place = by_id.get(event.place or "")
        when, source = dated(event, doc)
        record: dict[str, Any] = {
            "id": f"{doc.id}-{event.id}",
            "date": when.isoformat() if when else None,
            "date_source": source,
            "date_precision": event.date_precision if source == "event" else "day",
            "actor": [entity_object(by_id[a], held.get(a)) for a in event.actor],
            "recipient": [entity_object(by_id[r], held.get(r)) for r in event.recipient],
            "event": [event.type],
            "mode": [m for m in (event.mode, AUXILIARY.get(event.modality)) if m],
            "context": list(event.contexts),
            "event_loc": location(place, place.mentions[0].text if place and place.mentions else None),
            "event_text": first.text,
            "quad_code": event.quad,
            "event_scale": event.intensity,
            "confidence": event.confidence,
            "text_info": {"sequence": len(records) + 1, "start": first.start, "end": first.end},
            "cite_info": {
                "corpus": "letopis",
                "citation": doc.source,
                "url": doc.url,
                "title": doc.title,
                "language": "ru",
                "publication": doc.dateline.agency if doc.dateline else None,
                "coder": CODER,
                "codebook": "PLOVER",
            },
            "coder": CODER,
            "coded_date": date.today().isoformat(),
        }
        records.append(record)
    return records


def global_id(doc_id: str, event_id: str, pair: int) -> int:
    digest = hashlib.sha1(f"{doc_id}/{event_id}/{pair}".encode()).digest()
    return int.from_bytes(digest[:6], "big")


def actor_columns(entity: Entity | None) -> list[str]:
    if entity is None:
        return [""] * 10
    country = entity.country or ""
    sector = entity.sector or ""
    return [country + sector, latin(entity.name).upper(), country, "", "", "", "", sector, "", ""]


def geo_columns(entity: Entity | None) -> list[str]:
    if entity is None or entity.kind is None:
        return [""] * 8
    fips = gazetteer().fips.get(entity.country or "", "")
    country = entity.kind == "country"
    city = None if country else city_of(entity)
    feature = fips if country else str(city.geonameid if city else "")
    adm1 = fips if country else gazetteer().adm1(city)
    return [str(GDELT_GEO_TYPE.get(entity.kind, 4)), latin(entity.name), fips, adm1, "", number(entity.lat),
            number(entity.lon), feature]  # fmt: skip


def city_of(entity: Entity) -> Place | None:
    """The gazetteer's city (lexicon/cities.tsv, cities_other.tsv) of an entity: the one of its name in its
    country and at its coordinates."""
    return city_among(entity, gazetteer().place(entity.name)) if entity.kind == "city" else None


def city_among(entity: Entity, place: Place | None) -> Place | None:
    """Of `place` (the gazetteer's place of a city entity's name) and the cities of that name elsewhere, the
    one in the entity's country and at its coordinates."""
    if place is None:
        return None
    same = (
        p
        for p in [place, *gazetteer().elsewhere(place)]
        if (p.country, p.lat, p.lon) == (entity.country, entity.lat, entity.lon)
    )
    return next(same, None)


def number(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def gdelt_rows(result: Extraction) -> list[list[str]]:
    doc = result.document
    by_id = {e.id: e for e in result.entities}
    added = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    lead = {u.start for u in doc.units[:2]}
    rows = []
    for event in result.events:
        cameo = code(event.type, event.mode).cameo.ljust(3, "0")
        when, _ = dated(event, doc)
        dates = [when.strftime("%Y%m%d"), when.strftime("%Y%m"), str(when.year),
                 f"{when.year + (when.timetuple().tm_yday - 1) / 365:.4f}"] if when else ["", "", "", ""]  # fmt: skip
        place = by_id.get(event.place or "")
        root = any(u.start <= ev.start < u.end for ev in event.evidence for u in doc.units if u.start in lead)
        pairs: list[tuple[str | None, str | None]] = [(a, r) for a in event.actor for r in event.recipient]
        pairs = pairs or [(a, None) for a in event.actor] or [(None, None)]
        for number_, (actor, recipient) in enumerate(pairs):
            first = by_id.get(actor or "")
            second = by_id.get(recipient or "")
            rows.append(
                [
                    str(global_id(doc.id, event.id, number_)),
                    *dates,
                    *actor_columns(first),
                    *actor_columns(second),
                    "1" if root else "0",
                    cameo,
                    cameo[:3],
                    cameo[:2],
                    str(quad_class(cameo)),
                    str(goldstein(cameo)),
                    str(len(event.evidence)),
                    "1",
                    "1",
                    "",
                    *geo_columns(None),
                    *geo_columns(None),
                    *geo_columns(place),
                    added,
                    doc.url or doc.source,
                ]
            )
    return rows


def write_csv(rows: list[dict[str, Any]], sink: TextIO) -> None:
    """Rows as CSV with a header (`id` alone when there are none), control characters but tabs and line
    breaks escaped."""
    writer = csv.DictWriter(sink, fieldnames=list(rows[0]) if rows else ["id"])
    writer.writeheader()
    writer.writerows({k: printable(cell(v), keep="\n\t") for k, v in row.items()} for row in rows)


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(cell(v) for v in value)
    return str(value)


def write_events(result: Extraction, events_format: str, sink: TextIO) -> None:
    """The events of `result` as PLOVER JSONL (`events_format` plover) or GDELT TSV rows (gdelt)."""
    if events_format == "plover":
        sink.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in plover_records(result))
    else:
        sink.writelines("\t".join(tsv_cell(c) for c in r) + "\n" for r in gdelt_rows(result))


def tsv_cell(value: str) -> str:
    """A TSV cell holds no tab, line break or control character."""
    return printable(" ".join(value.split()), keep="")


def write_rows(rows: list[dict[str, Any]], export_format: str, sink: TextIO,
               extraction: Callable[[str], Extraction]) -> None:  # fmt: skip
    """Event rows of a query as csv, jsonl, plover or gdelt; for PLOVER and GDELT each document's
    extraction is rebuilt by `extraction(text hash)` and only the events in `rows` are written."""
    if export_format == "csv":
        write_csv(rows, sink)
        return
    if export_format == "jsonl":
        sink.writelines(json.dumps(row, ensure_ascii=False, default=str) + "\n" for row in rows)
        return
    if export_format == "gdelt":
        sink.write("\t".join(GDELT_COLUMNS) + "\n")
    wanted = {row["id"] for row in rows}
    for doc_hash in dict.fromkeys(row["hash"] for row in rows):
        full = extraction(doc_hash)
        write_events(replace(full, events=tuple(e for e in full.events if e.id in wanted)), export_format, sink)
