"""The code of an edited module, reusing the original's code for every statement left alone.

Edits rebuild only the paths to what they change (:mod:`.rebuild`), so most statements and
indented blocks of the edited module are the original objects, at the same depth. Their code
is already known: the index kept the tokens the original code generation produced for each
of them. Generating the edited module then means generating the rebuilt statements and
copying the others' tokens, instead of regenerating every node.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import libcst as cst

from .codegen import FastCodegenState, code_of, fast_brackets
from .index import STATEMENT_TYPES, TRIVIA_TYPES, ModuleIndex, field_names

# Fields of compound statements and their clauses that hold statements or clauses.
_SUITE_FIELDS = ("body", "orelse", "handlers", "finalbody", "cases")
_CLAUSE_TYPES = frozenset(
    {
        cst.IndentedBlock,
        cst.Else,
        cst.If,
        cst.ExceptHandler,
        cst.ExceptStarHandler,
        cst.Finally,
        cst.MatchCase,
    }
)


class _Verbatim:
    """Stands in for an unchanged statement or block: its code generation replays the tokens
    the original produced (and thus needs the same indentation around it)."""

    __slots__ = ("tokens",)

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens

    def _codegen(self, state: FastCodegenState, **_options: object) -> None:
        # ``_options``: an ``elif`` clause is generated with ``is_elif=True``; its tokens
        # already say ``elif``.
        state.tokens.extend(self.tokens)


@dataclass
class EditedCode:
    code: str
    """The edited module's code."""
    regenerated: str
    """The code of its top-level statements that were generated, not replayed, in order.

    Top-level statements are independent for the parser (each starts at column 0 with no
    bracket open), and the replayed ones parsed in the original: when this text parses, so
    does ``code``. Checking it costs a fraction of parsing the whole module."""


class _Measured:
    """Wraps a generated top-level statement to note where its tokens lie."""

    __slots__ = ("node", "spans")

    def __init__(self, node: cst.CSTNode, spans: list[tuple[int, int]]) -> None:
        self.node = node
        self.spans = spans

    def _codegen(self, state: FastCodegenState, **options: object) -> None:
        start = len(state.tokens)
        self.node._codegen(state, **options)
        self.spans.append((start, len(state.tokens)))


def edited_code(module: cst.Module, index: ModuleIndex) -> EditedCode:
    """The code of ``module``, made from ``index.module`` by rebuilding paths (see
    :class:`EditedCode`); equal to ``code_of(module, module)``, which the tests check."""
    if module is index.module:
        return EditedCode(index.code, "")
    original = index.module
    if (
        module.default_indent != original.default_indent
        or module.default_newline != original.default_newline
    ):
        code = code_of(module, module)  # every token depends on these
        return EditedCode(code, code)
    shadow = _with_verbatim(module, (), index, in_body=False)
    assert isinstance(shadow, cst.Module)
    spans: list[tuple[int, int]] = []
    body = [
        statement if isinstance(statement, _Verbatim) else _Measured(statement, spans)
        for statement in shadow.body
    ]
    state = FastCodegenState(module.default_indent, module.default_newline)
    with fast_brackets(TRIVIA_TYPES):
        _with_field(shadow, "body", body)._codegen(state)
    tokens = state.tokens
    regenerated = "".join("".join(tokens[start:end]) for start, end in spans)
    return EditedCode("".join(tokens), regenerated)


def _with_verbatim(
    node: cst.CSTNode, indents: tuple[str | None, ...], index: ModuleIndex, in_body: bool
) -> cst.CSTNode:
    """``node`` with each unchanged statement or block at its original depth replaced by a
    :class:`_Verbatim` copy of its code (``indents``: the blocks around ``node`` here;
    ``in_body``: ``node`` is an element of a body, not a clause such as an ``elif``)."""
    if _replayable(node, indents, index, in_body):
        tokens = index.original_tokens(node)
        if tokens is not None:
            return _Verbatim(tokens)  # type: ignore[return-value]
    kind = type(node)
    if kind is cst.Module or kind is cst.IndentedBlock:
        assert isinstance(node, (cst.Module, cst.IndentedBlock))
        inner = (*indents, node.indent) if isinstance(node, cst.IndentedBlock) else indents
        body = _all_with_verbatim(node.body, inner, index, in_body=True)
        return node if body is None else _with_field(node, "body", body)
    if kind in STATEMENT_TYPES or kind in _CLAUSE_TYPES:
        replaced = node
        if kind is cst.Match:
            # A ``match`` indents its cases itself (``Match.indent``), as ``original_indents`` counts.
            assert isinstance(node, cst.Match)
            indents = (*indents, node.indent)
        for name in _SUITE_FIELDS:
            value = getattr(node, name, None)
            if value is None:
                continue
            if isinstance(value, (list, tuple)):
                items = _all_with_verbatim(value, indents, index, in_body=False)
                if items is not None:
                    replaced = _with_field(replaced, name, items)
            elif type(value) in _CLAUSE_TYPES:
                new = _with_verbatim(value, indents, index, in_body=False)
                if new is not value:
                    replaced = _with_field(replaced, name, new)
        return replaced
    return node


def _replayable(
    node: cst.CSTNode, indents: tuple[str | None, ...], index: ModuleIndex, in_body: bool
) -> bool:
    """The original tokens of ``node`` are its code here: same depth, same role.

    A statement's tokens depend on the indentation around it and on whether it is a body
    element (an ``if`` as a statement starts with ``if``, as a clause with ``elif``), so it
    is replayed only as a body element that was one. An indented block has no such role.
    """
    if index.original_indents(node) != indents:
        return False
    if type(node) is cst.IndentedBlock:
        return True
    parent = index.parent_of(node)
    was_in_body = type(parent) is cst.Module or type(parent) is cst.IndentedBlock
    return in_body and was_in_body


def _all_with_verbatim(
    nodes: Sequence[cst.CSTNode],
    indents: tuple[str | None, ...],
    index: ModuleIndex,
    in_body: bool,
) -> list[cst.CSTNode] | None:
    """:func:`_with_verbatim` of each node; ``None`` when none changed."""
    new = [_with_verbatim(node, indents, index, in_body) for node in nodes]
    if all(a is b for a, b in zip(new, nodes)):
        return None
    return new


def _with_field(node: cst.CSTNode, name: str, value: object) -> cst.CSTNode:
    """A shallow copy of ``node`` with one field set, without LibCST's validation.

    The copy only feeds code generation: it may hold :class:`_Verbatim` stand-ins, which
    validation would reject.
    """
    copy = object.__new__(type(node))
    for field_name in field_names(type(node)):
        object.__setattr__(copy, field_name, getattr(node, field_name))
    object.__setattr__(copy, name, value)
    return copy
