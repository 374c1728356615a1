"""Collects the edits of all rules and applies them in one transformer pass.

Edits are keyed by the identity of *original* nodes. A node transform receives the
already-updated node (its children carry the edits of other rules), so edits made by
different rules to nested nodes compose instead of overwriting each other.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Callable

import libcst as cst

from ..apispec.events import BRIDGE_MODULE
from ..model import MARKER_PREFIX
from .empty_branches import without_empty_branches, without_empty_try
from .index import Statement
from .rebuild import rebuild_paths

NodeTransform = Callable[[cst.CSTNode], cst.CSTNode]


@dataclass(frozen=True)
class ImportRequest:
    module: str
    name: str | None = None
    """``None`` for ``import module``; else ``from module import name``."""
    alias: str | None = None
    """``import module as alias`` / ``from module import name as alias``."""

    @property
    def local_name(self) -> str:
        if self.alias is not None:
            return self.alias
        return self.name if self.name is not None else self.module.split(".")[0]

    @property
    def qualified(self) -> str:
        """How :class:`ModuleIndex` records the import (``.name`` for ``from . import name``)."""
        if self.name is None:
            return self.module if self.alias is not None else self.module.split(".")[0]
        return (
            f"{self.module}{self.name}"
            if self.module.endswith(".")
            else f"{self.module}.{self.name}"
        )


@dataclass
class EditSet:
    transforms: dict[int, list[NodeTransform]] = field(default_factory=dict)
    markers: dict[int, list[str]] = field(default_factory=dict)
    before: dict[int, list[cst.BaseStatement]] = field(default_factory=dict)
    after: dict[int, list[cst.BaseStatement]] = field(default_factory=dict)
    removed: set[int] = field(default_factory=set)
    imports: list[ImportRequest] = field(default_factory=list)
    prune_candidates: set[str] = field(default_factory=set)
    pure_callees: set[str] = field(default_factory=set)
    """The module's functions a rule made effect-free: their calls' results may be pruned."""
    """Names that removed code read; deleted after the edits if nothing uses them any more."""
    pruned_markers: set[int] = field(default_factory=set)
    """Keys of marked statements that pruning deleted with their markers (set by ``apply``):
    their manual findings have no marker left."""
    pruned_statements: set[int] = field(default_factory=set)
    """Keys of the original statements that pruning deleted (set by ``apply``): an edit
    reported on one of them is not in the output."""

    def __bool__(self) -> bool:
        return bool(
            self.transforms
            or self.markers
            or self.before
            or self.after
            or self.removed
            or self.imports
        )

    @property
    def changes_code(self) -> bool:
        return bool(self.transforms or self.before or self.after or self.removed)

    def transform(self, node: cst.CSTNode, fn: NodeTransform) -> None:
        self.transforms.setdefault(id(node), []).append(fn)

    def replace(self, node: cst.CSTNode, new: cst.CSTNode) -> None:
        self.transform(node, lambda _updated: new)

    def add_marker(self, statement: Statement, text: str) -> None:
        texts = self.markers.setdefault(id(statement), [])
        if text not in texts:
            texts.append(text)

    def insert_before(self, statement: Statement, new: list[cst.BaseStatement]) -> None:
        self.before.setdefault(id(statement), []).extend(new)

    def insert_after(self, statement: Statement, new: list[cst.BaseStatement]) -> None:
        self.after.setdefault(id(statement), []).extend(new)

    def remove(self, statement: Statement) -> None:
        self.removed.add(id(statement))

    def require_import(
        self, module: str, name: str | None = None, alias: str | None = None
    ) -> None:
        request = ImportRequest(module, name, alias)
        if request not in self.imports:
            self.imports.append(request)

    def apply(
        self,
        module: cst.Module,
        module_imports: dict[str, str],
        parents: dict[int, cst.CSTNode],
    ) -> cst.Module:
        # Only the paths from the root to edited nodes are rebuilt; every other subtree is
        # reused as it is, so applying a few edits costs far less than a full transform.
        dirty: set[int] = {id(module)}
        for key in (*self.transforms, *self.markers, *self.before, *self.after, *self.removed):
            dirty.add(key)
            current = parents.get(key)
            while current is not None and id(current) not in dirty:
                dirty.add(id(current))
                current = parents.get(id(current))
        applier = _EditApplier(self, parents)
        result = rebuild_paths(module, dirty, applier.leave)
        assert isinstance(result, cst.Module)
        missing = [
            imp for imp in self.imports if module_imports.get(imp.local_name) != imp.qualified
        ]
        if missing:
            result = _add_imports(result, missing)
        if self.prune_candidates:
            from .dead_code import prune_unused_marked

            result, self.pruned_markers, pruned = prune_unused_marked(
                result,
                self.prune_candidates,
                applier.marked_this_run,
                frozenset(self.pure_callees),
            )
            self.pruned_statements = {applier.originals.get(key, key) for key in pruned}
        return result


def _spliced(
    block: cst.Module | cst.IndentedBlock, emptied: set[int]
) -> cst.Module | cst.IndentedBlock:
    """The block with each statement a transform turned into several (a ``FlattenSentinel``)
    replaced by those statements."""
    body: list[cst.BaseStatement] = []
    for statement in _as_objects(block.body):
        if isinstance(statement, cst.FlattenSentinel):
            body.extend(statement.nodes)
        else:
            assert isinstance(statement, cst.BaseStatement)
            body.append(statement)
    if not body and isinstance(block, cst.IndentedBlock):
        body = [emptied_block_line(emptied)]
    return block.with_changes(body=body)


def emptied_block_line(emptied: set[int]) -> cst.SimpleStatementLine:
    """The ``pass`` of a block the edits emptied (recorded, so that ``else: pass`` goes)."""
    line = cst.SimpleStatementLine(body=[cst.Pass()])
    emptied.add(id(line))
    return line


def _as_objects(body: Sequence[cst.BaseStatement]) -> Sequence[object]:
    # A block's body may hold FlattenSentinels while it is rebuilt, whatever its type says.
    return body


def marker_comment(text: str) -> str:
    return f"# {MARKER_PREFIX} {text}"


def marker_code_above(module: cst.Module, statement: Statement, message: str) -> str | None:
    """The rule code of a marker saying ``message`` already above ``statement`` (an earlier
    run's: a second run must find it under the code it has, and add no twin)."""
    lines = list(statement.leading_lines)
    if module.body and statement is module.body[0]:
        lines += module.header
    prefix = marker_comment("")
    for line in lines:
        comment = line.comment.value if line.comment is not None else ""
        code, _, text = comment[len(prefix) :].partition(" ")
        if comment.startswith(prefix) and text == message and code.startswith("H2L"):
            return code
    return None


def _has_marker(lines: list[cst.EmptyLine] | tuple[cst.EmptyLine, ...], comment: str) -> bool:
    return any(line.comment is not None and line.comment.value == comment for line in lines)


class _EditApplier:
    """Applies an :class:`EditSet` to each node on the paths to its edits (see ``apply``)."""

    def __init__(self, edits: EditSet, parents: dict[int, cst.CSTNode]) -> None:
        self.edits = edits
        self._has_body_edits = bool(edits.before or edits.after or edits.removed)
        self.parents = parents
        self.emptied: set[int] = set()
        """Ids of the ``pass`` lines put in blocks the edits emptied."""
        self.marked_this_run: dict[int, int] = {}
        """``id`` of a rebuilt statement whose only markers the edits added -> its key."""
        self._marked_nodes: list[cst.CSTNode] = []
        """Those statements, kept alive so that their ``id`` names no other node."""
        self.originals: dict[int, int] = {}
        """``id`` of a rebuilt statement -> the key of the original it stands for (an
        untouched statement is its own original)."""
        self._rebuilt: list[cst.CSTNode] = []
        """Those statements, kept alive so that their ``id`` names no other node."""

    def leave(self, original_node: cst.CSTNode, updated_node: cst.CSTNode) -> cst.CSTNode:
        key = id(original_node)
        node = updated_node
        for fn in self.edits.transforms.get(key, ()):
            node = fn(node)
        texts = self.edits.markers.get(key)
        if texts and isinstance(node, cst.FlattenSentinel) and node.nodes:
            # A statement a transform split into several: its markers go above the first.
            first = node.nodes[0]
            if isinstance(first, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
                marked = [self._marked(first, key, texts), *node.nodes[1:]]
                node = cst.FlattenSentinel(marked)  # type: ignore[assignment]  # see ``_spliced``
        elif texts and isinstance(node, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            node = self._marked(node, key, texts)
        if node is not original_node and isinstance(
            original_node, (cst.SimpleStatementLine, cst.BaseCompoundStatement)
        ):
            self._note_original(node, key)
        if self._has_body_edits and isinstance(original_node, (cst.Module, cst.IndentedBlock)):
            assert isinstance(node, (cst.Module, cst.IndentedBlock))
            node = self._rebuild_body(original_node, node)
        if isinstance(node, (cst.Module, cst.IndentedBlock)) and any(
            isinstance(statement, cst.FlattenSentinel) for statement in _as_objects(node.body)
        ):
            node = _spliced(node, self.emptied)
        if type(node) is cst.If and self.emptied:
            in_block = type(self.parents.get(key)) in (cst.IndentedBlock, cst.Module)
            kept = without_empty_branches(node, self.emptied, removable=in_block)
            return kept  # type: ignore[return-value]  # a FlattenSentinel: rebuilt as a body
        if type(node) is cst.Try and self.emptied:
            in_block = type(self.parents.get(key)) in (cst.IndentedBlock, cst.Module)
            return without_empty_try(node, self.emptied, removable=in_block)  # type: ignore[return-value]
        if isinstance(node, cst.Module) and self.edits.markers:
            node = _without_header_markers(node)
        return node

    def _marked(
        self,
        node: cst.SimpleStatementLine | cst.BaseCompoundStatement,
        key: int,
        texts: list[str],
    ) -> cst.SimpleStatementLine | cst.BaseCompoundStatement:
        """``node`` with a marker line per text above it (each once)."""
        leading = list(node.leading_lines)
        had_markers = any(
            line.comment is not None and MARKER_PREFIX in line.comment.value for line in leading
        )
        for text in texts:
            comment = marker_comment(text)
            if not _has_marker(leading, comment):
                leading.append(cst.EmptyLine(comment=cst.Comment(comment)))
        marked = node.with_changes(leading_lines=leading)
        if not had_markers:
            self.marked_this_run[id(marked)] = key
            self._marked_nodes.append(marked)
        return marked

    def _note_original(self, node: cst.CSTNode, key: int) -> None:
        self.originals[id(node)] = key
        self._rebuilt.append(node)

    def _rebuild_body(
        self,
        original: cst.Module | cst.IndentedBlock,
        updated: cst.Module | cst.IndentedBlock,
    ) -> cst.Module | cst.IndentedBlock:
        if len(original.body) != len(updated.body):
            return updated
        body: list[cst.BaseStatement] = []
        changed = False
        for old, new in zip(original.body, updated.body):
            key = id(old)
            before = self.edits.before.get(key, [])
            if before:
                changed = True
                # Comments above the original statement stay above the code replacing it.
                leading = list(getattr(new, "leading_lines", ()))
                first = before[0]
                if leading and isinstance(
                    first, (cst.SimpleStatementLine, cst.BaseCompoundStatement)
                ):
                    before = [
                        first.with_changes(leading_lines=[*leading, *first.leading_lines]),
                        *before[1:],
                    ]
                    new = new.with_changes(leading_lines=[])
                    self._note_original(new, key)
                body.extend(before)
            if key in self.edits.removed:
                changed = True
            else:
                body.append(new)
            after = self.edits.after.get(key, [])
            if after:
                changed = True
                body.extend(after)
        if not changed:
            return updated
        if not body and isinstance(updated, cst.IndentedBlock):
            body = [emptied_block_line(self.emptied)]
        return updated.with_changes(body=body)


def _without_header_markers(module: cst.Module) -> cst.Module:
    """Drop markers on the first statement that the module header already has.

    Comments above a module's first statement parse into ``Module.header``, not into the
    statement's leading lines, so a marker left there by an earlier run is only seen here.
    """
    if not module.body or not module.header:
        return module
    first = module.body[0]
    header = [line for line in module.header if line.comment is not None]
    leading = [
        line
        for line in first.leading_lines
        if not (
            line.comment is not None
            and line.comment.value.startswith(f"# {MARKER_PREFIX}")
            and _has_marker(header, line.comment.value)
        )
    ]
    if len(leading) == len(first.leading_lines):
        return module
    return module.with_changes(body=[first.with_changes(leading_lines=leading), *module.body[1:]])


def _import_statement(request: ImportRequest) -> cst.SimpleStatementLine:
    alias = f" as {request.alias}" if request.alias is not None else ""
    if request.name is None:
        return cst.parse_statement(f"import {request.module}{alias}\n")  # type: ignore[return-value]
    return cst.parse_statement(f"from {request.module} import {request.name}{alias}\n")  # type: ignore[return-value]


def _is_import_line(stmt: cst.BaseStatement) -> bool:
    return isinstance(stmt, cst.SimpleStatementLine) and all(
        isinstance(small, (cst.Import, cst.ImportFrom)) for small in stmt.body
    )


def _add_imports(module: cst.Module, missing: list[ImportRequest]) -> cst.Module:
    from .marimo_cells import with_cell_imports

    # A marimo notebook's cells see only what other cells define: each import, a cell.
    celled = with_cell_imports(
        module, [(request.local_name, _import_statement(request)) for request in missing]
    )
    if celled is not None:
        return celled
    body = list(module.body)
    insert_at = 0
    if body and isinstance(body[0], cst.SimpleStatementLine):
        first = body[0].body[0] if body[0].body else None
        if isinstance(first, cst.Expr) and isinstance(
            first.value, (cst.SimpleString, cst.ConcatenatedString)
        ):
            insert_at = 1
    block_start = insert_at
    for position in range(insert_at, len(body)):
        if not _is_import_line(body[position]):
            break
        insert_at = position + 1
    new_statements = []
    for request in missing:
        merged = _merged_into_existing(body, request)
        if merged is not None:
            position, statement = merged
            body[position] = statement
            continue
        new = _import_statement(request)
        place = _standard_library_position(body[block_start:insert_at], request)
        if place is None:
            new_statements.append(new)
            continue
        # ``import os`` among the block's other standard-library imports, as isort puts it.
        position, where = place
        position += block_start
        following = body[position]
        assert isinstance(following, cst.SimpleStatementLine)
        if where != _AFTER_GROUP:
            # The blank lines or comments above the line it goes before stay above; a new
            # group is a blank line apart from the next.
            separator = [cst.EmptyLine()] if where == _NEW_GROUP else []
            body[position] = following.with_changes(leading_lines=separator)
            new = new.with_changes(leading_lines=following.leading_lines)
        body.insert(position, new)
        insert_at += 1
    body[insert_at:insert_at] = new_statements
    return module.with_changes(body=body)


_IN_GROUP, _AFTER_GROUP, _NEW_GROUP = "in group", "after group", "new group"


def _standard_library_position(
    block: Sequence[cst.BaseStatement], request: ImportRequest
) -> tuple[int, str] | None:
    """Where in the module's import ``block`` a plain import of a standard-library module goes
    (``import os``), as isort puts it: before the first ``import x`` of that group that sorts
    after it, else after the group's last ``import x``, else before its first ``from x import
    y``; without such a group, first (after ``from __future__`` imports), a group of its own.
    ``(position of the statement it goes before, how)``; ``None``: at the block's end."""
    if request.name is not None or not _in_standard_library(request.module):
        return None
    plain: list[tuple[int, str]] = []
    first_from: int | None = None
    futures = 0
    for position, statement in enumerate(block):
        assert isinstance(statement, cst.SimpleStatementLine)
        small = statement.body[0]
        if isinstance(small, cst.Import) and len(statement.body) == 1:
            name = cst.Module([]).code_for_node(small.names[0].name)
            if _in_standard_library(name):
                plain.append((position, name))
        elif isinstance(small, cst.ImportFrom) and small.module is not None and not small.relative:
            name = cst.Module([]).code_for_node(small.module)
            if name == "__future__":
                futures = position + 1
            elif _in_standard_library(name) and first_from is None:
                first_from = position
    for position, name in plain:
        if name > request.module:
            return position, _IN_GROUP
    if plain:
        after = plain[-1][0] + 1
        if after == len(block):
            return None
        return after, _IN_GROUP if first_from == after else _AFTER_GROUP
    if first_from is not None:
        return first_from, _IN_GROUP
    return (futures, _NEW_GROUP) if futures < len(block) else None


def _in_standard_library(module: str) -> bool:
    names = getattr(sys, "stdlib_module_names", _STANDARD_LIBRARY)
    return module.split(".")[0] in names


_STANDARD_LIBRARY = frozenset(
    {"asyncio", "base64", "json", "logging", "os", "re", "sys", "time", "typing", "uuid"}
)
"""Before Python 3.10 (no ``sys.stdlib_module_names``): the modules migrated code imports."""


def _merged_into_existing(
    body: Sequence[cst.BaseStatement], request: ImportRequest
) -> tuple[int, cst.SimpleStatementLine] | None:
    """``from desk.client import BaseClient`` gaining ``HeyGenError``: the name joins the
    module's one top-level ``from`` import of that module (on one line, without ``*``), as a
    person adds a name there rather than a second line."""
    if request.name is None or request.local_name == BRIDGE_MODULE:
        return None  # the helper module's import keeps a line of its own, as it always had
    found: list[tuple[int, cst.SimpleStatementLine, cst.ImportFrom]] = []
    for position, statement in enumerate(body):
        if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
            continue
        small = statement.body[0]
        if (
            isinstance(small, cst.ImportFrom)
            and _from_module(small) == request.module
            and not isinstance(small.names, cst.ImportStar)
        ):
            found.append((position, statement, small))
    if len(found) != 1:
        return None
    position, statement, small = found[0]
    assert not isinstance(small.names, cst.ImportStar)
    if "\n" in cst.Module([]).code_for_node(small):
        return None  # a parenthesized list over lines: its layout is the file's own
    names = list(small.names)
    alias = cst.ImportAlias(
        name=cst.Name(request.name),
        asname=cst.AsName(cst.Name(request.alias)) if request.alias is not None else None,
    )
    last = names[-1]
    comma = (
        last.comma
        if isinstance(last.comma, cst.Comma)
        else cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    )
    names[-1] = last.with_changes(comma=comma)
    names.append(alias)
    return position, statement.with_changes(body=[small.with_changes(names=names)])


def _from_module(statement: cst.ImportFrom) -> str:
    dots = "." * len(statement.relative)
    module = cst.Module([]).code_for_node(statement.module) if statement.module else ""
    return dots + module


class _PendingEdits(cst.CSTTransformer):
    def __init__(self, transforms: dict[int, list[NodeTransform]]) -> None:
        super().__init__()
        self.transforms = transforms

    def on_leave(  # type: ignore[override]
        self, original_node: cst.CSTNode, updated_node: cst.CSTNode
    ) -> cst.CSTNode:
        for fn in self.transforms.get(id(original_node), ()):
            updated_node = fn(updated_node)
        return updated_node


def with_pending_edits(edits: EditSet, node: cst.CSTNode) -> cst.CSTNode:
    """A copy of ``node`` carrying the edits every rule recorded inside it.

    Used where an expression is reproduced elsewhere (the create_token call's API-key
    headers on the token call): the edits other rules made to the original (header spelling,
    key variable names) must show in the copy too, or a second run would make them there.
    Called from a transform, i.e. once every rule has recorded its edits.
    """
    result = node.visit(_PendingEdits(edits.transforms))
    assert isinstance(result, cst.CSTNode)
    return result
