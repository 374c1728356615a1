"""Config files: HeyGen streaming settings that the project's code loads (H2L401, H2L402).

JSON files (:mod:`..analysis.json_config`), INI files read with ``configparser``
(``.ini``/``.cfg``, :mod:`..analysis.ini_config`) and TOML files read with ``tomllib``
(``.toml``, :mod:`..analysis.toml_config`). A file is read only in a run whose code
calls streaming endpoints, and changed only where a value (a HeyGen API base, a HeyGen key
variable) sits under a key that code parsing that format reads by name; every other byte is
kept. A project whose code also calls HeyGen's other APIs (video) may read the same value for
them: reported, not changed (as for JSON, whose files hold no comments: no marker).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..analysis.ini_config import heygen_ini_values
from ..analysis.json_config import BASE_RULE, ConfigValue, heygen_config_values, with_values
from ..analysis.toml_config import heygen_toml_values
from ..model import KIND_FIX, KIND_MANUAL, Finding, ProjectFacts
from .diff import unified_diff
from .filekinds import FileMigration
from .walk import MAX_CONFIG_BYTES

if TYPE_CHECKING:
    from ..rules.base import RuleClass


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def is_ini(path: str) -> bool:
    """An INI file (``configparser``), not a JSON or TOML one."""
    return path.endswith((".ini", ".cfg"))


def is_toml(path: str) -> bool:
    """A TOML file (``tomllib``), not a JSON or INI one."""
    return path.endswith(".toml")


def _values(text: str, path: str, project: ProjectFacts) -> list[ConfigValue]:
    if is_toml(path):
        if not project.toml_config_keys:
            return []
        return heygen_toml_values(text, project.toml_config_keys)
    if is_ini(path):
        if not project.ini_config_keys:
            return []
        return heygen_ini_values(text, project.ini_config_keys)
    if not project.json_config_keys:
        return []
    return heygen_config_values(text, project.json_config_keys)


def migrate_config(
    data: bytes, display: str, rules: Sequence[RuleClass], project: ProjectFacts | None
) -> FileMigration:
    if project is None or not project.uses_streaming:
        return FileMigration(data)
    if len(data) > MAX_CONFIG_BYTES:
        return FileMigration(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return FileMigration(data)
    selected = {rule.code for rule in rules}
    values = [v for v in _values(text, display, project) if v.rule in selected]
    if not values:
        return FileMigration(data)
    findings: list[Finding] = []
    for value in values:
        line, column = _position(text, value.start)
        what = "base URL" if value.rule == BASE_RULE else "API-key variable"
        if project.uses_other_heygen_apis:
            findings.append(
                Finding(
                    value.rule,
                    KIND_MANUAL,
                    line,
                    column,
                    f"`{value.key}` ({value.value}) is the HeyGen {what} the code loads, and the "
                    "project also calls HeyGen's other APIs: give the streaming calls their own "
                    f"setting (`{value.new_value}`)",
                )
            )
        else:
            findings.append(
                Finding(
                    value.rule,
                    KIND_FIX,
                    line,
                    column,
                    f"`{value.key}`: the {what} the code loads for its streaming calls becomes "
                    f"`{value.new_value}`",
                )
            )
    if project.uses_other_heygen_apis:
        return FileMigration(data, findings)
    new_text = with_values(text, values)
    return FileMigration(
        new_text.encode("utf-8"), findings, diff=unified_diff(text, new_text, display)
    )


def keys_changed(data: bytes, path: str, project: ProjectFacts | None) -> set[str]:
    """The keys whose values a run with ``project``'s facts changes in this config file."""
    if project is None:
        return set()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return set()
    return {v.key for v in _values(text, path, project)}
