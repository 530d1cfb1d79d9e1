from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from letopis.model import Document, Failure
from letopis.read import from_text, read_paths
from letopis.read.blocks import dateline_year, find_dateline

SAMPLE = Path(__file__).parent.parent / "samples" / "000_f9e879b08a32d2e4.txt"


def units(doc: Document) -> list[tuple[str, str]]:
    return [(u.kind, doc.text[u.start : u.end]) for u in doc.units]


def test_seed_header_credit_dateline_are_units() -> None:
    doc = next(iter(read_paths([SAMPLE])))
    assert isinstance(doc, Document)
    assert doc.published == date(2025, 12, 3)
    assert doc.title is not None and doc.title.startswith("На переговорах с главой Карачи")
    kinds = units(doc)
    assert kinds[0][0] == "headline" and kinds[0][1] == doc.title
    assert kinds[1] == ("credit", "Фото: МИД РК")
    assert kinds[2] == ("dateline", "Исламабад. 2 декабря. KAZAKHSTAN TODAY - ")
    assert kinds[3][0] == "body" and kinds[3][1].startswith("Посол Казахстана в Пакистане Ержан Кистафин")
    assert doc.dateline is not None
    assert (doc.dateline.place, doc.dateline.date, doc.dateline.agency) == (
        "Исламабад",
        date(2025, 12, 2),
        "KAZAKHSTAN TODAY",
    )


def test_seed_header_may_start_with_whitespace() -> None:
    doc = from_text("  date 2024-05-06 Заголовок\n\nТекст новости.", "x", "x")
    assert doc.published == date(2024, 5, 6)
    assert units(doc) == [("headline", "Заголовок"), ("body", "Текст новости.")]


@pytest.mark.parametrize(
    ("month", "day", "published", "expected"),
    [
        (12, 2, date(2025, 12, 3), date(2025, 12, 2)),
        (12, 30, date(2026, 1, 2), date(2025, 12, 30)),
        (1, 2, date(2026, 1, 2), date(2026, 1, 2)),
        (3, 1, None, None),
    ],
)
def test_dateline_year_comes_from_publication(
    month: int, day: int, published: date | None, expected: date | None
) -> None:
    assert dateline_year(month, day, published) == expected


@pytest.mark.parametrize(
    ("text", "place", "agency"),
    [
        ("Исламабад. 2 декабря. KAZAKHSTAN TODAY - Посол", "Исламабад", "KAZAKHSTAN TODAY"),
        ("МОСКВА, 2 декабря. /ТАСС/. Министр", "Москва", "ТАСС"),
        ("Астана. 5 мая. Интерфакс-Казахстан - Глава", "Астана", "Интерфакс-Казахстан"),
    ],
)
def test_dateline_forms(text: str, place: str, agency: str) -> None:
    found = find_dateline(text, 0, date(2025, 12, 3))
    assert found is not None
    assert (found.place, found.agency) == (place, agency)
    assert text[found.span.start : found.span.end] == found.span.text


def test_plain_text_has_no_dateline_when_there_is_none() -> None:
    doc = from_text("Первый абзац.\n\n\nВторой абзац.", "x", "x")
    assert doc.dateline is None
    assert units(doc) == [("body", "Первый абзац."), ("body", "Второй абзац.")]


def test_jsonl_reads_fields_and_reports_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    good = {"id": "a1", "title": "Т", "published": "2025-01-02T10:00:00", "url": "http://x", "text": "Текст."}
    path.write_text(
        json.dumps(good, ensure_ascii=False) + "\n{broken\n" + json.dumps({"id": "a3"}) + "\n", encoding="utf-8"
    )
    items = list(read_paths([path]))
    assert isinstance(items[0], Document)
    assert (items[0].id, items[0].title, items[0].published, items[0].url) == ("a1", "Т", date(2025, 1, 2), "http://x")
    assert isinstance(items[1], Failure) and items[1].source.endswith("news.jsonl:2")
    assert isinstance(items[2], Failure) and "text" in items[2].reason


def test_directory_is_read_recursively_and_bad_files_are_reported(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Первый.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Второй.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa broken")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    items = list(read_paths([tmp_path, tmp_path / "missing.txt"]))
    docs = sorted(i.id for i in items if isinstance(i, Document))
    failures = {Path(i.source).name: i.reason for i in items if isinstance(i, Failure)}
    assert docs == ["one", "two"]
    assert "UTF-8" in failures["bad.txt"]
    assert failures["empty.txt"] == "empty document"
    assert failures["missing.txt"] == "no such file or directory"
