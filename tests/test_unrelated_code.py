"""Precision on module-sized files: code that has nothing to do with HeyGen is never touched.

A module that calls HeyGen in a real project also holds unrelated code: helpers, classes, a
command line, file handling. Every golden input is migrated here with a small module of the
standard library appended (as the Rewrite benchmark builds its dense tree); the appended part
must come out byte for byte, with no finding in it. This is how a bare call of the builtin
``open(path, "rb")`` was found taken for a HeyGen client's ``open`` method and its mode
marked as an avatar id.
"""

from __future__ import annotations

import ast
import re
import sysconfig
from pathlib import Path

import pytest

from heygen2liveavatar import migrate_source

FIXTURES = Path(__file__).parent / "fixtures"
_HEYGEN = re.compile(r"heygen|streaming", re.IGNORECASE)


def _unrelated_modules() -> list[tuple[str, str]]:
    """Standard-library modules of 100 to 300 lines that mention neither HeyGen nor
    streaming, have no ``__future__`` import (it must stay first) and parse here."""
    found: list[tuple[str, str]] = []
    for path in sorted(Path(sysconfig.get_paths()["stdlib"]).glob("*.py")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if not 100 <= text.count("\n") <= 300 or "__future__" in text or _HEYGEN.search(text):
            continue
        try:
            ast.parse(text)
        except SyntaxError:
            continue
        found.append((path.name, text))
    return found


UNRELATED = _unrelated_modules()
INPUTS = sorted(
    path
    for path in FIXTURES.glob("*/*/input.py")
    if _HEYGEN.search(path.read_text(encoding="utf-8"))
)


def test_there_is_unrelated_code_to_append() -> None:
    assert len(UNRELATED) >= 10, "too few small standard-library modules found"


@pytest.mark.parametrize(
    "number", range(len(INPUTS)), ids=[f"{p.parent.parent.name}/{p.parent.name}" for p in INPUTS]
)
def test_appended_unrelated_code_is_untouched(number: int) -> None:
    path = INPUTS[number]
    name, unrelated = UNRELATED[(number * 7) % len(UNRELATED)]
    source = path.read_text(encoding="utf-8")
    try:
        ast.parse(source)
    except SyntaxError:
        pytest.skip("the fixture is deliberately not valid Python")
    combined = source.rstrip("\n") + "\n\n\n" + unrelated
    boundary = combined.count("\n") - unrelated.count("\n")  # lines before the appended part
    result = migrate_source(combined, str(path))
    assert result.code.endswith(unrelated), f"{name}, appended to the fixture, was changed"
    inside = [f for f in result.findings if f.line > boundary]
    assert not inside, f"findings in {name}, appended to the fixture: {inside}"
