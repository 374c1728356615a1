"""Bytes to text and back, exactly: encodings (BOM, PEP 263 cookies) and newlines are kept."""

from __future__ import annotations

import codecs
import io
import re
import tokenize
from dataclasses import dataclass

from .._prefilter import wide_encoding
from ..model import MigrationError

# A BOM may precede the cookie: then CPython insists the cookie says UTF-8.
_COOKIE = re.compile(rb"^(?:\xef\xbb\xbf)?[ \t\f]*#.*?coding[:=]", re.MULTILINE)


@dataclass(frozen=True)
class DecodedSource:
    text: str
    encoding: str
    """The codec used, ``utf-8-sig`` when the file starts with a UTF-8 BOM."""

    def encode(self, text: str) -> bytes:
        return text.encode(self.encoding)

    @property
    def python_readable(self) -> bool:
        """False for UTF-16 and UTF-32: read for analysis, but CPython cannot run such a
        file, and the tool does not write one (see the runner)."""
        return self.encoding not in ("utf-16", "utf-32")


def _line_of_offset(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, offset - start + 1


def decode_source(data: bytes, filename: str) -> DecodedSource:
    """Decode Python source as Python would: BOM, then a coding cookie, else UTF-8.

    Raises :class:`MigrationError` naming the line of the first bad byte. A file with a
    UTF-16 or UTF-32 byte-order mark is decoded too (Python itself would refuse it), so that
    its HeyGen usage is found and reported rather than skipped.
    """
    wide = wide_encoding(data)
    if wide is not None:
        try:
            return DecodedSource(data.decode(wide), wide)
        except UnicodeDecodeError as exc:
            raise MigrationError(
                f"cannot decode as {wide} (byte-order mark): byte {exc.start} is invalid", filename
            ) from None
    nul = data.find(b"\x00")
    if nul != -1:
        line, column = _line_of_offset(data, nul)
        raise MigrationError("source contains a null byte", filename, line, column)
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as exc:
        first_lines = data.splitlines()[:2]
        cookie_line = next(
            (number for number, text in enumerate(first_lines, 1) if _COOKIE.search(text)), 0
        )
        if cookie_line:
            message = exc.msg
            if data.startswith(codecs.BOM_UTF8):
                message = (
                    "the file starts with a UTF-8 byte-order mark but declares another encoding"
                )
            raise MigrationError(
                f"bad encoding declaration: {message}", filename, cookie_line
            ) from None
        # No cookie: detection failed only because the first lines are not UTF-8;
        # decoding below names the exact bad byte.
        encoding = "utf-8"
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise MigrationError(f"unknown encoding {encoding!r}", filename, 1) from None
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line, column = _line_of_offset(data, exc.start)
        raise MigrationError(
            f"cannot decode as {encoding}: byte 0x{data[exc.start]:02x} is invalid",
            filename,
            line,
            column,
        ) from None
    return DecodedSource(text, encoding)
