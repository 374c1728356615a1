"""HeyGen streaming settings held in a TOML config file that the project's code loads with
``tomllib`` (or ``tomli`` / ``toml``).

``announcer.toml`` with ``base_url = "https://api.heygen.com"`` and ``key_env =
"HEYGEN_API_KEY"`` under ``[heygen]``, read by ``doc = tomllib.loads(...)``,
``doc["heygen"]["base_url"]``: the same settings as a JSON config (``json_config.py``), in
another syntax. Only a value that is exactly a HeyGen API base or a HeyGen key variable, a
one-line string (basic or literal) under a key that the project's code reads from a parsed
document, is recognised; comments, spacing, other keys and tables are never touched.
"""

from __future__ import annotations

import re
import sys

from .json_config import ConfigValue, confirmed_values, leaves, replacement_of

_BARE_OR_QUOTED = r"""(?:[A-Za-z0-9_-]+|"[^"\\\n]*"|'[^'\n]*')"""
# ``key = "value"`` or ``key = 'value'`` at the start of a line, the key possibly dotted
# (``heygen.base_url``): the last part names the value. A multi-line string (three quotes)
# never matches a value; offsets are checked against the parsed document below (an inline
# table, an array or a string spanning lines makes nothing certain).
_PAIR = re.compile(
    rf"""^[ \t]*(?P<key>{_BARE_OR_QUOTED}(?:[ \t]*\.[ \t]*{_BARE_OR_QUOTED})*)[ \t]*=[ \t]*"""
    r"""(?:"(?P<basic>[^"\\\n]*)"(?!")|'(?P<literal>[^'\n]*)'(?!'))""",
    re.MULTILINE,
)
_LAST_PART = re.compile(rf"""{_BARE_OR_QUOTED}[ \t]*$""")


def _key_name(dotted: str) -> str:
    last = _LAST_PART.search(dotted)
    name = last.group(0).strip() if last else dotted
    return name[1:-1] if name[:1] in "\"'" else name


def heygen_toml_values(text: str, code_keys: frozenset[str]) -> list[ConfigValue]:
    """The HeyGen settings of a TOML document under keys the code reads (``code_keys``).

    Empty when ``tomllib`` does not read the text, or when the pairs found line by line are
    not exactly the parsed document's; and on an interpreter without ``tomllib`` (before
    3.11) nor ``tomli``.
    """
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on old interpreters only
        try:
            import tomli as tomllib
        except ImportError:
            return []
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return []
    expected = sorted(
        (key, value)
        for key, value in leaves(document)
        if key in code_keys and isinstance(value, str) and replacement_of(value) is not None
    )
    pairs = []
    for m in _PAIR.finditer(text):
        group = "basic" if m.group("basic") is not None else "literal"
        pairs.append((_key_name(m.group("key")), m.group(group), m.start(group)))
    return confirmed_values(pairs, code_keys, expected)
