"""Dependency declarations: requirements files, ``pyproject.toml`` and ``setup.cfg``, as text.

Each format has a small scanner that finds the requirement strings (and, for Poetry, the
package keys, constraints and extras) with their offsets; the rewriting itself is rule H2L505's
(:mod:`..analysis.dependency_moves`, shared with its ``setup.py`` check), applied to those spans
only, so comments,
formatting, other packages and the file's newlines are untouched. Manual findings put a
``# TODO(heygen2liveavatar): ...`` line above the requirement, once.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Union

from ..analysis import dependency_moves
from ..analysis.requirements import apply_edits, normalize
from ..apispec.frameworks import PackageMove
from ..model import KIND_FIX, KIND_MANUAL, MARKER_PREFIX, Finding, MigrationError, ProjectFacts
from .diff import unified_diff
from .filekinds import FileMigration

if TYPE_CHECKING:
    from ..rules.base import RuleClass

DEPENDENCY_RULE = "H2L505"

FORMAT_REQUIREMENTS = "requirements"
FORMAT_PYPROJECT = "pyproject"
FORMAT_SETUP_CFG = "setup.cfg"


def format_of(display: str) -> str:
    name = os.path.basename(display.replace("\\", "/"))
    if name == "pyproject.toml":
        return FORMAT_PYPROJECT
    if name == "setup.cfg":
        return FORMAT_SETUP_CFG
    return FORMAT_REQUIREMENTS


# --------------------------------------------------------------------------------------
# What the scanners find
# --------------------------------------------------------------------------------------


@dataclass
class RequirementSite:
    """A PEP 508 requirement at ``start:end`` of the file."""

    start: int
    end: int
    text: str
    locked: str | None = None
    """Why the line must not be edited (hash-pinned), if so."""


@dataclass
class TomlString:
    start: int
    """Offset of the content (after the opening quote)."""
    end: int
    value: str
    editable: bool
    """A literal string, or a basic one without escapes: offsets map one to one."""


TomlValue = Union[TomlString, "TomlArray", "TomlTable", None]


@dataclass
class TomlArray:
    items: list[TomlValue] = field(default_factory=list)


@dataclass
class TomlTable:
    entries: dict[str, tuple[int, int, TomlValue]] = field(default_factory=dict)
    """Key -> (key start, key end, value)."""


@dataclass
class PoetrySite:
    """``name = "constraint"`` or ``name = {version = "...", extras = [...]}`` in Poetry."""

    name: str
    name_start: int
    name_end: int
    constraint: TomlString | None
    extras: list[TomlString]
    unsupported: bool = False
    direct: bool = False
    """A ``git`` / ``path`` / ``url`` dependency: no version to raise."""
    """Several constraints (an array of tables) or a non-string version."""


Site = Union[RequirementSite, PoetrySite]


# --------------------------------------------------------------------------------------
# requirements.txt
# --------------------------------------------------------------------------------------

# A comment starts at '#' preceded by whitespace (or at the start); options start with ' -'.
_REQ_END = re.compile(r"\s(?:#|--?[A-Za-z])")


def scan_requirements(text: str) -> Iterator[RequirementSite]:
    lines = text.splitlines(keepends=True)
    offset = 0
    index = 0
    while index < len(lines):
        start_offset = offset
        first = lines[index].rstrip("\r\n")
        logical = first
        # Backslash continuations: the requirement sits on the first line, options follow.
        while logical.endswith("\\") and index + 1 < len(lines):
            offset += len(lines[index])
            index += 1
            logical = logical[:-1] + " " + lines[index].rstrip("\r\n")
        offset += len(lines[index])
        index += 1
        stripped = first.lstrip()
        if not stripped or stripped.startswith(("#", "-")):
            continue
        lead = len(first) - len(stripped)
        body = first[:-1] if first.endswith("\\") else first
        match = _REQ_END.search(body, lead)
        end = match.start() if match is not None else len(body)
        requirement = body[lead:end].rstrip()
        if not requirement:
            continue
        locked = "hash-pinned (`--hash`)" if "--hash" in logical else None
        yield RequirementSite(
            start_offset + lead, start_offset + lead + len(requirement), requirement, locked
        )


# --------------------------------------------------------------------------------------
# TOML (the subset dependency tables use)
# --------------------------------------------------------------------------------------


class _TomlScanner:
    def __init__(self, text: str) -> None:
        self.text = text

    def skip(self, position: int, newlines: bool) -> int:
        text = self.text
        while position < len(text):
            char = text[position]
            if char in " \t" or (newlines and char in "\r\n"):
                position += 1
            elif char == "#" and newlines:
                newline = text.find("\n", position)
                position = len(text) if newline < 0 else newline + 1
            else:
                break
        return position

    def value(self, position: int) -> tuple[TomlValue, int]:
        text = self.text
        if position >= len(text):
            return None, position
        char = text[position]
        if char in "\"'":
            return self.string(position)
        if char == "[":
            return self.array(position)
        if char == "{":
            return self.table(position)
        end = position
        while end < len(text) and text[end] not in ",]}\r\n#":
            end += 1
        return None, end

    def string(self, position: int) -> tuple[TomlString | None, int]:
        text = self.text
        quote = text[position]
        if text.startswith(quote * 3, position):
            close = text.find(quote * 3, position + 3)
            return None, len(text) if close < 0 else close + 3
        cursor = position + 1
        escaped = False
        while cursor < len(text) and text[cursor] != quote and text[cursor] != "\n":
            if quote == '"' and text[cursor] == "\\":
                escaped = True
                cursor += 2
                continue
            cursor += 1
        content = text[position + 1 : cursor]
        return TomlString(position + 1, cursor, content, not escaped), cursor + 1

    def array(self, position: int) -> tuple[TomlArray, int]:
        array = TomlArray()
        position += 1
        while True:
            position = self.skip(position, newlines=True)
            if position >= len(self.text) or self.text[position] == "]":
                return array, position + 1
            item, position = self.value(position)
            array.items.append(item)
            position = self.skip(position, newlines=True)
            if position < len(self.text) and self.text[position] == ",":
                position += 1

    _KEY = re.compile(r"\s*(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_.-]+)\s*=\s*")

    def table(self, position: int) -> tuple[TomlTable, int]:
        table = TomlTable()
        position += 1
        while True:
            position = self.skip(position, newlines=True)
            if position >= len(self.text) or self.text[position] == "}":
                return table, position + 1
            match = self._KEY.match(self.text, position)
            if match is None:
                return table, position + 1
            key_start, key_end = match.span(1)
            item, position = self.value(match.end())
            table.entries[_unquote(self.text[key_start:key_end])] = (key_start, key_end, item)
            position = self.skip(position, newlines=True)
            if position < len(self.text) and self.text[position] == ",":
                position += 1


def _unquote(key: str) -> str:
    return key[1:-1] if key[:1] in "\"'" else key


_HEADER = re.compile(r"^\s*\[\[?\s*(?P<name>[^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY_LINE = re.compile(r"^\s*(?P<key>\"[^\"]*\"|'[^']*'|[A-Za-z0-9_.-]+)\s*=\s*")
_POETRY_TABLE = re.compile(
    r"^tool\.poetry\.(?:dependencies|dev-dependencies|group\.[^.]+\.dependencies)$"
)
_PEP508_KEYS: dict[str, frozenset[str] | None] = {
    # table -> keys holding arrays of PEP 508 strings (None: every key)
    "project": frozenset({"dependencies"}),
    "project.optional-dependencies": None,
    "dependency-groups": None,
    "tool.uv": frozenset({"dev-dependencies", "constraint-dependencies", "override-dependencies"}),
    "tool.pdm.dev-dependencies": None,
}


def _header_name(raw: str) -> str:
    return ".".join(_unquote(part.strip()) for part in raw.split("."))


def _strings(value: TomlValue) -> Iterator[TomlString]:
    if isinstance(value, TomlString):
        yield value
    elif isinstance(value, TomlArray):
        for item in value.items:
            yield from _strings(item)


def scan_pyproject(text: str) -> tuple[list[Site], list[TomlString]]:
    """Requirement and Poetry sites, plus the strings of ``[tool.poetry.extras]`` (package names)."""
    scanner = _TomlScanner(text)
    sites: list[Site] = []
    extras_names: list[TomlString] = []
    table = ""
    position = 0
    while position < len(text):
        newline = text.find("\n", position)
        line_end = len(text) if newline < 0 else newline
        line = text[position:line_end]
        header = _HEADER.match(line)
        if header is not None and line.lstrip().startswith("["):
            table = _header_name(header.group("name"))
            position = line_end + 1
            continue
        match = _KEY_LINE.match(line)
        if match is None:
            position = line_end + 1
            continue
        key_start, key_end = position + match.start("key"), position + match.end("key")
        key = _unquote(text[key_start:key_end])
        value, end = scanner.value(position + match.end())
        position = max(end, line_end)
        if table in _PEP508_KEYS:
            keys = _PEP508_KEYS[table]
            if keys is None or key in keys:
                sites.extend(_pep508_sites(value))
            elif (
                table == "project"
                and key == "optional-dependencies"
                and isinstance(value, TomlTable)
            ):
                for _start, _end, item in value.entries.values():
                    sites.extend(_pep508_sites(item))
        elif _POETRY_TABLE.match(table):
            site = _poetry_site(key, key_start, key_end, value)
            if site is not None:
                sites.append(site)
        elif table == "tool.poetry.extras":
            extras_names.extend(s for s in _strings(value) if s.editable)
        newline = text.find("\n", position)
        position = len(text) if newline < 0 else newline + 1
    return sites, extras_names


def _pep508_sites(value: TomlValue) -> Iterator[RequirementSite]:
    for string in _strings(value):
        if string.editable:
            yield RequirementSite(string.start, string.end, string.value)


def _poetry_site(key: str, start: int, end: int, value: TomlValue) -> PoetrySite | None:
    if isinstance(value, TomlString):
        return PoetrySite(
            key, start, end, value if value.editable else None, [], not value.editable
        )
    if isinstance(value, TomlTable):
        version = value.entries.get("version")
        extras_entry = value.entries.get("extras")
        extras = [s for s in _strings(extras_entry[2])] if extras_entry is not None else []
        constraint = version[2] if version is not None else None
        if constraint is not None and not (
            isinstance(constraint, TomlString) and constraint.editable
        ):
            return PoetrySite(key, start, end, None, extras, True)
        direct = any(source in value.entries for source in ("git", "path", "url"))
        return PoetrySite(
            key,
            start,
            end,
            constraint if isinstance(constraint, TomlString) else None,
            extras,
            direct=direct,
        )
    if isinstance(value, TomlArray):
        return PoetrySite(key, start, end, None, [], True)
    return None


# --------------------------------------------------------------------------------------
# setup.cfg
# --------------------------------------------------------------------------------------

_CFG_SECTION = re.compile(r"^\[(?P<name>[^\]]+)\]\s*$")
_CFG_KEY = re.compile(r"^(?P<key>[^\s=:#;][^=:]*?)\s*[=:]\s*(?P<value>.*)$")


def scan_setup_cfg(text: str) -> Iterator[RequirementSite]:
    section = ""
    collecting = False
    offset = 0
    for line in text.splitlines(keepends=True):
        start = offset
        offset += len(line)
        content = line.rstrip("\r\n")
        section_match = _CFG_SECTION.match(content)
        if section_match is not None:
            section = section_match.group("name").strip()
            collecting = False
            continue
        if content and not content[0].isspace():
            key_match = _CFG_KEY.match(content)
            collecting = False
            if key_match is None:
                continue
            key = key_match.group("key").strip()
            collecting = (section == "options" and key == "install_requires") or (
                section == "options.extras_require"
            )
            if collecting and key_match.group("value").strip():
                yield from _cfg_value(start + key_match.start("value"), key_match.group("value"))
            continue
        if collecting:
            yield from _cfg_value(start, content)


def _cfg_value(start: int, content: str) -> Iterator[RequirementSite]:
    stripped = content.strip()
    if not stripped or stripped.startswith(("#", ";")):
        return
    lead = len(content) - len(content.lstrip())
    cut = _REQ_END.search(content, lead)
    requirement = content[lead : cut.start() if cut is not None else len(content)].rstrip()
    if requirement:
        yield RequirementSite(start + lead, start + lead + len(requirement), requirement)


# --------------------------------------------------------------------------------------
# Migration
# --------------------------------------------------------------------------------------


@dataclass
class _Plan:
    edits: list[tuple[int, int, str]] = field(default_factory=list)
    fixes: list[tuple[int, str]] = field(default_factory=list)
    manuals: list[tuple[int, str]] = field(default_factory=list)


def _decode(data: bytes, display: str) -> tuple[str, bool]:
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        return data[3 if bom else 0 :].decode("utf-8"), bom
    except UnicodeDecodeError as exc:
        raise MigrationError(f"cannot decode as UTF-8: {exc.reason}", display) from None


def migrate_dependencies(
    data: bytes,
    display: str,
    rules: Sequence[RuleClass],
    project: ProjectFacts | None = None,
) -> FileMigration:
    """Rewrite the HeyGen framework requirements of one dependency file (rule H2L505).

    ``project``: the run's facts; a framework whose HeyGen integration the run's code imports
    is raised even when its requirement lacks the ``heygen`` extra.
    """
    if not any(rule.code == DEPENDENCY_RULE for rule in rules):
        return FileMigration(data)
    text, bom = _decode(data, display)
    used = project.framework_packages if project is not None else frozenset()
    new_text, findings, acknowledged = migrate_dependency_text(text, format_of(display), used)
    if new_text == text:
        return FileMigration(data, findings, acknowledged)
    new_data = (b"\xef\xbb\xbf" if bom else b"") + new_text.encode("utf-8")
    return FileMigration(new_data, findings, acknowledged, unified_diff(text, new_text, display))


def migrate_dependency_text(
    text: str, file_format: str, used: frozenset[str] = frozenset()
) -> tuple[str, list[Finding], list[Finding]]:
    """``used``: distributions whose HeyGen integration the code imports (raised without the
    ``heygen`` extra too)."""
    extras_names: list[TomlString] = []
    sites: list[Site]
    if file_format == FORMAT_PYPROJECT:
        sites, extras_names = scan_pyproject(text)
    elif file_format == FORMAT_SETUP_CFG:
        sites = list(scan_setup_cfg(text))
    else:
        sites = list(scan_requirements(text))
    plan = _Plan()
    moved: list[PackageMove] = []
    migrated: set[int] = set()
    """Sites that a move already handles: the companion check skips them."""
    first = {
        id(site): dependency_moves.migrate_requirement(site.text, used)
        for site in sites
        if isinstance(site, RequirementSite)
    }
    # ``pipecat-ai[silero]==0.0.97`` next to ``pipecat-ai[heygen]==0.0.97``: both get raised.
    raised = {
        c.move.name for c in first.values() if c is not None and c.move.name == c.move.new_name
    } | used
    for site in sites:
        if isinstance(site, RequirementSite):
            change = first[id(site)] or dependency_moves.migrate_requirement(site.text, raised)
            if change is None:
                continue
            migrated.add(id(site))
            moved.append(change.move)
            if change.manual is not None:
                plan.manuals.append((site.start, change.manual))
            if change.fix is None:
                continue
            if site.locked is not None:
                plan.manuals.append(
                    (
                        site.start,
                        f"`{site.text}` is {site.locked}: change it to `{change.new_text}` "
                        "and regenerate the hashes",
                    )
                )
                continue
            plan.edits.append((site.start, site.end, change.new_text))
            plan.fixes.append((site.start, change.fix))
        else:
            poetry_moves = _plan_poetry(site, plan, used)
            if poetry_moves:
                migrated.add(id(site))
            moved.extend(poetry_moves)
    renamed = {m.name: m.new_name for m in moved if m.new_name != m.name}
    for string in extras_names:
        new_name = renamed.get(normalize(string.value))
        if new_name is not None:
            plan.edits.append((string.start, string.end, new_name))
            plan.fixes.append((string.start, f"`{string.value}` becomes `{new_name}`"))
    companions = dependency_moves.companions_of(moved)
    if companions:
        for site in sites:
            if id(site) in migrated:
                continue
            message: str | None = None
            if isinstance(site, RequirementSite):
                message = dependency_moves.companion_conflict(site.text, companions)
                where = site.start
            elif site.constraint is not None:
                message = dependency_moves.companion_conflict(
                    site.constraint.value, companions, site.name
                )
                where = site.name_start
            if message is not None:
                plan.manuals.append((where, message))
    return _render(text, plan)


def _plan_poetry(site: PoetrySite, plan: _Plan, used: frozenset[str]) -> list[PackageMove]:
    outcome = dependency_moves.migrate_poetry(
        site.name,
        site.constraint.value if site.constraint is not None else None,
        [e.value for e in site.extras],
        used,
    )
    if outcome is None:
        return []
    move, new_constraint, _fix, manual = outcome
    if site.direct:
        # The source names the old project: renaming alone would make it lie.
        plan.manuals.append(
            (
                site.name_start,
                f"`{site.name}` comes from a git/path/url source: replace it with "
                f"{move.new_name} >= {move.min_version} ({move.why})",
            )
        )
        return [move]
    if site.unsupported:
        plan.manuals.append(
            (
                site.name_start,
                f"`{site.name}` has several constraints or a computed version: change it to "
                f"{move.new_name} >= {move.min_version} by hand ({move.why})",
            )
        )
        return [move]
    changes: list[str] = []
    if move.new_name != normalize(site.name):
        plan.edits.append((site.name_start, site.name_end, move.new_name))
        changes.append(f"`{site.name}` becomes `{move.new_name}`")
    for extra in site.extras:
        new_extra = move.extra_renames.get(normalize(extra.value))
        if new_extra is not None and extra.editable:
            if any(e.value == new_extra for e in site.extras):
                changes.append(f"extra `{extra.value}` dropped for `{new_extra}`")
            else:
                plan.edits.append((extra.start, extra.end, new_extra))
                changes.append(f"extra `{extra.value}` becomes `{new_extra}`")
    if site.constraint is None:
        plan.manuals.append(
            (site.name_start, f"no version constraint: require >= {move.min_version} ({move.why})")
        )
    elif manual is not None:
        plan.manuals.append((site.constraint.start, manual))
    elif new_constraint is not None and new_constraint != site.constraint.value:
        plan.edits.append((site.constraint.start, site.constraint.end, new_constraint))
        changes.append(f"`{site.constraint.value}` becomes `{new_constraint}`")
    if changes:
        plan.fixes.append((site.name_start, f"{'; '.join(changes)}: {move.why}"))
    return [move]


def _render(text: str, plan: _Plan) -> tuple[str, list[Finding], list[Finding]]:
    line_starts = [0]
    for match in re.finditer("\n", text):
        line_starts.append(match.end())

    def position(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(line_starts, offset) - 1
        return line + 1, offset - line_starts[line] + 1

    findings: list[Finding] = []
    acknowledged: list[Finding] = []
    for offset, message in plan.fixes:
        line, column = position(offset)
        findings.append(Finding(DEPENDENCY_RULE, KIND_FIX, line, column, message))
    markers: dict[int, list[str]] = {}
    lines = text.splitlines(keepends=True)
    for offset, message in plan.manuals:
        line, column = position(offset)
        finding = Finding(DEPENDENCY_RULE, KIND_MANUAL, line, column, message)
        comment = f"# {MARKER_PREFIX} {DEPENDENCY_RULE} {message}"
        above = lines[line - 2].strip() if line >= 2 else ""
        if above == comment:
            acknowledged.append(finding)
            continue
        findings.append(finding)
        texts = markers.setdefault(line, [])
        if comment not in texts:
            texts.append(comment)
    new_text = apply_edits(text, plan.edits)
    if markers:
        new_lines = new_text.splitlines(keepends=True)
        out: list[str] = []
        for number, line_text in enumerate(new_lines, start=1):
            for comment in markers.get(number, ()):
                indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
                newline = "\r\n" if line_text.endswith("\r\n") else "\n"
                out.append(f"{indent}{comment}{newline}")
            out.append(line_text)
        new_text = "".join(out)
    return new_text, sorted(set(findings)), sorted(set(acknowledged))
