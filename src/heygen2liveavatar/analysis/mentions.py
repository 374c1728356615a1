"""Text that mentions HeyGen endpoints without using them: comments, docstrings, prose.

Comments, docstrings, log messages and UI text are never usage: a file that calls only
HeyGen's video API and says ``streaming.task`` in a comment has nothing to migrate. This
module decides, without LibCST (the runner calls it while scanning a project), which parts
of a file are code, and which string values are sentences rather than URLs or markup.
"""

from __future__ import annotations

import io
import re
import tokenize

# Code held in a string (a browser page, a Streamlit component): not prose, even though it
# has words and spaces. An endpoint named there is called by that code.
_MARKUP = re.compile(r"fetch\(|=>|\bfunction\b|<script|XMLHttpRequest|axios\.|\$\.ajax|\bawait\b")
MAX_TOKENIZED = 512 * 1024
"""Larger files are read as bytes: a mention in a comment then counts as usage."""
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


def code_text(data: bytes) -> bytes | None:
    """The file's code with comments, docstrings (any bare string statement) and prose
    strings left out; ``None`` when it does not tokenize or is over ``MAX_TOKENIZED`` bytes
    (the caller keeps the raw bytes).

    Strings that hold code (HTML or JavaScript) keep their text minus its own comments.
    """
    if len(data) > MAX_TOKENIZED:
        return None  # the tokens of a huge file would cost far more than its bytes
    try:
        tokens = list(tokenize.tokenize(io.BytesIO(data).readline))
    except (tokenize.TokenError, SyntaxError, UnicodeDecodeError, ValueError):
        return None
    kept: list[str] = []
    statement_start = True
    for index, token in enumerate(tokens):
        kind = token.type
        if kind in (tokenize.COMMENT, tokenize.ENCODING):
            continue
        if kind in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
            if kind == tokenize.NEWLINE or kind in (tokenize.INDENT, tokenize.DEDENT):
                statement_start = True
            kept.append("\n")
            continue
        if kind == tokenize.STRING:
            if statement_start and _bare_string_statement(tokens, index):
                continue
            statement_start = False
            value = _string_value(token.string)
            if looks_like_code(value):
                kept.append(without_markup_comments(value))
            elif not is_prose(value):
                kept.append(token.string)
            continue
        if kind == tokenize.OP and token.string == ":":
            kept.append(token.string)
            statement_start = _block_opens(tokens, index)
            continue
        statement_start = False
        kept.append(token.string)
    return " ".join(kept).encode("utf-8", "surrogatepass")


def _block_opens(tokens: list[tokenize.TokenInfo], index: int) -> bool:
    """A ``:`` followed by the end of the line (a block opens: the next string may be a
    docstring on the next line)."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return following is not None and following.type in (tokenize.NEWLINE, tokenize.COMMENT)


def _bare_string_statement(tokens: list[tokenize.TokenInfo], index: int) -> bool:
    """Strings (implicitly concatenated) that form a whole statement: a docstring or text
    with no effect."""
    position = index
    while position < len(tokens) and tokens[position].type in (tokenize.STRING, tokenize.NL):
        position += 1
    if position >= len(tokens):
        return True
    following = tokens[position]
    return following.type in (tokenize.NEWLINE, tokenize.ENDMARKER, tokenize.COMMENT) or (
        following.type == tokenize.OP and following.string == ";"
    )
