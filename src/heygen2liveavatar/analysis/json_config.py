"""HeyGen streaming settings held in a JSON config file that the project's code loads.

``guide.json`` with ``"api_base": "https://api.heygen.com/v1"`` and ``"api_key_env":
"HEYGEN_API_KEY"``, read by ``raw = json.loads(...)``, ``raw["api_base"]``: the code builds its
streaming URLs on the base and reads the key from the variable the file names, so the file is
the project's configuration as much as a settings module is. Only values that are exactly a
HeyGen API base or a HeyGen key variable, under a key that the project's code reads from parsed
JSON, are recognised; everything else in the file (other services' settings) is never touched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..apispec import HEYGEN_HOST, LIVEAVATAR_API_KEY_NAME, LIVEAVATAR_HOST

BASE_RULE = "H2L401"
KEY_RULE = "H2L402"

_HEYGEN_BASE = re.compile(r"https?://api\.heygen\.com(?:/v1)?/?")
_KEY_VARIABLE = re.compile(r"HEYGEN(?:_[A-Z0-9]+)*_(?:API_)?(?:KEY|TOKEN)")
# ``"key": "value"`` with both strings free of escapes (a value that needs one is not a base
# URL or a variable name); the offsets are checked against the parsed document below.
_PAIR = re.compile(r'"(?P<key>[^"\\\n]*)"\s*:\s*"(?P<value>[^"\\\n]*)"')


@dataclass(frozen=True)
class ConfigValue:
    """One HeyGen setting in the file and what it becomes."""

    key: str
    value: str
    start: int
    """Offset of the value's first character (inside the quotes) in the text."""
    rule: str
    new_value: str


def replacement_of(value: str) -> tuple[str, str] | None:
    if _HEYGEN_BASE.fullmatch(value):
        return BASE_RULE, value.replace(HEYGEN_HOST, LIVEAVATAR_HOST, 1)
    if _KEY_VARIABLE.fullmatch(value):
        return KEY_RULE, LIVEAVATAR_API_KEY_NAME
    return None


def leaves(value: object, key: str | None = None) -> Iterator[tuple[str | None, object]]:
    """Every scalar of a parsed document (JSON, TOML) with the key it sits under (``None``
    for an item of a list)."""
    if isinstance(value, dict):
        for inner_key, inner in value.items():
            yield from leaves(inner, inner_key)
    elif isinstance(value, list):
        for inner in value:
            yield from leaves(inner, None)
    else:
        yield key, value


def heygen_config_values(text: str, code_keys: frozenset[str]) -> list[ConfigValue]:
    """The HeyGen settings of a JSON document under keys the code reads (``code_keys``).

    Empty when the text is not JSON, or when the pairs found in the text are not exactly the
    document's (a value spelled with escapes, a key given twice): then nothing is certain.
    """
    try:
        document = json.loads(text)
    except ValueError:
        return []
    expected = sorted(
        (key, value)
        for key, value in leaves(document)
        if key in code_keys and isinstance(value, str) and replacement_of(value) is not None
    )
    pairs = ((m.group("key"), m.group("value"), m.start("value")) for m in _PAIR.finditer(text))
    return confirmed_values(pairs, code_keys, expected)


def confirmed_values(
    pairs: Iterable[tuple[str, str, int]],
    code_keys: frozenset[str],
    expected: list[tuple[str, str]],
) -> list[ConfigValue]:
    """The HeyGen values among ``(key, value, offset)`` pairs found in a config file's text,
    under keys the code reads; empty unless they are exactly the parsed document's
    ``expected`` (key, value) pairs, sorted: a text read differently from its parse is not
    rewritten."""
    found: list[ConfigValue] = []
    for key, value, start in pairs:
        if key not in code_keys:
            continue
        replacement = replacement_of(value)
        if replacement is not None:
            rule, new_value = replacement
            found.append(ConfigValue(key, value, start, rule, new_value))
    if sorted((v.key, v.value) for v in found) != expected:
        return []
    return found


def with_values(text: str, values: list[ConfigValue]) -> str:
    """``text`` with each value replaced, every other character kept."""
    pieces: list[str] = []
    position = 0
    for value in sorted(values, key=lambda v: v.start):
        pieces.append(text[position : value.start])
        pieces.append(value.new_value)
        position = value.start + len(value.value)
    pieces.append(text[position:])
    return "".join(pieces)
