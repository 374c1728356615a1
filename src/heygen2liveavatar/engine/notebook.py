"""Jupyter notebooks: code cells migrated like one Python module, the JSON edited in place.

What changes
    Only the ``source`` of code cells the rules rewrite. Outputs, metadata, cell ids, key
    order, indentation, escaping and the trailing newline stay byte for byte: the new
    ``source`` value is spliced into the original JSON text at its exact span (unchanged
    lines of the cell keep even their original escaping), and the result is parsed back and
    checked before anything is written. A source stored as a list of lines stays a list, a
    single string stays a string.

How cells are migrated
    All Python code cells are joined, in order, with an inert boundary statement between
    them, and migrated as one module, so a base URL or API key defined in one cell is known
    where another cell uses it; the result is cut back at the boundaries. IPython syntax is
    masked first and restored untouched afterwards: line magics (``%time``), shell escapes
    (``!pip``, ``files = !ls``), help (``obj?``) and the first line of cell magics whose body
    is Python (``%%time``, ``%%capture``) become a placeholder statement. ``%%writefile x.py``
    bodies are migrated as their own module. A cell that is still not Python (a syntax
    error, an unknown cell magic) is left as it is and, if it mentions HeyGen, reported by
    H2L914. Markdown cells, non-Python cell magics (``%%bash``, ``%%javascript``, ``%%html``)
    and the masked shell/magic lines are scanned by the inventory rules (H2L91x), as the
    files they resemble would be.

Positions
    ``line`` and ``column`` of a finding are 1-based positions in the ``.ipynb`` file as
    stored (the JSON text), so editors, ``--format github`` annotations and SARIF point at
    the right place; the message starts with the cell and the line within that cell, e.g.
    ``cell 3, line 2: ...``. Cells are numbered from 1 in file order, Markdown cells
    included (as JupyterLab and nbviewer show them).

Diffs
    The diff is a unified diff of the JSON text, so ``git apply`` takes it like any other;
    each hunk header names the cell it touches after the second ``@@`` (``@@ -40,7 +40,7 @@
    cell 3``), where git shows a function name and ignores it when applying.
"""

from __future__ import annotations

import bisect
import codecs
import difflib
import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import TYPE_CHECKING, Any, Callable

from .._prefilter import may_contain_heygen
from ..apispec import find_endpoints
from ..model import KIND_MANUAL, Finding, MigrationError
from .diff import unified_diff
from .filekinds import FileMigration
from .inventory import scan_text

if TYPE_CHECKING:
    from ..model import HelperImport, ProjectFacts
    from ..rules.base import RuleClass

# Inert statements stand in for cell boundaries and IPython lines while the rules run; the
# prefix is checked to be absent from the notebook's code, so it cannot be confused.
PLACEHOLDER_PREFIX = "__heygen2liveavatar_"
CELL_BOUNDARY = PLACEHOLDER_PREFIX + "cell_{}__"
IPYTHON_PLACEHOLDER = PLACEHOLDER_PREFIX + "ipython_{}__"
SKIPPED_CELL_RULE = "H2L914"

# Cell magics whose body runs as Python in the kernel's namespace.
PYTHON_BODY_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug"})
# Cell magics that write their body to a file: a ``.py`` target is migrated as a module.
WRITEFILE_CELL_MAGICS = frozenset({"writefile", "file"})
# Other cell magics whose body we can read as some text kind (file name for ``text_kind``).
TEXT_CELL_MAGICS: dict[str, str] = {
    "bash": "cell.sh", "sh": "cell.sh", "script": "cell.sh", "system": "cell.sh", "!": "cell.sh",
    "javascript": "cell.js", "js": "cell.js", "html": "cell.html", "svg": "cell.html",
    "markdown": "cell.md", "latex": "cell.md",
}  # fmt: skip
# Kernel languages whose code cells are read like JavaScript files.
JS_KERNEL_LANGUAGES = frozenset({"javascript", "typescript"})

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_JSON_LITERAL = re.compile(
    r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null|NaN|-?Infinity"
)
_CELL_MAGIC = re.compile(r"%%(?P<name>!|[\w-]+)[ \t]*(?P<args>[^\n]*)")
# IPython's help syntax: `obj?`, `obj.attr??`, `?obj`, `%magic?`, `x[0]?` (IPython's own pattern).
_HELP = re.compile(r"\?{0,2}%{0,2}(?!\d)[\w*]+(?:\.[\w*]+|\[[^\[\]]+\])*\?{0,2}")
_ASSIGN_FROM_IPYTHON = re.compile(r"[\w.,\s\[\]()*]+?=\s*[!%](?!=)")


# --- Positions in the JSON text -------------------------------------------------------------


@dataclass
class _CellSpan:
    """Where one cell and its ``source`` value sit in the notebook's JSON text."""

    start: int
    end: int
    source_start: int = -1
    source_end: int = -1
    elements: list[tuple[int, int]] | None = None
    """Spans of the string tokens when ``source`` is a list; ``None`` when it is a string."""


def _ws(text: str, position: int) -> int:
    match = _WHITESPACE.match(text, position)
    assert match is not None  # the pattern matches the empty string
    return match.end()


def _skip_value(text: str, position: int) -> int:
    char = text[position]
    if char == '"':
        return int(scanstring(text, position + 1, True)[1])
    if char == "{":
        return _object_members(text, position)[1]
    if char == "[":
        return _array_items(text, position)[1]
    match = _JSON_LITERAL.match(text, position)
    if match is None:
        raise ValueError(f"unexpected {char!r} at offset {position}")
    return match.end()


def _object_members(text: str, position: int) -> tuple[list[tuple[str, int, int]], int]:
    """(key, value start, value end) of the object at ``position``, and the offset after it."""
    members: list[tuple[str, int, int]] = []
    position = _ws(text, position + 1)
    if text[position] == "}":
        return members, position + 1
    while True:
        if text[position] != '"':
            raise ValueError(f"expected a key at offset {position}")
        key, position = scanstring(text, position + 1, True)
        position = _ws(text, position)
        if text[position] != ":":
            raise ValueError(f"expected ':' at offset {position}")
        start = _ws(text, position + 1)
        end = _skip_value(text, start)
        members.append((key, start, end))
        position = _ws(text, end)
        if text[position] == "}":
            return members, position + 1
        if text[position] != ",":
            raise ValueError(f"expected ',' at offset {position}")
        position = _ws(text, position + 1)


def _array_items(text: str, position: int) -> tuple[list[tuple[int, int]], int]:
    items: list[tuple[int, int]] = []
    position = _ws(text, position + 1)
    if text[position] == "]":
        return items, position + 1
    while True:
        end = _skip_value(text, position)
        items.append((position, end))
        position = _ws(text, end)
        if text[position] == "]":
            return items, position + 1
        if text[position] != ",":
            raise ValueError(f"expected ',' at offset {position}")
        position = _ws(text, position + 1)


def _cell_spans(text: str) -> list[_CellSpan]:
    """Spans of every cell and of its ``source`` (the last one, as ``json.loads`` keeps)."""
    members, _ = _object_members(text, _ws(text, 0))
    cells = [(start, end) for key, start, end in members if key == "cells"][-1]
    items, _ = _array_items(text, cells[0])
    spans: list[_CellSpan] = []
    for start, end in items:
        span = _CellSpan(start, end)
        cell_members, _ = _object_members(text, start)
        for key, value_start, value_end in cell_members:
            if key == "source":
                span.source_start, span.source_end = value_start, value_end
        if span.source_start >= 0 and text[span.source_start] == "[":
            span.elements = _array_items(text, span.source_start)[0]
        spans.append(span)
    return spans


def _raw_offset(text: str, token_start: int, decoded_index: int) -> int:
    """Offset in ``text`` of character ``decoded_index`` of the JSON string token at ``token_start``."""
    position = token_start + 1
    count = 0
    while count < decoded_index and text[position] != '"':
        if text[position] == "\\":
            if text[position + 1] == "u":
                code = int(text[position + 2 : position + 6], 16)
                low = text[position + 6 : position + 8] == "\\u"
                # A surrogate pair (two escapes) decodes to one character.
                position += 12 if 0xD800 <= code < 0xDC00 and low else 6
            else:
                position += 2
        else:
            position += 1
        count += 1
    return position


# --- The notebook model ---------------------------------------------------------------------


@dataclass
class _Cell:
    number: int
    """1-based, in file order, every cell type counted."""
    cell_type: str
    text: str
    """The source joined into one string."""
    elements: list[str] | None
    """The source as stored when it is a list of lines."""
    span: _CellSpan
    new_text: str | None = None

    @cached_property
    def line_starts(self) -> list[int]:
        return _line_starts(self.text)


def _load(data: bytes, display: str) -> tuple[str, dict[str, Any], list[_Cell]]:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MigrationError(
            f"not a valid notebook: not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "file left unchanged",
            display,
        ) from None
    try:
        notebook = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MigrationError(
            f"not a valid notebook: invalid JSON ({exc.msg}); file left unchanged",
            display,
            exc.lineno,
            exc.colno,
        ) from None
    except RecursionError:
        raise MigrationError("not a valid notebook: JSON nested too deeply", display) from None
    if not isinstance(notebook, dict):
        raise MigrationError("not a valid notebook: the JSON is not an object", display)
    version = notebook.get("nbformat")
    if isinstance(version, int) and version < 4:
        raise MigrationError(
            f"nbformat {version} notebooks are not supported; upgrade it first "
            "(`jupyter nbconvert --to notebook --nbformat 4`)",
            display,
        )
    raw_cells = notebook.get("cells")
    if not isinstance(raw_cells, list):
        raise MigrationError("not a valid notebook: no `cells` list", display)
    try:
        spans = _cell_spans(text)
    except (ValueError, IndexError, RecursionError) as exc:  # json.loads accepted it: our bug
        raise MigrationError(f"internal error reading the notebook JSON: {exc}", display) from None
    if len(spans) != len(raw_cells):
        raise MigrationError("internal error reading the notebook JSON: cell count", display)
    cells: list[_Cell] = []
    for number, (raw, span) in enumerate(zip(raw_cells, spans), start=1):
        if not isinstance(raw, dict):
            raise MigrationError(f"not a valid notebook: cell {number} is not an object", display)
        source = raw.get("source", "")
        if isinstance(source, list) and all(isinstance(line, str) for line in source):
            elements: list[str] | None = source
            cell_text = "".join(source)
        elif isinstance(source, str):
            elements = None
            cell_text = source
        else:
            raise MigrationError(
                f"not a valid notebook: the source of cell {number} is neither a string nor a "
                "list of strings",
                display,
            )
        cell_type = raw.get("cell_type")
        if not isinstance(cell_type, str):
            raise MigrationError(f"not a valid notebook: cell {number} has no `cell_type`", display)
        if span.source_start < 0 and cell_text:
            raise MigrationError("internal error reading the notebook JSON: source", display)
        cells.append(_Cell(number, cell_type, cell_text, elements, span))
    return text, notebook, cells


def _kernel_language(notebook: dict[str, Any]) -> str:
    metadata = notebook.get("metadata")
    if not isinstance(metadata, dict):
        return "python"
    for key, name_key in (("language_info", "name"), ("kernelspec", "language")):
        info = metadata.get(key)
        if isinstance(info, dict) and isinstance(info.get(name_key), str):
            return str(info[name_key]).lower()
    return "python"


# --- Masking IPython syntax -----------------------------------------------------------------


def _split_lines(text: str) -> list[str]:
    """Lines with their ``\\n`` (the last one may lack it); "" has no lines.

    Only ``\\n`` ends a line here, unlike ``str.splitlines`` (form feeds, ``\\x1c``...), so
    that line numbers agree with the parser's.
    """
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", text))]


@dataclass
class _Masked:
    text: str
    chunks: dict[str, tuple[str, int]] = field(default_factory=dict)
    """placeholder -> (original lines, offset of the first in the cell)."""
    line_origin: list[int] = field(default_factory=list)
    """Masked line (0-based) -> original line (0-based)."""

    @classmethod
    def unmasked(cls, text: str) -> _Masked:
        return cls(text, line_origin=list(range(text.count("\n") + 1)))


class _LineState:
    """Just enough Python lexing to know whether a line starts a new statement."""

    def __init__(self) -> None:
        self.quote: str | None = None
        self.depth = 0
        self.continued = False

    @property
    def at_statement_start(self) -> bool:
        return self.quote is None and self.depth == 0 and not self.continued

    def feed(self, line: str) -> None:
        self.continued = False
        position, length = 0, len(line)
        while position < length:
            char = line[position]
            if self.quote is not None:
                if char == "\\":
                    position += 2
                    continue
                if line.startswith(self.quote, position):
                    position += len(self.quote)
                    self.quote = None
                    continue
                position += 1
                continue
            if char == "#":
                break
            if char in "\"'":
                triple = line[position : position + 3]
                self.quote = triple if triple in ('"""', "'''") else char
                position += len(self.quote)
                continue
            if char in "([{":
                self.depth += 1
            elif char in ")]}":
                self.depth = max(0, self.depth - 1)
            elif char == "\\" and line[position + 1 :].strip("\r\n") == "":
                self.continued = True
            position += 1
        if self.quote in ('"', "'") and not line.rstrip("\r\n").endswith("\\"):
            self.quote = None  # an unterminated string: the parser will say so


def _is_ipython_line(stripped: str) -> bool:
    if not stripped:
        return False
    if stripped[0] in "%!?":
        return True
    if stripped.endswith("?") and _HELP.fullmatch(stripped):
        return True
    return _ASSIGN_FROM_IPYTHON.match(stripped) is not None


def _mask(text: str, first_line_is_magic: bool, counter: list[int]) -> _Masked:
    lines = _split_lines(text)
    masked = _Masked("")
    out: list[str] = []
    state = _LineState()
    offset = 0
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        magic = (index == 0 and first_line_is_magic) or (
            state.at_statement_start and _is_ipython_line(stripped)
        )
        if not magic:
            state.feed(line)
            out.append(line)
            masked.line_origin.append(index)
            offset += len(line)
            index += 1
            continue
        # A magic continues over lines ending in a backslash, like Python's own lines.
        last = index
        while lines[last].rstrip("\r\n").endswith("\\") and last + 1 < len(lines):
            last += 1
        chunk = "".join(lines[index : last + 1])
        name = IPYTHON_PLACEHOLDER.format(counter[0])
        counter[0] += 1
        indent = line[: len(line) - len(line.lstrip())]
        ending = chunk[len(chunk.rstrip("\r\n")) :]
        masked.chunks[name] = (chunk.rstrip("\r\n"), offset)
        out.append(f"{indent}{name}{ending}")
        masked.line_origin.append(index)
        offset += len(chunk)
        index = last + 1
    masked.text = "".join(out)
    return masked


def _unmask(text: str, masked: _Masked, display: str, cell: int) -> str:
    if not masked.chunks:
        return text
    out: list[str] = []
    seen: set[str] = set()
    for line in _split_lines(text):
        name = line.strip()
        if name in masked.chunks:
            if name in seen:
                seen.clear()  # duplicated by a rewrite: refuse below
                break
            seen.add(name)
            chunk = masked.chunks[name][0]
            indent = line[: len(line) - len(line.lstrip())]
            ending = line[len(line.rstrip("\r\n")) :]
            out.append(indent + chunk.lstrip(" \t") + ending)
        else:
            out.append(line)
    if seen != set(masked.chunks):
        raise MigrationError(
            f"internal error: IPython lines of cell {cell} were not preserved; file left unchanged",
            display,
        )
    return "".join(out)


# --- Migrating the code cells ---------------------------------------------------------------


@dataclass
class _Unit:
    """A code cell's Python part: the whole cell, or a cell magic's body."""

    cell: _Cell
    base: int
    """Offset in the cell text where the Python part starts."""
    masked: _Masked
    new_text: str | None = None


@dataclass
class _Collected:
    findings: list[Finding] = field(default_factory=list)
    acknowledged: list[Finding] = field(default_factory=list)
    support_modules: dict[str, str] = field(default_factory=dict)
    packages: set[str] = field(default_factory=set)
    secrets: set[str] = field(default_factory=set)
    """Hard-coded keys found in cells: never shown in the diff."""


class _NotebookMigrator:
    def __init__(
        self,
        text: str,
        cells: list[_Cell],
        display: str,
        rules: Sequence[RuleClass],
        project: ProjectFacts | None,
        helper: HelperImport | None = None,
    ) -> None:
        self.text = text
        self.cells = cells
        self.display = display
        self.rules = rules
        self.project = project
        self.helper = helper
        self.codes = {rule.code for rule in rules}
        self.out = _Collected()
        self._counter = [0]

    # Positions ------------------------------------------------------------------------
    def position(self, cell: _Cell, offset: int) -> tuple[int, int, int]:
        """(JSON line, JSON column, line within the cell) of character ``offset`` of ``cell``."""
        offset = max(0, min(offset, len(cell.text)))
        cell_line = bisect.bisect_right(cell.line_starts, offset)
        span = cell.span
        if span.source_start < 0:
            raw = span.start
        elif span.elements is None:
            raw = _raw_offset(self.text, span.source_start, offset)
        else:
            assert cell.elements is not None
            raw = span.source_start
            remaining = offset
            for element, (start, end) in zip(cell.elements, span.elements):
                if remaining < len(element):
                    raw = _raw_offset(self.text, start, remaining)
                    break
                remaining -= len(element)
                raw = end - 1  # the end of the source: the closing quote of the last line
        line = bisect.bisect_right(self.json_lines, raw)
        return line, raw - self.json_lines[line - 1] + 1, cell_line

    @cached_property
    def json_lines(self) -> list[int]:
        return _line_starts(self.text)

    def finding(self, cell: _Cell, offset: int, rule: str, kind: str, message: str) -> Finding:
        line, column, cell_line = self.position(cell, offset)
        return Finding(rule, kind, line, column, f"cell {cell.number}, line {cell_line}: {message}")

    def scan(self, cell: _Cell, base: int, text: str, as_path: str) -> None:
        """Inventory findings for ``text`` (at ``base`` in the cell), read as a file ``as_path``."""
        if not may_contain_heygen(text):
            return
        starts = [0, *(m.end() for m in re.finditer("\n", text))]
        for found in scan_text(as_path, text, self.rules):
            offset = base + starts[found.line - 1] + found.column - 1
            self.out.findings.append(
                self.finding(cell, offset, found.rule, found.kind, found.message)
            )

    def skipped(self, cell: _Cell, why: str, offset: int = 0) -> None:
        # Only cells that name HeyGen or a streaming endpoint: "streaming" alone is too common.
        if SKIPPED_CELL_RULE in self.codes and (
            "heygen" in cell.text.lower() or find_endpoints(cell.text)
        ):
            self.out.findings.append(
                self.finding(
                    cell,
                    offset,
                    SKIPPED_CELL_RULE,
                    KIND_MANUAL,
                    f"not migrated: {why}; port this cell by hand",
                )
            )

    # The run ---------------------------------------------------------------------------
    def run(self, language: str) -> None:
        kernel_units: list[_Unit] = []
        module_units: list[_Unit] = []
        for cell in self.cells:
            if cell.cell_type == "markdown":
                self.scan(cell, 0, cell.text, "cell.md")
            elif cell.cell_type != "code" or not cell.text.strip():
                continue
            elif language in JS_KERNEL_LANGUAGES:
                self.scan(cell, 0, cell.text, "cell.js")
            elif language != "python":
                self.skipped(cell, f"the notebook's kernel language is `{language}`")
            else:
                self._classify(cell, kernel_units, module_units)
        if kernel_units:
            self._migrate_together(kernel_units)
        for unit in module_units:
            self._migrate_alone(unit)
        for unit in (*kernel_units, *module_units):
            if unit.new_text is not None:
                unit.cell.new_text = unit.cell.text[: unit.base] + unit.new_text

    def _classify(self, cell: _Cell, kernel: list[_Unit], modules: list[_Unit]) -> None:
        lead = len(cell.text) - len(cell.text.lstrip())
        magic = _CELL_MAGIC.match(cell.text, lead) if cell.text.startswith("%%", lead) else None
        if magic is None:
            kernel.append(self._unit(cell, 0, False))
            return
        name, args = magic.group("name"), magic.group("args").split()
        body_start = cell.text.find("\n", magic.end())
        body_start = len(cell.text) if body_start == -1 else body_start + 1
        if name in PYTHON_BODY_CELL_MAGICS:
            # Blank lines above the magic stay outside the unit, so the magic is its first line.
            kernel.append(self._unit(cell, cell.text.rfind("\n", 0, magic.start()) + 1, True))
        elif name in WRITEFILE_CELL_MAGICS and args and args[-1].endswith(".py"):
            modules.append(_Unit(cell, body_start, _Masked.unmasked(cell.text[body_start:])))
        elif name in TEXT_CELL_MAGICS:
            self.scan(cell, body_start, cell.text[body_start:], TEXT_CELL_MAGICS[name])
        else:
            self.skipped(cell, f"the body of `%%{name}` is not known to be Python")

    def _unit(self, cell: _Cell, base: int, first_line_is_magic: bool) -> _Unit:
        masked = _mask(cell.text[base:], first_line_is_magic, self._counter)
        return _Unit(cell, base, masked)

    def _scan_masked(self, unit: _Unit) -> None:
        for chunk, offset in unit.masked.chunks.values():
            self.scan(unit.cell, unit.base + offset, chunk, "cell.sh")

    def _migrate_together(self, units: list[_Unit]) -> None:
        from .transform import migrate_text

        for unit in units:
            self._scan_masked(unit)
        pending = list(units)
        while pending:
            source, first_lines = _join(pending)
            try:
                result = migrate_text(
                    source, self.display, self.rules, project=self.project, helper=self.helper
                )
            except MigrationError as exc:
                if not exc.message.startswith("syntax error"):
                    raise self._relocated(exc, pending, first_lines) from None
                # Find the broken cells one by one: the joined module's error may be reported
                # cells after the one that causes it (an unclosed bracket).
                errors = {id(u): _parse_error(u.masked.text) for u in pending}
                broken = [u for u in pending if errors[id(u)] is not None]
                if not broken:
                    raise self._relocated(exc, pending, first_lines) from None
                for unit in broken:
                    error = errors[id(unit)]
                    assert error is not None
                    self.skipped(unit.cell, error[0], self._offset_of_line(unit, error[1]))
                pending = [u for u in pending if errors[id(u)] is None]
                continue
            self._collect(result.findings, result.acknowledged, pending, first_lines)
            self.out.support_modules.update(result.support_modules)
            self.out.packages.update(result.packages)
            self.out.secrets.update(result.secrets)
            if result.changed:
                pieces = _split(result.code, len(pending), self.display)
                if result.support_modules:
                    originals = [unit.masked.text for unit in pending]
                    pieces = _move_helper_import(pieces, originals, self.helper)
                for unit, piece in zip(pending, pieces):
                    if not unit.masked.text.endswith("\n") and piece.endswith("\n"):
                        piece = piece[:-1]
                    if piece != unit.masked.text:
                        unit.new_text = _unmask(piece, unit.masked, self.display, unit.cell.number)
            return

    def _migrate_alone(self, unit: _Unit) -> None:
        from .transform import migrate_text

        try:
            result = migrate_text(
                unit.masked.text, self.display, self.rules, project=self.project, helper=self.helper
            )
        except MigrationError as exc:
            if not exc.message.startswith("syntax error"):
                raise self._relocated(exc, [unit], [1]) from None
            self.skipped(unit.cell, exc.message, self._offset_of_line(unit, exc.line))
            return
        self._collect(result.findings, result.acknowledged, [unit], [1])
        self.out.support_modules.update(result.support_modules)
        self.out.packages.update(result.packages)
        self.out.secrets.update(result.secrets)
        if result.changed:
            unit.new_text = result.code

    def _offset_of_line(self, unit: _Unit, line: int) -> int:
        """Offset in the cell of the start of line ``line`` (1-based) of the unit's masked text."""
        origin = unit.masked.line_origin
        original = origin[max(0, min(line - 1, len(origin) - 1))] if origin else 0
        starts = _line_starts(unit.cell.text[unit.base :])
        return unit.base + starts[min(original, len(starts) - 1)]

    def _locate(self, line: int, units: list[_Unit], first_lines: list[int]) -> tuple[_Unit, int]:
        """The unit holding line ``line`` of the joined module, and the 0-based line in it."""
        index = max(0, bisect.bisect_right(first_lines, line) - 1)
        unit = units[index]
        masked_line = line - first_lines[index]
        origin = unit.masked.line_origin
        original_line = origin[min(masked_line, len(origin) - 1)] if origin else 0
        return unit, original_line

    def _collect(
        self,
        findings: list[Finding],
        acknowledged: list[Finding],
        units: list[_Unit],
        first_lines: list[int],
    ) -> None:
        for source, sink in ((findings, self.out.findings), (acknowledged, self.out.acknowledged)):
            for found in source:
                unit, line = self._locate(found.line, units, first_lines)
                starts = _line_starts(unit.cell.text[unit.base :])
                offset = unit.base + starts[min(line, len(starts) - 1)] + found.column - 1
                sink.append(self.finding(unit.cell, offset, found.rule, found.kind, found.message))

    def _relocated(
        self, exc: MigrationError, units: list[_Unit], first_lines: list[int]
    ) -> MigrationError:
        if not exc.line:
            return MigrationError(exc.message, self.display)
        unit, line = self._locate(exc.line, units, first_lines)
        return MigrationError(
            f"cell {unit.cell.number}, line {line + 1}: {exc.message}", self.display
        )


def _join(units: list[_Unit]) -> tuple[str, list[int]]:
    """One module from the units, with boundary statements; the first line of each unit."""
    parts: list[str] = []
    first_lines: list[int] = []
    line = 1
    for index, unit in enumerate(units):
        if index:
            parts.append(CELL_BOUNDARY.format(index) + "\n")
            line += 1
        first_lines.append(line)
        text = unit.masked.text
        if text and not text.endswith("\n"):
            text += "\n"
        parts.append(text)
        line += text.count("\n")
    return "".join(parts), first_lines


def _helper_import_line(helper: HelperImport | None) -> tuple[str, str]:
    """The import statement the rules add for the helper in a notebook, and its local name."""
    from ..apispec.events import BRIDGE_MODULE

    if helper is None:
        return f"import {BRIDGE_MODULE}", BRIDGE_MODULE
    alias = f" as {helper.local}" if helper.stem != helper.local else ""
    if helper.package is None:
        return f"import {helper.stem}{alias}", helper.local
    return f"from {helper.package} import {helper.stem}{alias}", helper.local


def _move_helper_import(
    pieces: list[str], originals: list[str], helper: HelperImport | None
) -> list[str]:
    """Put the helper's import in the first cell that uses the helper, after its magics and
    imports: the engine adds it at the top of the joined module, i.e. to the first cell, which
    may be a ``%pip install`` cell that runs before the helper exists, or none that uses it."""
    statement, local = _helper_import_line(helper)
    uses = re.compile(rf"\b{re.escape(local)}\.")
    source = None
    for index, (piece, original) in enumerate(zip(pieces, originals)):
        lines = _split_lines(piece)
        if any(line.rstrip("\r\n") == statement for line in lines) and statement not in original:
            source = index
            break
    if source is None:
        return pieces
    target = next((i for i, piece in enumerate(pieces) if uses.search(piece)), source)
    lines = _split_lines(pieces[source])
    at = next(i for i, line in enumerate(lines) if line.rstrip("\r\n") == statement)
    newline = lines[at][len(statement) :] or "\n"
    below = lines[at + 1 :]
    preamble = below[: next((i for i, ln in enumerate(below) if not _is_preamble(ln)), len(below))]
    if target == source and not any(PLACEHOLDER_PREFIX in line for line in preamble):
        return pieces  # already in the first cell using it, and above no IPython line
    result = list(pieces)
    del lines[at]
    result[source] = "".join(lines)
    lines = _split_lines(result[target])
    leading = next((i for i, line in enumerate(lines) if not _is_preamble(line)), len(lines))
    # Below the cell's own imports and IPython lines (a ``%pip install`` runs first).
    position = max(
        (
            i + 1
            for i in range(leading)
            if not lines[i].strip().startswith("#") and lines[i].strip()
        ),
        default=0,
    )
    lines.insert(position, statement + newline)
    result[target] = "".join(lines)
    return result


def _is_preamble(line: str) -> bool:
    """Blank, a comment, an import or a (masked) IPython line: what stays above the import."""
    text = line.strip()
    return not text or text.startswith(("#", "import ", "from ")) or PLACEHOLDER_PREFIX in text


def _split(code: str, count: int, display: str) -> list[str]:
    pieces: list[str] = []
    current: list[str] = []
    expected = 1
    for line in _split_lines(code):
        if expected < count and line.rstrip("\r\n") == CELL_BOUNDARY.format(expected):
            pieces.append("".join(current))
            current = []
            expected += 1
        else:
            current.append(line)
    pieces.append("".join(current))
    if len(pieces) != count or PLACEHOLDER_PREFIX + "cell_" in "".join(pieces):
        raise MigrationError(
            "internal error: cell boundaries were not preserved; file left unchanged", display
        )
    return pieces


def _parse_error(text: str) -> tuple[str, int] | None:
    """Why LibCST cannot parse ``text`` and the 1-based line, or ``None`` when it can."""
    import ast

    import libcst as cst

    try:
        cst.parse_module(text)
        return None
    except cst.ParserSyntaxError as exc:
        message, line = exc.message, exc.raw_line
    except RecursionError:
        return "too deeply nested to parse", 1
    # CPython words syntax errors for people and places tokenizer errors, which LibCST
    # reports at line 1; prefer its account when it rejects the text too.
    try:
        ast.parse(text)
    except SyntaxError as exc:
        message, line = exc.msg, exc.lineno or line
    except (ValueError, RecursionError, MemoryError):
        pass
    return f"syntax error: {message}", line


# --- Writing the JSON back ------------------------------------------------------------------


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# A \uXXXX escape of a non-ASCII character (escapes of ASCII control characters say nothing).
_ESCAPED_NON_ASCII = re.compile(r"\\u(?!00[0-7])[0-9a-fA-F]{4}")


def _escapes_non_ascii(text: str, start: int = 0, end: int | None = None) -> bool | None:
    """Whether ``text[start:end]`` escapes non-ASCII characters; ``None`` when it does not tell."""
    end = len(text) if end is None else end
    raw = _NON_ASCII.search(text, start, end) is not None
    escaped = _ESCAPED_NON_ASCII.search(text, start, end) is not None
    return escaped if raw != escaped else None


def _line_splitter(elements: list[str]) -> Callable[[str], list[str]]:
    """How this cell's source was cut into list items (by ``\\n``, or by ``str.splitlines``)."""
    joined = "".join(elements)

    def by_newline(value: str) -> list[str]:
        return re.findall(r"[^\n]*\n|[^\n]+$", value)

    if elements != by_newline(joined) and elements == joined.splitlines(keepends=True):
        return lambda value: value.splitlines(keepends=True)
    return by_newline


def _source_json(text: str, cell: _Cell, file_escapes: Callable[[], bool | None]) -> str:
    """The new ``source`` value's JSON text, in the layout of the old one.

    New strings escape non-ASCII characters as this source already does, else as the file
    does, else not (nbformat's default).
    """
    assert cell.new_text is not None
    span = cell.span
    local = _escapes_non_ascii(text, span.source_start, span.source_end)
    ensure_ascii = bool(local if local is not None else file_escapes())
    if cell.elements is None or span.elements is None:
        return json.dumps(cell.new_text, ensure_ascii=ensure_ascii)
    old_elements = cell.elements
    new_elements = _line_splitter(old_elements)(cell.new_text)
    raw = [text[start:end] for start, end in span.elements]
    tokens: list[str] = []
    matcher = difflib.SequenceMatcher(None, old_elements, new_elements, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            tokens.extend(raw[i1:i2])  # unchanged lines keep their exact escaping
        else:
            tokens.extend(json.dumps(e, ensure_ascii=ensure_ascii) for e in new_elements[j1:j2])
    if not tokens:
        return "[]"
    if not raw:
        return "[" + ", ".join(tokens) + "]"
    opening = text[span.source_start + 1 : span.elements[0][0]]
    closing = text[span.elements[-1][1] : span.source_end - 1]
    separator = text[span.elements[0][1] : span.elements[1][0]] if len(raw) > 1 else "," + opening
    return "[" + opening + separator.join(tokens) + closing + "]"


def _annotate_hunks(diff: str, json_lines: list[int], cells: list[_Cell]) -> str:
    """Name the cell each hunk touches after its ``@@ ... @@`` header."""
    cell_lines = [(bisect.bisect_right(json_lines, c.span.start), c.number) for c in cells]
    lines = diff.splitlines(keepends=True)
    out: list[str] = []
    for index, line in enumerate(lines):
        header = re.match(r"@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@$", line.rstrip("\n"))
        if header is None:
            out.append(line)
            continue
        old_line = int(header.group(1))
        for following in lines[index + 1 :]:
            if following.startswith((" ", "\\")):
                old_line += following.startswith(" ")
                continue
            break
        number = 0
        for first_line, cell_number in cell_lines:
            if first_line <= max(old_line, 1):
                number = cell_number
        out.append(f"{line.rstrip(chr(10))} cell {number}\n" if number else line)
    return "".join(out)


def migrate_notebook(
    data: bytes,
    display: str,
    rules: Sequence[RuleClass],
    project: ProjectFacts | None = None,
    helper: HelperImport | None = None,
) -> FileMigration:
    """Migrate the code cells of a ``.ipynb`` file. Raises :class:`MigrationError` when it cannot."""
    try:
        return _migrate_notebook(data, display, rules, project, helper)
    except (MigrationError, RecursionError):
        raise
    except Exception as exc:  # a bug here must fail this notebook only, and leave it untouched
        raise MigrationError(
            f"internal error: {type(exc).__name__}: {exc}; file left unchanged", display
        ) from exc


def _migrate_notebook(
    data: bytes,
    display: str,
    rules: Sequence[RuleClass],
    project: ProjectFacts | None,
    helper: HelperImport | None = None,
) -> FileMigration:
    text, notebook, cells = _load(data, display)
    if any(PLACEHOLDER_PREFIX in cell.text for cell in cells if cell.cell_type == "code"):
        raise MigrationError(
            f"the notebook's code uses the reserved name prefix `{PLACEHOLDER_PREFIX}`", display
        )
    migrator = _NotebookMigrator(text, cells, display, rules, project, helper)
    migrator.run(_kernel_language(notebook))
    collected = migrator.out
    findings = sorted(set(collected.findings))
    acknowledged = sorted(set(collected.acknowledged))
    changed = [cell for cell in cells if cell.new_text is not None and cell.new_text != cell.text]
    if not changed:
        return FileMigration(data, findings, acknowledged)
    pieces: list[str] = []
    cursor = 0
    file_escapes = functools.cache(lambda: _escapes_non_ascii(text))  # scanned once, if needed
    for cell in changed:
        pieces.append(text[cursor : cell.span.source_start])
        pieces.append(_source_json(text, cell, file_escapes))
        cursor = cell.span.source_end
    pieces.append(text[cursor:])
    new_text = "".join(pieces)
    _verify(new_text, changed, display)
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    diff = _annotate_hunks(
        unified_diff(text, new_text, display, secrets=collected.secrets), migrator.json_lines, cells
    )
    migration = FileMigration(bom + new_text.encode("utf-8"), findings, acknowledged, diff)
    migration.support_modules.update(collected.support_modules)
    migration.packages.update(collected.packages)
    return migration


def _verify(new_text: str, changed: list[_Cell], display: str) -> None:
    """The edited JSON must load and hold exactly the new sources, in the old form."""
    try:
        loaded = json.loads(new_text)
        by_number = {cell.number: cell for cell in changed}
        for number, raw in enumerate(loaded["cells"], start=1):
            cell = by_number.get(number)
            if cell is None:
                continue
            source = raw["source"]
            if cell.elements is None:
                ok = source == cell.new_text
            else:
                ok = isinstance(source, list) and "".join(source) == cell.new_text
            if not ok:
                raise ValueError(f"cell {number}")
    except (ValueError, KeyError, TypeError) as exc:
        raise MigrationError(
            f"internal error: the edited notebook JSON does not check out ({exc}); file left unchanged",
            display,
        ) from None


__all__ = ["migrate_notebook"]
