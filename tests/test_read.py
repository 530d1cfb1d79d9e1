from __future__ import annotations

import codecs
import json
import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from letopis.lexicon.dates import year_of
from letopis.model import Document, Extraction, Failure, Skipped
from letopis.pipeline import extract_document
from letopis.read import from_text, read_bytes, read_paths
from letopis.read.blocks import find_dateline
from letopis.read.decode import decode
from letopis.read.language import detect_language
from letopis.read.sources import Origin, readable_name
from letopis.read.text import HTML_IN_TEXT

ROOT = Path(__file__).parent.parent
SAMPLE = ROOT / "samples" / "000_f9e879b08a32d2e4.txt"
BUNDLED = sorted([*(ROOT / "samples").glob("*.txt"), *(ROOT / "tests/data/factRuEval-2016/devset").glob("*.txt")])
HERE = Origin("news.txt", "news.txt", "news")

Item = Document | Failure | Skipped


def units(doc: Document) -> list[tuple[str, str]]:
    return [(u.kind, doc.text[u.start : u.end]) for u in doc.units]


def read_one(path: Path, root: Path) -> Item:
    [item] = read_paths([path], root=root)
    return item


def outcome(item: Item) -> tuple[str, str]:
    """What became of an input: `Document` with its source_id, or the failure or skip with the reason."""
    if isinstance(item, Document):
        return "Document", item.source_id
    if isinstance(item, Failure):
        return f"Failure/{item.stage}", item.reason
    return "Skipped", item.reason


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


def test_seed_header_with_impossible_date_is_plain_text() -> None:
    doc = from_text("date 2024-02-30 Заголовок\n\nТекст новости.", "x", "x")
    assert (doc.published, doc.title) == (None, None)
    assert units(doc) == [("body", "date 2024-02-30 Заголовок"), ("body", "Текст новости.")]


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
    assert year_of(month, day, published) == expected


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


# Source identity (issue 10): the store keys documents by `source_id`, so two files of one name never collide.


def test_same_file_name_in_two_folders_is_two_documents(tmp_path: Path) -> None:
    for month in ("01", "02"):
        (tmp_path / "2024" / month).mkdir(parents=True)
        (tmp_path / "2024" / month / "news.txt").write_text(f"Новость за месяц {month}.", encoding="utf-8")
    docs = [d for d in read_paths([tmp_path / "2024"], root=tmp_path) if isinstance(d, Document)]
    assert [(d.id, d.source_id) for d in docs] == [("news", "2024/01/news.txt"), ("news", "2024/02/news.txt")]


def test_source_id_is_relative_to_the_current_folder_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "news.txt").write_text("Текст новости.", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "a")
    assert outcome(read_one(Path("news.txt"), root=tmp_path)) == ("Document", "a/news.txt")
    assert outcome(next(iter(read_paths([Path("news.txt")])))) == ("Document", "news.txt")
    outside = read_one(tmp_path / "a" / "news.txt", root=tmp_path / "b")
    assert outcome(outside) == ("Document", (tmp_path / "a" / "news.txt").resolve().as_posix())


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("news.txt", "news.txt"),
        ("2024/январь/новости.txt", "2024/январь/новости.txt"),
        (os.fsdecode(b"\xff\xfenews.txt"), "\\xff\\xfenews.txt"),
        (os.fsdecode("новости".encode("cp1251") + b".txt"), "\\xed\\xee\\xe2\\xee\\xf1\\xf2\\xe8.txt"),
    ],
)
def test_file_names_that_are_not_utf8_are_shown_with_escapes(name: str, shown: str) -> None:
    assert readable_name(name) == shown


def test_file_name_that_is_not_utf8_can_be_stored(tmp_path: Path) -> None:
    path = Path(os.fsdecode(os.fsencode(tmp_path) + b"/\xcd\xee\xe2\xee\xf1\xf2\xe8.txt"))
    path.write_text("Текст новости.", encoding="utf-8")
    doc = read_one(path, root=tmp_path)
    assert isinstance(doc, Document)
    assert (doc.id, doc.source_id) == ("\\xcd\\xee\\xe2\\xee\\xf1\\xf2\\xe8", "\\xcd\\xee\\xe2\\xee\\xf1\\xf2\\xe8.txt")
    assert doc.source.endswith("/\\xcd\\xee\\xe2\\xee\\xf1\\xf2\\xe8.txt")
    json.dumps([doc.id, doc.source, doc.source_id], ensure_ascii=False).encode("utf-8")


# Encodings: the reference article reads to the same text, and so the same facts, in every one of them.


@pytest.fixture(scope="module")
def reference() -> Extraction:
    doc = next(iter(read_paths([SAMPLE])))
    assert isinstance(doc, Document)
    return extract_document(doc)


def facts(extraction: Extraction) -> tuple[list[str], list[str]]:
    return [e.name for e in extraction.entities], [e.type for e in extraction.events]


ENCODINGS: list[tuple[str, Callable[[str], bytes]]] = [
    ("UTF-8 with BOM", lambda text: codecs.BOM_UTF8 + text.encode("utf-8")),
    ("UTF-16 LE with BOM", lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le")),
    ("UTF-16 BE with BOM", lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be")),
    ("Windows-1251", lambda text: text.encode("cp1251")),
    ("KOI8-R", lambda text: text.encode("koi8_r")),
    ("CP866", lambda text: text.encode("cp866")),
]


@pytest.mark.parametrize(("name", "encode"), ENCODINGS, ids=[name for name, _ in ENCODINGS])
def test_reference_article_reads_the_same_in_every_encoding(
    name: str, encode: Callable[[str], bytes], reference: Extraction, tmp_path: Path
) -> None:
    path = tmp_path / SAMPLE.name
    path.write_bytes(encode(reference.document.text))
    doc = read_one(path, root=tmp_path)
    assert isinstance(doc, Document)
    assert doc.text == reference.document.text
    assert facts(extract_document(doc)) == facts(reference)
    assert facts(reference)[0] and facts(reference)[1]


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r", "cp866"])
@pytest.mark.parametrize(
    "text",
    [
        "Путин встретился с Си Цзиньпином",
        "9 сентября состоялось заседание",
        "НАТО уходит из Афганистана",
        "Facebook представил новый сервис.",
    ],
)
def test_short_texts_in_code_pages(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)) == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "binary file"),
        (b"\x00" * 64, "binary file"),
        ("Текст".encode("utf-16-le"), "binary file"),  # UTF-16 without a BOM
        (b"\xff\xfe\xfa broken", "cannot decode: a UTF-16 BOM, but no UTF-16 text after it"),
        (b"\xff\xfe\x00\xdcA\x00", "not valid UTF-16 at byte 2: illegal encoding"),  # a lone surrogate
        (b"\xff\xfeA\x00B", "not valid UTF-16 at byte 4: truncated data"),
        (
            "Посол Казахстана".encode() + b"\xff" + "в Пакистане".encode(),
            "cannot decode: not UTF-8 (byte 31), UTF-16 with BOM, Windows-1251, KOI8-R or CP866",
        ),
        (
            "Le café est très bon".encode("cp1252"),
            "cannot decode: not UTF-8 (byte 6), UTF-16 with BOM, Windows-1251, KOI8-R or CP866",
        ),
        (b" \n\t\r\n", "empty document"),
        ("\ufeff".encode(), "empty document"),
        (b"<!DOCTYPE html>\n<html><body>\xd0\x9f</body></html>", HTML_IN_TEXT),
        (b"\n  <HTML lang='ru'><body>\xd0\x9f</body></HTML>", HTML_IN_TEXT),
    ],
)
def test_bad_bytes_are_failures_with_a_reason(data: bytes, reason: str) -> None:
    assert read_bytes(data, HERE) == Failure("news.txt", reason, source_id="news.txt")


def test_only_a_text_that_starts_as_a_page_is_html() -> None:
    assert isinstance(read_bytes("<html> — тег, с которого начинается страница.".encode(), HERE), Failure)
    assert isinstance(read_bytes("Тег <html> начинает страницу.".encode(), HERE), Document)


# JSON Lines


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_reads_fields_and_reports_bad_lines(tmp_path: Path) -> None:
    good = {"id": "a1", "title": "Т", "published": "2025-01-02T10:00:00", "url": "http://x", "text": "Текст."}
    path = write_lines(
        tmp_path / "news.jsonl", [json.dumps(good, ensure_ascii=False), "{broken", json.dumps({"id": "a3"})]
    )
    items = list(read_paths([path], root=tmp_path))
    assert isinstance(items[0], Document)
    assert (items[0].id, items[0].title, items[0].published, items[0].url) == ("a1", "Т", date(2025, 1, 2), "http://x")
    assert items[0].source_id == "news.jsonl#a1"
    assert isinstance(items[1], Failure) and items[1].source.endswith("news.jsonl:2")
    assert (items[1].reason, items[1].source_id) == (
        "not JSON: Expecting property name enclosed in double quotes at column 2",
        "news.jsonl:2",
    )
    assert isinstance(items[2], Failure) and items[2].reason == "no field 'text'"


def test_jsonl_line_separators_inside_strings_keep_records_and_line_numbers(tmp_path: Path) -> None:
    text = "Первая строка\u2028вторая\u2029третья\x85четвёртая\x0cпятая."
    path = tmp_path / "news.jsonl"
    record = json.dumps({"text": text}, ensure_ascii=False)
    path.write_bytes(f"{record}\r\n\r\n{{broken\r\n{record}".encode())
    items = list(read_paths([path], root=tmp_path))
    assert [outcome(i) for i in items] == [
        ("Document", "news.jsonl:1"),
        ("Failure/read", "not JSON: Expecting property name enclosed in double quotes at column 2"),
        ("Document", "news.jsonl:4"),
    ]
    assert isinstance(items[0], Document) and items[0].text == text and items[0].id.endswith("news.jsonl:1")


GOOD = '"text": "Министр провёл встречу."'


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{broken", "not JSON: Expecting property name enclosed in double quotes at column 2"),
        ("[" * 100_000, "not JSON: maximum recursion depth exceeded while decoding a JSON array from a unicode string"),
        ('"Министр провёл встречу."', "a line must hold a JSON object, not a string"),
        ("[1, 2]", "a line must hold a JSON object, not an array"),
        ("null", "a line must hold a JSON object, not null"),
        ('{"id": "a1"}', "no field 'text'"),
        ('{"text": null}', "field 'text' must be a string, not null"),
        ('{"text": ["Министр"]}', "field 'text' must be a string, not an array"),
        ('{"text": " \\n "}', "field 'text': empty document"),
        ('{"text": "<!doctype html><html></html>"}', f"field 'text': {HTML_IN_TEXT}"),
        ('{"id": 1.5, ' + GOOD + "}", "field 'id' must be a string or an integer, not a number"),
        ('{"id": true, ' + GOOD + "}", "field 'id' must be a string or an integer, not a boolean"),
        ('{"id": {"n": 1}, ' + GOOD + "}", "field 'id' must be a string or an integer, not an object"),
        ('{"title": 5, ' + GOOD + "}", "field 'title' must be a string or null, not an integer"),
        ('{"url": ["http://x"], ' + GOOD + "}", "field 'url' must be a string or null, not an array"),
        ('{"published": "вчера", ' + GOOD + "}", "field 'published' is not an ISO date: 'вчера'"),
        ('{"published": "2025-13-01", ' + GOOD + "}", "field 'published' is not an ISO date: '2025-13-01'"),
        ('{"published": 20250102, ' + GOOD + "}", "field 'published' must be a string or null, not an integer"),
    ],
)
def test_each_bad_jsonl_record_is_one_failure(line: str, reason: str, tmp_path: Path) -> None:
    path = write_lines(tmp_path / "news.jsonl", ["{" + GOOD + "}", line, "{" + GOOD + "}"])
    items = list(read_paths([path], root=tmp_path))
    assert [outcome(i) for i in items] == [
        ("Document", "news.jsonl:1"),
        ("Failure/read", reason),
        ("Document", "news.jsonl:3"),
    ]
    assert isinstance(items[1], Failure) and (items[1].source, items[1].source_id) == (f"{path}:2", "news.jsonl:2")


@pytest.mark.parametrize(
    ("fields", "doc_id", "source_id", "published"),
    [
        ('"id": "a1"', "a1", "news.jsonl#a1", None),
        ('"id": 42', "42", "news.jsonl#42", None),
        ('"id": ""', "{path}:1", "news.jsonl:1", None),
        ('"id": null, "title": null, "url": null, "published": null', "{path}:1", "news.jsonl:1", None),
        ('"published": ""', "{path}:1", "news.jsonl:1", None),
        ('"published": "2025-01-02"', "{path}:1", "news.jsonl:1", date(2025, 1, 2)),
        ('"published": "2025-01-02T23:30:00+03:00"', "{path}:1", "news.jsonl:1", date(2025, 1, 2)),
        ('"published": "2025-01-02T10:00:00Z"', "{path}:1", "news.jsonl:1", date(2025, 1, 2)),
        ('"published": "2025-01-02 10:00"', "{path}:1", "news.jsonl:1", date(2025, 1, 2)),
        ('"lang": "ru", "tags": [1, {"a": null}], "score": 0.5', "{path}:1", "news.jsonl:1", None),
    ],
)
def test_good_jsonl_records(fields: str, doc_id: str, source_id: str, published: date | None, tmp_path: Path) -> None:
    path = write_lines(tmp_path / "news.jsonl", ["{" + fields + ", " + GOOD + "}"])
    doc = read_one(path, root=tmp_path)
    assert isinstance(doc, Document)
    assert (doc.id, doc.source_id, doc.published) == (doc_id.format(path=path), source_id, published)
    assert doc.text == "Министр провёл встречу."


def test_jsonl_lone_surrogate_escape_becomes_a_replacement_character(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "news.jsonl", ['{"id": "\\udc80", "text": "Министр\\ud800 провёл встречу."}'])
    doc = read_one(path, root=tmp_path)
    assert isinstance(doc, Document)
    assert (doc.text, doc.id) == ("Министр\ufffd провёл встречу.", "\ufffd")
    doc.text.encode("utf-8")


def test_jsonl_line_that_is_not_utf8_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    lines = [
        '{"text": "Министр провёл встречу."}',
        '{"text": "Посол вручил грамоты."}',
        '{"text": "Глава принял делегацию."}',
    ]
    path.write_bytes(b"\n".join([lines[0].encode(), lines[1].encode("cp1251"), lines[2].encode()]))
    assert [outcome(i) for i in read_paths([path], root=tmp_path)] == [
        ("Document", "news.jsonl:1"),
        ("Failure/read", "not valid UTF-8 at byte 10 of the line"),
        ("Document", "news.jsonl:3"),
    ]


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r", "utf-16"])
def test_jsonl_file_in_another_encoding_is_read_whole(encoding: str, tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    texts = ["Министр провёл встречу.", "Посол вручил верительные грамоты президенту."]
    path.write_bytes("\r\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in texts).encode(encoding))
    docs = list(read_paths([path], root=tmp_path))
    assert [d.text for d in docs if isinstance(d, Document)] == texts


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x00\x01\x02" * 100, "binary file"),
        (b"", "empty document"),
        (b"\n \r\n\n", "empty document"),
        (b"\xff\xfe\xfa broken", "cannot decode: a UTF-16 BOM, but no UTF-16 text after it"),
    ],
)
def test_jsonl_file_that_is_no_records_is_one_failure(data: bytes, reason: str, tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_bytes(data)
    assert read_one(path, root=tmp_path) == Failure(str(path), reason, source_id="news.jsonl")


# Files in folders


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("news.TXT", "Текст новости.", ("Document", "news.TXT")),
        ("news.Text", "Текст новости.", ("Document", "news.Text")),
        ("news", "Текст новости.", ("Document", "news")),
        ("notes.md", "# Заголовок\n\nТекст новости.", ("Document", "notes.md")),
        ("notes.markdown", "Текст новости.", ("Document", "notes.markdown")),
        ("news.NDJSON", '{"id": 1, "text": "Текст новости."}', ("Document", "news.NDJSON#1")),
        ("page.html", "<p>Текст</p>", ("Failure/read", "HTML page: no article text found")),
        ("page.HTM", "Текст", ("Failure/read", "HTML page: no article text found")),
        ("page.txt", "<!DOCTYPE html>\n<html>", ("Failure/read", HTML_IN_TEXT)),
        ("empty.txt", "", ("Failure/read", "empty document")),
        ("table.csv", "a,b", ("Skipped", "not a kind of file letopis reads (.csv)")),
        ("photo.JPG", "", ("Skipped", "not a kind of file letopis reads (.JPG)")),
        (".hidden.txt", "Текст новости.", ("Skipped", "hidden file")),
        (
            "english.txt",
            "The minister met the ambassador on Monday.",
            ("Failure/language", "language is en, not Russian (use --lang any to process it)"),
        ),
    ],
)
def test_what_becomes_of_a_file_in_a_folder(name: str, content: str, expected: tuple[str, str], tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_text(content, encoding="utf-8")
    assert outcome(read_one(tmp_path / "in", root=tmp_path / "in")) == expected


def test_explicit_files_are_read_whatever_the_suffix_but_html_as_a_page(tmp_path: Path) -> None:
    (tmp_path / "news.csv").write_text("Текст новости.", encoding="utf-8")
    (tmp_path / "page.html").write_text("Текст новости.", encoding="utf-8")
    assert outcome(read_one(tmp_path / "news.csv", root=tmp_path)) == ("Document", "news.csv")
    assert outcome(read_one(tmp_path / "page.html", root=tmp_path)) == (
        "Failure/read",
        "HTML page: no article text found",
    )


def test_directory_is_read_recursively_and_bad_files_are_reported(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Первый.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Второй.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa broken")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref", encoding="utf-8")
    items = list(read_paths([tmp_path, tmp_path / "missing.txt"], root=tmp_path))
    docs = [i.source_id for i in items if isinstance(i, Document)]
    failures = {Path(i.source).name: i.reason for i in items if isinstance(i, Failure)}
    assert docs == ["a/one.txt", "two.txt"]
    assert failures == {
        "bad.txt": "cannot decode: a UTF-16 BOM, but no UTF-16 text after it",
        "empty.txt": "empty document",
        "missing.txt": "no such file or directory",
    }
    assert [(Path(i.path).name, i.reason) for i in items if isinstance(i, Skipped)] == [(".git", "hidden folder")]


def test_symbolic_link_loop_is_walked_once(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "news.txt").write_text("Текст новости.", encoding="utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "self").symlink_to(tmp_path / "a" / "self")
    (tmp_path / "a" / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    assert [outcome(i) for i in read_paths([tmp_path / "a"], root=tmp_path)] == [
        ("Skipped", "not a regular file (a broken link, a device or a pipe)"),
        ("Skipped", "folder already read (reached again through a symbolic link)"),
        ("Document", "a/news.txt"),
        ("Skipped", "not a regular file (a broken link, a device or a pipe)"),
    ]


def test_explicit_path_that_is_no_file_or_folder(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    assert outcome(read_one(tmp_path / "pipe", root=tmp_path)) == ("Failure/read", "not a regular file or folder")
    assert outcome(read_one(tmp_path / "loop", root=tmp_path)) == ("Failure/read", "Too many levels of symbolic links")


@pytest.fixture
def locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder `locked` that cannot be listed, as after `chmod 000` (tests run as root, where it can)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "news.txt").write_text("Текст новости.", encoding="utf-8")
    scandir = os.scandir

    def refuse(path: str | os.PathLike[str]) -> Iterator[os.DirEntry[str]]:
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    return folder


def test_unreadable_folder_is_skipped_with_the_reason(locked: Path, tmp_path: Path) -> None:
    (tmp_path / "news.txt").write_text("Текст новости.", encoding="utf-8")
    assert [outcome(i) for i in read_paths([tmp_path], root=tmp_path)] == [
        ("Skipped", "cannot read folder: Permission denied"),
        ("Document", "news.txt"),
    ]


def test_unreadable_folder_given_explicitly_is_a_failure(locked: Path, tmp_path: Path) -> None:
    assert outcome(read_one(locked, root=tmp_path)) == ("Failure/read", "cannot read folder: Permission denied")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a folder whatever its mode")
def test_chmod_000_folder_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked").chmod(0)
    try:
        assert [outcome(i) for i in read_paths([tmp_path], root=tmp_path)] == [
            ("Skipped", "cannot read folder: Permission denied")
        ]
    finally:
        (tmp_path / "locked").chmod(0o755)


# Language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Президент подписал указ о помиловании", "ru"),
        ("Токаев провёл встречу", "ru"),
        ("Токаев", "ru"),
        ("ТАСС", "ru"),
        ("12:00 — 15 %", "ru"),
        ("", "ru"),
        ("Apple представила новый iPhone в Москве", "ru"),
        ("Қазақстан Республикасының Президенті Қасым-Жомарт Тоқаев Астанада Пәкістан елшісімен кездесу өткізді.", "kk"),
        ("Президент України Володимир Зеленський підписав указ про призначення нового посла в Казахстані.", "uk"),
        ("Прэзідэнт Беларусі сустрэўся з кіраўніком урада і абмеркаваў пытанні эканамічнага развіцця краіны.", "be"),
        ("The President of Kazakhstan met the Pakistani ambassador in Astana on Tuesday.", "en"),
        (
            "Министър-председателят на България заяви в понеделник, че правителството ще предложи нов бюджет за "
            "следващата година. Според него държавата трябва да увеличи разходите за образование и "
            "здравеопазване, като същевременно намали дефицита. Опозицията критикува плана и поиска оставката.",
            "bg",
        ),
    ],
)
def test_language_detection(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_every_bundled_text_is_russian() -> None:
    assert len(BUNDLED) == 123
    items = list(read_paths(BUNDLED, root=ROOT))
    assert [i for i in items if not isinstance(i, Document) or i.language != "ru"] == []


def test_other_languages_are_read_when_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text("Президент України Володимир Зеленський підписав указ про призначення посла.", encoding="utf-8")
    rejected = read_one(path, root=tmp_path)
    assert rejected == Failure(
        str(path), "language is uk, not Russian (use --lang any to process it)", stage="language", source_id="news.txt"
    )
    [doc] = read_paths([path], root=tmp_path, any_language=True)
    assert isinstance(doc, Document) and (doc.language, doc.source_id) == ("uk", "news.txt")
