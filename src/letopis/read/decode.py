"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1251, KOI8-R or CP866.

Strict UTF-8 is tried first, since nearly every file is UTF-8. A UTF-16 BOM comes next. Anything else goes
to charset-normalizer, restricted to the Cyrillic code pages a Russian text can be in: `Привет` in KOI8-R
(`f0 d2 c9 d7 c5 d4`) reads as `Привет`, not as the Windows-1251 `рТЙЧЕФ`.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer
from charset_normalizer.md import mess_ratio

CODE_PAGES = ("cp1251", "koi8_r", "cp866")
CANNOT_DECODE = "cannot decode: not UTF-8 (byte {}), UTF-16 with BOM, Windows-1251, KOI8-R or CP866"

# C0 control bytes other than whitespace (NUL, SOH, ...): a text file has next to none, a binary file many.
CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\v\f\r")
SNIFF_BYTES = 8192
MAX_CONTROL_SHARE = 0.01
MAX_MESS = 0.2  # charset-normalizer's own threshold for a plausible decoding

LOWER_RUSSIAN = re.compile("[а-яё]")
RUSSIAN = re.compile("[а-яёА-ЯЁ]")


def decode(data: bytes) -> str:
    """The text of a file's bytes; `ValueError` with the reason when it is binary or in no known encoding."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return utf16(data)
    if is_binary(data):
        raise ValueError("binary file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return code_page(data, error.start)


def utf16(data: bytes) -> str:
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as error:
        raise ValueError(f"not valid UTF-16 at byte {error.start}: {error.reason}") from None
    if mess_ratio(text[:SNIFF_BYTES]) >= MAX_MESS:
        raise ValueError("cannot decode: a UTF-16 BOM, but no UTF-16 text after it")
    return text


def is_binary(data: bytes) -> bool:
    """Control bytes (NUL and the like) in bulk in the first 8 KiB: an image, an archive, UTF-16 without a BOM."""
    sample = data[:SNIFF_BYTES]
    return len(sample) - len(sample.translate(None, CONTROL_BYTES)) > MAX_CONTROL_SHARE * len(sample)


def code_page(data: bytes, not_utf8: int) -> str:
    """The Cyrillic code page charset-normalizer finds plausible; of several, the one giving the most
    lowercase Russian letters (KOI8-R read as Windows-1251 turns `сентября` into `УЕОФСВТС`)."""
    matches = list(charset_normalizer.from_bytes(data, cp_isolation=list(CODE_PAGES)))
    if not matches:
        raise ValueError(CANNOT_DECODE.format(not_utf8))
    texts = [str(match) for match in matches]
    return max(texts, key=lambda text: (len(LOWER_RUSSIAN.findall(text)), len(RUSSIAN.findall(text))))
