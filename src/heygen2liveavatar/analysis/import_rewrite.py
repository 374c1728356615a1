"""Rewriting ``from x import ...`` statements for moved modules, keeping their layout.

An :class:`ImportEdit` collects what the planning of a module move decided for one statement:
names renamed, dropped (no longer used), re-imported from a legacy module (no successor, still
used), added (new names the rewritten code needs) or given an ``as`` name (the new name is
taken). :func:`import_rewrite` turns it into the edits of the statement: a transform of the
statement (aliases, parentheses and trailing commas kept; a line grown past ``MAX_LINE`` is
wrapped one name per line), extra statements for the legacy modules, or removal when nothing is
left.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import libcst as cst

from .call_arguments import expression, opening_indent, relayout
from .codegen import code_of
from .edits import NodeTransform
from .import_bindings import Binding, module_of
from .index import Statement, dotted_name


@dataclass
class ImportEdit:
    """What happens to one ``from x import ...`` statement."""

    node: cst.ImportFrom
    statement: Statement
    new_module: str | None = None
    renames: dict[int, str] = field(default_factory=dict)
    """Position of the alias -> new imported name."""
    dropped: set[int] = field(default_factory=set)
    legacy: dict[int, str] = field(default_factory=dict)
    """Position -> module the alias is re-imported from, in a statement of its own."""
    additions: list[str] = field(default_factory=list)
    aliases: dict[int, str] = field(default_factory=dict)
    """Position -> ``as`` name added (the new name clashes with another binding)."""
    top_level: bool = False
    """The statement is at module level (its continuation lines can be indented by 4)."""


def frozen_positions(bindings: Sequence[Binding]) -> dict[int, dict[int, Binding]]:
    """Import statement id -> alias position -> the binding left exactly as it is there."""
    frozen: dict[int, dict[int, Binding]] = {}
    for binding in bindings:
        if binding.frozen:
            frozen.setdefault(id(binding.import_node), {})[binding.position] = binding
    return frozen


@dataclass
class ImportRewrite:
    """The edits of one statement: ``transform`` (``None``: remove the statement), then
    ``extra_statements`` inserted after it."""

    transform: NodeTransform | None
    extra_statements: list[cst.BaseStatement]


def import_rewrite(edit: ImportEdit, frozen: Mapping[int, Binding]) -> ImportRewrite | None:
    """The edits ``edit`` asks for, or ``None`` when the statement stays as it is.

    ``frozen`` maps alias positions to bindings left exactly as they are: when the statement
    moves to another module they stay behind, re-imported from where they were.
    """
    original_module = module_of(edit.node)
    names = edit.node.names
    assert not isinstance(names, cst.ImportStar)
    if edit.new_module is not None and edit.new_module != original_module:
        # Aliases that stay behind must not silently change module with the statement.
        for position in range(len(names)):
            binding = frozen.get(position)
            if binding is not None and position not in edit.legacy:
                edit.legacy[position] = (
                    binding.move.legacy_module
                    if not binding.is_module
                    else original_module or binding.move.old
                )
    if not (edit.renames or edit.dropped or edit.legacy or edit.additions) and (
        edit.new_module in (None, original_module)
    ):
        return None
    legacy_groups: dict[str, list[cst.ImportAlias]] = {}
    for position, module in edit.legacy.items():
        legacy_groups.setdefault(module, []).append(names[position])
    kept = len(names) - len(edit.dropped) - len(edit.legacy) + len(edit.additions)
    main_legacy: str | None = None
    if kept <= 0 and legacy_groups:
        main_legacy = next(iter(legacy_groups))
    if kept <= 0 and main_legacy is None:
        statement = edit.statement
        if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
            return ImportRewrite(None, [])
    extra_statements: list[cst.BaseStatement] = [
        from_import(module, aliases)
        for module, aliases in legacy_groups.items()
        if module != main_legacy
    ]
    return ImportRewrite(_import_rewriter(edit, main_legacy), extra_statements)


def attribute_renamer(new: str) -> NodeTransform:
    def rename(updated: cst.CSTNode) -> cst.CSTNode:
        if isinstance(updated, cst.Attribute):
            return updated.with_changes(attr=cst.Name(new))
        return updated

    return rename


def with_alias_name(updated: cst.CSTNode, dotted: str) -> cst.CSTNode:
    assert isinstance(updated, cst.ImportAlias)
    new_name = expression(dotted)
    assert isinstance(new_name, (cst.Name, cst.Attribute))
    return updated.with_changes(name=new_name)


def from_import(module: str, aliases: list[cst.ImportAlias]) -> cst.SimpleStatementLine:
    clean = [alias.with_changes(comma=cst.MaybeSentinel.DEFAULT) for alias in aliases]
    module_node = expression(module)
    assert isinstance(module_node, (cst.Name, cst.Attribute))
    return cst.SimpleStatementLine(
        body=[cst.ImportFrom(module=module_node, names=relayout(clean, []))]
    )


def _import_rewriter(edit: ImportEdit, main_legacy: str | None) -> NodeTransform:
    """The transform of one ``from x import ...`` statement."""

    def rewrite(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.ImportFrom)
        names = updated.names
        if isinstance(names, cst.ImportStar):
            return updated
        kept: list[cst.ImportAlias] = []
        for position, alias in enumerate(names):
            if position in edit.dropped:
                continue
            if position in edit.legacy:
                if main_legacy is not None and edit.legacy[position] == main_legacy:
                    kept.append(alias)
                continue
            new_name = edit.renames.get(position)
            if new_name is not None:
                alias = alias.with_changes(name=cst.Name(new_name))
            if position in edit.aliases:
                alias = alias.with_changes(asname=cst.AsName(name=cst.Name(edit.aliases[position])))
            kept.append(alias)
        present = {dotted_name(alias.name) for alias in kept if alias.asname is None}
        for name in edit.additions:
            if name not in present:
                kept.append(cst.ImportAlias(name=cst.Name(name)))
        if not kept:
            return cst.Pass()
        module = main_legacy or edit.new_module
        changes: dict[str, object] = {"names": relayout(kept, list(names), _import_indent(updated))}
        if module is not None:
            changes["module"] = expression(module)
        result = updated.with_changes(**changes)
        if edit.top_level and updated.lpar is None and len(code_of(result, _EMPTY)) > MAX_LINE:
            result = _parenthesized(result)
        return result

    return rewrite


_EMPTY = cst.Module(body=[])
MAX_LINE = 100
"""Longer rewritten ``from x import a, b`` lines are wrapped, one name per line."""


def _parenthesized(node: cst.ImportFrom) -> cst.ImportFrom:
    names = node.names
    assert not isinstance(names, cst.ImportStar)
    line = cst.ParenthesizedWhitespace(
        first_line=cst.TrailingWhitespace(), indent=True, last_line=cst.SimpleWhitespace("    ")
    )
    closing = cst.ParenthesizedWhitespace(
        first_line=cst.TrailingWhitespace(), indent=True, last_line=cst.SimpleWhitespace("")
    )
    aliases = [
        alias.with_changes(
            comma=cst.Comma(whitespace_after=closing if i == len(names) - 1 else line)
        )
        for i, alias in enumerate(names)
    ]
    return node.with_changes(
        names=aliases,
        lpar=cst.LeftParen(whitespace_after=line),
        rpar=cst.RightParen(),
    )


def _import_indent(node: cst.ImportFrom) -> str | None:
    if isinstance(node.lpar, cst.LeftParen):
        return opening_indent(node.lpar.whitespace_after)
    return None
