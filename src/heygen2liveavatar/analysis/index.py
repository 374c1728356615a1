"""One walk over a module that records everything the rules look at.

Rules never traverse the tree themselves: the :class:`ModuleIndex` visits every node
once, keeping its own scope, statement and call stacks (cheaper than LibCST's scope and
parent metadata providers, which cost several times a parse), and rules then read its
tables. Nodes are keyed by identity; the tree is never copied.
"""

from __future__ import annotations

import abc
import bisect
import dataclasses
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import TYPE_CHECKING, Any, Callable, Union

import libcst as cst

from .codegen import FastCodegenState, fast_brackets

if TYPE_CHECKING:
    from libcst._nodes.internal import CodegenState

_NEWLINE = re.compile(r"\r\n|\r|\n")
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _subclasses(base: type) -> set[type]:
    """The node classes LibCST exports that derive from ``base``."""
    # ``base in __mro__`` rather than ``issubclass``: LibCST's classes are ABCs, whose
    # subclass checks are slow and fill a cache per pair (this runs at import).
    return {
        value
        for value in vars(cst).values()
        if type(value) is abc.ABCMeta and base in value.__mro__ and value is not base
    }


TRIVIA_TYPES: frozenset[type] = frozenset(
    {
        cst.SimpleWhitespace,
        cst.ParenthesizedWhitespace,
        cst.TrailingWhitespace,
        cst.Newline,
        cst.EmptyLine,
        cst.Comment,
        cst.Comma,
        cst.Dot,
        cst.Colon,
        cst.Semicolon,
        cst.AssignEqual,
        cst.LeftParen,
        cst.RightParen,
        cst.LeftSquareBracket,
        cst.RightSquareBracket,
        cst.LeftCurlyBrace,
        cst.RightCurlyBrace,
    }
    | _subclasses(cst.BaseBinaryOp)
    | _subclasses(cst.BaseBooleanOp)
    | _subclasses(cst.BaseUnaryOp)
    | _subclasses(cst.BaseCompOp)
    | _subclasses(cst.BaseAugOp)
)
"""Whitespace, comments, punctuation and operators: two thirds of a module's nodes, and no
rule looks for them by walking (they are read as attributes of their owners). The index
leaves them out of its parent, children and position tables. Their children are trivia too."""

Statement = Union[cst.SimpleStatementLine, cst.BaseCompoundStatement]
STATEMENT_TYPES: frozenset[type] = frozenset(
    {
        cst.SimpleStatementLine,
        cst.ClassDef,
        cst.For,
        cst.FunctionDef,
        cst.If,
        cst.Match,
        cst.Try,
        cst.TryStar,
        cst.While,
        cst.With,
    }
)
"""The concrete :data:`Statement` classes. ``type(node) in STATEMENT_TYPES`` is an exact
test several times cheaper than ``isinstance`` against LibCST's abstract base classes."""
ScopeNode = Union[cst.Module, cst.ClassDef, cst.FunctionDef]
StringNode = Union[cst.SimpleString, cst.FormattedStringText]


def field_names(node_type: type) -> tuple[str, ...]:
    """The dataclass fields of a LibCST node class (children and their whitespace among them)."""
    names = _FIELD_NAMES.get(node_type)
    if names is None:
        names = _FIELD_NAMES[node_type] = tuple(f.name for f in dataclasses.fields(node_type))
    return names


def dotted_name(node: cst.BaseExpression) -> str | None:
    """``a.b.c`` for a chain of names and attributes, else ``None``."""
    # Exact type tests: ``isinstance`` against LibCST's classes (ABCs) is several times slower
    # when it fails, and this runs for every call and assignment target.
    if type(node) is cst.Name:
        return node.value
    parts: list[str] = []
    while type(node) is cst.Attribute:
        parts.append(node.attr.value)
        node = node.value
    if type(node) is cst.Name:
        parts.append(node.value)
        return ".".join(reversed(parts))
    return None


_PLAIN_PREFIXES = frozenset({"", "r", "u", "R", "U"})


def literal_value(node: cst.SimpleString) -> str | bytes:
    """``node.evaluated_value``, without compiling the literal when that is not needed.

    LibCST evaluates a literal with ``ast.literal_eval``, i.e. a compile per string, and a
    module has hundreds of strings. A str literal whose body has no backslash and no carriage
    return (which the tokenizer would normalise) is its own value.
    """
    raw = node.value
    start = 0
    while raw[start] not in "\"'":
        start += 1
    if raw[:start] in _PLAIN_PREFIXES:
        quote = raw[start : start + 3]
        if quote != '"""' and quote != "'''":
            quote = raw[start]
        body = raw[start + len(quote) : len(raw) - len(quote)]
        if "\\" not in body and "\r" not in body:
            return body
    return node.evaluated_value


def string_value(node: cst.BaseExpression) -> str | None:
    """The value of a plain (non-bytes, non-f) string literal, else ``None``."""
    if isinstance(node, cst.SimpleString):
        value = literal_value(node)
        return value if isinstance(value, str) else None
    if isinstance(node, cst.ConcatenatedString):
        left = string_value(node.left)
        right = string_value(node.right)
        if left is not None and right is not None:
            return left + right
    return None


@dataclass
class Scope:
    """Names assigned in one module, class or function body (plus parameters)."""

    node: ScopeNode
    parent: Scope | None
    assignments: dict[str, list[cst.BaseExpression]] = field(default_factory=dict)

    @property
    def is_function(self) -> bool:
        return isinstance(self.node, cst.FunctionDef)

    @property
    def is_async_function(self) -> bool:
        return isinstance(self.node, cst.FunctionDef) and self.node.asynchronous is not None


@dataclass
class Context:
    """Where a node sits: its statement, its innermost scopes."""

    statement: Statement
    scope: Scope
    class_def: cst.ClassDef | None
    function: cst.FunctionDef | None
    body_owner: cst.CSTNode | None = None
    """The IndentedBlock or Module whose body holds ``statement``."""

    @property
    def in_async_function(self) -> bool:
        return self.function is not None and self.function.asynchronous is not None


@dataclass
class CallSite:
    node: cst.Call
    name: str | None
    """Dotted callee name (``requests.post``, ``self._request``) or ``None``."""
    context: Context
    awaited: bool
    enclosing_call: cst.Call | None


@dataclass
class StringSite:
    node: StringNode
    value: str
    context: Context
    enclosing_call: cst.Call | None
    is_docstring: bool
    assigned_to: str | None
    """Name (or ``self.attr``) this literal is the whole or part of the value of."""


@dataclass
class SubscriptSite:
    node: cst.Subscript
    key: str
    context: Context


@dataclass
class ComparisonSite:
    node: cst.Comparison
    context: Context


class ModuleIndex:
    """Tables of calls, strings, scopes, imports and subscripts of one module."""

    def __init__(self, module: cst.Module) -> None:
        self.module = module
        self.calls: list[CallSite] = []
        self.strings: list[StringSite] = []
        self.subscripts: list[SubscriptSite] = []
        self.comparisons: list[ComparisonSite] = []
        self.imports: dict[str, str] = {}
        """Local name -> qualified name (``post`` -> ``requests.post``), imports in functions
        included (they resolve names there)."""
        self.module_imports: dict[str, str] = {}
        """The same for the module's own imports (also under a module-level ``if`` or
        ``try``): the names every function of the module can use."""
        self.star_imports: list[tuple[str, cst.ImportFrom]] = []
        self.import_statements: list[Statement] = []
        self.module_scope = Scope(module, None)
        self.class_scopes: dict[int, Scope] = {}
        self.self_attributes: dict[int, dict[str, list[cst.BaseExpression]]] = {}
        """id(ClassDef) -> ``self.x`` assignments made in any of its methods."""
        self.function_scopes: dict[int, Scope] = {}
        self.scope_of_function: dict[int, Scope] = {}
        self.contexts: dict[int, Context] = {}
        """id(node) -> context, for calls, strings and statements."""
        self.parents: dict[int, cst.CSTNode] = {}
        self.children: dict[int, list[cst.CSTNode]] = {}
        """id(node) -> its children in source order (LibCST's ``node.children`` is costly)."""
        self.nodes: list[cst.CSTNode] = []
        """Every node of the module (trivia aside) in source order: what :func:`walk_nodes`
        yields for the module, without the walk."""
        self._adopted: list[cst.CSTNode] = []
        self._token_index: dict[int, int] = {}
        self._token_end: dict[int, int] = {}
        """id(statement or indented block) -> index of the token after its last one."""
        self._tokens: list[str] = []
        self._code: str | None = None
        self._line_starts: list[int] | None = None
        self._offsets: list[int] | None = None
        self._node_types: frozenset[type] | None = None
        _IndexBuilder(self).build()
        global _ACTIVE_INDEX
        _ACTIVE_INDEX = self

    @property
    def code(self) -> str:
        """The module's round-trip code (equal to the source when LibCST is byte-exact)."""
        if self._code is None:
            self._code = "".join(self._tokens)
        return self._code

    def has_node_type(self, kind: type) -> bool:
        """Does the module hold a node of exactly this type? Analyses that only look at one
        kind of node (conditional expressions, class definitions) ask before walking."""
        if self._node_types is None:
            self._node_types = frozenset(map(type, self.nodes))  # one pass, in C
        return kind in self._node_types

    def line_text(self, line: int) -> str:
        """Line ``line`` (1-based) of the module's code, without its line break."""
        self.position_of(self.module)  # computes the line table
        assert self._line_starts is not None
        starts = self._line_starts
        if not 1 <= line <= len(starts):
            return ""
        end = starts[line] if line < len(starts) else len(self.code)
        return self.code[starts[line - 1] : end].rstrip("\r\n")

    def position_of(self, node: cst.CSTNode) -> tuple[int, int]:
        """1-based (line, column) of ``node`` in the original code.

        Statements are placed at their first code line (after comments above them).
        """
        token = self._token_index.get(id(node))
        if token is None:
            parent = self.parents.get(id(node))
            return self.position_of(parent) if parent is not None else (1, 1)
        if self._offsets is None:
            # Offset of every token (a module has some ten thousand): summed in C.
            self._offsets = list(accumulate(map(len, self._tokens), initial=0))
            code = self.code
            self._line_starts = [0] + [m.end() for m in _NEWLINE.finditer(code)]
        assert self._line_starts is not None
        offset = self._offsets[token]
        line_starts = self._line_starts
        if isinstance(node, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            if node.leading_lines:
                line = bisect.bisect_right(line_starts, offset)
                offset = line_starts[min(line - 1 + len(node.leading_lines), len(line_starts) - 1)]
            code = self.code
            while offset < len(code) and code[offset] in " \t\f":
                offset += 1
        line = bisect.bisect_right(line_starts, offset)
        return line, offset - line_starts[line - 1] + 1

    def original_tokens(self, node: cst.CSTNode) -> list[str] | None:
        """The tokens the original code generation produced for a statement or indented block.

        ``None`` for other nodes, and for the module's last statement when the module has no
        trailing newline (code generation dropped that statement's last token afterwards).
        """
        end = self._token_end.get(id(node))
        if end is None or end > len(self._tokens):
            return None
        return self._tokens[self._token_index[id(node)] : end]

    def original_indents(self, node: cst.CSTNode) -> tuple[str | None, ...]:
        """The ``indent`` of every indented block around ``node`` in the original, outermost first."""
        indents: list[str | None] = []
        current = self.parents.get(id(node))
        while current is not None:
            # A ``match`` indents its cases itself (``Match.indent``), not with a block.
            if type(current) is cst.IndentedBlock or type(current) is cst.Match:
                indents.append(current.indent)
            current = self.parents.get(id(current))
        indents.reverse()
        return tuple(indents)

    def adopt(
        self,
        original: cst.CSTNode,
        rebuilt: cst.CSTNode,
        replaced: dict[int, cst.CSTNode],
    ) -> None:
        """Record the children of ``rebuilt``: ``original``'s, some of them ``replaced`` (by id).

        Walks over the edited module then find them in the table like an original node's.
        """
        known = self.children.get(id(original))
        if known is None:
            return
        self.children[id(rebuilt)] = [replaced.get(id(child), child) for child in known]
        # An id is unique only while its object lives: keep the rebuilt node alive as long as
        # the table lists it.
        self._adopted.append(rebuilt)

    def context_of(self, node: cst.CSTNode) -> Context | None:
        return self.contexts.get(id(node))

    def parent_of(self, node: cst.CSTNode) -> cst.CSTNode | None:
        return self.parents.get(id(node))

    def statement_of(self, node: cst.CSTNode) -> Statement | None:
        """The innermost statement that contains ``node`` (``node`` itself if it is one)."""
        current: cst.CSTNode | None = node
        parents = self.parents
        while current is not None:
            if type(current) in STATEMENT_TYPES:
                assert isinstance(current, (cst.SimpleStatementLine, cst.BaseCompoundStatement))
                return current
            current = parents.get(id(current))
        return None

    def qualified_name(self, dotted: str | None) -> str | None:
        """Resolve the first component of ``dotted`` through this module's imports."""
        if dotted is None:
            return None
        head, _, rest = dotted.partition(".")
        target = self.imports.get(head)
        if target is None:
            return dotted
        return f"{target}.{rest}" if rest else target

    def lookup(self, name: str, scope: Scope) -> list[cst.BaseExpression]:
        """Values assigned to ``name`` visible from ``scope`` (innermost first).

        Class bodies are skipped for lookups from inside methods, as in Python.
        """
        current: Scope | None = scope
        first = True
        while current is not None:
            if first or not isinstance(current.node, cst.ClassDef):
                values = current.assignments.get(name)
                if values:
                    return values
            first = False
            current = current.parent
        return []

    def lookup_self_attribute(
        self, class_def: cst.ClassDef | None, attr: str
    ) -> list[cst.BaseExpression]:
        if class_def is None:
            return []
        values = self.self_attributes.get(id(class_def), {}).get(attr)
        if values:
            return values
        class_scope = self.class_scopes.get(id(class_def))
        if class_scope is not None:
            return class_scope.assignments.get(attr, [])
        return []


def single_assignments(statements: Sequence[cst.CSTNode]) -> Iterator[cst.Assign]:
    """The one-target assignments (``name = value``, ``self.x = value``) among the simple
    statements of a block: a class's members, a constructor's attributes, module constants."""
    for statement in statements:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, cst.Assign) and len(small.targets) == 1:
                    yield small


def _is_docstring_statement(body: object) -> cst.SimpleStatementLine | None:
    if isinstance(body, (list, tuple)) and body:
        first = body[0]
        if (
            isinstance(first, cst.SimpleStatementLine)
            and len(first.body) == 1
            and isinstance(first.body[0], cst.Expr)
            and isinstance(first.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
        ):
            return first
    return None


# The index of the module being migrated in this process. Helpers that walk subtrees
# without an index at hand use its children table through :func:`child_nodes`: LibCST's
# ``node.children`` re-visits the node to list them, which costs as much as a small walk.
# A process migrates one module at a time, so one active index is enough.
_ACTIVE_INDEX: ModuleIndex | None = None


def active_index() -> ModuleIndex | None:
    """The index of the module being migrated in this process, if any."""
    return _ACTIVE_INDEX


def release_active_index() -> None:
    """Forget the active index once its module is migrated. It holds the module's whole tree
    (nodes, parents, children): kept until the next module's, that tree would be alive when
    the cyclic collector runs between files, which would traverse it (tens of thousands of
    objects) and promote it to an older generation, to be traversed again there."""
    global _ACTIVE_INDEX
    _ACTIVE_INDEX = None


def child_nodes(node: cst.CSTNode) -> Sequence[cst.CSTNode]:
    """``node.children``, cheaply for nodes of the module being migrated."""
    known = _indexed_children(node)
    if known is not None:
        return known
    # A node made by a rewrite. Its fields hold its children; their source order (LibCST's
    # visiting order) is not always the fields' order, but with one child or none it is moot,
    # and that covers most new nodes (names, strings, whitespace) at a fraction of the cost.
    found = field_children(node)
    return found if len(found) <= 1 else node.children


def expression_children(node: cst.CSTNode) -> list[cst.CSTNode]:
    """The children of a node of an expression, in source order, without whitespace and
    punctuation (``TRIVIA_TYPES``), read from its fields: ``node.children`` visits the node to
    list them. The fields' order is the source order for every expression node but a
    conditional (``body if test else orelse``) and an argument (``keyword=value``)."""
    kind = type(node)
    if kind is cst.IfExp:
        return [node.body, node.test, node.orelse]  # type: ignore[attr-defined]
    found = [child for child in field_children(node) if type(child) not in TRIVIA_TYPES]
    if kind is cst.Arg and len(found) == 2:
        found.reverse()  # the keyword's name, then the value
    return found


def _child_nodes_any_order(node: cst.CSTNode) -> Sequence[cst.CSTNode]:
    """:func:`child_nodes`, except that a new node's children may come in field order."""
    known = _indexed_children(node)
    return known if known is not None else field_children(node)


def _indexed_children(node: cst.CSTNode) -> Sequence[cst.CSTNode] | None:
    """The children the active index knows for ``node``; ``None`` for a node it never saw."""
    index = _ACTIVE_INDEX
    if index is None:
        return None
    known = index.children.get(id(node))
    if known is not None:
        return known
    return () if id(node) in index.parents else None


def field_children(node: cst.CSTNode) -> list[cst.CSTNode]:
    """A node's children (whitespace and punctuation among them) read from its fields, in
    the fields' order (not always the source order: see :func:`expression_children`)."""
    found: list[cst.CSTNode] = []
    for name in field_names(type(node)):
        value = getattr(node, name)
        kind = type(value)
        if kind is list or kind is tuple:
            found.extend(item for item in value if _is_node_type(type(item)))
        elif _is_node_type(kind):
            found.append(value)
    return found


_NODE_TYPES: dict[type, bool] = {}


def _is_node_type(kind: type) -> bool:
    """``issubclass(kind, cst.CSTNode)``, memoised (LibCST's classes are ABCs: slow to test)."""
    known = _NODE_TYPES.get(kind)
    if known is None:
        known = _NODE_TYPES[kind] = issubclass(kind, cst.CSTNode)
    return known


_Hook = Callable[[cst.CSTVisitor, cst.CSTNode], object]
_HOOKS: dict[tuple[type, type], tuple[_Hook | None, _Hook | None]] = {}


def _hooks(visitor_type: type, node_type: type) -> tuple[_Hook | None, _Hook | None]:
    """The visitor's own ``visit_X`` and ``leave_X`` for a node type (LibCST's stubs skipped)."""
    visit = getattr(visitor_type, f"visit_{node_type.__name__}", None)
    leave = getattr(visitor_type, f"leave_{node_type.__name__}", None)
    # CSTVisitor declares a do-nothing visit_X/leave_X for every node type; calling them
    # would be a wasted call per node.
    if visit is getattr(cst.CSTVisitor, f"visit_{node_type.__name__}", None):
        visit = None
    if leave is getattr(cst.CSTVisitor, f"leave_{node_type.__name__}", None):
        leave = None
    hooks = (visit, leave)
    _HOOKS[(visitor_type, node_type)] = hooks
    return hooks


def fast_visit(
    node: cst.CSTNode,
    visitor: cst.CSTVisitor,
    *,
    ordered: bool = True,
    path: list[cst.CSTNode] | None = None,
) -> None:
    """``node.visit(visitor)`` for read-only visitors, over :func:`child_nodes`.

    Calls the visitor's ``visit_*`` / ``leave_*`` methods in the same order (a ``visit_*``
    returning False skips the children) without LibCST's visit-and-replace machinery, which
    rebuilds every node it passes, and without its per-node method lookup by name: the hooks
    of each (visitor class, node class) pair are looked up once. Per-attribute hooks and
    overridden ``on_visit``/``on_leave`` methods are not called.

    ``ordered=False`` is for visitors that only count or collect: children of nodes a
    rewrite created may then come in another order than the source's, which is cheaper to
    find. With ``path``, the list holds the ancestors of the node being visited.
    """
    _walk(
        node,
        visitor,
        type(visitor),
        child_nodes if ordered else _child_nodes_any_order,
        path,
    )


def _walk(
    current: cst.CSTNode,
    visitor: cst.CSTVisitor,
    visitor_type: type,
    children_of: Callable[[cst.CSTNode], Sequence[cst.CSTNode]],
    path: list[cst.CSTNode] | None,
) -> None:
    # A module-level function, not a closure: a nested function that calls itself refers to
    # itself through its closure, a reference cycle that would keep the visitor (and the
    # nodes it holds) alive until the cyclic collector runs.
    hooks = _HOOKS.get((visitor_type, type(current)))
    visit, leave = hooks if hooks is not None else _hooks(visitor_type, type(current))
    if visit is None or visit(visitor, current) is not False:
        if path is not None:
            path.append(current)
        for child in children_of(current):
            _walk(child, visitor, visitor_type, children_of, path)
        if path is not None:
            path.pop()
    if leave is not None:
        leave(visitor, current)


def new_nodes(node: cst.CSTNode, original: Mapping[int, object]) -> Iterator[cst.CSTNode]:
    """The nodes under ``node`` (itself included) that an edit made, in no particular order:
    a node of the original tree (its id in ``original``, e.g. ``ModuleIndex.parents``) is
    untouched with all its descendants, so its subtree is not entered."""
    stack: list[cst.CSTNode] = [node]
    while stack:
        current = stack.pop()
        if id(current) in original:
            continue
        yield current
        stack.extend(_child_nodes_any_order(current))


def walk_nodes(node: cst.CSTNode, into_scopes: bool = True) -> Iterator[cst.CSTNode]:
    """``node`` and every node under it, in source order.

    With ``into_scopes=False`` nested functions, classes and lambdas are yielded but not
    entered.
    """
    index = _ACTIVE_INDEX
    if into_scopes and index is not None and node is index.module:
        # Several rules look at every node of the module: the index noted them, in this
        # order, while it was built (the walk below would read the same children tables).
        return iter(index.nodes)
    return _walk_nodes(node, into_scopes)


def _walk_nodes(node: cst.CSTNode, into_scopes: bool) -> Iterator[cst.CSTNode]:
    stack: list[cst.CSTNode] = [node]
    while stack:
        current = stack.pop()
        yield current
        if (
            not into_scopes
            and current is not node
            and isinstance(current, (cst.FunctionDef, cst.ClassDef, cst.Lambda))
        ):
            continue
        stack.extend(reversed(child_nodes(current)))


class _IndexBuilder:
    """Fills a :class:`ModuleIndex` in one pre-order walk with explicit stacks."""

    def __init__(self, index: ModuleIndex) -> None:
        self.index = index
        self.statements: list[Statement] = []
        self.scopes: list[Scope] = [index.module_scope]
        self.classes: list[cst.ClassDef] = []
        self.functions: list[cst.FunctionDef] = []
        self.calls: list[cst.Call] = []
        self.bodies: list[cst.CSTNode] = [index.module]
        self.docstring_statements: set[int] = set()
        self._current: Context | None = None
        """The context at the current stack positions, once asked for."""

    def build(self) -> None:
        module = self.index.module
        doc = _is_docstring_statement(module.body)
        if doc is not None:
            self.docstring_statements.add(id(doc))
        # One code generation of the module drives the whole index: it visits every node in
        # source order (as a visitor would, at a fraction of the cost of LibCST's
        # visit-and-replace machinery) and yields, for free, the token offsets that give
        # findings their positions and the round-trip code.
        state = _IndexingCodegenState(module, self)
        with fast_brackets(TRIVIA_TYPES):
            # Leaves (names, numbers, strings: a third of the nodes) are noted by one call
            # instead of the two hooks around their code (see ``leaf_codegen``).
            for kind in _LEAF_TYPES:
                kind._codegen = state.leaf_codegen  # type: ignore[attr-defined]
            try:
                module._codegen(state)
            finally:
                for kind in _LEAF_TYPES:
                    del kind._codegen  # type: ignore[attr-defined]
        del self.index.parents[id(module)]  # the root has no parent
        del self.index.children[id(_ABOVE_ROOT)]
        self.index._tokens = state.tokens
        self.index._token_index = state.token_index
        self.index._token_end = state.token_end

    # Context helpers -------------------------------------------------------------
    def _context(self) -> Context:
        # One Context per position of the stacks: every call, string and subscript of a
        # statement shares its statement's (stack changes reset the cache).
        context = self._current
        if context is None:
            context = self._current = Context(
                statement=self.statements[-1] if self.statements else _NO_STATEMENT,
                scope=self.scopes[-1],
                class_def=self.classes[-1] if self.classes else None,
                function=self.functions[-1] if self.functions else None,
                body_owner=self.bodies[-1],
            )
        return context

    # Statements -----------------------------------------------------------------
    def enter_statement(self, node: cst.CSTNode) -> None:
        assert isinstance(node, (cst.SimpleStatementLine, cst.BaseCompoundStatement))
        self.statements.append(node)
        self._current = None
        self.index.contexts[id(node)] = self._context()

    def leave_statement(self, node: cst.CSTNode) -> None:
        self.statements.pop()
        self._current = None

    def enter_block(self, node: cst.CSTNode) -> None:
        self.bodies.append(node)
        self._current = None

    def leave_block(self, node: cst.CSTNode) -> None:
        self.bodies.pop()
        self._current = None

    def enter_class(self, node: cst.CSTNode) -> None:
        assert isinstance(node, cst.ClassDef)
        self.enter_statement(node)
        self.scopes[-1].assignments.setdefault(node.name.value, []).append(node.name)
        scope = Scope(node, self.scopes[-1])
        self.index.class_scopes[id(node)] = scope
        self.index.self_attributes[id(node)] = {}
        self.scopes.append(scope)
        self.classes.append(node)
        self._current = None
        doc = _is_docstring_statement(
            node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
        )
        if doc is not None:
            self.docstring_statements.add(id(doc))

    def leave_class(self, node: cst.CSTNode) -> None:
        self.classes.pop()
        self.scopes.pop()
        self.statements.pop()
        self._current = None

    def enter_function(self, node: cst.CSTNode) -> None:
        assert isinstance(node, cst.FunctionDef)
        self.enter_statement(node)
        self.scopes[-1].assignments.setdefault(node.name.value, []).append(node.name)
        scope = Scope(node, self.scopes[-1])
        params = node.params
        for param in (*params.posonly_params, *params.params, *params.kwonly_params):
            if param.default is not None:
                scope.assignments.setdefault(param.name.value, []).append(param.default)
        self.index.function_scopes[id(node)] = scope
        self.scopes.append(scope)
        self.functions.append(node)
        self._current = None
        doc = _is_docstring_statement(
            node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
        )
        if doc is not None:
            self.docstring_statements.add(id(doc))

    def leave_function(self, node: cst.CSTNode) -> None:
        self.functions.pop()
        self.scopes.pop()
        self.statements.pop()
        self._current = None

    # Assignments and imports ----------------------------------------------------
    def _record_target(self, target: cst.BaseExpression, value: cst.BaseExpression) -> None:
        if isinstance(target, cst.Name):
            self.scopes[-1].assignments.setdefault(target.value, []).append(value)
        elif (
            isinstance(target, cst.Attribute)
            and isinstance(target.value, cst.Name)
            and target.value.value == "self"
            and self.classes
        ):
            attrs = self.index.self_attributes[id(self.classes[-1])]
            attrs.setdefault(target.attr.value, []).append(value)

    def enter_assign(self, node: cst.CSTNode) -> None:
        assert isinstance(node, cst.Assign)
        for target in node.targets:
            self._record_target(target.target, node.value)
        return None

    def enter_ann_assign(self, node: cst.CSTNode) -> None:
        assert isinstance(node, cst.AnnAssign)
        if node.value is not None:
            self._record_target(node.target, node.value)
        return None

    def enter_import(self, node: cst.CSTNode) -> None:
        assert isinstance(node, cst.Import)
        for alias in node.names:
            full = dotted_name(alias.name)
            if full is None:
                continue
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                self._record_import(alias.asname.name.value, full)
            else:
                head = full.split(".")[0]
                self._record_import(head, head)
        if self.statements:
            self.index.import_statements.append(self.statements[-1])
        return None

    def _record_import(self, local: str, qualified: str) -> None:
        self.index.imports[local] = qualified
        if self.scopes[-1] is self.index.module_scope:
            self.index.module_imports[local] = qualified

    def enter_import_from(self, node: cst.CSTNode) -> None:
        assert isinstance(node, cst.ImportFrom)
        module = dotted_name(node.module) if node.module is not None else None
        prefix = "." * len(node.relative) + (module or "")
        if isinstance(node.names, cst.ImportStar):
            self.index.star_imports.append((prefix, node))
        else:
            for alias in node.names:
                name = dotted_name(alias.name)
                if name is None:
                    continue
                local = name
                if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                    local = alias.asname.name.value
                self._record_import(
                    local,
                    f"{prefix}{name}"
                    if prefix.endswith(".")
                    else f"{prefix}.{name}"
                    if prefix
                    else name,
                )
        if self.statements:
            self.index.import_statements.append(self.statements[-1])
        return None

    # Expressions -----------------------------------------------------------------
    def enter_call(self, node: cst.CSTNode) -> None:
        assert isinstance(node, cst.Call)
        context = self._context()
        self.index.contexts[id(node)] = context
        parent = self.index.parents.get(id(node))
        self.index.calls.append(
            CallSite(
                node=node,
                name=dotted_name(node.func),
                context=context,
                awaited=isinstance(parent, cst.Await),
                enclosing_call=self.calls[-1] if self.calls else None,
            )
        )
        self.calls.append(node)

    def leave_call(self, node: cst.CSTNode) -> None:
        self.calls.pop()

    def _assigned_to(self) -> str | None:
        if not self.statements:
            return None
        stmt = self.statements[-1]
        if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1:
            small = stmt.body[0]
            target: cst.BaseExpression | None = None
            if isinstance(small, cst.Assign) and len(small.targets) == 1:
                target = small.targets[0].target
            elif isinstance(small, cst.AnnAssign):
                target = small.target
            if target is not None:
                return dotted_name(target)
        return None

    def enter_string(self, node: cst.CSTNode) -> None:
        if isinstance(node, cst.SimpleString):
            value = literal_value(node)
            if not isinstance(value, str):
                return None
        else:
            assert isinstance(node, cst.FormattedStringText)
            value = node.value
        context = self._context()
        self.index.contexts[id(node)] = context
        self.index.strings.append(
            StringSite(
                node=node,
                value=value,
                context=context,
                enclosing_call=self.calls[-1] if self.calls else None,
                is_docstring=bool(self.statements)
                and id(self.statements[-1]) in self.docstring_statements,
                assigned_to=self._assigned_to(),
            )
        )
        return None

    def enter_subscript(self, node: cst.CSTNode) -> None:
        assert isinstance(node, cst.Subscript)
        if len(node.slice) == 1:
            index = node.slice[0].slice
            if isinstance(index, cst.Index):
                key = string_value(index.value)
                if key is not None:
                    context = self._context()
                    self.index.contexts[id(node)] = context
                    self.index.subscripts.append(SubscriptSite(node, key, context))
        return None

    def enter_comparison(self, node: cst.CSTNode) -> None:
        assert isinstance(node, cst.Comparison)
        context = self._context()
        self.index.contexts[id(node)] = context
        self.index.comparisons.append(ComparisonSite(node, context))
        return None


class _IndexingCodegenState(FastCodegenState):
    """Code generation that also drives :class:`_IndexBuilder` and notes token offsets.

    The two hooks run for every node of the module, so they are closures over local
    variables installed on the instance (no method binding, no attribute lookups per call).
    """

    def __init__(self, module: cst.Module, builder: _IndexBuilder) -> None:
        super().__init__(module.default_indent, module.default_newline)
        tokens = self.tokens
        token_index: dict[int, int] = {}
        token_end: dict[int, int] = {}
        parents = builder.index.parents
        children = builder.index.children
        note = builder.index.nodes.append
        new_siblings = children.setdefault
        stack: list[cst.CSTNode] = [_ABOVE_ROOT]  # the root's parent while building
        push = stack.append
        pop = stack.pop
        # The children list of each open node, once it has a child: a node's later children
        # are appended without finding its list by id.
        open_lists: list[list[cst.CSTNode] | None] = [None]
        push_list = open_lists.append
        pop_list = open_lists.pop
        enter_of = _ENTER.get
        leave_of = _LEAVE.get
        trivia = TRIVIA_TYPES

        def before_codegen(node: cst.CSTNode) -> None:
            kind = type(node)
            if kind in trivia:
                return
            key = id(node)
            token_index[key] = len(tokens)
            note(node)
            parent = stack[-1]
            parents[key] = parent
            siblings = open_lists[-1]
            if siblings is None:
                siblings = open_lists[-1] = new_siblings(id(parent), [])
            siblings.append(node)
            push(node)
            push_list(None)
            enter = enter_of(kind)
            if enter is not None:
                enter(builder, node)

        def after_codegen(node: cst.CSTNode) -> None:
            kind = type(node)
            if kind in trivia:
                return
            pop()
            pop_list()
            if kind in _SPAN_TYPES:
                token_end[id(node)] = len(tokens)
            leave = leave_of(kind)
            if leave is not None:
                leave(builder, node)

        def leaf_codegen(node: cst.CSTNode, state: CodegenState, **options: Any) -> None:
            # ``before_codegen``, the node's code and ``after_codegen`` in one, for a node
            # whose children are all trivia: nothing is pushed, since no node is noted below it.
            key = id(node)
            token_index[key] = len(tokens)
            note(node)
            parent = stack[-1]
            parents[key] = parent
            siblings = open_lists[-1]
            if siblings is None:
                siblings = open_lists[-1] = new_siblings(id(parent), [])
            siblings.append(node)
            enter = enter_of(type(node))
            if enter is not None:
                enter(builder, node)
            node._codegen_impl(state, **options)

        self.leaf_codegen = leaf_codegen
        self.token_index = token_index
        self.token_end = token_end
        self.before_codegen = before_codegen  # type: ignore[method-assign]
        self.after_codegen = after_codegen  # type: ignore[method-assign]


_NO_STATEMENT = cst.SimpleStatementLine(body=[cst.Pass()])
_SPAN_TYPES = STATEMENT_TYPES | {cst.IndentedBlock}
_LEAF_TYPES: tuple[type, ...] = (
    cst.Name,
    cst.Integer,
    cst.Float,
    cst.Imaginary,
    cst.SimpleString,
    cst.FormattedStringText,
    cst.Ellipsis,
)
"""Node types whose children are all trivia (parentheses at most): no node of the index
lies below them, and they have no leave handler."""
_ABOVE_ROOT = cst.Pass()

_Handler = Callable[[_IndexBuilder, cst.CSTNode], None]

_ENTER: dict[type, _Handler] = {
    cst.SimpleStatementLine: _IndexBuilder.enter_statement,
    cst.If: _IndexBuilder.enter_statement,
    cst.For: _IndexBuilder.enter_statement,
    cst.While: _IndexBuilder.enter_statement,
    cst.With: _IndexBuilder.enter_statement,
    cst.Try: _IndexBuilder.enter_statement,
    cst.TryStar: _IndexBuilder.enter_statement,
    cst.Match: _IndexBuilder.enter_statement,
    cst.ClassDef: _IndexBuilder.enter_class,
    cst.FunctionDef: _IndexBuilder.enter_function,
    cst.IndentedBlock: _IndexBuilder.enter_block,
    cst.Assign: _IndexBuilder.enter_assign,
    cst.AnnAssign: _IndexBuilder.enter_ann_assign,
    cst.Import: _IndexBuilder.enter_import,
    cst.ImportFrom: _IndexBuilder.enter_import_from,
    cst.Call: _IndexBuilder.enter_call,
    cst.SimpleString: _IndexBuilder.enter_string,
    cst.FormattedStringText: _IndexBuilder.enter_string,
    cst.Subscript: _IndexBuilder.enter_subscript,
    cst.Comparison: _IndexBuilder.enter_comparison,
}

_LEAVE: dict[type, _Handler] = {
    **{
        statement_type: _IndexBuilder.leave_statement
        for statement_type, enter in _ENTER.items()
        if enter is _IndexBuilder.enter_statement
    },
    cst.ClassDef: _IndexBuilder.leave_class,
    cst.FunctionDef: _IndexBuilder.leave_function,
    cst.IndentedBlock: _IndexBuilder.leave_block,
    cst.Call: _IndexBuilder.leave_call,
}
