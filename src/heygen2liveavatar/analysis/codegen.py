"""LibCST code generation without the per-node context-manager cost.

LibCST's ``CodegenState.record_syntactic_position`` is a ``@contextmanager`` generator: every
expression, statement and bracket pair enters one, although only the position-metadata
provider does anything in it. On our files that generator machinery costs about a third of a
code generation. :class:`FastCodegenState` returns one shared no-op context manager instead
and appends tokens through the list's own bound method; the tokens produced are identical.

Every expression also writes its parentheses through ``_parenthesize`` (lists and dicts their
brackets through ``_bracketize`` / ``_braceize``), three more ``@contextmanager`` generators:
:func:`fast_brackets` swaps in plain context managers that emit the same tokens in the same
order, for the duration of our own code generations only.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import TYPE_CHECKING, Any

from libcst._nodes.expression import BaseList, _BaseParenthesizedNode, _BaseSetOrDict
from libcst._nodes.internal import CodegenState

if TYPE_CHECKING:
    import libcst as cst


class _NoPosition:
    """A reusable context manager that does nothing (positions are not recorded)."""

    __slots__ = ()

    def __enter__(self) -> None:
        return None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        return None


_NO_POSITION = _NoPosition()


class FastCodegenState(CodegenState):
    """A :class:`CodegenState` whose hot methods cost one call each, not a generator."""

    def __init__(self, default_indent: str, default_newline: str) -> None:
        super().__init__(default_indent=default_indent, default_newline=default_newline)
        # Instance attributes shadow the class's methods: ``state.add_token(t)`` becomes a
        # direct call of ``list.append``.
        self.add_token = self.tokens.append  # type: ignore[method-assign,assignment]
        # Every node calls both hooks; the base class's are Python methods that do nothing.
        # ``id`` takes any one object and has no effect, at the cost of a builtin call.
        self.before_codegen = self.after_codegen = id  # type: ignore[method-assign,assignment]

    def record_syntactic_position(  # type: ignore[override]
        self,
        node: cst.CSTNode,
        *,
        start_node: cst.CSTNode | None = None,
        end_node: cst.CSTNode | None = None,
    ) -> _NoPosition:
        return _NO_POSITION


class _Parentheses:
    """``_BaseParenthesizedNode._parenthesize`` without the generator: the node's left
    parentheses, its code inside its syntactic position, its right parentheses."""

    __slots__ = ("node", "position", "state")

    def __init__(self, node: Any, state: CodegenState) -> None:
        self.node = node
        self.state = state

    def __enter__(self) -> None:
        state = self.state
        for lpar in self.node.lpar:
            lpar._codegen(state)
        self.position = state.record_syntactic_position(self.node)
        self.position.__enter__()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> bool:
        # As the generator: an exception skips the right parentheses, unless the position
        # context swallowed it.
        suppressed = bool(self.position.__exit__(exc_type, exc, traceback))
        if exc_type is None or suppressed:
            state = self.state
            for rpar in self.node.rpar:
                rpar._codegen(state)
        return suppressed


class _Delimited:
    """``_bracketize`` / ``_braceize`` without the generator (``opening``/``closing`` name
    the node's fields)."""

    __slots__ = ("closing", "node", "opening", "state")

    def __init__(self, node: Any, state: CodegenState, opening: str, closing: str) -> None:
        self.node = node
        self.state = state
        self.opening = opening
        self.closing = closing

    def __enter__(self) -> None:
        getattr(self.node, self.opening)._codegen(self.state)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc_type is None:
            getattr(self.node, self.closing)._codegen(self.state)


def _parenthesize(self: Any, state: CodegenState) -> _Parentheses | _NoPosition:
    if not self.lpar and not self.rpar and isinstance(state, FastCodegenState):
        # Most expressions have no parentheses, and our state records no positions: there
        # is nothing to write around the node.
        return _NO_POSITION
    return _Parentheses(self, state)


def _bracketize(self: Any, state: CodegenState) -> _Delimited:
    return _Delimited(self, state, "lbracket", "rbracket")


def _braceize(self: Any, state: CodegenState) -> _Delimited:
    return _Delimited(self, state, "lbrace", "rbrace")


_FAST_METHODS = (
    (_BaseParenthesizedNode, "_parenthesize", _parenthesize),
    (BaseList, "_bracketize", _bracketize),
    (_BaseSetOrDict, "_braceize", _braceize),
)
_fast_depth = 0


@contextmanager
def fast_brackets(trivia: frozenset[type] = frozenset()) -> Iterator[None]:
    """LibCST's parenthesis and bracket context managers replaced by :class:`_Parentheses`
    and :class:`_Delimited` while the block runs (one code generation): the same tokens, a
    fraction of the calls. Restored afterwards, so code generation elsewhere in the process
    (LibCST's position metadata, a user's codemod) runs LibCST's own methods.

    The node types in ``trivia`` (whitespace, punctuation, operators: half the nodes of a
    module) write their tokens without calling the state's two hooks: ``_codegen`` is their
    ``_codegen_impl`` for the duration. Only for code generations whose hooks ignore those
    types (:class:`FastCodegenState`'s do nothing, the index's return at once for them)."""
    global _fast_depth
    if _fast_depth == 0:
        saved = [(owner, name, owner.__dict__[name]) for owner, name, _ in _FAST_METHODS]
        for owner, name, method in _FAST_METHODS:
            setattr(owner, name, method)
        skipped = [kind for kind in trivia if "_codegen" not in kind.__dict__]
        for kind in skipped:
            kind._codegen = kind._codegen_impl  # type: ignore[attr-defined]
    _fast_depth += 1
    try:
        yield
    finally:
        _fast_depth -= 1
        if _fast_depth == 0:
            for owner, name, original in saved:
                setattr(owner, name, original)
            for kind in skipped:
                del kind._codegen  # type: ignore[attr-defined]


def code_of(node: cst.CSTNode, module: cst.Module) -> str:
    """``module.code_for_node(node)``, faster (``node`` may be ``module`` itself)."""
    state = FastCodegenState(module.default_indent, module.default_newline)
    with fast_brackets():
        node._codegen(state)
    return "".join(state.tokens)
