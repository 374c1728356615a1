"""HeyGen streaming settings held in an INI config file that the project's code reads with
``configparser``.

``avatar.ini`` with ``base_url = https://api.heygen.com`` and ``api_key_env = HEYGEN_API_KEY``
under ``[heygen]``, read by ``cfg.read("avatar.ini")``, ``cfg["heygen"]["base_url"]`` or
``cfg.get("heygen", "api_key_env")``: the same settings as a JSON config (``json_config.py``),
in another syntax. Only a value that is exactly a HeyGen API base or a HeyGen key variable,
under an option that the project's code reads from a config parser, is recognised; comments,
spacing, other options and sections are never touched.
"""

from __future__ import annotations

import configparser
import re

from .json_config import ConfigValue, confirmed_values, replacement_of

# ``option = value`` (or ``:``) on one line, as ``configparser`` reads it by default: no
# inline comments, surrounding blanks not part of the value. Offsets are checked against the
# parsed document below (a continuation line or an option given twice makes nothing certain).
_OPTION = re.compile(
    r"^(?P<key>[^\s\[;#=:][^=:\n]*?)[ \t]*[=:][ \t]*(?P<value>[^\n]*?)[ \t]*\r?$",
    re.MULTILINE,
)
_NO_DEFAULT_SECTION = "\0"
"""``[DEFAULT]`` read as a section of its own: its options are not repeated in every section."""


def heygen_ini_values(text: str, code_keys: frozenset[str]) -> list[ConfigValue]:
    """The HeyGen settings of an INI document under options the code reads (``code_keys``,
    lower case: ``configparser`` folds option names).

    Empty when ``configparser`` does not read the text (no section header, an option twice),
    or when the options found line by line are not exactly the parsed document's.
    """
    parser = configparser.ConfigParser(interpolation=None, default_section=_NO_DEFAULT_SECTION)
    try:
        parser.read_string(text)
    except configparser.Error:
        return []
    expected = sorted(
        (key, value)
        for section in parser.sections()
        for key, value in parser.items(section, raw=True)
        if key in code_keys and replacement_of(value) is not None
    )
    pairs = (
        (m.group("key").strip().lower(), m.group("value"), m.start("value"))
        for m in _OPTION.finditer(text)
    )
    return confirmed_values(pairs, code_keys, expected)
