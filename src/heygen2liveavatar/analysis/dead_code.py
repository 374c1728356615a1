"""Remove what a rewrite left unused: imports, and function locals that only fed a removed call.

When a rule replaces ``requests.post(url, data=json.dumps(body), headers=headers)`` with a
call that needs none of that, ``url``, ``headers``, ``import json`` and even ``import requests``
may be dead, and pyflakes (and every linter a user runs) would flag them. Rules name the
*candidates* (the names the code they removed referred to); :func:`prune_unused` runs on the
final module, after every rule's edits, so it sees uses that other rules kept or removed, and
deletes a candidate only when nothing uses it any more:

* an import (module-wide: no use anywhere in the file, ``__all__`` and string annotations
  included), alias by alias;
* a plain assignment to a function local (``name = value``) whose value has no side effects
  worth keeping (literals, f-strings, names, attributes, dict/list displays, URL and header
  builders, serialisers, client constructors); what it referred to becomes a candidate in turn;
* the ``as name`` of a ``with`` item; the whole ``with`` when its only item opens an HTTP client
  (``async with aiohttp.ClientSession() as s:`` whose body no longer reads ``s``): its body
  takes its place, since a client opened and closed for nothing is no effect anyone misses.

Module-level and class-level names are never deleted: other modules may import them.
A statement with a to-do marker stays (the person is to see it), unless this run's rules put
every marker there: such a marker is about the statement alone (its key, its header) and
goes with it, or the dead statement would keep HeyGen code for a later run to act on.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field

import libcst as cst

from ..model import MARKER_PREFIX
from .idle_clients import is_client_constructor
from .index import active_index, child_nodes, dotted_name, fast_visit, literal_value, walk_nodes
from .rebuild import rebuild_paths

_MAX_ROUNDS = 8
_PURE_HERE: ContextVar[frozenset[str]] = ContextVar("pure_callees", default=frozenset())
"""The module's functions a rule made effect-free, for the prune running now."""
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Calls whose result can be dropped with the assignment that kept it: serialisers, string
# and URL helpers, environment reads, request objects, HTTP client constructors and the running
# event loop (kept for a ``loop.run_in_executor`` that became an event), a partial (its
# arguments are checked like any others).
_PURE_CALLEES = frozenset(
    {
        "dict",
        "str",
        "bytes",
        "int",
        "float",
        "list",
        "tuple",
        "json.dumps",
        "dumps",
        "orjson.dumps",
        "ujson.dumps",
        "os.getenv",
        "getenv",
        "os.environ.get",
        "environ.get",
        "urljoin",
        "urllib.parse.urljoin",
        "parse.urljoin",
        "posixpath.join",
        "os.path.join",
        "urllib.request.Request",
        "request.Request",
        "Request",
        "requests.Session",
        "httpx.Client",
        "httpx.AsyncClient",
        "aiohttp.ClientSession",
        "uuid.uuid4",
        "uuid4",
        "asyncio.get_running_loop",
        "functools.partial",
        "partial",
    }
)
_PURE_METHODS = frozenset({"encode", "decode", "format", "strip", "rstrip", "lstrip", "copy"})
# Project helpers that build headers or URLs (``self._headers()``, ``build_url(path)``).
_BUILDER_WORDS = ("header", "url", "endpoint", "path")


def names_in(node: cst.CSTNode) -> set[str]:
    """Every identifier a subtree reads (the candidates when the subtree is removed)."""
    collector = _NameCollector()
    fast_visit(node, collector, ordered=False)
    return collector.names


class _NameCollector(cst.CSTVisitor):
    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_Name(self, node: cst.Name) -> None:
        self.names.add(node.value)

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        fast_visit(node.value, self, ordered=False)
        return False  # ``x.attr``: ``attr`` is no variable

    def visit_Arg(self, node: cst.Arg) -> bool:
        fast_visit(node.value, self, ordered=False)
        return False  # ``f(key=value)``: ``key`` is no variable


def read_counts(node: cst.CSTNode) -> Counter[str]:
    """How often each name is read inside ``node`` (bindings excluded)."""
    usage = _Usage()
    fast_visit(node, usage, ordered=False)
    return usage.loads


def dead_locals(function: cst.FunctionDef, removed: Sequence[cst.CSTNode]) -> set[str]:
    """Locals of ``function`` that :func:`prune_unused` deletes once ``removed`` code is gone.

    Lets a rule predict, before any edit, which assignments will disappear (to avoid marking
    a statement that is about to be deleted).
    """
    usage = _Usage()
    fast_visit(function, usage, ordered=False)
    if not usage.functions:
        return set()
    local = usage.functions[0]
    remaining = Counter(local.loads)
    for node in removed:
        if _contains(function, node):
            remaining.subtract(read_counts(node))
    dead: set[str] = set()
    changed = True
    while changed:
        changed = False
        for name, statement, value in local.assignments:
            if name in dead or name in local.declared or remaining[name] > 0:
                continue
            if not is_pure(value) or _carries_marker(statement):
                continue
            values = [v for n, _s, v in local.assignments if n == name]
            if not all(is_pure(v) for v in values):
                continue
            dead.add(name)
            for v in values:
                remaining.subtract(read_counts(v))
            changed = True
    return dead


def _contains(root: cst.CSTNode, node: cst.CSTNode) -> bool:
    return any(current is node for current in walk_nodes(root))


def prune_unused(module: cst.Module, candidates: Iterable[str]) -> cst.Module:
    """Delete unused imports, local assignments and ``as`` targets of the ``candidates``."""
    return prune_unused_marked(module, candidates, {})[0]


def prune_unused_marked(
    module: cst.Module,
    candidates: Iterable[str],
    marked_this_run: Mapping[int, int],
    pure_callees: frozenset[str] = frozenset(),
) -> tuple[cst.Module, set[int], set[int]]:
    """:func:`prune_unused`, where the statements of ``marked_this_run`` (``id`` in
    ``module`` -> the key it stands for) carry only markers of this run and may go with
    them; also returns the keys of those that went (their findings have no marker left), and
    the ``id`` of every statement of ``module`` that went (a statement a later round deletes
    after an earlier one rebuilt it is not among them). ``pure_callees``: the module's own
    functions a rule made effect-free (a retired token getter returning a placeholder): a
    local kept only from a call of one may go too."""
    token = _PURE_HERE.set(pure_callees)
    try:
        return _prune_unused_marked(module, candidates, marked_this_run)
    finally:
        _PURE_HERE.reset(token)


def _prune_unused_marked(
    module: cst.Module, candidates: Iterable[str], marked_this_run: Mapping[int, int]
) -> tuple[cst.Module, set[int], set[int]]:
    pending = set(candidates)
    dropped: set[int] = set()
    deleted: set[int] = set()
    kept_alive: list[cst.Module] = [module]  # the ids in ``deleted`` name no other node
    for _ in range(_MAX_ROUNDS):
        if not pending:
            break
        usage = _Usage()
        _read_usage(module, usage, pending)
        plan = _plan(usage, pending, marked_this_run)
        if not plan:
            break
        dropped.update(marked_this_run[key] for key in plan.statements if key in marked_this_run)
        deleted.update(plan.statements)
        remover = _Remover(plan)
        on_path: set[int] = set()
        for target in (*plan.statements, *plan.aliases, *plan.with_items):
            on_path.add(target)
            on_path.update(usage.ancestors[target])
        result = rebuild_paths(module, on_path, remover.leave)
        assert isinstance(result, cst.Module)
        module = result
        kept_alive.append(module)
        pending = remover.freed
    return module, dropped, deleted


def _read_usage(module: cst.Module, usage: _Usage, pending: set[str]) -> None:
    """``usage`` of ``module``, less the untouched top-level statements (the original's, at
    its root) whose code names no candidate: the plan is about the candidates only, whose
    loads, imports and assignments such a statement cannot hold. A backslash in the code
    could spell a name in a string (``__all__``, string annotations): then it is read."""
    index = active_index()
    if index is None:
        fast_visit(module, usage, ordered=False, path=usage.path)
        return
    usage.path.append(module)
    for statement in module.body:
        if id(statement) in index.parents:
            tokens = index.original_tokens(statement)
            if tokens is not None:
                code = "".join(tokens)
                if "\\" not in code and not any(name in code for name in pending):
                    continue
        fast_visit(statement, usage, ordered=False, path=usage.path)
    usage.path.pop()


# Usage --------------------------------------------------------------------------------------
@dataclass
class _FunctionUsage:
    loads: Counter[str] = field(default_factory=Counter)
    declared: set[str] = field(default_factory=set)
    """Names declared ``global`` or ``nonlocal``: their assignments are not local."""
    assignments: list[tuple[str, cst.SimpleStatementLine, cst.BaseExpression]] = field(
        default_factory=list
    )
    with_targets: list[tuple[str, cst.WithItem, cst.CSTNode | None]] = field(default_factory=list)
    """(name, the item binding it, the ``with`` holding the item)."""


class _Usage(cst.CSTVisitor):
    """Loads of every name (module-wide and per function) and the bindings that could go."""

    def __init__(self) -> None:
        self.loads: Counter[str] = Counter()
        self.functions: list[_FunctionUsage] = []
        self.imports: list[tuple[str, cst.ImportAlias, cst.SimpleStatementLine]] = []
        self._stack: list[_FunctionUsage] = []
        self._bindings: set[int] = set()
        """ids of Name nodes that bind rather than read."""
        self._statements: list[cst.SimpleStatementLine] = []
        self.path: list[cst.CSTNode] = []
        """Ancestors of the node being visited (kept by :func:`fast_visit`)."""
        self.ancestors: dict[int, list[int]] = {}
        """id(statement, alias or with item that could go) -> ids of its ancestors."""

    # Scopes -----------------------------------------------------------------------------
    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._bindings.add(id(node.name))
        usage = _FunctionUsage()
        self.functions.append(usage)
        self._stack.append(usage)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._stack.pop()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._bindings.add(id(node.name))
        # Class attributes are not locals of an enclosing function: collect them apart.
        self._stack.append(_FunctionUsage())

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self._stack.pop()

    def visit_Param(self, node: cst.Param) -> None:
        self._bindings.add(id(node.name))

    def visit_Global(self, node: cst.Global) -> None:
        self._declare(node.names)

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        self._declare(node.names)

    def _declare(self, names: Sequence[cst.NameItem]) -> None:
        for item in names:
            self._bindings.add(id(item.name))
            if self._stack:
                self._stack[-1].declared.add(item.name.value)

    # Statements and bindings --------------------------------------------------------------
    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        self._statements.append(node)
        self.ancestors[id(node)] = [id(ancestor) for ancestor in self.path]

    def leave_SimpleStatementLine(self, original_node: cst.SimpleStatementLine) -> None:
        self._statements.pop()

    def visit_Import(self, node: cst.Import) -> bool:
        for alias in node.names:
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                bound = alias.asname.name.value
            else:
                bound = (dotted_name(alias.name) or "").split(".")[0]
            if self._statements and bound:
                self.imports.append((bound, alias, self._statements[-1]))
                self._note_alias(node, alias)
        return False

    def _note_alias(self, statement: cst.Import | cst.ImportFrom, alias: cst.ImportAlias) -> None:
        self.ancestors[id(alias)] = [*(id(ancestor) for ancestor in self.path), id(statement)]

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        is_future = node.module is not None and dotted_name(node.module) == "__future__"
        if isinstance(node.names, cst.ImportStar) or is_future:
            return False
        for alias in node.names:
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                bound = alias.asname.name.value
            else:
                bound = dotted_name(alias.name) or ""
            if self._statements and bound:
                self.imports.append((bound, alias, self._statements[-1]))
                self._note_alias(node, alias)
        return False

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._bind_target(target.target)
        if _is_all(node):
            for string in _strings_in(node.value):
                self.loads[string] += 1  # ``__all__ = ["name"]`` exports, i.e. uses, the name
        if (
            self._stack
            and self._statements
            and len(self._statements[-1].body) == 1
            and len(node.targets) == 1
            and isinstance(node.targets[0].target, cst.Name)
        ):
            name = node.targets[0].target.value
            self._stack[-1].assignments.append((name, self._statements[-1], node.value))

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._bind_target(node.target)

    def visit_For(self, node: cst.For) -> None:
        self._bind_target(node.target)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._bind_target(node.target)

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            target = node.asname.name
            self._bind_target(target)
            if self._stack and isinstance(target, cst.Name):
                statement = self.path[-1] if self.path else None  # no path: no removal
                self._stack[-1].with_targets.append((target.value, node, statement))
                self.ancestors[id(node)] = [id(ancestor) for ancestor in self.path]

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        if node.name is not None and isinstance(node.name.name, cst.Name):
            self._bindings.add(id(node.name.name))

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._bind_target(node.target)

    def _bind_target(self, target: cst.BaseExpression) -> None:
        if isinstance(target, cst.Name):
            self._bindings.add(id(target))
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._bind_target(element.value)
        # ``x[0] = ...`` and ``x.a = ...`` read ``x``: those Names stay loads.

    # Reads ----------------------------------------------------------------------------------
    def visit_Attribute(self, node: cst.Attribute) -> bool:
        fast_visit(node.value, self, ordered=False)
        return False

    def visit_Arg(self, node: cst.Arg) -> bool:
        fast_visit(node.value, self, ordered=False)
        return False

    def visit_Annotation(self, node: cst.Annotation) -> None:
        # String annotations are code to pyflakes and type checkers.
        for string in _strings_in(node.annotation):
            for word in _IDENTIFIER.findall(string):
                self._load(word)

    def visit_Name(self, node: cst.Name) -> None:
        if id(node) not in self._bindings:
            self._load(node.value)

    def _load(self, name: str) -> None:
        self.loads[name] += 1
        for usage in self._stack:
            usage.loads[name] += 1  # a nested function's read keeps the outer local alive


def _is_all(node: cst.Assign) -> bool:
    return any(
        isinstance(target.target, cst.Name) and target.target.value == "__all__"
        for target in node.targets
    )


def _strings_in(node: cst.CSTNode) -> list[str]:
    found: list[str] = []
    stack: list[cst.CSTNode] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, cst.SimpleString):
            value = literal_value(current)
            if isinstance(value, str):
                found.append(value)
        stack.extend(child_nodes(current))
    return found


# Planning -----------------------------------------------------------------------------------
@dataclass
class _Plan:
    statements: set[int] = field(default_factory=set)
    aliases: set[int] = field(default_factory=set)
    with_items: set[int] = field(default_factory=set)
    unwrapped: set[int] = field(default_factory=set)
    """ids of ``with`` statements whose body takes their place."""

    def __bool__(self) -> bool:
        return bool(self.statements or self.aliases or self.with_items or self.unwrapped)


def _plan(usage: _Usage, candidates: set[str], marked_this_run: Mapping[int, int]) -> _Plan:
    plan = _Plan()
    aliases_by_statement: dict[int, list[int]] = {}
    for name, alias, statement in usage.imports:
        if len(statement.body) != 1:
            continue  # ``import a; x = 1``: rare enough to leave alone
        aliases_by_statement.setdefault(id(statement), []).append(id(alias))
        if name in candidates and usage.loads[name] == 0:
            plan.aliases.add(id(alias))
    for statement_id, aliases in aliases_by_statement.items():
        if all(alias in plan.aliases for alias in aliases):
            plan.statements.add(statement_id)  # the whole import line goes
    for function in usage.functions:
        for name, statement, value in function.assignments:
            if (
                name in candidates
                and name not in function.declared
                and function.loads[name] == 0
                and is_pure(value)
                and (id(statement) in marked_this_run or not _carries_marker(statement))
            ):
                plan.statements.add(id(statement))
        for name, item, block in function.with_targets:
            if name in candidates and name not in function.declared and function.loads[name] == 0:
                plan.with_items.add(id(item))
                if _idle_client_block(block):
                    plan.unwrapped.add(id(block))
    return plan


def _idle_client_block(statement: cst.CSTNode | None) -> bool:
    """``with httpx.Client() as client:`` (one item, opening a client) with no comment on its
    header or below its last statement, which would have no line left to stay on."""
    if type(statement) is not cst.With or len(statement.items) != 1:
        return False
    body = statement.body
    return (
        is_client_constructor(statement.items[0].item)
        and type(body) is cst.IndentedBlock
        and body.header.comment is None
        and all(line.comment is None for line in body.footer)
    )


def _carries_marker(statement: cst.SimpleStatementLine) -> bool:
    # A TODO marker of another rule belongs to this statement: keep both visible.
    return any(
        line.comment is not None and MARKER_PREFIX in line.comment.value
        for line in statement.leading_lines
    )


def is_pure(node: cst.BaseExpression) -> bool:
    """The expression can be dropped without losing an effect anyone would miss."""
    if isinstance(
        node,
        (
            cst.SimpleString,
            cst.Integer,
            cst.Float,
            cst.Imaginary,
            cst.Name,
            cst.Ellipsis,
        ),
    ):
        return True
    if isinstance(node, cst.ConcatenatedString):
        return is_pure(node.left) and is_pure(node.right)
    if isinstance(node, cst.FormattedString):
        return all(
            is_pure(part.expression)
            for part in node.parts
            if isinstance(part, cst.FormattedStringExpression)
        )
    if isinstance(node, cst.Attribute):
        return is_pure(node.value)
    if isinstance(node, cst.Subscript):
        return is_pure(node.value) and all(
            isinstance(element.slice, cst.Index) and is_pure(element.slice.value)
            for element in node.slice
        )
    if isinstance(node, cst.Dict):
        return all(
            is_pure(element.key) and is_pure(element.value)
            if isinstance(element, cst.DictElement)
            else isinstance(element, cst.StarredDictElement) and is_pure(element.value)
            for element in node.elements
        )
    if isinstance(node, (cst.List, cst.Tuple, cst.Set)):
        return all(is_pure(element.value) for element in node.elements)
    if isinstance(node, cst.BinaryOperation):
        return is_pure(node.left) and is_pure(node.right)
    if isinstance(node, cst.BooleanOperation):
        return is_pure(node.left) and is_pure(node.right)
    if isinstance(node, cst.UnaryOperation):
        return is_pure(node.expression)
    if isinstance(node, cst.Await):
        return is_pure(node.expression)  # ``await get_token(http)`` of a retired getter
    if isinstance(node, cst.IfExp):
        return is_pure(node.test) and is_pure(node.body) and is_pure(node.orelse)
    if isinstance(node, cst.Call):
        return _is_pure_callee(node.func) and all(is_pure(arg.value) for arg in node.args)
    return False


def _is_pure_callee(func: cst.BaseExpression) -> bool:
    name = dotted_name(func)
    if name is not None:
        last = name.split(".")[-1].lower()
        if name in _PURE_CALLEES or any(word in last for word in _BUILDER_WORDS):
            return True
        if name in _PURE_HERE.get():
            return True
    if isinstance(func, cst.Attribute) and func.attr.value in _PURE_METHODS:
        return is_pure(func.value)
    if isinstance(func, cst.Attribute) and func.attr.value == "join":
        return isinstance(func.value, cst.SimpleString)  # ``"/".join(parts)``, not a thread's
    return False


# Removal ------------------------------------------------------------------------------------
class _Remover:
    """Deletes what a :class:`_Plan` names, node by node on the paths to it."""

    def __init__(self, plan: _Plan) -> None:
        self.plan = plan
        self.freed: set[str] = set()
        """Names the removed code read: candidates of the next round."""

    def leave(self, original_node: cst.CSTNode, updated_node: cst.CSTNode) -> cst.CSTNode:
        if isinstance(original_node, cst.IndentedBlock):
            assert isinstance(updated_node, cst.IndentedBlock)
            return self.leave_IndentedBlock(original_node, updated_node)
        if isinstance(original_node, cst.Module):
            assert isinstance(updated_node, cst.Module)
            return self.leave_Module(original_node, updated_node)
        if isinstance(original_node, cst.Import):
            assert isinstance(updated_node, cst.Import)
            return self.leave_Import(original_node, updated_node)
        if isinstance(original_node, cst.ImportFrom):
            assert isinstance(updated_node, cst.ImportFrom)
            return self.leave_ImportFrom(original_node, updated_node)
        if isinstance(original_node, cst.WithItem):
            assert isinstance(updated_node, cst.WithItem)
            return self.leave_WithItem(original_node, updated_node)
        return updated_node

    def leave_IndentedBlock(
        self, original_node: cst.IndentedBlock, updated_node: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        kept = self._kept(original_node.body, updated_node.body)
        if kept is None:
            return updated_node
        body, above = kept
        if not body:
            body = [cst.SimpleStatementLine(body=[cst.Pass()], leading_lines=above)]
            above = []
        return updated_node.with_changes(body=body, footer=[*above, *updated_node.footer])

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        kept = self._kept(original_node.body, updated_node.body)
        if kept is None:
            return updated_node
        body, above = kept
        return updated_node.with_changes(body=body, footer=[*above, *updated_node.footer])

    def _kept(
        self,
        original: Sequence[cst.BaseStatement],
        updated: Sequence[cst.BaseStatement],
    ) -> tuple[list[cst.BaseStatement], list[cst.EmptyLine]] | None:
        """The body without removed statements, and the lines of removed statements that
        belong to the code above and found no statement to stay with (the block's footer
        takes them); ``None`` when nothing was removed."""
        if len(original) != len(updated):
            return None  # statements are only removed here, so this cannot happen
        body: list[cst.BaseStatement] = []
        blank: list[cst.EmptyLine] = []
        above: list[cst.EmptyLine] = []
        removed = False
        for old, new in zip(original, updated):
            if id(old) in self.plan.statements:
                removed = True
                self.freed |= names_in(old)
                if isinstance(new, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
                    stays, separator = _lines_of_code_above(new.leading_lines)
                    if stays:
                        above.extend([*blank, *stays])
                        blank = []
                    # The blank lines that separated the statement from the one before it
                    # now separate its successor (``"""doc"""``, blank, ``import x``).
                    blank = blank or separator[:1]
                continue
            if isinstance(new, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
                leading = list(new.leading_lines)
                if not body and removed and not above:
                    # Now first in its body: blank lines above it would separate nothing.
                    while leading and leading[0].comment is None:
                        leading.pop(0)
                elif blank and (not leading or leading[0].comment is not None):
                    leading = [*blank, *leading]
                if removed:
                    new = new.with_changes(leading_lines=[*above, *leading])
                above = []
            blank = []
            if id(old) in self.plan.unwrapped:
                removed = True
                self.freed |= names_in(old.items[0]) if isinstance(old, cst.With) else set()
                inner = _body_in_place(new)
                if len(original) > 1 and _only_pass(inner):
                    # The block held nothing but ``pass`` (its requests are gone): with other
                    # statements around, its comments go above the next one, and ``pass`` goes.
                    first = inner[0]
                    assert isinstance(first, cst.SimpleStatementLine)
                    above.extend(first.leading_lines)
                    continue
                body.extend(inner)
            else:
                body.append(new)
        return (body, above) if removed else None

    def _kept_aliases(
        self, original: Sequence[cst.ImportAlias], updated: Sequence[cst.ImportAlias]
    ) -> list[cst.ImportAlias]:
        return [alias for alias, old in zip(updated, original) if id(old) not in self.plan.aliases]

    def leave_Import(self, original_node: cst.Import, updated_node: cst.Import) -> cst.Import:
        names = self._kept_aliases(original_node.names, updated_node.names)
        if not names or len(names) == len(updated_node.names):
            return updated_node  # a statement losing every alias is removed as a whole
        return updated_node.with_changes(names=_without_trailing_comma(names))

    def leave_ImportFrom(
        self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom
    ) -> cst.ImportFrom:
        if isinstance(updated_node.names, cst.ImportStar) or isinstance(
            original_node.names, cst.ImportStar
        ):
            return updated_node
        names = self._kept_aliases(original_node.names, updated_node.names)
        if not names or len(names) == len(updated_node.names):
            return updated_node  # a statement losing every alias is removed as a whole
        if updated_node.lpar is None:
            names = _without_trailing_comma(names)
        return updated_node.with_changes(names=names)

    def leave_WithItem(
        self, original_node: cst.WithItem, updated_node: cst.WithItem
    ) -> cst.WithItem:
        if id(original_node) in self.plan.with_items:
            return updated_node.with_changes(asname=None)
        return updated_node


def _body_in_place(statement: cst.BaseStatement) -> list[cst.BaseStatement]:
    """The statements of a ``with`` block where the block was, its leading lines (comments
    above it) above the first."""
    assert isinstance(statement, cst.With) and isinstance(statement.body, cst.IndentedBlock)
    body = list(statement.body.body)
    first = body[0]
    assert isinstance(first, (cst.SimpleStatementLine, cst.BaseCompoundStatement))
    body[0] = first.with_changes(leading_lines=[*statement.leading_lines, *first.leading_lines])
    return body


def _only_pass(body: Sequence[cst.BaseStatement]) -> bool:
    return (
        len(body) == 1
        and type(body[0]) is cst.SimpleStatementLine
        and all(type(small) is cst.Pass for small in body[0].body)
        and body[0].trailing_whitespace.comment is None
    )


def _lines_of_code_above(
    lines: Sequence[cst.EmptyLine],
) -> tuple[list[cst.EmptyLine], list[cst.EmptyLine]]:
    """Split the leading lines of a removed statement: (lines that stay, blank separator).

    The comments right above the statement describe it and go with it. Above them, what
    is more than an empty line (a comment, a line of spaces) belongs to the code before:
    it stays, with the blank lines between; the empty lines after it only separated.
    """
    end = len(lines)
    while end and lines[end - 1].comment is not None:
        end -= 1  # the statement's own comments
    last = max(
        (i for i in range(end) if lines[i].comment is not None or lines[i].whitespace.value),
        default=-1,
    )
    return list(lines[: last + 1]), list(lines[last + 1 : end])


def _without_trailing_comma(names: list[cst.ImportAlias]) -> list[cst.ImportAlias]:
    return [*names[:-1], names[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)]


__all__ = [
    "dead_locals",
    "is_pure",
    "names_in",
    "prune_unused",
    "prune_unused_marked",
    "read_counts",
]
