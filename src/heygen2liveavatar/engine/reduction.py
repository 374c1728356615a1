"""Top-level functions, classes and data no rule can act on stay out of the LibCST pipeline.

A module that calls HeyGen is usually a module of a few hundred lines of which a few dozen
concern HeyGen: the rest (helpers, unrelated classes, error handling) costs as much to parse,
index and splice as the part that matters. Each top-level ``def``, ``class`` or data statement
(``TABLE = {...}``, a ``for`` filling it; not an import) that is *unrelated* is replaced, for
the pipeline only, by an inert placeholder of the same number of lines (one for statements left
out one after another); the pipeline's output gets the original text back in its place. Lines and columns of everything else are unchanged,
so findings, markers and the diff are the same as without the reduction
(``tests/test_reduction.py`` migrates padded fixtures and corpus projects both ways).

What that takes is the module's :class:`Layout` (its top-level statements' spans, names and
whether they name HeyGen), read with ``ast``: by the project facts on the parse they make
anyway, and kept in the facts cache, or here when a text has no facts (a later pass of the
fixed point). Unrelated means, conservatively:

* its text names nothing the pre-filters look for (a HeyGen word, an endpoint, an asset id,
  a session response's keys), nor session-data and key words (``access_token``, ``api_key``);
* it defines no function its own module's facts give a role (a wrapper, an opener, a client,
  a dispatch helper: :attr:`Layout.roles`), and it uses no name of the project's roles (nor a
  base or key setting's) where that name can come from another module: imported from outside
  the standard library, or read through such an import (``client.open_room()``); nor a
  dispatch helper with its action. A name merely imported elsewhere (``from .x import Y``)
  does not keep ``Y``: what another module needs of it, its facts say;
* it is not linked by a name to a related statement, transitively: it defines no name a
  related statement uses (a helper it calls, a class it instantiates; not a method name it
  calls, which reaches a class only through an instance, got by the class's name or a
  related function's), and uses no name a related statement defines (a constant, a client,
  a function, a method name of a related class: ``client.open(...)`` in a function given
  the client), since a rule may change that definition.
  Names bound by imports do not link (nearly every function uses one); instead each
  placeholder *reads* the imported names its statement uses, so that pruning an import the
  rewrite left unused (``analysis/dead_code.py``) still sees them used;
* a data statement binds no name the facts know as a setting (a base URL, a key, an asset
  id), which a rule may change for another module;
* it comes after the module's first indented block (LibCST takes the file's indentation from
  it). The file's quote and longest line, which generated code follows, are the whole text's.

When the output does not hold every placeholder exactly once (no rule edits them, so this is a
safeguard), the file is migrated again without the reduction.
"""

from __future__ import annotations

import ast
import json
import keyword
import re
import sys
from dataclasses import dataclass, replace

from .._prefilter import may_contain_heygen, may_name_heygen_asset, may_parse_session_response
from ..analysis.mentions import LEXEME_TEXT, file_quote
from ..model import ProjectFacts

MIN_SAVED_LINES = 40
"""Below this many placeholder lines the ``ast`` read costs more than it saves."""

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_GLOBAL = re.compile(r"\bglobal\s+([A-Za-z_][\w \t,]*)")
_KEYWORDS = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist)
_LINE_END = re.compile(r"\r\n|\n")
_NOT_LINE_BREAK = re.compile(r"[^\r\n]")


@dataclass(frozen=True)
class Reduction:
    """The text the pipeline reads, and what to put back in its output."""

    text: str
    placeholders: tuple[tuple[str, str], ...]
    """(placeholder text, original text) of every run of statements left out, in order: the
    ``n``-th placeholder starts with :attr:`prefix` and ``n``."""
    prefix: str = "(h2l_opaque_"
    """What every placeholder starts with (its number follows), found nowhere in the text."""

    def restore(self, code: str) -> str | None:
        """``code`` (the pipeline's output) with the original statements back; ``None`` when a
        placeholder is not there exactly once. One pass over the code: a generated module of
        tens of thousands of statements must not cost a search of the code per placeholder."""
        prefix = self.prefix
        parts: list[str] = []
        restored: set[int] = set()
        position = 0
        while (at := code.find(prefix, position)) >= 0:
            end = at + len(prefix)
            while end < len(code) and code[end].isdigit():
                end += 1
            number = int(code[at + len(prefix) : end] or "-1")
            if not 0 <= number < len(self.placeholders) or number in restored:
                return None
            placeholder, original = self.placeholders[number]
            if not code.startswith(placeholder, at):
                return None
            restored.add(number)
            parts += (code[position:at], original)
            position = at + len(placeholder)
        if len(restored) != len(self.placeholders):
            return None
        parts.append(code[position:])
        return "".join(parts)


@dataclass(frozen=True)
class Unit:
    """One top-level statement, as the reduction reads it."""

    start: int
    """Offset (in characters) of its first line (its first decorator's)."""
    end: int
    """Offset after its last line's line break."""
    lines: int
    excludable: bool
    """A function, class or data statement (see :func:`_excludable`) after the module's first
    indented block."""
    concerns_heygen: bool
    """Its text names what the pre-filters look for, or session data and key words."""
    top_level_name: str | None
    """The function's or class's name (``None`` for other statements)."""
    defines: frozenset[str]
    uses: frozenset[str]
    members: frozenset[str] = frozenset()
    """Of ``defines``, a class's method names: reached only through an instance."""

    def to_json(self) -> list[object]:
        return [
            self.start,
            self.end,
            self.lines,
            self.excludable,
            self.concerns_heygen,
            self.top_level_name,
            sorted(self.defines),
            sorted(self.uses),
            sorted(self.members),
        ]

    @classmethod
    def from_json(cls, value: list[object]) -> Unit:
        start, end, lines, excludable, concerns, name, defines, uses, members = value
        if not isinstance(start, int) or not isinstance(end, int) or not isinstance(lines, int):
            raise ValueError("offsets")
        if not (isinstance(defines, list) and isinstance(uses, list) and isinstance(members, list)):
            raise ValueError("names")
        return cls(
            start,
            end,
            lines,
            bool(excludable),
            bool(concerns),
            None if name is None else str(name),
            frozenset(map(str, defines)),
            frozenset(map(str, uses)),
            frozenset(map(str, members)),
        )


@dataclass(frozen=True)
class Layout:
    """What the reduction reads of a module with ``ast``, before any project fact: the project
    facts keep it (cached by content, ``engine/project_facts.py``), so that a run finds it
    without parsing the module again. No units: nothing could be left out."""

    length: int
    """Characters of the text it was read from."""
    newline: str
    quote: str
    """The quote most of its one-line strings use (``analysis.mentions.file_quote``), for the
    style of the code the rules write."""
    units: tuple[Unit, ...] = ()
    imported: frozenset[str] = frozenset()
    """Names bound by top-level imports that do not name HeyGen."""
    outside_stdlib: frozenset[str] = frozenset()
    """Names bound by top-level imports of modules outside the standard library."""
    roles: frozenset[str] | None = None
    """Names of the functions, methods and classes of this module that its own facts give a
    role (request wrappers, openers, clients: ``FileFacts.role_names``); ``None`` when the
    facts did not read them (then any module's roles count)."""

    def to_json(self) -> dict[str, object]:
        return {
            "length": self.length,
            "newline": self.newline,
            "quote": self.quote,
            "units": [unit.to_json() for unit in self.units],
            "imported": sorted(self.imported),
            "outside_stdlib": sorted(self.outside_stdlib),
            "roles": sorted(self.roles) if self.roles is not None else None,
        }

    @classmethod
    def from_json(cls, value: object) -> Layout | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            raise ValueError("layout: not a mapping")
        length, newline, quote = value["length"], value["newline"], value["quote"]
        if not isinstance(length, int) or newline not in ("\n", "\r\n") or quote not in "'\"":
            raise ValueError("layout: bad length, newline or quote")
        roles = value["roles"]
        if roles is not None and not isinstance(roles, list):
            raise ValueError("layout: bad roles")
        try:
            units = tuple(Unit.from_json(unit) for unit in value["units"])
        except (TypeError, ValueError) as error:
            raise ValueError(f"layout: bad unit ({error})") from None
        return cls(
            length,
            newline,
            quote,
            units,
            frozenset(map(str, value["imported"])),
            frozenset(map(str, value["outside_stdlib"])),
            frozenset(map(str, roles)) if roles is not None else None,
        )


def layout_text(layout: Layout) -> str:
    """``layout`` as the project facts keep it: JSON text, decoded (:func:`decoded_layout`)
    only where its file is migrated. A run reads the facts of every file of the project, and
    a pool's parent would otherwise decode every layout and send each to a worker as objects."""
    return json.dumps(layout.to_json(), separators=(",", ":"))


def decoded_layout(text: str | None) -> Layout | None:
    """The layout of a :func:`layout_text`; ``None`` for none, or for damaged text (a facts
    cache entry is checked when it is read, not this part of it): the file is then migrated
    without the reduction."""
    if text is None:
        return None
    try:
        return Layout.from_json(json.loads(text))
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None


def read_layout(text: str, tree: ast.Module | None = None) -> Layout | None:
    """The layout of ``text`` (``tree``: its ``ast`` parse, when the caller has it); ``None``
    when ``ast`` cannot read it."""
    empty = Layout(len(text), "\n", file_quote(text))
    if not _may_reduce(text):
        return empty
    if tree is None:
        try:
            tree = ast.parse(text)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return None
    lines = _Lines(text)
    units = _units(tree, lines)
    if units is None or sum(u.lines for u in units if u.excludable) < MIN_SAVED_LINES:
        return empty
    return Layout(
        len(text),
        lines.ending(0) or "\n",
        empty.quote,
        tuple(units),
        _import_bound_names(tree),
        _outside_stdlib(tree),
    )


def _may_reduce(text: str) -> bool:
    """Long enough to be worth reading, and lines as the layout counts them (a lone carriage
    return ends a line for Python, not for :class:`_Lines`)."""
    return text.count("\n") >= 2 * MIN_SAVED_LINES and "\r" not in text.replace("\r\n", "")


def reduce_source(
    text: str, project: ProjectFacts | None, layout: Layout | None = None
) -> Reduction | None:
    """The reduced text of ``text``, or ``None`` when nothing worth leaving out is found
    (also for text ``ast`` cannot read: the pipeline reports it as before). ``layout``: the
    text's :func:`read_layout`, when the project facts have it."""
    if layout is None:
        layout = read_layout(text) if _may_reduce(text) else None
    if layout is None or not layout.units or layout.length != len(text):
        return None
    units = layout.units
    imported = layout.imported
    roles = _project_roles(project)
    if layout.roles is not None:
        # Defining a name matters for the module whose facts gave it the role (a
        # ``def update(...)`` elsewhere is not this module's request wrapper ``update``).
        roles = replace(roles, defined=layout.roles | roles.models)
    related = _related(text, units, imported, roles, layout.outside_stdlib)
    left_out = [
        unit
        for unit, keep in zip(units, related, strict=True)
        if unit.excludable and not keep and not _sets_a_setting(unit, roles)
    ]
    if sum(u.lines for u in left_out) < MIN_SAVED_LINES:
        return None
    # Statements left out one after the other (no line between them) share one placeholder:
    # a generated module of fifty thousand assignments is one placeholder, not fifty thousand.
    runs: list[list[Unit]] = []
    for unit in left_out:
        if runs and runs[-1][-1].end == unit.start:
            runs[-1].append(unit)
        else:
            runs.append([unit])
    prefix = f"(h2l_opaque_{_nonce(text)}_"
    reduced: list[str] = []
    placeholders: list[tuple[str, str]] = []
    position = 0
    for number, run in enumerate(runs):
        start, end = run[0].start, run[-1].end
        reduced.append(text[position:start])
        original = text[start:end]
        read = sorted(frozenset().union(*(unit.uses for unit in run)) & imported)
        lines = sum(unit.lines for unit in run)
        # A name, not a string: the file's quote count (``analysis/file_style.py``) reads
        # the whole file's text, and a marker string would count in the tree's.
        head = f"{prefix}{number}" + "".join(f", {name}" for name in read)
        last = _line_break(original)
        if lines == 1:
            placeholder = head + ")" + last
        else:
            # The lines are backslash continuations, not blank lines: LibCST reads the run as
            # one whitespace node, where blank lines in parentheses are an ``EmptyLine`` node
            # each (a tenth of the parse of a module whose lines are mostly left out).
            placeholder = head + "," + ("\\" + layout.newline) * (lines - 1) + ")" + last
        reduced.append(placeholder)
        placeholders.append((placeholder, original))
        position = end
    reduced.append(text[position:])
    return Reduction("".join(reduced), tuple(placeholders), prefix)


class _Lines:
    """The text by line: offsets where lines start, and the text blanked of comments and
    strings (but f-strings, whose replacement fields are code) at the same offsets, so that
    the words of prose are not taken for names."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(match.end() for match in _LINE_END.finditer(text))]
        if self.starts[-1] == len(text) and len(self.starts) > 1:
            self.starts.pop()  # the text ends with a line break: no line after it
        self.count = len(self.starts)
        self.code = LEXEME_TEXT.sub(_blank_unless_code, text)

    def offset(self, line: int) -> int:
        return self.starts[line] if line < self.count else len(self.text)

    def text_of(self, start: int, end: int) -> str:
        return self.text[self.offset(start) : self.offset(end)]

    def line(self, line: int) -> str:
        return self.text[self.offset(line) : self.offset(line + 1)]

    def ending(self, line: int) -> str:
        return _line_break(self.line(line))

    def names(self, start: int, end: int) -> frozenset[str]:
        """Every identifier of lines ``start`` to ``end`` (exclusive) outside prose."""
        return frozenset(_IDENTIFIER.findall(self.code, self.offset(start), self.offset(end)))


def _line_break(text: str) -> str:
    """The line break ``text`` ends with (``""`` at the end of a file without one)."""
    if text.endswith("\r\n"):
        return "\r\n"
    return "\n" if text.endswith("\n") else ""


def _blank_unless_code(match: re.Match[str]) -> str:
    lexeme = match.group(0)
    string = match.group(2)
    if string is not None and "f" in string[: len(string) - len(string.lstrip("rRbBuUfF"))].lower():
        return _blank_fstring_text(lexeme)
    return _blank(lexeme)


def _blank(text: str) -> str:
    return _NOT_LINE_BREAK.sub(" ", text) if "\n" in text else " " * len(text)


def _blank_fstring_text(lexeme: str) -> str:
    """An f-string with its literal text blanked and its replacement fields (code) kept:
    ``f"{BASE}/streaming.new"`` uses ``BASE``, not a function called ``new``."""
    kept: list[str] = []
    depth = 0
    literal_from = 0
    position = 0
    while position < len(lexeme):
        char = lexeme[position]
        if depth == 0 and char in "{}" and lexeme.startswith(char * 2, position):
            position += 2  # an escaped brace: literal text
            continue
        if char == "{":
            if depth == 0:
                kept.append(_blank(lexeme[literal_from:position]))
                literal_from = position
            depth += 1
        elif char == "}" and depth:
            depth -= 1
            if depth == 0:
                kept.append(lexeme[literal_from : position + 1])
                literal_from = position + 1
        position += 1
    if depth:  # unbalanced (not an f-string the parser took): keep it all, as code
        return lexeme
    kept.append(_blank(lexeme[literal_from:]))
    return "".join(kept)


def _nonce(text: str) -> str:
    number = 0
    while f"h2l_opaque_{number}_" in text:
        number += 1
    return str(number)


def _units(tree: ast.Module, lines: _Lines) -> list[Unit] | None:
    units: list[Unit] = []
    previous_end = 0
    # LibCST takes the module's indentation unit from its first indented block: the
    # statements up to the first one holding such a block stay, so that the reduced text has
    # the same first block (code the rules write in new blocks is indented by it).
    indented_yet = False
    for statement in tree.body:
        decorators = getattr(statement, "decorator_list", ())
        start = min([statement.lineno, *(d.lineno for d in decorators)]) - 1
        end = statement.end_lineno
        if end is None or start < previous_end:
            return None  # statements sharing a line (``x = 1; y = 2``)
        excludable = indented_yet and statement.col_offset == 0 and _excludable(statement)
        indented_yet = indented_yet or _has_indented_block(statement, lines)
        uses = lines.names(start, end) - _KEYWORDS
        raw = lines.text_of(start, end)
        units.append(
            Unit(
                lines.offset(start),
                lines.offset(end),
                end - start,
                excludable,
                _concerns_heygen(raw),
                getattr(statement, "name", None),
                _defined(statement, raw, uses),
                uses,
                _methods(statement),
            )
        )
        previous_end = end
    return units


def _excludable(statement: ast.stmt) -> bool:
    """A statement the pipeline may read as a placeholder when nothing relates it to HeyGen:
    a function, a class, or a statement computing module data (``MAPPING = {...}``, a
    ``for`` filling a table, a ``try`` choosing an implementation). Imports stay (the rules
    add to them and prune them), and so do statements binding a dunder name (``__all__``)."""
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return True
    if isinstance(statement, (ast.Import, ast.ImportFrom, ast.Global, ast.Nonlocal)):
        return False
    return not any(
        isinstance(node, ast.Name)
        and not isinstance(node.ctx, ast.Load)
        and node.id.startswith("__")
        and node.id.endswith("__")
        for node in ast.walk(statement)
    )


def _concerns_heygen(raw: str) -> bool:
    data = raw.encode("utf-8", "surrogatepass")
    lowered = data.lower()
    return (
        may_contain_heygen(data)
        or may_name_heygen_asset(data)
        or may_parse_session_response(data)
        or any(word in lowered for word in _SEED_WORDS)
    )


def _has_indented_block(statement: ast.stmt, lines: _Lines) -> bool:
    """Does a block of this top-level statement start on a line of its own?"""
    blocks: list[list[ast.stmt]] = []
    for name in ("body", "orelse", "finalbody"):
        block = getattr(statement, name, None)
        if isinstance(block, list) and block:
            blocks.append(block)
    for handler in getattr(statement, "handlers", ()):
        blocks.append(handler.body)
    for case in getattr(statement, "cases", ()):
        blocks.append(case.body)
    for block in blocks:
        first = block[0]
        line = lines.line(first.lineno - 1)
        indentation = len(line) - len(line.lstrip(" \t"))
        if indentation and first.col_offset == indentation:
            return True
    return False


def _defined(statement: ast.stmt, raw: str, uses: frozenset[str]) -> frozenset[str]:
    """Names the statement binds at module level (over-approximated: any name it stores)."""
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
        names = {statement.name}
    elif isinstance(statement, ast.ClassDef):
        # Its methods' names too: a call ``x.method()`` elsewhere may be rewritten with it.
        names = {statement.name} | _methods(statement)
    elif isinstance(statement, (ast.Import, ast.ImportFrom)):
        return frozenset(alias.asname or alias.name.split(".")[0] for alias in statement.names)
    elif isinstance(statement, (ast.Assign, ast.AnnAssign, ast.AugAssign)) and ":=" not in raw:
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        return frozenset(
            node.id for target in targets for node in ast.walk(target) if isinstance(node, ast.Name)
        )
    elif isinstance(statement, ast.Expr) and ":=" not in raw:
        return frozenset()
    else:
        found: set[str] = set()
        for node in ast.walk(statement):
            if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                found.add(node.id)
            elif isinstance(node, ast.alias):
                found.add(node.asname or node.name.split(".")[0])
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                found.add(node.name)
        return frozenset(found)
    if "global" in uses:
        for match in _GLOBAL.finditer(raw):
            names.update(_IDENTIFIER.findall(match.group(1)))
    return frozenset(names)


def _methods(statement: ast.stmt) -> frozenset[str]:
    """A class's method names (but dunder methods, which no call names)."""
    if not isinstance(statement, ast.ClassDef):
        return frozenset()
    return frozenset(
        item.name
        for item in statement.body
        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
        and not (item.name.startswith("__") and item.name.endswith("__"))
        and item.name != statement.name
    )


def _import_bound_names(tree: ast.Module) -> frozenset[str]:
    """Names bound by the module's top-level imports, unless the import names HeyGen."""
    names: set[str] = set()
    for statement in tree.body:
        if isinstance(statement, (ast.Import, ast.ImportFrom)):
            module = getattr(statement, "module", None) or ""
            for alias in statement.names:
                if _names_heygen(f"{module} {alias.name}"):
                    continue
                names.add(alias.asname or alias.name.split(".")[0])
    return frozenset(names)


def _outside_stdlib(tree: ast.Module) -> frozenset[str]:
    """Names bound by top-level imports of modules outside the standard library (the
    project's own modules among them)."""
    names: set[str] = set()
    for statement in tree.body:
        if isinstance(statement, ast.Import):
            for alias in statement.names:
                if alias.name.split(".")[0] not in sys.stdlib_module_names:
                    names.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(statement, ast.ImportFrom):
            module = statement.module or ""
            if statement.level or module.split(".")[0] not in sys.stdlib_module_names:
                names.update(alias.asname or alias.name for alias in statement.names)
    return frozenset(names)


def _names_heygen(text: str) -> bool:
    return may_contain_heygen(text) or "heygen" in text.lower()


def _related(
    text: str,
    units: tuple[Unit, ...],
    imported: frozenset[str],
    roles: _Roles,
    third_party: frozenset[str],
) -> list[bool]:
    related = [_seed(text, unit, roles, third_party) for unit in units]
    defined: set[str] = set()
    used: set[str] = set()
    for unit, seed in zip(units, related, strict=True):
        if seed:
            defined |= unit.defines - imported
            used |= unit.uses
    changed = True
    while changed:
        changed = False
        for number, unit in enumerate(units):
            if related[number]:
                continue
            # A class's methods are reached through an instance, which takes its class's name
            # (or a related function's) to get: ``response.close()`` in a related statement
            # does not make every class with a ``close`` method related.
            if (unit.defines - unit.members) & used or (unit.uses - imported) & defined:
                related[number] = True
                defined |= unit.defines - imported
                used |= unit.uses
                changed = True
    return related


def _seed(text: str, unit: Unit, roles: _Roles, third_party: frozenset[str]) -> bool:
    """Does the statement itself concern HeyGen, here or for another module?"""
    if unit.concerns_heygen:
        return True
    uses = unit.uses
    named = (roles.called | roles.constants) & uses
    # A role's name matters when it can be another module's function or setting: bound here
    # by an import of the project or a package (not of the standard library), or reached
    # through such a name (``client.open_room(...)``, ``settings.HEYGEN_BASE``).
    if named and not named.isdisjoint(third_party):
        return True
    holders = third_party & uses
    if named and holders and _reaches(text[unit.start : unit.end], holders, named):
        return True
    if not (roles.called if roles.defined is None else roles.defined).isdisjoint(unit.defines):
        return True
    for method, action in roles.actions:
        if method in uses:
            raw = text[unit.start : unit.end]
            if f'"{action}"' in raw or f"'{action}'" in raw:
                return True
    return False


def _sets_a_setting(unit: Unit, roles: _Roles) -> bool:
    """A data statement binding a name the facts know as a setting (a base URL, a key, an
    asset id): a rule may act on it for another module. It stays, but relates nothing more
    (the facts' setting names are broad: any name a base's value flows through)."""
    return unit.top_level_name is None and not roles.constants.isdisjoint(unit.defines)


def _reaches(raw: str, holders: frozenset[str], named: frozenset[str]) -> bool:
    """``raw`` reads one of ``named`` as an attribute of one of ``holders`` (``a.b.name``)."""
    pattern = r"\b(?:{})\s*\.\s*(?:\w+\s*\.\s*)*(?:{})\b".format(
        "|".join(map(re.escape, sorted(holders))), "|".join(map(re.escape, sorted(named)))
    )
    return re.search(pattern, raw) is not None


# Words of session data and keys that code without HeyGen words may handle for code that has
# them: a response's fields, a key passed as ``api_key=`` (H2L402/H2L406 read those).
_SEED_WORDS: tuple[bytes, ...] = (
    b"access_token",
    b"session_id",
    b"livekit",
    b"api_key",
    b"api-key",
    b"apikey",
    b"avatar_id",
    b"realtime",
    b"'url'",
    b'"url"',
    # raw WebRTC (v1) response fields, which H2L105 marks where code reads them
    b"ice_servers",
    b"'sdp'",
    b'"sdp"',
)


@dataclass(frozen=True)
class _Roles:
    """What the project's facts say about names, for a module that may not mention HeyGen."""

    called: frozenset[str] = frozenset()
    """Wrappers, openers, dispatch helpers, clients, models, getters: a call of one imported
    from another module matters there."""
    constants: frozenset[str] = frozenset()
    """Base, key, asset-id and streaming URL setting names (``settings.AVATAR_ID``,
    ``urls.NEW_URL``): read anywhere, they matter."""
    actions: frozenset[tuple[str, str]] = frozenset()
    """(method, action) of dispatch calls, ``x.call("new", ...)``."""
    models: frozenset[str] = frozenset()
    """Response models: named by the module sending the request, defined in another."""
    defined: frozenset[str] | None = None
    """Of ``called``, those the module being reduced gives a role (:attr:`Layout.roles`) and
    the models; ``None``: unknown, all of ``called``."""


_NO_ROLES = _Roles()
_ROLES: dict[int, tuple[ProjectFacts, _Roles]] = {}

# The facts naming functions, methods and classes: (field, which items of each entry are
# names; ``None`` for a set of names). Parameter names, paths and config keys are left out.
_CALLED_FIELDS: tuple[tuple[str, tuple[int, ...] | None], ...] = (
    ("wrapper_bodies", (0,)),
    ("wrapper_parameters", (0,)),
    ("json_clients", (0, 1)),
    ("data_clients", (0, 1)),
    ("session_openers", None),
    ("id_parameters", (0,)),
    ("wrapper_urls", (0,)),
    ("wrapper_errors", (0, 1)),
    ("split_wrappers", None),
    ("dispatch_helpers", (0, 1)),
    ("token_response_models", None),
    ("paired_token_getters", None),
    ("json_helpers", None),
    ("data_helpers", None),
)
_CONSTANT_FIELDS = (
    "streaming_base_names",
    "streaming_key_names",
    "settings_key_fields",
    "code_key_names",
)


def _project_roles(project: ProjectFacts | None) -> _Roles:
    if project is None:
        return _NO_ROLES
    cached = _ROLES.get(id(project))
    if cached is not None and cached[0] is project:
        return cached[1]
    called: set[str] = set()
    for name, items in _CALLED_FIELDS:
        for entry in getattr(project, name):
            for part in (entry,) if items is None else tuple(entry[i] for i in items):
                called.update(_IDENTIFIER.findall(part))
    constants: set[str] = {name for _module, name, _text in project.string_constants}
    for _module, name, _text in project.url_constants:
        # ``NEW_URL``, ``Paths.START``, ``ENDPOINTS[task]``: a module sending one of another
        # module's URL constants may name no HeyGen word at all (``walk.imports_url_constant``)
        constants.update(_IDENTIFIER.findall(name.partition("[")[0]))
    for name in _CONSTANT_FIELDS:
        for entry in getattr(project, name):
            constants.update(_IDENTIFIER.findall(entry))
    roles = _Roles(
        frozenset(called) - _KEYWORDS,
        frozenset(constants) - _KEYWORDS,
        frozenset(project.dispatch_actions),
        frozenset(project.token_response_models),
    )
    _ROLES.clear()
    _ROLES[id(project)] = (project, roles)
    return roles
