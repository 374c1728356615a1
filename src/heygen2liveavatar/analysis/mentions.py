"""Text that mentions HeyGen endpoints without using them: comments, docstrings, prose.

Comments, docstrings, log messages and UI text are never usage: a file that calls only
HeyGen's video API and says ``streaming.task`` in a comment has nothing to migrate. This
module decides, without LibCST (the runner calls it while scanning a project), which parts
of a file are code, and which string values are sentences rather than URLs or markup.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

# Code held in a string (a browser page, a Streamlit component): not prose, even though it
# has words and spaces. An endpoint named there is called by that code.
_MARKUP = re.compile(r"fetch\(|=>|\bfunction\b|<script|XMLHttpRequest|axios\.|\$\.ajax|\bawait\b")
MAX_TOKENIZED = 512 * 1024
"""Larger files are read as bytes: a mention in a comment then counts as usage (kept from when
the facts ran Python's tokenizer, whose cost this bounded)."""
_WORD = re.compile(r"[(\"'`]?[A-Za-z]+[,.;:!?)\"'`]*")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_JS_COMMENT = re.compile(r"(?m)(?:^|\s)//[^\n]*|/\*.*?\*/", re.DOTALL)


def looks_like_code(value: str) -> bool:
    """HTML or JavaScript (or any code) held in a Python string."""
    return _MARKUP.search(value) is not None


def is_prose(value: str) -> bool:
    """A sentence (a log message, a help text, a label), not a URL, path or code.

    URLs, paths and f-string pieces have no run of plain words separated by spaces; a
    sentence has at least three. Code held in a string is not prose.
    """
    if looks_like_code(value):
        return False
    words = 0
    for token in value.split():
        if _WORD.fullmatch(token):
            words += 1
            if words >= 3:
                return True
    return False


def without_markup_comments(value: str) -> str:
    """``value`` without HTML (``<!-- -->``) and JavaScript (``//``, ``/* */``) comments."""
    value = _HTML_COMMENT.sub(" ", value)
    # ``//`` inside ``https://`` is kept: only a ``//`` at a line start or after a space.
    return _JS_COMMENT.sub(" ", value)


def _string_value(token_text: str) -> str:
    """The characters between the quotes of a string token (prefixes and quotes dropped)."""
    start = 0
    while start < len(token_text) and token_text[start] not in "'\"":
        start += 1
    body = token_text[start:]
    for quote in ('"""', "'''", '"', "'"):
        if body.startswith(quote) and body.endswith(quote) and len(body) >= 2 * len(quote):
            return body[len(quote) : -len(quote)]
    return body


# A comment, or a string literal with its prefix (``rb"..."``, ``f'''...'''``): what the
# tokenizer would find, in one pass of the regular-expression engine over the file's bytes.
_LEXEME = re.compile(
    rb"(#[^\r\n]*)"
    rb"|((?:(?<![\w])[rRbBuUfF]{1,2})?(?:'''(?:[^'\\]|\\.|'(?!''))*'''"
    rb'|"""(?:[^"\\]|\\.|"(?!""))*"""'
    rb"|'(?:[^'\\\r\n]|\\.)*'"
    rb'|"(?:[^"\\\r\n]|\\.)*"))',
    re.DOTALL,
)
LEXEME_TEXT = re.compile(_LEXEME.pattern.decode(), re.DOTALL)
"""The same lexemes in text: group 1 a comment, group 2 a string with its prefix."""


def file_quote(text: str) -> str:
    """The quote most of the file's one-line strings without a prefix use (double on a tie).

    Read from the text (one pass of the regular-expression engine), not the tree, so that the
    answer is the whole file's when the tree holds only part of it."""
    single = double = 0
    for match in LEXEME_TEXT.finditer(text):
        string = match.group(2)
        if string is None or string.startswith(_TRIPLE_QUOTES):
            continue
        if string[0] == "'":
            single += 1
        elif string[0] == '"':
            double += 1
    return "'" if single > double else '"'


_TRIPLE_QUOTES = ("'''", '"""')


class CodeSpans:
    """Which bytes of a Python file are code, for the byte patterns the project facts count:
    a match counts when it starts in code or in a string that is neither a docstring nor
    prose (in code held in a string, outside its own comments). Strings are told apart from
    comments by one pass of the regular-expression engine.

    ``bare_strings`` are the ``(line, column, end line, end column)`` of the statements that
    are only strings (docstrings), as the ``ast`` parse the facts make anyway gives them (lines
    from 1, columns in bytes). (Python's tokenizer, which this replaced, cost a third of a
    LibCST parse of the file.)
    """

    def __init__(self, data: bytes, bare_strings: Sequence[tuple[int, int, int, int]]) -> None:
        self.data = data
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.comments: list[bool] = []
        for match in _LEXEME.finditer(data):
            self.starts.append(match.start())
            self.ends.append(match.end())
            self.comments.append(match.group(1) is not None)
        self.bare_strings = bare_strings
        self._bare_spans: list[tuple[int, int]] | None = None

    def has_match(self, pattern: re.Pattern[bytes], lowered: bytes) -> bool:
        """Whether ``pattern`` matches ``lowered`` (the file's bytes, lower-cased) in code."""
        return any(self._counts(pattern, match.start()) for match in pattern.finditer(lowered))

    def _counts(self, pattern: re.Pattern[bytes], position: int) -> bool:
        at = bisect_right(self.starts, position) - 1
        if at < 0 or position >= self.ends[at]:
            return True  # code
        if self.comments[at]:
            return False
        start, end = self.starts[at], self.ends[at]
        if self._in_bare_statement(start):
            return False
        value = _string_value(self.data[start:end].decode("utf-8", "replace"))
        if looks_like_code(value):
            # The match must be in the string's code, not in its own comments.
            return pattern.search(without_markup_comments(value).lower().encode()) is not None
        return not is_prose(value)

    def _in_bare_statement(self, start: int) -> bool:
        if self._bare_spans is None:
            # Offsets of line starts, as ``ast`` counts lines (``\r\n``, ``\r`` or ``\n``).
            lines = [0, *(m.end() for m in _LINE_END.finditer(self.data))]
            self._bare_spans = sorted(
                (lines[line - 1] + column, lines[end_line - 1] + end_column)
                for line, column, end_line, end_column in self.bare_strings
                if end_line <= len(lines)
            )
        spans = self._bare_spans
        at = bisect_right(spans, (start, len(self.data) + 1)) - 1
        return at >= 0 and start < spans[at][1]


_LINE_END = re.compile(rb"\r\n|\r|\n")
