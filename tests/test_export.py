"""PLOVER JSONL and GDELT-style TSV exports of the reference article, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from letopis.cli import app
from letopis.export import GDELT_COLUMNS

SAMPLE = Path(__file__).parent.parent / "samples" / "000_f9e879b08a32d2e4.txt"
runner = CliRunner()


def test_plover_records() -> None:
    result = runner.invoke(app, ["extract", str(SAMPLE), "--format", "plover"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) >= 8
    for record in records:
        assert {"id", "date", "actor", "event"} <= set(record)
        assert record["cite_info"]["language"] == "ru"
        assert 0 <= record["text_info"]["start"] < record["text_info"]["end"]
        assert all({"code", "sector", "entity_text"} <= set(actor) for actor in record["actor"])
    visit = next(r for r in records if r["mode"][:1] == ["visit"] and "Карачи" in r["event_text"][:120])
    assert visit["event"] == ["CONSULT"]
    assert visit["actor"][0] == {"code": "KAZ", "sector": "GOV", "entity_text": "Ержан Кистафин",
                                 "entity_text_latin": "Erzhan Kistafin", "generic": False, "code_from": "text",
                                 "identifier_id": None, "entity_id": visit["actor"][0]["entity_id"],
                                 "office": "посол"}  # fmt: skip
    assert visit["event_scale"] == 4.0  # PLOVER's intensity of CONSULT:visit
    assert visit["event_loc"]["resolved_place"] == "Карачи"
    assert visit["event_loc"]["geonameid"] == 1174872  # GeoNames' Karachi
    assert visit["event_loc"]["admin1"] == "PK05"  # Sindh, GDELT's ADM1Code
    assert (visit["event_loc"]["lat"], visit["event_loc"]["lon"]) == (24.8608, 67.0104)
    assert visit["date"] == "2025-12-02"
    future = [r for r in records if "future" in r["mode"]]
    assert future and all(r["event"] == ["AGREE"] for r in future)


def test_gdelt_rows() -> None:
    result = runner.invoke(app, ["extract", str(SAMPLE), "--format", "gdelt"])
    assert result.exit_code == 0, result.output
    header, *rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert header == list(GDELT_COLUMNS) and len(header) == 61
    assert rows and all(len(row) == 61 for row in rows)
    table = [dict(zip(header, row, strict=True)) for row in rows]
    visits = [r for r in table if r["EventCode"] == "042"]
    assert visits and all(r["Actor1Code"] == "KAZGOV" and r["EventRootCode"] == "04" for r in visits)
    assert {r["Actor2Name"] for r in visits} >= {"FAUDZHI MIT LTD", "KHIRANIS FARMASIUTIKALS"}
    fauji = next(r for r in visits if r["Actor2Name"] == "FAUDZHI MIT LTD")
    assert (fauji["SQLDATE"], fauji["QuadClass"], fauji["ActionGeo_FullName"]) == ("20251202", "1", "Karachi")
    assert (fauji["ActionGeo_FeatureID"], fauji["ActionGeo_ADM1Code"]) == ("1174872", "PK05")
    assert (fauji["ActionGeo_CountryCode"], fauji["Actor2CountryCode"]) == ("PK", "PAK")
    assert len({r["GLOBALEVENTID"] for r in table}) == len(table)


def test_text_shows_events() -> None:
    result = runner.invoke(app, ["extract", str(SAMPLE), "--format", "text"])
    lines = result.stdout.splitlines()
    assert any(
        line.startswith("2025-12-02 Карачи  CONSULT/visit  Ержан Кистафин (посол, KAZ GOV) -> ")
        and "Фауджи Мит ЛТД (PAK BUS)" in line
        and "«Глава казахстанской дипмиссии также посетил компании" in line
        for line in lines
    ), result.stdout
