"""``file_style.line_shape`` reads a line as Python's tokenizer does (it replaced a
``tokenize`` call): over every line of the tests and of the standard library's top-level
modules, two lines have the same shape (or none) exactly when ``tokenize`` says so."""

from __future__ import annotations

import io
import sysconfig
import tokenize
from pathlib import Path

from heygen2liveavatar.analysis.file_style import line_shape

Shape = tuple[tuple[int, str], ...]


def _tokenize_shape(line: str) -> Shape | None:
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(line.strip() + "\n").readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return None
    skipped = (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER, tokenize.COMMENT)
    return tuple(
        (t.type, t.string if t.type == tokenize.OP else "") for t in tokens if t.type not in skipped
    )


def _lines() -> list[str]:
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    files = sorted(stdlib.glob("*.py"))[:120] + sorted(Path(__file__).parent.glob("*.py"))
    found: list[str] = []
    for path in files:
        found += path.read_text(encoding="utf-8", errors="replace").splitlines()
    return found


def test_line_shapes_agree_with_the_tokenizer() -> None:
    ours_of: dict[Shape, Shape] = {}
    theirs_of: dict[Shape, Shape] = {}
    lines = _lines()
    assert len(lines) > 20_000
    for line in lines:
        theirs = _tokenize_shape(line)
        ours = line_shape.__wrapped__(line)
        assert (ours is None) == (theirs is None), line
        if ours is None or theirs is None:
            continue
        assert ours_of.setdefault(theirs, ours) == ours, line
        assert theirs_of.setdefault(ours, theirs) == theirs, line


def test_line_shapes_of_some_lines() -> None:
    assert line_shape("resp = requests.post(url, json={'a': 1})") == line_shape(
        'r = httpx.post(BASE_URL, json={"avatar_id": 2})'
    )
    assert line_shape("foo(") is None  # a bracket's contents follow
    assert line_shape('"""Docstring') is None
    assert line_shape("x = 1 \\") is None
    assert line_shape("x = 1  # a comment \\") == line_shape("y = 2")
    assert line_shape("HeyGen's key") is not None  # prose: an error token, as tokenize reads it
