"""Declare what migrated code needs at run time (``livekit`` once it sends events) in the
project's dependency manifest, in that manifest's own style.

Rule H2L505 rewrites the requirements a manifest already has; this adds one it lacks. The
manifest is the nearest one above the migrated file (up to the git work tree's root):
``pyproject.toml`` (``[project] dependencies`` or Poetry's ``[tool.poetry.dependencies]``),
``setup.cfg`` (``install_requires``), else ``requirements.txt``. A run writes it only when it
was given the manifest (a whole-project run); otherwise, and when the project has no
manifest, a manual finding says what to add where.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from .dependencies import (
    FORMAT_PYPROJECT,
    FORMAT_REQUIREMENTS,
    FORMAT_SETUP_CFG,
    RequirementSite,
    TomlArray,
    TomlString,
    _TomlScanner,
    format_of,
    scan_pyproject,
    scan_requirements,
    scan_setup_cfg,
)

RUNTIME_RULE = "H2L201"
"""The event rules need it; their first code names the finding."""
# Packages that provide ``livekit.rtc`` (the agents framework depends on the SDK).
_PROVIDERS = frozenset({"livekit", "livekit-agents"})
LIVEKIT_REQUIREMENT = ("livekit", "1.0")
"""(package, minimum version): ``rtc.Room``, ``publish_data(..., reliable, topic)``."""

_MANIFESTS = ("pyproject.toml", "setup.cfg", "requirements.txt")
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_PROJECT_HEADER = re.compile(r"^\[project\]\s*$", re.MULTILINE)
_POETRY_HEADER = re.compile(r"^\[tool\.poetry\.dependencies\]\s*$", re.MULTILINE)
_DEPENDENCIES_KEY = re.compile(r"^dependencies\s*=\s*", re.MULTILINE)
_NEXT_HEADER = re.compile(r"^\[", re.MULTILINE)
_INSTALL_REQUIRES = re.compile(r"^install_requires\s*[=:][^\n]*\n?", re.MULTILINE)


@dataclass(frozen=True)
class Addition:
    """The manifest to edit and its new text (``None``: it cannot take the line by itself)."""

    path: str
    new_text: str | None
    message: str


def find_manifest(start: str) -> str | None:
    """The nearest dependency manifest at or above directory ``start`` (within the work tree)."""
    current = os.path.abspath(start)
    while True:
        for name in _MANIFESTS:
            candidate = os.path.join(current, name)
            if os.path.isfile(candidate) and _declares_dependencies(candidate):
                return candidate
        if os.path.exists(os.path.join(current, ".git")):
            return None
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def _declares_dependencies(path: str) -> bool:
    if not path.endswith(("pyproject.toml", "setup.cfg")):
        return True
    text = _read(path)
    if path.endswith("setup.cfg"):
        return _INSTALL_REQUIRES.search(text) is not None
    return _section(text, _PROJECT_HEADER) is not None or (
        _section(text, _POETRY_HEADER) is not None
    )


def _read(path: str) -> str:
    with open(path, encoding="utf-8-sig") as handle:
        return handle.read()


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def plan_addition(path: str, package: str, minimum: str) -> Addition | None:
    """How to add ``package >= minimum`` to the manifest at ``path``; ``None`` when declared."""
    text = _read(path)
    requirement = f"{package}>={minimum}"
    file_format = format_of(path)
    if file_format == FORMAT_PYPROJECT:
        sites, _extras = scan_pyproject(text)
        names = {
            _normalized(s.name) if not isinstance(s, RequirementSite) else _name_of(s.text)
            for s in sites
        }
    elif file_format == FORMAT_SETUP_CFG:
        names = {_name_of(s.text) for s in scan_setup_cfg(text)}
    else:
        names = {_name_of(s.text) for s in scan_requirements(text)}
    if names & _PROVIDERS:
        return None
    message = f"adds `{requirement}`: the migrated code sends LiveAvatar events with it"
    if file_format == FORMAT_REQUIREMENTS:
        newline = "\r\n" if "\r\n" in text else "\n"
        lead = "" if not text or text.endswith(("\n", "\r")) else newline
        return Addition(path, f"{text}{lead}{requirement}{newline}", message)
    if file_format == FORMAT_SETUP_CFG:
        return Addition(path, _add_to_setup_cfg(text, requirement), message)
    new_text = _add_to_project(text, requirement)
    if new_text is None:
        new_text = _add_to_poetry(text, package, minimum)
    return Addition(path, new_text, message)


def _name_of(requirement: str) -> str:
    match = _NAME.match(requirement)
    return _normalized(match.group(1)) if match else ""


def _section(text: str, header: re.Pattern[str]) -> tuple[int, int] | None:
    match = header.search(text)
    if match is None:
        return None
    following = _NEXT_HEADER.search(text, match.end())
    return match.end(), following.start() if following else len(text)


def _add_to_project(text: str, requirement: str) -> str | None:
    """A new item in ``[project] dependencies``, laid out like the others."""
    section = _section(text, _PROJECT_HEADER)
    if section is None:
        return None
    key = _DEPENDENCIES_KEY.search(text, *section)
    if key is None:
        return None
    array, end = _TomlScanner(text).value(key.end())
    if not isinstance(array, TomlArray):
        return None
    items = [item for item in array.items if isinstance(item, TomlString)]
    close = end - 1  # the ``]``
    quote = text[items[-1].start - 1] if items else '"'
    new_item = f"{quote}{requirement}{quote}"
    if not items:
        return f"{text[:close]}{new_item}{text[close:]}"
    after_quote = items[-1].end + 1
    if "\n" not in text[key.end() : close]:
        return f"{text[:after_quote]}, {new_item}{text[after_quote:]}"
    line_start = text.rfind("\n", 0, items[-1].start) + 1
    indent = text[line_start : items[-1].start - 1]
    rest = text[after_quote:close]
    if rest.lstrip().startswith(","):  # a trailing comma: keep one after the new item too
        insert_at = after_quote + rest.index(",") + 1
        return f"{text[:insert_at]}\n{indent}{new_item},{text[insert_at:]}"
    return f"{text[:after_quote]},\n{indent}{new_item}{text[after_quote:]}"


def _add_to_poetry(text: str, package: str, minimum: str) -> str | None:
    section = _section(text, _POETRY_HEADER)
    if section is None:
        return None
    body = text[section[0] : section[1]].rstrip("\n")
    caret = re.search(r'=\s*"\^', body) is not None
    line = f'{package} = "{"^" if caret else ">="}{minimum}"'
    insert_at = section[0] + len(body)
    return f"{text[:insert_at]}\n{line}{text[insert_at:]}"


def _add_to_setup_cfg(text: str, requirement: str) -> str | None:
    """A new continuation line of ``install_requires``, indented like the others."""
    match = _INSTALL_REQUIRES.search(text)
    if match is None:
        return None
    position = match.end()
    indent = "    "
    while position < len(text):
        newline = text.find("\n", position)
        end = len(text) if newline < 0 else newline + 1
        line = text[position:end]
        if line[:1] not in (" ", "\t") or not line.strip():
            break
        indent = line[: len(line) - len(line.lstrip())]
        position = end
    head = text[:position] if text[:position].endswith("\n") else text[:position] + "\n"
    return f"{head}{indent}{requirement}\n{text[position:]}"
