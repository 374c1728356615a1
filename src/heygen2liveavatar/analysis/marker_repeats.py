"""The same to-do twice: a constant and the call that reads it marked with one text.

``ICE_URL = ...`` marked "`streaming.ice` has no successor: drop the ICE exchange" and
``requests.post(ICE_URL, ...)`` marked with the same words tell a person one thing twice;
the call is where the work is (the constant goes with it), so the constant's copy goes.
Different texts stay: "delete this URL once the calls that use it are gone" on a constant
says something its calls' markers do not.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import libcst as cst

from .index import walk_nodes


def repeated_constant_markers(
    markers: Mapping[int, list[str]],
    statement_with_id: Callable[[int], cst.CSTNode | None],
    parent_of: Callable[[cst.CSTNode], cst.CSTNode | None],
) -> list[tuple[cst.CSTNode, str]]:
    """(constant statement, marker text) pairs whose text a statement reading the constant
    also carries. ``markers``: statement id -> marker texts (``EditSet.markers``); a
    constant is a module's or a class's ``NAME = value`` (a function's locals are not:
    ``resp = ...`` in two functions are two places)."""
    by_text: dict[str, list[int]] = {}
    for key, texts in markers.items():
        for text in texts:
            by_text.setdefault(text, []).append(key)
    repeated: list[tuple[cst.CSTNode, str]] = []
    for text, keys in by_text.items():
        if len(keys) < 2:
            continue
        statements = [(key, statement_with_id(key)) for key in keys]
        for key, statement in statements:
            if statement is None:
                continue
            name = _constant_name(statement)
            if name is None or not _module_or_class_level(statement, parent_of):
                continue
            if any(
                other is not None and other_key != key and _reads(other, name)
                for other_key, other in statements
            ):
                repeated.append((statement, text))
    return repeated


def _constant_name(statement: cst.CSTNode) -> str | None:
    """``NAME = value`` (or ``NAME: T = value``): the name it binds."""
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return None
    small = statement.body[0]
    if isinstance(small, cst.Assign) and len(small.targets) == 1:
        target: cst.BaseExpression = small.targets[0].target
    elif isinstance(small, cst.AnnAssign) and small.value is not None:
        target = small.target
    else:
        return None
    return target.value if isinstance(target, cst.Name) else None


def _module_or_class_level(
    statement: cst.CSTNode, parent_of: Callable[[cst.CSTNode], cst.CSTNode | None]
) -> bool:
    parent = parent_of(statement)
    if isinstance(parent, cst.Module):
        return True
    return isinstance(parent, cst.IndentedBlock) and isinstance(parent_of(parent), cst.ClassDef)


def _reads(statement: cst.CSTNode, name: str) -> bool:
    """The statement reads ``name`` (``self.NAME`` and ``cls.NAME`` count: class constants)."""
    return any(
        (type(node) is cst.Name and node.value == name)
        or (type(node) is cst.Attribute and node.attr.value == name)
        for node in walk_nodes(statement)
    )


__all__ = ["repeated_constant_markers"]
